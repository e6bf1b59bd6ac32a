"""Assessments (kartlegging), their recommendations and the § 4-6 a legal decision."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from services.welfaretech.api.deps import PERSON_READER, TEAM, Idempotent, WorkDep
from services.welfaretech.api.problems import errors
from services.welfaretech.api.views import assessment_read, recommendation_read
from services.welfaretech.domain.legal import DecisionClosed
from services.welfaretech.domain.problems import (
    NotLegalDecisionCandidate,
    RecommendationAlreadyDecided,
    ReferralClosed,
)
from services.welfaretech.flows import assessments as flow
from services.welfaretech.schemas import (
    AssessmentCreate,
    AssessmentRead,
    LegalDecisionCreate,
    LegalDecisionEnd,
    LegalDecisionEnded,
    LegalDecisionRenew,
    RecommendationDecide,
    RecommendationRead,
)
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import Conflict, problem_responses

router = APIRouter(tags=["assessments"])


@router.post(
    "/assessments",
    status_code=201,
    response_model=AssessmentRead,
    responses=errors(404, 503, conflict=(ReferralClosed, Conflict)),
    operation_id="record_assessment",
    dependencies=[TEAM],
)
async def record_assessment(
    body: AssessmentCreate, work: WorkDep, idempotent: Idempotent
) -> Response:
    """Record the assessment; the rules propose technologies for its needs."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    assessment = await flow.record(work, body)
    return await idempotent.respond(201, assessment_read(assessment, work.today))


@router.get(
    "/assessments/{assessment_id}",
    response_model=AssessmentRead,
    responses=problem_responses(403, 404),
    operation_id="get_assessment",
    dependencies=[PERSON_READER],
)
async def get_assessment(assessment_id: uuid.UUID, work: WorkDep) -> AssessmentRead:
    """One assessment with its recommendations; the read is in the access log."""
    return assessment_read(await flow.get(work, assessment_id), work.today)


@router.get(
    "/persons/{person_id}/assessments",
    response_model=list[AssessmentRead],
    responses=problem_responses(403, 404, 503),
    operation_id="list_person_assessments",
    dependencies=[PERSON_READER],
)
async def list_person_assessments(person_id: uuid.UUID, work: WorkDep) -> list[AssessmentRead]:
    """The person's assessments, oldest first. A person of another municipality or unknown
    (to this service and to intake) is a 404; intake down when it must be asked, 503."""
    return [assessment_read(a, work.today) for a in await flow.for_person(work, person_id)]


@router.post(
    "/assessments/{assessment_id}/legal-decisions",
    status_code=201,
    response_model=AssessmentRead,
    responses=errors(404, conflict=(NotLegalDecisionCandidate,)),
    operation_id="record_legal_decision",
    dependencies=[TEAM],
)
async def record_legal_decision(
    assessment_id: uuid.UUID, body: LegalDecisionCreate, work: WorkDep
) -> AssessmentRead:
    """The decision under pbrl § 4-6 a, each condition documented and limited in time."""
    return assessment_read(await flow.add_legal_decision(work, assessment_id, body), work.today)


@router.post(
    "/legal-decisions/{decision_id}/renew",
    status_code=201,
    response_model=AssessmentRead,
    responses=errors(404, 412, 428, conflict=(DecisionClosed,)),
    operation_id="renew_legal_decision",
    dependencies=[TEAM],
)
async def renew_legal_decision(
    decision_id: uuid.UUID, body: LegalDecisionRenew, work: WorkDep, if_match: IfMatchVersion
) -> AssessmentRead:
    """Renew a lapsing or lapsed § 4-6 a decision (If-Match: the decision's version): each
    condition documented anew, a new time limit within the legal basis; the assessment with
    the renewal is returned."""
    return assessment_read(
        await flow.renew_legal_decision(work, decision_id, body, if_match), work.today
    )


@router.post(
    "/legal-decisions/{decision_id}/end",
    response_model=LegalDecisionEnded,
    responses=errors(404, 412, 428, conflict=(DecisionClosed,)),
    operation_id="end_legal_decision",
    dependencies=[TEAM],
)
async def end_legal_decision(
    decision_id: uuid.UUID, body: LegalDecisionEnd, work: WorkDep, if_match: IfMatchVersion
) -> LegalDecisionEnded:
    """End a § 4-6 a decision (If-Match: its version). The alarm or location technology that
    rests on it alone may not be used from that day: those loans end with it, the devices
    collected to `device_to`."""
    assessment, loans = await flow.end_legal_decision(work, decision_id, body, if_match)
    return LegalDecisionEnded(
        assessment=assessment_read(assessment, work.today),
        loans_ended=[loan.id for loan in loans],
    )


@router.post(
    "/recommendations/{recommendation_id}/decide",
    response_model=RecommendationRead,
    responses=errors(404, 412, 428, conflict=(RecommendationAlreadyDecided,)),
    operation_id="decide_recommendation",
    dependencies=[TEAM],
)
async def decide_recommendation(
    recommendation_id: uuid.UUID,
    body: RecommendationDecide,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> RecommendationRead:
    """Accept (naming who provides it, perhaps as a trial) or reject, with a reason."""
    recommendation = await flow.decide(work, recommendation_id, body, if_match)
    assessment = await flow.get(work, recommendation.assessment_id)
    set_etag(response, recommendation.version)
    return recommendation_read(recommendation, assessment, work.today)

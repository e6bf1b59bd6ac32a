"""Assessments (kartlegging): «Hva er viktig for deg?» first, then scores, resources and risks."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from services.intake.api.deps import ANY_ROLE, ASSESSMENT_READER, ASSESSOR, Idempotent, WorkDep
from services.intake.api.views import assessment_read
from services.intake.domain.functional import (
    FUNCTIONAL_SCALE,
    SENSORY_SCALE,
    SPEC_VERSION,
    VARIABLES,
    Group,
)
from services.intake.flows import assessments as flow
from services.intake.models import AssessmentDraft
from services.intake.schemas import (
    AssessmentCreate,
    AssessmentDraftIn,
    AssessmentDraftRead,
    AssessmentRead,
    FunctionalVariableRead,
)
from shared.concurrency import IfMatchVersion, etag_for, set_etag
from shared.errors import problem_responses
from shared.schemas.common import LocalizedText

router = APIRouter(tags=["assessments"])


@router.get(
    "/functional-variables",
    response_model=list[FunctionalVariableRead],
    operation_id="list_functional_variables",
    dependencies=[ANY_ROLE],
)
async def list_functional_variables() -> list[FunctionalVariableRead]:
    """The IPLOS/KPR functional variables in force, with their scales."""
    return [
        FunctionalVariableRead(
            code=v.code,
            group=v.group.value,
            name=LocalizedText(nb=v.nb, nn=v.nn, en=v.en),
            scale=list(SENSORY_SCALE if v.group == Group.sensory else FUNCTIONAL_SCALE),
            spec_version=SPEC_VERSION,
        )
        for v in VARIABLES
    ]


@router.post(
    "/applications/{application_id}/assessments",
    status_code=201,
    response_model=AssessmentRead,
    responses=problem_responses(404, 409),
    operation_id="record_assessment",
    dependencies=[ASSESSOR],
)
async def record_assessment(
    application_id: uuid.UUID, body: AssessmentCreate, work: WorkDep, idempotent: Idempotent
) -> Response:
    """Record an assessment; the need level and the criteria facts are computed, never typed."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    assessment = await flow.record(work, application_id, body)
    return await idempotent.respond(201, assessment_read(assessment))


@router.get(
    "/applications/{application_id}/assessments",
    response_model=list[AssessmentRead],
    responses=problem_responses(404),
    operation_id="list_assessments",
    dependencies=[ASSESSMENT_READER],
)
async def list_assessments(application_id: uuid.UUID, work: WorkDep) -> list[AssessmentRead]:
    """The application's assessments, oldest first; scores are history, never overwritten."""
    return [assessment_read(row) for row in await flow.for_application(work, application_id)]


def _draft_read(draft: AssessmentDraft) -> AssessmentDraftRead:
    return AssessmentDraftRead(
        application_id=draft.application_id,
        content=draft.content,
        saved_by_name=draft.saved_by_name,
        saved_at=draft.updated_at,
        version=draft.version,
    )


@router.get(
    "/applications/{application_id}/assessment-draft",
    response_model=AssessmentDraftRead,
    responses=problem_responses(404),
    operation_id="get_assessment_draft",
    dependencies=[ASSESSOR],
)
async def get_assessment_draft(
    application_id: uuid.UUID, work: WorkDep, response: Response
) -> AssessmentDraftRead:
    """The assessment being written for this application, to go on with (404 when none)."""
    draft = await flow.draft(work, application_id)
    set_etag(response, draft.version)
    return _draft_read(draft)


@router.put(
    "/applications/{application_id}/assessment-draft",
    response_model=AssessmentDraftRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="save_assessment_draft",
    dependencies=[ASSESSOR],
)
async def save_assessment_draft(
    application_id: uuid.UUID,
    body: AssessmentDraftIn,
    work: WorkDep,
    if_match: IfMatchVersion,
    idempotent: Idempotent,
) -> Response:
    """Save the answers so far (`If-Match` "0" for the first save); the draft goes away when
    the assessment is recorded. A tablet that lost the answer retries with the same
    `Idempotency-Key` and gets the first answer again, not a 412 from its own save."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    draft = await flow.save_draft(work, application_id, body, if_match)
    return await idempotent.respond(
        200, _draft_read(draft), headers={"ETag": etag_for(draft.version)}
    )

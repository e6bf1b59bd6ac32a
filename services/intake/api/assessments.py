"""Assessments (kartlegging): «Hva er viktig for deg?» first, then scores, resources and risks."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date

from fastapi import APIRouter, Response
from sqlalchemy import select

from services.intake.api.deps import ACCESS_LOG, Idempotent
from services.intake.domain.access import check_may_assess, check_may_read_assessments
from services.intake.domain.applications import ApplicationStatus, Channel
from services.intake.domain.assessments import Observations, criteria_facts, follow_ups
from services.intake.domain.functional import (
    FUNCTIONAL_SCALE,
    NEED_LEVEL_RULE,
    SENSORY_SCALE,
    SPEC_VERSION,
    VARIABLES,
    Group,
    ScoreError,
    check_scores,
    derive,
)
from services.intake.models import Assessment
from services.intake.repository import ApplicationRepoDep
from services.intake.schemas import (
    AssessmentCreate,
    AssessmentRead,
    DerivedRead,
    FunctionalVariableRead,
)
from shared.access_log import AccessAction
from shared.auth import CurrentPrincipal
from shared.errors import Conflict, RuleViolation, problem_responses
from shared.outbox import EventOutbox
from shared.schemas.common import LocalizedText

router = APIRouter(tags=["assessments"])


def observations(body: AssessmentCreate, born: date, channel: str) -> Observations:
    return Observations(
        born=born,
        assessed_on=body.assessed_on,
        rehabilitation_potential=body.rehabilitation_potential,
        nutrition_risk=body.nutrition_risk,
        fall_risk=body.fall_risk,
        needs_24h_care=body.needs_24h_care,
        has_dementia=body.has_dementia,
        is_palliative=body.is_palliative,
        relative_care_burden=body.relative_care_burden,
        acute_need=body.acute_need,
        is_discharge_ready=channel == Channel.hospital_message,
        expected_duration_months=body.expected_duration_months,
        assessed_hours_per_week=body.assessed_hours_per_week,
    )


def assessment_read(assessment: Assessment) -> AssessmentRead:
    return AssessmentRead.model_validate(
        {
            **{
                c: getattr(assessment, c)
                for c in (
                    "id",
                    "person_id",
                    "application_id",
                    "assessed_on",
                    "assessed_by_name",
                    "place",
                    "what_matters",
                    "spec_version",
                    "scores",
                    "own_resources",
                    "network",
                    "relatives_contribution",
                    "housing",
                    "rehabilitation_potential",
                    "welfare_technology",
                    "nutrition_risk",
                    "fall_risk",
                    "facts",
                    "diagnoses",
                    "note",
                    "created_at",
                )
            },
            "derived": DerivedRead.model_validate(assessment.derived),
            "follow_ups": assessment.derived.get("follow_ups", []),
        }
    )


@router.get(
    "/functional-variables",
    response_model=list[FunctionalVariableRead],
    operation_id="list_functional_variables",
)
async def list_functional_variables(_: CurrentPrincipal) -> list[FunctionalVariableRead]:
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
)
async def record_assessment(
    application_id: uuid.UUID,
    body: AssessmentCreate,
    applications: ApplicationRepoDep,
    user: CurrentPrincipal,
    idempotent: Idempotent,
    outbox: EventOutbox,
) -> Response:
    """Record an assessment; the need level and the criteria facts are computed, never typed."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    application = await applications.get(application_id)
    check_may_assess(user, application.assessment_unit)
    if application.status in (ApplicationStatus.decided, ApplicationStatus.withdrawn):
        raise Conflict(f"The application is {application.status}; assess a new one")
    try:
        check_scores(body.scores)
    except ScoreError as exc:
        raise RuleViolation(f"body.scores.{exc.code}", str(exc)) from exc
    if body.assessed_on < application.received_on:
        raise RuleViolation("body.assessed_on", "The assessment is on or after the application")
    derived = derive(body.scores)
    seen = observations(body, application.person.birth_date, application.channel)
    flags = follow_ups(seen, body.welfare_technology.positive)
    assessment = Assessment(
        person_id=application.person_id,
        application_id=application.id,
        assessed_by=user.sub,
        assessed_by_name=user.name,
        spec_version=SPEC_VERSION,
        derived={**asdict(derived), "rule": NEED_LEVEL_RULE.source, "follow_ups": flags},
        facts=criteria_facts(derived, seen),
        **body.model_dump(
            mode="json",
            include={
                "what_matters",
                "scores",
                "own_resources",
                "network",
                "relatives_contribution",
                "housing",
                "rehabilitation_potential",
                "welfare_technology",
                "nutrition_risk",
                "fall_risk",
                "diagnoses",
                "note",
                "place",
            },
        ),
        assessed_on=body.assessed_on,
    )
    applications.session.add(assessment)
    if application.status == ApplicationStatus.received:
        application.status = ApplicationStatus.in_assessment
    await applications.session.flush()
    await ACCESS_LOG.record(
        applications.session,
        user,
        application.person_id,
        AccessAction.create,
        "assessment",
        assessment.id,
    )
    await outbox.record(
        applications.session,
        "assessment.completed",
        subject=assessment.id,
        data={
            "person_id": str(application.person_id),
            "application_id": str(application.id),
            "need_level": derived.need_level.value if derived.need_level else None,
            "follow_ups": flags,
        },
    )
    if body.welfare_technology.positive:
        await outbox.record(
            applications.session,
            "welfare_technology.requested",
            subject=assessment.id,
            data={
                "person_id": str(application.person_id),
                "application_id": str(application.id),
                "needs": [need.value for need in body.welfare_technology.needs],
                "note": body.welfare_technology.note,
            },
        )
    return await idempotent.respond(201, assessment_read(assessment))


@router.get(
    "/applications/{application_id}/assessments",
    response_model=list[AssessmentRead],
    responses=problem_responses(404),
    operation_id="list_assessments",
)
async def list_assessments(
    application_id: uuid.UUID, applications: ApplicationRepoDep, user: CurrentPrincipal
) -> list[AssessmentRead]:
    """The application's assessments, oldest first; scores are history, never overwritten."""
    application = await applications.get(application_id)
    check_may_read_assessments(user, application.assessment_unit)
    rows = await applications.session.scalars(
        select(Assessment)
        .where(Assessment.application_id == application.id)
        .order_by(Assessment.assessed_on, Assessment.created_at)
    )
    await ACCESS_LOG.record(
        applications.session, user, application.person_id, AccessAction.read, "assessment"
    )
    return [assessment_read(row) for row in rows]

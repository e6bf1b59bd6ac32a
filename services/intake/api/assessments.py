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
from services.intake.schemas import AssessmentCreate, AssessmentRead, FunctionalVariableRead
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

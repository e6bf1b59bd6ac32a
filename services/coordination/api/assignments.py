"""Koordinator and primærkontakt assignments, hand-over and caseload."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from services.coordination.api.deps import (
    ACCESS_LOG_READER,
    ASSIGNER,
    COORDINATING_UNIT,
    INBOX_READER,
    PLAN_READER,
    WorkDep,
)
from services.coordination.api.views import assignment_read
from services.coordination.flows import assignments as flow
from services.coordination.flows import plans as plan_flow
from services.coordination.schemas import (
    CaseloadItem,
    CoordinatorAssignmentCreate,
    CoordinatorAssignmentRead,
    HandOver,
    HandOverResult,
    PrimaryContactCreate,
    PrimaryContactRead,
)
from shared.access_log import add_person_log_routes
from shared.errors import problem_responses

router = APIRouter(tags=["assignments"])


@router.post(
    "/persons/{person_id}/coordinators",
    status_code=201,
    response_model=CoordinatorAssignmentRead,
    responses=problem_responses(404, 409, 503),
    operation_id="assign_coordinator",
    dependencies=[COORDINATING_UNIT],
)
async def assign_coordinator(
    person_id: uuid.UUID, body: CoordinatorAssignmentCreate, work: WorkDep
) -> CoordinatorAssignmentRead:
    """A new koordinator from `from_date`; the current one ends the day before."""
    assignment = await flow.assign_for_person(
        work,
        person_id,
        body.sub or work.user.sub,
        body.name or work.user.name,
        body.kind,
        body.from_date,
    )
    return assignment_read(assignment)


@router.get(
    "/persons/{person_id}/coordinators",
    response_model=list[CoordinatorAssignmentRead],
    responses=problem_responses(403, 404),
    operation_id="list_coordinators",
    dependencies=[PLAN_READER],
)
async def list_coordinators(person_id: uuid.UUID, work: WorkDep) -> list[CoordinatorAssignmentRead]:
    """The person's koordinators, from–to, oldest first; 404 for a person coordination has
    never seen in this municipality. A refusal (no need to know) is in the access log."""
    async with work.refusals_logged(person_id, "coordinator_assignment"):
        rows = await flow.coordinators(work, person_id)
    return [assignment_read(a) for a in rows]


@router.post(
    "/persons/{person_id}/primary-contacts",
    status_code=201,
    response_model=PrimaryContactRead,
    responses=problem_responses(403, 404, 409),
    operation_id="assign_primary_contact",
    dependencies=[ASSIGNER],
)
async def assign_primary_contact(
    person_id: uuid.UUID, body: PrimaryContactCreate, work: WorkDep
) -> PrimaryContactRead:
    """Name the primærkontakt of a unit for the person; the current one ends the day before."""
    contact = await flow.assign_primary_contact(work, person_id, body)
    return PrimaryContactRead.model_validate(contact)


@router.get(
    "/persons/{person_id}/primary-contacts",
    response_model=list[PrimaryContactRead],
    responses=problem_responses(403, 404),
    operation_id="list_primary_contacts",
    dependencies=[PLAN_READER],
)
async def list_primary_contacts(person_id: uuid.UUID, work: WorkDep) -> list[PrimaryContactRead]:
    """The person's primærkontakter; a refusal (no need to know) is in the access log."""
    async with work.refusals_logged(person_id, "primary_contact"):
        rows = await flow.primary_contacts(work, person_id)
    return [PrimaryContactRead.model_validate(c) for c in rows]


@router.post(
    "/coordinators/{coordinator_sub}/hand-over",
    response_model=HandOverResult,
    responses=problem_responses(409),
    operation_id="hand_over_caseload",
    dependencies=[ASSIGNER],
)
async def hand_over_caseload(coordinator_sub: str, body: HandOver, work: WorkDep) -> HandOverResult:
    """Every person the koordinator follows moves to the successor in one step."""
    moved = await flow.hand_over(work, coordinator_sub, body.to_sub, body.to_name, body.on)
    return HandOverResult(
        from_sub=coordinator_sub,
        to_sub=body.to_sub,
        on=body.on,
        persons=[assignment_read(a) for a in moved],
    )


@router.get(
    "/caseload",
    response_model=list[CaseloadItem],
    operation_id="get_caseload",
    dependencies=[INBOX_READER],
)
async def get_caseload(
    work: WorkDep,
    coordinator: Annotated[
        str | None, Query(max_length=200, description="Whose caseload; yours when left out")
    ] = None,
) -> list[CaseloadItem]:
    """The persons a koordinator follows, with their plan and what is overdue."""
    return await flow.caseload(work, coordinator or work.user.sub)


add_person_log_routes(
    router,
    work=WorkDep,
    allowed=ACCESS_LOG_READER,
    read=plan_flow.access_log,
    export=plan_flow.access_log_export,
    file_stem="tilgangslogg-koordinering",
    read_description="""
    Who has looked at, changed or been refused this person's coordination data, newest
    first, a page at a time: for leaders and the person's koordinator. Reading it is logged.""",
    export_description="""
    The person's coordination access log for their innsyn request (pbrl § 5-1,
    pasientjournalloven § 18: who has had access to their data), as CSV (semicolon-separated,
    Oslo time); the export is itself logged. The printable PDF is intake's.""",
)

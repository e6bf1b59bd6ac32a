"""Appeals (klage): registered even when late, re-assessed, forwarded to the appeal body."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.intake.api.deps import CASE_READER, CASEWORKER, Idempotent, WorkDep
from services.intake.api.views import appeal_read
from services.intake.flows import appeals as flow
from services.intake.schemas import (
    AppealCreate,
    AppealForward,
    AppealOutcome,
    AppealRead,
    AppealReassessment,
)
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page
from shared.schemas.intake import AppealStatus

router = APIRouter(tags=["appeals"])
STEP_ERRORS = problem_responses(404, 409, 412, 428)


@router.post(
    "/appeals",
    status_code=201,
    response_model=AppealRead,
    responses=problem_responses(409),
    operation_id="register_appeal",
    dependencies=[CASEWORKER],
)
async def register_appeal(body: AppealCreate, work: WorkDep, idempotent: Idempotent) -> Response:
    """Register an appeal; a late one is flagged, never refused silently (fvl § 31)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    appeal = await flow.register(work, body)
    return await idempotent.respond(
        201, appeal_read(appeal), headers={"ETag": f'"{appeal.version}"'}
    )


@router.post(
    "/appeals/{appeal_id}/reassessment",
    response_model=AppealRead,
    responses=STEP_ERRORS,
    operation_id="reassess_appeal",
    dependencies=[CASEWORKER],
)
async def reassess_appeal(
    appeal_id: uuid.UUID,
    body: AppealReassessment,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> AppealRead:
    """The municipality's own look (fvl § 33): change the decision, or uphold it."""
    appeal = await flow.reassess(work, appeal_id, body, if_match)
    set_etag(response, appeal.version)
    return appeal_read(appeal)


@router.post(
    "/appeals/{appeal_id}/forward",
    response_model=AppealRead,
    responses=STEP_ERRORS,
    operation_id="forward_appeal",
    dependencies=[CASEWORKER],
)
async def forward_appeal(
    appeal_id: uuid.UUID,
    body: AppealForward,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> AppealRead:
    """Upheld by the municipality: the case goes to the appeal body."""
    appeal = await flow.forward(work, appeal_id, body, if_match)
    set_etag(response, appeal.version)
    return appeal_read(appeal)


@router.post(
    "/appeals/{appeal_id}/outcome",
    response_model=AppealRead,
    responses=STEP_ERRORS,
    operation_id="record_appeal_outcome",
    dependencies=[CASEWORKER],
)
async def record_appeal_outcome(
    appeal_id: uuid.UUID,
    body: AppealOutcome,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> AppealRead:
    """What the appeal body (Statsforvalteren) decided."""
    appeal = await flow.record_outcome(work, appeal_id, body, if_match)
    set_etag(response, appeal.version)
    return appeal_read(appeal)


@router.get(
    "/appeals/{appeal_id}",
    response_model=AppealRead,
    responses=problem_responses(404),
    operation_id="get_appeal",
    dependencies=[CASE_READER],
)
async def get_appeal(appeal_id: uuid.UUID, work: WorkDep, response: Response) -> AppealRead:
    appeal = await flow.read(work, appeal_id)
    set_etag(response, appeal.version)
    return appeal_read(appeal)


@router.get(
    "/appeals",
    response_model=Page[AppealRead],
    operation_id="list_appeals",
    dependencies=[CASE_READER],
)
async def list_appeals(
    work: WorkDep,
    status: Annotated[AppealStatus | None, Query()] = None,
    person_id: Annotated[uuid.UUID | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[AppealRead]:
    page = await flow.page(work, status=status, person_id=person_id, limit=limit, cursor=cursor)
    return Page[AppealRead](
        items=[appeal_read(a) for a in page.items], next_cursor=page.next_cursor
    )

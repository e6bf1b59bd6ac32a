"""The waiting list for long-term places (hol § 3-2 a): offers, acceptances, declines."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.intake.api.deps import CASE_READER, WAITING_LIST_MANAGER, WorkDep
from services.intake.api.views import waiting_read
from services.intake.flows import waiting_list as flow
from services.intake.schemas import WaitingListRead, WaitingListStep
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses

router = APIRouter(tags=["waiting list"])


@router.get(
    "/waiting-list",
    response_model=list[WaitingListRead],
    operation_id="get_waiting_list",
    dependencies=[CASE_READER],
)
async def get_waiting_list(
    work: WorkDep,
    service_type: Annotated[str | None, Query(max_length=60)] = None,
    include_closed: bool = False,
) -> list[WaitingListRead]:
    """Who waits for a long-term place, most urgent and longest waiting first."""
    entries = await flow.entries(work, service_type=service_type, include_closed=include_closed)
    return [waiting_read(entry, work.today) for entry in entries]


@router.post(
    "/waiting-list/{entry_id}/steps",
    response_model=WaitingListRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="record_waiting_list_step",
    dependencies=[WAITING_LIST_MANAGER],
)
async def record_waiting_list_step(
    entry_id: uuid.UUID,
    body: WaitingListStep,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> WaitingListRead:
    """Offer a place, record the answer, change priority, or remove from the list."""
    entry = await flow.record_step(work, entry_id, body, if_match)
    set_etag(response, entry.version)
    return waiting_read(entry, work.today)

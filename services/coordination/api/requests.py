"""The koordinerende enhet's inbox: requests for an individual plan and/or a koordinator."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.coordination.api.deps import (
    COORDINATING_UNIT,
    INBOX_READER,
    REPORTER,
    Idempotent,
    WorkDep,
)
from services.coordination.api.views import request_read
from services.coordination.flows import requests as flow
from services.coordination.schemas import RequestAssessment, RequestCreate, RequestRead
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page
from shared.schemas.coordination import RequestStatus

router = APIRouter(tags=["requests"])


@router.post(
    "/requests",
    status_code=201,
    response_model=RequestRead,
    responses=problem_responses(409, 503),
    operation_id="submit_request",
    dependencies=[REPORTER],
)
async def submit_request(body: RequestCreate, work: WorkDep, idempotent: Idempotent) -> Response:
    """Report a need for an individual plan and/or a koordinator (any employee; on behalf of
    the person or a relative too)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    request = await flow.submit(work, body)
    return await idempotent.respond(
        201, request_read(request, work.today), headers={"ETag": f'"{request.version}"'}
    )


@router.get(
    "/requests",
    response_model=Page[RequestRead],
    operation_id="list_requests",
    dependencies=[INBOX_READER],
)
async def list_requests(
    work: WorkDep,
    status: Annotated[RequestStatus | None, Query()] = RequestStatus.received,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[RequestRead]:
    """The inbox, longest waiting first."""
    page = await flow.inbox(work, status, limit, cursor)
    return Page[RequestRead](
        items=[request_read(r, work.today) for r in page.items], next_cursor=page.next_cursor
    )


@router.get(
    "/requests/{request_id}",
    response_model=RequestRead,
    responses=problem_responses(404),
    operation_id="get_request",
    dependencies=[INBOX_READER],
)
async def get_request(request_id: uuid.UUID, work: WorkDep, response: Response) -> RequestRead:
    request = await flow.read(work, request_id)
    set_etag(response, request.version)
    return request_read(request, work.today)


@router.post(
    "/requests/{request_id}/assessment",
    response_model=RequestRead,
    responses=problem_responses(404, 409, 412, 428, 503),
    operation_id="assess_request",
    dependencies=[COORDINATING_UNIT],
)
async def assess_request(
    request_id: uuid.UUID,
    body: RequestAssessment,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> RequestRead:
    """Record the outcome with reasons; with `coordinator`, assign one in the same step."""
    request = await flow.assess(work, request_id, body, if_match)
    set_etag(response, request.version)
    return request_read(request, work.today)

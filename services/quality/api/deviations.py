"""Deviations (avvik): the quick report, my reports, the queues and the handling steps."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from services.quality.api.deps import (
    DEVIATION_READER,
    HANDLER,
    QUALITY_LEAD,
    REPORTER,
    Idempotent,
    LinkCheckerDep,
    WorkDep,
)
from services.quality.api.views import (
    deviation_created,
    deviation_read,
    deviation_summary,
    receipt_read,
    similar_read,
)
from services.quality.flows import deviations as flow
from services.quality.schemas import (
    Acknowledgement,
    ChecklistTick,
    Closing,
    DeviationCreate,
    DeviationCreated,
    DeviationRead,
    DeviationSummary,
    DeviationUpdate,
    Investigation,
    ReceiptRead,
    Reopening,
    SimilarDeviation,
)
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page

router = APIRouter(tags=["deviations"])
STEP_ERRORS = problem_responses(403, 404, 409, 412, 428)


@router.post(
    "/deviations",
    status_code=201,
    response_model=DeviationCreated,
    responses=problem_responses(409),
    operation_id="report_deviation",
    dependencies=[REPORTER],
)
async def report_deviation(
    body: DeviationCreate, work: WorkDep, checker: LinkCheckerDep, idempotent: Idempotent
) -> Response:
    """Report a deviation (the quick report). An anonymous report stores no identity and
    answers a receipt code, shown once, to follow the outcome with."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    seen = await flow.report(work, body, checker)
    return await idempotent.respond(
        201,
        deviation_created(seen, work.today),
        headers={"ETag": f'"{seen.deviation.version}"'},
    )


@router.get(
    "/deviations/mine",
    response_model=Page[DeviationSummary],
    operation_id="list_my_deviations",
    dependencies=[REPORTER],
)
async def list_my_deviations(
    work: WorkDep, limit: Limit = 50, cursor: Cursor = None
) -> Page[DeviationSummary]:
    """The caller's own reports and their outcome, newest first."""
    found, next_cursor = await flow.mine(work, limit, cursor)
    return Page[DeviationSummary](
        items=[deviation_summary(d, work.today) for d in found], next_cursor=next_cursor
    )


@router.get(
    "/deviations/queue",
    response_model=Page[DeviationSummary],
    responses=problem_responses(403),
    operation_id="list_deviation_queue",
    dependencies=[HANDLER],
)
async def list_deviation_queue(
    work: WorkDep, limit: Limit = 50, cursor: Cursor = None
) -> Page[DeviationSummary]:
    """Open deviations to handle: a leader's units (from the token), or all for the quality
    lead; serious first, then by risk, then by the acknowledgement deadline; paged."""
    found, next_cursor = await flow.queue(work, limit, cursor)
    return Page[DeviationSummary](
        items=[deviation_summary(d, work.today) for d in found], next_cursor=next_cursor
    )


@router.get(
    "/deviations/committee",
    response_model=Page[DeviationSummary],
    operation_id="list_committee_queue",
    dependencies=[QUALITY_LEAD],
)
async def list_committee_queue(
    work: WorkDep,
    include_closed: Annotated[bool, Query(description="Also the closed ones")] = False,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[DeviationSummary]:
    """The quality committee's (kvalitetsutvalg) queue: high-risk and serious deviations."""
    found, next_cursor = await flow.committee(work, include_closed, limit, cursor)
    return Page[DeviationSummary](
        items=[deviation_summary(d, work.today) for d in found], next_cursor=next_cursor
    )


@router.get(
    "/deviations/receipts/{code}",
    response_model=ReceiptRead,
    responses=problem_responses(404),
    operation_id="get_deviation_by_receipt",
    dependencies=[DEVIATION_READER],
)
async def get_deviation_by_receipt(
    code: Annotated[str, Path(min_length=4, max_length=30)], work: WorkDep
) -> ReceiptRead:
    """The status and outcome of an anonymous report, by its receipt code."""
    return receipt_read(await flow.by_receipt(work, code))


@router.get(
    "/deviations/{deviation_id}",
    response_model=DeviationRead,
    responses=problem_responses(404),
    operation_id="get_deviation",
    dependencies=[DEVIATION_READER],
)
async def get_deviation(
    deviation_id: uuid.UUID, work: WorkDep, checker: LinkCheckerDep, response: Response
) -> DeviationRead:
    """Handlers and the reporter see it whole; colleagues in the unit without the reporter
    and the person concerned; everyone else gets 404. Unverified links are checked again."""
    seen = await flow.read(work, deviation_id, checker)
    set_etag(response, seen.deviation.version)
    return deviation_read(seen, work.today)


@router.patch(
    "/deviations/{deviation_id}",
    response_model=DeviationRead,
    responses=STEP_ERRORS,
    operation_id="update_deviation",
    dependencies=[HANDLER],
)
async def update_deviation(
    deviation_id: uuid.UUID,
    body: DeviationUpdate,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> DeviationRead:
    """Correct the category, place or risk grading (the step records what changed)."""
    seen = await flow.update(work, deviation_id, body, if_match)
    set_etag(response, seen.deviation.version)
    return deviation_read(seen, work.today)


@router.post(
    "/deviations/{deviation_id}/acknowledge",
    response_model=DeviationRead,
    responses=STEP_ERRORS,
    operation_id="acknowledge_deviation",
    dependencies=[HANDLER],
)
async def acknowledge_deviation(
    deviation_id: uuid.UUID,
    body: Acknowledgement,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> DeviationRead:
    """The unit's leader has received the report."""
    seen = await flow.acknowledge(work, deviation_id, body, if_match)
    set_etag(response, seen.deviation.version)
    return deviation_read(seen, work.today)


@router.put(
    "/deviations/{deviation_id}/investigation",
    response_model=DeviationRead,
    responses=STEP_ERRORS,
    operation_id="record_deviation_investigation",
    dependencies=[HANDLER],
)
async def record_deviation_investigation(
    deviation_id: uuid.UUID,
    body: Investigation,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> DeviationRead:
    """What happened and its direct and underlying causes, in the fixed cause categories."""
    seen = await flow.investigate(work, deviation_id, body, if_match)
    set_etag(response, seen.deviation.version)
    return deviation_read(seen, work.today)


@router.post(
    "/deviations/{deviation_id}/close",
    response_model=DeviationRead,
    responses=STEP_ERRORS,
    operation_id="close_deviation",
    dependencies=[HANDLER],
)
async def close_deviation(
    deviation_id: uuid.UUID,
    body: Closing,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> DeviationRead:
    """Close with a learning summary and the outcome the reporter is told."""
    seen = await flow.close(work, deviation_id, body, if_match)
    set_etag(response, seen.deviation.version)
    return deviation_read(seen, work.today)


@router.post(
    "/deviations/{deviation_id}/reopen",
    response_model=DeviationRead,
    responses=STEP_ERRORS,
    operation_id="reopen_deviation",
    dependencies=[HANDLER],
)
async def reopen_deviation(
    deviation_id: uuid.UUID,
    body: Reopening,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> DeviationRead:
    """Reopen a closed deviation; the reason is kept with the step."""
    seen = await flow.reopen(work, deviation_id, body, if_match)
    set_etag(response, seen.deviation.version)
    return deviation_read(seen, work.today)


@router.post(
    "/deviations/{deviation_id}/checklist/{code}",
    response_model=DeviationRead,
    responses=STEP_ERRORS,
    operation_id="tick_serious_event_checklist",
    dependencies=[HANDLER],
)
async def tick_serious_event_checklist(
    deviation_id: uuid.UUID,
    code: Annotated[str, Path(max_length=60)],
    body: ChecklistTick,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> DeviationRead:
    """Tick (or untick) an item of the serious-event checklist, e.g. «varslet Helsetilsynet»."""
    seen = await flow.tick_checklist(work, deviation_id, code, body.done, if_match)
    set_etag(response, seen.deviation.version)
    return deviation_read(seen, work.today)


@router.get(
    "/deviations/{deviation_id}/similar",
    response_model=list[SimilarDeviation],
    responses=problem_responses(403, 404),
    operation_id="list_similar_deviations",
    dependencies=[HANDLER],
)
async def list_similar_deviations(deviation_id: uuid.UUID, work: WorkDep) -> list[SimilarDeviation]:
    """Earlier deviations of the same category in the same unit, newest first."""
    return [similar_read(d) for d in await flow.similar(work, deviation_id)]

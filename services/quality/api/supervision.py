"""Findings from external supervision (tilsyn): Statsforvalteren and Statens helsetilsyn."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from services.quality.api.deps import HANDLER, Idempotent, WorkDep
from services.quality.api.system_views import finding_read, finding_summary, measure_read
from services.quality.flows import supervision as flow
from services.quality.schemas import (
    FindingClosing,
    FindingCreate,
    FindingRead,
    FindingSummary,
    MeasureIn,
    MeasureRead,
)
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page

router = APIRouter(tags=["supervision"])


@router.get(
    "/supervision-findings",
    response_model=Page[FindingSummary],
    operation_id="list_supervision_findings",
    dependencies=[HANDLER],
)
async def list_supervision_findings(
    work: WorkDep, limit: Limit = 50, cursor: Cursor = None
) -> Page[FindingSummary]:
    """Open findings first, by deadline; a leader sees their units', the quality lead all;
    cursor-paged."""
    found, measures, next_cursor = await flow.listed(work, limit, cursor)
    return Page[FindingSummary](
        items=[finding_summary(f, measures.get(f.id, []), work.today) for f in found],
        next_cursor=next_cursor,
    )


@router.post(
    "/supervision-findings",
    status_code=201,
    response_model=FindingRead,
    responses=problem_responses(403, 409),
    operation_id="record_supervision_finding",
    dependencies=[HANDLER],
)
async def record_supervision_finding(
    body: FindingCreate, work: WorkDep, idempotent: Idempotent
) -> Response:
    """Record a finding with its deadline (a unit's, or the municipality's for the quality
    lead)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    seen = await flow.create(work, body)
    return await idempotent.respond(
        201, finding_read(seen, work.today), headers={"ETag": f'"{seen.finding.version}"'}
    )


@router.get(
    "/supervision-findings/{finding_id}",
    response_model=FindingRead,
    responses=problem_responses(404),
    operation_id="get_supervision_finding",
    dependencies=[HANDLER],
)
async def get_supervision_finding(
    finding_id: uuid.UUID, work: WorkDep, response: Response
) -> FindingRead:
    seen = await flow.read(work, finding_id)
    set_etag(response, seen.finding.version)
    return finding_read(seen, work.today)


@router.post(
    "/supervision-findings/{finding_id}/measures",
    status_code=201,
    response_model=MeasureRead,
    responses=problem_responses(403, 404, 409),
    operation_id="add_supervision_measure",
    dependencies=[HANDLER],
)
async def add_supervision_measure(
    finding_id: uuid.UUID, body: MeasureIn, work: WorkDep, idempotent: Idempotent
) -> Response:
    """A measure that follows up the finding."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    measure = await flow.add_measure(work, finding_id, body)
    return await idempotent.respond(
        201, measure_read(measure, work.today), headers={"ETag": f'"{measure.version}"'}
    )


@router.post(
    "/supervision-findings/{finding_id}/close",
    response_model=FindingRead,
    responses=problem_responses(403, 404, 409, 412, 428),
    operation_id="close_supervision_finding",
    dependencies=[HANDLER],
)
async def close_supervision_finding(
    finding_id: uuid.UUID,
    body: FindingClosing,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> FindingRead:
    """Close once its measures are done (or cancelled), with how it was followed up."""
    seen = await flow.close(work, finding_id, body, if_match)
    set_etag(response, seen.finding.version)
    return finding_read(seen, work.today)

"""Measures (tiltak) of the quality system, followed up like corrective actions."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.quality.api.deps import HANDLER, WorkDep
from services.quality.api.system_views import measure_read
from services.quality.flows import measures as flow
from services.quality.schemas import MeasureRead, MeasureUpdate
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Limit
from shared.schemas.common import Page

router = APIRouter(tags=["measures"])


@router.get(
    "/measures",
    response_model=Page[MeasureRead],
    operation_id="list_measures",
    dependencies=[HANDLER],
)
async def list_measures(
    work: WorkDep,
    open_only: Annotated[bool, Query(description="Only planned and in progress")] = True,
    limit: Limit = 200,
) -> Page[MeasureRead]:
    """The measures from ROS, audits and supervision of the caller's units, earliest due
    first (the overdue ones on top); bounded by `limit`."""
    found = await flow.listed(work, open_only, limit)
    return Page[MeasureRead](items=[measure_read(m, work.today) for m in found])


@router.patch(
    "/measures/{measure_id}",
    response_model=MeasureRead,
    responses=problem_responses(403, 404, 412, 428),
    operation_id="update_measure",
    dependencies=[HANDLER],
)
async def update_measure(
    measure_id: uuid.UUID,
    body: MeasureUpdate,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> MeasureRead:
    """Change a measure or its status (planned, in progress, done, cancelled)."""
    measure = await flow.update(work, measure_id, body, if_match)
    set_etag(response, measure.version)
    return measure_read(measure, work.today)

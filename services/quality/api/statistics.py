"""Statistics by category, unit, risk and period; the CSV export."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.quality.api.deps import HANDLER, WorkDep
from services.quality.api.views import statistics_read
from services.quality.flows import statistics as flow
from services.quality.schemas import StatisticsRead
from shared.errors import problem_responses
from shared.schemas.quality import DeviationCategory

router = APIRouter(tags=["statistics"])

First = Annotated[date, Query(description="First day of the period (reported on)")]
Last = Annotated[date, Query(description="Last day of the period")]
Unit = Annotated[str | None, Query(max_length=60)]
Category = Annotated[DeviationCategory | None, Query()]


@router.get(
    "/statistics",
    response_model=StatisticsRead,
    responses=problem_responses(403),
    operation_id="get_deviation_statistics",
    dependencies=[HANDLER],
)
async def get_deviation_statistics(
    work: WorkDep, first: First, last: Last, unit: Unit = None, category: Category = None
) -> StatisticsRead:
    """Counts by category, unit, risk level and status, the risk-matrix heat map and the
    monthly trend, for the caller's units (all for the quality lead)."""
    summary, units = await flow.summary(work, first, last, unit, category)
    return statistics_read(summary, first, last, units)


@router.get(
    "/statistics/export.csv",
    response_class=Response,
    responses={
        200: {"description": "One row per deviation", "content": {"text/csv": {}}},
        **problem_responses(403),
    },
    operation_id="export_deviations_csv",
    dependencies=[HANDLER],
)
async def export_deviations_csv(
    work: WorkDep, first: First, last: Last, unit: Unit = None, category: Category = None
) -> Response:
    """The deviations of the period as CSV (semicolon-separated, UTF-8 with BOM for Excel)."""
    body = await flow.export_csv(work, first, last, unit, category)
    return Response(
        "\ufeff" + body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="avvik-{first}-{last}.csv"'},
    )

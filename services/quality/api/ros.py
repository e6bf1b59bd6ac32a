"""ROS (risk and vulnerability analyses) per unit, their hazards and measures."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.quality.api.deps import HANDLER, Idempotent, WorkDep
from services.quality.api.system_views import (
    hazard_choice,
    measure_read,
    ros_read,
    ros_summary,
)
from services.quality.flows import ros as flow
from services.quality.schemas import (
    HazardChoice,
    HazardIn,
    MeasureIn,
    MeasureRead,
    RosCreate,
    RosRead,
    RosSummary,
    RosUpdate,
)
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page

router = APIRouter(tags=["ROS"])
STEP_ERRORS = problem_responses(403, 404, 409, 412, 428)


@router.get(
    "/ros-analyses",
    response_model=Page[RosSummary],
    operation_id="list_ros_analyses",
    dependencies=[HANDLER],
)
async def list_ros_analyses(
    work: WorkDep, limit: Limit = 50, cursor: Cursor = None
) -> Page[RosSummary]:
    """The analyses of the leader's units (all for the quality lead), newest first;
    cursor-paged."""
    found, measures, next_cursor = await flow.listed(work, limit, cursor)
    return Page[RosSummary](
        items=[ros_summary(a, measures, work.today) for a in found], next_cursor=next_cursor
    )


@router.post(
    "/ros-analyses",
    status_code=201,
    response_model=RosRead,
    responses=problem_responses(403, 409),
    operation_id="create_ros_analysis",
    dependencies=[HANDLER],
)
async def create_ros_analysis(body: RosCreate, work: WorkDep, idempotent: Idempotent) -> Response:
    """Start an analysis for a unit: date, participants and scope (a draft)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    seen = await flow.create(work, body)
    return await idempotent.respond(
        201, ros_read(seen, work.today), headers={"ETag": f'"{seen.analysis.version}"'}
    )


@router.get(
    "/ros-analyses/{analysis_id}",
    response_model=RosRead,
    responses=problem_responses(404),
    operation_id="get_ros_analysis",
    dependencies=[HANDLER],
)
async def get_ros_analysis(analysis_id: uuid.UUID, work: WorkDep, response: Response) -> RosRead:
    """The analysis with its hazards, highest risk first, and their measures."""
    seen = await flow.read(work, analysis_id)
    set_etag(response, seen.analysis.version)
    return ros_read(seen, work.today)


@router.patch(
    "/ros-analyses/{analysis_id}",
    response_model=RosRead,
    responses=STEP_ERRORS,
    operation_id="update_ros_analysis",
    dependencies=[HANDLER],
)
async def update_ros_analysis(
    analysis_id: uuid.UUID,
    body: RosUpdate,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> RosRead:
    """Correct the title, scope, date or participants."""
    seen = await flow.update(work, analysis_id, body, if_match)
    set_etag(response, seen.analysis.version)
    return ros_read(seen, work.today)


@router.post(
    "/ros-analyses/{analysis_id}/hazards",
    response_model=RosRead,
    responses=STEP_ERRORS,
    operation_id="add_ros_hazard",
    dependencies=[HANDLER],
)
async def add_ros_hazard(
    analysis_id: uuid.UUID,
    body: HazardIn,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> RosRead:
    """A hazard graded consequence × probability on the deviations' risk matrix."""
    seen = await flow.add_hazard(work, analysis_id, body, if_match)
    set_etag(response, seen.analysis.version)
    return ros_read(seen, work.today)


@router.post(
    "/ros-analyses/{analysis_id}/hazards/{hazard_id}/measures",
    status_code=201,
    response_model=MeasureRead,
    responses=problem_responses(403, 404, 409),
    operation_id="add_ros_measure",
    dependencies=[HANDLER],
)
async def add_ros_measure(
    analysis_id: uuid.UUID,
    hazard_id: uuid.UUID,
    body: MeasureIn,
    work: WorkDep,
    idempotent: Idempotent,
) -> Response:
    """A measure for a hazard, with the person responsible and a due date."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    measure = await flow.add_measure(work, analysis_id, hazard_id, body)
    return await idempotent.respond(
        201, measure_read(measure, work.today), headers={"ETag": f'"{measure.version}"'}
    )


@router.post(
    "/ros-analyses/{analysis_id}/approve",
    response_model=RosRead,
    responses=STEP_ERRORS,
    operation_id="approve_ros_analysis",
    dependencies=[HANDLER],
)
async def approve_ros_analysis(
    analysis_id: uuid.UUID, work: WorkDep, if_match: IfMatchVersion, response: Response
) -> RosRead:
    """Approve the analysis; refused (422) while a high risk has no measure."""
    seen = await flow.approve(work, analysis_id, if_match)
    set_etag(response, seen.analysis.version)
    return ros_read(seen, work.today)


@router.get(
    "/ros-hazards",
    response_model=list[HazardChoice],
    responses=problem_responses(403),
    operation_id="list_ros_hazards_of_unit",
    dependencies=[HANDLER],
)
async def list_ros_hazards_of_unit(
    work: WorkDep,
    unit: Annotated[str, Query(min_length=1, max_length=60, pattern=r"^[a-z0-9][a-z0-9-]*$")],
) -> list[HazardChoice]:
    """The hazards of a unit's analyses, for a deviation to say which one it confirms."""
    return [hazard_choice(h, a) for h, a in await flow.hazards_of_unit(work, unit)]

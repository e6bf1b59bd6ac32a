"""A deviation's references to the quality system: the ROS hazard it confirms and the
procedure that was not followed."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from services.quality.api.deps import DEVIATION_READER, HANDLER, WorkDep
from services.quality.api.system_views import references_read
from services.quality.flows import references as flow
from services.quality.schemas import DeviationReferencesIn, DeviationReferencesRead
from shared.errors import problem_responses

router = APIRouter(tags=["deviations"])


@router.get(
    "/deviations/{deviation_id}/references",
    response_model=DeviationReferencesRead,
    responses=problem_responses(404),
    operation_id="get_deviation_references",
    dependencies=[DEVIATION_READER],
)
async def get_deviation_references(
    deviation_id: uuid.UUID, work: WorkDep
) -> DeviationReferencesRead:
    """Seen by everyone who sees the deviation."""
    return references_read(await flow.read(work, deviation_id))


@router.put(
    "/deviations/{deviation_id}/references",
    response_model=DeviationReferencesRead,
    responses=problem_responses(403, 404),
    operation_id="set_deviation_references",
    dependencies=[HANDLER],
)
async def set_deviation_references(
    deviation_id: uuid.UUID, body: DeviationReferencesIn, work: WorkDep
) -> DeviationReferencesRead:
    """The hazard (of the unit's ROS) it confirms and the procedure (the unit's or the
    municipality's) that was not followed; null clears one. The step is kept."""
    return references_read(await flow.set_references(work, deviation_id, body))

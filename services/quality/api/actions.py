"""Corrective actions (korrigerende tiltak) of a deviation."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from services.quality.api.deps import HANDLER, SCHEDULER, Idempotent, WorkDep
from services.quality.api.views import action_read
from services.quality.flows import actions as flow
from services.quality.flows import measures
from services.quality.schemas import ActionCreate, ActionRead, ActionUpdate, OverdueCheck
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses

router = APIRouter(tags=["corrective actions"])


@router.post(
    "/deviations/{deviation_id}/actions",
    status_code=201,
    response_model=ActionRead,
    responses=problem_responses(403, 404, 409),
    operation_id="add_corrective_action",
    dependencies=[HANDLER],
)
async def add_corrective_action(
    deviation_id: uuid.UUID, body: ActionCreate, work: WorkDep, idempotent: Idempotent
) -> Response:
    """An action with its responsible person and due date."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    action = await flow.add(work, deviation_id, body)
    return await idempotent.respond(
        201, action_read(action, work.today), headers={"ETag": f'"{action.version}"'}
    )


@router.patch(
    "/corrective-actions/{action_id}",
    response_model=ActionRead,
    responses=problem_responses(403, 404, 412, 428),
    operation_id="update_corrective_action",
    dependencies=[HANDLER],
)
async def update_corrective_action(
    action_id: uuid.UUID,
    body: ActionUpdate,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> ActionRead:
    """Change an action or its status (planned, in progress, done, cancelled)."""
    action = await flow.update(work, action_id, body, if_match)
    set_etag(response, action.version)
    return action_read(action, work.today)


@router.post(
    "/corrective-actions/overdue-check",
    response_model=OverdueCheck,
    operation_id="announce_overdue_actions",
    dependencies=[SCHEDULER],
)
async def announce_overdue_actions(work: WorkDep) -> OverdueCheck:
    """Publish `corrective_action.overdue` once for each newly overdue action, a deviation's
    or a measure of ROS, an audit or a supervision finding (the service also runs it daily)."""
    announced = await flow.announce_overdue(work)
    return OverdueCheck(announced=announced + await measures.announce_overdue(work))

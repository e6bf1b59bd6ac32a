"""Corrective actions (korrigerende tiltak): who does what by when, and the overdue ones."""

from __future__ import annotations

import uuid

from services.quality.domain import access
from services.quality.domain import deviations as rules
from services.quality.flows import Work
from services.quality.flows.deviations import record_step
from services.quality.models import CorrectiveAction
from services.quality.schemas import ActionCreate, ActionUpdate
from shared.access_log import AccessAction
from shared.concurrency import check_version
from shared.errors import Conflict, NotFound
from shared.schemas.quality import ActionStatus, CorrectiveActionOverdue, DeviationStatus

OVERDUE_BATCH = 500


async def add(work: Work, deviation_id: uuid.UUID, body: ActionCreate) -> CorrectiveAction:
    """Add an action while the deviation is being handled (acknowledged or investigated)."""
    deviation = await work.deviations.get(deviation_id)
    if access.view_of(work.user, deviation.unit, deviation.reporter_sub) is None:
        raise NotFound("There is no such deviation")
    await work.check_may_handle(deviation)
    if deviation.status not in (DeviationStatus.acknowledged, DeviationStatus.investigated):
        raise Conflict("Actions are added after the deviation is acknowledged and before it closes")
    rules.check_action_due(body.due_on, work.today, is_new=True)
    action = CorrectiveAction(
        deviation_id=deviation.id,
        description=body.description,
        responsible=body.responsible,
        due_on=body.due_on,
        status=ActionStatus.planned.value,
        overdue_reported=False,
    )
    deviation.actions.append(action)
    record_step(work, deviation, "action_added", deviation.status, body.description[:200])
    await work.session.flush()
    await work.log(deviation.person_id, AccessAction.update, "deviation", deviation.id)
    return action


async def update(
    work: Work, action_id: uuid.UUID, body: ActionUpdate, if_match: int
) -> CorrectiveAction:
    action = await work.actions.get(action_id)
    deviation = await work.deviations.get(action.deviation_id)
    if access.view_of(work.user, deviation.unit, deviation.reporter_sub) is None:
        raise NotFound("There is no such corrective action")
    await work.check_may_handle(deviation)
    check_version(if_match, action.version)
    changes = body.model_dump(exclude_unset=True, exclude_none=True)
    for name, value in changes.items():
        setattr(action, name, value.value if hasattr(value, "value") else value)
    if "due_on" in changes:
        action.overdue_reported = False
    if body.status is ActionStatus.done:
        action.done_on = action.done_on or work.today
    elif body.status is not None:
        action.done_on = None
    note = f"{action.description[:120]}: " + ", ".join(f"{k} → {v}" for k, v in changes.items())
    record_step(work, deviation, "action_changed", deviation.status, note)
    await work.session.flush()
    await work.log(deviation.person_id, AccessAction.update, "deviation", deviation.id)
    return action


async def announce_overdue(work: Work) -> int:
    """Publish `corrective_action.overdue` once for each open action past its due date.

    Run by the municipality's scheduler (systemintegrasjon) or the quality lead."""
    overdue = await work.actions.newly_overdue(work.today, OVERDUE_BATCH)
    for action, unit in overdue:
        await work.publish(
            CorrectiveActionOverdue(
                action_id=action.id,
                deviation_id=action.deviation_id,
                unit=unit,
                due_on=action.due_on,
            ),
            action.id,
        )
    await work.actions.mark_overdue_reported([action.id for action, _ in overdue])
    return len(overdue)

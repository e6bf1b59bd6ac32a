"""The waiting list for long-term places (hol § 3-2 a): offers, answers, priority, removal."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from services.intake.domain.waiting_list import step
from services.intake.flows import Work
from services.intake.models import WaitingListEntry
from services.intake.schemas import WaitingListStep
from shared.access_log import AccessAction
from shared.concurrency import check_version
from shared.errors import RuleViolation
from shared.schemas.intake import WaitingAction, WaitingListChanged, WaitingStatus


async def entries(
    work: Work, *, service_type: str | None, include_closed: bool
) -> Sequence[WaitingListEntry]:
    """Who waits for a long-term place, most urgent and longest waiting first."""
    found = await work.waiting_list.entries(
        service_type=service_type, include_closed=include_closed
    )
    await work.log(list({e.person_id for e in found}), AccessAction.search, "waiting_list")
    return found


async def record_step(
    work: Work, entry_id: uuid.UUID, body: WaitingListStep, if_match: int
) -> WaitingListEntry:
    """Offer a place, record the answer, change priority, or remove from the list."""
    entry = await work.waiting_list.get(entry_id)
    check_version(if_match, entry.version)
    target = step(WaitingStatus(entry.status), body.action)
    if body.action == WaitingAction.offer and not body.unit:
        raise RuleViolation("body.unit", "Say where the place is offered")
    if body.action == WaitingAction.prioritise:
        if body.priority is None:
            raise RuleViolation("body.priority", "Give the new priority (1 is most urgent)")
        entry.priority = body.priority
    entry.status = target
    entry.history = [
        *entry.history,
        body.model_dump(mode="json", exclude_none=True) | {"by": work.user.name},
    ]
    await work.flush()
    await work.log(
        entry.person_id,
        AccessAction.update,
        "waiting_list",
        entry.id,
        reason=body.action.value,
    )
    await work.publish(
        WaitingListChanged(
            person_id=entry.person_id,
            service_type=entry.service_type,
            status=target,
            action=body.action,
        ),
        subject=entry.id,
    )
    return entry

"""The waiting list for long-term places (hol § 3-2 a): offers, acceptances, declines."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response
from sqlalchemy import select

from services.intake.api.deps import ACCESS_LOG, CaseReader, Caseworker
from services.intake.api.persons import person_summary
from services.intake.models import WaitingListEntry
from services.intake.schemas import WaitingListRead, WaitingListStep
from shared.access_log import AccessAction
from shared.clock import Today
from shared.concurrency import IfMatchVersion, check_version, set_etag
from shared.db import TenantSession
from shared.errors import Conflict, NotFound, RuleViolation, problem_responses
from shared.outbox import EventOutbox

router = APIRouter(tags=["waiting list"])

NEXT_STATUS = {
    ("waiting", "offer"): "offered",
    ("offered", "accept"): "accepted",
    ("offered", "decline"): "waiting",
    ("waiting", "remove"): "removed",
    ("offered", "remove"): "removed",
    ("waiting", "prioritise"): "waiting",
    ("offered", "prioritise"): "offered",
}


def waiting_read(entry: WaitingListEntry, today: object) -> WaitingListRead:
    return WaitingListRead(
        id=entry.id,
        decision_id=entry.decision_id,
        person=person_summary(entry.person),
        service_type=entry.service_type,
        listed_on=entry.listed_on,
        days_waiting=(today - entry.listed_on).days,  # type: ignore[operator]
        priority=entry.priority,
        status=entry.status,
        history=entry.history,
        version=entry.version,
    )


@router.get("/waiting-list", response_model=list[WaitingListRead], operation_id="get_waiting_list")
async def get_waiting_list(
    session: TenantSession,
    user: CaseReader,
    today: Today,
    service_type: Annotated[str | None, Query()] = None,
    include_closed: bool = False,
) -> list[WaitingListRead]:
    """Who waits for a long-term place, most urgent and longest waiting first."""
    statement = select(WaitingListEntry)
    if not include_closed:
        statement = statement.where(WaitingListEntry.status.in_(["waiting", "offered"]))
    if service_type:
        statement = statement.where(WaitingListEntry.service_type == service_type)
    entries = (
        await session.scalars(
            statement.order_by(WaitingListEntry.priority, WaitingListEntry.listed_on)
        )
    ).all()
    if entries:
        await ACCESS_LOG.record(
            session, user, list({e.person_id for e in entries}), AccessAction.search, "waiting_list"
        )
    return [waiting_read(entry, today) for entry in entries]


@router.post(
    "/waiting-list/{entry_id}/steps",
    response_model=WaitingListRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="record_waiting_list_step",
)
async def record_waiting_list_step(
    entry_id: uuid.UUID,
    body: WaitingListStep,
    session: TenantSession,
    user: Caseworker,
    if_match: IfMatchVersion,
    today: Today,
    response: Response,
    outbox: EventOutbox,
) -> WaitingListRead:
    """Offer a place, record the answer, change priority, or remove from the list."""
    entry = await session.get(WaitingListEntry, entry_id)
    if entry is None:
        raise NotFound("There is no such waiting-list entry")
    check_version(if_match, entry.version)
    target = NEXT_STATUS.get((entry.status, body.action))
    if target is None:
        raise Conflict(f"An entry that is {entry.status} cannot be given '{body.action}'")
    if body.action == "offer" and not body.unit:
        raise RuleViolation("body.unit", "Say where the place is offered")
    if body.action == "prioritise":
        if body.priority is None:
            raise RuleViolation("body.priority", "Give the new priority (1 is most urgent)")
        entry.priority = body.priority
    entry.status = target
    entry.history = [
        *entry.history,
        body.model_dump(mode="json", exclude_none=True) | {"by": user.name},
    ]
    await session.flush()
    await ACCESS_LOG.record(
        session,
        user,
        entry.person_id,
        AccessAction.update,
        "waiting_list",
        entry.id,
        reason=body.action,
    )
    await outbox.record(
        session,
        "waiting_list.changed",
        subject=entry.id,
        data={
            "person_id": str(entry.person_id),
            "service_type": entry.service_type,
            "status": entry.status,
            "action": body.action,
        },
    )
    set_etag(response, entry.version)
    return waiting_read(entry, today)

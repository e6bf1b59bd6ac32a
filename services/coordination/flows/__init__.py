"""Coordination's use cases: multi-step operations with side effects, one request's worth each.

A flow takes a `Work` (the request's transaction, caller, day, repositories and
the intake client) and plain inputs; it loads through repositories, asks
`domain/` for every rule, writes, and records the access log and the outbox
event in the same transaction. Routers call one flow each and map what it returns.
"""

from __future__ import annotations

import uuid
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from services.coordination.clients import IntakeApi
from services.coordination.models import AccessLogEntry
from services.coordination.repositories import (
    AssignmentRepo,
    PersonRepo,
    PersonServiceRepo,
    PlanRepo,
    RelativeConversationRepo,
    RequestRepo,
    WorklistRepo,
)
from shared.access_log import AccessAction, AccessLog
from shared.db import commit_before_waiting
from shared.errors import NotFound, ServiceUnavailable
from shared.outbox import Outbox
from shared.principal import Principal
from shared.schemas.events import EventPayload

ACCESS_LOG = AccessLog(AccessLogEntry)


@dataclass
class Work:
    """One request's unit of work: the tenant transaction, who acts, today, the repositories."""

    session: AsyncSession
    user: Principal
    today: date
    outbox: Outbox
    intake_api: IntakeApi | None = None
    requests: RequestRepo = field(init=False)
    plans: PlanRepo = field(init=False)
    assignments: AssignmentRepo = field(init=False)
    services: PersonServiceRepo = field(init=False)
    worklist: WorklistRepo = field(init=False)
    conversations: RelativeConversationRepo = field(init=False)
    persons: PersonRepo = field(init=False)

    def __post_init__(self) -> None:
        self.requests = RequestRepo(self.session)
        self.plans = PlanRepo(self.session)
        self.assignments = AssignmentRepo(self.session)
        self.services = PersonServiceRepo(self.session)
        self.worklist = WorklistRepo(self.session)
        self.conversations = RelativeConversationRepo(self.session)
        self.persons = PersonRepo(self.session)

    @property
    def intake(self) -> IntakeApi:
        if self.intake_api is None:
            raise ServiceUnavailable("intake", "Intake is not reachable from here")
        return self.intake_api

    async def log(
        self,
        person_ids: uuid.UUID | list[uuid.UUID],
        action: AccessAction,
        resource: str,
        resource_id: str | uuid.UUID | None = None,
        reason: str | None = None,
    ) -> None:
        """Write the access log (tilgangslogg) for the caller, in this transaction."""
        if person_ids == []:
            return
        await ACCESS_LOG.record(
            self.session, self.user, person_ids, action, resource, resource_id, reason
        )

    def refusals_logged(
        self, person_id: uuid.UUID, resource: str, resource_id: str | uuid.UUID | None = None
    ) -> AbstractAsyncContextManager[None]:
        """Around a need-to-know check about one person: a `Forbidden` raised inside is logged
        as `refused` for the caller (in a transaction of its own, which the 403's rollback does
        not undo) before it becomes the 403."""
        return ACCESS_LOG.refusals_logged(self.session, self.user, person_id, resource, resource_id)

    async def check_known(self, person_id: uuid.UUID) -> None:
        """A person coordination has never seen in this municipality is a 404, never an
        empty list: another municipality's person ids say nothing, not even that they exist."""
        if not await self.persons.known(person_id):
            raise NotFound("Coordination knows no such person in this municipality")

    async def publish(self, payload: EventPayload, subject: str | uuid.UUID) -> None:
        """Add the event to the outbox, in this transaction."""
        await self.outbox.record(self.session, payload, subject=subject)

    async def flush(self) -> None:
        await self.session.flush()

    async def commit_before_waiting(self) -> None:
        """Done with the database: commit and free the connection before asking intake
        (`shared.db.commit_before_waiting`)."""
        await commit_before_waiting(self.session)

"""The quality service's use cases, one request's worth each.

A flow takes a `Work` (the request's transaction, caller, day and
repositories) and plain inputs; it loads through repositories, asks `domain/`
for every rule, writes, and records the access log and the outbox event in the
same transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from services.quality.domain import access
from services.quality.models import AccessLogEntry, Deviation
from services.quality.repositories import ActionRepo, DeviationRepo, RulesRepo
from services.quality.repositories.audits import AuditRepo, FindingRepo
from services.quality.repositories.measures import MeasureRepo
from services.quality.repositories.persons import PersonRepo
from services.quality.repositories.procedures import ProcedureRepo
from services.quality.repositories.references import ReferenceRepo
from services.quality.repositories.ros import RosRepo
from shared.access_log import AccessAction, AccessLog
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
    deviations: DeviationRepo = field(init=False)
    actions: ActionRepo = field(init=False)
    rules: RulesRepo = field(init=False)
    ros: RosRepo = field(init=False)
    procedures: ProcedureRepo = field(init=False)
    audits: AuditRepo = field(init=False)
    findings: FindingRepo = field(init=False)
    measures: MeasureRepo = field(init=False)
    references: ReferenceRepo = field(init=False)
    persons: PersonRepo = field(init=False)

    def __post_init__(self) -> None:
        self.deviations = DeviationRepo(self.session)
        self.actions = ActionRepo(self.session)
        self.rules = RulesRepo(self.session)
        self.ros = RosRepo(self.session)
        self.procedures = ProcedureRepo(self.session)
        self.audits = AuditRepo(self.session)
        self.findings = FindingRepo(self.session)
        self.measures = MeasureRepo(self.session)
        self.references = ReferenceRepo(self.session)
        self.persons = PersonRepo(self.session)

    async def log(
        self,
        person_id: uuid.UUID | None,
        action: AccessAction,
        resource: str,
        resource_id: uuid.UUID | None = None,
    ) -> None:
        """Write the access log for the caller when a person is concerned, in this transaction."""
        if person_id is None:
            return
        await ACCESS_LOG.record(self.session, self.user, person_id, action, resource, resource_id)

    async def check_may_handle(self, deviation: Deviation) -> None:
        """`access.check_may_handle`; a refusal about a person is logged as `refused` (in a
        transaction of its own, so the 403's rollback keeps it)."""
        if deviation.person_id is None:
            access.check_may_handle(self.user, deviation.unit)
            return
        async with ACCESS_LOG.refusals_logged(
            self.session, self.user, deviation.person_id, "deviation", deviation.id
        ):
            access.check_may_handle(self.user, deviation.unit)

    async def publish(self, payload: EventPayload, subject: uuid.UUID) -> None:
        await self.outbox.record(self.session, payload, subject=subject)

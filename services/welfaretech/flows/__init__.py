"""Welfaretech's use cases: multi-step operations with side effects, one request's worth each.

A flow takes a `Work` (the request's transaction, caller, day, repositories and
the clients of other services) and plain inputs; it loads through
repositories, asks `domain/` for every rule, writes, and records the access
log and the outbox event in the same transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from services.welfaretech.clients import IntakeApi, QualityApi
from services.welfaretech.models import AccessLogEntry
from services.welfaretech.repositories import (
    AssessmentRepo,
    BenefitRepo,
    DeviceRepo,
    LoanRepo,
    PersonRepo,
    ReferralRepo,
    TechnologyRepo,
)
from shared.access_log import AccessAction, AccessLog
from shared.db import commit_before_waiting
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
    intake: IntakeApi | None = None
    quality: QualityApi | None = None
    technologies: TechnologyRepo = field(init=False)
    referrals: ReferralRepo = field(init=False)
    assessments: AssessmentRepo = field(init=False)
    devices: DeviceRepo = field(init=False)
    loans: LoanRepo = field(init=False)
    benefits: BenefitRepo = field(init=False)
    persons: PersonRepo = field(init=False)

    def __post_init__(self) -> None:
        self.technologies = TechnologyRepo(self.session)
        self.referrals = ReferralRepo(self.session)
        self.assessments = AssessmentRepo(self.session)
        self.devices = DeviceRepo(self.session)
        self.loans = LoanRepo(self.session)
        self.benefits = BenefitRepo(self.session)
        self.persons = PersonRepo(self.session)

    async def log(
        self,
        person_ids: uuid.UUID | list[uuid.UUID],
        action: AccessAction,
        resource: str,
        resource_id: str | uuid.UUID | None = None,
    ) -> None:
        """Write the access log (tilgangslogg) for the caller, in this transaction."""
        if person_ids == []:
            return
        await ACCESS_LOG.record(self.session, self.user, person_ids, action, resource, resource_id)

    async def log_each(
        self, reads: list[tuple[uuid.UUID, uuid.UUID]], action: AccessAction, resource: str
    ) -> None:
        """One access-log row per (person, resource id) of a list, written in one statement
        so the log of a page does not grow its statements."""
        await ACCESS_LOG.record_each(self.session, self.user, reads, action, resource)

    async def publish(self, payload: EventPayload, subject: str | uuid.UUID) -> None:
        await self.outbox.record(self.session, payload, subject=subject)

    async def flush(self) -> None:
        await self.session.flush()

    async def commit_before_waiting(self) -> None:
        """Done with the database: commit and free the connection before asking intake
        (`shared.db.commit_before_waiting`)."""
        await commit_before_waiting(self.session)

    def intake_api(self) -> IntakeApi:
        if self.intake is None:  # pragma: no cover (wired by api/deps.py)
            raise RuntimeError("This flow needs the intake client")
        return self.intake

    def quality_api(self) -> QualityApi:
        if self.quality is None:  # pragma: no cover
            raise RuntimeError("This flow needs the quality client")
        return self.quality

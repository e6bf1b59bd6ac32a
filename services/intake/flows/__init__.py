"""Intake's use cases: multi-step operations with side effects, one request's worth each.

A flow takes a `Work` (the request's transaction, caller, day and
repositories) and plain inputs; it loads through repositories, asks `domain/`
for every rule, writes, and records the access log and the outbox event in the
same transaction. Routers call one flow each and map what it returns.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.domain.functional import NEED_LEVEL_RULE, NeedLevelRule
from services.intake.models import AccessLogEntry
from services.intake.repositories import (
    AppealRepo,
    ApplicationRepo,
    AssessmentRepo,
    DecisionRepo,
    DraftRepo,
    PersonRepo,
    PreferenceRepo,
    SettingsRepo,
    WaitingListRepo,
    WorklistRepo,
)
from shared.access_log import AccessAction, AccessLog
from shared.outbox import Outbox
from shared.principal import Principal
from shared.schemas.events import EventPayload

ACCESS_LOG = AccessLog(AccessLogEntry)


def rule_from(stored: dict[str, Any] | None) -> NeedLevelRule:
    return NeedLevelRule(**stored) if stored else NEED_LEVEL_RULE


@dataclass
class Work:
    """One request's unit of work: the tenant transaction, who acts, today, the repositories."""

    session: AsyncSession
    user: Principal
    today: date
    outbox: Outbox
    persons: PersonRepo = field(init=False)
    applications: ApplicationRepo = field(init=False)
    assessments: AssessmentRepo = field(init=False)
    decisions: DecisionRepo = field(init=False)
    appeals: AppealRepo = field(init=False)
    waiting_list: WaitingListRepo = field(init=False)
    worklist: WorklistRepo = field(init=False)
    settings: SettingsRepo = field(init=False)
    drafts: DraftRepo = field(init=False)
    preferences: PreferenceRepo = field(init=False)

    def __post_init__(self) -> None:
        self.persons = PersonRepo(self.session)
        self.applications = ApplicationRepo(self.session)
        self.assessments = AssessmentRepo(self.session)
        self.decisions = DecisionRepo(self.session)
        self.appeals = AppealRepo(self.session)
        self.waiting_list = WaitingListRepo(self.session)
        self.worklist = WorklistRepo(self.session)
        self.settings = SettingsRepo(self.session)
        self.drafts = DraftRepo(self.session)
        self.preferences = PreferenceRepo(self.session)

    async def need_level_rule(self) -> NeedLevelRule:
        """The municipality's need-level rule, or Mestring's default (version 0)."""
        setting = await self.settings.current()
        return rule_from(setting.need_level_rule if setting else None)

    async def requires_four_eyes(self) -> bool:
        """Whether the municipality has chosen that a second caseworker approves every decision."""
        setting = await self.settings.current()
        return setting is not None and setting.four_eyes

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

    async def publish(self, payload: EventPayload, subject: str | uuid.UUID) -> None:
        """Add the event to the outbox, in this transaction."""
        await self.outbox.record(self.session, payload, subject=subject)

    async def flush(self) -> None:
        await self.session.flush()

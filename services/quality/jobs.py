"""The quality service's own background work: the daily check for overdue corrective actions.

`corrective_action.overdue` is published once for each open action past its due date
(`flows.actions.announce_overdue`, which flags the action so it is never announced twice),
and once for each measure of the quality system — a ROS hazard's, an internal audit's
non-conformity's, a supervision finding's — the same way (`flows.measures.announce_overdue`).
The municipality's scheduler may still call `POST /corrective-actions/overdue-check`; this
job makes sure it happens every day anyway, for every municipality the service serves. It is
a `shared.jobs.PeriodicJob`, started and stopped with the app, wakes every `interval` seconds
and runs the check once per Norwegian calendar day per municipality. When
several copies of the service run, a transaction-scoped advisory lock lets one of them do a
municipality's check while the others skip it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import structlog
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.quality.flows import Work, actions, measures
from shared.clock import today_in_norway
from shared.db import set_tenant
from shared.jobs import JobStatus, PeriodicJob
from shared.outbox import Outbox
from shared.principal import Principal
from shared.schemas.roles import Role

log = structlog.get_logger("mestring.quality.jobs")

LOCK_KEY = "quality.overdue-check:"


def system_user(municipality: str) -> Principal:
    return Principal(
        sub="quality-overdue-check",
        name="Daglig kontroll av forfalte tiltak",
        municipality=municipality,
        roles=[Role.integration],
    )


@dataclass
class CheckStatus(JobStatus):
    last_day: date | None = None
    last_announced: int = 0

    def details(self) -> dict[str, Any]:
        return {
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "last_announced": self.last_announced,
        }


class OverdueCheckJob(PeriodicJob[CheckStatus, int]):
    """Runs the overdue check once a day for each municipality."""

    name = "overdue_check"

    def __init__(
        self,
        *,
        sessionmaker: async_sessionmaker[AsyncSession],
        outbox: Outbox,
        municipalities: Sequence[str],
        today: Callable[[], date] = today_in_norway,
        interval: float = 900.0,
    ) -> None:
        super().__init__(municipalities, interval=interval)
        self.sessionmaker = sessionmaker
        self.outbox = outbox
        self.today = today

    def new_status(self) -> CheckStatus:
        return CheckStatus()

    async def check(self, municipality: str, day: date) -> int | None:
        """Announce every newly overdue action of one municipality, in one transaction;
        None when another copy of the service holds the municipality's check."""
        announced = 0
        async with self.sessionmaker() as session, session.begin():
            await set_tenant(session, municipality)
            got = await session.scalar(
                text("SELECT pg_try_advisory_xact_lock(hashtext(:key))"),
                {"key": LOCK_KEY + municipality},
            )
            if not got:
                return None
            work = Work(
                session=session, user=system_user(municipality), today=day, outbox=self.outbox
            )
            for announce, batch in (
                (actions.announce_overdue, actions.OVERDUE_BATCH),
                (measures.announce_overdue, measures.OVERDUE_BATCH),
            ):
                while True:
                    count = await announce(work)
                    announced += count
                    if count < batch:
                        break
        return announced

    async def run_once(self, municipality: str) -> int:
        """The municipality's check, unless it has been done today (or another copy of the
        service is doing it): the number of actions announced."""
        day = self.today()
        status = self.status_of(municipality)
        if status.last_day == day:
            return 0
        announced = await self.check(municipality, day)
        if announced is None:
            return 0
        status.last_day = day
        status.last_announced = announced
        status.last_error = None
        log.info("overdue_check.done", municipality=municipality, announced=announced)
        return announced

    async def run_due(self) -> int:
        """Check each municipality not yet checked today; the number of actions announced."""
        return sum((await self.run_round()).values())


def overdue_check_for(app: Any) -> OverdueCheckJob | None:
    """The job as the app's settings configure it; None when no municipalities are named."""
    settings = app.state.settings
    if not settings.feed_municipalities:
        log.info("overdue_check.not_configured")
        return None
    return OverdueCheckJob(
        sessionmaker=app.state.sessionmaker,
        outbox=app.state.outbox,
        municipalities=settings.feed_municipalities,
    )

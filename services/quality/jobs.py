"""The quality service's own background work: the daily check for overdue corrective actions.

`corrective_action.overdue` is published once for each open action past its due date
(`flows.actions.announce_overdue`, which flags the action so it is never announced twice),
and once for each measure of the quality system — a ROS hazard's, an internal audit's
non-conformity's, a supervision finding's — the same way (`flows.measures.announce_overdue`).
The municipality's scheduler may still call `POST /corrective-actions/overdue-check`; this
job makes sure it happens every day anyway, for every municipality the service serves. It is
started and stopped with the app like the feed consumers (`shared.feed`), wakes every
`interval` seconds and runs the check once per Norwegian calendar day per municipality. When
several copies of the service run, a transaction-scoped advisory lock lets one of them do a
municipality's check while the others skip it.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
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
class CheckStatus:
    last_day: date | None = None
    last_announced: int = 0
    last_error: str | None = None
    last_run: float | None = None

    def as_dict(self) -> dict[str, Any]:
        since = None if self.last_run is None else round(time.monotonic() - self.last_run)
        return {
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "last_announced": self.last_announced,
            "seconds_since_last_run": since,
            "last_error": self.last_error,
        }


class OverdueCheckJob:
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
        self.sessionmaker = sessionmaker
        self.outbox = outbox
        self.municipalities = list(municipalities)
        self.today = today
        self.interval = interval
        self.status: dict[str, CheckStatus] = {m: CheckStatus() for m in self.municipalities}
        self._task: asyncio.Task[None] | None = None

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

    async def run_due(self) -> int:
        """Check each municipality not yet checked today; the number of actions announced."""
        total = 0
        day = self.today()
        for municipality in self.municipalities:
            status = self.status.setdefault(municipality, CheckStatus())
            if status.last_day == day:
                continue
            try:
                announced = await self.check(municipality, day)
            except Exception as exc:  # a failed day is tried again at the next wake-up
                status.last_error = f"{type(exc).__name__}: {exc}"[:300]
                log.warning(
                    "overdue_check.failed", municipality=municipality, error=status.last_error
                )
                continue
            if announced is None:
                continue
            status.last_day = day
            status.last_announced = announced
            status.last_error = None
            status.last_run = time.monotonic()
            total += announced
            log.info("overdue_check.done", municipality=municipality, announced=announced)
        return total

    async def run(self) -> None:
        while True:
            await self.run_due()
            await asyncio.sleep(self.interval)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self.run(), name=f"job:{self.name}")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def readiness(self) -> dict[str, Any]:
        return {m: s.as_dict() for m, s in self.status.items()}


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

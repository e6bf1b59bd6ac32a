"""The background retrier of avvik the quality service has not taken yet.

A failed alarm test writes its deviation report in the check's own
transaction and tries to deliver it at once; when quality is down or refuses,
the report stays `pending`. This job, started and stopped with the app like
the feed consumers (`shared.feed`), polls each municipality it serves for
pending reports and sends each again, one transaction per report (the row
locked, `SKIP LOCKED`, so the retry route and another worker never send the same
report at the same time). Quality is called with `Idempotency-Key:
welfaretech-<report id>`, the key of the first attempt, so a report quality took
but whose answer was lost is answered again, never created twice. While
deliveries fail the pause doubles up to a ceiling; the number of pending reports
per municipality and the last error are in the readiness details (`jobs`).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import structlog
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.welfaretech.clients import QualityApi
from services.welfaretech.models import DeviationReport
from services.welfaretech.settings import WelfaretechSettings
from shared.clients import ServiceClient
from shared.db import set_tenant
from shared.feed import IssuerTokenSource, TokenSource
from shared.schemas.welfaretech import DeviationDelivery

log = structlog.get_logger("mestring.welfaretech.deviations")

PENDING = DeviationDelivery.pending.value


@dataclass
class RetrierStatus:
    """What readiness shows of one municipality's pending deviation reports."""

    pending: int | None = None
    delivered: int = 0
    last_run: float | None = None
    last_error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        since = None if self.last_run is None else round(time.monotonic() - self.last_run)
        return {
            "pending": self.pending,
            "delivered_since_start": self.delivered,
            "seconds_since_last_run": since,
            "last_error": self.last_error,
        }


class DeviationRetrier:
    """Sends pending deviation reports to the quality service until it takes them."""

    name = "deviation_reports"

    def __init__(
        self,
        *,
        quality_url: str,
        municipalities: Sequence[str],
        tokens: TokenSource,
        sessionmaker: async_sessionmaker[AsyncSession],
        http: httpx.AsyncClient,
        interval: float = 5.0,
        max_interval: float = 300.0,
        batch: int = 50,
    ) -> None:
        self.quality_url = quality_url
        self.municipalities = list(municipalities)
        self.tokens = tokens
        self.sessionmaker = sessionmaker
        self.http = http
        self.interval = interval
        self.max_interval = max_interval
        self.batch = batch
        self.status: dict[str, RetrierStatus] = {m: RetrierStatus() for m in self.municipalities}
        self._task: asyncio.Task[None] | None = None

    async def _pending_ids(self, municipality: str) -> list[uuid.UUID]:
        async with self.sessionmaker() as session, session.begin():
            await set_tenant(session, municipality)
            return list(
                await session.scalars(
                    select(DeviationReport.id)
                    .where(DeviationReport.status == PENDING)
                    .order_by(DeviationReport.created_at, DeviationReport.id)
                    .limit(self.batch)
                )
            )

    async def _count_pending(self, municipality: str) -> int:
        async with self.sessionmaker() as session, session.begin():
            await set_tenant(session, municipality)
            count = await session.scalar(
                select(func.count())
                .select_from(DeviationReport)
                .where(DeviationReport.status == PENDING)
            )
            return int(count or 0)

    async def _deliver(self, municipality: str, report_id: uuid.UUID, quality: QualityApi) -> bool:
        """One report in its own transaction: locked, sent, its outcome stored."""
        async with self.sessionmaker() as session, session.begin():
            await set_tenant(session, municipality)
            report = await session.scalar(
                select(DeviationReport)
                .where(DeviationReport.id == report_id, DeviationReport.status == PENDING)
                .with_for_update(skip_locked=True)
            )
            if report is None:  # delivered meanwhile, or being sent by someone else
                return True
            delivery = await quality.report_deviation(report.id, report.body)
            report.attempts += 1
            if delivery.delivered:
                report.status = DeviationDelivery.delivered.value
                report.quality_deviation_id = delivery.deviation_id
                report.delivered_at = datetime.now(UTC)
                report.last_error = None
                return True
            report.last_error = delivery.error
            self.status[municipality].last_error = delivery.error
            return False

    async def run_once(self, municipality: str) -> tuple[int, int]:
        """Try every pending report of the municipality once: (tried, delivered)."""
        status = self.status.setdefault(municipality, RetrierStatus())
        ids = await self._pending_ids(municipality)
        delivered = 0
        if ids:
            token = await self.tokens.token(municipality)
            quality = QualityApi(
                ServiceClient("quality", self.quality_url, self.http, token=token, retries=0)
            )
            for report_id in ids:
                if await self._deliver(municipality, report_id, quality):
                    delivered += 1
                else:
                    break  # quality is down or refuses: the rest wait for the next round
        status.delivered += delivered
        status.pending = await self._count_pending(municipality)
        status.last_run = time.monotonic()
        if status.pending == 0:
            status.last_error = None
        return len(ids), delivered

    async def run(self) -> None:
        """Retry for ever; the pause doubles while a municipality still has pending reports."""
        delay = self.interval
        while True:
            behind = False
            for municipality in self.municipalities:
                try:
                    await self.run_once(municipality)
                    behind = behind or bool(self.status[municipality].pending)
                except (httpx.HTTPError, LookupError, ValueError, OSError) as exc:
                    behind = True
                    status = self.status.setdefault(municipality, RetrierStatus())
                    status.last_error = f"{type(exc).__name__}: {exc}"[:300]
                    log.warning("deviations.retry_failed", municipality=municipality, exc=str(exc))
            delay = min(delay * 2, self.max_interval) if behind else self.interval
            await asyncio.sleep(delay)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self.run(), name="welfaretech:deviation-retrier")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def readiness(self) -> dict[str, Any]:
        return {m: s.as_dict() for m, s in self.status.items()}


def retrier_for(app: FastAPI) -> DeviationRetrier | None:
    """The retrier as the settings configure it, or None when they name no municipalities or
    no token endpoint (pending reports are then sent only by the retry route)."""
    settings: WelfaretechSettings = app.state.settings
    usernames = settings.deviation_reporter_usernames or settings.feed_usernames
    if not (settings.feed_municipalities and settings.feed_token_url):
        log.info("deviations.retrier_not_configured")
        return None
    return DeviationRetrier(
        quality_url=settings.service_url("quality"),
        municipalities=settings.feed_municipalities,
        tokens=IssuerTokenSource(settings.feed_token_url, usernames, app.state.http),
        sessionmaker=app.state.sessionmaker,
        http=app.state.http,
        interval=settings.deviation_retry_seconds,
        max_interval=settings.deviation_retry_max_seconds,
    )

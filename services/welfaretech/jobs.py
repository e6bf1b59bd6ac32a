"""The background retrier of avvik the quality service has not taken yet.

A failed alarm test writes its deviation report in the check's own
transaction and tries to deliver it at once; when quality is down or refuses,
the report stays `pending`. This job (a `shared.jobs.PeriodicJob`, started and
stopped with the app) polls each municipality it serves for
pending reports and sends each again, one transaction per report (the row
locked, `SKIP LOCKED`, so the retry route and another worker never send the same
report at the same time). Quality is called with `Idempotency-Key:
welfaretech-<report id>`, the key of the first attempt, so a report quality took
but whose answer was lost is answered again, never created twice. While
deliveries fail the pause doubles up to a ceiling; the number of pending reports
per municipality and the last error are in the readiness details (`jobs`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import aiohttp
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
from shared.jobs import JobStatus, PeriodicJob
from shared.schemas.welfaretech import DeviationDelivery

log = structlog.get_logger("mestring.welfaretech.deviations")

PENDING = DeviationDelivery.pending.value


@dataclass
class RetrierStatus(JobStatus):
    """What readiness shows of one municipality's pending deviation reports."""

    pending: int | None = None
    delivered: int = 0

    def details(self) -> dict[str, Any]:
        return {"pending": self.pending, "delivered_since_start": self.delivered}


class DeviationRetrier(PeriodicJob[RetrierStatus, tuple[int, int]]):
    """Sends pending deviation reports to the quality service until it takes them."""

    name = "deviation_reports"

    def __init__(
        self,
        *,
        quality_url: str,
        municipalities: Sequence[str],
        tokens: TokenSource,
        sessionmaker: async_sessionmaker[AsyncSession],
        http: aiohttp.ClientSession,
        interval: float = 5.0,
        max_interval: float = 300.0,
        batch: int = 50,
    ) -> None:
        super().__init__(municipalities, interval=interval, max_interval=max_interval)
        self.quality_url = quality_url
        self.tokens = tokens
        self.sessionmaker = sessionmaker
        self.http = http
        self.batch = batch

    def new_status(self) -> RetrierStatus:
        return RetrierStatus()

    def behind(self, municipality: str) -> bool:
        """Reports still pending, or the last run failed: the pause doubles."""
        status = self.status_of(municipality)
        return bool(status.pending) or status.last_error is not None

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
            self.status_of(municipality).last_error = delivery.error
            return False

    async def run_once(self, municipality: str) -> tuple[int, int]:
        """Try every pending report of the municipality once: (tried, delivered)."""
        status = self.status_of(municipality)
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
        if status.pending == 0:
            status.last_error = None
        return len(ids), delivered


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
        http=app.state.calls,
        interval=settings.deviation_retry_seconds,
        max_interval=settings.deviation_retry_max_seconds,
    )

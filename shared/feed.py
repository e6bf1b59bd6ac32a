"""Consuming another service's event feed: a background poller with a stored cursor.

A service that reacts to another's events (coordination to intake's
`decision.made`, welfare technology to `welfare_technology.requested`, …)
runs one `FeedConsumer` per feed it reads, started and stopped with the app.
For each municipality it serves, the consumer reads the feed from its stored
cursor with a token for that municipality, and in one transaction hands each
new event to the service's handler and moves the cursor on. Every event is
first marked processed by its id (a unique row), so reading the feed again
from an earlier cursor changes nothing: replay is idempotent. The loop is a
background job's (`shared.jobs.PeriodicJob`): when the feed cannot be read it
backs off (doubling up to a ceiling) and tries again; its lag (events behind,
seconds since the last good read, the last error) is in the service's
readiness details.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Protocol

import httpx
import structlog
from sqlalchemy import BigInteger, DateTime, String, Text, UniqueConstraint, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from shared.db import TenantMixin, set_tenant
from shared.jobs import JobStatus, PeriodicJob, describe
from shared.schemas.events import EventEnvelope, EventFeedPage

log = structlog.get_logger("mestring.feed")

Handler = Callable[[AsyncSession, EventEnvelope], Awaitable[None]]
"""Reacts to one event inside the consumer's transaction (tenant already set); no commit."""


class FeedCursorMixin(TenantMixin):
    """How far a municipality's copy of one feed has been read (one row per source)."""

    __table_args__ = (UniqueConstraint("municipality", "source"),)

    source: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(BigInteger, default=0)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ProcessedEventMixin(TenantMixin):
    """The ids of events already handled, so a replay handles none twice."""

    __table_args__ = (UniqueConstraint("municipality", "source", "event_id"),)

    source: Mapped[str] = mapped_column(String(40))
    event_id: Mapped[uuid.UUID] = mapped_column()
    event_type: Mapped[str] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)


class TokenSource(Protocol):
    """A bearer token for reading a feed on behalf of one municipality."""

    async def token(self, municipality: str) -> str: ...


@dataclass
class IssuerTokenSource:
    """Tokens from an issuer's token endpoint, one system user per municipality.

    `POST {url}` with `{"username": ...}` answers `{"access_token": ...}`: the dev issuer's
    contract. Tokens are cached until shortly before they expire."""

    url: str
    usernames: dict[str, str]
    http: httpx.AsyncClient
    _cache: dict[str, tuple[str, float]] = field(default_factory=dict)

    async def token(self, municipality: str) -> str:
        cached = self._cache.get(municipality)
        if cached and cached[1] > time.monotonic():
            return cached[0]
        username = self.usernames.get(municipality)
        if username is None:
            raise LookupError(f"No system user for municipality {municipality}")
        response = await self.http.post(self.url, json={"username": username})
        response.raise_for_status()
        body = response.json()
        lifetime = float(body.get("expires_in", 300))
        self._cache[municipality] = (body["access_token"], time.monotonic() + lifetime * 0.8)
        return str(body["access_token"])


@dataclass
class FeedStatus(JobStatus):
    """What readiness shows of one municipality's copy of a feed."""

    position: int = 0
    last_sequence: int | None = None
    last_success: float | None = None
    failures: int = 0

    def as_dict(self) -> dict[str, Any]:
        behind = None if self.last_sequence is None else max(0, self.last_sequence - self.position)
        since = None if self.last_success is None else round(time.monotonic() - self.last_success)
        return {
            "position": self.position,
            "events_behind": behind,
            "seconds_since_last_read": since,
            "last_error": self.last_error,
        }


class FeedConsumer(PeriodicJob[FeedStatus, int]):
    """Reads one service's feed for each municipality and hands new events to `handle`."""

    name = "feed"
    retried: ClassVar[tuple[type[Exception], ...]] = (
        httpx.HTTPError,
        LookupError,
        ValueError,
        OSError,
    )
    """The feed or the token endpoint not answering, or a page it cannot read: tried again
    after the pause; anything else ends the loop."""

    def __init__(
        self,
        *,
        source: str,
        base_url: str,
        municipalities: Sequence[str],
        tokens: TokenSource,
        sessionmaker: async_sessionmaker[AsyncSession],
        cursor_model: type[FeedCursorMixin],
        processed_model: type[ProcessedEventMixin],
        handle: Handler,
        http: httpx.AsyncClient,
        interval: float = 2.0,
        max_interval: float = 60.0,
        batch: int = 100,
    ) -> None:
        super().__init__(municipalities, interval=interval, max_interval=max_interval)
        self.source = source
        self.url = f"{base_url.rstrip('/')}/api/{source}/v1/events"
        self.tokens = tokens
        self.sessionmaker = sessionmaker
        self.cursor_model = cursor_model
        self.processed_model = processed_model
        self.handle = handle
        self.http = http
        self.batch = batch

    def new_status(self) -> FeedStatus:
        return FeedStatus()

    @property
    def task_name(self) -> str:
        return f"feed:{self.source}"

    async def _position(self, municipality: str) -> int:
        async with self.sessionmaker() as session, session.begin():
            await set_tenant(session, municipality)
            position = await session.scalar(
                select(self.cursor_model.position).where(self.cursor_model.source == self.source)
            )
            return int(position or 0)

    async def _fetch(self, municipality: str, after: int) -> EventFeedPage:
        token = await self.tokens.token(municipality)
        response = await self.http.get(
            self.url,
            params={"after": after, "limit": self.batch},
            headers={"Authorization": f"Bearer {token}"},
        )
        response.raise_for_status()
        return EventFeedPage.model_validate(response.json())

    async def _mark_processed(self, session: AsyncSession, event: EventEnvelope) -> bool:
        """True the first time this event is seen; False on a replay."""
        inserted = await session.scalar(
            insert(self.processed_model)
            .values(source=self.source, event_id=event.id, event_type=event.type)
            .on_conflict_do_nothing(index_elements=["municipality", "source", "event_id"])
            .returning(self.processed_model.id)
        )
        return inserted is not None

    async def poll_once(self, municipality: str) -> int:
        """Read one page after the stored cursor, handle what is new; the number handled."""
        status = self.status_of(municipality)
        after = await self._position(municipality)
        page = await self._fetch(municipality, after)
        handled = 0
        async with self.sessionmaker() as session, session.begin():
            await set_tenant(session, municipality)
            cursor = await session.scalar(
                select(self.cursor_model)
                .where(self.cursor_model.source == self.source)
                .with_for_update()
            )
            if cursor is None:
                cursor = self.cursor_model(source=self.source, position=0)  # type: ignore[call-arg]
                session.add(cursor)
            if cursor.position != after:  # another worker moved it meanwhile: read again later
                return 0
            for event in page.items:
                if await self._mark_processed(session, event):
                    await self.handle(session, event)
                    handled += 1
            if page.items:
                cursor.position = page.items[-1].sequence
            cursor.read_at = func.now()
        status.position = page.items[-1].sequence if page.items else after
        status.last_sequence = page.last_sequence
        status.last_success = time.monotonic()
        status.last_error = None
        status.failures = 0
        return handled

    async def catch_up(self, municipality: str) -> int:
        """Read until the end of the feed; the number of events handled."""
        total = 0
        while True:
            before = self.status.get(municipality, FeedStatus()).position
            total += await self.poll_once(municipality)
            status = self.status[municipality]
            if status.last_sequence is None or status.position >= status.last_sequence:
                return total
            if status.position == before:
                return total

    async def run_once(self, municipality: str) -> int:
        """A round's work: read the municipality's feed to its end."""
        return await self.catch_up(municipality)

    def failed(self, municipality: str, error: Exception) -> None:
        status = self.status_of(municipality)
        status.failures += 1
        status.last_error = describe(error)
        log.warning(
            "feed.read_failed",
            source=self.source,
            municipality=municipality,
            error=status.last_error,
        )


def consumer_for(
    app: Any,
    *,
    source: str,
    cursor_model: type[FeedCursorMixin],
    processed_model: type[ProcessedEventMixin],
    handle: Handler,
) -> FeedConsumer | None:
    """A consumer of `source`'s feed as the app's settings configure it, or None when the
    settings name no municipalities or no token endpoint (the feed is then not read)."""
    settings = app.state.settings
    if not (settings.feed_municipalities and settings.feed_token_url):
        log.info("feed.not_configured", source=source)
        return None
    return FeedConsumer(
        source=source,
        base_url=settings.service_url(source),
        municipalities=settings.feed_municipalities,
        tokens=IssuerTokenSource(settings.feed_token_url, settings.feed_usernames, app.state.http),
        sessionmaker=app.state.sessionmaker,
        cursor_model=cursor_model,
        processed_model=processed_model,
        handle=handle,
        http=app.state.http,
        interval=settings.feed_poll_seconds,
    )

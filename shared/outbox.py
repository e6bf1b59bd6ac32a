"""Transactional outbox: events written in the change's own transaction, served as a feed.

Consumers pull `GET /api/<service>/v1/events?after=<sequence>` and keep their
own cursor, as with Folkeregisteret's hendelseliste. Writers take a
transaction-scoped advisory lock before they insert, so sequences become
visible in order: a consumer that has read up to N never later finds an
event below N appear.

The feed is for integrations (`systemintegrasjon`); a service whose events name
no person (the catalogue) lets its admin read it too. Payloads carry ids and
codes only (`shared.schemas.events`), but that a person had a decision made or
a loan started is still about the person: every page read writes the access
log for each person its events concern, in the read's own transaction.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import BigInteger, DateTime, Identity, SmallInteger, String, func, select, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from shared.access_log import AccessAction, AccessLog
from shared.auth import CurrentPrincipal, Principal
from shared.db import TENANT_SETTING, TenantSession
from shared.permissions import allow
from shared.schemas.events import EventEnvelope, EventFeedPage, EventPayload
from shared.schemas.roles import Role

OUTBOX_LOCK_KEY = 7_301_100
MAX_SEQUENCE = 2**63 - 1
"""The largest sequence a BIGINT holds; a larger `after` is a 422, not a database error."""
FEED_READERS: tuple[Role, ...] = (Role.integration,)
FEED_RESOURCE = "event"


class EventMixin:
    """Columns of a service's append-only `events` table."""

    sequence: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(
        default=uuid.uuid4, unique=True, server_default=func.gen_random_uuid()
    )
    type: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[int] = mapped_column(SmallInteger, server_default=text("1"))
    municipality: Mapped[str] = mapped_column(
        String(4), index=True, server_default=text(f"current_setting('{TENANT_SETTING}', true)")
    )
    subject: Mapped[str | None] = mapped_column(String(100))
    occurred_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    data: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)


class Outbox:
    """Writes and reads one service's events."""

    def __init__(
        self,
        model: type[EventMixin],
        source: str,
        *,
        access_log: AccessLog | None = None,
        readers: tuple[Role, ...] = FEED_READERS,
    ) -> None:
        """`access_log` is the service's own (None only for a service without persons);
        `readers` the roles that read the feed."""
        self.model = model
        self.source = source
        self.access_log = access_log
        self.readers = readers

    async def record(
        self,
        session: AsyncSession,
        payload: EventPayload,
        *,
        subject: str | uuid.UUID | None = None,
    ) -> None:
        """Add an event to the current transaction; it is published iff that commits."""
        await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": OUTBOX_LOCK_KEY})
        session.add(
            self.model(  # type: ignore[call-arg]
                type=payload.event_type,
                version=payload.event_version,
                subject=str(subject) if subject is not None else None,
                data=payload.model_dump(mode="json"),
            )
        )
        await session.flush()

    async def read(self, session: AsyncSession, after: int, limit: int) -> EventFeedPage:
        model: Any = self.model
        rows = (
            await session.scalars(
                select(model).where(model.sequence > after).order_by(model.sequence).limit(limit)
            )
        ).all()
        items = [
            EventEnvelope(
                sequence=row.sequence,
                id=row.id,
                type=row.type,
                version=row.version,
                source=self.source,
                municipality=row.municipality,
                subject=row.subject,
                occurred_at=row.occurred_at,
                data=row.data,
            )
            for row in rows
        ]
        next_cursor = str(items[-1].sequence) if len(items) == limit else None
        last = await session.scalar(select(func.max(model.sequence)))
        return EventFeedPage(items=items, next_cursor=next_cursor, last_sequence=last or 0)

    async def log_read(self, session: AsyncSession, reader: Principal, page: EventFeedPage) -> None:
        """One access-log row per person the page's events concern, naming the sequences
        of that person's events in the page (`first-last`)."""
        if self.access_log is None:
            return
        sequences: dict[uuid.UUID, list[int]] = {}
        for event in page.items:
            for person_id in event.persons():
                sequences.setdefault(person_id, []).append(event.sequence)
        for person_id, seen in sequences.items():
            await self.access_log.record(
                session,
                reader,
                person_id,
                AccessAction.read,
                FEED_RESOURCE,
                f"{self.source}:{seen[0]}-{seen[-1]}",
            )

    def router(self) -> APIRouter:
        router = APIRouter(tags=["events"])
        outbox = self

        @router.get(
            "/events",
            response_model=EventFeedPage,
            operation_id=f"{self.source}_list_events",
            summary="The event feed, oldest first",
            dependencies=[allow(*self.readers)],
        )
        async def list_events(
            session: TenantSession,
            reader: CurrentPrincipal,
            after: Annotated[
                int, Query(ge=0, le=MAX_SEQUENCE, description="Sequence of the last event seen")
            ] = 0,
            limit: Annotated[int, Query(ge=1, le=500)] = 100,
        ) -> EventFeedPage:
            """Events of the caller's municipality with a sequence above `after`."""
            page = await outbox.read(session, after, limit)
            # In the read's own transaction: each person the page's events concern.
            await outbox.log_read(session, reader, page)
            return page

        return router


async def _app_outbox(request: Request) -> Outbox:
    return request.app.state.outbox  # type: ignore[no-any-return]


EventOutbox = Annotated[Outbox, Depends(_app_outbox)]

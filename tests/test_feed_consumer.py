"""The shared feed consumer over real HTTP: a stored cursor, idempotent replay, back-off, lag."""

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import date
from typing import Any
from uuid import uuid4

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from dev.issuer import SigningKey
from dev.testing import RunningServer, settings_kwargs, tenant_connection
from services.coordination.models import FeedCursor, ProcessedEvent
from services.intake.app import create_app as create_intake
from services.intake.settings import IntakeSettings
from shared.db import create_engine, create_sessionmaker, set_tenant
from shared.feed import FeedConsumer
from shared.schemas.events import EventEnvelope
from shared.schemas.intake import DecisionMade, Outcome


class SignedTokens:
    """System-user tokens signed with the test key, one per municipality."""

    def __init__(self, token_factory: Callable[..., str]) -> None:
        self.token_factory = token_factory

    async def token(self, municipality: str) -> str:
        return self.token_factory("systemintegrasjon", municipality=municipality)


@pytest.fixture
async def intake(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[RunningServer]:
    app = create_intake(IntakeSettings(**settings_kwargs("intake", database_urls, signing_key)))
    server = RunningServer(app)
    await server.start()
    yield server
    await server.stop()


async def publish_decisions(server: RunningServer, municipality: str, count: int) -> None:
    app = server.app
    async with app.state.sessionmaker() as session, session.begin():
        await set_tenant(session, municipality)
        for _ in range(count):
            await app.state.outbox.record(
                session,
                DecisionMade(
                    person_id=uuid4(),
                    service_type="hjemmesykepleie",
                    outcome=Outcome.granted,
                    unit="hjemmetjenesten-ski",
                    starts_on=date(2026, 12, 1),
                    ends_on=None,
                    replaces_id=None,
                ),
                subject=str(uuid4()),
            )


@pytest.fixture
async def consumer_parts(
    database_urls: dict[str, str], token_factory: Callable[..., str]
) -> AsyncIterator[dict[str, Any]]:
    engine = create_engine(database_urls["coordination"])
    handled: list[EventEnvelope] = []

    async def handle(session: AsyncSession, event: EventEnvelope) -> None:
        handled.append(event)

    async with httpx.AsyncClient(timeout=5) as http:
        yield {
            "sessionmaker": create_sessionmaker(engine),
            "tokens": SignedTokens(token_factory),
            "handle": handle,
            "handled": handled,
            "http": http,
        }
    await engine.dispose()


def consumer_of(server: RunningServer, municipality: str, parts: dict[str, Any]) -> FeedConsumer:
    return FeedConsumer(
        source="intake",
        base_url=server.url,
        municipalities=[municipality],
        tokens=parts["tokens"],
        sessionmaker=parts["sessionmaker"],
        cursor_model=FeedCursor,
        processed_model=ProcessedEvent,
        handle=parts["handle"],
        http=parts["http"],
        interval=0.05,
        max_interval=0.2,
        batch=2,
    )


async def test_new_events_are_handled_once_in_order_and_the_cursor_is_stored(
    intake: RunningServer, consumer_parts: dict[str, Any], municipality: str
) -> None:
    await publish_decisions(intake, municipality, 3)
    consumer = consumer_of(intake, municipality, consumer_parts)

    first = await consumer.catch_up(municipality)
    again = await consumer.catch_up(municipality)

    handled = consumer_parts["handled"]
    assert (first, again) == (3, 0)
    assert [e.sequence for e in handled] == sorted(e.sequence for e in handled)
    assert all(isinstance(e.payload(), DecisionMade) for e in handled)
    assert consumer.readiness()[municipality]["events_behind"] == 0


async def test_reading_the_feed_again_from_the_start_changes_nothing(
    intake: RunningServer,
    consumer_parts: dict[str, Any],
    municipality: str,
    database_urls: dict[str, str],
) -> None:
    await publish_decisions(intake, municipality, 3)
    consumer = consumer_of(intake, municipality, consumer_parts)
    await consumer.catch_up(municipality)
    async with tenant_connection(database_urls["coordination"], municipality) as connection:
        await connection.execute(text("UPDATE feed_cursors SET position = 0"))

    replayed = await consumer_of(intake, municipality, consumer_parts).catch_up(municipality)

    assert replayed == 0
    assert len(consumer_parts["handled"]) == 3


async def test_a_failing_handler_moves_neither_cursor_nor_marks(
    intake: RunningServer, consumer_parts: dict[str, Any], municipality: str
) -> None:
    await publish_decisions(intake, municipality, 1)

    async def refuse(session: AsyncSession, event: EventEnvelope) -> None:
        raise ValueError("cannot handle this yet")

    consumer = consumer_of(intake, municipality, {**consumer_parts, "handle": refuse})
    with pytest.raises(ValueError):
        await consumer.poll_once(municipality)

    retried = await consumer_of(intake, municipality, consumer_parts).catch_up(municipality)

    assert retried == 1


async def test_while_the_feed_is_down_the_consumer_backs_off_and_then_catches_up(
    intake: RunningServer, consumer_parts: dict[str, Any], municipality: str
) -> None:
    await publish_decisions(intake, municipality, 2)
    await intake.stop()
    consumer = consumer_of(intake, municipality, consumer_parts)
    consumer.start()
    try:
        down: dict[str, Any] = {}
        for _ in range(200):  # up to 10 s on a busy machine
            down = consumer.readiness()[municipality]
            if down["last_error"] is not None:
                break
            await asyncio.sleep(0.05)
        await intake.start()
        for _ in range(400):  # up to 20 s
            # the handler runs inside the page's transaction: wait for the page to finish too
            caught_up = consumer.readiness()[municipality]["last_error"] is None
            if len(consumer_parts["handled"]) == 2 and caught_up:
                break
            await asyncio.sleep(0.05)
    finally:
        await consumer.stop()

    assert down["last_error"] is not None
    assert len(consumer_parts["handled"]) == 2
    assert consumer.readiness()[municipality]["last_error"] is None


async def test_another_municipality_s_events_are_never_read(
    intake: RunningServer, consumer_parts: dict[str, Any], municipality: str
) -> None:
    await publish_decisions(intake, "0301", 2)

    handled = await consumer_of(intake, municipality, consumer_parts).catch_up(municipality)

    assert handled == 0

"""Beyond capacity or without its database, a service answers 503 with Retry-After, never 500,
and it serves again by itself once a connection is free or the database is back."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dev.issuer import SigningKey
from dev.postgres import start_embedded
from dev.testing import alembic_config, auth, open_client, settings_kwargs
from services.intake.app import create_app
from services.intake.settings import IntakeSettings
from shared.db import create_engine, create_sessionmaker
from shared.hardening import InFlightLimitMiddleware
from shared.overload import is_transient

PERSONS = "/api/intake/v1/persons"


def _swap_engine(app: FastAPI, **options: float) -> None:
    """The running app's pool replaced by a small one (the lifespan disposes of its own)."""
    engine = create_engine(app.state.settings.database_url, 1, max_overflow=0, **options)  # type: ignore[arg-type]
    app.state.engine_under_test = engine
    app.state.sessionmaker = create_sessionmaker(engine)


def _assert_unavailable(response: object) -> None:
    assert response.status_code == 503, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"] == "application/problem+json"  # type: ignore[attr-defined]
    assert int(response.headers["retry-after"]) > 0  # type: ignore[attr-defined]


async def test_a_request_gets_503_with_retry_after_while_the_database_is_unreachable(
    database_urls: dict[str, str],
    signing_key: SigningKey,
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    kwargs = settings_kwargs("intake", database_urls, signing_key)
    kwargs["database_url"] = "postgresql+asyncpg://mestring@/intake?host=/nonexistent-socket-dir"
    headers = auth(token_factory("saksbehandler", municipality=municipality))

    async for client in open_client(create_app(IntakeSettings(**kwargs))):
        response = await client.get(PERSONS, headers=headers)

    _assert_unavailable(response)


async def test_a_request_that_waits_past_the_pool_timeout_gets_503_then_the_pool_serves_again(
    database_urls: dict[str, str],
    signing_key: SigningKey,
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    app = create_app(IntakeSettings(**settings_kwargs("intake", database_urls, signing_key)))
    headers = auth(token_factory("saksbehandler", municipality=municipality))

    async for client in open_client(app):
        _swap_engine(app, pool_timeout=0.3)
        engine = app.state.engine_under_test
        async with engine.connect() as held:
            await held.execute(text("SELECT 1"))
            started = time.monotonic()
            busy = await client.get(PERSONS, headers=headers)
            waited = time.monotonic() - started
        again = await client.get(PERSONS, headers=headers)
        await engine.dispose()

    _assert_unavailable(busy)
    assert waited < 5, "the pool timeout bounds the wait"
    assert again.status_code == 200


async def test_a_statement_past_the_statement_timeout_gets_503(
    database_urls: dict[str, str],
    signing_key: SigningKey,
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    app = create_app(IntakeSettings(**settings_kwargs("intake", database_urls, signing_key)))
    headers = auth(token_factory("saksbehandler", municipality=municipality))

    async for client in open_client(app):
        _swap_engine(app, statement_timeout_ms=300)
        engine = app.state.engine_under_test
        locker = create_engine(database_urls["intake"])
        async with locker.begin() as connection:
            await connection.execute(text("LOCK TABLE persons IN ACCESS EXCLUSIVE MODE"))
            blocked = await client.get(PERSONS, headers=headers)
        again = await client.get(PERSONS, headers=headers)
        await locker.dispose()
        await engine.dispose()

    _assert_unavailable(blocked)
    assert again.status_code == 200


async def test_the_pool_opens_at_most_its_size_and_keeps_every_connection_across_bursts(
    database_urls: dict[str, str],
) -> None:
    """No overflow connections that are closed when given back: the second burst of as many
    concurrent transactions as the pool holds runs on the very backends of the first, and
    one more waits for a free connection (here past the pool timeout) instead of opening one."""
    engine = create_engine(database_urls["intake"], 3, pool_timeout=0.3)
    release = asyncio.Event()

    async def backend() -> int:
        async with engine.connect() as connection:
            pid = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
            await release.wait()
            return int(pid)

    async def burst(extra: int = 0) -> list[int | BaseException]:
        release.clear()
        tasks = [asyncio.create_task(backend()) for _ in range(3 + extra)]
        await asyncio.sleep(0.6)
        release.set()
        return await asyncio.gather(*tasks, return_exceptions=True)

    try:
        first = await burst()
        second = await burst(extra=1)
        kept = engine.pool.checkedin()  # type: ignore[attr-defined]
    finally:
        await engine.dispose()

    backends = {pid for pid in second if isinstance(pid, int)}
    refused = [error for error in second if isinstance(error, BaseException)]
    assert len(set(first)) == 3
    assert backends == set(first)
    assert len(refused) == 1 and is_transient(refused[0])
    assert kept == 3


async def test_a_genuine_database_error_is_not_taken_for_overload(
    database_urls: dict[str, str],
) -> None:
    engine = create_engine(database_urls["intake"])
    try:
        async with engine.connect() as connection:
            with pytest.raises(DBAPIError) as raised:
                await connection.execute(text("SELECT 1 / 0"))
    finally:
        await engine.dispose()

    assert not is_transient(raised.value)


async def test_while_postgresql_restarts_requests_get_503_and_are_served_again_after(
    signing_key: SigningKey,
    token_factory: Callable[..., str],
    municipality: str,
    tmp_path: Path,
) -> None:
    """A PostgreSQL of its own, stopped and started under a running intake: 503s while it is
    down, and the same app serves again once it is back, with no restart of the service."""
    folder = tmp_path / "pg"
    pg = start_embedded(folder)
    try:
        pg.ensure_databases({"intake": "intake"})
        await asyncio.to_thread(
            command.upgrade, alembic_config("intake", pg.owner_url("intake", "intake")), "head"
        )
        kwargs = {
            **settings_kwargs("intake", {"intake": ""}, signing_key),
            "database_url": pg.runtime_url("intake", "intake"),
        }
        headers = auth(token_factory("saksbehandler", municipality=municipality))
        async for client in open_client(create_app(IntakeSettings(**kwargs))):
            before = await client.get(PERSONS, headers=headers)
            pg.stop()
            during = await client.get(PERSONS, headers=headers)
            pg = start_embedded(folder)
            after = [(await client.get(PERSONS, headers=headers)).status_code for _ in range(3)]
    finally:
        pg.stop()

    assert before.status_code == 200, before.text
    _assert_unavailable(during)
    assert after[-1] == 200 and set(after) <= {200, 503}, after


def _in_flight(app: FastAPI) -> int:
    """The requests the app's in-flight limit counts now (0 before its first request)."""
    node: object = app.middleware_stack
    while node is not None:
        if isinstance(node, InFlightLimitMiddleware):
            return node.in_flight
        node = getattr(node, "app", None)
    return 0


async def _until_in_flight(app: FastAPI, count: int) -> None:
    """Poll (at most 10 s) until the app's in-flight limit counts `count` requests."""
    deadline = time.monotonic() + 10
    while _in_flight(app) < count and time.monotonic() < deadline:  # noqa: ASYNC110 (a counter, no event to wait on)
        await asyncio.sleep(0.01)
    assert _in_flight(app) == count


async def test_beyond_the_requests_in_flight_a_request_gets_503_at_once_not_a_place_in_the_queue(
    database_urls: dict[str, str],
    signing_key: SigningKey,
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    kwargs = settings_kwargs("intake", database_urls, signing_key)
    app = create_app(IntakeSettings(**{**kwargs, "max_requests_in_flight": 1}))
    headers = auth(token_factory("saksbehandler", municipality=municipality))

    async for client in open_client(app):
        _swap_engine(app, pool_timeout=5)
        engine = app.state.engine_under_test
        async with engine.connect() as held:
            await held.execute(text("SELECT 1"))
            waiting = asyncio.create_task(client.get(PERSONS, headers=headers))
            await _until_in_flight(app, 1)  # the first request waits for the pool
            started = time.monotonic()
            refused = await client.get(PERSONS, headers=headers)
            answered_in = time.monotonic() - started
            health = await client.get("/api/intake/health/live")
        first = await waiting
        again = await client.get(PERSONS, headers=headers)
        await engine.dispose()

    _assert_unavailable(refused)
    assert refused.json()["type"].endswith("overloaded")
    assert answered_in < 1, "refused at once, not after the pool timeout"
    assert health.status_code == 200, "probes pass while the service is busy"
    assert first.status_code == 200
    assert again.status_code == 200

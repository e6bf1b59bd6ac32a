"""Pytest fixtures for every service's tests: real PostgreSQL, migrated schemas, tokens.

The schema is made by each service's Alembic migrations, never by
`create_all`. Each test that writes takes a fresh municipality of its own, so
tests isolate each other through the same row-level security the services
use in production.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import random
import shutil
import socket
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from alembic import command
from alembic.config import Config
from fastapi import FastAPI
from sqlalchemy import Column, Table, text
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine
from sqlalchemy.sql import visitors

from dev.issuer import SigningKey
from dev.postgres import EmbeddedPostgres, service_databases, start_embedded
from shared.schemas.roles import Role
from shared.settings import SERVICE_NAMES

ROOT = Path(__file__).resolve().parents[1]
TEST_DB_PREFIX = "test_"
ISSUER = "mestring-test"
AUDIENCE = "mestring"
DEMO_MUNICIPALITIES = {"3207", "5032"}


def alembic_config(service: str, url: str) -> Config:
    config = Config(str(ROOT / "alembic.ini"), ini_section=service)
    config.set_main_option("script_location", str(ROOT / "services" / service / "migrations"))
    config.attributes["url"] = url
    return config


@pytest.fixture(scope="session")
def postgres() -> Iterator[EmbeddedPostgres]:
    """A private PostgreSQL 16 for this test session."""
    folder = Path(os.environ.get("MESTRING_TEST_PG_DIR") or tempfile.mkdtemp(prefix="mestring-pg-"))
    pg = start_embedded(folder)
    try:
        yield pg
    finally:
        pg.stop()
        if not os.environ.get("MESTRING_TEST_PG_DIR"):
            shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def owner_database_urls(postgres: EmbeddedPostgres) -> dict[str, str]:
    """service → URL of its freshly migrated test database, as the owner role that migrated it."""
    names = service_databases(TEST_DB_PREFIX)
    postgres.drop_databases(list(names.values()))
    postgres.ensure_databases(names)
    urls = {service: postgres.owner_url(service, database) for service, database in names.items()}
    for service, url in urls.items():
        command.upgrade(alembic_config(service, url), "head")
    return urls


@pytest.fixture(scope="session")
def database_urls(
    postgres: EmbeddedPostgres, owner_database_urls: dict[str, str]
) -> dict[str, str]:
    """service → URL of its freshly migrated test database, as the service's runtime role.

    The services under test connect with these, so a privilege the runtime role
    lacks fails the test that needs it.
    """
    names = service_databases(TEST_DB_PREFIX)
    return {service: postgres.runtime_url(service, database) for service, database in names.items()}


@pytest.fixture(scope="session")
def signing_key() -> SigningKey:
    return SigningKey.generate()


@pytest.fixture(scope="session")
def token_factory(signing_key: SigningKey) -> Callable[..., str]:
    """`token_for(role, municipality="3207", **claim_overrides)` → a signed bearer token."""

    def token_for(
        *roles: Role | str, municipality: str = "3207", key: SigningKey | None = None, **claims: Any
    ) -> str:
        now = int(time.time())
        body: dict[str, Any] = {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "sub": f"test-{'-'.join(str(r) for r in roles) or 'noone'}",
            "name": "Test Testesen",
            "municipality": municipality,
            "roles": [str(Role(r).value) for r in roles],
            "units": [],
            "iat": now,
            "exp": now + 600,
        }
        body.update(claims)
        return (key or signing_key).sign({k: v for k, v in body.items() if v is not None})

    return token_for


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def walk_pages(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], **params: str
) -> list[str]:
    """Every item's id of a list, one item a page, following the cursors to the end."""
    ids: list[str] = []
    cursor = None
    for _ in range(50):
        query = {**params, "limit": "1", **({"cursor": cursor} if cursor else {})}
        page = await client.get(url, params=query, headers=headers)
        assert page.status_code == 200, page.text
        ids += [item["id"] for item in page.json()["items"]]
        if (cursor := page.json()["next_cursor"]) is None:
            return ids
    raise AssertionError("the pages never ended")


def settings_kwargs(
    service: str, database_urls: dict[str, str], signing_key: SigningKey
) -> dict[str, Any]:
    return {
        "env": "test",
        "database_url": database_urls[service],
        "auth_public_key": signing_key.public_pem,
        "auth_issuer": ISSUER,
        "auth_audience": AUDIENCE,
        "log_level": os.environ.get("MESTRING_TEST_LOG_LEVEL", "WARNING"),
        # Every test signs as one of a handful of test users, so a session's writes would
        # drain one client's bucket; the limit itself is tested in tests/test_hardening.py.
        "write_rate_per_second": 0,
    }


async def open_client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client talking to `app` in-process, with its lifespan running."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client


_codes = itertools.count()
_shuffled = [f"{n:04d}" for n in random.Random(os.getpid()).sample(range(1000, 9999), 8999)]


@pytest.fixture
def municipality() -> str:
    """A municipality number no other test in this session uses."""
    while True:
        code = _shuffled[next(_codes)]
        if code not in DEMO_MUNICIPALITIES:
            return code


@asynccontextmanager
async def tenant_connection(database_url: str, municipality: str) -> AsyncIterator[AsyncConnection]:
    """A raw connection as the URL's role (the services' runtime role for `database_urls`),
    scoped to one municipality, committed at exit."""
    engine = create_async_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                text("SELECT set_config('mestring.municipality', :m, true)"), {"m": municipality}
            )
            yield connection
    finally:
        await engine.dispose()


@dataclass(frozen=True)
class IndexColumns:
    """An index as the catalogue has it: its key columns in order, the columns it only
    includes, and its partial condition."""

    key: list[str]
    included: list[str]
    predicate: str | None


INDEXES_OF = text(
    """
    SELECT c.relname,
           array(SELECT a.attname FROM unnest(i.indkey[0:i.indnkeyatts - 1]) WITH ORDINALITY
                   AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                 ORDER BY k.n),
           array(SELECT a.attname FROM unnest(i.indkey[i.indnkeyatts:]) WITH ORDINALITY
                   AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                 ORDER BY k.n),
           pg_get_expr(i.indpred, i.indrelid)
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = CAST(:table AS regclass)
    """
)


async def indexes_of(database_url: str, municipality: str, table: str) -> dict[str, IndexColumns]:
    """The indexes on `table`, by name: for tests that what a statement selects by or reads is
    indexed (a plan on the tests' near-empty tables would not show the planner's choice)."""
    async with tenant_connection(database_url, municipality) as connection:
        found = await connection.execute(INDEXES_OF, {"table": table})
        return {
            name: IndexColumns(list(key), list(included), predicate)
            for name, key, included, predicate in found
        }


def columns_read(statements: Iterable[Any], table: Table) -> set[str]:
    """The columns of `table` that `statements` refer to, anywhere in them."""
    return {
        element.name
        for statement in statements
        for element in visitors.iterate(statement)
        if isinstance(element, Column) and element.table is table
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RunningServer:
    """An ASGI app under uvicorn on a free loopback port (real HTTP), which a test can stop."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Serve (again) on the same port."""
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.task = asyncio.create_task(self.server.serve())
        while not self.server.started:  # noqa: ASYNC110 (uvicorn offers only this flag)
            await asyncio.sleep(0.02)

    async def stop(self) -> None:
        self.server.should_exit = True
        if self.task is not None:
            await self.task
            self.task = None


class HeldUpstream:
    """A hop in front of a running service that holds each request until the test lets it
    on, forwarding it (method, query, body, token) when it does: for tests of what a caller
    holds while it waits on another service. `calls` lists each request as "METHOD path"."""

    def __init__(self, upstream_url: str) -> None:
        from starlette.applications import Starlette
        from starlette.routing import Route

        self.upstream_url = upstream_url
        self.calls: list[str] = []
        self.asked, self.go_on = asyncio.Event(), asyncio.Event()
        self.server = RunningServer(
            Starlette(routes=[Route("/{path:path}", self._hop, methods=["GET", "POST"])])
        )

    @property
    def url(self) -> str:
        return self.server.url

    async def _hop(self, request: Any) -> Any:
        from starlette.responses import Response

        self.calls.append(f"{request.method} {request.url.path}")
        self.asked.set()
        await self.go_on.wait()
        async with httpx.AsyncClient(base_url=self.upstream_url) as forward:
            answer = await forward.request(
                request.method,
                request.url.path,
                params=request.query_params,
                content=await request.body(),
                headers={
                    "Authorization": request.headers["authorization"],
                    "Content-Type": request.headers.get("content-type", "application/json"),
                },
            )
        return Response(answer.content, answer.status_code, media_type="application/json")

    async def held_while(
        self, app: FastAPI, http: httpx.AsyncClient, url: str, headers: dict[str, str]
    ) -> tuple[int, httpx.Response]:
        """GET `url` from `app`; once the hop is asked, the connections `app`'s pool has
        checked out while it waits; then the hop lets the request on. Returns both."""
        self.asked.clear()
        self.go_on.clear()
        reading = asyncio.create_task(http.get(url, headers=headers))
        try:
            await asyncio.wait_for(self.asked.wait(), timeout=20)
            held = int(app.state.engine.pool.checkedout())
        finally:
            self.go_on.set()
        return held, await reading

    async def __aenter__(self) -> HeldUpstream:
        await self.server.start()
        return self

    async def __aexit__(self, *_: Any) -> None:
        self.go_on.set()
        await self.server.stop()


__all__ = ["SERVICE_NAMES", "auth", "open_client", "settings_kwargs"]

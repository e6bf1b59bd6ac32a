"""The runtime role cannot erase the access log, change the schema or lift row-level security.

Every service connects as its runtime role (`database_urls`), which owns
nothing and holds only the DML it needs; the owner role (`owner_database_urls`)
ran the migrations. Each statement below is one the issue names, tried as the
runtime role of every service, in a transaction of its own.
"""

from __future__ import annotations

import asyncio
import io
import os
import secrets
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from dev.issuer import SigningKey
from dev.postgres import BACKUP_ROLE, EmbeddedPostgres
from dev.testing import TEST_DB_PREFIX, free_port, open_client, settings_kwargs, tenant_connection
from shared.db import UnsafeDatabaseRole
from shared.roles import APPEND_ONLY_TABLES, owner_role, runtime_role
from shared.settings import SERVICE_NAMES

ROOT = Path(__file__).resolve().parents[1]
# The services whose database holds personal data, and so an access log.
WITH_ACCESS_LOG = ("intake", "coordination", "welfaretech", "quality")
# A tenant table of each service, with row-level security forced.
TENANT_TABLE = {
    "intake": "persons",
    "catalogue": "service_types",
    "coordination": "plans",
    "welfaretech": "loans",
    "quality": "deviations",
}
# A trigger of each service that keeps history from being rewritten.
GUARD_TRIGGER = {
    "intake": ("access_log", "access_log_append_only"),
    "catalogue": ("allocation_criteria", "allocation_criteria_immutable"),
    "coordination": ("access_log", "access_log_append_only"),
    "welfaretech": ("access_log", "access_log_append_only"),
    "quality": ("access_log", "access_log_append_only"),
}
PERSON = "00000000-0000-4000-8000-000000000001"


async def refused(url: str, statement: str, municipality: str) -> str:
    """Run `statement` as the URL's role in a transaction of its own; the error it raised."""
    with pytest.raises(DBAPIError) as raised:
        async with tenant_connection(url, municipality) as connection:
            await connection.execute(text(statement))
    return str(raised.value.orig)


@pytest.fixture
async def runtime(
    database_urls: dict[str, str], request: pytest.FixtureRequest
) -> AsyncIterator[AsyncConnection]:
    engine = create_async_engine(database_urls[request.param])
    async with engine.connect() as connection:
        yield connection
    await engine.dispose()


async def write_access_log_row(url: str, municipality: str) -> None:
    async with tenant_connection(url, municipality) as connection:
        await connection.execute(
            text(
                "INSERT INTO access_log (actor, actor_name, actor_roles, person_id, action, "
                "resource) VALUES ('test', 'Test', '[]', :person, 'read', 'person')"
            ),
            {"person": PERSON},
        )


@pytest.mark.parametrize("runtime", SERVICE_NAMES, indirect=True)
async def test_the_runtime_role_is_no_superuser_no_bypassrls_and_owns_nothing(
    runtime: AsyncConnection,
) -> None:
    role = await runtime.scalar(text("SELECT current_user"))
    attributes = (
        await runtime.execute(
            text(
                "SELECT rolsuper, rolbypassrls, rolcreatedb, rolcreaterole "
                "FROM pg_roles WHERE rolname = current_user"
            )
        )
    ).one()
    owned = await runtime.scalar(
        text(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relowner = (SELECT oid FROM pg_roles "
            "WHERE rolname = current_user)"
        )
    )
    database_owner = await runtime.scalar(
        text("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")
    )

    assert role in {runtime_role(s) for s in SERVICE_NAMES}
    assert tuple(attributes) == (False, False, False, False)
    assert owned == 0
    assert database_owner != role and database_owner.endswith("_owner")


@pytest.mark.parametrize("service", SERVICE_NAMES)
async def test_the_runtime_role_has_exactly_the_dml_it_needs_on_every_table(
    service: str, database_urls: dict[str, str]
) -> None:
    engine = create_async_engine(database_urls[service])
    async with engine.connect() as connection:
        rows = (
            await connection.execute(
                text(
                    "SELECT tablename, "
                    "has_table_privilege(current_user, tablename, 'SELECT'), "
                    "has_table_privilege(current_user, tablename, 'INSERT'), "
                    "has_table_privilege(current_user, tablename, 'UPDATE'), "
                    "has_table_privilege(current_user, tablename, 'DELETE'), "
                    "has_table_privilege(current_user, tablename, 'TRUNCATE'), "
                    "has_table_privilege(current_user, tablename, 'TRIGGER'), "
                    "has_table_privilege(current_user, tablename, 'REFERENCES') "
                    "FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
                )
            )
        ).all()
        create_in_schema = await connection.scalar(
            text("SELECT has_schema_privilege(current_user, 'public', 'CREATE')")
        )
    await engine.dispose()
    privileges = {row[0]: tuple(row[1:]) for row in rows}

    assert len(privileges) > 3
    for table, granted in privileges.items():
        if table == "alembic_version":
            expected = (True,) + (False,) * 6  # read to wait for the migrations
        elif table in APPEND_ONLY_TABLES:
            expected = (True, True, False, False, False, False, False)
        else:
            expected = (True, True, True, True, False, False, False)
        assert granted == expected, table
    assert ("access_log" in privileges) == (service in WITH_ACCESS_LOG)
    assert create_in_schema is False


@pytest.mark.parametrize("service", WITH_ACCESS_LOG)
async def test_the_runtime_role_can_add_to_and_read_the_access_log_but_not_erase_it(
    service: str, database_urls: dict[str, str], municipality: str
) -> None:
    url = database_urls[service]
    await write_access_log_row(url, municipality)

    truncate = await refused(url, "TRUNCATE access_log", municipality)
    delete = await refused(url, "DELETE FROM access_log", municipality)
    update = await refused(url, "UPDATE access_log SET actor = 'someone else'", municipality)
    async with tenant_connection(url, municipality) as connection:
        kept = await connection.scalar(text("SELECT count(*) FROM access_log"))

    assert "permission denied for table access_log" in truncate
    assert "permission denied for table access_log" in delete
    assert "permission denied for table access_log" in update
    assert kept == 1


@pytest.mark.parametrize("service", SERVICE_NAMES)
async def test_the_runtime_role_cannot_truncate_alter_drop_or_create(
    service: str, database_urls: dict[str, str], municipality: str
) -> None:
    url = database_urls[service]
    table = TENANT_TABLE[service]
    guarded, trigger = GUARD_TRIGGER[service]

    errors = {
        "truncate": await refused(url, f"TRUNCATE {table}", municipality),
        "drop trigger": await refused(url, f"DROP TRIGGER {trigger} ON {guarded}", municipality),
        "disable trigger": await refused(
            url, f"ALTER TABLE {guarded} DISABLE TRIGGER {trigger}", municipality
        ),
        "disable rls": await refused(
            url, f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY", municipality
        ),
        "no force rls": await refused(
            url, f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY", municipality
        ),
        "drop policy": await refused(url, f"DROP POLICY tenant_isolation ON {table}", municipality),
        "drop table": await refused(url, f"DROP TABLE {table}", municipality),
        "create table": await refused(url, "CREATE TABLE stolen (id int)", municipality),
        "create function": await refused(
            url, "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'", municipality
        ),
        "temporary table": await refused(url, "CREATE TEMP TABLE t (id int)", municipality),
    }

    assert "permission denied for table" in errors["truncate"]
    for what in ("drop trigger", "disable trigger", "disable rls", "no force rls", "drop table"):
        assert "must be owner of" in errors[what], what
    assert "must be owner of" in errors["drop policy"]
    for what in ("create table", "create function"):
        assert "permission denied for schema public" in errors[what], what
    assert "permission denied to create temporary tables" in errors["temporary table"]


@pytest.mark.parametrize("service", WITH_ACCESS_LOG)
async def test_the_append_only_trigger_refuses_even_the_owner(
    service: str,
    database_urls: dict[str, str],
    owner_database_urls: dict[str, str],
    municipality: str,
) -> None:
    """Defence in depth: the owner, which could drop it, is still refused by the trigger."""
    await write_access_log_row(database_urls[service], municipality)

    delete = await refused(owner_database_urls[service], "DELETE FROM access_log", municipality)
    update = await refused(
        owner_database_urls[service], "UPDATE access_log SET actor = 'x'", municipality
    )

    assert "append-only" in delete and "append-only" in update


@pytest.mark.parametrize("service", SERVICE_NAMES)
async def test_row_level_security_is_forced_so_even_the_owner_sees_only_its_municipality(
    service: str, owner_database_urls: dict[str, str], municipality: str
) -> None:
    table = TENANT_TABLE[service]
    engine = create_async_engine(owner_database_urls[service])
    async with engine.connect() as connection:
        forced = await connection.scalar(
            text("SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE relname = :t"),
            {"t": table},
        )
        visible = await connection.scalar(text(f"SELECT count(*) FROM {table}"))
    await engine.dispose()

    assert forced is True
    assert visible == 0, "without a municipality set, no rows"


# --- a service refuses to start on a role that could erase the log -------------------

PRODUCTION: dict[str, Any] = {
    "env": "production",
    "auth_jwks_url": "https://idp.kommune.no/.well-known/jwks.json",
    "auth_issuer": "https://idp.kommune.no",
}


def test_a_service_on_the_owner_role_refuses_to_start_in_production(
    owner_database_urls: dict[str, str],
) -> None:
    """As the deployment starts it: uvicorn, production settings from the environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MESTRING_", "CATALOGUE_"))}
    env |= {f"MESTRING_{key.upper()}": value for key, value in PRODUCTION.items()}
    env |= {"CATALOGUE_DATABASE_URL": owner_database_urls["catalogue"], "MESTRING_LOG_JSON": "1"}
    command = [sys.executable, "-m", "uvicorn", "--factory", "services.catalogue.app:create_app"]

    started = subprocess.run(
        [*command, "--port", str(free_port())],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    output = started.stdout + started.stderr
    assert started.returncode != 0
    assert "startup.unsafe_database_role" in output
    assert owner_role("catalogue") in output and "it owns the database" in output
    assert "Application startup failed" in output


@pytest.mark.parametrize(
    ("role", "reason"),
    [
        ("owner", "it owns the database; it owns the schema public; it owns tables (access_log"),
        ("postgres", "it is a superuser; it has BYPASSRLS"),
        (BACKUP_ROLE, "it has BYPASSRLS"),
    ],
)
async def test_a_service_refuses_every_role_but_its_runtime_role_in_test_mode_too(
    role: str,
    reason: str,
    postgres: EmbeddedPostgres,
    database_urls: dict[str, str],
    signing_key: SigningKey,
) -> None:
    """`make run` and the tests connect as the runtime roles, so the check holds in every mode."""
    from services.intake.app import create_app
    from services.intake.settings import IntakeSettings

    database = f"{TEST_DB_PREFIX}intake"
    url = (
        postgres.owner_url("intake", database)
        if role == "owner"
        else postgres.url(database, role=role)
    )
    kwargs = settings_kwargs("intake", database_urls, signing_key) | {"database_url": url}

    with pytest.raises(UnsafeDatabaseRole) as refused:
        async for _ in open_client(create_app(IntakeSettings(**kwargs))):
            pass

    assert reason in str(refused.value)
    assert "Connect as the service's runtime role" in str(refused.value)


async def test_in_production_a_database_out_of_reach_is_a_refusal_too() -> None:
    """The role cannot be vouched for: the orchestrator starts the service again later."""
    from services.intake.app import create_app
    from services.intake.settings import IntakeSettings

    url = "postgresql+asyncpg://mestring_intake@/intake?host=/nonexistent-socket-dir"
    with pytest.raises(UnsafeDatabaseRole) as refused:
        async for _ in open_client(create_app(IntakeSettings(database_url=url, **PRODUCTION))):
            pass

    assert "cannot be reached" in str(refused.value)


async def test_a_service_on_its_runtime_role_starts_in_production(
    database_urls: dict[str, str],
) -> None:
    from services.intake.app import create_app
    from services.intake.settings import IntakeSettings

    app = create_app(IntakeSettings(database_url=database_urls["intake"], **PRODUCTION))
    async for client in open_client(app):
        ready = await client.get("/api/intake/health/ready")

    assert ready.status_code == 200, ready.text


def alembic(service: str, url: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alembic", "-n", service, "-x", f"url={url}", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_the_owner_migrates_and_grants_and_the_runtime_role_cannot_migrate(
    service: str, postgres: EmbeddedPostgres
) -> None:
    database = f"roles_{service}"
    postgres.drop_databases([database])
    postgres.ensure_databases({service: database})
    owner = postgres.owner_url(service, database)
    runtime = postgres.runtime_url(service, database)
    try:
        by_runtime = alembic(service, runtime, "upgrade", "head")
        by_owner = alembic(service, owner, "upgrade", "head")
        again_by_runtime = alembic(service, runtime, "upgrade", "head")
        privileges = postgres.admin(
            "SELECT count(*) FILTER (WHERE has_table_privilege("
            f"'{runtime_role(service)}', tablename, 'SELECT')), count(*), "
            "count(*) FILTER (WHERE tableowner = "
            f"'{owner_role(service)}') FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'alembic_version'",
            database=database,
        )
    finally:
        postgres.drop_databases([database])
    readable, tables, owned = (int(n) for n in privileges.strip().split("|"))

    assert by_runtime.returncode != 0
    assert "permission denied for schema public" in by_runtime.stderr
    assert by_owner.returncode == 0, by_owner.stderr
    assert again_by_runtime.returncode != 0
    assert "migrations run as the owner role" in again_by_runtime.stderr
    assert tables > 3 and readable == tables == owned


# --- waiting for the migrations (the Deployments' initContainer) ------------------------


def test_the_wait_for_head_exits_0_at_once_when_the_database_is_at_head(
    database_urls: dict[str, str],
) -> None:
    env = {**os.environ, "INTAKE_DATABASE_URL": database_urls["intake"]}
    waited = subprocess.run(
        [sys.executable, "-m", "shared.migrations", "--wait-for-head", "intake", "--timeout", "60"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert waited.returncode == 0, waited.stderr
    assert "intake: the database is at the head" in waited.stderr
    assert "waiting" not in waited.stderr, "no wait at all"


def test_the_wait_for_head_waits_while_the_database_is_behind_and_times_out(
    postgres: EmbeddedPostgres,
) -> None:
    """As the runtime role, read-only: behind one revision it waits out its timeout (False,
    exit 1); at the head it returns at once."""
    from alembic import command

    from dev.testing import alembic_config
    from shared.migrations import code_heads, wait_for_head

    service, database = "catalogue", "wait_catalogue"
    postgres.drop_databases([database])
    postgres.ensure_databases({service: database})
    config = alembic_config(service, postgres.owner_url(service, database))
    script = ScriptDirectory.from_config(config)
    [head] = code_heads(service)
    previous = script.get_revision(head).down_revision
    assert isinstance(previous, str)
    runtime = postgres.runtime_url(service, database)
    try:
        command.stamp(config, previous)
        behind_output = io.StringIO()
        started = time.monotonic()
        behind = asyncio.run(
            wait_for_head(service, runtime, within=1.0, poll=0.2, out=behind_output)
        )
        waited = time.monotonic() - started
        command.stamp(config, head)
        at_head = asyncio.run(wait_for_head(service, runtime, within=30, out=io.StringIO()))
    finally:
        postgres.drop_databases([database])

    assert behind is False
    assert 0.7 < waited < 10
    assert f"waiting for the head {head}; at {previous}" in behind_output.getvalue()
    assert "timed out after 1 s" in behind_output.getvalue()
    assert at_head is True


def test_make_run_migrates_as_the_owners_and_serves_as_the_runtime_roles(
    postgres: EmbeddedPostgres, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from dev.run import database_env, migration_env, process_env

    for service in SERVICE_NAMES:
        monkeypatch.delenv(f"{service.upper()}_DATABASE_URL", raising=False)
        monkeypatch.delenv(f"{service.upper()}_OWNER_DATABASE_URL", raising=False)
    monkeypatch.setenv("INTAKE_OWNER_DATABASE_URL", "postgresql+asyncpg://given-owner@/intake")

    serving = database_env(postgres)
    migrating = migration_env(postgres)
    processes = process_env(8300, 8400, tmp_path, serving)

    for service in SERVICE_NAMES:
        assert f"://{runtime_role(service)}@/" in serving[f"{service.upper()}_DATABASE_URL"]
        if service != "intake":
            owner_url = migrating[f"{service.upper()}_OWNER_DATABASE_URL"]
            assert f"://{owner_role(service)}@/" in owner_url
    assert migrating["INTAKE_OWNER_DATABASE_URL"] == "postgresql+asyncpg://given-owner@/intake"
    assert not [key for key in processes if key.endswith("_OWNER_DATABASE_URL")], (
        "the services never see the owner roles"
    )


def test_the_compose_init_script_refuses_weak_passwords_and_creates_the_roles(
    tmp_path: Path,
) -> None:
    """infra/docker/init-databases.sql, run by psql 16 as the postgres image runs it, on a
    PostgreSQL of its own (it creates the production role and database names)."""
    from dev.postgres import bin_path, start_embedded

    pg = start_embedded(tmp_path / "pg")

    def init(passwords: dict[str, str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                str(bin_path() / "psql"),
                "-X",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                pg.socket_dir,
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-f",
                str(ROOT / "infra" / "docker" / "init-databases.sql"),
            ],
            env={**os.environ, **passwords},
            capture_output=True,
            text=True,
            check=False,
        )

    strong = {"MESTRING_DB_OWNER_PASSWORD": secrets.token_hex(16)}
    strong |= {f"{s.upper()}_DB_PASSWORD": secrets.token_hex(16) for s in SERVICE_NAMES}
    try:
        weak = init({**strong, "QUALITY_DB_PASSWORD": "mestring"})
        roles_after_weak = pg.admin("SELECT count(*) FROM pg_roles WHERE rolname LIKE 'mestring%'")
        good = init(strong)
        roles = sorted(
            pg.admin(
                "SELECT rolname, rolsuper, rolbypassrls, rolcreatedb, rolcreaterole FROM pg_roles "
                "WHERE rolname LIKE 'mestring%'"
            ).split()
        )
        owners = pg.admin(
            "SELECT datname || '|' || pg_get_userbyid(datdba) FROM pg_database "
            "WHERE datname NOT IN ('postgres', 'template0', 'template1')"
        ).split()
        migrated = alembic(
            "catalogue",
            f"postgresql+asyncpg://mestring_catalogue_owner@/catalogue?host={pg.socket_dir}",
            "upgrade",
            "head",
        )
    finally:
        pg.stop()

    assert weak.returncode != 0
    assert "QUALITY_DB_PASSWORD is empty, shorter than 12 characters or a known default" in (
        weak.stderr
    )
    assert roles_after_weak.strip() == "0", "nothing is created with a weak password"
    assert good.returncode == 0, good.stderr
    expected = sorted(
        f"{role}|f|f|f|f" for s in SERVICE_NAMES for role in (owner_role(s), f"mestring_{s}")
    )
    assert roles == expected
    assert sorted(owners) == sorted(f"{s}|{owner_role(s)}" for s in SERVICE_NAMES)
    assert migrated.returncode == 0, migrated.stderr

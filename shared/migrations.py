"""The body of every service's Alembic `env.py`: online migrations over asyncpg; and the wait
for them.

Migrations run as the database's owner role (`<SERVICE>_OWNER_DATABASE_URL`),
and every run ends, in the same transaction, by giving the runtime role its
privileges on the tables as they now are (`shared.roles.apply_runtime_grants`).

`python -m shared.migrations --wait-for-head <service> [--timeout SECONDS]` waits until the
service's database has been migrated to the head of the migrations in this code, connecting
as the runtime role (`<SERVICE>_DATABASE_URL`) in read-only transactions, and exits 0; or
exits 1 when the timeout passes first. A Kubernetes Deployment runs it as an initContainer,
so a new version's pods wait for its migration Job without any rights on the Kubernetes API.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path
from typing import Any

from alembic import context
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, pool, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.asyncio import create_async_engine

from shared.roles import apply_runtime_grants, runtime_role


def database_url(service: str) -> str:
    config = context.config
    url = (
        context.get_x_argument(as_dictionary=True).get("url")
        or config.attributes.get("url")
        or os.environ.get(f"{service.upper()}_OWNER_DATABASE_URL")
        or os.environ.get(f"{service.upper()}_DATABASE_URL")
        or config.get_main_option("sqlalchemy.url")
    )
    if not url:
        raise RuntimeError(f"Set {service.upper()}_OWNER_DATABASE_URL to migrate {service}")
    return str(url)


def _run(connection: Connection, metadata: MetaData, service: str) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        compare_type=True,
        compare_server_default=False,
        include_schemas=False,
    )
    with context.begin_transaction():
        context.run_migrations()
        role = context.config.attributes.get("runtime_role") or runtime_role(service)
        apply_runtime_grants(connection, role)


async def _run_async(url: str, metadata: MetaData, service: str) -> None:
    engine = create_async_engine(url, poolclass=pool.NullPool)
    async with engine.connect() as connection:
        await connection.run_sync(_run, metadata, service)
    await engine.dispose()


def run_migrations(service: str, metadata: MetaData) -> None:
    connection: Any = context.config.attributes.get("connection")
    if isinstance(connection, Engine):
        with connection.begin() as conn:
            _run(conn, metadata, service)
        return
    if connection is not None:
        _run(connection, metadata, service)
        return
    if context.is_offline_mode():
        context.configure(url=database_url(service), target_metadata=metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    asyncio.run(_run_async(database_url(service), metadata, service))


# --- waiting for the migrations -------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]


def code_heads(service: str) -> set[str]:
    """The head revision(s) of the service's migrations in this code."""
    config = Config(str(ROOT / "alembic.ini"), ini_section=service)
    config.set_main_option("script_location", str(ROOT / "services" / service / "migrations"))
    return set(ScriptDirectory.from_config(config).get_heads())


async def database_revisions(url: str) -> set[str]:
    """The revision(s) the database is at, read in a read-only transaction."""
    engine = create_async_engine(
        url,
        poolclass=pool.NullPool,
        connect_args={
            "timeout": 5,
            "server_settings": {"default_transaction_read_only": "on"},
        },
    )
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(text("SELECT version_num FROM alembic_version"))
            return {str(row[0]) for row in rows}
    finally:
        await engine.dispose()


async def wait_for_head(
    service: str, url: str, *, within: float, poll: float = 2.0, out: Any = None
) -> bool:
    """Poll until the database is at the code's head: True, or False once `within` seconds
    have passed.

    A database that cannot be reached, has no migrations yet or whose `alembic_version` the
    role may not read yet (the grants come with the migration) counts as not there yet."""
    out = out or sys.stderr
    heads = ", ".join(sorted(code_heads(service)))
    state = reported = "not checked"
    try:
        async with asyncio.timeout(within):
            while True:
                try:
                    found = ", ".join(sorted(await database_revisions(url)))
                    state = f"at {found or 'no revision'}"
                except Exception as error:  # unreachable, not migrated, not granted yet
                    found, state = "", f"not readable ({type(error).__name__})"
                if found == heads:
                    print(f"{service}: the database is at the head {heads}", file=out)
                    return True
                if state != reported:
                    print(f"{service}: waiting for the head {heads}; {state}", file=out)
                    reported = state
                await asyncio.sleep(poll)
    except TimeoutError:
        print(f"{service}: timed out after {within:g} s; the database is {state}", file=out)
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m shared.migrations")
    parser.add_argument("--wait-for-head", metavar="SERVICE", required=True)
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds (default 600)")
    parser.add_argument("--poll", type=float, default=2.0, help="seconds between checks")
    args = parser.parse_args(argv)
    service = args.wait_for_head
    url = os.environ.get(f"{service.upper()}_DATABASE_URL")
    if not url:
        print(f"Set {service.upper()}_DATABASE_URL (the runtime role's URL)", file=sys.stderr)
        return 2
    reached = asyncio.run(wait_for_head(service, url, within=args.timeout, poll=args.poll))
    return 0 if reached else 1


if __name__ == "__main__":
    sys.exit(main())

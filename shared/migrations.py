"""The body of every service's Alembic `env.py`: online migrations over asyncpg.

Migrations run as the database's owner role (`<SERVICE>_OWNER_DATABASE_URL`),
and every run ends, in the same transaction, by giving the runtime role its
privileges on the tables as they now are (`shared.roles.apply_runtime_grants`).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from alembic import context
from sqlalchemy import MetaData, pool
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

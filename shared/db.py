"""Database plumbing: the declarative base, tenant rows, the engine and one transaction per request.

Every tenant-owned table carries `municipality`; row-level security policies
(created by each service's migrations with `enable_tenant_rls`) keep a
transaction to the municipality set by `SET LOCAL mestring.municipality`.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import DateTime, Integer, String, func, text
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from shared.auth import CurrentPrincipal

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

TENANT_SETTING = "mestring.municipality"


class TenantMixin:
    """UUID key, owning municipality, timestamps and an optimistic-lock version."""

    id: Mapped[uuid.UUID] = mapped_column(
        primary_key=True, default=uuid.uuid4, server_default=func.gen_random_uuid()
    )
    municipality: Mapped[str] = mapped_column(
        String(4), index=True, server_default=text(f"current_setting('{TENANT_SETTING}', true)")
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
    version: Mapped[int] = mapped_column(
        Integer, nullable=False, default=1, server_default=text("1")
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        return {"version_id_col": cls.version, "eager_defaults": True}


POOL_TIMEOUT_SECONDS = 3.0
"""How long a request waits for a free connection before it is answered 503 (shared.overload)."""
STATEMENT_TIMEOUT_MS = 10_000
"""No statement runs longer: a request whose client has long gone stops using the database."""
IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000


def create_engine(
    database_url: str,
    pool_size: int = 5,
    *,
    max_overflow: int | None = None,
    pool_timeout: float = POOL_TIMEOUT_SECONDS,
    statement_timeout_ms: int = STATEMENT_TIMEOUT_MS,
) -> AsyncEngine:
    """A bounded pool (`pool_size` + `max_overflow` connections, waiting at most
    `pool_timeout` for one) whose every statement is limited to `statement_timeout_ms`.

    No ping before each checkout (a round trip per request): after a database restart the
    first statement on a stale connection fails, that request gets a 503
    (`shared.overload`), and the pool drops every connection older than the failure."""
    return create_async_engine(
        database_url,
        pool_size=pool_size,
        max_overflow=pool_size if max_overflow is None else max_overflow,
        pool_timeout=pool_timeout,
        connect_args={
            "server_settings": {
                "statement_timeout": str(statement_timeout_ms),
                "idle_in_transaction_session_timeout": str(IDLE_IN_TRANSACTION_TIMEOUT_MS),
            }
        },
    )


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def set_tenant(session: AsyncSession, municipality: str) -> None:
    """Scope this transaction to one municipality (row-level security reads it)."""
    await session.execute(
        text("SELECT set_config(:name, :value, true)"),
        {"name": TENANT_SETTING, "value": municipality},
    )


async def _tenant_session(
    request: Request, principal: CurrentPrincipal
) -> AsyncIterator[AsyncSession]:
    """One request is one transaction, scoped to the caller's municipality.

    It commits after the route returns and before the response is sent, so a
    client never sees a success that was not stored.
    """
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with sessionmaker() as session, session.begin():
        await set_tenant(session, principal.municipality)
        yield session


TenantSession = Annotated[AsyncSession, Depends(_tenant_session, scope="function")]


async def open_tenant_session(
    sessionmaker: async_sessionmaker[AsyncSession], municipality: str
) -> AsyncIterator[AsyncSession]:
    async with sessionmaker() as session, session.begin():
        await set_tenant(session, municipality)
        yield session


def enable_tenant_rls(op: Any, table: str) -> None:
    """Row-level security for a tenant table; call from a migration's upgrade()."""
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY tenant_isolation ON {table} "
        f"USING (municipality = current_setting('{TENANT_SETTING}', true)) "
        f"WITH CHECK (municipality = current_setting('{TENANT_SETTING}', true))"
    )


def disable_tenant_rls(op: Any, table: str) -> None:
    op.execute(f"DROP POLICY IF EXISTS tenant_isolation ON {table}")
    op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")

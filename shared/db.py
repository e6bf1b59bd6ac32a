"""Database plumbing: the declarative base, tenant rows, the engine and one transaction per request.

Every tenant-owned table carries `municipality`; row-level security policies
(created by each service's migrations with `enable_tenant_rls`) keep a
transaction to the municipality set by `SET LOCAL mestring.municipality`.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Annotated, Any

import orjson
import structlog
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
from shared.overload import is_transient

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
PARALLEL_WORKERS_PER_QUERY = 0
"""A request's statements run in its own backend: each reads a bounded page, and starting a
parallel worker costs more than that (at 700,000 the worklist's generic plan gathered two
branches from a worker each, ≈ 9 ms apiece, for 51 rows). Under load the cores are busy
with other requests anyway."""


def create_engine(
    database_url: str,
    pool_size: int = 10,
    *,
    max_overflow: int = 0,
    pool_timeout: float = POOL_TIMEOUT_SECONDS,
    statement_timeout_ms: int = STATEMENT_TIMEOUT_MS,
) -> AsyncEngine:
    """A bounded pool (at most `pool_size` connections, waiting at most `pool_timeout` for
    one) whose every statement is limited to `statement_timeout_ms` and runs without
    parallel workers (`PARALLEL_WORKERS_PER_QUERY`).

    The pool keeps every connection it opens, with no overflow: an overflow connection is
    closed as soon as it is given back while the pool is full, so under a steady load above
    the pool's size every few requests paid for a new connection (asyncpg's connect and
    type codecs, and a new PostgreSQL backend with empty caches) — at 20 concurrent clients
    of a pool of 3 + 3, ≈ 3 % of intake's CPU and more of PostgreSQL's (docs/performance.md).

    No ping before each checkout (a round trip per request): after a database restart the
    first statement on a stale connection fails, that request gets a 503
    (`shared.overload`), and the pool drops every connection older than the failure.

    JSONB read from PostgreSQL is decoded by orjson (the stdlib's decoder cost a fifth of
    the CPU of a page of decisions); what is written is still encoded by the stdlib's."""
    return create_async_engine(
        database_url,
        json_deserializer=orjson.loads,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_timeout=pool_timeout,
        connect_args={
            "server_settings": {
                "statement_timeout": str(statement_timeout_ms),
                "idle_in_transaction_session_timeout": str(IDLE_IN_TRANSACTION_TIMEOUT_MS),
                "max_parallel_workers_per_gather": str(PARALLEL_WORKERS_PER_QUERY),
            }
        },
    )


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


SET_TENANT = text("SELECT set_config(:name, :value, true)")
"""Built once: a statement made anew has its cache key computed on every execution."""


GENERIC_PLANS = text("SELECT set_config('plan_cache_mode', 'force_generic_plan', true)")


async def use_generic_plans(session: AsyncSession) -> None:
    """For the rest of this transaction, each prepared statement runs on the plan made once
    for its connection, not one made for this request's values. For statements whose best
    plan does not depend on the values (bounded range scans in an index's order, such as a
    worklist's branches): planning a union of many branches afresh cost more than running
    it, and PostgreSQL's own choice kept the fresh plans. Never for a statement whose best
    plan does depend on them (a name search: `force_custom_plan` there)."""
    await session.execute(GENERIC_PLANS)


CUSTOM_PLANS = text("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")


async def use_custom_plans(session: AsyncSession) -> None:
    """For the rest of this transaction, each statement is planned for its own values: for
    statements whose best plan does (a name search: a plan made once for every name would
    not fit a rare one)."""
    await session.execute(CUSTOM_PLANS)


async def set_tenant(session: AsyncSession, municipality: str) -> None:
    """Scope this transaction to one municipality (row-level security reads it)."""
    await session.execute(SET_TENANT, {"name": TENANT_SETTING, "value": municipality})


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


async def commit_before_waiting(session: AsyncSession) -> None:
    """Commit the request's transaction now and give its connection back to the pool, before
    the request waits on another service: a pool of a few connections per worker is not held
    by requests that are only waiting. What was written (the access log row of a read) is
    stored even if the other service never answers.

    The request may not use the database after this: SQLAlchemy refuses any statement on a
    session whose `begin()` block has been committed ("Can't operate on closed transaction
    inside context manager"), so a mistake is loud, never a query outside the tenant's scope.
    """
    await session.commit()


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


# --- the role a service connects as ---------------------------------------------------

log = structlog.get_logger("mestring.startup")

RUNTIME_ROLE_CHECK = text(
    """
    SELECT current_user AS role,
           r.rolsuper AS superuser,
           r.rolbypassrls AS bypassrls,
           pg_has_role(d.datdba, 'MEMBER') AS owns_database,
           pg_has_role(n.nspowner, 'MEMBER') AS owns_schema,
           ARRAY(SELECT c.relname::text FROM pg_class c
                 WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
                   AND pg_has_role(c.relowner, 'MEMBER') ORDER BY c.relname) AS owned_tables,
           ARRAY(SELECT c.relname::text FROM pg_class c
                 WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
                   AND has_table_privilege(c.oid, 'TRUNCATE') ORDER BY c.relname) AS truncatable
    FROM pg_roles r, pg_database d, pg_namespace n
    WHERE r.rolname = current_user AND d.datname = current_database() AND n.nspname = 'public'
    """
)
"""One query: what the connected role could do beyond the runtime role's DML (shared/roles.py).
Owning (or being a member of the owner of) a table is what `ALTER TABLE`, `DROP TRIGGER` and
turning row-level security off need; `TRUNCATE` erases a table past its triggers."""


class UnsafeDatabaseRole(RuntimeError):
    """The service is connected as a role that could erase the access log or lift row-level
    security: it must connect as its runtime role (docs/operations.md)."""


def _names(tables: Sequence[str]) -> str:
    shown = ", ".join(tables[:5])
    return shown + (f" and {len(tables) - 5} more" if len(tables) > 5 else "")


def runtime_role_problems(row: Any) -> list[str]:
    """What is wrong with the connected role, from a row of `RUNTIME_ROLE_CHECK` (empty: none)."""
    problems = []
    if row.superuser:
        problems.append("it is a superuser")
    if row.bypassrls:
        problems.append("it has BYPASSRLS")
    if row.owns_database:
        problems.append("it owns the database")
    if row.owns_schema:
        problems.append("it owns the schema public")
    if row.owned_tables:
        problems.append(f"it owns tables ({_names(row.owned_tables)})")
    if row.truncatable:
        problems.append(f"it may TRUNCATE {_names(row.truncatable)}")
    return problems


async def check_runtime_role(engine: AsyncEngine, service: str, *, production: bool) -> None:
    """Refuse to serve on a role that could erase the access log or lift row-level security.

    Raises `UnsafeDatabaseRole` (the app's startup fails, uvicorn exits non-zero) when the
    role is a superuser, has BYPASSRLS, owns the database, the schema or a table, or may
    TRUNCATE a table. A database that cannot be reached is a refusal too in production (the
    role cannot be vouched for); elsewhere a warning, and the service starts (readiness shows
    the database down)."""
    try:
        async with engine.connect() as connection:
            row = (await connection.execute(RUNTIME_ROLE_CHECK)).one()
    except Exception as error:
        if not is_transient(error):
            raise
        if production:
            log.error("startup.database_unreachable", service=service, error=str(error)[:300])
            raise UnsafeDatabaseRole(
                f"{service}: the database cannot be reached, so the role it connects as "
                "cannot be checked; refusing to start"
            ) from error
        log.warning("startup.role_not_checked", service=service, error=str(error)[:300])
        return
    problems = runtime_role_problems(row)
    if problems:
        log.error("startup.unsafe_database_role", service=service, role=row.role, problems=problems)
        raise UnsafeDatabaseRole(
            f"{service} refuses to start: it connects to the database as {row.role!r}, and "
            + "; ".join(problems)
            + ". Connect as the service's runtime role (docs/operations.md)"
        )

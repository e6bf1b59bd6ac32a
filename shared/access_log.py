"""The access log (tilgangslogg): who read or changed a person's data, when, and why.

Every service that holds personal data gives itself an append-only
`access_log` table (a trigger refuses UPDATE and DELETE) and writes one row
per read or write of a person's data, in the same transaction as the read
or the change. The person and a leader can inspect it (pbrl § 5-1,
pasientjournalloven § 16, Normen).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from asgi_correlation_id import correlation_id
from sqlalchemy import BigInteger, DateTime, Identity, String, Text, func, select, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from shared.auth import Principal
from shared.db import TENANT_SETTING


class AccessAction(StrEnum):
    read = "read"
    search = "search"
    create = "create"
    update = "update"
    export = "export"


class AccessLogMixin:
    """Columns of a service's append-only `access_log` table."""

    sequence: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    municipality: Mapped[str] = mapped_column(
        String(4), index=True, server_default=text(f"current_setting('{TENANT_SETTING}', true)")
    )
    occurred_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    actor: Mapped[str] = mapped_column(String(200))
    actor_name: Mapped[str] = mapped_column(String(200))
    actor_roles: Mapped[list[str]] = mapped_column(JSONB)
    person_id: Mapped[uuid.UUID] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(String(20))
    resource: Mapped[str] = mapped_column(String(100))
    resource_id: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[str | None] = mapped_column(String(64))


APPEND_ONLY_FUNCTION = """
CREATE FUNCTION refuse_access_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the access log is append-only' USING ERRCODE = 'raise_exception';
END
$$
"""


def create_append_only_trigger(op: Any, table: str = "access_log") -> None:
    """Call from a migration's upgrade(), after creating the table."""
    op.execute(APPEND_ONLY_FUNCTION)
    op.execute(
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION refuse_access_log_change()"
    )


def drop_append_only_trigger(op: Any, table: str = "access_log") -> None:
    op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    op.execute("DROP FUNCTION IF EXISTS refuse_access_log_change()")


class AccessLog:
    """Writes and reads one service's access log."""

    def __init__(self, model: type[AccessLogMixin]) -> None:
        self.model = model

    async def record(
        self,
        session: AsyncSession,
        principal: Principal,
        person_ids: uuid.UUID | list[uuid.UUID],
        action: AccessAction,
        resource: str,
        resource_id: str | uuid.UUID | None = None,
        reason: str | None = None,
    ) -> None:
        ids = person_ids if isinstance(person_ids, list) else [person_ids]
        for person_id in ids:
            session.add(
                self.model(  # type: ignore[call-arg]
                    actor=principal.sub,
                    actor_name=principal.name,
                    actor_roles=[role.value for role in principal.roles],
                    person_id=person_id,
                    action=action.value,
                    resource=resource,
                    resource_id=str(resource_id) if resource_id is not None else None,
                    reason=reason,
                    request_id=correlation_id.get(),
                )
            )
        await session.flush()

    async def for_person(
        self, session: AsyncSession, person_id: uuid.UUID, limit: int
    ) -> list[Any]:
        model: Any = self.model
        rows = await session.scalars(
            select(model)
            .where(model.person_id == person_id)
            .order_by(model.sequence.desc())
            .limit(limit)
        )
        return list(rows)

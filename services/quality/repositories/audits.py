"""Internal audits and supervision findings."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Boolean, Date, Select, Uuid, literal, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from services.quality.models import InternalAudit, Procedure, SupervisionFinding
from shared.errors import NotFound
from shared.pagination import decode_cursor, encode_cursor

AUDIT_KEY = [InternalAudit.status, InternalAudit.planned_on, InternalAudit.id]
FINDING_KEY = [SupervisionFinding.status, SupervisionFinding.deadline, SupervisionFinding.id]


def _keyset(
    statement: Select[Any], order: list[Any], cursor: str | None, key: list[Any], done: str
) -> Select[Any]:
    """Rows after the cursor's (status, date, id), the open ones (status not `done`) first."""
    if cursor:
        status, day, last_id = decode_cursor(cursor, key)
        bound: list[Any] = [
            literal(status == done, type_=Boolean()),
            literal(day, type_=Date()),
            literal(last_id, type_=Uuid()),
        ]
        statement = statement.where(tuple_(*order) > tuple_(*bound))
    return statement.order_by(*order)


class AuditRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, audit_id: uuid.UUID) -> tuple[InternalAudit, Procedure]:
        row = (
            await self.session.execute(
                select(InternalAudit, Procedure)
                .join(Procedure, Procedure.id == InternalAudit.procedure_id)
                .where(InternalAudit.id == audit_id)
            )
        ).first()
        if row is None:
            raise NotFound("There is no such audit")
        return row[0], row[1]

    async def add(self, audit: InternalAudit) -> InternalAudit:
        self.session.add(audit)
        await self.session.flush()
        return audit

    async def listed(
        self, units: list[str] | None, limit: int, cursor: str | None = None
    ) -> tuple[list[tuple[InternalAudit, Procedure]], str | None]:
        """Audits of `units` (None: all), the planned ones first by date, then the recorded;
        keyset-paged on that order (with the id last)."""
        statement = select(InternalAudit, Procedure).join(
            Procedure, Procedure.id == InternalAudit.procedure_id
        )
        if units is not None:
            statement = statement.where(InternalAudit.unit.in_(units))
        order: list[Any] = [
            InternalAudit.status == "completed",
            InternalAudit.planned_on,
            InternalAudit.id,
        ]
        statement = _keyset(statement, order, cursor, AUDIT_KEY, "completed")
        rows = [
            (a, p) for a, p in (await self.session.execute(statement.limit(limit + 1))).tuples()
        ]
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            last = rows[-1][0]
            next_cursor = encode_cursor([last.status, last.planned_on, last.id])
        return rows, next_cursor


class FindingRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, finding_id: uuid.UUID) -> SupervisionFinding:
        finding = await self.session.get(SupervisionFinding, finding_id)
        if finding is None:
            raise NotFound("There is no such supervision finding")
        return finding

    async def add(self, finding: SupervisionFinding) -> SupervisionFinding:
        self.session.add(finding)
        await self.session.flush()
        return finding

    async def listed(
        self, units: list[str] | None, limit: int, cursor: str | None = None
    ) -> tuple[list[SupervisionFinding], str | None]:
        """Findings of `units` (None: all, with the municipality-wide), open first by deadline;
        keyset-paged on that order (with the id last)."""
        statement = select(SupervisionFinding)
        if units is not None:
            statement = statement.where(SupervisionFinding.unit.in_(units))
        order: list[Any] = [
            SupervisionFinding.status == "closed",
            SupervisionFinding.deadline,
            SupervisionFinding.id,
        ]
        statement = _keyset(statement, order, cursor, FINDING_KEY, "closed")
        rows = list((await self.session.scalars(statement.limit(limit + 1))).all())
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            last = rows[-1]
            next_cursor = encode_cursor([last.status, last.deadline, last.id])
        return rows, next_cursor

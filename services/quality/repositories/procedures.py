"""Procedures with their versions, read-and-understood receipts and the staff expected to read."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import String, Uuid, func, literal, or_, select, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from services.quality.models import (
    DeviationReference,
    Procedure,
    ProcedureReceipt,
    StaffMember,
)
from shared.errors import NotFound
from shared.pagination import decode_cursor, encode_cursor

LIBRARY_KEY = [Procedure.title, Procedure.id]


class ProcedureRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, procedure_id: uuid.UUID) -> Procedure:
        """The procedure with every version; RLS hides other municipalities."""
        procedure = await self.session.scalar(
            select(Procedure)
            .where(Procedure.id == procedure_id)
            .options(selectinload(Procedure.versions))
        )
        if procedure is None:
            raise NotFound("There is no such procedure")
        return procedure

    async def add(self, procedure: Procedure) -> Procedure:
        self.session.add(procedure)
        await self.session.flush()
        return procedure

    async def listed(
        self,
        *,
        unit: str | None,
        include_municipality_wide: bool,
        review_overdue_on: date | None,
        search: str | None,
        limit: int,
        cursor: str | None = None,
    ) -> tuple[list[Procedure], str | None]:
        """The library, by title, with every version (to show the one in force); keyset-paged
        on the title and the id."""
        statement = select(Procedure).options(selectinload(Procedure.versions))
        if unit is not None:
            condition = Procedure.unit == unit
            if include_municipality_wide:
                condition = or_(condition, Procedure.unit.is_(None))
            statement = statement.where(condition)
        if review_overdue_on is not None:
            statement = statement.where(Procedure.review_by < review_overdue_on)
        if search:
            statement = statement.where(Procedure.title.ilike(f"%{_escape(search)}%", escape="\\"))
        if cursor:
            title, last_id = decode_cursor(cursor, LIBRARY_KEY)
            statement = statement.where(
                tuple_(Procedure.title, Procedure.id)
                > tuple_(literal(title, type_=String()), literal(last_id, type_=Uuid()))
            )
        rows = list(
            (
                await self.session.scalars(
                    statement.order_by(Procedure.title, Procedure.id).limit(limit + 1)
                )
            ).all()
        )
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            next_cursor = encode_cursor([rows[-1].title, rows[-1].id])
        return rows, next_cursor

    async def confirmed_by(
        self, sub: str, procedure_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, int]:
        """The newest version number `sub` confirmed, per procedure."""
        if not procedure_ids:
            return {}
        rows = await self.session.execute(
            select(ProcedureReceipt.procedure_id, func.max(ProcedureReceipt.number))
            .where(
                ProcedureReceipt.employee_sub == sub,
                ProcedureReceipt.procedure_id.in_(list(procedure_ids)),
            )
            .group_by(ProcedureReceipt.procedure_id)
        )
        return {procedure_id: number for procedure_id, number in rows.tuples()}

    async def receipts(self, procedure_id: uuid.UUID) -> Sequence[ProcedureReceipt]:
        return (
            await self.session.scalars(
                select(ProcedureReceipt)
                .where(ProcedureReceipt.procedure_id == procedure_id)
                .order_by(ProcedureReceipt.number, ProcedureReceipt.confirmed_at)
            )
        ).all()

    async def receipt(self, version_id: uuid.UUID, sub: str) -> ProcedureReceipt | None:
        found: ProcedureReceipt | None = await self.session.scalar(
            select(ProcedureReceipt).where(
                ProcedureReceipt.version_id == version_id, ProcedureReceipt.employee_sub == sub
            )
        )
        return found

    async def add_receipt(self, receipt: ProcedureReceipt) -> ProcedureReceipt:
        self.session.add(receipt)
        await self.session.flush()
        return receipt

    async def not_followed(self, procedure_id: uuid.UUID) -> int:
        """How many deviations name the procedure as not followed."""
        return (
            await self.session.scalar(
                select(func.count())
                .select_from(DeviationReference)
                .where(DeviationReference.procedure_id == procedure_id)
            )
        ) or 0

    async def staff(self) -> Sequence[StaffMember]:
        return (await self.session.scalars(select(StaffMember).order_by(StaffMember.name))).all()

    async def saw(self, sub: str, name: str, units: list[str], at: datetime) -> None:
        """Remember an employee as their token names them now (one row per person)."""
        statement = insert(StaffMember).values(sub=sub, name=name, units=units, last_seen_at=at)
        await self.session.execute(
            statement.on_conflict_do_update(
                constraint="uq_staff_members_municipality_sub",
                set_={"name": name, "units": units, "last_seen_at": at},
            )
        )


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")

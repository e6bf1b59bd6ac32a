"""Koordinator and primærkontakt assignments, with their history."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import String, Uuid, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.coordination.models import CoordinatorAssignment, PrimaryContact

_CURRENT = (
    CoordinatorAssignment.person_id == bindparam("person_id", type_=Uuid()),
    CoordinatorAssignment.to_date.is_(None),
)
CURRENT_COORDINATOR = select(CoordinatorAssignment).where(*_CURRENT)
"""The person's koordinator now; built once (the person bound per call), as the statements a
read runs on every request are."""
CURRENT_COORDINATOR_FOR_UPDATE = CURRENT_COORDINATOR.with_for_update()
CURRENT_COORDINATOR_SUB = select(CoordinatorAssignment.coordinator_sub).where(*_CURRENT)


class AssignmentRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: CoordinatorAssignment | PrimaryContact) -> None:
        self.session.add(row)
        await self.session.flush()

    async def current_coordinator(
        self, person_id: uuid.UUID, *, for_update: bool = False
    ) -> CoordinatorAssignment | None:
        """The person's koordinator now; `for_update` locks the assignment for a change
        (reading a plan takes no lock: opens of one plan would wait for each other)."""
        statement = CURRENT_COORDINATOR_FOR_UPDATE if for_update else CURRENT_COORDINATOR
        found: CoordinatorAssignment | None = await self.session.scalar(
            statement, {"person_id": person_id}
        )
        return found

    async def coordinators(self, person_id: uuid.UUID) -> Sequence[CoordinatorAssignment]:
        return (
            await self.session.scalars(
                select(CoordinatorAssignment)
                .where(CoordinatorAssignment.person_id == person_id)
                .order_by(CoordinatorAssignment.from_date, CoordinatorAssignment.created_at)
            )
        ).all()

    async def caseload(
        self, coordinator_sub: str, *, for_update: bool = False
    ) -> Sequence[CoordinatorAssignment]:
        """The persons a koordinator follows now; `for_update` locks the assignments (a
        hand-over moves them). A read takes no lock: two reads of one caseload (the
        koordinator's worklist in two tabs) would otherwise wait for each other."""
        statement = (
            select(CoordinatorAssignment)
            .where(
                CoordinatorAssignment.coordinator_sub == coordinator_sub,
                CoordinatorAssignment.to_date.is_(None),
            )
            .order_by(CoordinatorAssignment.person_name, CoordinatorAssignment.id)
        )
        if for_update:
            statement = statement.with_for_update()
        return (await self.session.scalars(statement)).all()

    async def caseload_persons(self, coordinator_sub: str) -> list[uuid.UUID]:
        """The persons a koordinator follows now, by id only: what the worklist and «my
        plans» select by. Locks nothing."""
        found = await self.session.scalars(CASELOAD_PERSONS, {"sub": coordinator_sub})
        return list(found)

    async def is_coordinator(self, person_id: uuid.UUID, sub: str) -> bool:
        return await self.coordinator_sub(person_id) == sub

    async def coordinator_sub(self, person_id: uuid.UUID) -> str | None:
        """Who the person's koordinator is now (None: no one)."""
        current: str | None = await self.session.scalar(
            CURRENT_COORDINATOR_SUB, {"person_id": person_id}
        )
        return current

    async def current_primary_contact(
        self, person_id: uuid.UUID, unit: str
    ) -> PrimaryContact | None:
        found: PrimaryContact | None = await self.session.scalar(
            select(PrimaryContact)
            .where(
                PrimaryContact.person_id == person_id,
                PrimaryContact.unit == unit,
                PrimaryContact.to_date.is_(None),
            )
            .with_for_update()
        )
        return found

    async def primary_contacts(self, person_id: uuid.UUID) -> Sequence[PrimaryContact]:
        return (
            await self.session.scalars(
                select(PrimaryContact)
                .where(PrimaryContact.person_id == person_id)
                .order_by(PrimaryContact.unit, PrimaryContact.from_date)
            )
        ).all()

    async def hand_overs(self, limit: int) -> Sequence[CoordinatorAssignment]:
        """Assignments that ended by a hand-over, newest first."""
        return (
            await self.session.scalars(
                select(CoordinatorAssignment)
                .where(CoordinatorAssignment.ended_reason == "hand-over")
                .order_by(CoordinatorAssignment.to_date.desc(), CoordinatorAssignment.id)
                .limit(limit)
            )
        ).all()


CASELOAD_PERSONS = select(CoordinatorAssignment.person_id).where(
    CoordinatorAssignment.coordinator_sub == bindparam("sub", type_=String()),
    CoordinatorAssignment.to_date.is_(None),
)
"""Built once (docs/style.md)."""

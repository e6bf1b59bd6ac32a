"""The decided services intake's feed told about."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.coordination.models import PersonService


class PersonServiceRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_decision(self, decision_id: uuid.UUID) -> PersonService | None:
        found: PersonService | None = await self.session.scalar(
            select(PersonService).where(PersonService.decision_id == decision_id)
        )
        return found

    async def add(self, row: PersonService) -> None:
        self.session.add(row)
        await self.session.flush()

    async def for_person(self, person_id: uuid.UUID) -> Sequence[PersonService]:
        return (
            await self.session.scalars(
                select(PersonService).where(PersonService.person_id == person_id)
            )
        ).all()

    async def serves(self, person_id: uuid.UUID, units: list[str]) -> bool:
        """Whether one of `units` delivers a running decided service to the person."""
        if not units:
            return False
        return bool(
            await self.session.scalar(
                select(
                    exists().where(
                        PersonService.person_id == person_id,
                        PersonService.unit.in_(units),
                        PersonService.ended_on.is_(None),
                    )
                )
            )
        )

"""The decided services intake's feed told about."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.coordination.models import PersonService
from shared import need_to_know
from shared.clock import today_in_norway


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

    async def serves(
        self,
        person_id: uuid.UUID,
        units: list[str],
        today: date | None = None,
        window: need_to_know.RelationWindow = need_to_know.RELATION_WINDOW,
    ) -> bool:
        """Whether one of `units` has need to know through a decided service today
        (`shared/need_to_know.py`): it has started, and has not ended or ended less than the
        window ago. Refused decisions are never stored here. `today` defaults to the Oslo date;
        flows pass their `work.today`."""
        if not units:
            return False
        day = today or today_in_norway()
        end = func.coalesce(PersonService.ended_on, PersonService.ends_on)
        return bool(
            await self.session.scalar(
                select(
                    exists().where(
                        PersonService.person_id == person_id,
                        PersonService.unit.in_(units),
                        or_(PersonService.starts_on.is_(None), PersonService.starts_on <= day),
                        or_(
                            end.is_(None),
                            end >= need_to_know.earliest_end_that_opens(day, window),
                        ),
                    )
                )
            )
        )

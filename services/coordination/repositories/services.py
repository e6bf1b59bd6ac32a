"""The decided services intake's feed told about, and what else it told of need to know:
the municipality's window and the emergency accesses granted in intake."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.coordination.models import EmergencyAccess, PersonService, RelationWindow
from shared import need_to_know
from shared.clock import today_in_norway
from shared.relation_facts import RelationFacts

RELATION_FACTS = RelationFacts(RelationWindow, EmergencyAccess)
"""The window and the emergency accesses, kept from intake's feed (`flows/feed.py`)."""


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
        window: need_to_know.RelationWindow | None = None,
    ) -> bool:
        """Whether one of `units` has need to know through a decided service today
        (`shared/need_to_know.py`): it has started, and has not ended or ended less than the
        window ago. Refused decisions are never stored here. `today` defaults to the Oslo date;
        flows pass their `work.today`. The window is the municipality's as intake published it
        (Mestring's default until it has)."""
        if not units:
            return False
        day = today or today_in_norway()
        if window is None:
            window = await RELATION_FACTS.window(self.session)
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

"""Pårørendesamtaler."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.coordination.models import RelativeConversation
from shared.errors import NotFound


class RelativeConversationRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: RelativeConversation) -> None:
        self.session.add(row)
        await self.session.flush()

    async def get(self, conversation_id: uuid.UUID) -> RelativeConversation:
        found = await self.session.scalar(
            select(RelativeConversation)
            .where(RelativeConversation.id == conversation_id)
            .with_for_update()
        )
        if found is None:
            raise NotFound("There is no such conversation")
        return found

    async def for_person(self, person_id: uuid.UUID) -> Sequence[RelativeConversation]:
        return (
            await self.session.scalars(
                select(RelativeConversation)
                .where(RelativeConversation.person_id == person_id)
                .order_by(RelativeConversation.planned_on, RelativeConversation.id)
            )
        ).all()

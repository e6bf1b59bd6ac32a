"""Appeals (klager)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import Appeal
from shared.errors import NotFound
from shared.pagination import paginate
from shared.schemas.common import Page
from shared.schemas.intake import AppealStatus


class AppealRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, appeal_id: uuid.UUID) -> Appeal:
        appeal = await self.session.get(Appeal, appeal_id)
        if appeal is None:
            raise NotFound("There is no such appeal")
        return appeal

    async def add(self, appeal: Appeal) -> Appeal:
        self.session.add(appeal)
        await self.session.flush()
        return appeal

    async def for_person(self, person_id: uuid.UUID) -> Sequence[Appeal]:
        return (
            await self.session.scalars(select(Appeal).where(Appeal.person_id == person_id))
        ).all()

    async def page(
        self,
        *,
        status: AppealStatus | None,
        person_id: uuid.UUID | None,
        limit: int,
        cursor: str | None,
    ) -> Page[Appeal]:
        statement = select(Appeal)
        if status is not None:
            statement = statement.where(Appeal.status == status)
        if person_id is not None:
            statement = statement.where(Appeal.person_id == person_id)
        return await paginate(
            self.session,
            statement,
            order_by=[Appeal.received_on, Appeal.id],
            limit=limit,
            cursor=cursor,
            to_item=lambda appeal: appeal,
        )

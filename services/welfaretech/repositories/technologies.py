"""The technology catalogue."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.welfaretech.domain.problems import TechnologyCodeTaken
from services.welfaretech.models import Technology
from shared.errors import NotFound
from shared.pagination import paginate
from shared.schemas.common import Page

T = TypeVar("T")


class TechnologyRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, technology: Technology) -> Technology:
        try:
            async with self.session.begin_nested():
                self.session.add(technology)
                await self.session.flush()
        except IntegrityError as exc:
            raise TechnologyCodeTaken(f"There is already a technology {technology.code!r}") from exc
        return technology

    async def get(self, code: str, *, active_only: bool = False) -> Technology:
        found = await self.session.scalar(select(Technology).where(Technology.code == code))
        if found is None or (active_only and not found.is_active):
            raise NotFound(f"There is no technology {code!r}")
        return found

    async def get_by_id(self, technology_id: uuid.UUID) -> Technology:
        found = await self.session.get(Technology, technology_id)
        if found is None:
            raise NotFound("There is no such technology")
        return found

    async def active(self) -> Sequence[Technology]:
        return (
            await self.session.scalars(
                select(Technology).where(Technology.is_active).order_by(Technology.code)
            )
        ).all()

    async def page(
        self,
        *,
        limit: int,
        cursor: str | None,
        to_item: Callable[[Technology], T],
        active_only: bool = False,
    ) -> Page[T]:
        statement = select(Technology)
        if active_only:
            statement = statement.where(Technology.is_active)
        return await paginate(
            self.session,
            statement,
            order_by=[Technology.code],
            limit=limit,
            cursor=cursor,
            to_item=to_item,
        )

"""Provider units and the service types they deliver."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import Depends
from sqlalchemy import select

from services.catalogue.models import Unit
from services.catalogue.repositories.base import Repository
from shared.db import TenantSession
from shared.errors import NotFound
from shared.pagination import paginate
from shared.schemas.common import Page

T = TypeVar("T")


class UnitRepository(Repository):
    async def get(self, code: str) -> Unit:
        unit = await self.session.scalar(select(Unit).where(Unit.code == code))
        if unit is None:
            raise NotFound(f"There is no unit {code!r}")
        return unit

    async def page(
        self, *, limit: int, cursor: str | None, to_item: Callable[[Unit], T]
    ) -> Page[T]:
        """By code."""
        return await paginate(
            self.session,
            select(Unit),
            order_by=[Unit.code],
            limit=limit,
            cursor=cursor,
            to_item=to_item,
        )


async def _units(session: TenantSession) -> UnitRepository:
    return UnitRepository(session)


UnitRepo = Annotated[UnitRepository, Depends(_units)]

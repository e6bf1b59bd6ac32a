"""Care levels: the steps of the municipality's staircase."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import Depends
from sqlalchemy import select

from services.catalogue.models import CareLevel
from services.catalogue.repositories.base import Repository
from shared.db import TenantSession
from shared.errors import NotFound, RuleViolation
from shared.pagination import paginate
from shared.schemas.common import Page

T = TypeVar("T")


class CareLevelRepository(Repository):
    async def get(self, code: str, field: str | None = None) -> CareLevel:
        """The level by code: a 404, or a 422 on `field` when the code came in a body."""
        level = await self.session.scalar(select(CareLevel).where(CareLevel.code == code))
        if level is None:
            if field:
                raise RuleViolation(field, f"There is no care level {code!r}")
            raise NotFound(f"There is no care level {code!r}")
        return level

    async def page(
        self, *, limit: int, cursor: str | None, to_item: Callable[[CareLevel], T]
    ) -> Page[T]:
        """Lowest first."""
        return await paginate(
            self.session,
            select(CareLevel),
            order_by=[CareLevel.rank, CareLevel.id],
            limit=limit,
            cursor=cursor,
            to_item=to_item,
        )


async def _care_levels(session: TenantSession) -> CareLevelRepository:
    return CareLevelRepository(session)


CareLevelRepo = Annotated[CareLevelRepository, Depends(_care_levels)]

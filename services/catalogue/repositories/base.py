"""What every catalogue repository does the same way: insert and name a clash."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.catalogue.models import Base
from shared.errors import Conflict

Row = TypeVar("Row", bound=Base)


class Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def save(self, row: Row, conflict: str) -> Row:
        """Insert or update and flush; a unique clash becomes a 409 naming what clashed."""
        self.session.add(row)
        try:
            async with self.session.begin_nested():
                await self.session.flush()
        except IntegrityError as exc:
            raise Conflict(conflict) from exc
        return row

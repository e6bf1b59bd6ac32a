"""Whether quality has seen a person: a deviation about them, or a line of their access log."""

from __future__ import annotations

import uuid

from sqlalchemy import exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.quality.models import AccessLogEntry, Deviation


class PersonRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def known(self, person_id: uuid.UUID) -> bool:
        """In this municipality (row-level security hides every other municipality's)."""
        found = await self.session.scalar(
            select(
                or_(
                    exists().where(Deviation.person_id == person_id),
                    exists().where(AccessLogEntry.person_id == person_id),
                )
            )
        )
        return bool(found)

"""Emergency accesses (nødtilgang): the one in force for a reader, and a leader's review list."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import false, select
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import EmergencyAccess
from shared.errors import NotFound
from shared.pagination import paginate
from shared.schemas.common import Page


class EmergencyAccessRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: EmergencyAccess) -> EmergencyAccess:
        self.session.add(row)
        await self.session.flush()
        return row

    async def get(self, access_id: uuid.UUID, *, for_update: bool = False) -> EmergencyAccess:
        statement = select(EmergencyAccess).where(EmergencyAccess.id == access_id)
        if for_update:
            statement = statement.with_for_update()
        found = await self.session.scalar(statement)
        if found is None:
            raise NotFound("There is no such emergency access in this municipality")
        return found

    async def valid_for(
        self, person_id: uuid.UUID, actor: str, now: datetime
    ) -> EmergencyAccess | None:
        """The caller's emergency access to the person that has not expired, the latest."""
        found: EmergencyAccess | None = await self.session.scalar(
            select(EmergencyAccess)
            .where(
                EmergencyAccess.person_id == person_id,
                EmergencyAccess.actor == actor,
                EmergencyAccess.expires_at > now,
            )
            .order_by(EmergencyAccess.expires_at.desc())
            .limit(1)
        )
        return found

    async def to_review(
        self,
        units: list[str] | None,
        status: str | None,
        limit: int,
        cursor: str | None,
    ) -> Page[EmergencyAccess]:
        """Emergency accesses of clinicians in `units` (None: the whole municipality), in the
        order they were granted, optionally of one review status."""
        statement = select(EmergencyAccess)
        if units is not None:
            statement = statement.where(
                EmergencyAccess.actor_units.has_any(array(units)) if units else false()
            )
        if status is not None:
            statement = statement.where(EmergencyAccess.review_status == status)
        return await paginate(
            self.session,
            statement,
            order_by=[EmergencyAccess.granted_at, EmergencyAccess.id],
            limit=limit,
            cursor=cursor,
            to_item=lambda row: row,
        )

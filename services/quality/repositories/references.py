"""A deviation's references to the quality system (ROS hazard, procedure not followed)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.quality.models import DeviationReference


class ReferenceRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def of(self, deviation_id: uuid.UUID) -> DeviationReference | None:
        found: DeviationReference | None = await self.session.scalar(
            select(DeviationReference).where(DeviationReference.deviation_id == deviation_id)
        )
        return found

    async def add(self, reference: DeviationReference) -> DeviationReference:
        self.session.add(reference)
        await self.session.flush()
        return reference

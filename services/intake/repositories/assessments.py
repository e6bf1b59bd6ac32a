"""Assessments (kartlegging): history, never overwritten."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import Assessment


class AssessmentRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, assessment: Assessment) -> Assessment:
        self.session.add(assessment)
        await self.session.flush()
        return assessment

    async def latest_for(self, application_id: uuid.UUID) -> Assessment | None:
        """The assessment the decision rests on: the latest of the application."""
        latest: Assessment | None = await self.session.scalar(
            select(Assessment)
            .where(Assessment.application_id == application_id)
            .order_by(Assessment.assessed_on.desc(), Assessment.created_at.desc())
            .limit(1)
        )
        return latest

    async def for_application(self, application_id: uuid.UUID) -> Sequence[Assessment]:
        return (
            await self.session.scalars(
                select(Assessment)
                .where(Assessment.application_id == application_id)
                .order_by(Assessment.assessed_on, Assessment.created_at)
            )
        ).all()

    async def for_person(self, person_id: uuid.UUID) -> Sequence[Assessment]:
        return (
            await self.session.scalars(select(Assessment).where(Assessment.person_id == person_id))
        ).all()

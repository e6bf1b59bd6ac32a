"""Assessment drafts and the users' own preferences."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import AssessmentDraft, UserPreference


class DraftRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def for_application(self, application_id: uuid.UUID) -> AssessmentDraft | None:
        found: AssessmentDraft | None = await self.session.scalar(
            select(AssessmentDraft).where(AssessmentDraft.application_id == application_id)
        )
        return found

    async def save(self, draft: AssessmentDraft) -> AssessmentDraft:
        self.session.add(draft)
        await self.session.flush()
        return draft

    async def remove_for(self, application_id: uuid.UUID) -> None:
        await self.session.execute(
            delete(AssessmentDraft).where(AssessmentDraft.application_id == application_id)
        )


class PreferenceRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def of(self, user_sub: str) -> UserPreference | None:
        found: UserPreference | None = await self.session.scalar(
            select(UserPreference).where(UserPreference.user_sub == user_sub)
        )
        return found

    async def save(self, preference: UserPreference) -> UserPreference:
        self.session.add(preference)
        await self.session.flush()
        return preference

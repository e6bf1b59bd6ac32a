"""The municipality's intake settings (one row per municipality, created on first write)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import IntakeSetting

NEED_TO_KNOW_DAYS = select(IntakeSetting.need_to_know_days_after_end)
"""Built once: the one column the need-to-know check of every clinician's read needs."""


class SettingsRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def current(self) -> IntakeSetting | None:
        found: IntakeSetting | None = await self.session.scalar(select(IntakeSetting))
        return found

    async def need_to_know_days(self) -> int | None:
        """The municipality's own need-to-know window in days after a service ended; None
        when it has not chosen one (or has no settings row)."""
        days: int | None = await self.session.scalar(NEED_TO_KNOW_DAYS)
        return days

    async def save(self, setting: IntakeSetting) -> IntakeSetting:
        self.session.add(setting)
        await self.session.flush()
        return setting

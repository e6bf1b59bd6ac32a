"""The municipality's intake settings (one row per municipality, created on first write)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.models import IntakeSetting


class SettingsRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def current(self) -> IntakeSetting | None:
        found: IntakeSetting | None = await self.session.scalar(select(IntakeSetting))
        return found

    async def save(self, setting: IntakeSetting) -> IntakeSetting:
        self.session.add(setting)
        await self.session.flush()
        return setting

"""The municipality's handling rules (one row, or none for the defaults)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.quality.models import HandlingRules


class RulesRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self) -> HandlingRules | None:
        return await self.session.scalar(select(HandlingRules))

    async def add(self, rules: HandlingRules) -> HandlingRules:
        self.session.add(rules)
        await self.session.flush()
        return rules

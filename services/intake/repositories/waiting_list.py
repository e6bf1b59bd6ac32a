"""The waiting list for long-term places (hol § 3-2 a)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.domain.waiting_list import OPEN
from services.intake.models import WaitingListEntry
from shared.errors import NotFound


class WaitingListRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, entry_id: uuid.UUID) -> WaitingListEntry:
        entry = await self.session.get(WaitingListEntry, entry_id)
        if entry is None:
            raise NotFound("There is no such waiting-list entry")
        return entry

    async def for_decision(self, decision_id: uuid.UUID) -> WaitingListEntry | None:
        found: WaitingListEntry | None = await self.session.scalar(
            select(WaitingListEntry).where(WaitingListEntry.decision_id == decision_id)
        )
        return found

    def add(self, entry: WaitingListEntry) -> WaitingListEntry:
        self.session.add(entry)
        return entry

    async def entries(
        self, *, service_type: str | None, include_closed: bool
    ) -> Sequence[WaitingListEntry]:
        """Most urgent first, then longest waiting."""
        statement = select(WaitingListEntry)
        if not include_closed:
            statement = statement.where(WaitingListEntry.status.in_([s.value for s in OPEN]))
        if service_type:
            statement = statement.where(WaitingListEntry.service_type == service_type)
        return (
            await self.session.scalars(
                statement.order_by(WaitingListEntry.priority, WaitingListEntry.listed_on)
            )
        ).all()

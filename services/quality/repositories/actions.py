"""Corrective actions (korrigerende tiltak)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.quality.models import CorrectiveAction, Deviation
from shared.errors import NotFound
from shared.schemas.quality import ActionStatus

OPEN = [ActionStatus.planned.value, ActionStatus.in_progress.value]


class ActionRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, action_id: uuid.UUID) -> CorrectiveAction:
        action = await self.session.get(CorrectiveAction, action_id)
        if action is None:
            raise NotFound("There is no such corrective action")
        return action

    async def add(self, action: CorrectiveAction) -> CorrectiveAction:
        self.session.add(action)
        await self.session.flush()
        return action

    async def newly_overdue(
        self, today: date, limit: int
    ) -> Sequence[tuple[CorrectiveAction, str]]:
        """Open actions past their due date not yet announced, with their deviation's unit."""
        rows = await self.session.execute(
            select(CorrectiveAction, Deviation.unit)
            .join(Deviation, Deviation.id == CorrectiveAction.deviation_id)
            .where(
                CorrectiveAction.status.in_(OPEN),
                CorrectiveAction.due_on < today,
                CorrectiveAction.overdue_reported.is_(False),
            )
            .order_by(CorrectiveAction.due_on, CorrectiveAction.id)
            .limit(limit)
        )
        return [(action, unit) for action, unit in rows.tuples()]

    async def mark_overdue_reported(self, action_ids: list[uuid.UUID]) -> None:
        """A bookkeeping flag: set without a new version, so nobody's open copy goes stale."""
        if action_ids:
            await self.session.execute(
                update(CorrectiveAction)
                .where(CorrectiveAction.id.in_(action_ids))
                .values(overdue_reported=True)
                .execution_options(synchronize_session=False)
            )

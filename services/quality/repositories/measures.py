"""Measures (tiltak) of ROS hazards, internal audits and supervision findings."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from services.quality.models import Measure
from shared.errors import NotFound


class MeasureRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, measure_id: uuid.UUID) -> Measure:
        measure = await self.session.get(Measure, measure_id)
        if measure is None:
            raise NotFound("There is no such measure")
        return measure

    async def add(self, measure: Measure) -> Measure:
        self.session.add(measure)
        await self.session.flush()
        return measure

    async def _of(
        self, column: InstrumentedAttribute[uuid.UUID | None], ids: Sequence[uuid.UUID]
    ) -> Sequence[Measure]:
        if not ids:
            return []
        return (
            await self.session.scalars(
                select(Measure)
                .where(column.in_(list(ids)))
                .order_by(Measure.due_on, Measure.created_at, Measure.id)
            )
        ).all()

    async def of_hazards(self, hazard_ids: Sequence[uuid.UUID]) -> Sequence[Measure]:
        return await self._of(Measure.hazard_id, hazard_ids)

    async def of_audits(self, audit_ids: Sequence[uuid.UUID]) -> Sequence[Measure]:
        return await self._of(Measure.audit_id, audit_ids)

    async def of_findings(self, finding_ids: Sequence[uuid.UUID]) -> Sequence[Measure]:
        return await self._of(Measure.finding_id, finding_ids)

    async def listed(
        self, units: list[str] | None, open_only: bool, limit: int
    ) -> Sequence[Measure]:
        """Measures of `units` (None: all, with those of no unit), earliest due first."""
        statement = select(Measure)
        if units is not None:
            statement = statement.where(Measure.unit.in_(units))
        if open_only:
            statement = statement.where(Measure.status.in_(["planned", "in_progress"]))
        return (
            await self.session.scalars(statement.order_by(Measure.due_on, Measure.id).limit(limit))
        ).all()

    async def newly_overdue(self, today: date, limit: int) -> Sequence[Measure]:
        """Open measures past their due date not yet announced."""
        return (
            await self.session.scalars(
                select(Measure)
                .where(
                    Measure.status.in_(["planned", "in_progress"]),
                    Measure.due_on < today,
                    Measure.overdue_reported.is_(False),
                )
                .order_by(Measure.due_on, Measure.id)
                .limit(limit)
            )
        ).all()

    async def mark_overdue_reported(self, measure_ids: list[uuid.UUID]) -> None:
        """A bookkeeping flag: set without a new version, so nobody's open copy goes stale."""
        if measure_ids:
            await self.session.execute(
                update(Measure)
                .where(Measure.id.in_(measure_ids))
                .values(overdue_reported=True)
                .execution_options(synchronize_session=False)
            )

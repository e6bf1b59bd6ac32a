"""ROS analyses with their hazards, and the deviations that confirm a hazard."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from services.quality.models import DeviationReference, RiskAnalysis, RosHazard
from shared.errors import NotFound
from shared.pagination import decode_cursor, encode_cursor

LIST_KEY = [RiskAnalysis.analysed_on, RiskAnalysis.id]


class RosRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, analysis_id: uuid.UUID) -> RiskAnalysis:
        """The analysis with its hazards; RLS hides other municipalities."""
        analysis = await self.session.scalar(
            select(RiskAnalysis)
            .where(RiskAnalysis.id == analysis_id)
            .options(selectinload(RiskAnalysis.hazards))
        )
        if analysis is None:
            raise NotFound("There is no such risk analysis")
        return analysis

    async def add(self, analysis: RiskAnalysis) -> RiskAnalysis:
        self.session.add(analysis)
        await self.session.flush()
        return analysis

    async def listed(
        self, units: list[str] | None, limit: int, cursor: str | None = None
    ) -> tuple[list[RiskAnalysis], str | None]:
        """Analyses of `units` (None: all), newest first, with their hazards; keyset-paged on
        the day analysed (newest first) and the id."""
        statement = select(RiskAnalysis).options(selectinload(RiskAnalysis.hazards))
        if units is not None:
            statement = statement.where(RiskAnalysis.unit.in_(units))
        if cursor:
            day, last_id = decode_cursor(cursor, LIST_KEY)
            statement = statement.where(
                or_(
                    RiskAnalysis.analysed_on < day,
                    and_(RiskAnalysis.analysed_on == day, RiskAnalysis.id > last_id),
                )
            )
        rows = list(
            (
                await self.session.scalars(
                    statement.order_by(RiskAnalysis.analysed_on.desc(), RiskAnalysis.id).limit(
                        limit + 1
                    )
                )
            ).all()
        )
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            next_cursor = encode_cursor([rows[-1].analysed_on, rows[-1].id])
        return rows, next_cursor

    async def hazard(self, hazard_id: uuid.UUID) -> tuple[RosHazard, RiskAnalysis]:
        row = (
            await self.session.execute(
                select(RosHazard, RiskAnalysis)
                .join(RiskAnalysis, RiskAnalysis.id == RosHazard.analysis_id)
                .where(RosHazard.id == hazard_id)
            )
        ).first()
        if row is None:
            raise NotFound("There is no such hazard")
        return row[0], row[1]

    async def hazards_of_unit(self, unit: str) -> Sequence[tuple[RosHazard, RiskAnalysis]]:
        rows = await self.session.execute(
            select(RosHazard, RiskAnalysis)
            .join(RiskAnalysis, RiskAnalysis.id == RosHazard.analysis_id)
            .where(RiskAnalysis.unit == unit)
            .order_by(RiskAnalysis.analysed_on.desc(), RosHazard.risk_score.desc(), RosHazard.id)
        )
        return [(hazard, analysis) for hazard, analysis in rows.tuples()]

    async def confirmations(self, hazard_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
        """How many deviations say they confirm each hazard."""
        if not hazard_ids:
            return {}
        rows = await self.session.execute(
            select(DeviationReference.hazard_id, func.count())
            .where(DeviationReference.hazard_id.in_(list(hazard_ids)))
            .group_by(DeviationReference.hazard_id)
        )
        return {hazard_id: count for hazard_id, count in rows.tuples() if hazard_id is not None}

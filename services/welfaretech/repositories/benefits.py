"""Benefit measurements (baseline and follow-ups) per loan."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.welfaretech.domain.problems import BaselineExists
from services.welfaretech.models import BenefitMeasurement, Loan


class BenefitRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, measurement: BenefitMeasurement) -> BenefitMeasurement:
        try:
            async with self.session.begin_nested():
                self.session.add(measurement)
                await self.session.flush()
        except IntegrityError as exc:
            raise BaselineExists(
                f"This loan already has a {measurement.kind} measurement for week "
                f"{measurement.week}"
            ) from exc
        return measurement

    async def for_loan(self, loan_id: uuid.UUID) -> Sequence[BenefitMeasurement]:
        return (
            await self.session.scalars(
                select(BenefitMeasurement)
                .where(BenefitMeasurement.loan_id == loan_id)
                .order_by(BenefitMeasurement.week, BenefitMeasurement.created_at)
            )
        ).all()

    async def measured_loans(self) -> Sequence[tuple[Loan, list[BenefitMeasurement]]]:
        """Every loan with at least one measurement, with its measurements by week."""
        rows = (
            await self.session.execute(
                select(Loan, BenefitMeasurement)
                .join(BenefitMeasurement, BenefitMeasurement.loan_id == Loan.id)
                .order_by(Loan.id, BenefitMeasurement.week)
            )
        ).all()
        grouped: dict[uuid.UUID, tuple[Loan, list[BenefitMeasurement]]] = {}
        for loan, measurement in rows:
            grouped.setdefault(loan.id, (loan, []))[1].append(measurement)
        return list(grouped.values())

"""Benefit measurements (baseline and follow-ups) per loan."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import raiseload

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
        """Every loan with a baseline and a follow-up, with the two its ledger compares: the
        baseline and the latest follow-up (PostgreSQL picks them from the (loan, kind, week)
        index; earlier follow-ups, checks and deviations are not loaded)."""
        ends = (
            select(BenefitMeasurement.id)
            .distinct(BenefitMeasurement.loan_id, BenefitMeasurement.kind)
            .order_by(
                BenefitMeasurement.loan_id,
                BenefitMeasurement.kind,
                BenefitMeasurement.week.desc(),
            )
        )
        rows = (
            await self.session.execute(
                select(Loan, BenefitMeasurement)
                .join(BenefitMeasurement, BenefitMeasurement.loan_id == Loan.id)
                .where(BenefitMeasurement.id.in_(ends))
                .options(raiseload(Loan.checks), raiseload(Loan.deviations))
                .order_by(Loan.id, BenefitMeasurement.week)
            )
        ).all()
        grouped: dict[uuid.UUID, tuple[Loan, list[BenefitMeasurement]]] = {}
        for loan, measurement in rows:
            grouped.setdefault(loan.id, (loan, []))[1].append(measurement)
        return [(loan, found) for loan, found in grouped.values() if len(found) == 2]

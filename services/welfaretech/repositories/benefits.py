"""Benefit measurements (baseline and follow-ups) per loan."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import Select, exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import raiseload

from services.welfaretech.domain.benefits import HOURS_PLACES, SUMMED, Sums, weekly_device_cost
from services.welfaretech.domain.problems import BaselineExists
from services.welfaretech.models import BenefitMeasurement, BenefitSums, Device, Loan, Technology
from shared.pagination import paginate
from shared.schemas.welfaretech import MeasurementKind

SUMS_BY_TECHNOLOGY = (
    select(Technology, BenefitSums)
    .join(BenefitSums, BenefitSums.technology_id == Technology.id)
    .where(BenefitSums.loans > 0)
    .order_by(Technology.code)
)
"""Built once (a statement built in the request has its cache key computed afresh)."""


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

    async def sums_by_technology(
        self, *, default_staff_hour_cost_nok: int
    ) -> Sequence[tuple[Technology, Sums]]:
        """Per technology with measured loans, the sums over them of each loan's baseline and
        latest follow-up, as kept in `benefit_sums` (one row per technology, kept by triggers
        as measurements are written): the statement reads as many rows as there are
        technologies, however many loans were measured. The default cost of a staff hour is
        applied to the hours freed on baselines that name none."""
        rows = (await self.session.execute(SUMS_BY_TECHNOLOGY)).all()
        return [
            (
                technology,
                Sums(
                    loans=sums.loans,
                    baseline={m: Decimal(getattr(sums, f"baseline_{m}")) for m in SUMMED},
                    follow_up={m: Decimal(getattr(sums, f"follow_up_{m}")) for m in SUMMED},
                    staff_cost_freed_nok=Decimal(sums.staff_cost_freed_nok)
                    + Decimal(sums.staff_hours_freed_uncosted) * default_staff_hour_cost_nok,
                    device_cost_per_week_nok=weekly_device_cost(technology.monthly_cost_nok)
                    * sums.loans,
                ),
            )
            for technology, sums in rows
        ]

    async def sums_by_technology_from_the_measurements(
        self, *, default_staff_hour_cost_nok: int
    ) -> Sequence[tuple[Technology, Sums]]:
        """What `sums_by_technology` must equal, worked out from the measurements themselves:
        per technology, the sums over its measured loans (a baseline and a follow-up) of each
        loan's baseline and latest follow-up, in one statement: PostgreSQL picks the two
        measurements of each loan from the (loan, kind, week) index, pairs them per loan and
        adds them up per technology. Staff minutes become hours rounded per measurement as
        the ledger rounds them (`HOURS_PLACES`); everything else is added exactly. Reads every
        measurement of the municipality: the tests hold the kept sums against it."""
        m = BenefitMeasurement
        hours = func.round(m.staff_minutes_per_week / 60, HOURS_PLACES)
        ends = (
            select(
                m.loan_id,
                m.kind,
                m.planned_visits_per_week.label("planned_visits"),
                m.night_visits_per_week.label("night_visits"),
                hours.label("staff_hours"),
                m.falls_last_4_weeks.label("falls"),
                m.admissions_last_4_weeks.label("admissions"),
                m.felt_safety.label("felt_safety"),
                m.staff_hour_cost_nok,
            )
            .distinct(m.loan_id, m.kind)
            .order_by(m.loan_id, m.kind, m.week.desc())
            .subquery("ends")
        )
        is_baseline = ends.c.kind == MeasurementKind.baseline.value
        is_follow_up = ends.c.kind == MeasurementKind.follow_up.value
        pair_columns = [
            func.max(ends.c[name]).filter(which).label(f"{prefix}_{name}")
            for name in SUMMED
            for prefix, which in (("b", is_baseline), ("f", is_follow_up))
        ]
        pairs = (
            select(
                ends.c.loan_id,
                *pair_columns,
                func.coalesce(
                    func.max(ends.c.staff_hour_cost_nok).filter(is_baseline),
                    default_staff_hour_cost_nok,
                ).label("cost"),
            )
            .group_by(ends.c.loan_id)
            .having(func.count() == 2)
            .subquery("pairs")
        )
        sums = [func.sum(pairs.c[f"{prefix}_{name}"]) for name in SUMMED for prefix in ("b", "f")]
        rows = (
            await self.session.execute(
                select(
                    Technology,
                    func.count(),
                    func.sum((pairs.c.b_staff_hours - pairs.c.f_staff_hours) * pairs.c.cost),
                    *sums,
                )
                .select_from(pairs)
                .join(Loan, Loan.id == pairs.c.loan_id)
                .join(Device, Device.id == Loan.device_id)
                .join(Technology, Technology.id == Device.technology_id)
                .group_by(Technology.id)
                .order_by(Technology.code)
            )
        ).all()
        found = []
        for technology, loans, cost_freed, *added in rows:
            values = iter(Decimal(v) for v in added)
            baseline: dict[str, Decimal] = {}
            follow_up: dict[str, Decimal] = {}
            for name in SUMMED:
                baseline[name] = next(values)
                follow_up[name] = next(values)
            found.append(
                (
                    technology,
                    Sums(
                        loans=int(loans),
                        baseline=baseline,
                        follow_up=follow_up,
                        staff_cost_freed_nok=Decimal(cost_freed),
                        device_cost_per_week_nok=weekly_device_cost(technology.monthly_cost_nok)
                        * int(loans),
                    ),
                )
            )
        return found

    def _measured(self) -> Select[tuple[Loan]]:
        """Loans with a baseline and at least one follow-up (those the dashboard counts)."""
        m = BenefitMeasurement
        has = [
            exists().where(m.loan_id == Loan.id, m.kind == kind.value)
            for kind in (MeasurementKind.baseline, MeasurementKind.follow_up)
        ]
        return select(Loan).where(*has).options(raiseload(Loan.checks), raiseload(Loan.deviations))

    async def measured_page(
        self,
        *,
        technology_id: uuid.UUID | None,
        units: list[str] | None,
        limit: int,
        cursor: str | None,
    ) -> tuple[list[tuple[Loan, list[BenefitMeasurement]]], str | None]:
        """One page of the measured loans, oldest installation first (keyset), each with the
        two measurements its ledger compares (read for the whole page in one statement)."""
        statement = self._measured()
        if technology_id is not None:
            statement = statement.join(Device, Device.id == Loan.device_id).where(
                Device.technology_id == technology_id
            )
        if units is not None:
            statement = statement.where(Loan.unit.in_(units))
        page = await paginate(
            self.session,
            statement,
            order_by=[Loan.installed_on, Loan.id],
            limit=limit,
            cursor=cursor,
            to_item=lambda loan: loan,
        )
        m = BenefitMeasurement
        rows = (
            (
                await self.session.scalars(
                    select(m)
                    .where(m.loan_id.in_([loan.id for loan in page.items]))
                    .distinct(m.loan_id, m.kind)
                    .order_by(m.loan_id, m.kind, m.week.desc())
                )
            ).all()
            if page.items
            else []
        )
        found: dict[uuid.UUID, list[BenefitMeasurement]] = {}
        for row in rows:
            found.setdefault(row.loan_id, []).append(row)
        return [(loan, found.get(loan.id, [])) for loan in page.items], page.next_cursor

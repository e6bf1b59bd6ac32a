"""Benefit realisation: baselines and follow-ups per loan, the ledger, the dashboard."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from services.welfaretech.domain.access import check_may_read_person, loan_period
from services.welfaretech.domain.benefits import (
    DEFAULT_STAFF_HOUR_COST_NOK,
    Gains,
    Measures,
    Sums,
    Total,
    check_measurement,
    gains,
    totals,
)
from services.welfaretech.flows import Work
from services.welfaretech.flows.loans import visible_units
from services.welfaretech.flows.need_to_know import RELATION_FACTS
from services.welfaretech.models import BenefitMeasurement, Loan, Technology
from services.welfaretech.schemas import MeasurementCreate
from shared.access_log import AccessAction
from shared.errors import Forbidden, NotFound, RuleViolation
from shared.schemas.roles import Role
from shared.schemas.welfaretech import BenefitMeasured, MeasurementKind


def measures(row: BenefitMeasurement) -> Measures:
    return Measures(
        planned_visits_per_week=Decimal(row.planned_visits_per_week),
        night_visits_per_week=Decimal(row.night_visits_per_week),
        staff_minutes_per_week=Decimal(row.staff_minutes_per_week),
        falls_last_4_weeks=row.falls_last_4_weeks,
        admissions_last_4_weeks=row.admissions_last_4_weeks,
        felt_safety=row.felt_safety,
    )


@dataclass
class LoanLedger:
    loan: Loan
    measurements: Sequence[BenefitMeasurement]
    baseline: BenefitMeasurement | None
    latest: BenefitMeasurement | None
    gains: Gains | None


def ledger(loan: Loan, rows: Sequence[BenefitMeasurement]) -> LoanLedger:
    """The latest follow-up against the baseline (none until both exist)."""
    baseline = next((r for r in rows if r.kind == MeasurementKind.baseline), None)
    follow_ups = [r for r in rows if r.kind == MeasurementKind.follow_up]
    latest = max(follow_ups, key=lambda r: r.week) if follow_ups else None
    computed = None
    if baseline is not None and latest is not None:
        computed = gains(
            measures(baseline),
            measures(latest),
            staff_hour_cost_nok=baseline.staff_hour_cost_nok or DEFAULT_STAFF_HOUR_COST_NOK,
            device_monthly_cost_nok=loan.device.technology.monthly_cost_nok,
        )
    return LoanLedger(loan, rows, baseline, latest, computed)


async def record(work: Work, loan_id: uuid.UUID, body: MeasurementCreate) -> BenefitMeasurement:
    """A baseline (the welfare-technology team) or a follow-up (also home care)."""
    loan = await work.loans.get(loan_id)
    check_may_read_person(
        work.user,
        [loan_period(loan.unit, loan.installed_on, loan.ended_on)],
        work.today,
        await RELATION_FACTS.window(work.session),
    )
    if body.kind == MeasurementKind.baseline and not work.user.has_any(Role.welfare_technologist):
        raise Forbidden("The welfare-technology team records the baseline")
    rows = await work.benefits.for_loan(loan.id)
    check_measurement(
        body.kind.value,
        body.week,
        any(r.kind == MeasurementKind.baseline for r in rows),
        body.measured_on,
        loan.installed_on,
        work.today,
    )
    row = await work.benefits.add(
        BenefitMeasurement(
            loan_id=loan.id,
            **body.model_dump(exclude={"kind"}),
            kind=body.kind.value,
            recorded_by_name=work.user.name,
        )
    )
    computed = ledger(loan, [*rows, row])
    await work.log(loan.person_id, AccessAction.create, "benefit_measurement", row.id)
    freed = (
        float(computed.gains.staff_hours_freed_per_week)
        if computed.gains is not None and computed.latest is row
        else None
    )
    await work.publish(
        BenefitMeasured(
            measurement_id=row.id,
            loan_id=loan.id,
            technology_code=loan.device.technology.code,
            kind=body.kind,
            week=body.week,
            staff_hours_freed_per_week=freed,
            person_id=loan.person_id,
        ),
        subject=row.id,
    )
    return row


async def for_loan(work: Work, loan_id: uuid.UUID) -> LoanLedger:
    loan = await work.loans.get(loan_id)
    check_may_read_person(
        work.user,
        [loan_period(loan.unit, loan.installed_on, loan.ended_on)],
        work.today,
        await RELATION_FACTS.window(work.session),
    )
    await work.log(loan.person_id, AccessAction.read, "loan_benefits", loan.id)
    return ledger(loan, await work.benefits.for_loan(loan.id))


@dataclass
class Dashboard:
    """Aggregates only: the municipality's figures and each technology's, from sums."""

    totals: list[Total]
    loans_measured: int
    by_technology: list[tuple[Technology, int, list[Total]]]
    counts: tuple[int, int, int]
    """Open loans, trials due for evaluation, loans overdue a check."""


async def dashboard(work: Work) -> Dashboard:
    """Gains per technology and for the municipality: the sums over each measured loan's
    baseline and latest follow-up, kept per technology as measurements are written (database
    triggers, in the writing transaction; `BenefitSums`), rounded by the ledger's rules.
    Aggregates only: no loan or person is named, nothing is logged; the statements, the rows
    they read and the answer do not grow with the number of loans."""
    groups = await work.benefits.sums_by_technology(
        default_staff_hour_cost_nok=DEFAULT_STAFF_HOUR_COST_NOK
    )
    municipal = sum((sums for _, sums in groups), Sums.zero())
    return Dashboard(
        totals=totals(municipal),
        loans_measured=municipal.loans,
        by_technology=[(technology, sums.loans, totals(sums)) for technology, sums in groups],
        counts=await work.loans.counts(work.today),
    )


async def measured_loans(
    work: Work, *, technology: str | None, limit: int, cursor: str | None
) -> tuple[list[LoanLedger], str | None]:
    """The loans behind a dashboard figure (one technology's or the municipality's), a page
    at a time, each with its ledger. As the loans list: a clinician sees their own units'
    loans, and every loan listed is in the access log, in one statement per page."""
    technology_id = None
    if technology is not None:
        try:
            technology_id = (await work.technologies.get(technology)).id
        except NotFound as exc:
            raise RuleViolation(
                "query.technology", "There is no technology with this code"
            ) from exc
    page, next_cursor = await work.benefits.measured_page(
        technology_id=technology_id, units=visible_units(work), limit=limit, cursor=cursor
    )
    await work.log_each(
        [(loan.person_id, loan.id) for loan, _ in page], AccessAction.search, "loan_benefits"
    )
    return [ledger(loan, rows) for loan, rows in page], next_cursor

"""Benefit realisation (gevinstrealisering): a ledger per measure, not a single estimate.

Following Helsedirektoratet's method for gevinstrealisering of welfare
technology (the Nasjonalt velferdsteknologiprogram's gevinstrealiseringsmetodikk):
a baseline (nullpunktsmåling) before the technology, follow-up measurements
after set weeks, the measured effect per measure, and for each gain who
realises it (the unit that gets the time back) and how (what the time is used
for). KS calls it «nytt, nyttig, nyttiggjort» (Selbu, Stange): a gain counts
when it is taken out, so each line shows the numbers it rests on.

Falls and admissions are counted over the four weeks before a measurement;
visits and staff minutes per week; felt safety on a 1–5 scale (5 = very safe).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from services.welfaretech.domain.problems import BaselineExists, BaselineMissing
from shared.errors import RuleViolation

WEEKS_PER_YEAR = 52
PERIODS_PER_YEAR = 13
"""Four-week periods in a year (falls and admissions are counted per four weeks)."""


class GainKind(StrEnum):
    """Helsedirektoratet's kinds of gain."""

    time_saved = "time_saved"
    avoided_cost = "avoided_cost"
    quality = "quality"


@dataclass(frozen=True)
class Measures:
    """One measurement (baseline or follow-up)."""

    planned_visits_per_week: Decimal
    night_visits_per_week: Decimal
    staff_minutes_per_week: Decimal
    falls_last_4_weeks: int
    admissions_last_4_weeks: int
    felt_safety: int


@dataclass(frozen=True)
class LedgerLine:
    measure: str
    kind: GainKind
    unit: str
    baseline: Decimal
    follow_up: Decimal
    gain: Decimal
    """Positive is better for the person or the municipality (fewer visits, more safety)."""
    gain_per_year: Decimal | None
    formula: str


@dataclass(frozen=True)
class Gains:
    lines: tuple[LedgerLine, ...]

    def line(self, measure: str) -> LedgerLine:
        return next(line for line in self.lines if line.measure == measure)

    @property
    def staff_hours_freed_per_week(self) -> Decimal:
        return self.line("staff_hours").gain


def _q(value: Decimal, places: str = "0.01") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def _reduction(
    measure: str,
    kind: GainKind,
    unit: str,
    before: Decimal,
    after: Decimal,
    per_year: int,
) -> LedgerLine:
    gain = before - after
    return LedgerLine(
        measure=measure,
        kind=kind,
        unit=unit,
        baseline=before,
        follow_up=after,
        gain=_q(gain),
        gain_per_year=_q(gain * per_year),
        formula=(
            f"{before} − {after} = {_q(gain)} {unit}; × {per_year} = {_q(gain * per_year)} a year"
        ),
    )


def weekly_device_cost(monthly_cost_nok: int) -> Decimal:
    """A monthly cost per week: × 12 ÷ 52."""
    return _q(Decimal(monthly_cost_nok) * 12 / WEEKS_PER_YEAR)


def gains(
    baseline: Measures,
    follow_up: Measures,
    *,
    staff_hour_cost_nok: int,
    device_monthly_cost_nok: int,
) -> Gains:
    """The ledger of one loan's follow-up against its baseline."""
    before_hours = _q(baseline.staff_minutes_per_week / 60)
    after_hours = _q(follow_up.staff_minutes_per_week / 60)
    hours = _reduction(
        "staff_hours", GainKind.time_saved, "h/week", before_hours, after_hours, WEEKS_PER_YEAR
    )
    device = weekly_device_cost(device_monthly_cost_nok)
    saved = _q(hours.gain * staff_hour_cost_nok)
    net = _q(saved - device)
    cost = LedgerLine(
        measure="net_cost",
        kind=GainKind.avoided_cost,
        unit="NOK/week",
        baseline=saved,
        follow_up=device,
        gain=net,
        gain_per_year=_q(net * WEEKS_PER_YEAR),
        formula=(
            f"{hours.gain} h × {staff_hour_cost_nok} NOK = {saved} NOK freed; − device "
            f"{device_monthly_cost_nok} NOK/month × 12 ÷ 52 = {device} NOK/week; "
            f"net {net} NOK/week"
        ),
    )
    safety_gain = follow_up.felt_safety - baseline.felt_safety
    safety = LedgerLine(
        measure="felt_safety",
        kind=GainKind.quality,
        unit="scale 1–5",
        baseline=Decimal(baseline.felt_safety),
        follow_up=Decimal(follow_up.felt_safety),
        gain=Decimal(safety_gain),
        gain_per_year=None,
        formula=f"{follow_up.felt_safety} − {baseline.felt_safety} = {safety_gain}",
    )
    return Gains(
        lines=(
            _reduction(
                "planned_visits",
                GainKind.time_saved,
                "visits/week",
                baseline.planned_visits_per_week,
                follow_up.planned_visits_per_week,
                WEEKS_PER_YEAR,
            ),
            _reduction(
                "night_visits",
                GainKind.time_saved,
                "visits/week",
                baseline.night_visits_per_week,
                follow_up.night_visits_per_week,
                WEEKS_PER_YEAR,
            ),
            hours,
            _reduction(
                "falls",
                GainKind.quality,
                "falls/4 weeks",
                Decimal(baseline.falls_last_4_weeks),
                Decimal(follow_up.falls_last_4_weeks),
                PERIODS_PER_YEAR,
            ),
            _reduction(
                "admissions",
                GainKind.avoided_cost,
                "admissions/4 weeks",
                Decimal(baseline.admissions_last_4_weeks),
                Decimal(follow_up.admissions_last_4_weeks),
                PERIODS_PER_YEAR,
            ),
            safety,
            cost,
        )
    )


@dataclass(frozen=True)
class Part:
    """One loan's share of a total: its ledger line (baseline, follow-up, gain, formula)."""

    loan_id: str
    line: LedgerLine


@dataclass
class Total:
    """The sum of one measure over several loans, with the numbers of each loan behind it."""

    measure: str
    unit: str
    gain: Decimal = Decimal(0)
    gain_per_year: Decimal | None = Decimal(0)
    loans: list[str] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)


def aggregate(ledgers: Iterable[tuple[str, Gains]]) -> list[Total]:
    """Sum each measure over loans (loan id, its latest ledger); felt safety is averaged."""
    totals: dict[str, Total] = {}
    for loan_id, ledger in ledgers:
        for line in ledger.lines:
            total = totals.setdefault(line.measure, Total(line.measure, line.unit))
            total.gain += line.gain
            if line.gain_per_year is None or total.gain_per_year is None:
                total.gain_per_year = None
            else:
                total.gain_per_year += line.gain_per_year
            total.loans.append(loan_id)
            total.parts.append(Part(loan_id, line))
    for total in totals.values():
        if total.measure == "felt_safety" and total.loans:
            total.gain = _q(total.gain / len(total.loans))
        total.gain = _q(total.gain)
        if total.gain_per_year is not None:
            total.gain_per_year = _q(total.gain_per_year)
    return list(totals.values())


DEFAULT_STAFF_HOUR_COST_NOK = 600
"""Used when a baseline names no cost of a staff hour: an assumed round figure, shown
beside every cost line; each municipality should record its own on the baseline."""


def check_measurement(
    kind: str, week: int, has_baseline: bool, measured_on: date, installed_on: date, today: date
) -> None:
    """A baseline is week 0 and comes once; follow-ups come after it, in later weeks."""
    if measured_on > today:
        raise RuleViolation("body.measured_on", "A measurement is recorded when it is made")
    if kind == "baseline":
        if week != 0:
            raise RuleViolation("body.week", "The baseline is week 0")
        if has_baseline:
            raise BaselineExists("The loan already has its baseline")
        return
    if week < 1:
        raise RuleViolation("body.week", "A follow-up is one or more weeks after installation")
    if not has_baseline:
        raise BaselineMissing("Record the baseline before a follow-up")
    if measured_on < installed_on:
        raise RuleViolation("body.measured_on", "A follow-up is after the installation")

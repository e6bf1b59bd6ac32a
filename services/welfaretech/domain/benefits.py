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

from dataclasses import dataclass
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


HOURS_PLACES = 2
"""Staff minutes become hours rounded to two decimals (half up) on each measurement before
they are compared, as `gains` does; the repository's sums apply the same rounding per
measurement (`round(minutes / 60, HOURS_PLACES)`), so the sums equal the ledgers' sums."""


@dataclass(frozen=True)
class Sums:
    """What is added over the measured loans of a group (a technology, the municipality):
    each loan's baseline and latest follow-up, measure by measure. PostgreSQL adds them up
    (`GROUP BY`); `totals` rounds and derives the figures, so they equal the sums of the
    loans' own ledgers."""

    loans: int
    baseline: dict[str, Decimal]
    """Per reduction measure and felt safety: the sum of the baselines (hours rounded)."""
    follow_up: dict[str, Decimal]
    staff_cost_freed_nok: Decimal
    """Σ (hours freed × the baseline's cost of a staff hour)."""
    device_cost_per_week_nok: Decimal
    """Σ the devices' weekly cost (`weekly_device_cost` of each loan's technology)."""

    def __add__(self, other: Sums) -> Sums:
        return Sums(
            loans=self.loans + other.loans,
            baseline={m: self.baseline[m] + other.baseline[m] for m in SUMMED},
            follow_up={m: self.follow_up[m] + other.follow_up[m] for m in SUMMED},
            staff_cost_freed_nok=self.staff_cost_freed_nok + other.staff_cost_freed_nok,
            device_cost_per_week_nok=self.device_cost_per_week_nok + other.device_cost_per_week_nok,
        )

    @classmethod
    def zero(cls) -> Sums:
        return cls(0, dict.fromkeys(SUMMED, Decimal(0)), dict.fromkeys(SUMMED, Decimal(0)),
                   Decimal(0), Decimal(0))  # fmt: skip

    @classmethod
    def of_loan(
        cls,
        baseline: Measures,
        follow_up: Measures,
        *,
        staff_hour_cost_nok: int,
        device_monthly_cost_nok: int,
    ) -> Sums:
        """One loan's share (what the repository's `GROUP BY` adds, written out in Python)."""
        before, after = _values(baseline), _values(follow_up)
        return cls(
            loans=1,
            baseline=before,
            follow_up=after,
            staff_cost_freed_nok=(before["staff_hours"] - after["staff_hours"])
            * staff_hour_cost_nok,
            device_cost_per_week_nok=weekly_device_cost(device_monthly_cost_nok),
        )


@dataclass(frozen=True)
class Reduction:
    """A measure where less is better, counted per week or per four weeks."""

    measure: str
    kind: GainKind
    unit: str
    per_year: int


REDUCTIONS = (
    Reduction("planned_visits", GainKind.time_saved, "visits/week", WEEKS_PER_YEAR),
    Reduction("night_visits", GainKind.time_saved, "visits/week", WEEKS_PER_YEAR),
    Reduction("staff_hours", GainKind.time_saved, "h/week", WEEKS_PER_YEAR),
    Reduction("falls", GainKind.quality, "falls/4 weeks", PERIODS_PER_YEAR),
    Reduction("admissions", GainKind.avoided_cost, "admissions/4 weeks", PERIODS_PER_YEAR),
)
SUMMED = (*(r.measure for r in REDUCTIONS), "felt_safety")
"""The measures whose baselines and follow-ups are summed, in the ledger's order."""


def _values(measures: Measures) -> dict[str, Decimal]:
    return {
        "planned_visits": measures.planned_visits_per_week,
        "night_visits": measures.night_visits_per_week,
        "staff_hours": _q(measures.staff_minutes_per_week / 60),
        "falls": Decimal(measures.falls_last_4_weeks),
        "admissions": Decimal(measures.admissions_last_4_weeks),
        "felt_safety": Decimal(measures.felt_safety),
    }


@dataclass(frozen=True)
class Total:
    """One measure over several loans: the sums of their baselines and latest follow-ups and
    the gain (the sum of the loans' gains; felt safety: the means and the mean gain)."""

    measure: str
    kind: GainKind
    unit: str
    loans: int
    baseline: Decimal
    follow_up: Decimal
    gain: Decimal
    gain_per_year: Decimal | None


def totals(sums: Sums) -> list[Total]:
    """The figures of a group from its sums, in the ledger's order; each equals the sum (or
    for felt safety the mean) of the loans' own ledger lines."""
    found = [
        Total(
            measure=r.measure,
            kind=r.kind,
            unit=r.unit,
            loans=sums.loans,
            baseline=_q(sums.baseline[r.measure]),
            follow_up=_q(sums.follow_up[r.measure]),
            gain=_q(sums.baseline[r.measure] - sums.follow_up[r.measure]),
            gain_per_year=_q((sums.baseline[r.measure] - sums.follow_up[r.measure]) * r.per_year),
        )
        for r in REDUCTIONS
    ]
    n = sums.loans or 1
    found.append(
        Total(
            measure="felt_safety",
            kind=GainKind.quality,
            unit="scale 1–5",
            loans=sums.loans,
            baseline=_q(sums.baseline["felt_safety"] / n),
            follow_up=_q(sums.follow_up["felt_safety"] / n),
            gain=_q((sums.follow_up["felt_safety"] - sums.baseline["felt_safety"]) / n),
            gain_per_year=None,
        )
    )
    net = sums.staff_cost_freed_nok - sums.device_cost_per_week_nok
    found.append(
        Total(
            measure="net_cost",
            kind=GainKind.avoided_cost,
            unit="NOK/week",
            loans=sums.loans,
            baseline=_q(sums.staff_cost_freed_nok),
            follow_up=_q(sums.device_cost_per_week_nok),
            gain=_q(net),
            gain_per_year=_q(net * WEEKS_PER_YEAR),
        )
    )
    return found


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

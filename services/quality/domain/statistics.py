"""Statistics of deviations: counts by category, unit, risk and period, the heat map
of the risk matrix and the trend, each with the numbers behind it.

Avvik per category and unit and the time to close are among the management
data the plans ask for (domain.md, «Management data»). Small counts are shown
as they are: the numbers carry no person data, and the kvalitetsutvalg needs
to see a single serious event.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from services.quality.domain.risk import LEVELS, level_of
from shared.schemas.quality import DeviationCategory, DeviationStatus, RiskLevel


@dataclass(frozen=True)
class Tally:
    """The period's deviations as PostgreSQL counts them, one breakdown per grouping: a
    register of any size arrives as at most a few hundred numbers. Months are `YYYY-MM`."""

    by_category: Counter[str]
    by_unit: Counter[str]
    by_status: Counter[str]
    by_month_and_grade: Counter[tuple[str, int, int]]
    """(month, consequence, probability) → deviations: the heat map, the risk levels and
    the trend's count and high-risk count are all read from it."""
    serious_by_month: Counter[str]
    median_days_to_close: float | None
    """Of the deviations closed, the median days from reported to closed."""


@dataclass(frozen=True)
class Count:
    key: str
    count: int


@dataclass(frozen=True)
class Cell:
    consequence: int
    probability: int
    risk_level: RiskLevel
    count: int


@dataclass(frozen=True)
class Period:
    period: str
    count: int
    serious: int
    high_risk: int


@dataclass(frozen=True)
class Summary:
    total: int
    serious: int
    open: int
    median_days_to_close: float | None
    by_category: list[Count]
    by_unit: list[Count]
    by_risk_level: list[Count]
    by_status: list[Count]
    heat_map: list[Cell]
    trend: list[Period]


def months_between(first: date, last: date) -> list[str]:
    """Every month from `first` to `last`, so a month without deviations shows as 0."""
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _counts(counter: Counter[str], keys: list[str] | None = None) -> list[Count]:
    if keys is None:
        return [Count(key, n) for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
    return [Count(key, counter.get(key, 0)) for key in keys]


def summarise(tally: Tally, first: date, last: date) -> Summary:
    """Everything the statistics page shows, from the period's tally."""
    cells: Counter[tuple[int, int]] = Counter()
    per_month: Counter[str] = Counter()
    high: Counter[str] = Counter()
    risk: Counter[str] = Counter()
    for (month, consequence, probability), n in tally.by_month_and_grade.items():
        level = level_of(consequence * probability)
        cells[consequence, probability] += n
        per_month[month] += n
        risk[level.value] += n
        if level is RiskLevel.high:
            high[month] += n
    total = sum(per_month.values())
    trend = [
        Period(month, per_month[month], tally.serious_by_month[month], high[month])
        for month in months_between(first, last)
    ]
    return Summary(
        total=total,
        serious=sum(tally.serious_by_month.values()),
        open=total - tally.by_status[DeviationStatus.closed.value],
        median_days_to_close=tally.median_days_to_close,
        by_category=_counts(tally.by_category, [c.value for c in DeviationCategory]),
        by_unit=_counts(tally.by_unit),
        by_risk_level=_counts(risk, [lvl.value for lvl in RiskLevel]),
        by_status=_counts(tally.by_status, [s.value for s in DeviationStatus]),
        heat_map=[
            Cell(c, p, level_of(c * p), cells.get((c, p), 0)) for c in LEVELS for p in LEVELS
        ],
        trend=trend,
    )

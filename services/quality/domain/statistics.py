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
from statistics import median

from services.quality.domain.risk import LEVELS, level_of
from shared.schemas.quality import DeviationCategory, DeviationStatus, RiskLevel


@dataclass(frozen=True)
class Row:
    reported_on: date
    unit: str
    category: DeviationCategory
    consequence: int
    probability: int
    status: DeviationStatus
    is_serious: bool
    closed_on: date | None


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


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


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


def summarise(rows: list[Row], first: date, last: date) -> Summary:
    """Everything the statistics page shows, from the rows in the period."""
    risk = [level_of(r.consequence * r.probability) for r in rows]
    cells = Counter((r.consequence, r.probability) for r in rows)
    days = [(r.closed_on - r.reported_on).days for r in rows if r.closed_on is not None]
    # each row's month once, counted in one pass (not every row again for every month)
    months = [month_of(r.reported_on) for r in rows]
    per_month = Counter(months)
    serious = Counter(m for m, r in zip(months, rows, strict=True) if r.is_serious)
    high = Counter(m for m, lvl in zip(months, risk, strict=True) if lvl is RiskLevel.high)
    trend = [
        Period(month, per_month[month], serious[month], high[month])
        for month in months_between(first, last)
    ]
    return Summary(
        total=len(rows),
        serious=sum(1 for r in rows if r.is_serious),
        open=sum(1 for r in rows if r.status is not DeviationStatus.closed),
        median_days_to_close=float(median(days)) if days else None,
        by_category=_counts(
            Counter(r.category.value for r in rows), [c.value for c in DeviationCategory]
        ),
        by_unit=_counts(Counter(r.unit for r in rows)),
        by_risk_level=_counts(Counter(lvl.value for lvl in risk), [lvl.value for lvl in RiskLevel]),
        by_status=_counts(
            Counter(r.status.value for r in rows), [s.value for s in DeviationStatus]
        ),
        heat_map=[
            Cell(c, p, level_of(c * p), cells.get((c, p), 0)) for c in LEVELS for p in LEVELS
        ],
        trend=trend,
    )

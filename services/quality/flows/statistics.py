"""Statistics and the CSV export, for the units the caller handles."""

from __future__ import annotations

import csv
import io
from datetime import date

from services.quality.domain import access
from services.quality.domain.risk import level_of
from services.quality.domain.statistics import Summary, summarise
from services.quality.flows import Work
from services.quality.models import Deviation
from shared.errors import RuleViolation
from shared.schemas.quality import DeviationCategory

CSV_COLUMNS = [
    "id",
    "reported_on",
    "unit",
    "category",
    "consequence",
    "probability",
    "risk_score",
    "risk_level",
    "is_serious",
    "status",
    "acknowledge_by",
    "acknowledged_on",
    "closed_on",
    "cause_categories",
]


def _check_period(first: date, last: date) -> None:
    if last < first:
        raise RuleViolation("query.last", "The period ends before it starts")
    if (last - first).days > 366 * 5:
        raise RuleViolation("query.first", "Choose a period of at most five years")


def _units(work: Work, first: date, last: date, unit: str | None) -> list[str] | None:
    _check_period(first, last)
    units = access.handled_units(work.user)
    if unit is not None:
        if units is not None and unit not in units:
            raise RuleViolation("query.unit", "You see statistics of your own units only")
        units = [unit]
    return units


async def _rows(
    work: Work, first: date, last: date, unit: str | None, category: DeviationCategory | None
) -> tuple[list[Deviation], list[str] | None]:
    units = _units(work, first, last, unit)
    found = await work.deviations.for_statistics(
        first=first, last=last, units=units, category=category
    )
    return list(found), units


async def summary(
    work: Work, first: date, last: date, unit: str | None, category: DeviationCategory | None
) -> tuple[Summary, list[str] | None]:
    """Counted in PostgreSQL (`DeviationRepo.tally`): no deviation is read, whatever the
    size of the register."""
    units = _units(work, first, last, unit)
    tally = await work.deviations.tally(first=first, last=last, units=units, category=category)
    return summarise(tally, first, last), units


async def export_csv(
    work: Work, first: date, last: date, unit: str | None, category: DeviationCategory | None
) -> str:
    """One row per deviation: codes, grades, dates; no free text, no reporter, no person."""
    deviations, _ = await _rows(work, first, last, unit, category)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for d in deviations:
        writer.writerow(
            [
                d.id,
                d.reported_on.isoformat(),
                d.unit,
                d.category,
                d.consequence,
                d.probability,
                d.risk_score,
                level_of(d.risk_score).value,
                "ja" if d.is_serious else "nei",
                d.status,
                d.acknowledge_by.isoformat(),
                d.acknowledged_on.isoformat() if d.acknowledged_on else "",
                d.closed_on.isoformat() if d.closed_on else "",
                ",".join(sorted({c["category"] for c in d.causes})),
            ]
        )
    return out.getvalue()

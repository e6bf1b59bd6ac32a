"""Deadlines of avvik handling, counted in Norwegian working days."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

DEFAULT_ACKNOWLEDGE_WORKING_DAYS = 5
"""Used when the municipality has set no deadline of its own (a common internal rule)."""


class WorkingDays:
    """Norwegian public holidays (the `holidays` package); weekends are not working days."""

    def __init__(self) -> None:
        self._holidays = holidays.country_holidays("NO")

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._holidays

    def add(self, day: date, count: int) -> date:
        """The `count`-th working day after `day` (0: `day` itself)."""
        while count > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day


@lru_cache(maxsize=1)
def working_days() -> WorkingDays:
    return WorkingDays()


def acknowledge_by(reported_on: date, working_days_allowed: int, calendar: WorkingDays) -> date:
    """The day by which the unit's leader must have received (kvittert ut) the report.

    The forskrift om ledelse og kvalitetsforbedring (§ 7 bokstav f, § 8) asks that
    deviations are followed up without undue delay; the number of working days is
    the municipality's own rule (data, not code), counted from the day it was
    reported, so weekends and public holidays such as Easter do not eat it up."""
    return calendar.add(reported_on, working_days_allowed)


def is_late(deadline: date, on: date) -> bool:
    return on > deadline

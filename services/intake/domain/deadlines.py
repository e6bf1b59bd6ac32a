"""Deadlines the law fixes for a case, counted in Norwegian calendar and working days."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

import holidays

APPEAL_PERIOD = timedelta(weeks=4)


class HolidayCalendar:
    """Norwegian public holidays (the `holidays` package); weekends are not working days."""

    def __init__(self) -> None:
        self._holidays = holidays.country_holidays("NO")

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._holidays

    def next_working_day(self, day: date) -> date:
        """`day` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, day: date, count: int) -> date:
        while count > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day


@lru_cache(maxsize=1)
def norwegian_calendar() -> HolidayCalendar:
    return HolidayCalendar()


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the 31st becomes the month's last day where needed."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def interim_reply_due(received: date) -> date:
    """A foreløpig svar is owed if a case is not decided within a month (fvl § 11 a)."""
    return add_months(received, 1)


def appeal_deadline(received: date, calendar: HolidayCalendar) -> date:
    """Four weeks from the day the person received the decision (pbrl § 7-5, fvl § 29).

    A deadline on a Saturday, Sunday or public holiday moves to the next
    working day (domstolloven § 149, applied to fvl deadlines).
    """
    return calendar.next_working_day(received + APPEAL_PERIOD)


def is_appeal_late(deadline: date, appeal_received: date, sent_on: date | None = None) -> bool:
    """An appeal is in time when it was posted or sent before the deadline ended (fvl § 30),
    whenever it arrived; without a known sending date, its receipt counts. Late appeals are
    registered and flagged, never refused silently (fvl § 31)."""
    return (sent_on or appeal_received) > deadline

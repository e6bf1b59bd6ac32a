"""Deadline arithmetic across Norwegian holidays."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from services.intake.domain.deadlines import (
    add_months,
    appeal_deadline,
    interim_reply_due,
    is_appeal_late,
    norwegian_calendar,
)

CALENDAR = norwegian_calendar()


def test_interim_reply_is_due_one_calendar_month_after_receipt() -> None:
    assert interim_reply_due(date(2026, 3, 10)) == date(2026, 4, 10)


def test_interim_reply_from_the_31st_falls_on_the_last_day_of_a_short_month() -> None:
    assert interim_reply_due(date(2026, 1, 31)) == date(2026, 2, 28)
    assert interim_reply_due(date(2028, 1, 31)) == date(2028, 2, 29)


def test_appeal_deadline_is_four_weeks_after_receipt_on_a_working_day() -> None:
    assert appeal_deadline(date(2026, 10, 1), CALENDAR) == date(2026, 10, 29)


def test_appeal_deadline_skips_easter_monday() -> None:
    # Received Monday 9 March 2026; four weeks later is Easter Monday 6 April.
    assert appeal_deadline(date(2026, 3, 9), CALENDAR) == date(2026, 4, 7)


def test_appeal_deadline_skips_maundy_thursday_good_friday_and_the_weekend() -> None:
    # Four weeks after 5 March 2026 is Maundy Thursday 2 April; then Good Friday, the weekend, Easter Monday.
    assert appeal_deadline(date(2026, 3, 5), CALENDAR) == date(2026, 4, 7)


def test_appeal_deadline_skips_17_may() -> None:
    # 17 May 2027 is a Monday: received 19 April 2027 gives 17 May, moved to 18 May.
    assert appeal_deadline(date(2027, 4, 19), CALENDAR) == date(2027, 5, 18)


def test_appeal_deadline_on_a_saturday_moves_to_monday() -> None:
    assert appeal_deadline(date(2026, 10, 17), CALENDAR) == date(2026, 11, 16)


def test_an_appeal_on_the_deadline_is_in_time_and_the_day_after_is_late() -> None:
    deadline = date(2026, 4, 7)
    assert not is_appeal_late(deadline, deadline)
    assert is_appeal_late(deadline, deadline + timedelta(days=1))


def test_working_days_skip_christmas() -> None:
    assert CALENDAR.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)))
def test_appeal_deadline_is_a_working_day_at_most_five_days_after_four_weeks(
    received: date,
) -> None:
    deadline = appeal_deadline(received, CALENDAR)

    assert CALENDAR.is_working_day(deadline)
    assert timedelta(weeks=4) <= deadline - received <= timedelta(weeks=4, days=5)


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)), st.integers(0, 24))
def test_adding_months_never_overshoots_the_target_month(day: date, months: int) -> None:
    later = add_months(day, months)

    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months

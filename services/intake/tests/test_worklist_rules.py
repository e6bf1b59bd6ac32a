"""Worklist ordering and the appeal state machine."""

from datetime import date

import pytest

from services.intake.domain.appeals import AppealStatus, move
from services.intake.domain.worklist import Kind, Task, is_within, ordered
from shared.errors import Conflict

TODAY = date(2026, 11, 23)


def task(kind: Kind, due: date) -> Task:
    return Task(kind, due, "s", "p", "t")


def test_overdue_tasks_come_first_then_the_nearest() -> None:
    tasks = [
        task(Kind.review_due, date(2026, 12, 1)),
        task(Kind.interim_reply_due, date(2026, 11, 20)),
        task(Kind.decision_ending, date(2026, 11, 25)),
    ]

    result = ordered(tasks, TODAY)

    assert [t.due for t in result] == [date(2026, 11, 20), date(2026, 11, 25), date(2026, 12, 1)]
    assert result[0].is_overdue(TODAY)


def test_the_window_is_six_weeks() -> None:
    assert is_within(date(2027, 1, 4), TODAY)
    assert not is_within(date(2027, 1, 5), TODAY)
    assert not is_within(None, TODAY)


def test_an_appeal_goes_to_statsforvalteren_only_when_upheld() -> None:
    upheld = move(AppealStatus.received, AppealStatus.upheld_by_municipality)
    assert move(upheld, AppealStatus.forwarded) == AppealStatus.forwarded
    with pytest.raises(Conflict):
        move(AppealStatus.received, AppealStatus.forwarded)
    with pytest.raises(Conflict):
        move(AppealStatus.changed_by_municipality, AppealStatus.forwarded)

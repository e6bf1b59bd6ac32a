"""The caseworker's worklist: what is owed, and by when; overdue first.

Care never drops silently: a decision about to end or whose review is due
shows weeks ahead, until a new decision renews, changes or ends it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

LOOKAHEAD = timedelta(weeks=6)
INTERIM_LOOKAHEAD = timedelta(days=7)
COUNT_CAP = 99
"""Each kind's overdue, due-within-a-week and later tasks are counted up to this many; beyond
it the count says «more than 99». What a caseworker needs from a count is whether there is
anything and roughly how much; the page lists the tasks themselves, overdue first. A cap is
what keeps the counts' cost the same in Oslo as in Selbu (docs/performance.md, «The
worklist's counts»)."""


class Kind(StrEnum):
    interim_reply_due = "interim_reply_due"
    interim_reply_renewal_due = "interim_reply_renewal_due"
    """The date a foreløpig svar promised has come: send a new one (or decide)."""
    review_due = "review_due"
    decision_ending = "decision_ending"
    awaiting_approval = "awaiting_approval"
    not_sent = "not_sent"
    appeal_to_reassess = "appeal_to_reassess"


class Scope(StrEnum):
    """Whose tasks a worklist shows."""

    mine = "mine"
    unit = "unit"
    all = "all"


@dataclass(frozen=True)
class Task:
    kind: Kind
    due: date
    subject_id: str
    person_id: str
    title: str
    owner: str | None = None
    """The caseworker who holds the case (registered the application, drafted the decision)."""
    unit: str | None = None
    """The unit the task concerns (the delivering or assessing unit)."""

    def is_in(self, scope: Scope, user: str, units: list[str]) -> bool:
        if scope == Scope.mine:
            return self.owner == user
        if scope == Scope.unit:
            return self.unit is not None and self.unit in units
        return True

    def is_overdue(self, today: date) -> bool:
        return self.due < today


def is_within(due: date | None, today: date, window: timedelta = LOOKAHEAD) -> bool:
    return due is not None and due <= today + window


def ordered(tasks: list[Task], today: date) -> list[Task]:
    """Overdue first, then the nearest deadline."""
    return sorted(tasks, key=lambda task: (not task.is_overdue(today), task.due, task.kind.value))

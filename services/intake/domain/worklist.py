"""The caseworker's worklist: what is owed, and by when; overdue first.

Care never drops silently: a decision about to end or whose review is due
shows weeks ahead, until a new decision renews, changes or ends it. The kinds,
scopes, look-ahead and count cap are here; the tasks themselves, their order and
counts are computed in SQL (`repositories/worklist.py`), so that a worklist
costs the same in any municipality.
"""

from __future__ import annotations

from datetime import timedelta
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

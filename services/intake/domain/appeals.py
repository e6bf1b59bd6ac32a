"""Appeals (klage): registered even when late, re-assessed by the municipality, then forwarded."""

from __future__ import annotations

from enum import StrEnum

from shared.errors import Conflict
from shared.schemas.intake import AppealStatus


class GovernorOutcome(StrEnum):
    """What Statsforvalteren decided."""

    upheld = "upheld"
    changed = "changed"
    repealed_and_returned = "repealed_and_returned"
    dismissed = "dismissed"


_NEXT = {
    AppealStatus.received: {
        AppealStatus.changed_by_municipality,
        AppealStatus.partly_changed_by_municipality,
        AppealStatus.upheld_by_municipality,
    },
    AppealStatus.upheld_by_municipality: {AppealStatus.forwarded},
    AppealStatus.partly_changed_by_municipality: {AppealStatus.forwarded},
    AppealStatus.forwarded: {AppealStatus.closed},
    AppealStatus.changed_by_municipality: set(),
    AppealStatus.closed: set(),
}


CHANGING = (AppealStatus.changed_by_municipality, AppealStatus.partly_changed_by_municipality)
"""Results that name the new decision replacing the appealed one."""


def move(current: AppealStatus, target: AppealStatus) -> AppealStatus:
    """The municipality may change its decision (fvl § 33); what it upholds, wholly or in part,
    goes on to the appeal body."""
    if target not in _NEXT[current]:
        raise Conflict(f"An appeal that is {current.value} cannot become {target.value}")
    return target

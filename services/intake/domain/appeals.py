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
        AppealStatus.upheld_by_municipality,
    },
    AppealStatus.upheld_by_municipality: {AppealStatus.forwarded},
    AppealStatus.forwarded: {AppealStatus.closed},
    AppealStatus.changed_by_municipality: set(),
    AppealStatus.closed: set(),
}


def move(current: AppealStatus, target: AppealStatus) -> AppealStatus:
    """The municipality may change its decision (fvl § 33); if it upholds it, the case goes on."""
    if target not in _NEXT[current]:
        raise Conflict(f"An appeal that is {current.value} cannot become {target.value}")
    return target

"""The waiting list for a long-term place (hol § 3-2 a): offer, answer, priority, removal.

A person who meets the criteria for a long-term place but gets none at once
is put on the municipality's waiting list, and must receive safe services
while waiting.
"""

from __future__ import annotations

from shared.errors import Conflict
from shared.schemas.intake import WaitingAction, WaitingStatus

OPEN = (WaitingStatus.waiting, WaitingStatus.offered)

_NEXT: dict[tuple[WaitingStatus, WaitingAction], WaitingStatus] = {
    (WaitingStatus.waiting, WaitingAction.offer): WaitingStatus.offered,
    (WaitingStatus.offered, WaitingAction.accept): WaitingStatus.accepted,
    (WaitingStatus.offered, WaitingAction.decline): WaitingStatus.waiting,
    (WaitingStatus.waiting, WaitingAction.remove): WaitingStatus.removed,
    (WaitingStatus.offered, WaitingAction.remove): WaitingStatus.removed,
    (WaitingStatus.waiting, WaitingAction.prioritise): WaitingStatus.waiting,
    (WaitingStatus.offered, WaitingAction.prioritise): WaitingStatus.offered,
}


def step(current: WaitingStatus, action: WaitingAction) -> WaitingStatus:
    """The status after `action`, or a 409 when the entry cannot take it where it is."""
    target = _NEXT.get((current, action))
    if target is None:
        raise Conflict(f"An entry that is {current.value} cannot be given '{action.value}'")
    return target

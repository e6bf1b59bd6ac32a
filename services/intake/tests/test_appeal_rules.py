"""The appeal state machine (the worklist's order is tested through the API and its plans)."""

import pytest

from services.intake.domain.appeals import AppealStatus, move
from shared.errors import Conflict


def test_an_appeal_goes_to_statsforvalteren_only_when_upheld() -> None:
    upheld = move(AppealStatus.received, AppealStatus.upheld_by_municipality)
    assert move(upheld, AppealStatus.forwarded) == AppealStatus.forwarded
    with pytest.raises(Conflict):
        move(AppealStatus.received, AppealStatus.forwarded)
    with pytest.raises(Conflict):
        move(AppealStatus.changed_by_municipality, AppealStatus.forwarded)

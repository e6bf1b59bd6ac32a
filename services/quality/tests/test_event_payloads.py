"""Quality's event payloads carry ids, codes, dates and counts: a deviation's description,
its causes' wording and a survey's answers stay behind the API."""

import pytest

import shared.schemas.quality as contracts
from shared.schemas.events import EventPayload, payload_problems

PAYLOADS = sorted(
    (m for m in EventPayload.registry.values() if m.__module__ == contracts.__name__),
    key=lambda m: m.event_type,
)
HEALTH_TYPES: tuple[type, ...] = ()
"""Quality's enums name categories, risks and statuses, none of them about a person."""


def test_quality_declares_its_payload_models_here() -> None:
    assert {m.event_type for m in PAYLOADS} >= {
        "deviation.reported",
        "deviation.closed",
        "survey.answered",
        "audit.completed",
    }


@pytest.mark.parametrize("model", PAYLOADS, ids=lambda m: f"{m.event_type}.v{m.event_version}")
def test_a_payload_carries_ids_codes_and_dates_only(model: type[EventPayload]) -> None:
    assert payload_problems(model, HEALTH_TYPES) == []

"""The catalogue's event payloads carry ids, codes and dates: the reference data itself
is read through the API."""

import pytest

import shared.schemas.catalogue as contracts
from shared.schemas.events import EventPayload, payload_problems

PAYLOADS = sorted(
    (m for m in EventPayload.registry.values() if m.__module__ == contracts.__name__),
    key=lambda m: m.event_type,
)
HEALTH_TYPES: tuple[type, ...] = ()
"""The catalogue holds no one's health data."""


def test_catalogue_declares_its_payload_models_here() -> None:
    assert {m.event_type for m in PAYLOADS} >= {
        "care_level.created",
        "service_type.created",
        "criteria.versioned",
        "unit.created",
    }


@pytest.mark.parametrize("model", PAYLOADS, ids=lambda m: f"{m.event_type}.v{m.event_version}")
def test_a_payload_carries_ids_codes_and_dates_only(model: type[EventPayload]) -> None:
    assert payload_problems(model, HEALTH_TYPES) == []

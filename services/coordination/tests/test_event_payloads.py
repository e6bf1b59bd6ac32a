"""Coordination's event payloads carry ids, codes and dates: a plan's goals, a request's
description and a meeting's minutes stay behind the API."""

import pytest

import shared.schemas.coordination as contracts
from shared.schemas.events import EventPayload, payload_problems

PAYLOADS = sorted(
    (m for m in EventPayload.registry.values() if m.__module__ == contracts.__name__),
    key=lambda m: m.event_type,
)
HEALTH_TYPES: tuple[type, ...] = ()
"""Coordination's enums name kinds and statuses, none of them health facts."""


def test_coordination_declares_its_payload_models_here() -> None:
    assert {m.event_type for m in PAYLOADS} >= {
        "coordination_request.received",
        "plan.activated",
        "plan.revised",
        "meeting.held",
    }


@pytest.mark.parametrize("model", PAYLOADS, ids=lambda m: f"{m.event_type}.v{m.event_version}")
def test_a_payload_carries_ids_codes_and_dates_only(model: type[EventPayload]) -> None:
    assert payload_problems(model, HEALTH_TYPES) == []


@pytest.mark.parametrize("model", PAYLOADS, ids=lambda m: f"{m.event_type}.v{m.event_version}")
def test_a_payload_names_the_person_it_concerns(model: type[EventPayload]) -> None:
    """So that reading it in the feed is written to that person's access log."""
    assert "person_id" in model.model_fields or model.subject_is_person

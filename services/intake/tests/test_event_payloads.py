"""Intake's event payloads carry ids, codes, dates and what changed: no free text, no need
level, follow-ups, facts or considerations (consumers read those through the API)."""

import pytest

import shared.schemas.intake as contracts
from shared.schemas.events import EventPayload, payload_problems
from shared.schemas.intake import BpaReason, BpaRightStatus

PAYLOADS = sorted(
    (m for m in EventPayload.registry.values() if m.__module__ == contracts.__name__),
    key=lambda m: m.event_type,
)
HEALTH_TYPES: tuple[type, ...] = (BpaReason, BpaRightStatus)
"""What an assessment found: shown through the API only, with need to know."""


def test_intake_declares_its_payload_models_here() -> None:
    assert {m.event_type for m in PAYLOADS} >= {
        "application.received",
        "decision.made",
        "decision.ended",
        "welfare_technology.requested",
        "municipality_settings.changed",
        "emergency_access.granted",
    }


@pytest.mark.parametrize("model", PAYLOADS, ids=lambda m: f"{m.event_type}.v{m.event_version}")
def test_a_payload_carries_ids_codes_and_dates_only(model: type[EventPayload]) -> None:
    assert payload_problems(model, HEALTH_TYPES) == []


@pytest.mark.parametrize("model", PAYLOADS, ids=lambda m: f"{m.event_type}.v{m.event_version}")
def test_a_payload_names_the_person_it_concerns(model: type[EventPayload]) -> None:
    """So that reading it in the feed is written to that person's access log; an event
    about the municipality's settings says it concerns no one."""
    assert ("person_id" in model.model_fields or model.subject_is_person) != model.about_no_person

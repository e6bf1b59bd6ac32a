"""Welfare technology's event payloads carry ids, codes and dates: the needs and the consent
capacity an assessment found stay behind the API."""

import pytest

import shared.schemas.welfaretech as contracts
from shared.schemas.events import EventPayload, payload_problems
from shared.schemas.welfaretech import ConsentCapacity, Need, ReplaceableCare

PAYLOADS = sorted(
    (m for m in EventPayload.registry.values() if m.__module__ == contracts.__name__),
    key=lambda m: m.event_type,
)
HEALTH_TYPES: tuple[type, ...] = (Need, ConsentCapacity, ReplaceableCare)
"""What an assessment (kartlegging) found about the person."""


def test_welfaretech_declares_its_payload_models_here() -> None:
    assert {m.event_type for m in PAYLOADS} >= {
        "wt_assessment.completed",
        "loan.started",
        "loan.ended",
        "benefit.measured",
    }


@pytest.mark.parametrize("model", PAYLOADS, ids=lambda m: f"{m.event_type}.v{m.event_version}")
def test_a_payload_carries_ids_codes_and_dates_only(model: type[EventPayload]) -> None:
    assert payload_problems(model, HEALTH_TYPES) == []


@pytest.mark.parametrize("model", PAYLOADS, ids=lambda m: f"{m.event_type}.v{m.event_version}")
def test_a_payload_names_the_person_it_concerns(model: type[EventPayload]) -> None:
    """So that reading it in the feed is written to that person's access log."""
    assert "person_id" in model.model_fields or model.subject_is_person

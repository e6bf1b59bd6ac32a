"""The event payload tests every service runs, written once.

A service's `tests/test_event_payloads.py` subclasses `EventPayloadTests` as a `Test...`
class naming its contracts module (`shared.schemas.<service>`), the event types that must be
among its payload models, and its own enums of health facts; pytest then runs, for each
payload model of that module, the walker of `shared.schemas.events.payload_problems` (ids,
codes, dates and what changed: no free text, no health content) and, for a service whose
events are about persons, the check that each names the person it concerns.
"""

from __future__ import annotations

from types import ModuleType
from typing import ClassVar

import pytest

from shared.schemas.events import EventPayload, payload_problems


def payload_models(contracts: ModuleType) -> list[type[EventPayload]]:
    """The payload models declared in `contracts`, in the order of their event type."""
    return sorted(
        (m for m in EventPayload.registry.values() if m.__module__ == contracts.__name__),
        key=lambda m: (m.event_type, m.event_version),
    )


def _model_id(model: type[EventPayload]) -> str:
    return f"{model.event_type}.v{model.event_version}"


class EventPayloadTests:
    """Subclass as `Test<Service>EventPayloads` and set the class attributes below."""

    contracts: ModuleType
    """The service's module of contracts, e.g. `shared.schemas.intake`."""
    declared: ClassVar[frozenset[str]]
    """Event types that must be among the module's payload models (so that a model moved
    elsewhere is not silently left untested)."""
    health_types: ClassVar[tuple[type, ...]] = ()
    """The service's enums of health facts: a payload field of one of them is refused."""
    about_persons: ClassVar[bool] = True
    """Whether the service's events concern persons: then each one names the person
    (`person_id`, or `subject_is_person`) unless it says it concerns no one
    (`about_no_person`), so that reading it in the feed reaches that person's access log."""

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        if "model" in metafunc.fixturenames:
            models = payload_models(self.contracts)
            metafunc.parametrize("model", models, ids=[_model_id(m) for m in models])

    def test_the_service_declares_its_payload_models_in_its_contracts(self) -> None:
        assert {m.event_type for m in payload_models(self.contracts)} >= self.declared

    def test_a_payload_carries_ids_codes_and_dates_only(self, model: type[EventPayload]) -> None:
        assert payload_problems(model, self.health_types) == []

    def test_a_payload_names_the_person_it_concerns(self, model: type[EventPayload]) -> None:
        names_a_person = "person_id" in model.model_fields or model.subject_is_person
        if self.about_persons:
            assert names_a_person != model.about_no_person
        else:
            assert not names_a_person, "this service's events concern no person"

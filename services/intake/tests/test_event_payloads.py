"""Intake's event payloads carry ids, codes, dates and what changed: no free text, no need
level, follow-ups, facts or considerations (consumers read those through the API). Each names
the person it concerns, but the municipality's settings, which concern no one."""

import shared.schemas.intake as contracts
from dev.testing_events import EventPayloadTests
from shared.schemas.intake import BpaReason, BpaRightStatus


class TestIntakeEventPayloads(EventPayloadTests):
    contracts = contracts
    declared = frozenset(
        {
            "application.received",
            "decision.made",
            "decision.ended",
            "welfare_technology.requested",
            "municipality_settings.changed",
            "emergency_access.granted",
        }
    )
    health_types = (BpaReason, BpaRightStatus)
    """What an assessment found: shown through the API only, with need to know."""

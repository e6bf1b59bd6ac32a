"""Coordination's event payloads carry ids, codes and dates: a plan's goals, a request's
description and a meeting's minutes stay behind the API. Each names the person it concerns."""

import shared.schemas.coordination as contracts
from dev.testing_events import EventPayloadTests


class TestCoordinationEventPayloads(EventPayloadTests):
    contracts = contracts
    declared = frozenset(
        {"coordination_request.received", "plan.activated", "plan.revised", "meeting.held"}
    )
    health_types = ()
    """Coordination's enums name kinds and statuses, none of them health facts."""

"""Welfare technology's event payloads carry ids, codes and dates: the needs and the consent
capacity an assessment found stay behind the API. Each names the person it concerns."""

import shared.schemas.welfaretech as contracts
from dev.testing_events import EventPayloadTests
from shared.schemas.welfaretech import ConsentCapacity, Need, ReplaceableCare


class TestWelfaretechEventPayloads(EventPayloadTests):
    contracts = contracts
    declared = frozenset(
        {"wt_assessment.completed", "loan.started", "loan.ended", "benefit.measured"}
    )
    health_types = (Need, ConsentCapacity, ReplaceableCare)
    """What an assessment (kartlegging) found about the person."""

"""Quality's event payloads carry ids, codes, dates and counts: a deviation's description,
its causes' wording and a survey's answers stay behind the API, and no event names a person."""

import shared.schemas.quality as contracts
from dev.testing_events import EventPayloadTests


class TestQualityEventPayloads(EventPayloadTests):
    contracts = contracts
    declared = frozenset(
        {"deviation.reported", "deviation.closed", "survey.answered", "audit.completed"}
    )
    health_types = ()
    """Quality's enums name categories, risks and statuses, none of them about a person."""
    about_persons = False

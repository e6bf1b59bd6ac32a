"""The catalogue's event payloads carry ids, codes and dates: the reference data itself
is read through the API."""

import shared.schemas.catalogue as contracts
from dev.testing_events import EventPayloadTests


class TestCatalogueEventPayloads(EventPayloadTests):
    contracts = contracts
    declared = frozenset(
        {"care_level.created", "service_type.created", "criteria.versioned", "unit.created"}
    )
    health_types = ()
    """The catalogue holds no one's health data."""
    about_persons = False

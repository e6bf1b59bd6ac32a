"""The catalogue's feed: each change writes one typed event in its own transaction."""

from collections.abc import Callable

import httpx

from dev.testing import auth
from services.catalogue.tests.conftest import make_service
from shared.schemas.catalogue import CriteriaVersioned, ServiceTypeCreated, UnitCreated
from shared.schemas.events import EventEnvelope

API = "/api/catalogue/v1"


async def test_each_write_is_in_the_feed_as_its_typed_payload(
    client: httpx.AsyncClient,
    admin: dict[str, str],
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    await make_service(client, admin)
    await client.post(
        f"{API}/service-types/hjemmesykepleie/criteria",
        json={"effective_from": "2025-01-01", "text": {"nb": "Strengere."}, "conditions": []},
        headers=admin,
    )
    await client.post(
        f"{API}/units",
        json={
            "code": "sone-nord",
            "name": "Sone nord",
            "kind": "home_care_zone",
            "services": [{"service_type": "hjemmesykepleie"}],
        },
        headers=admin,
    )

    feed = await client.get(
        f"{API}/events",
        headers=auth(token_factory("systemintegrasjon", municipality=municipality)),
    )

    events = [EventEnvelope.model_validate(item) for item in feed.json()["items"]]
    assert [(e.type, e.version, e.subject) for e in events] == [
        ("care_level.created", 1, "1"),
        ("service_type.created", 1, "hjemmesykepleie"),
        ("criteria.versioned", 1, "hjemmesykepleie"),
        ("unit.created", 1, "sone-nord"),
    ]
    created, versioned, unit = (e.payload() for e in events[1:])
    assert isinstance(created, ServiceTypeCreated)
    assert (created.care_level, created.criteria_version) == ("1", 1)
    assert isinstance(versioned, CriteriaVersioned)
    assert (versioned.version, versioned.effective_from.isoformat()) == (2, "2025-01-01")
    assert isinstance(unit, UnitCreated)
    assert unit.service_types == ["hjemmesykepleie"]

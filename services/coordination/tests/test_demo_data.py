"""The demo data fits intake's demo persons (read through intake's API), loads once, and gives
the inbox, the plans, the worklist and the overview something to show."""

from collections.abc import AsyncIterator, Callable
from datetime import date

import httpx
import pytest

from dev.issuer import SigningKey
from dev.testing import RunningServer, auth, settings_kwargs
from services.catalogue.app import create_app as create_catalogue
from services.catalogue.seed import seed_url as seed_catalogue_url
from services.catalogue.settings import CatalogueSettings
from services.coordination.seed import read_intake, seed
from services.coordination.tests.conftest import API
from services.intake.seed import PERSONS, read_catalogue
from services.intake.seed import seed as seed_intake
from shared.db import create_engine, create_sessionmaker

COORDINATORS = {
    "3207": ("koordinator-nordrefollo", "Martin Haugen"),
    "5032": ("koordinator-selbu", "Ola Flønes"),
}


@pytest.fixture(scope="module")
async def catalogue_server(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[RunningServer]:
    settings = CatalogueSettings(**settings_kwargs("catalogue", database_urls, signing_key))
    server = RunningServer(create_catalogue(settings))
    await server.start()
    yield server
    await server.stop()


@pytest.fixture(scope="module")
async def seeded(
    database_urls: dict[str, str],
    catalogue_server: RunningServer,
    intake_server: RunningServer,
    token_factory: Callable[..., str],
) -> int:
    """Catalogue and intake by their own loaders; coordination's read through intake's API."""
    await seed_catalogue_url(database_urls["catalogue"])
    catalogues, intake = {}, {}
    for number in PERSONS:
        headers = auth(token_factory("saksbehandler", municipality=number))
        async with httpx.AsyncClient(base_url=catalogue_server.url, headers=headers) as client:
            catalogues[number] = await read_catalogue(client)
    engine = create_engine(database_urls["intake"])
    await seed_intake(create_sessionmaker(engine), catalogues, today=date.today())
    await engine.dispose()
    for number in PERSONS:
        headers = auth(token_factory("saksbehandler", municipality=number))
        async with httpx.AsyncClient(
            base_url=intake_server.url, headers=headers, timeout=30
        ) as client:
            intake[number] = await read_intake(client, number)
    engine = create_engine(database_urls["coordination"])
    sessionmaker = create_sessionmaker(engine)
    added = await seed(sessionmaker, intake, COORDINATORS)
    again = await seed(sessionmaker, intake, COORDINATORS)
    await engine.dispose()
    assert again == 0, "a second run must add nothing"
    return added


def koordinator(token_factory: Callable[..., str], number: str = "3207") -> dict[str, str]:
    sub, name = COORDINATORS[number]
    return auth(token_factory("koordinator", municipality=number, sub=sub, name=name))


async def test_the_inbox_has_requests_waiting_longest_first(
    seeded: int, client: httpx.AsyncClient, token_factory: Callable[..., str]
) -> None:
    inbox = (await client.get(f"{API}/requests", headers=koordinator(token_factory))).json()[
        "items"
    ]

    assert len(inbox) >= 3
    assert [r["received_on"] for r in inbox] == sorted(r["received_on"] for r in inbox)
    assert "system" in {r["source"] for r in inbox}


async def test_the_koordinator_has_active_and_draft_plans_a_child_and_handed_over_persons(
    seeded: int, client: httpx.AsyncClient, token_factory: Callable[..., str]
) -> None:
    headers = koordinator(token_factory)

    caseload = (await client.get(f"{API}/caseload", headers=headers)).json()
    active = next(c for c in caseload if c["plan_status"] == "active" and c["overdue_measures"])
    plan = (await client.get(f"{API}/plans/{active['plan_id']}", headers=headers)).json()
    overview = (await client.get(f"{API}/overview", headers=headers)).json()

    assert {c["plan_status"] for c in caseload} >= {"active", "draft", None}
    assert "child_coordinator" in {c["kind"] for c in caseload}
    assert plan["goals"] and plan["team"] and plan["has_consent"]
    assert overview["active_plans"] == 3
    assert overview["recent_hand_overs"]
    assert overview["without_coordinator"]


async def test_the_worklist_shows_what_is_overdue_and_missing(
    seeded: int, client: httpx.AsyncClient, token_factory: Callable[..., str]
) -> None:
    leader = auth(token_factory("leder", municipality="3207", units=["hjemmetjenesten-ski"]))

    mine = (await client.get(f"{API}/worklist", headers=koordinator(token_factory))).json()
    units = (await client.get(f"{API}/worklist", headers=leader)).json()

    assert {"evaluation_overdue", "measure_overdue", "meeting_without_minutes"} <= {
        i["kind"] for i in mine
    }
    assert "missing_primary_contact" in {i["kind"] for i in units}

"""The demo persons load once, through the domain rules, and give the worklist something to do."""

from collections.abc import Callable
from datetime import date

import httpx
import pytest
from sqlalchemy import text

from dev.testing import RunningServer, auth, tenant_connection
from services.catalogue.seed import seed_url as seed_catalogue_url
from services.intake.seed import PERSONS, read_catalogue, seed
from shared.db import create_engine, create_sessionmaker

API = "/api/intake/v1"


@pytest.fixture(scope="module")
async def seeded(
    database_urls: dict[str, str],
    catalogue_server: RunningServer,
    token_factory: Callable[..., str],
) -> int:
    """The demo catalogue loaded by the catalogue's own loader, then read through its API."""
    await seed_catalogue_url(database_urls["catalogue"])
    catalogues = {}
    for number in PERSONS:
        headers = auth(token_factory("saksbehandler", municipality=number))
        async with httpx.AsyncClient(base_url=catalogue_server.url, headers=headers) as client:
            catalogues[number] = await read_catalogue(client)
    engine = create_engine(database_urls["intake"])
    sessionmaker = create_sessionmaker(engine)
    await seed(sessionmaker, catalogues, today=date(2026, 11, 23))
    again = await seed(sessionmaker, catalogues, today=date(2026, 11, 23))
    await engine.dispose()
    assert again == 0, "a second run must add nothing"
    loaded = 0
    for number in PERSONS:
        async with tenant_connection(database_urls["intake"], number) as connection:
            loaded += await connection.scalar(text("SELECT count(*) FROM persons"))
    return loaded


async def test_the_demo_municipalities_get_a_few_hundred_persons(seeded: int) -> None:
    """Other services' tests may have loaded them first (coordination's demo also registers a
    child through intake's API); either way the demo persons are there, once."""
    assert seeded >= sum(PERSONS.values()) >= 200


async def test_a_demo_person_is_found_and_has_a_history(
    seeded: int, client: httpx.AsyncClient, token_factory: Callable[..., str]
) -> None:
    headers = auth(token_factory("saksbehandler", municipality="3207"))

    found = (
        await client.get(f"{API}/persons", params={"q": "hansen", "limit": 5}, headers=headers)
    ).json()
    person = found["items"][0]
    timeline = (await client.get(f"{API}/persons/{person['id']}/timeline", headers=headers)).json()

    assert person["national_id_masked"].endswith("*****")
    assert timeline


async def test_the_demo_worklist_and_waiting_list_have_entries(
    seeded: int, client: httpx.AsyncClient, token_factory: Callable[..., str]
) -> None:
    headers = auth(token_factory("leder", municipality="5032"))

    worklist = (await client.get(f"{API}/worklist", headers=headers)).json()["items"]
    waiting = (await client.get(f"{API}/waiting-list", headers=headers)).json()

    assert worklist and {i["kind"] for i in worklist} & {
        "review_due",
        "interim_reply_due",
        "appeal_to_reassess",
    }
    assert waiting

"""The demo municipalities' catalogues, built from their plans, loaded through the real loader."""

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from dev.testing import auth, tenant_connection
from services.catalogue.demo import MUNICIPALITIES
from services.catalogue.seed import seed
from shared.db import create_engine, create_sessionmaker

API = "/api/catalogue/v1"
NORDRE_FOLLO, SELBU = "3207", "5032"


@pytest.fixture(scope="module")
async def seeded(database_urls: dict[str, str]) -> tuple[int, int]:
    """What loading the demo catalogue added, and what loading it again added."""
    engine = create_engine(database_urls["catalogue"])
    sessionmaker: async_sessionmaker[AsyncSession] = create_sessionmaker(engine)
    added = await seed(sessionmaker)
    added_again = await seed(sessionmaker)
    await engine.dispose()
    return added, added_again


def headers_for(token_factory: Callable[..., str], municipality: str) -> dict[str, str]:
    return auth(token_factory("saksbehandler", municipality=municipality))


async def service(client: httpx.AsyncClient, headers: dict[str, str], code: str) -> dict[str, Any]:
    response = await client.get(f"{API}/service-types/{code}", headers=headers)
    assert response.status_code == 200, code
    return response.json()  # type: ignore[no-any-return]


async def all_services(client: httpx.AsyncClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    page = (await client.get(f"{API}/service-types", params={"limit": 500}, headers=headers)).json()
    return page["items"]  # type: ignore[no-any-return]


async def test_the_demo_data_loads_once(
    seeded: tuple[int, int], database_urls: dict[str, str]
) -> None:
    """Loading adds what is missing: everything into an empty catalogue, nothing when an
    earlier test of the session loaded it already. Loading again adds nothing, and then each
    demo municipality has its profile and every care level, service type and unit of its
    data."""
    added, added_again = seeded
    everything = sum(
        1 + len(m["care_levels"]) + len(m["service_types"]) + len(m["units"])
        for m in MUNICIPALITIES
    )
    tables = ("care_levels", "service_types", "units")
    codes: dict[tuple[str, str], set[str]] = {}
    profiles: dict[str, int] = {}
    for data in MUNICIPALITIES:
        number = data["number"]
        async with tenant_connection(database_urls["catalogue"], number) as connection:
            for table in tables:
                rows = await connection.execute(
                    text(f"SELECT code FROM {table} WHERE municipality = :m"), {"m": number}
                )
                codes[number, table] = set(rows.scalars())
            profiles[number] = await connection.scalar(
                text("SELECT count(*) FROM municipality_profiles WHERE municipality = :m"),
                {"m": number},
            )

    assert added in (0, everything), added
    assert added_again == 0, "a second run must add nothing"
    for data in MUNICIPALITIES:
        assert profiles[data["number"]] == 1
        for table in tables:
            assert {item["code"] for item in data[table]} <= codes[data["number"], table], table


@pytest.mark.parametrize("municipality", [NORDRE_FOLLO, SELBU])
async def test_each_demo_municipality_has_a_full_staircase(
    seeded: tuple[int, int],
    client: httpx.AsyncClient,
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    headers = headers_for(token_factory, municipality)

    levels = (await client.get(f"{API}/care-levels", headers=headers)).json()["items"]
    services = await all_services(client, headers)

    assert [level["rank"] for level in levels] == sorted(level["rank"] for level in levels)
    assert len(levels) >= 4
    assert len(services) >= 15
    assert {s["care_level"]["code"] for s in services} == {level["code"] for level in levels}
    purposes = {s["purpose"] for s in services if s["purpose"]}
    assert purposes == {"rehabilitation", "assessment", "respite", "palliative"}
    assert any(not s["requires_decision"] for s in services), "open, low-threshold services exist"


async def test_selbu_bpa_follows_the_plans_rule(
    seeded: tuple[int, int], client: httpx.AsyncClient, token_factory: Callable[..., str]
) -> None:
    headers = headers_for(token_factory, SELBU)
    bpa = next(s for s in await all_services(client, headers) if "bpa" in s["code"])

    detail = await service(client, headers, bpa["code"])

    criteria = detail["current_criteria"]
    assert "under 67 år" in criteria["text"]["nb"]
    assert "fortsetter etter 67" in criteria["text"]["nb"]
    metrics = {c["metric"]: (c["op"], c["value"]) for c in criteria["conditions"] if "metric" in c}
    assert "age" not in metrics, "the age rule is the law's (pbrl § 2-1 d), checked in intake"
    assert metrics["assessed_hours_per_week"] == (">=", 25), "the 25–32 band is not hidden"
    assert detail["requires_decision"]
    assert detail["is_bpa"] is True
    assert (await service(client, headers, "hjemmesykepleie"))["is_bpa"] is False


async def test_nordre_follo_long_term_stay_needs_lower_levels_tried(
    seeded: tuple[int, int], client: httpx.AsyncClient, token_factory: Callable[..., str]
) -> None:
    headers = headers_for(token_factory, NORDRE_FOLLO)
    long_term = [s for s in await all_services(client, headers) if "langtid" in s["code"]]

    detail = await service(client, headers, long_term[0]["code"])

    assert detail["requires_lower_level_review"] and detail["is_long_term_place"]
    assert "døgnkontinuerlig" in detail["current_criteria"]["text"]["nb"]
    conditions = detail["current_criteria"]["conditions"]
    assert {"metric": "lower_levels_tried", "op": "==", "value": True} in conditions


async def test_the_demo_units_deliver_home_nursing(
    seeded: tuple[int, int], client: httpx.AsyncClient, token_factory: Callable[..., str]
) -> None:
    for municipality, unit in (
        (NORDRE_FOLLO, "hjemmetjenesten-ski"),
        (SELBU, "hjemmetjenesten-selbu"),
    ):
        headers = headers_for(token_factory, municipality)
        detail = await service(client, headers, "hjemmesykepleie")
        assert unit in [u["code"] for u in detail["units"]]


async def test_some_demo_criteria_have_a_history(
    seeded: tuple[int, int], client: httpx.AsyncClient, token_factory: Callable[..., str]
) -> None:
    headers = headers_for(token_factory, SELBU)
    histories = []
    for summary in await all_services(client, headers):
        versions = (
            await client.get(f"{API}/service-types/{summary['code']}/criteria", headers=headers)
        ).json()
        histories.append(len(versions["items"]))

    assert max(histories) >= 2

"""The demo-municipality generator (`make demo`): realistic counts, every row valid by the
services' own rules, the same municipality for the same seed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from dev import testing
from dev.demo import AGE_BANDS, GENERATED_BY, Generator, generate
from dev.issuer import SigningKey
from dev.testing import RunningServer, auth, open_client, settings_kwargs, tenant_connection
from services.catalogue.app import create_app as create_catalogue
from services.catalogue.seed import seed_url as seed_catalogue_url
from services.catalogue.settings import CatalogueSettings
from services.intake.app import create_app as create_intake
from services.intake.seed import HOME_SERVICES, LONG_TERM, read_catalogue
from services.intake.settings import IntakeSettings
from shared.national_id import parse_national_id
from shared.schemas.catalogue import ServiceTypeRead

API = "/api/intake/v1"
INHABITANTS = 4000
TODAY = date(2026, 11, 30)
CATALOGUE_OF = "3207"


@pytest.fixture(scope="module")
async def services(
    database_urls: dict[str, str], signing_key: SigningKey, token_factory: Callable[..., str]
) -> list[ServiceTypeRead]:
    """Nordre Follo's service types, loaded by the catalogue's loader and read through its API."""
    await seed_catalogue_url(database_urls["catalogue"])
    server = RunningServer(
        create_catalogue(
            CatalogueSettings(**settings_kwargs("catalogue", database_urls, signing_key))
        )
    )
    await server.start()
    try:
        headers = auth(token_factory("saksbehandler", municipality=CATALOGUE_OF))
        async with httpx.AsyncClient(base_url=server.url, headers=headers) as client:
            return await read_catalogue(client)
    finally:
        await server.stop()


@pytest.fixture(scope="module")
def town() -> str:
    """A municipality number of this module's own, from the pool the `municipality` fixture
    draws from (that fixture is per test; this municipality is shared by the module)."""
    while (code := testing._shuffled[next(testing._codes)]) in testing.DEMO_MUNICIPALITIES:
        pass
    return code


@pytest.fixture(scope="module")
async def generated(
    database_urls: dict[str, str], services: list[ServiceTypeRead], town: str
) -> dict[str, int]:
    return await generate(database_urls["intake"], town, services, INHABITANTS, seed=7, today=TODAY)


@pytest.fixture(scope="module")
async def intake(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[httpx.AsyncClient]:
    settings = IntakeSettings(**settings_kwargs("intake", database_urls, signing_key))
    async for client in open_client(create_intake(settings)):
        yield client


async def _rows(database_url: str, town: str, sql: str) -> list[Any]:
    async with tenant_connection(database_url, town) as connection:
        return list((await connection.execute(text(sql), {"today": TODAY})).all())


def _age(born: date) -> int:
    return TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))


def _band_of(age: int) -> int:
    return next(i for i, band in enumerate(AGE_BANDS) if band.low <= age <= band.high)


async def test_the_ages_are_spread_like_a_norwegian_municipality(
    generated: dict[str, int], database_urls: dict[str, str], town: str
) -> None:
    born = await _rows(database_urls["intake"], town, "SELECT birth_date FROM persons")
    per_band = [0] * len(AGE_BANDS)
    for (birth_date,) in born:
        per_band[_band_of(min(_age(birth_date), AGE_BANDS[-1].high))] += 1

    assert len(born) == generated["persons"] == INHABITANTS
    for band, count in zip(AGE_BANDS, per_band, strict=True):
        assert abs(count / INHABITANTS - band.share) < 0.02, (band, count)


async def test_services_are_used_per_age_group_like_the_national_figures(
    generated: dict[str, int], database_urls: dict[str, str], town: str
) -> None:
    """About one in ten aged 67+ with home-based services, more above 80; about 3 in 10 aged
    90+ in a long-term place."""
    home = ", ".join(f"'{code}'" for code in HOME_SERVICES)
    long_term = ", ".join(f"'{code}'" for code in LONG_TERM)
    rows = await _rows(
        database_urls["intake"],
        town,
        f"""SELECT p.birth_date,
                   bool_or(d.service_type IN ({home})),
                   bool_or(d.service_type IN ({long_term}) AND w.id IS NULL)
              FROM persons p
              JOIN decisions d ON d.person_id = p.id
                   AND d.status = 'in_force' AND d.outcome = 'granted'
              LEFT JOIN waiting_list w ON w.decision_id = d.id
             GROUP BY p.id, p.birth_date""",
    )
    everyone = await _rows(database_urls["intake"], town, "SELECT birth_date FROM persons")
    aged = [_age(b) for (b,) in everyone]
    home_by_age = [_age(b) for b, has_home, _ in rows if has_home]
    placed_by_age = [_age(b) for b, _, placed in rows if placed]

    def share(ages: list[int], low: int, high: int = 200) -> float:
        within = sum(1 for a in aged if low <= a <= high)
        return sum(1 for a in ages if low <= a <= high) / within

    assert 0.06 < share(home_by_age, 67) < 0.14
    assert share(home_by_age, 80) > share(home_by_age, 67, 79)
    assert 0.12 < share(placed_by_age, 90) < 0.5
    assert share(placed_by_age, 0, 66) < 0.005
    under_67 = sum(1 for a in home_by_age if a < 67) / len(home_by_age)
    assert 0.3 < under_67 < 0.6, "nationally about half of home-based services go to under-67s"


async def test_every_national_id_is_a_valid_synthetic_one_matching_the_birth_date(
    generated: dict[str, int], database_urls: dict[str, str], town: str
) -> None:
    rows = await _rows(database_urls["intake"], town, "SELECT national_id, birth_date FROM persons")

    for national_id, birth_date in rows:
        parsed = parse_national_id(national_id, allow_synthetic=True, today=TODAY)
        assert parsed.is_synthetic and parsed.birth_date == birth_date
    assert len({national_id for national_id, _ in rows}) == len(rows)


async def test_casework_dates_follow_each_other(
    generated: dict[str, int], database_urls: dict[str, str], town: str
) -> None:
    url = database_urls["intake"]
    out_of_order = await _rows(
        url,
        town,
        """SELECT 'assessment' FROM assessments s JOIN applications a ON a.id = s.application_id
            WHERE s.assessed_on < a.received_on OR s.assessed_on > :today
           UNION ALL
           SELECT 'decision' FROM decisions d JOIN applications a ON a.id = d.application_id
            WHERE d.made_on < a.received_on OR d.made_on > :today
               OR d.received_on < d.sent_on OR d.review_on < d.made_on
               OR d.ended_on > :today
           UNION ALL
           SELECT 'appeal' FROM appeals p JOIN decisions d ON d.id = p.decision_id
            WHERE p.received_on < d.made_on OR p.received_on > :today
           UNION ALL
           SELECT 'application' FROM applications a JOIN persons p ON p.id = a.person_id
            WHERE a.received_on > :today OR a.received_on < p.birth_date""",
    )
    counts = await _rows(
        url,
        town,
        f"""SELECT (SELECT count(*) FROM applications WHERE registered_by = '{GENERATED_BY}'),
                   (SELECT count(*) FROM appeals), (SELECT count(*) FROM waiting_list),
                   (SELECT count(*) FROM decisions WHERE status = 'draft')""",
    )

    assert out_of_order == []
    applications, appeals, waiting, drafts = counts[0]
    assert applications == generated["applications"] > INHABITANTS * 0.02
    assert appeals > 0 and waiting > 0 and drafts > 0


async def _all_pages(client: httpx.AsyncClient, path: str, headers: dict[str, str]) -> list[Any]:
    items: list[Any] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        response = await client.get(f"{API}{path}", params=params, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            return items


async def test_every_generated_row_reads_back_through_intakes_api(
    generated: dict[str, int],
    intake: httpx.AsyncClient,
    token_factory: Callable[..., str],
    town: str,
) -> None:
    """Lists of persons, applications, decisions and appeals, the worklist and the waiting
    list, and the page and timeline of everyone with a case: all answer 200 with every row."""
    headers = auth(token_factory("saksbehandler", municipality=town))

    persons = await _all_pages(intake, "/persons", headers)
    applications = await _all_pages(intake, "/applications", headers)
    decisions = await _all_pages(intake, "/decisions", headers)
    appeals = await _all_pages(intake, "/appeals", headers)
    worklist = await intake.get(f"{API}/worklist", headers=headers)
    waiting = await intake.get(f"{API}/waiting-list", headers=headers)
    with_cases = {a["person"]["id"] for a in applications}
    for person_id in sorted(with_cases):
        page = await intake.get(f"{API}/persons/{person_id}", headers=headers)
        timeline = await intake.get(f"{API}/persons/{person_id}/timeline", headers=headers)
        assert page.status_code == timeline.status_code == 200, (page.text, timeline.text)

    assert len(persons) == generated["persons"]
    assert len(applications) == generated["applications"]
    assert len(decisions) == generated["decisions"]
    assert len(appeals) == generated["appeals"]
    assert worklist.status_code == 200 and worklist.json()
    assert waiting.status_code == 200 and len(waiting.json()) == generated["waiting_list"]


def test_the_same_seed_gives_the_same_municipality(services: list[ServiceTypeRead]) -> None:
    first = Generator("9872", services, 11, TODAY).generate(500)
    again = Generator("9872", services, 11, TODAY).generate(500)
    other = Generator("9872", services, 12, TODAY).generate(500)

    assert first == again
    assert first.persons != other.persons

"""Quality over HTTP against its test database, with the real intake on a loopback port, so
links to decisions are checked for real. Links to plans go to a real service that serves no
plans endpoint (the catalogue standing in), and links to loans to a port nobody listens on."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from dev.issuer import SigningKey
from dev.testing import RunningServer, auth, open_client, settings_kwargs, tenant_connection
from services.catalogue.app import create_app as create_catalogue
from services.catalogue.settings import CatalogueSettings
from services.intake.app import create_app as create_intake
from services.intake.settings import IntakeSettings
from services.quality.app import create_app
from services.quality.settings import QualitySettings
from shared.clock import today

API = "/api/quality/v1"
UNIT = "hjemmetjenesten-ski"
OTHER_UNIT = "hjemmetjenesten-kolbotn"


@pytest.fixture(scope="session")
async def intake_server(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[RunningServer]:
    settings = IntakeSettings(**settings_kwargs("intake", database_urls, signing_key))
    server = RunningServer(create_intake(settings))
    await server.start()
    yield server
    if server.task is not None:
        await server.stop()


@pytest.fixture(scope="session")
async def server_without_plans(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[RunningServer]:
    """A real Mestring service that has no `/api/coordination/v1/plans/{id}`."""
    settings = CatalogueSettings(**settings_kwargs("catalogue", database_urls, signing_key))
    server = RunningServer(create_catalogue(settings))
    await server.start()
    yield server
    await server.stop()


@pytest.fixture(scope="session")
async def client(
    database_urls: dict[str, str],
    signing_key: SigningKey,
    intake_server: RunningServer,
    server_without_plans: RunningServer,
) -> AsyncIterator[httpx.AsyncClient]:
    settings = QualitySettings(
        **settings_kwargs("quality", database_urls, signing_key),
        intake_url=intake_server.url,
        coordination_url=server_without_plans.url,
        welfaretech_url="http://127.0.0.1:9",
        http_retries=0,
    )
    async for http in open_client(create_app(settings)):
        yield http


@pytest.fixture
def today_is(client: httpx.AsyncClient) -> Iterator[Callable[[date], None]]:
    app = client._transport.app  # type: ignore[attr-defined]

    def _set(day: date) -> None:
        app.dependency_overrides[today] = lambda: day

    yield _set
    app.dependency_overrides.pop(today, None)


@pytest.fixture
def headers_for(
    token_factory: Callable[..., str], municipality: str
) -> Callable[..., dict[str, str]]:
    """`headers_for("leder", units=[...], sub=...)` → Authorization for this municipality."""

    def _headers(role: str, **claims: Any) -> dict[str, str]:
        return auth(token_factory(role, municipality=municipality, **claims))

    return _headers


@pytest.fixture
def nurse(headers_for: Callable[..., dict[str, str]]) -> dict[str, str]:
    return headers_for("helsepersonell", units=[UNIT], sub="nurse-1", name="Aisha Rahman")


@pytest.fixture
def leader(headers_for: Callable[..., dict[str, str]]) -> dict[str, str]:
    return headers_for("leder", units=[UNIT], sub="leader-1", name="Kari Nordby")


@pytest.fixture
def quality_lead(headers_for: Callable[..., dict[str, str]]) -> dict[str, str]:
    return headers_for("kvalitetsleder", sub="ql-1", name="Per Ødegård")


def report_body(**overrides: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    body: dict[str, Any] = {
        "occurred_at": (now - timedelta(hours=3)).isoformat(),
        "discovered_at": (now - timedelta(hours=1)).isoformat(),
        "unit": UNIT,
        "place": "Hos bruker, Storgata 1",
        "category": "medication",
        "what_happened": "Kveldsdosen ble gitt to timer for sent.",
        "immediate_action": "Lege kontaktet, ingen tiltak nødvendig.",
        "consequence": 2,
        "probability": 3,
    }
    return {**body, **overrides}


async def report(
    client: httpx.AsyncClient, headers: dict[str, str], **overrides: Any
) -> dict[str, Any]:
    response = await client.post(
        f"{API}/deviations", json=report_body(**overrides), headers=headers
    )
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def step(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    deviation: dict[str, Any],
    path: str,
    body: dict[str, Any],
    method: str = "POST",
) -> httpx.Response:
    return await client.request(
        method,
        f"{API}/deviations/{deviation['id']}/{path}",
        json=body,
        headers={**headers, "If-Match": f'"{deviation["version"]}"'},
    )


INVESTIGATION = {
    "investigation": "Medisinlisten var ikke oppdatert etter legebesøket.",
    "causes": [
        {"category": "routines", "description": "Ingen rutine for oppdatering etter legebesøk"},
        {"category": "staffing", "is_underlying": True, "description": "Én på vakt"},
    ],
}
CLOSING = {
    "learning_summary": "Ny rutine: medisinlisten oppdateres samme dag.",
    "outcome_for_reporter": "Takk for meldingen. Rutinen er endret.",
}


async def decision_in_intake(database_urls: dict[str, str], municipality: str) -> uuid.UUID:
    """A made decision in intake's own database (arranged directly: quality never does this)."""
    person_id, decision_id = uuid.uuid4(), uuid.uuid4()
    async with tenant_connection(database_urls["intake"], municipality) as connection:
        await connection.execute(
            text(
                "INSERT INTO persons (id, national_id, given_name, family_name, birth_date, "
                "search_text, address, preferred_language, needs_interpreter) VALUES "
                "(:id, :nid, 'Åse', 'Ødegård', '1940-05-01', 'ase odegard', '{}', 'nb', false)"
            ),
            {"id": person_id, "nid": str(uuid.uuid4().int)[:11]},
        )
        await connection.execute(
            text(
                "INSERT INTO decisions (id, person_id, service_type, service_name, "
                "care_level_rank, is_long_term_place, outcome, scope_unit, unit, facts, "
                "considerations, legal_basis, lower_levels, rights, language, status, drafted_by)"
                " VALUES (:id, :person, 'hjemmesykepleie', '{\"nb\": \"Hjemmesykepleie\"}', 3, "
                "false, 'granted', 'hours_per_week', :unit, 'Fakta', 'Vurdering', '[]', '[]', "
                "'{}', 'nb', 'made', 'test')"
            ),
            {"id": decision_id, "person": person_id, "unit": UNIT},
        )
    return decision_id

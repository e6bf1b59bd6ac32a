"""Welfaretech over HTTP against its test database, with the real intake and catalogue on
loopback ports (intake owns the persons), and the quality service wherever a test puts it."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import date
from typing import Any

import httpx
import pytest

from dev.issuer import SigningKey
from dev.testing import RunningServer, auth, free_port, open_client, settings_kwargs
from services.catalogue.app import create_app as create_catalogue
from services.catalogue.settings import CatalogueSettings
from services.intake.app import create_app as create_intake
from services.intake.settings import IntakeSettings
from services.quality.app import create_app as create_quality
from services.quality.settings import QualitySettings
from services.welfaretech.app import create_app
from services.welfaretech.settings import WelfaretechSettings
from shared.clock import today
from shared.national_id import make_synthetic

API = "/api/welfaretech/v1"
INTAKE = "/api/intake/v1"
UNIT = "hjemmetjenesten-ski"
_random = random.Random(20261130)


@pytest.fixture(scope="session")
async def catalogue_server(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[RunningServer]:
    settings = CatalogueSettings(**settings_kwargs("catalogue", database_urls, signing_key))
    server = RunningServer(create_catalogue(settings))
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def quality_up_later(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[Callable[[], Awaitable[RunningServer]]]:
    """Starts the real quality service on the port welfaretech calls when the test says so."""
    servers: list[RunningServer] = []

    async def _start() -> RunningServer:
        settings = QualitySettings(**settings_kwargs("quality", database_urls, signing_key))
        server = RunningServer(create_quality(settings))
        server.port, server.url = QUALITY_PORT, f"http://127.0.0.1:{QUALITY_PORT}"
        await server.start()
        servers.append(server)
        return server

    yield _start
    for server in servers:
        await server.stop()


@pytest.fixture(scope="session")
async def intake_server(
    database_urls: dict[str, str], signing_key: SigningKey, catalogue_server: RunningServer
) -> AsyncIterator[RunningServer]:
    settings = IntakeSettings(
        **settings_kwargs("intake", database_urls, signing_key), catalogue_url=catalogue_server.url
    )
    server = RunningServer(create_intake(settings))
    await server.start()
    yield server
    if server.task is not None:
        await server.stop()


QUALITY_PORT = free_port()
"""Nothing listens here unless a test starts the quality service on it."""


@pytest.fixture
async def quality_up(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[RunningServer]:
    """The real quality service, on the port welfaretech calls."""
    app = create_quality(QualitySettings(**settings_kwargs("quality", database_urls, signing_key)))
    server = RunningServer(app)
    server.port, server.url = QUALITY_PORT, f"http://127.0.0.1:{QUALITY_PORT}"
    await server.start()
    yield server
    await server.stop()


@pytest.fixture(scope="session")
async def client(
    database_urls: dict[str, str], signing_key: SigningKey, intake_server: RunningServer
) -> AsyncIterator[httpx.AsyncClient]:
    settings = WelfaretechSettings(
        **settings_kwargs("welfaretech", database_urls, signing_key),
        intake_url=intake_server.url,
        quality_url=f"http://127.0.0.1:{QUALITY_PORT}",
        http_retries=0,
        http_connect_timeout=0.5,
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
    def _headers(role: str, **claims: Any) -> dict[str, str]:
        return auth(token_factory(role, municipality=municipality, **claims))

    return _headers


@pytest.fixture
def team(headers_for: Callable[..., dict[str, str]]) -> dict[str, str]:
    return headers_for("velferdsteknolog", name="Jonas Berg")


def synthetic_national_id() -> str:
    born = date(_random.randint(1925, 1955), _random.randint(1, 12), _random.randint(1, 28))
    while True:
        number = make_synthetic(born, _random.randint(0, 499))
        if number:
            return number


async def register_person(intake: RunningServer, headers: dict[str, str]) -> dict[str, Any]:
    body = {
        "national_id": synthetic_national_id(),
        "given_name": "Åse",
        "family_name": "Ødegård",
        "address": {"street": "Storgata 1", "postcode": "1400", "city": "Ski"},
        "relatives": [],
        "representatives": [],
    }
    async with httpx.AsyncClient(base_url=intake.url) as http:
        response = await http.post(f"{INTAKE}/persons", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


@pytest.fixture
async def person(
    intake_server: RunningServer, headers_for: Callable[..., dict[str, str]]
) -> dict[str, Any]:
    """A person registered in intake (by the allocation office) in this test's municipality."""
    return await register_person(intake_server, headers_for("saksbehandler"))


TECHNOLOGIES: list[dict[str, Any]] = [
    {
        "code": "trygghetsalarm",
        "kind": "safety_alarm",
        "name": {"nb": "Trygghetsalarm", "nn": "Tryggleiksalarm", "en": "Safety alarm"},
        "purpose": "Varsle responssenteret ved fall eller utrygghet.",
        "iso9999": "22 27 18",
        "needs": ["fall_risk", "night_safety"],
        "can_replace": ["planlagte tilsynsbesøk"],
        "requirements": ["mobildekning", "strøm"],
        "contraindications": ["kan ikke bruke alarmknapp"],
        "is_alarm_or_location": True,
        "response_chain": ["responssenter", "hjemmetjenesten"],
        "supplier": "Leverandør AS",
        "model": "Alarm 4G",
        "monthly_cost_nok": 250,
        "user_fee_monthly_nok": 180,
    },
    {
        "code": "gps-klokke",
        "kind": "location_technology",
        "name": {"nb": "GPS-klokke"},
        "purpose": "Finne personen når hen går seg bort.",
        "iso9999": "22 27 18",
        "kpr_service_code": "26",
        "needs": ["wandering"],
        "is_alarm_or_location": True,
        "monthly_cost_nok": 200,
    },
    {
        "code": "medisindispenser",
        "kind": "medication_dispenser",
        "name": {"nb": "Elektronisk medisindispenser"},
        "purpose": "Riktig dose til riktig tid.",
        "iso9999": "04 19 04",
        "kpr_service_code": "27",
        "needs": ["medication_management"],
        "is_alarm_or_location": False,
        "monthly_cost_nok": 400,
    },
    {
        "code": "fallsensor",
        "kind": "fall_sensor",
        "name": {"nb": "Fallsensor"},
        "purpose": "Varsler fall.",
        "iso9999": "22 27 18",
        "is_alarm_or_location": True,
        "monthly_cost_nok": 150,
    },
    {
        "code": "e-las",
        "kind": "electronic_door_lock",
        "name": {"nb": "Elektronisk dørlås"},
        "purpose": "Hjemmetjenesten kommer inn ved alarm.",
        "iso9999": "18 12 09",
        "is_alarm_or_location": False,
    },
]


@pytest.fixture
async def catalogue(client: httpx.AsyncClient, team: dict[str, str]) -> list[str]:
    for body in TECHNOLOGIES:
        response = await client.post(f"{API}/technologies", json=body, headers=team)
        assert response.status_code == 201, response.text
    return [t["code"] for t in TECHNOLOGIES]


def assessment_body(person_id: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "person_id": person_id,
        "assessed_on": "2026-03-16",
        "needs": ["fall_risk"],
        "abilities": {
            "can_use_button": True,
            "hears_alarm": True,
            "sees_display": True,
            "understands_device": True,
        },
        "environment": {
            "housing": "Enebolig",
            "has_mobile_coverage": True,
            "has_broadband": False,
            "has_stove": True,
            "has_key_box": True,
        },
        "own_goals": ["Bo hjemme og føle meg trygg om natten"],
        "consent_capacity": "yes",
        "consent_given": True,
        "unit": UNIT,
    }
    return {**body, **overrides}


REFLECTION = {
    "situation": "Går ut om natten og finner ikke hjem.",
    "parties": "Personen, datteren, hjemmetjenesten.",
    "values": "Selvbestemmelse, trygghet, integritet.",
    "dilemma": "Frihet til å gå ut mot risiko for å gå seg bort.",
    "alternatives": "GPS-klokke, dørsensor, flere besøk, skjermet enhet.",
    "consequences": "GPS gir frihet med trygghet; skjermet enhet tar friheten.",
    "what_should_be_done": "Prøve GPS-klokke i åtte uker.",
    "follow_up": "Evaluere med datteren etter åtte uker.",
}

CONDITIONS = {
    "prevents_harm": "Har gått seg bort tre ganger siste måned.",
    "in_persons_interest": "Kan fortsette å gå tur alene.",
    "proportionate": "Lokalisering bare når hen ikke kommer hjem.",
    "least_intrusive": "Mindre inngripende enn skjermet enhet.",
    "would_have_consented": "Sa tidligere at hen ville bo hjemme lengst mulig.",
    "relatives_heard": "Datteren er hørt 10.03.2026 og støtter tiltaket.",
}


async def assess(
    client: httpx.AsyncClient, team: dict[str, str], person_id: str, **overrides: Any
) -> dict[str, Any]:
    response = await client.post(
        f"{API}/assessments", json=assessment_body(person_id, **overrides), headers=team
    )
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def recommended(assessment: dict[str, Any], code: str) -> dict[str, Any]:
    return next(r for r in assessment["recommendations"] if r["technology"]["code"] == code)


async def accept(
    client: httpx.AsyncClient,
    team: dict[str, str],
    recommendation: dict[str, Any],
    **overrides: Any,
) -> dict[str, Any]:
    body = {
        "accept": True,
        "reason": "Trygghet om natten",
        "provider": "municipal_loan",
        "decided_on": "2026-03-16",
        **overrides,
    }
    response = await client.post(
        f"{API}/recommendations/{recommendation['id']}/decide",
        json=body,
        headers={**team, "If-Match": f'"{recommendation["version"]}"'},
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


async def add_device(
    client: httpx.AsyncClient, team: dict[str, str], technology: str, serial: str | None = None
) -> dict[str, Any]:
    body = {"technology": technology, "serial": serial or f"SN-{_random.randint(10**6, 10**7)}"}
    response = await client.post(f"{API}/devices", json=body, headers=team)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def loan_body(recommendation_id: str, device_id: str, **overrides: Any) -> dict[str, Any]:
    return {
        "recommendation_id": recommendation_id,
        "device_id": device_id,
        "unit": UNIT,
        "installed_on": "2026-03-18",
        "alarm_chain_tested": True,
        **overrides,
    }


async def lend_alarm(
    client: httpx.AsyncClient, team: dict[str, str], person_id: str, **overrides: Any
) -> dict[str, Any]:
    """Assess, accept the safety alarm, install a device: the loan."""
    assessment = await assess(client, team, person_id)
    recommendation = await accept(client, team, recommended(assessment, "trygghetsalarm"))
    device = await add_device(client, team, "trygghetsalarm")
    response = await client.post(
        f"{API}/loans",
        json=loan_body(recommendation["id"], device["id"], **overrides),
        headers=team,
    )
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]

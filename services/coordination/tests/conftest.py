"""Coordination over HTTP against its test database, with the real intake on a loopback port
(persons and decisions are read from it, its feed is consumed over HTTP)."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date
from typing import Any

import httpx
import pytest

from dev.issuer import SigningKey
from dev.testing import RunningServer, auth, free_port, open_client, settings_kwargs
from services.coordination.app import create_app
from services.coordination.settings import CoordinationSettings
from services.intake.app import create_app as create_intake
from services.intake.settings import IntakeSettings
from shared.clock import today
from shared.national_id import make_synthetic

API = "/api/coordination/v1"
INTAKE = "/api/intake/v1"
UNIT = "hjemmetjenesten-ski"
OTHER_UNIT = "dagsenter-ski"
_random = random.Random(20261130)


@pytest.fixture(scope="session")
async def intake_server(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[RunningServer]:
    settings = IntakeSettings(**settings_kwargs("intake", database_urls, signing_key))
    server = RunningServer(create_intake(settings))
    await server.start()
    yield server
    await server.stop()


def coordination_settings(
    database_urls: dict[str, str], signing_key: SigningKey, intake_url: str
) -> CoordinationSettings:
    return CoordinationSettings(
        **settings_kwargs("coordination", database_urls, signing_key),
        intake_url=intake_url,
        http_retries=0,
        feed_enabled=False,
    )


@pytest.fixture(scope="session")
async def client(
    database_urls: dict[str, str], signing_key: SigningKey, intake_server: RunningServer
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(coordination_settings(database_urls, signing_key, intake_server.url))
    async for http in open_client(app):
        yield http


@pytest.fixture(scope="session")
async def client_without_intake(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[httpx.AsyncClient]:
    """The same service and database, but intake does not answer (nothing on its port)."""
    dead = f"http://127.0.0.1:{free_port()}"
    async for http in open_client(
        create_app(coordination_settings(database_urls, signing_key, dead))
    ):
        yield http


@pytest.fixture
async def intake(intake_server: RunningServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=intake_server.url, timeout=10) as http:
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
def coordinator(headers_for: Callable[..., dict[str, str]]) -> dict[str, str]:
    return headers_for("koordinator", sub="koord-1", name="Martin Haugen")


@pytest.fixture
def other_coordinator(headers_for: Callable[..., dict[str, str]]) -> dict[str, str]:
    return headers_for("koordinator", sub="koord-2", name="Liv Koordinator")


@pytest.fixture
def caseworker(headers_for: Callable[..., dict[str, str]]) -> dict[str, str]:
    return headers_for("saksbehandler", sub="case-1", name="Ingrid Solberg")


@pytest.fixture
def nurse(headers_for: Callable[..., dict[str, str]]) -> dict[str, str]:
    return headers_for("helsepersonell", units=[UNIT], sub="nurse-1", name="Aisha Rahman")


@pytest.fixture
def leader(headers_for: Callable[..., dict[str, str]]) -> dict[str, str]:
    return headers_for("leder", units=[UNIT], sub="leader-1", name="Kari Nordby")


def national_id(born: date) -> str:
    while True:
        number = make_synthetic(born, _random.randint(0, 499))
        if number:
            return number


async def register_person(
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    born: date | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    """A person in the real intake, with a guardian whose scope covers health."""
    born = born or date(1948, 5, 17)
    body = {
        "national_id": national_id(born),
        "given_name": "Åse",
        "family_name": "Ødegård",
        "address": {"street": "Storgata 1", "postcode": "1400", "city": "Ski"},
        "relatives": [
            {
                "name": "Kari Ødegård",
                "relation": "datter",
                "is_next_of_kin": True,
                "information_scope": "health",
            }
        ],
        "representatives": [
            {
                "kind": "guardian",
                "name": "Per Verge",
                "scope": "Personlige og helsemessige forhold",
            },
            {"kind": "power_of_attorney", "name": "Ola Fullmakt", "scope": "Økonomi"},
        ],
        **overrides,
    }
    response = await intake.post(f"{INTAKE}/persons", json=body, headers=caseworker)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def submit_request(
    client: httpx.AsyncClient, headers: dict[str, str], person_id: str, **overrides: Any
) -> dict[str, Any]:
    body = {
        "person_id": person_id,
        "source": "relative",
        "wants_plan": True,
        "wants_coordinator": True,
        "received_on": "2026-11-02",
        "submitted_by": "Kari Ødegård (datter)",
        "description": "Mor har mange tjenester og ingen som holder i trådene.",
        **overrides,
    }
    response = await client.post(f"{API}/requests", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def take_request(
    client: httpx.AsyncClient, coordinator: dict[str, str], request: dict[str, Any]
) -> dict[str, Any]:
    """Grant an individual plan and a koordinator, and become the koordinator."""
    response = await client.post(
        f"{API}/requests/{request['id']}/assessment",
        json={
            "outcome": "granted",
            "grants_plan": True,
            "grants_coordinator": True,
            "reasons": "Langvarige og koordinerte tjenester fra flere enheter.",
            "coordinator": {},
        },
        headers={**coordinator, "If-Match": f'"{request["version"]}"'},
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


async def person_with_plan(
    client: httpx.AsyncClient,
    intake: httpx.AsyncClient,
    caseworker: dict[str, str],
    coordinator: dict[str, str],
    **person: Any,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A person in intake, a granted request with the caller as koordinator, a draft plan."""
    registered = await register_person(intake, caseworker, **person)
    request = await submit_request(client, caseworker, registered["id"])
    await take_request(client, coordinator, request)
    response = await client.post(
        f"{API}/plans",
        json={"person_id": registered["id"], "request_id": request["id"]},
        headers=coordinator,
    )
    assert response.status_code == 201, response.text
    return registered, response.json()


def goal(text: str, life_area: str = "daily_living") -> dict[str, Any]:
    return {"life_area": life_area, "text": text}


async def save(
    client: httpx.AsyncClient, headers: dict[str, str], plan: dict[str, Any], **content: Any
) -> httpx.Response:
    body = {
        "goals": plan["goals"],
        "measures": plan["measures"],
        "team": plan["team"],
        "next_evaluation_on": plan["next_evaluation_on"],
        **content,
    }
    return await client.put(
        f"{API}/plans/{plan['id']}",
        json=body,
        headers={**headers, "If-Match": f'"{plan["version"]}"'},
    )


async def consent(
    client: httpx.AsyncClient, headers: dict[str, str], plan_id: str, **overrides: Any
) -> dict[str, Any]:
    body = {"given_by_kind": "person", "given_on": "2026-11-10", **overrides}
    response = await client.post(f"{API}/plans/{plan_id}/consents", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]

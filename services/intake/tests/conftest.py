"""Intake over HTTP against its test database, with the real catalogue on a loopback port."""

import random
from collections.abc import AsyncIterator, Callable
from datetime import date
from typing import Any

import httpx
import pytest

from services.catalogue.app import create_app as create_catalogue
from services.catalogue.settings import CatalogueSettings
from services.intake.app import create_app
from services.intake.settings import IntakeSettings
from shared.dev.issuer import SigningKey
from shared.national_id import make_synthetic
from shared.testing import RunningServer, auth, open_client, settings_kwargs

API = "/api/intake/v1"
_random = random.Random(20261123)


@pytest.fixture(scope="session")
async def catalogue_server(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[RunningServer]:
    settings = CatalogueSettings(**settings_kwargs("catalogue", database_urls, signing_key))
    server = RunningServer(create_catalogue(settings))
    await server.start()
    yield server
    await server.stop()


@pytest.fixture(scope="session")
async def client(
    database_urls: dict[str, str], signing_key: SigningKey, catalogue_server: RunningServer
) -> AsyncIterator[httpx.AsyncClient]:
    settings = IntakeSettings(
        **settings_kwargs("intake", database_urls, signing_key), catalogue_url=catalogue_server.url
    )
    async for http in open_client(create_app(settings)):
        yield http


@pytest.fixture
def caseworker(token_factory: Callable[..., str], municipality: str) -> dict[str, str]:
    return auth(token_factory("saksbehandler", municipality=municipality))


@pytest.fixture
def headers_for(
    token_factory: Callable[..., str], municipality: str
) -> Callable[[str], dict[str, str]]:
    def _headers(role: str) -> dict[str, str]:
        return auth(token_factory(role, municipality=municipality))

    return _headers


@pytest.fixture
async def catalogue_services(
    catalogue_server: RunningServer, token_factory: Callable[..., str], municipality: str
) -> list[str]:
    """This test's municipality gets two service types in the real catalogue."""
    admin = auth(token_factory("admin", municipality=municipality))
    level = {
        "code": "3",
        "rank": 3,
        "name": {"nb": "Hjemmebaserte tjenester"},
        "description": {"nb": "Hjemme."},
    }
    async with httpx.AsyncClient(base_url=catalogue_server.url) as catalogue:
        await catalogue.post("/api/catalogue/v1/care-levels", json=level, headers=admin)
        for code, name in (
            ("hjemmesykepleie", "Hjemmesykepleie"),
            ("praktisk-bistand", "Praktisk bistand"),
        ):
            body = {
                "code": code,
                "care_level": "3",
                "name": {"nb": name},
                "description": {"nb": name},
                "requires_decision": True,
                "scope_unit": "hours_per_week",
                "user_fee": {"kind": "none"},
                "active_from": "2020-01-01",
            }
            response = await catalogue.post(
                "/api/catalogue/v1/service-types", json=body, headers=admin
            )
            assert response.status_code == 201, response.text
    return ["hjemmesykepleie", "praktisk-bistand"]


def synthetic_national_id(born: date | None = None) -> str:
    born = born or date(_random.randint(1925, 1960), _random.randint(1, 12), _random.randint(1, 28))
    while True:
        number = make_synthetic(born, _random.randint(0, 499))
        if number:
            return number


def person_body(**overrides: Any) -> dict[str, Any]:
    body = {
        "national_id": synthetic_national_id(),
        "given_name": "Åse",
        "family_name": "Ødegård",
        "address": {"street": "Storgata 1", "postcode": "1400", "city": "Ski"},
        "phone": "+47 900 00 000",
        "relatives": [
            {
                "name": "Kari Ødegård",
                "relation": "datter",
                "is_next_of_kin": True,
                "information_scope": "health",
                "can_help_with": "Handling på lørdager",
            }
        ],
        "representatives": [
            {"kind": "power_of_attorney", "name": "Kari Ødegård", "scope": "Økonomi"}
        ],
        "gp": {"name": "Dr. Hansen", "practice": "Ski legesenter"},
    }
    return {**body, **overrides}


async def register_person(
    client: httpx.AsyncClient, headers: dict[str, str], **overrides: Any
) -> dict[str, Any]:
    response = await client.post(f"{API}/persons", json=person_body(**overrides), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def application_body(person_id: str, **overrides: Any) -> dict[str, Any]:
    body = {
        "person_id": person_id,
        "channel": "phone",
        "received_on": "2026-03-10",
        "applicant_kind": "relative",
        "applicant_name": "Kari Ødegård",
        "services": [{"service_type": "hjemmesykepleie"}],
        "what_matters": "Å klare meg hjemme og gå tur med hunden.",
        "consent_to_obtain_information": True,
    }
    return {**body, **overrides}

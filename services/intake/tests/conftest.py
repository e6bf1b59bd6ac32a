"""Intake over HTTP against its test database, with the real catalogue on a loopback port."""

import random
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date
from typing import Any

import httpx
import pytest

from dev.issuer import SigningKey
from dev.testing import RunningServer, auth, open_client, settings_kwargs
from services.catalogue.app import create_app as create_catalogue
from services.catalogue.settings import CatalogueSettings
from services.intake.app import create_app
from services.intake.settings import IntakeSettings
from shared.clock import today
from shared.national_id import make_synthetic

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
def today_is(client: httpx.AsyncClient) -> Iterator[Callable[[date], None]]:
    """Set the service's clock (the `Today` dependency) for this test."""
    app = client._transport.app  # type: ignore[attr-defined]

    def _set(day: date) -> None:
        app.dependency_overrides[today] = lambda: day

    yield _set
    app.dependency_overrides.pop(today, None)


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


CATALOGUE_LEVELS = [
    ("2", 2, "Tidlig innsats"),
    ("3", 3, "Hjemmebaserte tjenester"),
    ("5", 5, "Institusjon"),
]
CATALOGUE_SERVICES: list[dict[str, Any]] = [
    {
        "code": "trygghetsalarm",
        "care_level": "2",
        "name": {"nb": "Trygghetsalarm"},
        "scope_unit": "none",
        "criteria": [{"metric": "has_fall_risk", "op": "==", "value": True}],
    },
    {
        "code": "hjemmesykepleie",
        "care_level": "3",
        "name": {"nb": "Hjemmesykepleie"},
        "scope_unit": "hours_per_week",
        "criteria": [{"metric": "adl_mean", "op": ">=", "value": 2}],
    },
    {
        "code": "praktisk-bistand",
        "care_level": "3",
        "name": {"nb": "Praktisk bistand"},
        "scope_unit": "hours_per_week",
        "criteria": [{"metric": "iadl_mean", "op": ">=", "value": 4}],
    },
    {
        "code": "bpa",
        "care_level": "3",
        "name": {"nb": "Brukerstyrt personlig assistanse"},
        "scope_unit": "hours_per_week",
        "requires_lower_level_review": True,
        "is_bpa": True,
        "legal_basis": [
            {"law": "pasient- og brukerrettighetsloven", "short": "pbrl", "section": "§ 2-1 d"}
        ],
        "criteria": [{"metric": "age", "op": "<", "value": 67}],
    },
    {
        "code": "langtidsopphold",
        "care_level": "5",
        "name": {"nb": "Langtidsopphold i sykehjem"},
        "scope_unit": "place",
        "requires_lower_level_review": True,
        "is_long_term_place": True,
        "legal_basis": [
            {"law": "pasient- og brukerrettighetsloven", "short": "pbrl", "section": "§ 2-1 e"}
        ],
        "criteria": [{"metric": "needs_24h_care", "op": "==", "value": True}],
    },
    {
        "code": "avlastning",
        "care_level": "3",
        "name": {"nb": "Avlastning"},
        "scope_unit": "days_per_week",
        "caregiver_is_party": True,
        "legal_basis": [
            {
                "law": "helse- og omsorgstjenesteloven",
                "short": "hol",
                "section": "§ 3-6 første ledd nr. 2",
            }
        ],
        "criteria": [],
    },
    {
        "code": "omsorgsbolig",
        "care_level": "5",
        "name": {"nb": "Omsorgsbolig"},
        "scope_unit": "place",
        "appeal_body": "klagenemnd",
        "legal_basis": [{"law": "boligsosialloven", "short": "boligsosialloven", "section": "§ 6"}],
        "criteria": [],
    },
    {
        "code": "korttidsopphold-rehabilitering",
        "care_level": "5",
        "name": {"nb": "Korttidsopphold – rehabilitering"},
        "scope_unit": "place",
        "purpose": "rehabilitation",
        "criteria": [],
    },
]


@pytest.fixture
async def catalogue_services(
    catalogue_server: RunningServer, token_factory: Callable[..., str], municipality: str
) -> list[str]:
    """This test's municipality gets a small staircase of service types in the real catalogue."""
    admin = auth(token_factory("admin", municipality=municipality))
    async with httpx.AsyncClient(base_url=catalogue_server.url) as catalogue:
        for code, rank, name in CATALOGUE_LEVELS:
            level = {"code": code, "rank": rank, "name": {"nb": name}, "description": {"nb": name}}
            await catalogue.post("/api/catalogue/v1/care-levels", json=level, headers=admin)
        for service in CATALOGUE_SERVICES:
            body = {
                "description": service["name"],
                "requires_decision": True,
                "user_fee": {"kind": "none"},
                "active_from": "2020-01-01",
                "legal_basis": [
                    {
                        "law": "helse- og omsorgstjenesteloven",
                        "short": "hol",
                        "section": "§ 3-2 første ledd nr. 6 bokstav a",
                    }
                ],
                **{k: v for k, v in service.items() if k != "criteria"},
                "criteria": {
                    "effective_from": "2024-01-01",
                    "text": {"nb": f"Kriterier for {service['name']['nb']}."},
                    "conditions": service["criteria"],
                    "source": "Test",
                },
            }
            response = await catalogue.post(
                "/api/catalogue/v1/service-types", json=body, headers=admin
            )
            assert response.status_code == 201, response.text
    return [service["code"] for service in CATALOGUE_SERVICES]


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

"""The catalogue app over HTTP against its migrated test database."""

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from dev.issuer import SigningKey
from dev.testing import auth, open_client, settings_kwargs
from services.catalogue.app import create_app
from services.catalogue.settings import CatalogueSettings


@pytest.fixture(scope="session")
async def client(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[httpx.AsyncClient]:
    settings = CatalogueSettings(**settings_kwargs("catalogue", database_urls, signing_key))
    async for http in open_client(create_app(settings)):
        yield http


@pytest.fixture
def admin(token_factory: Callable[..., str], municipality: str) -> dict[str, str]:
    """Headers of an admin of this test's own municipality."""
    return auth(token_factory("admin", municipality=municipality))


@pytest.fixture
def reader(token_factory: Callable[..., str], municipality: str) -> dict[str, str]:
    return auth(token_factory("helsepersonell", municipality=municipality))


def level_body(code: str = "1", rank: int = 1, **overrides: Any) -> dict[str, Any]:
    body = {
        "code": code,
        "rank": rank,
        "name": {"nb": f"Nivå {code}", "nn": f"Nivå {code}", "en": f"Level {code}"},
        "description": {"nb": "Beskrivelse", "nn": "Skildring", "en": "Description"},
    }
    return {**body, **overrides}


def service_body(
    code: str = "hjemmesykepleie", level: str = "1", **overrides: Any
) -> dict[str, Any]:
    body = {
        "code": code,
        "care_level": level,
        "name": {"nb": "Hjemmesykepleie", "nn": "Heimesjukepleie", "en": "Home nursing"},
        "description": {
            "nb": "Helsehjelp i hjemmet.",
            "nn": "Helsehjelp i heimen.",
            "en": "Care at home.",
        },
        "requires_decision": True,
        "legal_basis": [
            {
                "law": "helse- og omsorgstjenesteloven",
                "short": "hol",
                "section": "§ 3-2 første ledd nr. 6 bokstav a",
            }
        ],
        "scope_unit": "hours_per_week",
        "user_fee": {"kind": "none"},
        "active_from": "2020-01-01",
        "criteria": {
            "effective_from": "2024-01-01",
            "text": {"nb": "Behov for helsehjelp i hjemmet.", "nn": "", "en": ""},
            "conditions": [{"metric": "adl_mean", "op": ">=", "value": 2}],
            "source": "Kommunens tildelingspraksis",
        },
    }
    return {**body, **overrides}


async def make_service(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    code: str = "hjemmesykepleie",
    **overrides: Any,
) -> dict[str, Any]:
    """A level (if missing) and a service type in the caller's municipality."""
    await client.post("/api/catalogue/v1/care-levels", json=level_body(), headers=headers)
    response = await client.post(
        "/api/catalogue/v1/service-types", json=service_body(code, **overrides), headers=headers
    )
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]

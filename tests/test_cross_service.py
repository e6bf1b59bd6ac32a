"""Services talk over real HTTP: intake reads the catalogue, and an outage is a 503 problem."""

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from fastapi import APIRouter

from dev.issuer import SigningKey
from dev.testing import RunningServer, auth, open_client, settings_kwargs
from services.catalogue.app import create_app as create_catalogue
from services.catalogue.settings import CatalogueSettings
from services.catalogue.tests.conftest import make_service
from services.intake.api.deps import CatalogueApiDep
from services.intake.models import Event
from services.intake.settings import IntakeSettings
from shared.app import create_service_app
from shared.auth import CurrentPrincipal
from shared.outbox import Outbox


@pytest.fixture
async def catalogue(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[RunningServer]:
    settings = CatalogueSettings(**settings_kwargs("catalogue", database_urls, signing_key))
    service = RunningServer(create_catalogue(settings))
    await service.start()
    yield service
    await service.stop()


def intake_with_catalogue_at(
    url: str, database_urls: dict[str, str], signing_key: SigningKey
) -> Any:
    """The intake app, with one route that asks the catalogue for a service type."""
    router = APIRouter()

    @router.get("/probe/service-types/{code}", operation_id="probe_service_type")
    async def probe(code: str, catalogue: CatalogueApiDep, _: CurrentPrincipal) -> dict[str, Any]:
        return (await catalogue.service_type(code)).model_dump(mode="json")

    settings = IntakeSettings(
        **settings_kwargs("intake", database_urls, signing_key), catalogue_url=url, http_retries=1
    )
    return create_service_app("intake", settings, routers=[router], outbox=Outbox(Event, "intake"))


async def test_intake_reads_the_catalogue_over_http(
    catalogue: RunningServer,
    database_urls: dict[str, str],
    signing_key: SigningKey,
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    async with httpx.AsyncClient(base_url=catalogue.url) as direct:
        await make_service(direct, auth(token_factory("admin", municipality=municipality)))
    headers = auth(token_factory("saksbehandler", municipality=municipality))

    async for intake in open_client(
        intake_with_catalogue_at(catalogue.url, database_urls, signing_key)
    ):
        found = await intake.get(
            "/api/intake/v1/probe/service-types/hjemmesykepleie", headers=headers
        )
        missing = await intake.get(
            "/api/intake/v1/probe/service-types/finnes-ikke", headers=headers
        )

    assert found.status_code == 200
    assert found.json()["name"]["nb"] == "Hjemmesykepleie"
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


async def test_with_catalogue_stopped_intake_answers_503_naming_it(
    catalogue: RunningServer,
    database_urls: dict[str, str],
    signing_key: SigningKey,
    token_factory: Callable[..., str],
) -> None:
    await catalogue.stop()
    headers = auth(token_factory("saksbehandler"))

    async for intake in open_client(
        intake_with_catalogue_at(catalogue.url, database_urls, signing_key)
    ):
        response = await intake.get(
            "/api/intake/v1/probe/service-types/hjemmesykepleie", headers=headers
        )

    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["service"] == "catalogue"
    assert response.headers["retry-after"] == "5"

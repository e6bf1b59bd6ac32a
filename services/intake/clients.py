"""Typed calls from intake to the catalogue."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends

from shared.clients import CatalogueClient, ServiceClient
from shared.errors import ServiceUnavailable


class CatalogueApi:
    """What intake asks the catalogue: service types and the criteria they are decided by."""

    def __init__(self, client: ServiceClient) -> None:
        self.client = client

    async def service_type(self, code: str) -> dict[str, Any]:
        """The service type, or `NotFound` if the municipality has none by that code."""
        result: dict[str, Any] = await self.client.get_json(
            f"/api/catalogue/v1/service-types/{code}",
            not_found=f"There is no service type {code!r}",
        )
        return result

    async def municipality_name(self) -> str | None:
        """The caller's municipality as the catalogue names it, or None if it has no profile."""
        response = await self.client.request("GET", "/api/catalogue/v1/municipality")
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            raise ServiceUnavailable("catalogue", f"The catalogue refused ({response.status_code})")
        name: str = response.json()["name"]
        return name

    async def evaluate(self, facts: dict[str, Any]) -> list[dict[str, Any]]:
        """Every service in force with whether the facts meet its criteria (lowest level first)."""
        response = await self.client.request(
            "POST", "/api/catalogue/v1/criteria/evaluate", json={"facts": facts}
        )
        if response.status_code >= 400:
            raise ServiceUnavailable("catalogue", f"The catalogue refused ({response.status_code})")
        result: list[dict[str, Any]] = response.json()
        return result


def _catalogue_api(client: CatalogueClient) -> CatalogueApi:
    return CatalogueApi(client)


CatalogueApiDep = Annotated[CatalogueApi, Depends(_catalogue_api)]

"""Typed calls from intake to the catalogue."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends

from shared.clients import CatalogueClient, ServiceClient


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


def _catalogue_api(client: CatalogueClient) -> CatalogueApi:
    return CatalogueApi(client)


CatalogueApiDep = Annotated[CatalogueApi, Depends(_catalogue_api)]

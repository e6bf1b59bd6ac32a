"""Typed calls from intake to the catalogue: answers are parsed into the catalogue's
contract models in `shared.schemas.catalogue`, so a changed field fails here, loudly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from shared.clients import ServiceClient
from shared.errors import ServiceUnavailable
from shared.schemas.catalogue import MunicipalityRead, ServiceEvaluation, ServiceTypeRead
from shared.schemas.common import LocalizedText

_EVALUATIONS = TypeAdapter(list[ServiceEvaluation])
T = TypeVar("T")


@dataclass(frozen=True)
class CatalogueNames:
    services: dict[str, LocalizedText]
    units: dict[str, str]


class CatalogueApi:
    """What intake asks the catalogue: service types and the criteria they are decided by."""

    def __init__(self, client: ServiceClient) -> None:
        self.client = client

    async def service_type(self, code: str) -> ServiceTypeRead:
        """The service type, or `NotFound` if the municipality has none by that code."""
        data = await self.client.get_json(
            f"/api/catalogue/v1/service-types/{code}",
            not_found=f"There is no service type {code!r}",
        )
        return _parse(ServiceTypeRead.model_validate, data)

    async def municipality(self) -> MunicipalityRead | None:
        """The caller's municipality profile (name, where appeals go), or None if it has none."""
        response = await self.client.request("GET", "/api/catalogue/v1/municipality")
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            raise ServiceUnavailable("catalogue", f"The catalogue refused ({response.status_code})")
        return _parse(MunicipalityRead.model_validate, response.json())

    async def names(self) -> CatalogueNames:
        """The names of the municipality's service types and units, for letters and lists."""
        services = await self.client.get_json(
            "/api/catalogue/v1/service-types", params={"limit": 500}
        )
        units = await self.client.get_json("/api/catalogue/v1/units", params={"limit": 500})
        return CatalogueNames(
            services={
                item["code"]: LocalizedText.model_validate(item["name"])
                for item in services["items"]
            },
            units={item["code"]: str(item["name"]) for item in units["items"]},
        )

    async def evaluate(self, facts: dict[str, Any]) -> list[ServiceEvaluation]:
        """Every service in force with whether the facts meet its criteria (lowest level first)."""
        response = await self.client.request(
            "POST", "/api/catalogue/v1/criteria/evaluate", json={"facts": facts}
        )
        if response.status_code >= 400:
            raise ServiceUnavailable("catalogue", f"The catalogue refused ({response.status_code})")
        return _parse(_EVALUATIONS.validate_python, response.json())


def _parse(parse: Callable[[Any], T], data: Any) -> T:
    try:
        return parse(data)
    except ValidationError as exc:
        raise ServiceUnavailable(
            "catalogue", "The catalogue answered in a shape intake does not understand"
        ) from exc

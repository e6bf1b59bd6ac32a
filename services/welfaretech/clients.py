"""Typed calls from welfaretech to intake (persons) and quality (deviations).

Answers are parsed into the producers' contract models in `shared.schemas`,
so a changed field fails here, loudly, as a 503 naming the service.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from shared.clients import ServiceClient, person_names
from shared.errors import Forbidden, NotFound, ServiceUnavailable
from shared.schemas.intake import PersonSummary


class IntakeApi:
    """What welfaretech asks intake: who the person is (intake owns the person register)."""

    def __init__(self, client: ServiceClient) -> None:
        self.client = client

    async def person(self, person_id: uuid.UUID) -> PersonSummary:
        """The person as a summary, `NotFound` if intake has no such person in the municipality."""
        response = await self.client.request("GET", f"/api/intake/v1/persons/{person_id}")
        if response.status_code == 404:
            raise NotFound("Intake has no such person in this municipality")
        if response.status_code == 403:
            raise Forbidden("Intake does not let you read this person")
        if response.status_code >= 400:
            raise ServiceUnavailable("intake", f"Intake refused the call ({response.status_code})")
        data = response.json()
        try:
            return PersonSummary(
                id=data["id"],
                given_name=data["given_name"],
                family_name=data["family_name"],
                birth_date=data["birth_date"],
                national_id_masked=data["national_id_masked"],
                city=(data.get("address") or {}).get("city", ""),
            )
        except (KeyError, TypeError, ValidationError) as exc:
            raise ServiceUnavailable(
                "intake", "Intake answered in a shape welfaretech does not understand"
            ) from exc

    async def names(self, person_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str | None]:
        """Each person's name as intake shows it now, for a list (`shared.clients.person_names`:
        one call per hundred persons; None where intake does not give it)."""
        return await person_names(self.client, person_ids)


@dataclass(frozen=True)
class Delivery:
    """The quality service's answer to a deviation report."""

    delivered: bool
    deviation_id: uuid.UUID | None = None
    error: str | None = None


class QualityApi:
    """Reports an avvik to the quality service; never raises: a failure is a pending delivery."""

    def __init__(self, client: ServiceClient) -> None:
        self.client = client

    async def report_deviation(self, report_id: uuid.UUID, body: dict[str, Any]) -> Delivery:
        try:
            response = await self.client.request(
                "POST",
                "/api/quality/v1/deviations",
                json=body,
                headers={"Idempotency-Key": f"welfaretech-{report_id}"},
            )
        except ServiceUnavailable as exc:
            return Delivery(False, error=str(exc))
        if response.status_code in (200, 201):
            try:
                return Delivery(True, deviation_id=uuid.UUID(str(response.json()["id"])))
            except (KeyError, ValueError, TypeError):
                return Delivery(True)
        if response.status_code in (404, 405):
            return Delivery(False, error="The quality service does not take deviations yet")
        return Delivery(False, error=f"The quality service answered {response.status_code}")

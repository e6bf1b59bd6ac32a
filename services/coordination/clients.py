"""Typed calls from coordination to intake: persons (with their guardian or fullmakt) and
decisions. Intake's answers are parsed into `shared.schemas.intake` contracts where they
exist (`PersonSummary`, `DecisionSummary`), so a changed field fails here, loudly."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from shared.clients import ServiceClient, person_names
from shared.errors import Forbidden, NotFound, ServiceUnavailable
from shared.schemas.common import LocalizedText
from shared.schemas.intake import DecisionSummary, PersonSummary


class IntakeRepresentative(BaseModel):
    """A guardian (verge) or fullmakt as intake registers it."""

    id: uuid.UUID
    kind: Literal["guardian", "power_of_attorney"]
    name: str
    contact: str | None = None
    scope: str
    valid_from: date | None = None
    valid_to: date | None = None


class IntakeRelative(BaseModel):
    """A relative and what they may be told (information_scope), as intake registers it."""

    id: uuid.UUID
    name: str
    relation: str
    phone: str | None = None
    email: str | None = None
    is_next_of_kin: bool = False
    information_scope: str = "none"


class IntakeDecision(DecisionSummary):
    """A decision with the service's name as intake recorded it from the catalogue."""

    service_name: LocalizedText | None = None


class IntakePerson(BaseModel):
    summary: PersonSummary
    phone: str | None
    representatives: list[IntakeRepresentative]
    relatives: list[IntakeRelative]


class IntakeApi:
    """What coordination asks intake, with the caller's token (intake checks its own access)."""

    def __init__(self, client: ServiceClient) -> None:
        self.client = client

    async def person(self, person_id: uuid.UUID) -> IntakePerson:
        response = await self.client.request("GET", f"/api/intake/v1/persons/{person_id}")
        if response.status_code == 404:
            raise NotFound("Intake has no such person in this municipality")
        if response.status_code == 403:
            raise Forbidden("Intake does not let you read this person")
        if response.status_code >= 400:
            raise ServiceUnavailable("intake", f"Intake refused ({response.status_code})")
        return _person(response.json())

    async def names(self, person_ids: list[uuid.UUID]) -> dict[uuid.UUID, str | None]:
        """Each person's name as intake shows it now, for a list (`shared.clients.person_names`:
        one call per hundred persons; None where intake does not give it)."""
        return await person_names(self.client, person_ids)

    async def decisions(self, person_id: uuid.UUID) -> list[IntakeDecision]:
        """The person's decisions (a clinician sees those of their own units)."""
        data = await self.client.get_json(
            "/api/intake/v1/decisions", params={"person_id": str(person_id), "limit": 500}
        )
        try:
            return [_decision(item) for item in data["items"]]
        except (KeyError, TypeError, ValidationError) as exc:
            raise ServiceUnavailable("intake", "Intake answered in a shape we do not know") from exc


def _person(data: dict[str, Any]) -> IntakePerson:
    try:
        summary = PersonSummary(
            id=data["id"],
            given_name=data["given_name"],
            family_name=data["family_name"],
            birth_date=data["birth_date"],
            national_id_masked=data["national_id_masked"],
            city=(data.get("address") or {}).get("city", ""),
        )
        return IntakePerson(
            summary=summary,
            phone=data.get("phone"),
            representatives=[
                IntakeRepresentative.model_validate(r) for r in data["representatives"]
            ],
            relatives=[IntakeRelative.model_validate(r) for r in data["relatives"]],
        )
    except (KeyError, TypeError, ValidationError) as exc:
        raise ServiceUnavailable("intake", "Intake answered in a shape we do not know") from exc


def _decision(item: dict[str, Any]) -> IntakeDecision:
    """Intake's `DecisionRead` carries the person as a summary; the contract wants its id."""
    return IntakeDecision.model_validate({**item, "person_id": item["person"]["id"]})

"""Request and response bodies of the catalogue API."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, Field, model_validator

from services.catalogue.domain.criteria import MetricKind
from shared.schemas.catalogue import (
    AppealBody,
    CapacityUnit,
    LegalBasis,
    ScopeUnit,
    StayPurpose,
    Strict,
    UnitKind,
    UserFee,
)
from shared.schemas.common import LocalizedText

Code = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,59}$", examples=["hjemmesykepleie"])]
LevelCode = Annotated[str, Field(pattern=r"^[A-Za-z0-9-]{1,20}$", examples=["3"])]


class CareLevelCreate(Strict):
    code: LevelCode
    rank: int = Field(ge=1, le=20)
    name: LocalizedText
    description: LocalizedText


class CareLevelUpdate(Strict):
    rank: int | None = Field(default=None, ge=1, le=20)
    name: LocalizedText | None = None
    description: LocalizedText | None = None


class CareLevelRead(BaseModel):
    id: uuid.UUID
    code: str
    rank: int
    name: LocalizedText
    description: LocalizedText
    version: int


class CriteriaCreate(Strict):
    """A new version of a service type's allocation criteria."""

    effective_from: date
    text: LocalizedText
    conditions: list[dict[str, Any]] = Field(default_factory=list)
    source: str | None = Field(default=None, max_length=300)


class ServiceTypeBase(Strict):
    name: LocalizedText
    description: LocalizedText
    requires_decision: bool
    legal_basis: list[LegalBasis] = Field(default_factory=list)
    scope_unit: ScopeUnit
    user_fee: UserFee
    kpr_code: str | None = Field(default=None, pattern=r"^\d{1,4}$")
    requires_lower_level_review: bool = False
    is_long_term_place: bool = False
    is_bpa: bool = Field(
        default=False,
        description="Brukerstyrt personlig assistanse: intake assesses the right of pbrl § 2-1 d",
    )
    appeal_body: AppealBody = AppealBody.county_governor
    caregiver_is_party: bool = Field(
        default=False,
        description="Avlastning and omsorgsstønad (pbrl § 2-8): the caregiver applies and is "
        "the party the decision is addressed to",
    )
    purpose: StayPurpose | None = None
    published: bool = True
    active_from: date
    active_to: date | None = None


class ServiceTypeCreate(ServiceTypeBase):
    code: Code
    care_level: LevelCode
    criteria: CriteriaCreate | None = Field(
        default=None, description="The first version of its allocation criteria"
    )

    @model_validator(mode="after")
    def _period(self) -> ServiceTypeCreate:
        if self.active_to is not None and self.active_to < self.active_from:
            raise ValueError("active_to is before active_from")
        return self


class ServiceTypeUpdate(Strict):
    """Fields an admin may change; criteria change only by a new version."""

    care_level: LevelCode | None = None
    name: LocalizedText | None = None
    description: LocalizedText | None = None
    requires_decision: bool | None = None
    legal_basis: list[LegalBasis] | None = None
    scope_unit: ScopeUnit | None = None
    user_fee: UserFee | None = None
    kpr_code: str | None = Field(default=None, pattern=r"^\d{1,4}$")
    requires_lower_level_review: bool | None = None
    is_long_term_place: bool | None = None
    is_bpa: bool | None = None
    appeal_body: AppealBody | None = None
    caregiver_is_party: bool | None = None
    purpose: StayPurpose | None = None
    published: bool | None = None
    active_from: date | None = None
    active_to: date | None = None


class UnitServiceIn(Strict):
    service_type: Code
    capacity: Decimal | None = Field(default=None, ge=0)
    capacity_unit: CapacityUnit | None = None


class UnitCreate(Strict):
    code: Code
    name: str = Field(min_length=2, max_length=200)
    kind: UnitKind
    address: str | None = Field(default=None, max_length=300)
    services: list[UnitServiceIn] = Field(default_factory=list)


class UnitServiceRead(BaseModel):
    service_type: str
    capacity: Decimal | None
    capacity_unit: CapacityUnit | None


class UnitRead(BaseModel):
    id: uuid.UUID
    code: str
    name: str
    kind: UnitKind
    address: str | None
    services: list[UnitServiceRead]


class MetricRead(BaseModel):
    code: str
    kind: MetricKind
    label: LocalizedText
    low: float | None
    high: float | None
    choices: list[str]


class EvaluationRequest(Strict):
    """A person's facts from an assessment, to test against the criteria in force."""

    facts: dict[str, Any] = Field(description="Metric code → value (see /criteria-metrics)")
    on: date | None = Field(
        default=None, description="The day whose criteria apply; today if left out"
    )

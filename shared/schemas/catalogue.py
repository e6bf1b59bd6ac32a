"""The catalogue's contracts: the events in its feed and the answers other services parse.

Producer (the catalogue) and consumers (intake, coordination, welfaretech,
quality) import these same models, so a renamed field breaks at both ends at
once instead of in production.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from shared.schemas.common import LocalizedText
from shared.schemas.events import Code, EventPayload

# Closed sets ---------------------------------------------------------------------


class ScopeUnit(StrEnum):
    """Unit of a decision's scope (omfang)."""

    hours_per_week = "hours_per_week"
    visits_per_day = "visits_per_day"
    visits_per_week = "visits_per_week"
    days_per_week = "days_per_week"
    place = "place"
    none = "none"


class UserFeeKind(StrEnum):
    """Egenandel, per forskrift om egenandel for kommunale helse- og omsorgstjenester."""

    none = "none"
    income_based = "income_based"
    fixed = "fixed"
    regulated = "regulated"


class StayPurpose(StrEnum):
    """Why a korttidsopphold is given."""

    rehabilitation = "rehabilitation"
    assessment = "assessment"
    respite = "respite"
    palliative = "palliative"


class UnitKind(StrEnum):
    home_care_zone = "home_care_zone"
    nursing_home = "nursing_home"
    day_centre = "day_centre"
    care_housing = "care_housing"
    health_centre = "health_centre"
    allocation_office = "allocation_office"
    other = "other"


class CapacityUnit(StrEnum):
    persons = "persons"
    places = "places"
    hours_per_week = "hours_per_week"


class WrittenLanguage(StrEnum):
    """The municipality's målform (bokmål or nynorsk), as it has chosen under språklova."""

    nb = "nb"
    nn = "nn"


class Operator(StrEnum):
    """How a condition of the criteria language compares a fact with its value."""

    eq = "=="
    ne = "!="
    ge = ">="
    gt = ">"
    le = "<="
    lt = "<"
    in_ = "in"


# Answers other services parse ----------------------------------------------------

Scalar = bool | int | float | str
"""A fact's value: a number, a yes/no or one of a metric's choices."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AppealBody(StrEnum):
    """Who decides an appeal against a decision on a service: Statsforvalteren for health and
    care services (pbrl § 7-2), the municipality's own appeals board (klagenemnd) for the
    allocation of an ordinary kommunal bolig or omsorgsbolig (fvl § 28 second paragraph)."""

    county_governor = "statsforvalteren"
    municipal_appeals_board = "klagenemnd"


class AppealAddress(BaseModel):
    """Where the municipality receives appeals (they are sent to it first, fvl § 32)."""

    name: str = Field(min_length=2, max_length=200, description="The body's name, e.g. klagenemnda")
    postal_address: str = Field(min_length=2, max_length=300)
    digital_address: str = Field(min_length=2, max_length=300)


class MunicipalityRead(BaseModel):
    number: str = Field(pattern=r"^\d{4}$", description="Kommunenummer")
    name: str
    written_language: WrittenLanguage
    staircase_name: LocalizedText
    staircase_description: LocalizedText
    appeals_to: AppealAddress | None = Field(
        default=None, description="Where the municipality receives written appeals"
    )
    appeals_board: AppealAddress | None = Field(
        default=None, description="The municipality's own appeals board (klagenemnd)"
    )


class LegalBasis(Strict):
    law: str = Field(min_length=2, max_length=200, examples=["helse- og omsorgstjenesteloven"])
    short: str = Field(default="", max_length=20, examples=["hol"])
    section: str = Field(
        min_length=1, max_length=100, examples=["§ 3-2 første ledd nr. 6 bokstav a"]
    )


class LegalBasisRead(LegalBasis):
    """A cited provision with what the law reference data says of it."""

    law_name: LocalizedText | None = Field(
        default=None, description="The law's name in nb and nn (for letters in either)"
    )
    explanation: LocalizedText | None = Field(
        default=None, description="The provision's content in plain words (fvl § 25)"
    )
    in_force_to: date | None = None


class UserFee(Strict):
    kind: UserFeeKind
    description: LocalizedText | None = None


class CareLevelRef(BaseModel):
    code: str
    rank: int
    name: LocalizedText


class Comparison(Strict):
    """One fact compared with a value: `{"metric": "adl_mean", "op": ">=", "value": 2}`."""

    metric: str = Field(description="A code from `GET /criteria-metrics`")
    op: Operator
    value: Scalar | list[Scalar]


class AnyCondition(Strict):
    """Holds when one of its conditions holds."""

    any: list[Condition] = Field(min_length=1)


Condition = Annotated[
    Comparison | AnyCondition, Field(description="A comparison, or any of several")
]
"""A condition of the criteria language; a list of them must all hold."""


class CriteriaRead(BaseModel):
    version: int
    effective_from: date
    effective_to: date | None
    text: LocalizedText
    conditions: list[Condition]
    source: str | None
    created_at: datetime
    in_force: bool = Field(description="Whether this version is in force today")


class UnitRef(BaseModel):
    code: str
    name: str
    kind: UnitKind
    capacity: Decimal | None
    capacity_unit: CapacityUnit | None


class ServiceTypeSummary(BaseModel):
    code: str
    name: LocalizedText
    care_level: CareLevelRef
    requires_decision: bool
    scope_unit: ScopeUnit
    published: bool
    purpose: StayPurpose | None


class ServiceTypeRead(ServiceTypeSummary):
    description: LocalizedText
    legal_basis: list[LegalBasisRead]
    user_fee: UserFee
    appeal_body: AppealBody = AppealBody.county_governor
    caregiver_is_party: bool = Field(
        default=False,
        description="The caregiver is the party (pbrl § 2-8), not the person cared for",
    )
    kpr_code: str | None
    requires_lower_level_review: bool
    is_long_term_place: bool
    is_bpa: bool = Field(
        default=False,
        description="Brukerstyrt personlig assistanse: the right of pbrl § 2-1 d is assessed",
    )
    active_from: date
    active_to: date | None
    version: int
    current_criteria: CriteriaRead | None
    units: list[UnitRef]


class FindingRead(BaseModel):
    """How one condition fared against the facts."""

    metric: str
    op: Operator
    expected: Scalar | list[Scalar]
    actual: Scalar | None
    met: bool | None = Field(description="None: the fact is unknown")


class ServiceEvaluation(BaseModel):
    """One service of `POST /criteria/evaluate`: whether the facts meet its criteria in force."""

    service_type: ServiceTypeSummary
    criteria_version: int | None
    met: bool | None = Field(
        description="True: all criteria met; False: one is not; None: a fact is missing"
    )
    findings: list[FindingRead]


AnyCondition.model_rebuild()
CriteriaRead.model_rebuild()
ServiceTypeRead.model_rebuild()


# Events ------------------------------------------------------------------------


class CareLevelCreated(EventPayload):
    """A step was added to the municipality's staircase."""

    event_type: ClassVar[str] = "care_level.created"

    id: uuid.UUID
    code: Code
    rank: int
    by: Code = Field(description="`sub` of the admin who added it")


class CareLevelChanged(EventPayload):
    """A step was renamed or moved; `fields` names what changed."""

    event_type: ClassVar[str] = "care_level.changed"

    id: uuid.UUID
    code: Code
    rank: int
    fields: list[Code]
    by: Code


class ServiceTypeCreated(EventPayload):
    """A service type was added, perhaps with its first criteria version."""

    event_type: ClassVar[str] = "service_type.created"

    id: uuid.UUID
    code: Code
    care_level: Code
    active_from: date
    active_to: date | None
    published: bool
    criteria_version: int | None = Field(description="The first criteria version, if any")
    by: Code


class ServiceTypeChanged(EventPayload):
    """A service type's fields changed (criteria change only by `criteria.versioned`)."""

    event_type: ClassVar[str] = "service_type.changed"

    id: uuid.UUID
    code: Code
    fields: list[Code]
    by: Code


class CriteriaVersioned(EventPayload):
    """A new version of a service type's allocation criteria, in force from `effective_from`."""

    event_type: ClassVar[str] = "criteria.versioned"

    code: Code = Field(description="The service type's code")
    version: int
    effective_from: date
    by: Code


class UnitCreated(EventPayload):
    """A provider unit was added with the service types it delivers."""

    event_type: ClassVar[str] = "unit.created"

    id: uuid.UUID
    code: Code
    kind: UnitKind
    service_types: list[Code]
    by: Code

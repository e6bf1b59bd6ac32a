"""Request and response bodies of the intake API."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from services.intake.domain.applications import ApplicantKind, ApplicationStatus, Channel, Urgency
from shared.schemas.common import LocalizedText

Name = Field(min_length=1, max_length=100)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Address(Strict):
    street: str = Field(default="", max_length=200)
    postcode: str = Field(default="", pattern=r"^(\d{4})?$")
    city: str = Field(default="", max_length=100)


class GeneralPractitioner(Strict):
    name: str = Field(min_length=1, max_length=200)
    practice: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=30)


class InformationScope(StrEnum):
    """What a relative may be told (taushetsplikt: only with consent or by law)."""

    none = "none"
    practical = "practical"
    health = "health"


class RelativeIn(Strict):
    name: str = Field(min_length=1, max_length=200)
    relation: str = Field(min_length=1, max_length=50, examples=["datter"])
    phone: str | None = Field(default=None, max_length=30)
    email: str | None = Field(default=None, max_length=200)
    is_next_of_kin: bool = False
    information_scope: InformationScope = InformationScope.none
    can_help_with: str | None = Field(default=None, max_length=2000)


class RelativeRead(RelativeIn):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID


class RepresentativeKind(StrEnum):
    guardian = "guardian"
    power_of_attorney = "power_of_attorney"


class RepresentativeIn(Strict):
    kind: RepresentativeKind
    name: str = Field(min_length=1, max_length=200)
    contact: str | None = Field(default=None, max_length=200)
    scope: str = Field(min_length=1, max_length=2000, examples=["Økonomi og helse"])
    valid_from: date | None = None
    valid_to: date | None = None


class RepresentativeRead(RepresentativeIn):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID


class PersonCreate(Strict):
    national_id: str = Field(description="Fødselsnummer or D-nummer, 11 digits")
    given_name: str = Name
    family_name: str = Name
    address: Address = Field(default_factory=Address)
    phone: str | None = Field(default=None, max_length=30)
    preferred_language: str = Field(default="nb", pattern=r"^[a-z]{2,3}$")
    needs_interpreter: bool = False
    interpreter_language: str | None = Field(default=None, max_length=50)
    gp: GeneralPractitioner | None = None
    relatives: list[RelativeIn] = Field(default_factory=list, max_length=20)
    representatives: list[RepresentativeIn] = Field(default_factory=list, max_length=5)


class PersonUpdate(Strict):
    given_name: str | None = Field(default=None, min_length=1, max_length=100)
    family_name: str | None = Field(default=None, min_length=1, max_length=100)
    address: Address | None = None
    phone: str | None = Field(default=None, max_length=30)
    preferred_language: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")
    needs_interpreter: bool | None = None
    interpreter_language: str | None = Field(default=None, max_length=50)
    gp: GeneralPractitioner | None = None
    relatives: list[RelativeIn] | None = Field(default=None, max_length=20)
    representatives: list[RepresentativeIn] | None = Field(default=None, max_length=5)


class PersonSummary(BaseModel):
    """How a person shows in lists: the national id masked."""

    id: uuid.UUID
    given_name: str
    family_name: str
    birth_date: date
    national_id_masked: str
    city: str


class PersonRead(BaseModel):
    id: uuid.UUID
    national_id: str
    national_id_masked: str
    given_name: str
    family_name: str
    birth_date: date
    address: Address
    phone: str | None
    preferred_language: str
    needs_interpreter: bool
    interpreter_language: str | None
    gp: GeneralPractitioner | None
    relatives: list[RelativeRead]
    representatives: list[RepresentativeRead]
    version: int


class ApplicationItemIn(Strict):
    service_type: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,59}$", examples=["hjemmesykepleie"])
    note: str | None = Field(default=None, max_length=2000)


class ApplicationCreate(Strict):
    person_id: uuid.UUID
    channel: Channel
    received_on: date
    applicant_kind: ApplicantKind = ApplicantKind.self
    applicant_name: str | None = Field(default=None, max_length=200)
    services: list[ApplicationItemIn] = Field(min_length=1, max_length=10)
    what_matters: str | None = Field(
        default=None,
        max_length=5000,
        description="«Hva er viktig for deg?» in the person's own words",
    )
    urgency: Urgency = Urgency.normal
    consent_to_obtain_information: bool = False


class ApplicationItemRead(BaseModel):
    service_type: str
    service_name: LocalizedText
    care_level_rank: int
    requires_decision: bool
    note: str | None


class ApplicationRead(BaseModel):
    id: uuid.UUID
    person: PersonSummary
    channel: Channel
    received_on: date
    applicant_kind: ApplicantKind
    applicant_name: str | None
    services: list[ApplicationItemRead]
    what_matters: str | None
    urgency: Urgency
    consent_to_obtain_information: bool
    status: ApplicationStatus
    interim_reply_due: date = Field(description="One calendar month after receipt (fvl § 11 a)")
    interim_reply_sent_on: date | None
    registered_by: str
    created_at: datetime
    version: int


class ApplicationStatusChange(Strict):
    status: ApplicationStatus
    reason: str | None = Field(default=None, max_length=2000)


class AccessLogRead(BaseModel):
    occurred_at: datetime
    actor: str
    actor_name: str
    actor_roles: list[str]
    action: str
    resource: str
    resource_id: str | None
    reason: str | None


class TimelineEntry(BaseModel):
    on: date
    kind: str = Field(examples=["application.received"])
    id: uuid.UUID
    summary: str
    status: str | None = None

"""Request and response bodies of the intake API."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from services.intake.domain.appeals import GovernorOutcome
from services.intake.domain.applications import ApplicantKind, Channel, Urgency
from services.intake.domain.assessments import Place, Potential, Risk
from services.intake.domain.decisions import Delivery, TriedStatus
from services.intake.domain.functional import NeedLevel
from services.intake.domain.worklist import Kind
from shared.need_to_know import MAX_DAYS_AFTER_END as NEED_TO_KNOW_MAX_DAYS
from shared.schemas.catalogue import AppealBody, LegalBasisRead
from shared.schemas.common import LocalizedText, PhoneNumber
from shared.schemas.intake import (
    AppealStatus,
    ApplicationStatus,
    DecisionRights,
    DecisionStatus,
    IntegrationDecision,
    Outcome,
    PersonSummary,
    WaitingAction,
    WaitingStatus,
    WelfareTechnology,
)

LetterLanguage = Literal["nb", "nn"]

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
    phone: PhoneNumber | None = None


class GeneralPractitionerRead(BaseModel):
    name: str
    practice: str | None = None
    phone: str | None = None


class InformationScope(StrEnum):
    """What a relative may be told (taushetsplikt: only with consent or by law)."""

    none = "none"
    practical = "practical"
    health = "health"


class RelativeIn(Strict):
    name: str = Field(min_length=1, max_length=200)
    relation: str = Field(min_length=1, max_length=50, examples=["datter"])
    phone: PhoneNumber | None = None
    email: str | None = Field(default=None, max_length=200)
    is_next_of_kin: bool = False
    information_scope: InformationScope = InformationScope.none
    can_help_with: str | None = Field(default=None, max_length=2000)


class RelativeRead(RelativeIn):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    phone: str | None = None  # as stored: a read never fails on data checked by older rules


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
    phone: PhoneNumber | None = None
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
    phone: PhoneNumber | None = None
    preferred_language: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")
    needs_interpreter: bool | None = None
    interpreter_language: str | None = Field(default=None, max_length=50)
    gp: GeneralPractitioner | None = None
    relatives: list[RelativeIn] | None = Field(default=None, max_length=20)
    representatives: list[RepresentativeIn] | None = Field(default=None, max_length=5)


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
    gp: GeneralPractitionerRead | None
    relatives: list[RelativeRead]
    representatives: list[RepresentativeRead]
    version: int


class ApplicationItemIn(Strict):
    service_type: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,59}$", examples=["hjemmesykepleie"])
    note: str | None = Field(default=None, max_length=2000)


class Caregiver(Strict):
    """Who carries an especially heavy caring work (pbrl § 2-8); in avlastning and
    omsorgsstønad cases they apply, are the party, and get the decision."""

    name: str = Field(min_length=1, max_length=200)
    relation: str = Field(min_length=1, max_length=50, examples=["datter", "mor"])
    address: Address = Field(default_factory=Address)
    phone: PhoneNumber | None = None


class CaregiverRead(BaseModel):
    name: str
    relation: str
    address: dict[str, str] = Field(default_factory=dict)
    phone: str | None = None


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
    assessment_unit: str | None = Field(
        default=None, max_length=60, description="The unit asked to do the home assessment"
    )
    caregiver: Caregiver | None = Field(
        default=None,
        description="Required when a service asked for has the caregiver as party "
        "(avlastning, omsorgsstønad)",
    )


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
    caregiver: CaregiverRead | None = None
    interim_reply_reason: str | None = Field(
        default=None, description="Why the case takes time, as told in the foreløpig svar"
    )
    expected_decision_by: date | None = Field(
        default=None, description="When the foreløpig svar said a decision can be expected"
    )
    assessment_unit: str | None
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


class Goal(Strict):
    """A goal in the person's own words («Hva er viktig for deg?»)."""

    text: str = Field(min_length=1, max_length=2000)
    priority: int = Field(default=1, ge=1, le=10)


class WelfareTechnologyScreening(Strict):
    """Every application is screened for welfare technology (Stange, Selbu)."""

    positive: bool
    needs: list[WelfareTechnology] = Field(default_factory=list, max_length=10)
    note: str | None = Field(default=None, max_length=2000)


class Housing(Strict):
    kind: Literal["own_home", "rented", "care_housing", "institution", "other"] = "own_home"
    accessible: bool | None = None
    stairs: bool | None = None
    note: str | None = Field(default=None, max_length=2000)


class Diagnosis(Strict):
    system: Literal["ICD-10", "ICPC-2"]
    code: str = Field(pattern=r"^[A-Z][0-9A-Z.]{1,7}$")
    text: str | None = Field(default=None, max_length=200)


class AssessmentCreate(Strict):
    what_matters: list[Goal] = Field(min_length=1, max_length=10)
    assessed_on: date
    place: Place
    scores: dict[str, int] = Field(description="Every functional variable, 1–5 or 9")
    own_resources: str | None = Field(default=None, max_length=5000)
    network: str | None = Field(default=None, max_length=5000)
    relatives_contribution: str | None = Field(
        default=None, max_length=5000, description="What relatives can and want to do"
    )
    housing: Housing = Field(default_factory=Housing)
    rehabilitation_potential: Potential
    welfare_technology: WelfareTechnologyScreening
    nutrition_risk: Risk
    fall_risk: Risk
    needs_24h_care: bool = False
    has_dementia: bool = False
    is_palliative: bool = False
    relative_care_burden: bool = False
    acute_need: bool = False
    expected_duration_months: int | None = Field(default=None, ge=0, le=1200)
    assessed_hours_per_week: float | None = Field(
        default=None,
        ge=0,
        le=168,
        description="Hours of personlig assistanse a week (with avlastning for parents of "
        "disabled children): the hours the BPA right (pbrl § 2-1 d) is tested on",
    )
    two_helper_hours_per_week: float | None = Field(
        default=None,
        ge=0,
        le=168,
        description="Of those, hours needing more than one helper at a time (outside the BPA "
        "right)",
    )
    night_hours_per_week: float | None = Field(
        default=None, ge=0, le=168, description="Of those, hours of night services"
    )
    night_need_continuous: bool = Field(
        default=False,
        description="The night need is continuous: its hours then count toward the BPA right",
    )
    diagnoses: list[Diagnosis] = Field(default_factory=list, max_length=20)
    note: str | None = Field(default=None, max_length=5000)


class DerivedRead(BaseModel):
    adl_mean: float | None
    iadl_mean: float | None
    cognitive_mean: float | None
    overall_mean: float | None
    need_level: NeedLevel | None
    rule: str
    scored: int | None = Field(default=None, description="How many scores the overall mean is of")
    moderate_from: float | None = Field(default=None, description="The rule's threshold")
    extensive_from: float | None = Field(default=None, description="The rule's threshold")
    rule_version: int | None = Field(default=None, description="The municipality's rule version")


class AssessmentRead(BaseModel):
    id: uuid.UUID
    person_id: uuid.UUID
    application_id: uuid.UUID | None
    assessed_on: date
    assessed_by_name: str
    place: Place
    what_matters: list[Goal]
    spec_version: str
    scores: dict[str, int]
    derived: DerivedRead
    own_resources: str | None
    network: str | None
    relatives_contribution: str | None
    housing: Housing
    rehabilitation_potential: Potential
    welfare_technology: WelfareTechnologyScreening
    nutrition_risk: Risk
    fall_risk: Risk
    facts: dict[str, Any] = Field(
        description="The facts the catalogue's criteria are tested against"
    )
    follow_ups: list[str]
    diagnoses: list[Diagnosis]
    note: str | None
    two_helper_hours_per_week: float | None = None
    night_hours_per_week: float | None = None
    night_need_continuous: bool = False
    created_at: datetime


class FunctionalVariableRead(BaseModel):
    code: str
    group: str
    name: LocalizedText
    scale: list[int]
    spec_version: str


class Contact(Strict):
    """The person's named contact (tjenesteansvarlig/primærkontakt)."""

    name: str = Field(min_length=1, max_length=200)
    unit: str | None = Field(default=None, max_length=200)
    phone: PhoneNumber | None = None


class LowerLevelIn(Strict):
    service_type: str = Field(min_length=1, max_length=60)
    status: TriedStatus
    why_not_enough: str = Field(min_length=1, max_length=2000)


class DecisionFields(Strict):
    outcome: Outcome
    scope_amount: float | None = Field(default=None, ge=0, le=168 * 7)
    starts_on: date | None = None
    ends_on: date | None = None
    review_on: date | None = None
    unit: str | None = Field(default=None, max_length=60, description="The unit that delivers it")
    contact: Contact | None = None
    facts: str = Field(max_length=10000, description="The facts the decision rests on")
    considerations: str = Field(max_length=10000, description="The main considerations")
    lower_levels: list[LowerLevelIn] = Field(default_factory=list, max_length=20)
    language: LetterLanguage | None = None
    place_available: bool = Field(
        default=True, description="For a long-term place: false puts the person on the waiting list"
    )


class DecisionCreate(DecisionFields):
    application_id: uuid.UUID
    service_type: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,59}$")
    replaces_id: uuid.UUID | None = Field(
        default=None, description="The made decision this one changes (a made one is never edited)"
    )


class DecisionUpdate(DecisionFields):
    pass


class CriteriaCited(BaseModel):
    version: int
    effective_from: date
    text: LocalizedText


class DecisionListItem(IntegrationDecision):
    """A decision as a list shows it: the integration's ids, codes, amounts and dates, with
    the person's summary, the service's name, the purpose and when it is to be reviewed.
    The facts, considerations, legal basis, criteria, fees, contact, evaluations and rights
    are on the decision itself (`GET /v1/decisions/{id}`)."""

    person: PersonSummary
    service_name: LocalizedText
    purpose: str | None
    review_due: date | None = Field(description="When the decision must be reviewed")


class DecisionRead(BaseModel):
    id: uuid.UUID
    person: PersonSummary
    application_id: uuid.UUID | None
    replaces_id: uuid.UUID | None
    service_type: str
    service_name: LocalizedText
    care_level_rank: int
    purpose: str | None
    outcome: Outcome
    scope_amount: float | None
    scope_unit: str
    starts_on: date | None
    ends_on: date | None
    review_on: date | None
    review_due: date | None = Field(description="When the decision must be reviewed")
    unit: str | None
    contact: Contact | None
    facts: str
    considerations: str
    legal_basis: list[LegalBasisRead]
    criteria: CriteriaCited | None
    user_fee: dict[str, Any] | None
    lower_levels: list[LowerLevelIn]
    rights: DecisionRights
    language: LetterLanguage
    status: DecisionStatus
    drafted_by: str | None = Field(
        default=None, description="The user who drafted it; they never approve it themselves"
    )
    submitted_by: str | None = Field(
        default=None, description="The user who sent it for approval; they never approve it"
    )
    made_on: date | None
    made_by_name: str | None
    delivery: Delivery | None
    sent_on: date | None
    received_on: date | None
    appeal_deadline: date | None = Field(
        description="Four weeks after the person received it, moved to a working day"
    )
    imported_from: str | None = Field(
        default=None, description="The system this decision was imported from, if any"
    )
    evaluations: list[EvaluationRecord] = Field(default_factory=list)
    addressee: CaregiverRead | None = Field(
        default=None,
        description="The caregiver the decision is addressed to when they are the party",
    )
    ended_on: date | None = None
    ended_note: str | None = None
    version: int


class DecisionDelivery(Strict):
    method: Delivery
    sent_on: date
    received_on: date = Field(description="The day the person received (or will have received) it")


class DecisionStatusChange(Strict):
    status: DecisionStatus
    note: str | None = Field(default=None, max_length=2000)
    on: date | None = Field(default=None, description="The day it happened; today if omitted")
    next_review_on: date | None = Field(
        default=None, description="With an evaluation: when the decision is reviewed next"
    )


class EvaluationRecord(BaseModel):
    """An evaluation of a running decision: when, what was found, the next review."""

    on: date
    note: str | None
    next_review_on: date | None
    by: str


class Suggestion(BaseModel):
    service_type: str
    name: LocalizedText
    care_level_rank: int
    requires_decision: bool
    met: bool | None
    lowest: bool = Field(description="On the lowest level whose criteria are met (LEON/BEON)")
    criteria_version: int | None
    reasons: list[dict[str, Any]]


class AppealCreate(Strict):
    decision_id: uuid.UUID
    received_on: date
    sent_on: date | None = Field(
        default=None,
        description="The day the appeal was posted or sent, if known (fvl § 30: in time if "
        "posted before the deadline ends)",
    )
    appellant: str = Field(min_length=1, max_length=200, examples=["Åse Ødegård (selv)"])
    grounds: str = Field(min_length=1, max_length=10000)
    late_reason: str | None = Field(default=None, max_length=2000)


class AppealReassessment(Strict):
    result: AppealStatus = Field(
        description="changed_by_municipality, partly_changed_by_municipality (the rest goes "
        "on to the appeal body) or upheld_by_municipality"
    )
    reassessment: str = Field(min_length=1, max_length=10000)
    new_decision_id: uuid.UUID | None = Field(
        default=None, description="When changed: the new decision that replaces the appealed one"
    )


class AppealForward(Strict):
    forwarded_on: date


class AppealOutcome(Strict):
    outcome: GovernorOutcome
    outcome_on: date
    note: str | None = Field(default=None, max_length=5000)


class AppealRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    decision_id: uuid.UUID
    person_id: uuid.UUID
    received_on: date
    sent_on: date | None
    appellant: str
    grounds: str
    late: bool = Field(
        description="Posted or sent (or, if that is unknown, received) after the appeal "
        "deadline: still registered and considered if fvl § 31 allows"
    )
    late_reason: str | None
    status: AppealStatus
    reassessment: str | None
    new_decision_id: uuid.UUID | None
    forwarded_on: date | None
    outcome: GovernorOutcome | None
    outcome_on: date | None
    outcome_note: str | None
    county_governor: str = Field(description="The county governor of the municipality")
    appeal_body: AppealBody = Field(description="Who decides the appeal for this service")
    appeal_body_name: str = Field(description="Statsforvalteren i …, or the klagenemnd")
    version: int


class WaitingListRead(BaseModel):
    id: uuid.UUID
    decision_id: uuid.UUID
    person: PersonSummary
    service_type: str
    listed_on: date
    days_waiting: int
    priority: int
    status: WaitingStatus
    history: list[dict[str, Any]]
    version: int


class WaitingListStep(Strict):
    action: WaitingAction
    on: date
    unit: str | None = Field(default=None, max_length=200)
    priority: int | None = Field(default=None, ge=1, le=3)
    note: str | None = Field(default=None, max_length=2000)


class InterimReply(Strict):
    """Foreløpig svar (fvl § 11 a): why the case takes time and when to expect a decision."""

    sent_on: date
    expected_decision_by: date
    reason: str = Field(min_length=1, max_length=2000)


class WorklistItem(BaseModel):
    kind: Kind
    due: date
    overdue: bool
    subject_id: str
    person: PersonSummary
    title: str
    mine: bool = Field(default=False, description="The caller holds this case")
    unit: str | None = Field(default=None, description="The unit the task concerns")


class WorklistCount(BaseModel):
    """How many tasks of one kind the chosen scope holds. Each of overdue, due within a week and
    later is counted up to `count_cap` of the page: a count marked `…_is_lower_bound` means
    «more than this many»; one not marked is exact."""

    kind: Kind
    total: int
    total_is_lower_bound: bool = Field(
        default=False, description="There are more than `total` (a bucket reached the cap)"
    )
    overdue: int = Field(description="Due before today")
    overdue_is_lower_bound: bool = Field(
        default=False, description="There are more than `overdue` (it reached the cap)"
    )
    due_within_a_week: int = Field(description="Due today or within the next seven days")
    due_within_a_week_is_lower_bound: bool = Field(
        default=False, description="There are more than `due_within_a_week` (it reached the cap)"
    )


class WorklistPage(BaseModel):
    """One page of tasks, overdue first; pass `next_cursor` back as `cursor` for the next.
    `counts` cover the whole scope, whatever `kind` filters the page by, each bucket counted up
    to `count_cap` (so that counting costs the same in any municipality)."""

    items: list[WorklistItem]
    next_cursor: str | None = None
    counts: list[WorklistCount]
    count_cap: int = Field(description="Overdue, due within a week and later are counted to this")


PERSON_LOOKUP_MAX = 100
"""The most persons asked for at once: a page of a list."""


class PersonLookup(Strict):
    """The persons a list's rows are about, by id."""

    ids: list[uuid.UUID] = Field(min_length=1, max_length=PERSON_LOOKUP_MAX)


class IntakeSettingsRead(BaseModel):
    """The municipality's intake settings; `version` 0 until first saved."""

    four_eyes: bool = Field(
        description="A second caseworker approves every decision before it is made"
    )
    need_level_rule: NeedLevelRuleRead
    need_to_know: NeedToKnowWindowRead
    version: int


class NeedToKnowWindowRead(BaseModel):
    """How long a unit keeps its need to know after the service it delivered ended."""

    days_after_end: int = Field(
        description="Days after a service ended that its unit still opens the person"
    )
    source: str
    municipality_own: bool = Field(
        description="Whether the municipality chose it (else Mestring's default)"
    )


class NeedLevelRuleIn(Strict):
    """The municipality's thresholds for the need level, with the source it follows."""

    moderate_from: float = Field(gt=1, le=5)
    extensive_from: float = Field(gt=1, le=5)
    source: str = Field(min_length=5, max_length=1000)


class NeedLevelRuleRead(NeedLevelRuleIn):
    version: int = Field(description="0 for Mestring's default, then 1, 2, … per change")


class IntakeSettingsUpdate(Strict):
    four_eyes: bool
    need_level_rule: NeedLevelRuleIn | None = Field(
        default=None, description="Leave out to keep the current rule"
    )
    need_to_know_days_after_end: int | None = Field(
        default=None,
        ge=0,
        le=NEED_TO_KNOW_MAX_DAYS,
        description=(
            "Days after a service ended that its unit still opens the person (0 to "
            f"{NEED_TO_KNOW_MAX_DAYS}); leave out to keep the current number"
        ),
    )


# Migration import (from Gerica, Profil, CosDoc, …) ---------------------------------------

ImportedStatus = Literal["made", "sent", "in_force", "evaluated", "ended"]


class ImportPerson(Strict):
    national_id: str = Field(description="Fødselsnummer or D-nummer, 11 digits")
    given_name: str = Name
    family_name: str = Name
    address: Address = Field(default_factory=Address)
    phone: PhoneNumber | None = None
    preferred_language: str = Field(default="nb", pattern=r"^[a-z]{2,3}$")


class ImportDecision(Strict):
    reference: str = Field(
        min_length=1, max_length=100, description="The decision's id in the old system"
    )
    national_id: str
    service_type: str = Field(min_length=1, max_length=60)
    outcome: Outcome
    status: ImportedStatus
    scope_amount: float | None = Field(default=None, ge=0, le=10000)
    starts_on: date | None = None
    ends_on: date | None = None
    review_on: date | None = None
    unit: str | None = Field(default=None, max_length=60)
    made_on: date
    made_by_name: str | None = Field(default=None, max_length=200)
    sent_on: date | None = None
    received_on: date | None = None
    facts: str = Field(default="", max_length=10000)
    considerations: str = Field(default="", max_length=10000)
    language: LetterLanguage = "nb"


class ImportAppeal(Strict):
    decision_reference: str = Field(min_length=1, max_length=100)
    received_on: date
    sent_on: date | None = None
    appellant: str = Field(min_length=1, max_length=200)
    grounds: str = Field(default="", max_length=10000)
    status: AppealStatus = AppealStatus.received
    forwarded_on: date | None = None
    outcome: GovernorOutcome | None = None
    outcome_on: date | None = None


class ImportWaitingEntry(Strict):
    decision_reference: str = Field(min_length=1, max_length=100)
    listed_on: date
    priority: int = Field(default=2, ge=1, le=3)
    status: WaitingStatus = WaitingStatus.waiting


class ImportDocument(Strict):
    """Existing cases from another system; every row is checked and nothing is stored unless
    all rows pass (docs/import.md)."""

    source_system: str = Field(min_length=1, max_length=60, examples=["Gerica"])
    persons: list[ImportPerson] = Field(default_factory=list, max_length=50000)
    decisions: list[ImportDecision] = Field(default_factory=list, max_length=200000)
    appeals: list[ImportAppeal] = Field(default_factory=list, max_length=50000)
    waiting_list: list[ImportWaitingEntry] = Field(default_factory=list, max_length=50000)


class ImportResult(BaseModel):
    dry_run: bool
    persons_created: int
    persons_existing: int
    decisions: int
    appeals: int
    waiting_list: int


class AssessmentDraftIn(Strict):
    """The answers so far, as the form holds them (at most 200 kB)."""

    content: dict[str, Any]

    @field_validator("content")
    @classmethod
    def _not_too_large(cls, value: dict[str, Any]) -> dict[str, Any]:
        if len(json.dumps(value, ensure_ascii=False)) > 200_000:
            raise ValueError("A draft holds at most 200 kB")
        return value


class AssessmentDraftRead(BaseModel):
    application_id: uuid.UUID
    content: dict[str, Any]
    saved_by_name: str
    saved_at: datetime
    version: int


UiLanguage = Literal["nb", "nn", "en", "se", "sma", "smj"]


class PreferencesIn(Strict):
    language: UiLanguage


class PreferencesRead(BaseModel):
    language: UiLanguage | None = Field(description="None until the user has chosen one")
    version: int

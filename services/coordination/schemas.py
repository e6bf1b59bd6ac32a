"""Request and response bodies of the coordination API."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from services.coordination.clients import IntakeDecision
from services.coordination.domain.consent import Audience, ConsentGiver
from services.coordination.domain.evaluations import GoalEvaluation
from services.coordination.domain.meetings import MeetingDecision, MeetingStatus
from services.coordination.domain.plans import Comparison, Goal, Measure, PlanContent, TeamMember
from services.coordination.domain.relatives import ConversationStatus, Phase
from shared.schemas.common import LocalizedText
from shared.schemas.coordination import (
    CoordinatorKind,
    PlanStatus,
    RequestOutcome,
    RequestSource,
    RequestStatus,
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# Requests ----------------------------------------------------------------------------------


class RequestCreate(Strict):
    person_id: uuid.UUID
    source: RequestSource
    wants_plan: bool = True
    wants_coordinator: bool = True
    received_on: date
    submitted_by: str | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=4000)


class CoordinatorIn(Strict):
    """Who becomes koordinator; the caller when `sub` is left out."""

    sub: str | None = Field(default=None, min_length=1, max_length=200)
    name: str | None = Field(default=None, min_length=1, max_length=200)
    kind: CoordinatorKind = CoordinatorKind.coordinator


class RequestAssessment(Strict):
    outcome: RequestOutcome
    grants_plan: bool
    grants_coordinator: bool
    reasons: str = Field(min_length=1, max_length=4000)
    coordinator: CoordinatorIn | None = Field(
        default=None, description="Assign a koordinator in the same step"
    )


class RequestRead(BaseModel):
    id: uuid.UUID
    person_id: uuid.UUID
    person_name: str | None
    received_on: date
    waiting_days: int
    source: RequestSource
    wants_plan: bool
    wants_coordinator: bool
    submitted_by: str | None
    description: str | None
    units: list[str]
    status: RequestStatus
    outcome: RequestOutcome | None
    grants_plan: bool | None
    grants_coordinator: bool | None
    reasons: str | None
    assessed_on: date | None
    assessed_by_name: str | None
    is_child: bool
    version: int


# Assignments -------------------------------------------------------------------------------


class CoordinatorAssignmentCreate(CoordinatorIn):
    from_date: date


class CoordinatorAssignmentRead(BaseModel):
    id: uuid.UUID
    person_id: uuid.UUID
    person_name: str | None
    coordinator_sub: str
    coordinator_name: str
    kind: CoordinatorKind
    from_date: date
    to_date: date | None
    ended_reason: str | None


class PrimaryContactCreate(Strict):
    unit: str = Field(min_length=1, max_length=60)
    employee_sub: str | None = Field(default=None, max_length=200)
    employee_name: str = Field(min_length=1, max_length=200)
    from_date: date


class PrimaryContactRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    person_id: uuid.UUID
    unit: str
    employee_sub: str | None
    employee_name: str
    from_date: date
    to_date: date | None


class HandOver(Strict):
    to_sub: str = Field(min_length=1, max_length=200)
    to_name: str = Field(min_length=1, max_length=200)
    on: date


class HandOverResult(BaseModel):
    from_sub: str
    to_sub: str
    on: date
    persons: list[CoordinatorAssignmentRead]


class CaseloadItem(BaseModel):
    person_id: uuid.UUID
    person_name: str | None
    kind: CoordinatorKind
    since: date
    plan_id: uuid.UUID | None
    plan_status: PlanStatus | None
    next_evaluation_on: date | None
    evaluation_overdue: bool
    overdue_measures: int


# Plans -------------------------------------------------------------------------------------


class PlanCreate(Strict):
    person_id: uuid.UUID
    request_id: uuid.UUID | None = None


class PlanUpdate(PlanContent):
    """The whole content of the next version; what is left out is removed from it."""

    note: str | None = Field(default=None, max_length=500, description="What changed and why")


class PlanClose(Strict):
    reason: str = Field(min_length=1, max_length=2000)


class PersonRef(BaseModel):
    id: uuid.UUID
    name: str | None
    birth_date: date | None


class CoordinatorRef(BaseModel):
    sub: str
    name: str
    kind: CoordinatorKind
    since: date


class ConsentCreate(Strict):
    given_by_kind: ConsentGiver
    given_by_name: str | None = Field(
        default=None, max_length=200, description="Taken from intake for a representative"
    )
    representative_id: uuid.UUID | None = None
    scope_confirmed: bool = Field(
        default=False,
        description="For a guardian or fullmakt: the koordinator has read the mandate intake "
        "registers and confirms it covers personal or health matters (recorded with their name)",
    )
    given_on: date
    valid_until: date | None = None
    audiences: list[Audience] = Field(default_factory=list)
    member_ids: list[uuid.UUID] = Field(default_factory=list)
    note: str | None = Field(default=None, max_length=2000)


class ConsentWithdrawal(Strict):
    withdrawn_on: date
    reason: str | None = Field(default=None, max_length=2000)


class ConsentRead(BaseModel):
    id: uuid.UUID
    given_by_kind: ConsentGiver
    given_by_name: str
    representative_scope: str | None
    scope_confirmed_by: str | None
    given_on: date
    valid_until: date | None
    audiences: list[Audience]
    member_ids: list[uuid.UUID]
    note: str | None
    recorded_by_name: str
    withdrawn_on: date | None
    withdrawn_reason: str | None
    in_force: bool


class DecisionsFromIntake(BaseModel):
    """Intake's decisions for the person; `available` is false when intake did not answer."""

    available: bool
    detail: str | None = None
    items: list[IntakeDecision] = Field(default_factory=list)


class PlanRead(BaseModel):
    id: uuid.UUID
    person: PersonRef
    status: PlanStatus
    version: int
    goals: list[Goal]
    measures: list[Measure]
    team: list[TeamMember]
    next_evaluation_on: date | None
    activated_on: date | None
    closed_on: date | None
    closed_reason: str | None
    coordinator: CoordinatorRef | None
    consents: list[ConsentRead]
    has_consent: bool
    members_who_may_see: list[uuid.UUID]
    evaluation_overdue: bool
    overdue_measure_ids: list[uuid.UUID]
    may_edit: bool
    decisions: DecisionsFromIntake
    service_names: dict[str, LocalizedText] = Field(
        description="The names of the services the plan's measures and decisions refer to, "
        "as intake's decisions give them; empty when intake did not answer "
        "(`decisions.available` is false)"
    )
    updated_at: datetime


class PlanListItem(BaseModel):
    id: uuid.UUID
    person: PersonRef
    status: PlanStatus
    version: int
    next_evaluation_on: date | None
    activated_on: date | None
    closed_on: date | None


class PlanVersionRead(BaseModel):
    number: int
    status: PlanStatus
    created_at: datetime
    changed_by_name: str
    note: str | None


class PlanVersionDetail(PlanVersionRead):
    content: PlanContent


class PlanComparison(Comparison):
    pass


# Meetings and evaluations -----------------------------------------------------------------


class Attendee(Strict):
    name: str = Field(min_length=1, max_length=200)
    role: str | None = Field(default=None, max_length=100)
    present: bool = True


class MeetingCreate(Strict):
    meeting_on: date
    place: str | None = Field(default=None, max_length=200)
    agenda: list[str] = Field(default_factory=list, max_length=30)
    attendees: list[Attendee] = Field(default_factory=list, max_length=40)


class MeetingMinutes(Strict):
    minutes: str = Field(min_length=1, max_length=20000)
    attendees: list[Attendee] | None = Field(default=None, max_length=40)
    decisions: list[MeetingDecision] = Field(default_factory=list, max_length=30)


class MeetingRead(BaseModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    person_id: uuid.UUID
    meeting_on: date
    place: str | None
    agenda: list[str]
    attendees: list[Attendee]
    minutes: str | None
    decisions: list[MeetingDecision]
    status: MeetingStatus
    approved_on: date | None
    approved_by_name: str | None
    version: int


class EvaluationCreate(Strict):
    evaluated_on: date
    results: list[GoalEvaluation] = Field(min_length=1, max_length=50)
    next_evaluation_on: date


class EvaluationRead(BaseModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    evaluated_on: date
    results: list[GoalEvaluation]
    next_evaluation_on: date
    plan_version: int
    recorded_by_name: str


# Worklist and overview ---------------------------------------------------------------------


class WorklistItem(BaseModel):
    kind: str = Field(
        description="missing_primary_contact, evaluation_overdue, measure_overdue, "
        "measure_due_soon (owned by you, due within a week) or meeting_without_minutes"
    )
    person_id: uuid.UUID
    person_name: str | None
    due_on: date | None
    unit: str | None = None
    plan_id: uuid.UUID | None = None
    meeting_id: uuid.UUID | None = None
    measure_id: uuid.UUID | None = None
    service_type: str | None = Field(
        default=None, description="The decided service's code (missing_primary_contact)"
    )
    text: str


class CaseloadCount(BaseModel):
    coordinator_sub: str
    coordinator_name: str
    persons: int


class PersonUnits(BaseModel):
    person_id: uuid.UUID
    person_name: str | None
    units: list[str]


class Overview(BaseModel):
    """For the koordinerende enhet and leaders (Stange's indicator «antall aktive IP»)."""

    active_plans: int
    draft_plans: int
    requests_waiting: int
    evaluations_overdue: int
    without_coordinator: list[PersonUnits]
    granted_without_coordinator: list[PersonUnits]
    granted_without_plan: list[PersonUnits] = Field(
        description="Granted an individual plan, with no draft or active plan now"
    )
    caseloads: list[CaseloadCount]
    recent_hand_overs: list[CoordinatorAssignmentRead]


# Pårørendesamtaler -------------------------------------------------------------------------


class ConversationCreate(Strict):
    relative_id: uuid.UUID = Field(description="The relative as intake registers them")
    phase: Phase
    planned_on: date


class RepresentativeOption(BaseModel):
    """A guardian or fullmakt intake registers for the person, as a consent form offers it."""

    id: uuid.UUID
    kind: ConsentGiver
    name: str
    contact: str | None
    scope: str = Field(description="The mandate's wording, to read before confirming it")
    valid_from: date | None
    valid_to: date | None
    valid_today: bool


class RelativeOption(BaseModel):
    id: uuid.UUID
    name: str
    relation: str
    phone: str | None
    email: str | None
    is_next_of_kin: bool
    information_scope: str = Field(
        description="What the relative may be told: none, practical or health"
    )


class PersonRelations(BaseModel):
    """The person's representatives and relatives as intake registers them today."""

    person_id: uuid.UUID
    representatives: list[RepresentativeOption]
    relatives: list[RelativeOption]


class ConversationHeld(Strict):
    held_on: date
    agreed: str = Field(min_length=1, max_length=8000, description="What was agreed")


class ConversationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    person_id: uuid.UUID
    relative_id: uuid.UUID
    relative_name: str
    relation: str
    information_scope: str = Field(description="What the relative may be told (from intake)")
    phase: Phase
    planned_on: date
    held_on: date | None
    agreed: str | None
    status: ConversationStatus
    led_by_name: str
    version: int

"""Request and response bodies of the quality API."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from services.quality.domain.guidance import Guidance
from shared.schemas.common import LocalizedText
from shared.schemas.quality import (
    ActionStatus,
    CauseCategory,
    DeviationCategory,
    DeviationStatus,
    LinkKind,
    LinkStatus,
    RiskLevel,
)

UNIT = Field(min_length=1, max_length=60, pattern=r"^[a-z0-9][a-z0-9-]*$")
Grade = Field(ge=1, le=5)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class LinkIn(Strict):
    kind: LinkKind
    target_id: uuid.UUID


class DeviationCreate(Strict):
    """The quick report: what any employee fills in, on a phone or a tablet."""

    occurred_at: AwareDatetime
    discovered_at: AwareDatetime
    unit: str = UNIT
    place: str | None = Field(default=None, max_length=200)
    category: DeviationCategory
    collaboration_party: str | None = Field(
        default=None, max_length=200, description="For a samhandlingsavvik: the hospital or GP"
    )
    what_happened: str = Field(min_length=1, max_length=5000)
    immediate_action: str | None = Field(default=None, max_length=5000)
    person_id: uuid.UUID | None = Field(
        default=None, description="The person concerned (intake's id); the access log applies"
    )
    consequence: int = Grade
    probability: int = Grade
    is_serious: bool = Field(
        default=False, description="Death or very serious harm: notify Statens helsetilsyn at once"
    )
    is_anonymous: bool = Field(default=False, description="Store no identity; get a receipt code")
    links: list[LinkIn] = Field(default_factory=list, max_length=10)


class DeviationUpdate(Strict):
    """A handler's correction of the report: category, place and the risk grading."""

    category: DeviationCategory | None = None
    collaboration_party: str | None = Field(default=None, max_length=200)
    place: str | None = Field(default=None, max_length=200)
    consequence: int | None = Field(default=None, ge=1, le=5)
    probability: int | None = Field(default=None, ge=1, le=5)
    is_serious: bool | None = None


class Acknowledgement(Strict):
    note: str | None = Field(default=None, max_length=2000)


class CauseIn(Strict):
    category: CauseCategory
    is_underlying: bool = Field(
        default=False, description="Underlying (bakenforliggende), else direct"
    )
    description: str = Field(min_length=1, max_length=2000)


class Investigation(Strict):
    investigation: str = Field(
        min_length=1, max_length=10000, description="What happened, as found"
    )
    causes: list[CauseIn] = Field(min_length=1, max_length=20)


class Closing(Strict):
    learning_summary: str = Field(min_length=1, max_length=10000)
    outcome_for_reporter: str = Field(min_length=1, max_length=5000)


class Reopening(Strict):
    reason: str = Field(min_length=1, max_length=2000)


class ChecklistTick(Strict):
    done: bool = True


class ActionCreate(Strict):
    description: str = Field(min_length=1, max_length=5000)
    responsible: str = Field(min_length=1, max_length=200)
    due_on: date


class ActionUpdate(Strict):
    description: str | None = Field(default=None, min_length=1, max_length=5000)
    responsible: str | None = Field(default=None, min_length=1, max_length=200)
    due_on: date | None = None
    status: ActionStatus | None = None


class HandlingRulesIn(Strict):
    acknowledge_working_days: int = Field(ge=1, le=30)


class HandlingRulesRead(BaseModel):
    acknowledge_working_days: int
    is_default: bool


# Reads -------------------------------------------------------------------------------------


class Reporter(BaseModel):
    sub: str
    name: str


class LinkRead(BaseModel):
    kind: LinkKind
    target_id: uuid.UUID
    status: LinkStatus
    checked_at: datetime | None


class CauseRead(BaseModel):
    category: CauseCategory
    is_underlying: bool
    description: str


class ChecklistItemRead(BaseModel):
    code: str
    text: LocalizedText
    basis: str
    deadline: str = Field(description="«straks»: at once")
    done_at: datetime | None = None
    done_by_name: str | None = None


class ActionRead(BaseModel):
    id: uuid.UUID
    version: int
    deviation_id: uuid.UUID
    description: str
    responsible: str
    due_on: date
    status: ActionStatus
    done_on: date | None
    is_overdue: bool


class StepRead(BaseModel):
    at: datetime
    action: str
    from_status: DeviationStatus | None
    to_status: DeviationStatus
    actor_name: str | None = Field(description="None where it would reveal the reporter")
    note: str | None


class DeviationRead(BaseModel):
    id: uuid.UUID
    version: int
    occurred_at: datetime
    discovered_at: datetime
    reported_on: date
    unit: str
    place: str | None
    category: DeviationCategory
    is_collaboration: bool = Field(description="A samhandlingsavvik")
    collaboration_party: str | None
    what_happened: str
    immediate_action: str | None
    person_id: uuid.UUID | None
    consequence: int
    probability: int
    risk_score: int
    risk_level: RiskLevel
    goes_to_committee: bool
    is_serious: bool
    notification_checklist: list[ChecklistItemRead]
    is_anonymous: bool
    reporter: Reporter | None = Field(description="Shown to handlers (and the reporter) only")
    reporter_hidden: bool
    status: DeviationStatus
    acknowledge_by: date
    is_acknowledgement_late: bool
    acknowledged_on: date | None
    handler_name: str | None
    investigation: str | None
    causes: list[CauseRead]
    learning_summary: str | None
    outcome_for_reporter: str | None
    closed_on: date | None
    links: list[LinkRead]
    actions: list[ActionRead]
    steps: list[StepRead]
    may_handle: bool


class DeviationCreated(DeviationRead):
    receipt_code: str | None = Field(
        default=None, description="Anonymous reports only: shown once, to follow the outcome"
    )


class DeviationSummary(BaseModel):
    id: uuid.UUID
    reported_on: date
    unit: str
    category: DeviationCategory
    what_happened: str
    risk_score: int
    risk_level: RiskLevel
    is_serious: bool
    status: DeviationStatus
    acknowledge_by: date
    is_acknowledgement_late: bool
    closed_on: date | None


class SimilarDeviation(BaseModel):
    """An earlier deviation of the same category in the same unit, to learn from."""

    id: uuid.UUID
    reported_on: date
    what_happened: str
    risk_level: RiskLevel
    status: DeviationStatus
    cause_categories: list[CauseCategory]
    learning_summary: str | None


class ReceiptRead(BaseModel):
    """What an anonymous reporter sees with their receipt code."""

    reported_on: date
    category: DeviationCategory
    unit: str
    status: DeviationStatus
    closed_on: date | None
    outcome_for_reporter: str | None


class CountRead(BaseModel):
    key: str
    count: int


class CellRead(BaseModel):
    consequence: int
    probability: int
    risk_level: RiskLevel
    count: int


class PeriodRead(BaseModel):
    period: str = Field(examples=["2026-03"])
    count: int
    serious: int
    high_risk: int


class StatisticsRead(BaseModel):
    first: date
    last: date
    units: list[str] | None = Field(description="The units counted; None for all")
    total: int
    serious: int
    open: int
    median_days_to_close: float | None
    by_category: list[CountRead]
    by_unit: list[CountRead]
    by_risk_level: list[CountRead]
    by_status: list[CountRead]
    heat_map: list[CellRead]
    trend: list[PeriodRead]


class OverdueCheck(BaseModel):
    announced: int


GuidanceRead = Guidance

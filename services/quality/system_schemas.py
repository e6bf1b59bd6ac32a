"""Request and response bodies of the quality system: ROS, procedures, audits, supervision."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, Field

from services.quality.schemas import UNIT, Grade, Strict
from shared.schemas.common import LocalizedText
from shared.schemas.quality import (
    ActionStatus,
    AuditStatus,
    FindingKind,
    FindingStatus,
    MeasureSource,
    RiskLevel,
    RosStatus,
    SupervisionAuthority,
)

Name = Field(min_length=1, max_length=200)

# Measures ----------------------------------------------------------------------------------


class MeasureIn(Strict):
    description: str = Field(min_length=1, max_length=5000)
    responsible: str = Name
    due_on: date


class MeasureUpdate(Strict):
    description: str | None = Field(default=None, min_length=1, max_length=5000)
    responsible: str | None = Field(default=None, min_length=1, max_length=200)
    due_on: date | None = None
    status: ActionStatus | None = None


class MeasureRead(BaseModel):
    id: uuid.UUID
    version: int
    source: MeasureSource
    source_id: uuid.UUID = Field(description="The hazard, audit or supervision finding")
    unit: str | None
    non_conformity: str | None
    description: str
    responsible: str
    due_on: date
    status: ActionStatus
    done_on: date | None
    is_overdue: bool


# ROS ---------------------------------------------------------------------------------------


class RosCreate(Strict):
    unit: str = UNIT
    title: str = Name
    scope: str = Field(min_length=1, max_length=5000, description="What the analysis covers")
    analysed_on: date
    participants: list[str] = Field(min_length=1, max_length=30)


class RosUpdate(Strict):
    title: str | None = Field(default=None, min_length=1, max_length=200)
    scope: str | None = Field(default=None, min_length=1, max_length=5000)
    analysed_on: date | None = None
    participants: list[str] | None = Field(default=None, min_length=1, max_length=30)


class HazardIn(Strict):
    description: str = Field(min_length=1, max_length=2000, description="The unwanted event")
    existing_barriers: str | None = Field(default=None, max_length=2000)
    consequence: int = Grade
    probability: int = Grade


class HazardRead(BaseModel):
    id: uuid.UUID
    analysis_id: uuid.UUID
    description: str
    existing_barriers: str | None
    consequence: int
    probability: int
    risk_score: int
    risk_level: RiskLevel
    needs_measure: bool = Field(description="A high risk with no measure yet")
    measures: list[MeasureRead]
    confirmed_by_deviations: int = Field(description="Deviations that say they confirm it")


class RosSummary(BaseModel):
    id: uuid.UUID
    unit: str
    title: str
    analysed_on: date
    status: RosStatus
    hazards: int
    high_risks: int
    without_measure: int
    overdue_measures: int


class RosRead(BaseModel):
    id: uuid.UUID
    version: int
    unit: str
    title: str
    scope: str
    analysed_on: date
    participants: list[str]
    status: RosStatus
    approved_on: date | None
    approved_by: str | None
    hazards: list[HazardRead]
    may_edit: bool


class HazardChoice(BaseModel):
    """A hazard a deviation in the unit can say it confirms."""

    id: uuid.UUID
    analysis_id: uuid.UUID
    analysis_title: str
    unit: str
    description: str
    risk_level: RiskLevel


# Procedures --------------------------------------------------------------------------------


class ProcedureCreate(Strict):
    unit: str | None = Field(
        default=None,
        min_length=1,
        max_length=60,
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="None: the whole municipality",
    )
    title: str = Name
    owner: str = Field(min_length=1, max_length=200, description="Who keeps it up to date")
    valid_from: date
    review_by: date
    approved_by: str = Name
    text: str | None = Field(default=None, max_length=50000)
    link: str | None = Field(default=None, max_length=500, pattern=r"^https://\S+$")


class ProcedureRevision(Strict):
    valid_from: date
    review_by: date
    approved_by: str = Name
    text: str | None = Field(default=None, max_length=50000)
    link: str | None = Field(default=None, max_length=500, pattern=r"^https://\S+$")
    change_note: str = Field(min_length=1, max_length=2000, description="What changed")
    owner: str | None = Field(default=None, min_length=1, max_length=200)


class ProcedureConfirmation(Strict):
    version: int = Field(ge=1, description="The version number the employee read")


class ProcedureVersionRead(BaseModel):
    number: int
    valid_from: date
    review_by: date
    approved_by: str
    text: str | None
    link: str | None
    change_note: str | None
    written_by_name: str
    written_at: datetime


class ProcedureSummary(BaseModel):
    id: uuid.UUID
    unit: str | None
    title: str
    owner: str
    current_version: int
    valid_from: date
    review_by: date
    is_review_overdue: bool
    confirmed_by_me: bool = Field(description="The caller confirmed the version in force")


class ProcedureRead(ProcedureSummary):
    version: int = Field(description="The row's version, for If-Match")
    current: ProcedureVersionRead
    versions: list[ProcedureVersionRead] = Field(description="Every version, newest first")
    my_confirmed_version: int | None
    may_edit: bool
    not_followed_in_deviations: int


class ReaderRead(BaseModel):
    sub: str
    name: str
    confirmed_version: int | None = Field(description="The newest version they confirmed")
    confirmed_at: datetime | None
    has_confirmed_current: bool


class ProcedureReaders(BaseModel):
    """Who has confirmed the version in force, and who has not (yet)."""

    procedure_id: uuid.UUID
    current_version: int
    confirmed: int
    expected: int
    readers: list[ReaderRead]


# Internal audits ---------------------------------------------------------------------------


class AuditCreate(Strict):
    procedure_id: uuid.UUID
    unit: str = UNIT
    planned_on: date
    auditor: str = Name
    sample_plan: str | None = Field(default=None, max_length=5000)


class NonConformityIn(Strict):
    non_conformity: str = Field(min_length=1, max_length=5000)
    measure: MeasureIn


class AuditRecord(Strict):
    performed_on: date
    sample: str = Field(min_length=1, max_length=5000, description="What was checked")
    findings: str = Field(min_length=1, max_length=10000)
    non_conformities: list[NonConformityIn] = Field(default_factory=list, max_length=50)


class AuditSummary(BaseModel):
    id: uuid.UUID
    procedure_id: uuid.UUID
    procedure_title: str
    unit: str
    planned_on: date
    auditor: str
    status: AuditStatus
    performed_on: date | None
    non_conformities: int
    is_overdue: bool


class AuditRead(AuditSummary):
    version: int
    procedure_version: int | None
    sample_plan: str | None
    sample: str | None
    findings: str | None
    measures: list[MeasureRead]
    may_edit: bool


# Supervision -------------------------------------------------------------------------------


class FindingCreate(Strict):
    authority: SupervisionAuthority
    case_reference: str | None = Field(default=None, max_length=60)
    unit: str | None = Field(
        default=None, min_length=1, max_length=60, pattern=r"^[a-z0-9][a-z0-9-]*$"
    )
    kind: FindingKind
    title: str = Name
    description: str = Field(min_length=1, max_length=10000)
    received_on: date
    deadline: date


class FindingClosing(Strict):
    closing_note: str = Field(min_length=1, max_length=5000)


class FindingSummary(BaseModel):
    id: uuid.UUID
    authority: SupervisionAuthority
    case_reference: str | None
    unit: str | None
    kind: FindingKind
    title: str
    received_on: date
    deadline: date
    status: FindingStatus
    is_overdue: bool
    open_measures: int


class FindingRead(FindingSummary):
    version: int
    description: str
    closed_on: date | None
    closing_note: str | None
    measures: list[MeasureRead]
    may_edit: bool


# A deviation's references ------------------------------------------------------------------


class DeviationReferencesIn(Strict):
    hazard_id: uuid.UUID | None = Field(default=None, description="The ROS hazard it confirms")
    procedure_id: uuid.UUID | None = Field(
        default=None, description="The procedure that was not followed"
    )


class SurveyAnswerReference(BaseModel):
    """The survey answer a deviation was raised from: the free text of `question_id`."""

    survey_id: uuid.UUID
    survey_title: LocalizedText
    answer_id: uuid.UUID
    question_id: str
    answered_on: date
    unit: str


class DeviationReferencesRead(BaseModel):
    deviation_id: uuid.UUID
    survey_answer: SurveyAnswerReference | None = Field(
        description="The survey answer the deviation was raised from (set when routed)"
    )
    hazard: HazardChoice | None
    procedure_id: uuid.UUID | None
    procedure_title: str | None
    procedure_version: int | None = Field(description="The version in force when it was named")

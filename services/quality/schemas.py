"""Request and response bodies of the quality API: deviations (avvik) and their handling;
the quality system (ROS, procedures, internal audits, supervision, measures); the surveys
(bruker- og pårørendeundersøkelser)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from services.quality.domain.guidance import Guidance
from shared.schemas.common import LocalizedText
from shared.schemas.quality import (
    ActionStatus,
    AuditStatus,
    CauseCategory,
    DeviationCategory,
    DeviationStatus,
    FindingKind,
    FindingStatus,
    LinkKind,
    LinkStatus,
    MeasureSource,
    QuestionKind,
    Respondent,
    RiskLevel,
    RosStatus,
    SupervisionAuthority,
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


# The quality system: ROS, procedures, audits, supervision, measures --------------------

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


# Surveys (bruker- og pårørendeundersøkelser) --------------------------------------------

UnitCode = Annotated[
    str, StringConstraints(min_length=1, max_length=60, pattern=r"^[a-z0-9][a-z0-9-]*$")
]
QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]
AnswerValue = Annotated[int, Field(ge=1, le=5)] | bool | Annotated[str, Field(max_length=2000)]


class SurveyText(LocalizedText):
    """A text in bokmål (required) and nynorsk (and English, if written)."""

    nb: str = Field(min_length=1, max_length=500)
    nn: str = Field(default="", max_length=500)
    en: str = Field(default="", max_length=500)


class SurveyLongText(LocalizedText):
    nb: str = Field(default="", max_length=3000)
    nn: str = Field(default="", max_length=3000)
    en: str = Field(default="", max_length=3000)


class QuestionIn(Strict):
    id: QuestionId = Field(description="Stable within the survey, e.g. `q1` or `trygghet`")
    kind: QuestionKind
    text: SurveyText
    low_label: SurveyText | None = Field(
        default=None, description="For a scale: what 1 means, e.g. «Svært misfornøyd»"
    )
    high_label: SurveyText | None = Field(
        default=None, description="For a scale: what 5 means, e.g. «Svært fornøyd»"
    )
    required: bool = False


class SurveyContent(Strict):
    title: SurveyText
    intro: SurveyLongText = Field(default_factory=SurveyLongText)
    questions: list[QuestionIn] = Field(min_length=1, max_length=40)


class SurveyCreate(SurveyContent):
    """A survey for one service type (from the catalogue) or for one unit."""

    service_type: UnitCode | None = Field(default=None, description="The catalogue's code")
    unit: UnitCode | None = None
    respondent: Respondent = Respondent.both


class SurveyState(Strict):
    is_open: bool


class QuestionRead(BaseModel):
    id: str
    kind: QuestionKind
    text: LocalizedText
    low_label: LocalizedText | None = None
    high_label: LocalizedText | None = None
    required: bool = False


class SurveyVersionRead(BaseModel):
    number: int
    title: LocalizedText
    intro: LocalizedText
    questions: list[QuestionRead]
    has_answers: bool


class SurveyLinkRead(BaseModel):
    id: uuid.UUID
    unit: str
    token: str
    path: str = Field(description="The public answering page, under the SPA's origin")
    is_active: bool


class SurveySummary(BaseModel):
    id: uuid.UUID
    version: int
    title: LocalizedText
    service_type: str | None
    unit: str | None
    respondent: Respondent
    is_open: bool
    current_version: int
    may_manage: bool


class SurveyRead(SurveySummary):
    current: SurveyVersionRead
    versions: list[int]
    links: list[SurveyLinkRead]


class LinkCreate(Strict):
    unit: UnitCode


class TokensCreate(Strict):
    unit: UnitCode
    count: int = Field(ge=1, le=500, description="How many single-use codes to print")


class TokensCreated(BaseModel):
    """Shown once: only their hashes are kept."""

    unit: str
    tokens: list[str]
    paths: list[str]


class PublicQuestion(BaseModel):
    id: str
    kind: QuestionKind
    text: LocalizedText
    low_label: LocalizedText | None = None
    high_label: LocalizedText | None = None
    required: bool


class PublicSurvey(BaseModel):
    """What the answering page shows: the texts, never who made it or any results."""

    title: LocalizedText
    intro: LocalizedText
    questions: list[PublicQuestion]
    single_use: bool


class AnswerIn(Strict):
    """An anonymous answer: question id → 1–5, true/false or text."""

    responses: dict[QuestionId, AnswerValue | None] = Field(max_length=40)
    language: Literal["nb", "nn", "en"] = "nb"


class AnswerReceipt(BaseModel):
    answered_on: date


class FreeTextRead(BaseModel):
    answer_id: uuid.UUID
    question_id: str
    text: str
    answered_on: date
    deviation_id: uuid.UUID | None


class QuestionResultRead(BaseModel):
    id: str
    kind: QuestionKind
    text: LocalizedText
    n: int
    suppressed: bool = Field(description="Fewer answers than `min_group`: only n is shown")
    distribution: dict[str, int] = Field(
        description="Scale: `1`…`5` → count; yes/no: `yes`, `no` → count"
    )
    mean: float | None
    texts: list[FreeTextRead]


class UnitCount(BaseModel):
    unit: str
    n: int


class SurveyResults(BaseModel):
    survey_id: uuid.UUID
    survey_version: int
    first: date
    last: date
    unit: str | None
    n: int
    suppressed: bool
    min_group: int
    by_unit: list[UnitCount]
    questions: list[QuestionResultRead]


class FeedbackToDeviation(Strict):
    """Turn a free-text answer that reports a failure into a deviation of the unit."""

    question_id: QuestionId
    category: DeviationCategory
    collaboration_party: str | None = Field(
        default=None, max_length=200, description="For a samhandlingsavvik: the hospital or GP"
    )
    consequence: int = Field(ge=1, le=5)
    probability: int = Field(ge=1, le=5)


class FeedbackRouted(BaseModel):
    deviation_id: uuid.UUID
    answer_id: uuid.UUID
    question_id: str

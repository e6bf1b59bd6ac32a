"""Request and response bodies of the surveys (bruker- og pårørendeundersøkelser)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from shared.schemas.common import LocalizedText
from shared.schemas.quality import DeviationCategory, QuestionKind, Respondent

UnitCode = Annotated[
    str, StringConstraints(min_length=1, max_length=60, pattern=r"^[a-z0-9][a-z0-9-]*$")
]
QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]
AnswerValue = Annotated[int, Field(ge=1, le=5)] | bool | Annotated[str, Field(max_length=2000)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


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

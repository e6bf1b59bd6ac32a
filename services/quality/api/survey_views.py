"""Survey rows → response schemas."""

from __future__ import annotations

from typing import Any

from services.quality.domain.surveys import MIN_GROUP
from services.quality.flows.surveys import (
    PublicSeen,
    ResultsSeen,
    SurveySeen,
    answer_path,
    current_version,
)
from services.quality.models import Survey, SurveyLink, SurveyVersion
from services.quality.schemas import (
    FreeTextRead,
    PublicQuestion,
    PublicSurvey,
    QuestionRead,
    QuestionResultRead,
    SurveyLinkRead,
    SurveyRead,
    SurveyResults,
    SurveySummary,
    SurveyVersionRead,
    UnitCount,
)
from shared.schemas.common import LocalizedText
from shared.schemas.quality import Respondent


def _text(raw: dict[str, Any] | None) -> LocalizedText | None:
    if not raw:
        return None
    return LocalizedText(nb=raw.get("nb") or "–", nn=raw.get("nn", ""), en=raw.get("en", ""))


def _intro(raw: dict[str, Any]) -> LocalizedText:
    return LocalizedText.model_construct(
        nb=raw.get("nb", ""), nn=raw.get("nn", ""), en=raw.get("en", "")
    )


def _question(raw: dict[str, Any]) -> QuestionRead:
    return QuestionRead(
        id=raw["id"],
        kind=raw["kind"],
        text=_text(raw["text"]) or LocalizedText(nb=raw["id"]),
        low_label=_text(raw.get("low_label")),
        high_label=_text(raw.get("high_label")),
        required=bool(raw.get("required")),
    )


def version_read(version: SurveyVersion) -> SurveyVersionRead:
    return SurveyVersionRead(
        number=version.number,
        title=_text(version.title) or LocalizedText(nb="–"),
        intro=_intro(version.intro),
        questions=[_question(q) for q in version.questions],
        has_answers=version.has_answers,
    )


def link_read(link: SurveyLink) -> SurveyLinkRead:
    return SurveyLinkRead(
        id=link.id,
        unit=link.unit,
        token=link.token,
        path=answer_path(link.municipality, link.token),
        is_active=link.is_active,
    )


def survey_summary(survey: Survey, may_manage: bool) -> SurveySummary:
    current = current_version(survey)
    return SurveySummary(
        id=survey.id,
        version=survey.version,
        title=_text(current.title) or LocalizedText(nb="–"),
        service_type=survey.service_type,
        unit=survey.unit,
        respondent=Respondent(survey.respondent),
        is_open=survey.is_open,
        current_version=survey.current_version,
        may_manage=may_manage,
    )


def survey_read(seen: SurveySeen) -> SurveyRead:
    summary = survey_summary(seen.survey, seen.may_manage)
    return SurveyRead(
        **summary.model_dump(),
        current=version_read(seen.current),
        versions=[v.number for v in seen.survey.versions],
        links=[link_read(link) for link in seen.links],
    )


def results_read(seen: ResultsSeen, unit: str | None) -> SurveyResults:
    questions = {q["id"]: q for q in seen.version.questions}
    return SurveyResults(
        survey_id=seen.survey.id,
        survey_version=seen.version.number,
        first=seen.first,
        last=seen.last,
        unit=unit,
        n=seen.results.n,
        suppressed=seen.results.suppressed,
        min_group=MIN_GROUP,
        by_unit=[UnitCount(unit=u, n=n) for u, n in seen.results.by_unit.items()],
        questions=[
            QuestionResultRead(
                id=q.id,
                kind=q.kind,
                text=_question(questions[q.id]).text,
                n=q.n,
                suppressed=q.suppressed,
                distribution=q.distribution,
                mean=q.mean,
                texts=[
                    FreeTextRead(
                        answer_id=t.answer_id,
                        question_id=t.question_id,
                        text=t.text,
                        answered_on=t.answered_on,
                        deviation_id=t.deviation_id,
                    )
                    for t in q.texts
                ],
            )
            for q in seen.results.questions
        ],
    )


def public_survey(seen: PublicSeen) -> PublicSurvey:
    version = version_read(seen.version)
    return PublicSurvey(
        title=version.title,
        intro=version.intro,
        questions=[PublicQuestion(**q.model_dump()) for q in version.questions],
        single_use=seen.single_use,
    )

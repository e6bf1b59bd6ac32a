"""Bruker- og pårørendeundersøkelser: what a survey holds, what an answer must be, and the
results with small groups suppressed.

Forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten § 6 (f) and
§ 7 (c) ask the management system to use experience from users and relatives to improve
the services. A survey is answered anonymously: nothing in an answer says who gave it, and
a result drawn from fewer than `MIN_GROUP` answers is not shown, so that nobody in a small
unit can be recognised from their answers (personvernforordningen art. 5 (1) (c),
dataminimering; the same threshold SSB and the national user surveys use).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from shared.errors import Conflict, Forbidden, RuleViolation, RuleViolations
from shared.principal import Principal
from shared.schemas.quality import QuestionKind
from shared.schemas.roles import Role

MIN_GROUP = 5
"""Fewer answers than this in a group (a unit, a period, a question) are not shown."""
SCALE = (1, 2, 3, 4, 5)
TEXT_MAX = 2000
"""The longest free-text answer kept."""


@dataclass(frozen=True)
class Question:
    id: str
    kind: QuestionKind
    required: bool = False


def questions_of(raw: Sequence[Mapping[str, Any]]) -> list[Question]:
    return [Question(q["id"], QuestionKind(q["kind"]), bool(q.get("required"))) for q in raw]


def check_questions(questions: Sequence[Question]) -> None:
    """A survey asks at least one question, and every question has its own id."""
    if not questions:
        raise RuleViolation("body.questions", "A survey asks at least one question")
    seen: set[str] = set()
    for index, question in enumerate(questions):
        if question.id in seen:
            raise RuleViolation(
                f"body.questions.{index}.id", f"Two questions have the id «{question.id}»"
            )
        seen.add(question.id)


def check_scope(service_type: str | None, unit: str | None) -> None:
    """A survey is for one service type (all its units) or for one unit."""
    if (service_type is None) == (unit is None):
        raise RuleViolation("body.unit", "Choose either a service type or a unit, not both")


def must_version(has_answers: bool) -> bool:
    """Whether a change of the questions makes a new version: yes once anyone has answered,
    so that every answer keeps the questions it answered."""
    return has_answers


def check_may_answer(is_open: bool, link_active: bool) -> None:
    if not is_open or not link_active:
        raise Conflict("This survey is closed and takes no more answers")


def check_token_unused(used_on: date | None) -> None:
    """A single-use token gives one answer; the second is refused."""
    if used_on is not None:
        raise Conflict("This answer code has already been used")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.strip().encode()).hexdigest()


def clean_answer(questions: Sequence[Question], responses: Mapping[str, Any]) -> dict[str, Any]:
    """The answer as kept: one value per known question, each of the question's kind.

    Unanswered optional questions are left out; an empty text counts as unanswered."""
    by_id = {q.id: q for q in questions}
    errors: list[tuple[str, str]] = []
    kept: dict[str, Any] = {}
    for key, value in responses.items():
        where = f"body.responses.{key}"
        question = by_id.get(key)
        if question is None:
            errors.append((where, "The survey has no such question"))
            continue
        if value is None:
            continue
        if question.kind is QuestionKind.scale:
            if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
                errors.append((where, "Answer with a number from 1 to 5"))
                continue
        elif question.kind is QuestionKind.yes_no:
            if not isinstance(value, bool):
                errors.append((where, "Answer yes or no"))
                continue
        else:
            if not isinstance(value, str):
                errors.append((where, "Answer with text"))
                continue
            value = value.strip()
            if len(value) > TEXT_MAX:
                errors.append((where, f"Write at most {TEXT_MAX} characters"))
                continue
            if not value:
                continue
        kept[key] = value
    for question in questions:
        if question.required and question.id not in kept:
            errors.append((f"body.responses.{question.id}", "This question must be answered"))
    if errors:
        raise RuleViolations(errors)
    if not kept:
        raise RuleViolation("body.responses", "Answer at least one question")
    return kept


@dataclass(frozen=True)
class Given:
    """One stored answer as the results see it."""

    id: Any
    unit: str
    answered_on: date
    responses: Mapping[str, Any]
    routed: Mapping[str, Any] = field(default_factory=dict)
    """question id → the deviation that free text became"""


@dataclass(frozen=True)
class FreeText:
    answer_id: Any
    question_id: str
    text: str
    answered_on: date
    deviation_id: Any | None


@dataclass(frozen=True)
class QuestionResult:
    id: str
    kind: QuestionKind
    n: int
    suppressed: bool
    distribution: dict[str, int]
    mean: float | None
    texts: list[FreeText]


@dataclass(frozen=True)
class Results:
    n: int
    suppressed: bool
    by_unit: dict[str, int]
    questions: list[QuestionResult]


def _question_result(
    question: Question, answers: Sequence[Given], group_hidden: bool
) -> QuestionResult:
    given = [(a, a.responses[question.id]) for a in answers if question.id in a.responses]
    n = len(given)
    suppressed = group_hidden or n < MIN_GROUP
    if suppressed:
        return QuestionResult(question.id, question.kind, n, True, {}, None, [])
    if question.kind is QuestionKind.scale:
        distribution = {str(v): sum(1 for _, x in given if x == v) for v in SCALE}
        mean = round(sum(int(x) for _, x in given) / n, 2)
        return QuestionResult(question.id, question.kind, n, False, distribution, mean, [])
    if question.kind is QuestionKind.yes_no:
        distribution = {
            "yes": sum(1 for _, x in given if x is True),
            "no": sum(1 for _, x in given if x is False),
        }
        return QuestionResult(question.id, question.kind, n, False, distribution, None, [])
    newest_first = sorted(given, key=lambda p: (p[0].answered_on, str(p[0].id)), reverse=True)
    texts = [
        FreeText(a.id, question.id, str(x), a.answered_on, a.routed.get(question.id))
        for a, x in newest_first
    ]
    return QuestionResult(question.id, question.kind, n, False, {}, None, texts)


def summarise(questions: Sequence[Question], answers: Sequence[Given]) -> Results:
    """The numbers behind a survey's results: n, the distribution and mean of each scale,
    yes/no counts, and the free texts; a group or question with fewer than `MIN_GROUP`
    answers shows its n only."""
    by_unit: dict[str, int] = {}
    for answer in answers:
        by_unit[answer.unit] = by_unit.get(answer.unit, 0) + 1
    hidden = len(answers) < MIN_GROUP
    return Results(
        n=len(answers),
        suppressed=hidden,
        by_unit=dict(sorted(by_unit.items())),
        questions=[_question_result(q, answers, hidden) for q in questions],
    )


def check_period(first: date, last: date) -> None:
    if last < first:
        raise RuleViolation("query.last", "The period ends before it starts")
    if (last - first).days > 366 * 5:
        raise RuleViolation("query.first", "Choose a period of at most five years")


def check_routable(kind: QuestionKind, text: str | None, already: Any | None) -> str:
    """Only a free-text answer becomes a deviation, and only once."""
    if kind is not QuestionKind.text or not text:
        raise RuleViolation("body.question_id", "Only a free-text answer can become a deviation")
    if already is not None:
        raise Conflict("This answer has already become a deviation")
    return text


# Who manages and who reads -------------------------------------------------------------------


def sees(principal: Principal, survey_unit: str | None) -> bool:
    """The quality lead sees every survey; a leader those of their units and those for a
    service type (which their units may collect)."""
    if principal.has_any(Role.quality_lead):
        return True
    return principal.has_any(Role.manager) and (
        survey_unit is None or survey_unit in principal.units
    )


def check_may_manage(principal: Principal, survey_unit: str | None) -> None:
    """The quality lead manages every survey; a leader the surveys of their own units."""
    if principal.has_any(Role.quality_lead):
        return
    if principal.has_any(Role.manager) and survey_unit in principal.units:
        return
    raise Forbidden("Only the quality lead, or the leader of the survey's unit, changes it")


def check_may_collect(principal: Principal, survey_unit: str | None, unit: str) -> None:
    """Links and answer codes for a unit: the quality lead, or that unit's leader; a survey
    for one unit is collected in that unit only."""
    if survey_unit is not None and unit != survey_unit:
        raise RuleViolation("body.unit", "This survey is for another unit")
    if principal.has_any(Role.quality_lead):
        return
    if principal.has_any(Role.manager) and unit in principal.units:
        return
    raise Forbidden("Only the quality lead, or the unit's leader, collects answers in a unit")


def result_units(principal: Principal, unit: str | None) -> list[str] | None:
    """The units whose answers the caller reads (None: all of the municipality)."""
    if principal.has_any(Role.quality_lead):
        return None if unit is None else [unit]
    if unit is not None:
        if unit not in principal.units:
            raise RuleViolation("query.unit", "You see results of your own units only")
        return [unit]
    return list(principal.units)

"""Surveys: define and version them, collect answers by link or single-use code, read the
results with small groups suppressed, and turn a free-text answer into a deviation."""

from __future__ import annotations

import csv
import io
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.quality.clients import LinkChecker
from services.quality.domain import access
from services.quality.domain import surveys as rules
from services.quality.flows import Work
from services.quality.flows import deviations as deviation_flow
from services.quality.flows.references import raised_from_answer
from services.quality.models import (
    Deviation,
    Survey,
    SurveyAnswer,
    SurveyLink,
    SurveyToken,
    SurveyVersion,
)
from services.quality.repositories.surveys import SurveyRepo
from services.quality.schemas import (
    AnswerIn,
    DeviationCreate,
    FeedbackToDeviation,
    SurveyContent,
    SurveyCreate,
)
from shared.clients import ServiceClient
from shared.concurrency import check_version
from shared.errors import Conflict, Forbidden, NotFound, RuleViolation
from shared.outbox import Outbox
from shared.schemas.common import Page
from shared.schemas.quality import QuestionKind, SurveyAnswered

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""Single-use codes are typed from a letter: no 0/O or 1/I."""


@dataclass(frozen=True)
class SurveySeen:
    survey: Survey
    links: Sequence[SurveyLink]
    may_manage: bool

    @property
    def current(self) -> SurveyVersion:
        return current_version(self.survey)


@dataclass(frozen=True)
class ResultsSeen:
    survey: Survey
    version: SurveyVersion
    results: rules.Results
    units: list[str] | None
    first: date
    last: date


@dataclass(frozen=True)
class PublicSeen:
    version: SurveyVersion
    single_use: bool


def current_version(survey: Survey) -> SurveyVersion:
    return next(v for v in survey.versions if v.number == survey.current_version)


def new_link_token() -> str:
    return secrets.token_urlsafe(16)


def new_single_use_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def answer_path(municipality: str, token: str) -> str:
    return f"/svar/{municipality}/{token}"


def _content(body: SurveyContent) -> dict[str, Any]:
    return {
        "title": body.title.model_dump(),
        "intro": body.intro.model_dump(),
        "questions": [q.model_dump(mode="json") for q in body.questions],
    }


def _check_content(body: SurveyContent) -> None:
    rules.check_questions(rules.questions_of([q.model_dump() for q in body.questions]))


async def _check_service_type(catalogue: ServiceClient, code: str) -> None:
    """The service type must exist in the municipality's catalogue (asked over HTTP, as the
    caller); the catalogue being down is a 503 and nothing is stored."""
    await catalogue.get_json(f"/api/catalogue/v1/service-types/{code}", not_found="")
    return None


def _repo(work: Work) -> SurveyRepo:
    return SurveyRepo(work.session)


async def _seen(work: Work, survey_id: uuid.UUID) -> Survey:
    survey = await _repo(work).get(survey_id)
    if not rules.sees(work.user, survey.unit):
        raise NotFound("There is no such survey")
    return survey


def _may_manage(work: Work, survey: Survey) -> bool:
    try:
        rules.check_may_manage(work.user, survey.unit)
    except Forbidden:
        return False
    return True


async def create(work: Work, body: SurveyCreate, catalogue: ServiceClient) -> SurveySeen:
    rules.check_scope(body.service_type, body.unit)
    rules.check_may_manage(work.user, body.unit)
    _check_content(body)
    if body.service_type is not None:
        try:
            await _check_service_type(catalogue, body.service_type)
        except NotFound as exc:
            raise RuleViolation(
                "body.service_type", "The catalogue has no such service type"
            ) from exc
    survey = Survey(
        service_type=body.service_type,
        unit=body.unit,
        respondent=body.respondent.value,
        is_open=True,
        current_version=1,
        created_by_name=work.user.name,
        versions=[SurveyVersion(number=1, has_answers=False, **_content(body))],
    )
    await _repo(work).add(survey)
    return SurveySeen(survey, [], True)


async def page(work: Work, limit: int, cursor: str | None) -> Page[Survey]:
    units = rules.result_units(work.user, None)
    return await _repo(work).page(units, limit, cursor)


def may_manage(work: Work, survey: Survey) -> bool:
    return _may_manage(work, survey)


async def read(work: Work, survey_id: uuid.UUID) -> SurveySeen:
    survey = await _seen(work, survey_id)
    return SurveySeen(survey, await _repo(work).links(survey.id), _may_manage(work, survey))


async def revise(
    work: Work, survey_id: uuid.UUID, body: SurveyContent, if_match: int
) -> SurveySeen:
    """Change the texts and questions: in place while nobody has answered, else as a new
    version (the answers keep the version they answered)."""
    survey = await _seen(work, survey_id)
    rules.check_may_manage(work.user, survey.unit)
    check_version(if_match, survey.version)
    _check_content(body)
    current = current_version(survey)
    if rules.must_version(current.has_answers):
        number = survey.current_version + 1
        survey.versions.append(SurveyVersion(number=number, has_answers=False, **_content(body)))
        survey.current_version = number
    else:
        for name, value in _content(body).items():
            setattr(current, name, value)
        survey.updated_at = datetime.now(UTC)
    await work.session.flush()
    return SurveySeen(survey, await _repo(work).links(survey.id), True)


async def set_open(work: Work, survey_id: uuid.UUID, is_open: bool, if_match: int) -> SurveySeen:
    survey = await _seen(work, survey_id)
    rules.check_may_manage(work.user, survey.unit)
    check_version(if_match, survey.version)
    survey.is_open = is_open
    await work.session.flush()
    return SurveySeen(survey, await _repo(work).links(survey.id), True)


async def add_link(work: Work, survey_id: uuid.UUID, unit: str) -> tuple[SurveyLink, bool]:
    """The unit's collection link; the same one again if it exists (and active again)."""
    survey = await _seen(work, survey_id)
    rules.check_may_collect(work.user, survey.unit, unit)
    repo = _repo(work)
    link = await repo.link_for(survey.id, unit)
    if link is not None:
        link.is_active = True
        await repo.flush()
        return link, False
    link = SurveyLink(survey_id=survey.id, unit=unit, token=new_link_token(), is_active=True)
    repo.stage(link)
    await repo.flush()
    return link, True


async def deactivate_link(work: Work, survey_id: uuid.UUID, link_id: uuid.UUID) -> SurveyLink:
    survey = await _seen(work, survey_id)
    links = {link.id: link for link in await _repo(work).links(survey.id)}
    link = links.get(link_id)
    if link is None:
        raise NotFound("There is no such link")
    rules.check_may_collect(work.user, survey.unit, link.unit)
    link.is_active = False
    await work.session.flush()
    return link


async def issue_tokens(work: Work, survey_id: uuid.UUID, unit: str, count: int) -> list[str]:
    """Single-use answer codes for a survey sent by post; shown once, kept as hashes."""
    survey = await _seen(work, survey_id)
    rules.check_may_collect(work.user, survey.unit, unit)
    if not survey.is_open:
        raise Conflict("The survey is closed")
    codes = [new_single_use_code() for _ in range(count)]
    repo = _repo(work)
    for code in codes:
        repo.stage(SurveyToken(survey_id=survey.id, unit=unit, token_hash=rules.token_hash(code)))
    await repo.flush()
    return codes


async def results(
    work: Work,
    survey_id: uuid.UUID,
    first: date,
    last: date,
    unit: str | None,
    version_number: int | None,
) -> ResultsSeen:
    rules.check_period(first, last)
    survey = await _seen(work, survey_id)
    units = rules.result_units(work.user, unit)
    number = version_number or survey.current_version
    version = next((v for v in survey.versions if v.number == number), None)
    if version is None:
        raise RuleViolation("query.version", "The survey has no such version")
    answers = await _repo(work).answers(version.id, first=first, last=last, units=units)
    given = [
        rules.Given(
            id=a.id,
            unit=a.unit,
            answered_on=a.answered_on,
            responses=a.responses,
            routed={r["question_id"]: uuid.UUID(r["deviation_id"]) for r in a.routed},
        )
        for a in answers
    ]
    summary = rules.summarise(rules.questions_of(version.questions), given)
    return ResultsSeen(survey, version, summary, units, first, last)


def results_csv(seen: ResultsSeen) -> str:
    """The numbers behind the results, one row per question (never one per answer)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            "question_id",
            "question",
            "kind",
            "n",
            "suppressed",
            "mean",
            "1",
            "2",
            "3",
            "4",
            "5",
            "yes",
            "no",
        ]
    )
    texts = {q["id"]: q["text"]["nb"] for q in seen.version.questions}
    for q in seen.results.questions:
        d = q.distribution
        writer.writerow(
            [
                q.id,
                texts.get(q.id, ""),
                q.kind.value,
                q.n,
                "yes" if q.suppressed else "no",
                "" if q.mean is None else str(q.mean).replace(".", ","),
                *[d.get(str(v), "") for v in rules.SCALE],
                d.get("yes", ""),
                d.get("no", ""),
            ]
        )
    return out.getvalue()


async def route_feedback(work: Work, answer_id: uuid.UUID, body: FeedbackToDeviation) -> Deviation:
    """A free-text answer that tells of a failure becomes a deviation of the answer's unit,
    reported by the person handling the results, with the answer named in the report."""
    repo = _repo(work)
    answer = await repo.answer(answer_id)
    await _seen(work, answer.survey_id)
    if not access.is_handler(work.user, answer.unit):
        raise NotFound("There is no such answer")
    version = await repo.version(answer.version_id)
    kinds = {q["id"]: QuestionKind(q["kind"]) for q in version.questions}
    if body.question_id not in kinds:
        raise RuleViolation("body.question_id", "The survey has no such question")
    already = next(
        (r["deviation_id"] for r in answer.routed if r["question_id"] == body.question_id), None
    )
    text = rules.check_routable(
        kinds[body.question_id], answer.responses.get(body.question_id), already
    )
    title = version.title.get("nb", "")
    now = datetime.now(UTC)
    report = DeviationCreate(
        occurred_at=min(answer.created_at, now),
        discovered_at=now,
        unit=answer.unit,
        place=None,
        category=body.category,
        collaboration_party=body.collaboration_party,
        what_happened=(
            f"Tilbakemelding i undersøkelsen «{title}», svar {answer.answered_on:%d.%m.%Y} "
            f"(svar-id {answer.id}): {text}"
        )[:5000],
        consequence=body.consequence,
        probability=body.probability,
    )
    seen = await deviation_flow.report(work, report, LinkChecker({}))
    await raised_from_answer(work, seen.deviation, answer, body.question_id)
    answer.routed = [
        *answer.routed,
        {"question_id": body.question_id, "deviation_id": str(seen.deviation.id)},
    ]
    await work.session.flush()
    return seen.deviation


# Public answering, without sign-in ----------------------------------------------------------


async def _public_target(
    repo: SurveyRepo, token: str, *, lock: bool = False
) -> tuple[Survey, str, SurveyToken | None, SurveyLink | None]:
    link = await repo.link_by_token(token)
    if link is not None:
        return await repo.get(link.survey_id), link.unit, None, link
    single = await repo.token_by_hash(rules.token_hash(token.upper()), lock=lock)
    if single is None:
        raise NotFound("There is no survey at this address")
    return await repo.get(single.survey_id), single.unit, single, None


async def public_read(session: AsyncSession, token: str) -> PublicSeen:
    survey, _, single, link = await _public_target(SurveyRepo(session), token)
    rules.check_may_answer(survey.is_open, link.is_active if link else True)
    if single is not None:
        rules.check_token_unused(single.used_on)
    return PublicSeen(current_version(survey), single is not None)


async def public_answer(
    session: AsyncSession, outbox: Outbox, today: date, token: str, body: AnswerIn
) -> SurveyAnswer:
    """Keep one anonymous answer: no identity, no address, the day only. A single-use code
    gives one answer; its second use is a 409 and nothing is stored."""
    repo = SurveyRepo(session)
    survey, unit, single, link = await _public_target(repo, token, lock=True)
    rules.check_may_answer(survey.is_open, link.is_active if link else True)
    version = current_version(survey)
    responses = rules.clean_answer(rules.questions_of(version.questions), body.responses)
    if single is not None:
        rules.check_token_unused(single.used_on)
        if not await repo.spend_token(single.id, today):
            rules.check_token_unused(today)
    answer = SurveyAnswer(
        survey_id=survey.id,
        version_id=version.id,
        unit=unit,
        answered_on=today,
        language=body.language,
        responses=responses,
        routed=[],
    )
    repo.stage(answer)
    await repo.flush()
    await repo.mark_answered(version.id)
    await outbox.record(
        session,
        SurveyAnswered(
            survey_id=survey.id,
            survey_version=version.number,
            answer_id=answer.id,
            unit=unit,
            answered_on=today,
        ),
        subject=survey.id,
    )
    return answer

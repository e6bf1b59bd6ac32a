"""A deviation's references to the quality system: the ROS hazard it confirms and the
procedure that was not followed. Set by those who handle the deviation; seen by all who
see the deviation."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from services.quality.domain import access
from services.quality.flows import Work
from services.quality.flows.deviations import record_step
from services.quality.models import (
    Deviation,
    DeviationReference,
    Procedure,
    RiskAnalysis,
    RosHazard,
    SurveyAnswer,
    SurveyVersion,
)
from services.quality.repositories.surveys import SurveyRepo
from services.quality.schemas import DeviationReferencesIn
from shared.access_log import AccessAction
from shared.errors import NotFound, RuleViolation


@dataclass(frozen=True)
class ReferencesSeen:
    deviation_id: uuid.UUID
    hazard: tuple[RosHazard, RiskAnalysis] | None
    procedure: Procedure | None
    procedure_number: int | None
    survey_answer: tuple[SurveyAnswer, SurveyVersion, str] | None = None
    """The answer it was raised from, the version answered and the question."""


async def _visible(work: Work, deviation_id: uuid.UUID) -> Deviation:
    deviation = await work.deviations.get(deviation_id)
    if access.view_of(work.user, deviation.unit, deviation.reporter_sub) is None:
        raise NotFound("There is no such deviation")
    return deviation


async def _seen(
    work: Work, deviation_id: uuid.UUID, ref: DeviationReference | None
) -> ReferencesSeen:
    if ref is None:
        return ReferencesSeen(deviation_id, None, None, None)
    hazard = await work.ros.hazard(ref.hazard_id) if ref.hazard_id else None
    procedure = await work.procedures.get(ref.procedure_id) if ref.procedure_id else None
    answered = None
    if ref.survey_answer_id is not None:
        surveys = SurveyRepo(work.session)
        answer = await surveys.answer(ref.survey_answer_id)
        version = await surveys.version(answer.version_id)
        answered = (answer, version, ref.survey_question_id or "")
    return ReferencesSeen(deviation_id, hazard, procedure, ref.procedure_number, answered)


async def read(work: Work, deviation_id: uuid.UUID) -> ReferencesSeen:
    await _visible(work, deviation_id)
    return await _seen(work, deviation_id, await work.references.of(deviation_id))


async def set_references(
    work: Work, deviation_id: uuid.UUID, body: DeviationReferencesIn
) -> ReferencesSeen:
    """The hazard must be in a ROS analysis of the deviation's unit; the procedure must
    apply to the unit (its own or a municipality-wide one). The procedure's version in
    force is kept with the reference."""
    deviation = await _visible(work, deviation_id)
    access.check_may_handle(work.user, deviation.unit)
    if body.hazard_id is not None:
        try:
            _, analysis = await work.ros.hazard(body.hazard_id)
        except NotFound as error:
            raise RuleViolation("body.hazard_id", "There is no such hazard") from error
        if analysis.unit != deviation.unit:
            raise RuleViolation("body.hazard_id", "The hazard is in another unit's analysis")
    number = None
    if body.procedure_id is not None:
        try:
            procedure = await work.procedures.get(body.procedure_id)
        except NotFound as error:
            raise RuleViolation("body.procedure_id", "There is no such procedure") from error
        if procedure.unit is not None and procedure.unit != deviation.unit:
            raise RuleViolation("body.procedure_id", "The procedure belongs to another unit")
        number = procedure.current_number
    ref = await work.references.of(deviation_id)
    if ref is None:
        ref = await work.references.add(DeviationReference(deviation_id=deviation.id))
    if ref.procedure_id != body.procedure_id:
        ref.procedure_number = number
    ref.hazard_id = body.hazard_id
    ref.procedure_id = body.procedure_id
    record_step(
        work,
        deviation,
        "references",
        deviation.status,
        f"ROS hazard: {body.hazard_id or '-'}; procedure not followed: {body.procedure_id or '-'}",
    )
    await work.session.flush()
    await work.log(deviation.person_id, AccessAction.update, "deviation", deviation.id)
    return await _seen(work, deviation_id, ref)


async def raised_from_answer(
    work: Work, deviation: Deviation, answer: SurveyAnswer, question_id: str
) -> None:
    """The deviation just raised from a survey answer's free text names that answer."""
    await work.references.add(
        DeviationReference(
            deviation_id=deviation.id, survey_answer_id=answer.id, survey_question_id=question_id
        )
    )

"""Assessments (kartlegging): «Hva er viktig for deg?» first, then scores, resources, risks."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date

from services.intake.domain.access import check_may_assess, check_may_read_assessments
from services.intake.domain.applications import Channel
from services.intake.domain.assessments import Observations, criteria_facts, follow_ups
from services.intake.domain.decisions import BpaHours, check_bpa_hours
from services.intake.domain.functional import (
    SPEC_VERSION,
    ScoreError,
    check_scores,
    derive,
)
from services.intake.flows import ACCESS_LOG, Work
from services.intake.flows.persons import unit_record_reason
from services.intake.models import Application, Assessment, AssessmentDraft
from services.intake.schemas import AssessmentCreate, AssessmentDraftIn
from shared.access_log import AccessAction
from shared.concurrency import check_version
from shared.errors import Conflict, NotFound, RuleViolation
from shared.schemas.intake import (
    ApplicationStatus,
    AssessmentCompleted,
    WelfareTechnologyRequested,
)

RECORDED_FIELDS = {
    "what_matters",
    "scores",
    "own_resources",
    "network",
    "relatives_contribution",
    "housing",
    "rehabilitation_potential",
    "welfare_technology",
    "nutrition_risk",
    "fall_risk",
    "diagnoses",
    "note",
    "place",
    "two_helper_hours_per_week",
    "night_hours_per_week",
    "night_need_continuous",
}


def observations(body: AssessmentCreate, born: date, channel: str) -> Observations:
    return Observations(
        born=born,
        assessed_on=body.assessed_on,
        rehabilitation_potential=body.rehabilitation_potential,
        nutrition_risk=body.nutrition_risk,
        fall_risk=body.fall_risk,
        needs_24h_care=body.needs_24h_care,
        has_dementia=body.has_dementia,
        is_palliative=body.is_palliative,
        relative_care_burden=body.relative_care_burden,
        acute_need=body.acute_need,
        is_discharge_ready=channel == Channel.hospital_message,
        expected_duration_months=body.expected_duration_months,
        assessed_hours_per_week=body.assessed_hours_per_week,
    )


async def record(work: Work, application_id: uuid.UUID, body: AssessmentCreate) -> Assessment:
    """Record an assessment; the need level and the criteria facts are computed, never typed."""
    application = await work.applications.get(application_id)
    await _check_may_assess(work, application)
    if application.status in (ApplicationStatus.decided, ApplicationStatus.withdrawn):
        raise Conflict(f"The application is {application.status}; assess a new one")
    try:
        check_scores(body.scores)
    except ScoreError as exc:
        raise RuleViolation(f"body.scores.{exc.code}", str(exc)) from exc
    if body.assessed_on < application.received_on:
        raise RuleViolation("body.assessed_on", "The assessment is on or after the application")
    check_bpa_hours(
        BpaHours(
            body.assessed_hours_per_week,
            body.two_helper_hours_per_week,
            body.night_hours_per_week,
            body.night_need_continuous,
        )
    )
    rule = await work.need_level_rule()
    derived = derive(body.scores, rule)
    seen = observations(body, application.person.birth_date, application.channel)
    flags = follow_ups(seen, body.welfare_technology.positive)
    assessment = Assessment(
        person_id=application.person_id,
        application_id=application.id,
        assessed_by=work.user.sub,
        assessed_by_name=work.user.name,
        spec_version=SPEC_VERSION,
        derived={**asdict(derived), "rule": rule.source, "follow_ups": flags},
        facts=criteria_facts(derived, seen),
        **body.model_dump(mode="json", include=RECORDED_FIELDS),
        assessed_on=body.assessed_on,
    )
    await work.assessments.add(assessment)
    await work.drafts.remove_for(application.id)
    if application.status == ApplicationStatus.received:
        application.status = ApplicationStatus.in_assessment
    await work.flush()
    await work.log(application.person_id, AccessAction.create, "assessment", assessment.id)
    await work.publish(
        AssessmentCompleted(
            person_id=application.person_id,
            application_id=application.id,
            welfare_technology_screening_positive=body.welfare_technology.positive,
        ),
        subject=assessment.id,
    )
    if body.welfare_technology.positive:
        await work.publish(
            WelfareTechnologyRequested(
                person_id=application.person_id,
                application_id=application.id,
                needs=body.welfare_technology.needs,
            ),
            subject=assessment.id,
        )
    return assessment


async def for_application(work: Work, application_id: uuid.UUID) -> Sequence[Assessment]:
    """The application's assessments, oldest first; scores are history, never overwritten."""
    application = await work.applications.get(application_id)
    reason = await unit_record_reason(
        work,
        application.person_id,
        application.assessment_unit,
        "assessment",
        None,
        check_may_read_assessments,
    )
    rows = await work.assessments.for_application(application.id)
    await work.log(application.person_id, AccessAction.read, "assessment", reason=reason)
    return rows


async def draft(work: Work, application_id: uuid.UUID) -> AssessmentDraft:
    """The assessment being written for the application, for whoever may assess it."""
    application = await work.applications.get(application_id)
    await _check_may_assess(work, application)
    found = await work.drafts.for_application(application.id)
    if found is None:
        raise NotFound("No assessment is being written for this application")
    await work.log(application.person_id, AccessAction.read, "assessment_draft", found.id)
    return found


async def save_draft(
    work: Work, application_id: uuid.UUID, body: AssessmentDraftIn, if_match: int
) -> AssessmentDraft:
    """Save the answers so far; `If-Match` "0" for the first save, so two tablets writing the
    same assessment do not overwrite each other unseen (412)."""
    application = await work.applications.get(application_id)
    await _check_may_assess(work, application)
    if application.status in (ApplicationStatus.decided, ApplicationStatus.withdrawn):
        raise Conflict(f"The application is {application.status}; assess a new one")
    found = await work.drafts.for_application(application.id)
    check_version(if_match, found.version if found else 0)
    if found is None:
        found = AssessmentDraft(
            application_id=application.id,
            person_id=application.person_id,
            content=body.content,
            saved_by=work.user.sub,
            saved_by_name=work.user.name,
        )
    else:
        found.content = body.content
        found.saved_by, found.saved_by_name = work.user.sub, work.user.name
    await work.drafts.save(found)
    await work.log(application.person_id, AccessAction.update, "assessment_draft", found.id)
    return found


async def _check_may_assess(work: Work, application: Application) -> None:
    """Whether the caller may assess the application (`check_may_assess`); a refusal is
    logged as such in the person's access log."""
    async with ACCESS_LOG.refusals_logged(
        work.session, work.user, application.person_id, "assessment", application.id
    ):
        check_may_assess(work.user, application.assessment_unit)

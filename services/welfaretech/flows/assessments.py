"""Assessments (kartlegging) for welfare technology, the recommendations the rules propose,
their acceptance, and the § 4-6 a legal decision."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta

from services.welfaretech.domain.access import check_may_read_person
from services.welfaretech.domain.ethics import reflection_required
from services.welfaretech.domain.legal import LAW, Condition, check_decision
from services.welfaretech.domain.problems import (
    NotLegalDecisionCandidate,
    RecommendationAlreadyDecided,
    ReferralClosed,
)
from services.welfaretech.domain.recommendations import Abilities, Environment, propose
from services.welfaretech.flows import Work
from services.welfaretech.models import Assessment, LegalDecision, Recommendation, Technology
from services.welfaretech.schemas import (
    AssessmentCreate,
    LegalDecisionCreate,
    RecommendationDecide,
)
from shared.access_log import AccessAction
from shared.concurrency import check_version
from shared.errors import RuleViolation
from shared.schemas.welfaretech import (
    ConsentCapacity,
    RecommendationStatus,
    ReferralStatus,
    WtAssessmentCompleted,
    WtRecommendationAccepted,
)


def _abilities(body: AssessmentCreate) -> Abilities:
    a = body.abilities
    return Abilities(a.can_use_button, a.hears_alarm, a.sees_display, a.understands_device)


def _environment(body: AssessmentCreate) -> Environment:
    e = body.environment
    return Environment(
        e.has_mobile_coverage, e.has_broadband, e.has_power, e.has_stove, e.has_key_box
    )


def _check_body(work: Work, body: AssessmentCreate) -> None:
    if body.assessed_on > work.today:
        raise RuleViolation("body.assessed_on", "An assessment is recorded when it is done")
    if reflection_required(body.consent_capacity) and body.ethical_reflection is None:
        raise RuleViolation(
            "body.ethical_reflection",
            "Without (clear) capacity to consent, record the eight-step ethical reflection",
        )
    if body.consent_capacity != ConsentCapacity.yes and body.consent_given:
        raise RuleViolation(
            "body.consent_given", "Only a person with capacity to consent can consent"
        )


async def _recommend(work: Work, assessment: Assessment, body: AssessmentCreate) -> list[str]:
    catalogue = await work.technologies.active()
    by_kind: dict[str, list[Technology]] = {}
    for technology in catalogue:
        by_kind.setdefault(technology.kind, []).append(technology)
    codes: list[str] = []
    for position, proposal in enumerate(propose(body.needs, _abilities(body), _environment(body))):
        for technology in by_kind.get(proposal.kind.value, [])[:1]:
            await work.assessments.add_recommendation(
                Recommendation(
                    assessment_id=assessment.id,
                    person_id=assessment.person_id,
                    technology_id=technology.id,
                    position=position,
                    reasons=[r.value for r in proposal.reasons],
                    may_replace=[c.value for c in proposal.may_replace],
                    rule_ids=list(proposal.rule_ids),
                    sources=list(proposal.sources),
                    status=RecommendationStatus.proposed.value,
                )
            )
            codes.append(technology.code)
    return codes


async def record(work: Work, body: AssessmentCreate) -> Assessment:
    """Record the assessment and let the rules propose technologies for its needs."""
    _check_body(work, body)
    if body.referral_id is not None:
        referral = await work.referrals.get(body.referral_id)
        if body.person_id is not None and body.person_id != referral.person_id:
            raise RuleViolation("body.person_id", "The referral is about another person")
        if referral.status == ReferralStatus.closed:
            raise ReferralClosed("The referral is closed")
        person_id = referral.person_id
        referral.status = ReferralStatus.assessed.value
        unit = body.unit or referral.unit
    elif body.person_id is not None:
        person_id = (await work.intake_api().person(body.person_id)).id
        unit = body.unit
    else:
        raise RuleViolation("body.person_id", "Name the referral or the person assessed")
    assessment = Assessment(
        person_id=person_id,
        referral_id=body.referral_id,
        assessed_on=body.assessed_on,
        assessed_by=work.user.sub,
        assessed_by_name=work.user.name,
        needs=[need.value for need in body.needs],
        abilities=body.abilities.model_dump(mode="json"),
        environment=body.environment.model_dump(mode="json"),
        own_goals=body.own_goals,
        consent_capacity=body.consent_capacity.value,
        consent_given=body.consent_given,
        ethical_reflection=(
            body.ethical_reflection.model_dump(mode="json") if body.ethical_reflection else None
        ),
        unit=unit,
        note=body.note,
    )
    await work.assessments.add(assessment)
    codes = await _recommend(work, assessment, body)
    await work.assessments.refresh(assessment)
    await work.log(person_id, AccessAction.create, "assessment", assessment.id)
    await work.publish(
        WtAssessmentCompleted(
            assessment_id=assessment.id,
            person_id=person_id,
            referral_id=body.referral_id,
            needs=list(body.needs),
            consent_capacity=body.consent_capacity,
            recommended=codes,
        ),
        subject=assessment.id,
    )
    return assessment


async def _serving_units(work: Work, person_id: uuid.UUID) -> list[str | None]:
    return [
        *await work.referrals.units_for(person_id),
        *await work.loans.units_for(person_id),
    ]


async def get(work: Work, assessment_id: uuid.UUID) -> Assessment:
    """One assessment; every read is in the access log."""
    assessment = await work.assessments.get(assessment_id)
    check_may_read_person(
        work.user, [assessment.unit, *await _serving_units(work, assessment.person_id)]
    )
    await work.log(assessment.person_id, AccessAction.read, "assessment", assessment.id)
    return assessment


async def for_person(work: Work, person_id: uuid.UUID) -> Sequence[Assessment]:
    rows = await work.assessments.for_person(person_id)
    check_may_read_person(
        work.user, [*(a.unit for a in rows), *await _serving_units(work, person_id)]
    )
    for assessment in rows:  # each assessment read is in the log, by its id
        await work.log(person_id, AccessAction.read, "assessment", assessment.id)
    return rows


async def decide(
    work: Work, recommendation_id: uuid.UUID, body: RecommendationDecide, if_match: int
) -> Recommendation:
    """Accept or reject a proposed technology with a reason; an accepted one names who
    provides it and may start as a time-limited trial."""
    recommendation = await work.assessments.recommendation(recommendation_id)
    check_version(if_match, recommendation.version)
    if recommendation.status != RecommendationStatus.proposed:
        raise RecommendationAlreadyDecided(f"The recommendation is already {recommendation.status}")
    if body.accept and body.provider is None:
        raise RuleViolation("body.provider", "Say who provides the technology")
    if not body.accept and body.trial_weeks is not None:
        raise RuleViolation("body.trial_weeks", "Only an accepted technology can be tried")
    recommendation.status = (
        RecommendationStatus.accepted if body.accept else RecommendationStatus.rejected
    ).value
    recommendation.decision_reason = body.reason
    recommendation.provider = body.provider.value if body.provider else None
    recommendation.decided_by_name = work.user.name
    recommendation.decided_on = body.decided_on
    if body.trial_weeks:
        recommendation.trial_evaluation_on = body.decided_on + timedelta(weeks=body.trial_weeks)
    await work.flush()
    await work.log(
        recommendation.person_id, AccessAction.update, "recommendation", recommendation.id
    )
    if body.accept and body.provider is not None:
        await work.publish(
            WtRecommendationAccepted(
                recommendation_id=recommendation.id,
                person_id=recommendation.person_id,
                technology_code=recommendation.technology.code,
                kpr_service_code=recommendation.technology.kpr_service_code,
                provider=body.provider,
                trial_evaluation_on=recommendation.trial_evaluation_on,
            ),
            subject=recommendation.id,
        )
    return recommendation


async def add_legal_decision(
    work: Work, assessment_id: uuid.UUID, body: LegalDecisionCreate
) -> Assessment:
    """Record the § 4-6 a decision for a person without capacity to consent."""
    assessment = await work.assessments.get(assessment_id)
    if assessment.consent_capacity != ConsentCapacity.no:
        raise NotLegalDecisionCandidate(
            f"A decision under {LAW} is for a person assessed as lacking capacity to consent"
        )
    check_decision(
        body.conditions,
        body.person_does_not_resist,
        body.decided_on,
        body.valid_from,
        body.valid_until,
    )
    unknown = set(body.conditions) - {c.value for c in Condition}
    if unknown:
        raise RuleViolation("body.conditions", f"Unknown conditions: {sorted(unknown)}")
    await work.assessments.add_decision(
        LegalDecision(
            assessment_id=assessment.id,
            person_id=assessment.person_id,
            kinds=[kind.value for kind in body.kinds],
            conditions=body.conditions,
            person_does_not_resist=body.person_does_not_resist,
            decided_on=body.decided_on,
            valid_from=body.valid_from,
            valid_until=body.valid_until,
            decided_by=work.user.sub,
            decided_by_name=work.user.name,
            law=LAW,
        )
    )
    await work.assessments.refresh(assessment)
    await work.log(assessment.person_id, AccessAction.create, "legal_decision", assessment.id)
    return assessment

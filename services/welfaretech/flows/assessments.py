"""Assessments (kartlegging) for welfare technology, the recommendations the rules propose,
their acceptance, and the § 4-6 a legal decision."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta

from services.welfaretech.domain.ethics import reflection_required
from services.welfaretech.domain.legal import (
    LAW,
    check_decision,
    check_end,
    check_renewal,
)
from services.welfaretech.domain.problems import (
    NotLegalDecisionCandidate,
    RecommendationAlreadyDecided,
    ReferralClosed,
)
from services.welfaretech.domain.recommendations import Abilities, Environment, propose
from services.welfaretech.flows import Work, need_to_know
from services.welfaretech.flows import loans as loan_flow
from services.welfaretech.models import (
    Assessment,
    LegalDecision,
    Loan,
    Recommendation,
    Technology,
)
from services.welfaretech.reference import legal_basis_rules
from services.welfaretech.schemas import (
    AssessmentCreate,
    LegalDecisionCreate,
    LegalDecisionEnd,
    LegalDecisionRenew,
    LoanEnd,
    RecommendationDecide,
)
from shared.access_log import AccessAction
from shared.concurrency import check_version
from shared.errors import RuleViolation
from shared.schemas.welfaretech import (
    ConsentCapacity,
    RecommendationStatus,
    ReferralStatus,
    TechnologyKind,
    WtAssessmentCompleted,
    WtLegalDecisionEnded,
    WtLegalDecisionRenewed,
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
            recommended=codes,
        ),
        subject=assessment.id,
    )
    return assessment


async def get(work: Work, assessment_id: uuid.UUID) -> Assessment:
    """One assessment; every read is in the access log."""
    assessment = await work.assessments.get(assessment_id)
    person_id = assessment.person_id
    reason = await need_to_know.check_may_read(
        work,
        person_id,
        await need_to_know.serving(work, person_id),
        resource="assessment",
        resource_id=assessment.id,
    )
    await need_to_know.log_read(work, person_id, "assessment", assessment.id, reason)
    return assessment


async def for_person(work: Work, person_id: uuid.UUID) -> Sequence[Assessment]:
    """The person's assessments. A person this service has no referral, assessment or loan of
    is asked of intake, as the service knows persons: one of another municipality or unknown
    there is a 404 (not an empty list, which would say the person exists); intake down, 503."""
    rows = await work.assessments.for_person(person_id)
    serving = await need_to_know.serving(work, person_id)
    if not serving:  # no referral, assessment or loan of the person here
        await work.intake_api().person(person_id)
    reason = await need_to_know.check_may_read(work, person_id, serving, resource="assessment")
    for assessment in rows:  # each assessment read is in the log, by its id
        await need_to_know.log_read(work, person_id, "assessment", assessment.id, reason)
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
    await _add_decision(work, assessment, body, body.kinds)
    await work.assessments.refresh(assessment)
    return assessment


async def _add_decision(
    work: Work,
    assessment: Assessment,
    body: LegalDecisionCreate | LegalDecisionRenew,
    kinds: Sequence[TechnologyKind | str],
) -> LegalDecision:
    rule = legal_basis_rules().on(body.decided_on)
    check_decision(
        rule,
        body.conditions,
        body.person_does_not_resist,
        body.decided_on,
        body.valid_from,
        body.valid_until,
        work.today,
    )
    decision = await work.assessments.add_decision(
        LegalDecision(
            assessment_id=assessment.id,
            person_id=assessment.person_id,
            kinds=[TechnologyKind(kind).value for kind in kinds],
            conditions=body.conditions,
            person_does_not_resist=body.person_does_not_resist,
            decided_on=body.decided_on,
            valid_from=body.valid_from,
            valid_until=body.valid_until,
            decided_by=work.user.sub,
            decided_by_name=work.user.name,
            law=rule.cites,
        )
    )
    await work.log(assessment.person_id, AccessAction.create, "legal_decision", decision.id)
    return decision


def _is_closed(decision: LegalDecision) -> bool:
    return decision.renewed_by_id is not None or decision.ended_on is not None


async def renew_legal_decision(
    work: Work, decision_id: uuid.UUID, body: LegalDecisionRenew, if_match: int
) -> Assessment:
    """Renew a lapsing or lapsed decision: a new decision for the same technology, each
    condition documented anew, the person not resisting, a new time limit within the rule;
    the old one names it."""
    old = await work.assessments.decision(decision_id)
    check_version(if_match, old.version)
    check_renewal(is_closed=_is_closed(old), old_until=old.valid_until, new_until=body.valid_until)
    assessment = await work.assessments.get(old.assessment_id)
    renewal = await _add_decision(work, assessment, body, old.kinds)
    old.renewed_by_id = renewal.id
    await work.flush()
    await work.publish(
        WtLegalDecisionRenewed(
            decision_id=renewal.id,
            renews_id=old.id,
            person_id=assessment.person_id,
            kinds=[TechnologyKind(kind) for kind in renewal.kinds],
            valid_from=renewal.valid_from,
            valid_until=renewal.valid_until,
        ),
        subject=renewal.id,
    )
    await work.assessments.refresh(assessment)
    return assessment


async def end_legal_decision(
    work: Work, decision_id: uuid.UUID, body: LegalDecisionEnd, if_match: int
) -> tuple[Assessment, list[Loan]]:
    """End a decision early (the conditions no longer hold, the person resists, it is not
    renewed). The alarm or location technology resting on it alone may not be used from that
    day: those loans end with it, in this transaction, the devices collected."""
    decision = await work.assessments.decision(decision_id)
    check_version(if_match, decision.version)
    check_end(
        is_closed=_is_closed(decision),
        decided_on=decision.decided_on,
        ended_on=body.ended_on,
        today=work.today,
    )
    assessment = await work.assessments.get(decision.assessment_id)
    decision.ended_on = body.ended_on
    decision.end_reason = body.reason
    decision.ended_by_name = work.user.name
    await work.flush()
    loans = await loan_flow.end_resting_on(
        work,
        assessment,
        decision,
        LoanEnd(
            ended_on=body.ended_on,
            reason=f"{decision.law}: {body.reason}",
            device_to=body.device_to,
        ),
    )
    await work.log(assessment.person_id, AccessAction.update, "legal_decision", decision.id)
    await work.publish(
        WtLegalDecisionEnded(
            decision_id=decision.id,
            person_id=assessment.person_id,
            kinds=[TechnologyKind(kind) for kind in decision.kinds],
            ended_on=body.ended_on,
            loans_ended=[loan.id for loan in loans],
        ),
        subject=decision.id,
    )
    await work.assessments.refresh(assessment)
    return assessment, loans

"""Model → response schema: how welfaretech's rows are shown through the API."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date

from services.welfaretech.domain.benefits import DEFAULT_STAFF_HOUR_COST_NOK, Total
from services.welfaretech.domain.legal import (
    LegalBasisMissing,
    LegalBasisRule,
    check_may_activate,
    decision_status,
    needs_decision,
)
from services.welfaretech.domain.loans import ListedLoan, is_check_overdue
from services.welfaretech.domain.recommendations import explain
from services.welfaretech.flows.benefits import Dashboard, LoanLedger
from services.welfaretech.flows.loans import LegalBasis, decision_facts, decisions_of
from services.welfaretech.models import (
    Assessment,
    BenefitMeasurement,
    Device,
    LegalDecision,
    Loan,
    Recommendation,
    Referral,
    Technology,
)
from services.welfaretech.reference import legal_basis_rules
from services.welfaretech.schemas import (
    AbilitiesIn,
    AssessmentRead,
    BenefitDashboard,
    CheckRead,
    DeviationReportRead,
    DeviceRead,
    DispenserChecklist,
    EnvironmentIn,
    EthicalReflection,
    LedgerLineRead,
    LegalBasisRead,
    LegalDecisionRead,
    LoanBenefits,
    LoanRead,
    LoanSummary,
    MeasuredLoanRead,
    MeasurementRead,
    RecommendationRead,
    ReferralDetail,
    ReferralRead,
    TechnologyBenefits,
    TechnologyRead,
    TotalRead,
)
from shared.schemas.common import LocalizedText
from shared.schemas.intake import PersonSummary
from shared.schemas.welfaretech import (
    ConsentCapacity,
    DeviationDelivery,
    LoanStatus,
    PublicTechnology,
    RecommendationStatus,
    TechnologyKind,
)


def _public_fields(t: Technology) -> dict[str, object]:
    return {
        "code": t.code,
        "kind": t.kind,
        "name": LocalizedText(**t.name),
        "purpose": t.purpose,
        "iso9999": t.iso9999,
        "kpr_service_code": t.kpr_service_code,
        "needs": t.needs,
        "can_replace": t.can_replace,
        "requirements": t.requirements,
        "is_alarm_or_location": t.is_alarm_or_location,
        "supplier": t.supplier,
        "model": t.model,
        "user_fee_monthly_nok": t.user_fee_monthly_nok,
    }


def public_technology(t: Technology) -> PublicTechnology:
    return PublicTechnology.model_validate(_public_fields(t))


def technology_read(t: Technology) -> TechnologyRead:
    return TechnologyRead.model_validate(
        {
            **_public_fields(t),
            "id": t.id,
            "version": t.version,
            "contraindications": t.contraindications,
            "response_chain": t.response_chain,
            "purchase_cost_nok": t.purchase_cost_nok,
            "monthly_cost_nok": t.monthly_cost_nok,
            "check_interval_days": t.check_interval_days,
            "is_active": t.is_active,
        }
    )


def referral_read(r: Referral, name_now: str | None = None) -> ReferralRead:
    """`name_now`: the person's name as intake shows it now, else the one stored."""
    name = name_now or r.person_name
    return ReferralRead(
        id=r.id,
        version=r.version,
        person_id=r.person_id,
        person_name=name,
        person_name_available=name is not None,
        source=r.source,
        application_id=r.application_id,
        requested=[TechnologyKind(k) for k in r.requested],
        note=r.note,
        unit=r.unit,
        received_on=r.received_on,
        status=r.status,
        referred_by_name=r.referred_by_name,
    )


def referral_detail(r: Referral, person: PersonSummary) -> ReferralDetail:
    name = f"{person.given_name} {person.family_name}"
    return ReferralDetail(**referral_read(r, name).model_dump(), person=person)


def recommendation_read(
    r: Recommendation, assessment: Assessment, today: date
) -> RecommendationRead:
    """With whether it may be activated today, and why not (consent, § 4-6 a)."""
    capacity = ConsentCapacity(assessment.consent_capacity)
    blocked: str | None = None
    try:
        check_may_activate(
            capacity=capacity,
            consent_given=assessment.consent_given,
            is_alarm_or_location=r.technology.is_alarm_or_location,
            kind=r.technology.kind,
            decisions=decisions_of(assessment),
            on=today,
        )
    except LegalBasisMissing as exc:
        blocked = exc.detail
    if r.status != RecommendationStatus.accepted and blocked is None:
        blocked = "Not accepted"
    reasons, may_replace = explain(r.rule_ids)
    return RecommendationRead(
        id=r.id,
        version=r.version,
        technology=technology_read(r.technology),
        reasons=list(reasons),
        may_replace=list(may_replace),
        rule_ids=r.rule_ids,
        sources=r.sources,
        status=r.status,
        decision_reason=r.decision_reason,
        provider=r.provider,
        decided_by_name=r.decided_by_name,
        decided_on=r.decided_on,
        trial_evaluation_on=r.trial_evaluation_on,
        needs_legal_decision=needs_decision(capacity, r.technology.is_alarm_or_location),
        may_activate=blocked is None,
        blocked_because=blocked,
    )


def legal_decision_read(
    d: LegalDecision, renews: uuid.UUID | None, today: date, rule: LegalBasisRule
) -> LegalDecisionRead:
    return LegalDecisionRead(
        id=d.id,
        version=d.version,
        kinds=[TechnologyKind(k) for k in d.kinds],
        conditions=d.conditions,
        person_does_not_resist=d.person_does_not_resist,
        decided_on=d.decided_on,
        valid_from=d.valid_from,
        valid_until=d.valid_until,
        decided_by_name=d.decided_by_name,
        law=d.law,
        status=decision_status(
            decision_facts(d),
            is_renewed=d.renewed_by_id is not None,
            today=today,
            notice_days=rule.renew_notice_days,
        ),
        renewed_by_id=d.renewed_by_id,
        renews_id=renews,
        ended_on=d.ended_on,
        end_reason=d.end_reason,
        ended_by_name=d.ended_by_name,
    )


def legal_basis_read(rule: LegalBasisRule) -> LegalBasisRead:
    return LegalBasisRead(
        law=rule.cites,
        source=rule.source,
        conditions=list(rule.conditions),
        max_months=rule.max_months,
        max_months_basis=rule.max_months_basis,
        renew_notice_days=rule.renew_notice_days,
    )


def assessment_read(a: Assessment, today: date) -> AssessmentRead:
    rule = legal_basis_rules().on(today)
    renews = {d.renewed_by_id: d.id for d in a.legal_decisions if d.renewed_by_id}
    return AssessmentRead(
        id=a.id,
        version=a.version,
        person_id=a.person_id,
        referral_id=a.referral_id,
        assessed_on=a.assessed_on,
        assessed_by_name=a.assessed_by_name,
        needs=a.needs,
        abilities=AbilitiesIn.model_validate(a.abilities),
        environment=EnvironmentIn.model_validate(a.environment),
        own_goals=a.own_goals,
        consent_capacity=a.consent_capacity,
        consent_given=a.consent_given,
        ethical_reflection=(
            EthicalReflection.model_validate(a.ethical_reflection) if a.ethical_reflection else None
        ),
        unit=a.unit,
        note=a.note,
        recommendations=[recommendation_read(r, a, today) for r in a.recommendations],
        legal_decisions=[
            legal_decision_read(d, renews.get(d.id), today, rule) for d in a.legal_decisions
        ],
        legal_basis=legal_basis_read(rule),
    )


def device_read(d: Device) -> DeviceRead:
    return DeviceRead(
        id=d.id,
        version=d.version,
        technology_code=d.technology.code,
        technology_name=LocalizedText(**d.technology.name),
        kind=d.technology.kind,
        serial=d.serial,
        model=d.model,
        status=d.status,
        acquired_on=d.acquired_on,
    )


def _listed_device(loan: ListedLoan) -> DeviceRead:
    return DeviceRead(
        id=loan.device_id,
        version=loan.device_version,
        technology_code=loan.technology_code,
        technology_name=LocalizedText(**loan.technology_name),
        kind=loan.technology_kind,
        serial=loan.device_serial,
        model=loan.device_model,
        status=loan.device_status,
        acquired_on=loan.device_acquired_on,
    )


def _loan_fields(
    loan: Loan | ListedLoan,
    device: DeviceRead,
    today: date,
    names: Mapping[uuid.UUID, str | None],
    legal: Mapping[uuid.UUID, LegalBasis],
) -> dict[str, object]:
    name = names.get(loan.person_id)
    basis = legal[loan.id]
    return {
        "id": loan.id,
        "version": loan.version,
        "person_id": loan.person_id,
        "person_name": name,
        "person_name_available": name is not None,
        "needs_legal_decision": basis.needs_decision,
        "legal_decision_until": basis.decision_until,
        "legal_basis_lapsed": (
            basis.needs_decision and basis.decision_until is None and loan.ended_on is None
        ),
        "legal_decision_lapses_soon": basis.lapses_soon,
        "legal_decision_id": basis.decision_id,
        "assessment_id": basis.assessment_id,
        "recommendation_id": loan.recommendation_id,
        "device": device,
        "unit": loan.unit,
        "installed_on": loan.installed_on,
        "installed_by_name": loan.installed_by_name,
        "alarm_chain_tested": loan.alarm_chain_tested,
        "dispenser_checklist": (
            DispenserChecklist.model_validate(loan.dispenser_checklist)
            if loan.dispenser_checklist
            else None
        ),
        "is_trial": loan.is_trial,
        "evaluation_on": loan.evaluation_on,
        "check_interval_days": loan.check_interval_days,
        "next_check_on": loan.next_check_on,
        "is_check_overdue": is_check_overdue(loan.next_check_on, today),
        "status": LoanStatus.active if loan.ended_on is None else LoanStatus.ended,
        "ended_on": loan.ended_on,
        "end_reason": loan.end_reason,
    }


def loan_summary(
    loan: ListedLoan,
    today: date,
    names: Mapping[uuid.UUID, str | None],
    legal: Mapping[uuid.UUID, LegalBasis],
) -> LoanSummary:
    """From a loan as a list reads it (`LoanRepo.page`: the columns of `LISTED`). `names`
    from intake (`IntakeApi.names`); a person missing there shows as unavailable. `legal`
    from `flows.loans.legal_bases`: the § 4-6 a decision the loan rests on today."""
    return LoanSummary(**_loan_fields(loan, _listed_device(loan), today, names, legal))


def loan_read(
    loan: Loan,
    today: date,
    names: Mapping[uuid.UUID, str | None],
    legal: Mapping[uuid.UUID, LegalBasis],
) -> LoanRead:
    """The loan with its checks and deviations; the rest as a list shows it (`loan_summary`)."""
    return LoanRead(
        **_loan_fields(loan, device_read(loan.device), today, names, legal),
        checks=[
            CheckRead(
                id=c.id,
                kind=c.kind,
                performed_on=c.performed_on,
                performed_by_name=c.performed_by_name,
                passed=c.passed,
                note=c.note,
            )
            for c in loan.checks
        ],
        deviations=[
            DeviationReportRead(
                id=d.id,
                check_id=d.check_id,
                status=DeviationDelivery(d.status),
                attempts=d.attempts,
                last_error=d.last_error,
                quality_deviation_id=d.quality_deviation_id,
                delivered_at=d.delivered_at,
            )
            for d in loan.deviations
        ],
    )


def measurement_read(m: BenefitMeasurement) -> MeasurementRead:
    return MeasurementRead(
        id=m.id,
        loan_id=m.loan_id,
        kind=m.kind,
        week=m.week,
        measured_on=m.measured_on,
        planned_visits_per_week=m.planned_visits_per_week,
        night_visits_per_week=m.night_visits_per_week,
        staff_minutes_per_week=m.staff_minutes_per_week,
        falls_last_4_weeks=m.falls_last_4_weeks,
        admissions_last_4_weeks=m.admissions_last_4_weeks,
        felt_safety=m.felt_safety,
        staff_hour_cost_nok=m.staff_hour_cost_nok,
        gain_owner=m.gain_owner,
        realisation=m.realisation,
        recorded_by_name=m.recorded_by_name,
    )


def _ledger_lines(item: LoanLedger) -> list[LedgerLineRead]:
    return [
        LedgerLineRead(
            measure=line.measure,
            kind=line.kind.value,
            unit=line.unit,
            baseline=line.baseline,
            follow_up=line.follow_up,
            gain=line.gain,
            gain_per_year=line.gain_per_year,
            formula=line.formula,
        )
        for line in (item.gains.lines if item.gains else ())
    ]


def measured_loan(item: LoanLedger) -> MeasuredLoanRead:
    return MeasuredLoanRead(
        loan_id=item.loan.id,
        technology_code=item.loan.device.technology.code,
        unit=item.loan.unit,
        installed_on=item.loan.installed_on,
        follow_up_week=item.latest.week if item.latest else 0,
        ledger=_ledger_lines(item),
    )


def loan_benefits(item: LoanLedger) -> LoanBenefits:
    return LoanBenefits(
        loan_id=item.loan.id,
        technology_code=item.loan.device.technology.code,
        measurements=[measurement_read(m) for m in item.measurements],
        follow_up_week=item.latest.week if item.latest else None,
        gain_owner=item.baseline.gain_owner if item.baseline else None,
        realisation=item.baseline.realisation if item.baseline else None,
        ledger=_ledger_lines(item),
    )


def _totals(totals: list[Total]) -> list[TotalRead]:
    return [
        TotalRead(
            measure=t.measure,
            unit=t.unit,
            loans_measured=t.loans,
            baseline=t.baseline,
            follow_up=t.follow_up,
            gain=t.gain,
            gain_per_year=t.gain_per_year,
        )
        for t in totals
    ]


def dashboard_read(municipality: str, board: Dashboard) -> BenefitDashboard:
    active, trials_due, overdue = board.counts
    return BenefitDashboard(
        municipality=municipality,
        loans_measured=board.loans_measured,
        totals=_totals(board.totals),
        by_technology=[
            TechnologyBenefits(
                technology_code=technology.code,
                technology_name=LocalizedText(**technology.name),
                loans_measured=loans,
                totals=_totals(totals),
            )
            for technology, loans, totals in board.by_technology
        ],
        active_loans=active,
        trials_due_for_evaluation=trials_due,
        checks_overdue=overdue,
        staff_hour_cost_default_nok=DEFAULT_STAFF_HOUR_COST_NOK,
    )

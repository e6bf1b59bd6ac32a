"""Device loans: install at a person, check on a schedule, return; and the avvik a failed
alarm test raises in the quality service (recorded first, so it is never lost)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Protocol

from services.welfaretech.domain.access import check_may_read_person, loan_period
from services.welfaretech.domain.legal import (
    DecisionFacts,
    check_may_activate,
    decision_in_force_until,
)
from services.welfaretech.domain.loans import (
    ListedLoan,
    check_device_lendable,
    check_dispenser_checklist,
    check_end,
    check_install_date,
    deviation_text,
    interval_days,
    needs_alarm_test,
    next_check,
)
from services.welfaretech.domain.problems import (
    LoanAlreadyEnded,
    ProvidedOtherwise,
    RecommendationNotAccepted,
)
from services.welfaretech.flows import Work, need_to_know
from services.welfaretech.models import (
    Assessment,
    DeviationReport,
    LegalDecision,
    Loan,
    LoanCheck,
)
from services.welfaretech.reference import legal_basis_rules
from services.welfaretech.schemas import CheckCreate, LoanCreate, LoanEnd
from shared.access_log import AccessAction
from shared.clock import OSLO
from shared.concurrency import check_version
from shared.errors import RuleViolation
from shared.schemas.roles import Role
from shared.schemas.welfaretech import (
    CheckKind,
    ConsentCapacity,
    DeviationDelivery,
    DeviceStatus,
    LoanEnded,
    LoanStarted,
    Provider,
    RecommendationStatus,
    TechnologyKind,
)

RETRY_BATCH = 20
QUALITY_CATEGORY = "welfare_technology"
"""The quality service's deviation category for welfare technology (avvikskategori)."""


def decision_facts(d: LegalDecision) -> DecisionFacts:
    return DecisionFacts(
        valid_from=d.valid_from,
        valid_until=d.valid_until,
        kinds=frozenset(d.kinds),
        person_does_not_resist=d.person_does_not_resist,
        ended_on=d.ended_on,
    )


def decisions_of(assessment: Assessment) -> list[DecisionFacts]:
    return [decision_facts(d) for d in assessment.legal_decisions]


async def start(work: Work, body: LoanCreate) -> Loan:
    """Install a device at the person: only on an accepted recommendation the municipality
    lends, with consent or a § 4-6 a decision in force, the dispenser checklist complete and
    an alarm's response chain tested."""
    recommendation = await work.assessments.recommendation(body.recommendation_id)
    if recommendation.status != RecommendationStatus.accepted:
        raise RecommendationNotAccepted("Only an accepted recommendation can start a loan")
    if recommendation.provider != Provider.municipal_loan:
        raise ProvidedOtherwise(f"The technology is provided otherwise ({recommendation.provider})")
    device = await work.devices.get(body.device_id)
    technology = recommendation.technology
    if device.technology_id != technology.id:
        raise RuleViolation("body.device_id", f"The device is not a {technology.code}")
    check_device_lendable(DeviceStatus(device.status))
    check_install_date(body.installed_on, work.today)
    assessment = await work.assessments.get(recommendation.assessment_id)
    check_may_activate(
        capacity=ConsentCapacity(assessment.consent_capacity),
        consent_given=assessment.consent_given,
        is_alarm_or_location=technology.is_alarm_or_location,
        kind=technology.kind,
        decisions=decisions_of(assessment),
        on=body.installed_on,
    )
    kind = TechnologyKind(technology.kind)
    if kind == TechnologyKind.medication_dispenser:
        check_dispenser_checklist(
            body.dispenser_checklist.model_dump() if body.dispenser_checklist else None
        )
    if needs_alarm_test(kind) and body.alarm_chain_tested is None:
        raise RuleViolation(
            "body.alarm_chain_tested", "Test the response chain when installing an alarm"
        )
    days = interval_days(kind, technology.check_interval_days)
    loan = Loan(
        device_id=device.id,
        person_id=recommendation.person_id,
        recommendation_id=recommendation.id,
        unit=body.unit,
        installed_on=body.installed_on,
        installed_by=work.user.sub,
        installed_by_name=work.user.name,
        alarm_chain_tested=body.alarm_chain_tested,
        dispenser_checklist=(
            body.dispenser_checklist.model_dump(mode="json") if body.dispenser_checklist else None
        ),
        is_trial=recommendation.trial_evaluation_on is not None,
        evaluation_on=recommendation.trial_evaluation_on,
        check_interval_days=days,
        next_check_on=next_check(body.installed_on, days),
    )
    await work.loans.add(loan)
    device.status = DeviceStatus.on_loan.value
    await work.flush()
    await work.loans.refresh(loan)
    if body.alarm_chain_tested is not None:
        check = CheckCreate(
            kind=CheckKind.alarm_test,
            performed_on=body.installed_on,
            passed=body.alarm_chain_tested,
            note=body.alarm_test_note or "Ved installasjon",
        )
        await _record_check(work, loan, check)
    await work.log(loan.person_id, AccessAction.create, "loan", loan.id)
    await work.publish(
        LoanStarted(
            loan_id=loan.id,
            person_id=loan.person_id,
            device_id=device.id,
            technology_code=technology.code,
            kpr_service_code=technology.kpr_service_code,
            installed_on=loan.installed_on,
            is_trial=loan.is_trial,
        ),
        subject=loan.id,
    )
    return await work.loans.refresh(loan)


async def _record_check(work: Work, loan: Loan, body: CheckCreate) -> LoanCheck:
    check = await work.loans.add_check(
        LoanCheck(
            loan_id=loan.id,
            kind=body.kind.value,
            performed_on=body.performed_on,
            performed_by_name=work.user.name,
            passed=body.passed,
            note=body.note,
        )
    )
    if body.kind == CheckKind.alarm_test and not body.passed:
        await _raise_deviation(work, loan, check)
    return check


async def _raise_deviation(work: Work, loan: Loan, check: LoanCheck) -> None:
    technology = loan.device.technology
    at = datetime.combine(check.performed_on, time(12), tzinfo=OSLO).astimezone(UTC)
    report = await work.loans.add_deviation(
        DeviationReport(
            loan_id=loan.id,
            check_id=check.id,
            status=DeviationDelivery.pending.value,
            attempts=0,
            body={
                "occurred_at": at.isoformat(),
                "discovered_at": at.isoformat(),
                "unit": loan.unit,
                "category": QUALITY_CATEGORY,
                "what_happened": deviation_text(
                    technology.name.get("nb", technology.code), loan.device.serial, check.note
                ),
                "immediate_action": "Responskjeden må rettes og testes på nytt.",
                "person_id": str(loan.person_id),
                "consequence": 3,
                "probability": 2,
                "links": [{"kind": "loan", "target_id": str(loan.id)}],
            },
        )
    )
    await _deliver(work, report)


async def _deliver(work: Work, report: DeviationReport) -> bool:
    delivery = await work.quality_api().report_deviation(report.id, report.body)
    report.attempts += 1
    if delivery.delivered:
        report.status = DeviationDelivery.delivered.value
        report.quality_deviation_id = delivery.deviation_id
        report.delivered_at = datetime.now(UTC)
        report.last_error = None
    else:
        report.last_error = delivery.error
    await work.flush()
    return delivery.delivered


async def retry_pending(work: Work) -> tuple[int, int, int]:
    """Send the deviations the quality service has not taken yet: (tried, delivered, left)."""
    pending = await work.loans.pending_deviations(RETRY_BATCH)
    delivered = 0
    for report in pending:
        delivered += await _deliver(work, report)
    left = len(await work.loans.pending_deviations(RETRY_BATCH))
    return len(pending), delivered, left


async def get(work: Work, loan_id: uuid.UUID) -> Loan:
    """One loan; every read is in the access log."""
    loan = await work.loans.get(loan_id)
    reason = await need_to_know.check_may_read(
        work,
        loan.person_id,
        [loan_period(loan.unit, loan.installed_on, loan.ended_on)],
        resource="loan",
        resource_id=loan.id,
    )
    await need_to_know.log_read(work, loan.person_id, "loan", loan.id, reason)
    return loan


async def log_listed(work: Work, loans: Sequence[ListedLoan]) -> None:
    """Each listed loan in the access log, in one statement whatever the page's size."""
    await work.log_each([(loan.person_id, loan.id) for loan in loans], AccessAction.search, "loan")


async def record_check(work: Work, loan_id: uuid.UUID, body: CheckCreate) -> Loan:
    """A scheduled check; the next one is due an interval after it. A failed alarm test
    raises an avvik in the quality service."""
    loan = await work.loans.get(loan_id)
    window = await need_to_know.RELATION_FACTS.window(work.session)
    check_may_read_person(
        work.user, [loan_period(loan.unit, loan.installed_on, loan.ended_on)], work.today, window
    )
    if loan.ended_on is not None:
        raise LoanAlreadyEnded("The loan has ended")
    if body.performed_on < loan.installed_on or body.performed_on > work.today:
        raise RuleViolation("body.performed_on", "A check is between the installation and today")
    if body.kind == CheckKind.alarm_test and not needs_alarm_test(
        TechnologyKind(loan.device.technology.kind)
    ):
        raise RuleViolation("body.kind", "This device has no alarm chain to test")
    await _record_check(work, loan, body)
    loan.next_check_on = next_check(body.performed_on, loan.check_interval_days)
    await work.flush()
    await work.log(loan.person_id, AccessAction.update, "loan", loan.id)
    return await work.loans.refresh(loan)


async def end(work: Work, loan_id: uuid.UUID, body: LoanEnd, if_match: int) -> Loan:
    """Return the device: the loan ends, the device goes back to stock, repair or retirement."""
    loan = await work.loans.get(loan_id)
    check_version(if_match, loan.version)
    if loan.ended_on is not None:
        raise LoanAlreadyEnded("The loan has already ended")
    await _close(work, loan, body)
    return await work.loans.refresh(loan)


async def _close(work: Work, loan: Loan, body: LoanEnd) -> None:
    if body.device_to == DeviceStatus.on_loan:
        raise RuleViolation("body.device_to", "A returned device is not on loan")
    check_end(loan.installed_on, body.ended_on, work.today)
    loan.ended_on = body.ended_on
    loan.end_reason = body.reason
    loan.next_check_on = None
    loan.device.status = body.device_to.value
    await work.flush()
    await work.log(loan.person_id, AccessAction.update, "loan", loan.id)
    await work.publish(
        LoanEnded(
            loan_id=loan.id,
            person_id=loan.person_id,
            device_id=loan.device_id,
            technology_code=loan.device.technology.code,
            ended_on=body.ended_on,
        ),
        subject=loan.id,
    )


async def end_resting_on(
    work: Work, assessment: Assessment, decision: LegalDecision, body: LoanEnd
) -> list[Loan]:
    """End the loans of alarm or location technology that rest on `decision` alone: without
    it no decision covers them on the day it ends, so they may not continue (pbrl § 4-6 a).
    Each ends that day, its device collected to stock, repair or retirement."""
    others = [decision_facts(d) for d in assessment.legal_decisions if d.id != decision.id]
    ended = []
    for loan in await work.loans.open_for_assessment(assessment.id):
        technology = loan.device.technology
        if not technology.is_alarm_or_location or technology.kind not in decision.kinds:
            continue
        if any(f.covers(technology.kind, body.ended_on) for f in others):
            continue
        await _close(work, loan, body)
        ended.append(loan)
    return ended


@dataclass(frozen=True)
class LegalBasis:
    """Whether a loan rests on a § 4-6 a decision, until when the run of decisions in force
    lasts, whether that end is near, and which decision to renew or end."""

    assessment_id: uuid.UUID
    needs_decision: bool = False
    decision_until: date | None = None
    lapses_soon: bool = False
    decision_id: uuid.UUID | None = None


def _decision_to_act_on(decisions: Sequence[LegalDecision], kind: str) -> LegalDecision | None:
    """The latest decision for the kind not renewed: the one a renewal or an end acts on."""
    open_ones = [d for d in decisions if kind in d.kinds and d.renewed_by_id is None]
    return max(open_ones, key=lambda d: (d.valid_until, d.created_at), default=None)


class LoanOnTechnology(Protocol):
    """A loan as its § 4-6 a basis is judged (`legal_bases`) and its person named: a listed
    loan (`ListedLoan`) as it is read, an ORM loan through `on_technology`."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def person_id(self) -> uuid.UUID: ...
    @property
    def recommendation_id(self) -> uuid.UUID: ...
    @property
    def technology_kind(self) -> str: ...
    @property
    def is_alarm_or_location(self) -> bool: ...
    @property
    def ended_on(self) -> date | None: ...


@dataclass(frozen=True, slots=True)
class _OnTechnology:
    id: uuid.UUID
    person_id: uuid.UUID
    recommendation_id: uuid.UUID
    technology_kind: str
    is_alarm_or_location: bool
    ended_on: date | None


def on_technology(loan: Loan) -> LoanOnTechnology:
    """An ORM loan (its device and technology loaded) as `legal_bases` judges it."""
    technology = loan.device.technology
    return _OnTechnology(
        id=loan.id,
        person_id=loan.person_id,
        recommendation_id=loan.recommendation_id,
        technology_kind=technology.kind,
        is_alarm_or_location=technology.is_alarm_or_location,
        ended_on=loan.ended_on,
    )


async def legal_bases(work: Work, loans: Sequence[LoanOnTechnology]) -> dict[uuid.UUID, LegalBasis]:
    """For each loan, today: the § 4-6 a decision it rests on, if it needs one."""
    grounds = await work.assessments.legal_grounds(list({loan.recommendation_id for loan in loans}))
    notice = legal_basis_rules().on(work.today).renew_notice_days
    bases = {}
    for loan in loans:
        ground = grounds.get(loan.recommendation_id)
        if ground is None:  # pragma: no cover (a loan always has its recommendation)
            continue
        kind = loan.technology_kind
        needed, until = decision_in_force_until(
            capacity=ConsentCapacity(ground.consent_capacity),
            is_alarm_or_location=loan.is_alarm_or_location,
            kind=kind,
            decisions=[decision_facts(d) for d in ground.decisions],
            on=work.today,
        )
        decision = _decision_to_act_on(ground.decisions, kind) if needed else None
        bases[loan.id] = LegalBasis(
            assessment_id=ground.assessment_id,
            needs_decision=needed,
            decision_until=until,
            lapses_soon=(
                loan.ended_on is None and until is not None and (until - work.today).days < notice
            ),
            decision_id=decision.id if decision else None,
        )
    return bases


def visible_units(work: Work) -> list[str] | None:
    """Clinicians see the loans of their own units; the team and readers see all."""
    if work.user.has_any(Role.welfare_technologist, Role.caseworker, Role.manager):
        return None
    return list(work.user.units)


async def overdue(work: Work, limit: int) -> list[ListedLoan]:
    loans = await work.loans.overdue(work.today, limit)
    await log_listed(work, loans)
    return loans

"""Model → response schema for the quality system: ROS, procedures, audits, supervision."""

from __future__ import annotations

import uuid
from datetime import date

from services.quality.domain import audits as audit_rules
from services.quality.domain import measures as measure_rules
from services.quality.domain import procedures as procedure_rules
from services.quality.domain import risk
from services.quality.domain import ros as ros_rules
from services.quality.flows.audits import AuditSeen
from services.quality.flows.procedures import ProcedureSeen, Reader, current
from services.quality.flows.references import ReferencesSeen
from services.quality.flows.ros import RosSeen, ordered
from services.quality.flows.supervision import FindingSeen
from services.quality.models import (
    InternalAudit,
    Measure,
    Procedure,
    ProcedureVersion,
    RiskAnalysis,
    RosHazard,
    SupervisionFinding,
)
from services.quality.schemas import (
    AuditRead,
    AuditSummary,
    DeviationReferencesRead,
    FindingRead,
    FindingSummary,
    HazardChoice,
    HazardRead,
    MeasureRead,
    ProcedureRead,
    ProcedureReaders,
    ProcedureSummary,
    ProcedureVersionRead,
    ReaderRead,
    RosRead,
    RosSummary,
    SurveyAnswerReference,
)
from shared.schemas.common import LocalizedText
from shared.schemas.quality import (
    ActionStatus,
    AuditStatus,
    FindingKind,
    FindingStatus,
    MeasureSource,
    RiskLevel,
    RosStatus,
    SupervisionAuthority,
)


def measure_read(m: Measure, today: date) -> MeasureRead:
    if m.hazard_id is not None:
        source, source_id = MeasureSource.ros_hazard, m.hazard_id
    elif m.audit_id is not None:
        source, source_id = MeasureSource.audit, m.audit_id
    else:
        assert m.finding_id is not None
        source, source_id = MeasureSource.supervision, m.finding_id
    status = ActionStatus(m.status)
    return MeasureRead(
        id=m.id,
        version=m.version,
        source=source,
        source_id=source_id,
        unit=m.unit,
        non_conformity=m.non_conformity,
        description=m.description,
        responsible=m.responsible,
        due_on=m.due_on,
        status=status,
        done_on=m.done_on,
        is_overdue=measure_rules.is_overdue(status, m.due_on, today),
    )


def _live(measures: list[Measure]) -> int:
    return sum(1 for m in measures if m.status != ActionStatus.cancelled.value)


def hazard_read(
    h: RosHazard, measures: list[Measure], confirmations: int, today: date
) -> HazardRead:
    return HazardRead(
        id=h.id,
        analysis_id=h.analysis_id,
        description=h.description,
        existing_barriers=h.existing_barriers,
        consequence=h.consequence,
        probability=h.probability,
        risk_score=h.risk_score,
        risk_level=risk.level_of(h.risk_score),
        needs_measure=ros_rules.needs_measure(h.risk_score, _live(measures)),
        measures=[measure_read(m, today) for m in measures],
        confirmed_by_deviations=confirmations,
    )


def ros_read(seen: RosSeen, today: date) -> RosRead:
    a = seen.analysis
    return RosRead(
        id=a.id,
        version=a.version,
        unit=a.unit,
        title=a.title,
        scope=a.scope,
        analysed_on=a.analysed_on,
        participants=list(a.participants),
        status=RosStatus(a.status),
        approved_on=a.approved_on,
        approved_by=a.approved_by,
        hazards=[
            hazard_read(h, seen.measures.get(h.id, []), seen.confirmations.get(h.id, 0), today)
            for h in ordered(a)
        ],
        may_edit=seen.may_edit,
    )


def ros_summary(
    a: RiskAnalysis, measures: dict[uuid.UUID, list[Measure]], today: date
) -> RosSummary:
    high = [h for h in a.hazards if risk.level_of(h.risk_score) is RiskLevel.high]
    return RosSummary(
        id=a.id,
        unit=a.unit,
        title=a.title,
        analysed_on=a.analysed_on,
        status=RosStatus(a.status),
        hazards=len(a.hazards),
        high_risks=len(high),
        without_measure=sum(
            1 for h in high if ros_rules.needs_measure(h.risk_score, _live(measures.get(h.id, [])))
        ),
        overdue_measures=sum(
            1
            for h in a.hazards
            for m in measures.get(h.id, [])
            if measure_rules.is_overdue(ActionStatus(m.status), m.due_on, today)
        ),
    )


def hazard_choice(h: RosHazard, a: RiskAnalysis) -> HazardChoice:
    return HazardChoice(
        id=h.id,
        analysis_id=a.id,
        analysis_title=a.title,
        unit=a.unit,
        description=h.description,
        risk_level=risk.level_of(h.risk_score),
    )


def version_read(v: ProcedureVersion) -> ProcedureVersionRead:
    return ProcedureVersionRead(
        number=v.number,
        valid_from=v.valid_from,
        review_by=v.review_by,
        approved_by=v.approved_by,
        text=v.text,
        link=v.link,
        change_note=v.change_note,
        written_by_name=v.written_by_name,
        written_at=v.created_at,
    )


def procedure_summary(p: Procedure, my_version: int | None, today: date) -> ProcedureSummary:
    now = current(p)
    return ProcedureSummary(
        id=p.id,
        unit=p.unit,
        title=p.title,
        owner=p.owner,
        current_version=p.current_number,
        valid_from=now.valid_from,
        review_by=p.review_by,
        is_review_overdue=procedure_rules.is_review_overdue(p.review_by, today),
        confirmed_by_me=my_version == p.current_number,
    )


def procedure_read(seen: ProcedureSeen, today: date) -> ProcedureRead:
    p = seen.procedure
    return ProcedureRead(
        **procedure_summary(p, seen.my_version, today).model_dump(),
        version=p.version,
        current=version_read(current(p)),
        versions=[version_read(v) for v in sorted(p.versions, key=lambda v: -v.number)],
        my_confirmed_version=seen.my_version,
        may_edit=seen.may_edit,
        not_followed_in_deviations=seen.not_followed,
    )


def readers_read(p: Procedure, readers: list[Reader]) -> ProcedureReaders:
    return ProcedureReaders(
        procedure_id=p.id,
        current_version=p.current_number,
        confirmed=sum(1 for r in readers if r.confirmed_version == p.current_number),
        expected=len(readers),
        readers=[
            ReaderRead(
                sub=r.sub,
                name=r.name,
                confirmed_version=r.confirmed_version,
                confirmed_at=r.confirmed_at,
                has_confirmed_current=r.confirmed_version == p.current_number,
            )
            for r in readers
        ],
    )


def audit_summary(
    a: InternalAudit, p: Procedure, non_conformities: int, today: date
) -> AuditSummary:
    status = AuditStatus(a.status)
    return AuditSummary(
        id=a.id,
        procedure_id=p.id,
        procedure_title=p.title,
        unit=a.unit,
        planned_on=a.planned_on,
        auditor=a.auditor,
        status=status,
        performed_on=a.performed_on,
        non_conformities=non_conformities,
        is_overdue=audit_rules.is_audit_overdue(status, a.planned_on, today),
    )


def audit_read(seen: AuditSeen, today: date) -> AuditRead:
    a = seen.audit
    return AuditRead(
        **audit_summary(a, seen.procedure, len(seen.measures), today).model_dump(),
        version=a.version,
        procedure_version=a.procedure_number,
        sample_plan=a.sample_plan,
        sample=a.sample,
        findings=a.findings,
        measures=[measure_read(m, today) for m in seen.measures],
        may_edit=seen.may_edit,
    )


def finding_summary(f: SupervisionFinding, measures: list[Measure], today: date) -> FindingSummary:
    status = FindingStatus(f.status)
    return FindingSummary(
        id=f.id,
        authority=SupervisionAuthority(f.authority),
        case_reference=f.case_reference,
        unit=f.unit,
        kind=FindingKind(f.kind),
        title=f.title,
        received_on=f.received_on,
        deadline=f.deadline,
        status=status,
        is_overdue=audit_rules.is_finding_overdue(status, f.deadline, today),
        open_measures=sum(1 for m in measures if measure_rules.is_open(ActionStatus(m.status))),
    )


def finding_read(seen: FindingSeen, today: date) -> FindingRead:
    f = seen.finding
    return FindingRead(
        **finding_summary(f, list(seen.measures), today).model_dump(),
        version=f.version,
        description=f.description,
        closed_on=f.closed_on,
        closing_note=f.closing_note,
        measures=[measure_read(m, today) for m in seen.measures],
        may_edit=seen.may_edit,
    )


def references_read(seen: ReferencesSeen) -> DeviationReferencesRead:
    answered = None
    if seen.survey_answer is not None:
        answer, version, question_id = seen.survey_answer
        answered = SurveyAnswerReference(
            survey_id=answer.survey_id,
            survey_title=LocalizedText.model_validate(version.title),
            answer_id=answer.id,
            question_id=question_id,
            answered_on=answer.answered_on,
            unit=answer.unit,
        )
    return DeviationReferencesRead(
        deviation_id=seen.deviation_id,
        survey_answer=answered,
        hazard=hazard_choice(*seen.hazard) if seen.hazard else None,
        procedure_id=seen.procedure.id if seen.procedure else None,
        procedure_title=seen.procedure.title if seen.procedure else None,
        procedure_version=seen.procedure_number,
    )

"""Model → response schema: how quality's rows are shown, and what a redacted view hides."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Row

from services.quality.domain import deviations as rules
from services.quality.domain import risk
from services.quality.domain.access import View
from services.quality.domain.guidance import guidance
from services.quality.domain.statistics import Summary
from services.quality.flows.deviations import Seen
from services.quality.models import CorrectiveAction, Deviation, DeviationStep
from services.quality.schemas import (
    ActionRead,
    CauseRead,
    CellRead,
    ChecklistItemRead,
    CountRead,
    DeviationCreated,
    DeviationRead,
    DeviationSummary,
    LinkRead,
    PeriodRead,
    ReceiptRead,
    Reporter,
    SimilarDeviation,
    StatisticsRead,
    StepRead,
)
from shared.schemas.quality import (
    ActionStatus,
    CauseCategory,
    DeviationCategory,
    DeviationStatus,
    LinkKind,
    LinkStatus,
)


def action_read(action: CorrectiveAction, today: date) -> ActionRead:
    status = ActionStatus(action.status)
    return ActionRead(
        id=action.id,
        version=action.version,
        deviation_id=action.deviation_id,
        description=action.description,
        responsible=action.responsible,
        due_on=action.due_on,
        status=status,
        done_on=action.done_on,
        is_overdue=rules.is_action_overdue(status, action.due_on, today),
    )


def _checklist(deviation: Deviation) -> list[ChecklistItemRead]:
    items = {item.code: item for item in guidance().serious_event_checklist}
    return [
        ChecklistItemRead(
            code=entry["code"],
            text=items[entry["code"]].text,
            basis=items[entry["code"]].basis,
            deadline=items[entry["code"]].deadline,
            done_at=datetime.fromisoformat(entry["done_at"]) if entry.get("done_at") else None,
            done_by_name=entry.get("done_by_name"),
        )
        for entry in deviation.notification_checklist
        if entry["code"] in items
    ]


def _step_read(step: DeviationStep, hide_actor: str | None) -> StepRead:
    hidden = hide_actor is not None and step.actor_sub == hide_actor
    return StepRead(
        at=step.at,
        action=step.action,
        from_status=DeviationStatus(step.from_status) if step.from_status else None,
        to_status=DeviationStatus(step.to_status),
        actor_name=None if hidden else step.actor_name,
        note=step.note,
    )


def deviation_read(seen: Seen, today: date) -> DeviationRead:
    d = seen.deviation
    full = seen.view is View.full
    status = DeviationStatus(d.status)
    reporter = (
        Reporter(sub=d.reporter_sub, name=d.reporter_name or "")
        if full and d.reporter_sub
        else None
    )
    return DeviationRead(
        id=d.id,
        version=d.version,
        occurred_at=d.occurred_at,
        discovered_at=d.discovered_at,
        reported_on=d.reported_on,
        unit=d.unit,
        place=d.place,
        category=DeviationCategory(d.category),
        is_collaboration=d.category == DeviationCategory.collaboration,
        collaboration_party=d.collaboration_party,
        what_happened=d.what_happened,
        immediate_action=d.immediate_action,
        person_id=d.person_id if full else None,
        consequence=d.consequence,
        probability=d.probability,
        risk_score=d.risk_score,
        risk_level=risk.level_of(d.risk_score),
        goes_to_committee=risk.goes_to_committee(d.risk_score, d.is_serious),
        is_serious=d.is_serious,
        notification_checklist=_checklist(d),
        is_anonymous=d.is_anonymous,
        reporter=reporter,
        reporter_hidden=not full and d.reporter_sub is not None,
        status=status,
        acknowledge_by=d.acknowledge_by,
        is_acknowledgement_late=rules.is_acknowledgement_late(status, d.acknowledge_by, today),
        acknowledged_on=d.acknowledged_on,
        handler_name=d.handler_name,
        investigation=d.investigation,
        causes=[CauseRead.model_validate(c) for c in d.causes],
        learning_summary=d.learning_summary,
        outcome_for_reporter=d.outcome_for_reporter,
        closed_on=d.closed_on,
        links=[
            LinkRead(
                kind=LinkKind(link.kind),
                target_id=link.target_id,
                status=LinkStatus(link.status),
                checked_at=link.checked_at,
            )
            for link in d.links
        ],
        actions=[action_read(a, today) for a in d.actions],
        steps=[_step_read(s, None if full else d.reporter_sub) for s in d.steps],
        may_handle=seen.may_handle,
    )


def deviation_created(seen: Seen, today: date) -> DeviationCreated:
    return DeviationCreated(
        **deviation_read(seen, today).model_dump(), receipt_code=seen.receipt_code
    )


def deviation_summary(d: Deviation | Row[Any], today: date) -> DeviationSummary:
    """A deviation as a list shows it, from the deviation or from its `SUMMARY_COLUMNS`."""
    status = DeviationStatus(d.status)
    return DeviationSummary(
        id=d.id,
        reported_on=d.reported_on,
        unit=d.unit,
        category=DeviationCategory(d.category),
        what_happened=d.what_happened[:200],
        risk_score=d.risk_score,
        risk_level=risk.level_of(d.risk_score),
        is_serious=d.is_serious,
        status=status,
        acknowledge_by=d.acknowledge_by,
        is_acknowledgement_late=rules.is_acknowledgement_late(status, d.acknowledge_by, today),
        closed_on=d.closed_on,
    )


def similar_read(d: Deviation) -> SimilarDeviation:
    return SimilarDeviation(
        id=d.id,
        reported_on=d.reported_on,
        what_happened=d.what_happened[:300],
        risk_level=risk.level_of(d.risk_score),
        status=DeviationStatus(d.status),
        cause_categories=sorted({CauseCategory(c["category"]) for c in d.causes}),
        learning_summary=d.learning_summary,
    )


def receipt_read(d: Deviation) -> ReceiptRead:
    return ReceiptRead(
        reported_on=d.reported_on,
        category=DeviationCategory(d.category),
        unit=d.unit,
        status=DeviationStatus(d.status),
        closed_on=d.closed_on,
        outcome_for_reporter=d.outcome_for_reporter if d.status == DeviationStatus.closed else None,
    )


def statistics_read(
    summary: Summary, first: date, last: date, units: list[str] | None
) -> StatisticsRead:
    return StatisticsRead(
        first=first,
        last=last,
        units=units,
        total=summary.total,
        serious=summary.serious,
        open=summary.open,
        median_days_to_close=summary.median_days_to_close,
        by_category=[CountRead(key=c.key, count=c.count) for c in summary.by_category],
        by_unit=[CountRead(key=c.key, count=c.count) for c in summary.by_unit],
        by_risk_level=[CountRead(key=c.key, count=c.count) for c in summary.by_risk_level],
        by_status=[CountRead(key=c.key, count=c.count) for c in summary.by_status],
        heat_map=[
            CellRead(
                consequence=c.consequence,
                probability=c.probability,
                risk_level=c.risk_level,
                count=c.count,
            )
            for c in summary.heat_map
        ],
        trend=[
            PeriodRead(period=p.period, count=p.count, serious=p.serious, high_risk=p.high_risk)
            for p in summary.trend
        ],
    )

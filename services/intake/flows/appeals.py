"""Appeals (klage): registered even when late, reassessed, forwarded, decided."""

from __future__ import annotations

import uuid

from services.intake.domain import appeals as rules
from services.intake.domain.deadlines import is_appeal_late
from services.intake.domain.decisions import MADE
from services.intake.flows import Work
from services.intake.models import Appeal
from services.intake.schemas import AppealCreate, AppealForward, AppealOutcome, AppealReassessment
from shared.access_log import AccessAction
from shared.concurrency import check_version
from shared.errors import NotFound, RuleViolation
from shared.schemas.common import Page
from shared.schemas.intake import AppealReassessed, AppealReceived, AppealStatus


async def register(work: Work, body: AppealCreate) -> Appeal:
    """Register an appeal; a late one is flagged, never refused silently (fvl § 31)."""
    try:
        decision = await work.decisions.get(body.decision_id)
    except NotFound:
        decision = None
    if decision is None or decision.status not in MADE:
        raise RuleViolation("body.decision_id", "Appeals are against made decisions")
    if body.sent_on is not None and body.sent_on > body.received_on:
        raise RuleViolation("body.sent_on", "An appeal is sent before it is received")
    late = decision.appeal_deadline is not None and is_appeal_late(
        decision.appeal_deadline, body.received_on, body.sent_on
    )
    appeal = await work.appeals.add(
        Appeal(
            decision=decision,
            decision_id=decision.id,
            person_id=decision.person_id,
            received_on=body.received_on,
            sent_on=body.sent_on,
            appellant=body.appellant,
            grounds=body.grounds,
            late=late,
            late_reason=body.late_reason,
            status=AppealStatus.received,
        )
    )
    await work.log(appeal.person_id, AccessAction.create, "appeal", appeal.id)
    await work.publish(
        AppealReceived(decision_id=decision.id, person_id=decision.person_id, late=late),
        subject=appeal.id,
    )
    return appeal


async def _step(work: Work, appeal: Appeal, target: AppealStatus, reason: str) -> Appeal:
    appeal.status = rules.move(AppealStatus(appeal.status), target)
    await work.flush()
    await work.log(appeal.person_id, AccessAction.update, "appeal", appeal.id, reason=reason)
    return appeal


async def reassess(
    work: Work, appeal_id: uuid.UUID, body: AppealReassessment, if_match: int
) -> Appeal:
    """The municipality's own look (fvl § 33): change the decision, or uphold it."""
    appeal = await work.appeals.get(appeal_id)
    check_version(if_match, appeal.version)
    if body.result not in (*rules.CHANGING, AppealStatus.upheld_by_municipality):
        raise RuleViolation("body.result", "The municipality changes, partly changes or upholds")
    if body.result in rules.CHANGING:
        replacing = None
        if body.new_decision_id is not None:
            try:
                replacing = await work.decisions.get(body.new_decision_id)
            except NotFound:
                replacing = None
        if replacing is None or replacing.replaces_id != appeal.decision_id:
            raise RuleViolation(
                "body.new_decision_id", "Name the new decision that replaces the appealed one"
            )
        appeal.new_decision_id = replacing.id
    appeal.reassessment = body.reassessment
    await _step(work, appeal, body.result, body.result.value)
    await work.publish(
        AppealReassessed(
            decision_id=appeal.decision_id, result=body.result, person_id=appeal.person_id
        ),
        subject=appeal.id,
    )
    return appeal


async def forward(work: Work, appeal_id: uuid.UUID, body: AppealForward, if_match: int) -> Appeal:
    """Upheld by the municipality: the case goes to the appeal body."""
    appeal = await work.appeals.get(appeal_id)
    check_version(if_match, appeal.version)
    if body.forwarded_on < appeal.received_on:
        raise RuleViolation("body.forwarded_on", "Forwarded before it was received")
    appeal.forwarded_on = body.forwarded_on
    return await _step(work, appeal, AppealStatus.forwarded, "forwarded")


async def record_outcome(
    work: Work, appeal_id: uuid.UUID, body: AppealOutcome, if_match: int
) -> Appeal:
    """What the appeal body (Statsforvalteren) decided."""
    appeal = await work.appeals.get(appeal_id)
    check_version(if_match, appeal.version)
    appeal.outcome, appeal.outcome_on, appeal.outcome_note = (
        body.outcome,
        body.outcome_on,
        body.note,
    )
    return await _step(work, appeal, AppealStatus.closed, body.outcome.value)


async def read(work: Work, appeal_id: uuid.UUID) -> Appeal:
    appeal = await work.appeals.get(appeal_id)
    await work.log(appeal.person_id, AccessAction.read, "appeal", appeal.id)
    return appeal


async def page(
    work: Work,
    *,
    status: AppealStatus | None,
    person_id: uuid.UUID | None,
    limit: int,
    cursor: str | None,
) -> Page[Appeal]:
    found = await work.appeals.page(status=status, person_id=person_id, limit=limit, cursor=cursor)
    await work.log(list({a.person_id for a in found.items}), AccessAction.search, "appeal")
    return found

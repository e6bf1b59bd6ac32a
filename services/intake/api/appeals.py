"""Appeals (klage): registered even when late, re-assessed, forwarded to Statsforvalteren."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy import select

from services.intake.api.deps import ACCESS_LOG, CaseReader, Caseworker, Idempotent
from services.intake.domain import appeals as rules
from services.intake.domain.appeals import AppealStatus
from services.intake.domain.deadlines import is_appeal_late
from services.intake.domain.decisions import MADE
from services.intake.letters.render import county_governor, texts_for
from services.intake.models import Appeal, Decision
from services.intake.schemas import (
    AppealCreate,
    AppealForward,
    AppealOutcome,
    AppealRead,
    AppealReassessment,
)
from shared.access_log import AccessAction
from shared.concurrency import IfMatchVersion, check_version, set_etag
from shared.db import TenantSession
from shared.errors import NotFound, RuleViolation, problem_responses
from shared.outbox import EventOutbox
from shared.pagination import Cursor, Limit, paginate
from shared.schemas.common import Page

router = APIRouter(tags=["appeals"])


def appeal_read(appeal: Appeal) -> AppealRead:
    governors = texts_for("nb", appeal.received_on)["_governors"]
    return AppealRead.model_validate(
        {
            **{c.key: getattr(appeal, c.key) for c in Appeal.__table__.columns},
            "county_governor": county_governor(appeal.municipality, governors),
        }
    )


async def _appeal(appeal_id: uuid.UUID, session: TenantSession) -> Appeal:
    appeal = await session.get(Appeal, appeal_id)
    if appeal is None:
        raise NotFound("There is no such appeal")
    return appeal


FoundAppeal = Annotated[Appeal, Depends(_appeal)]


@router.post(
    "/appeals",
    status_code=201,
    response_model=AppealRead,
    responses=problem_responses(409),
    operation_id="register_appeal",
)
async def register_appeal(
    body: AppealCreate,
    session: TenantSession,
    user: Caseworker,
    idempotent: Idempotent,
    outbox: EventOutbox,
) -> Response:
    """Register an appeal; a late one is flagged, never refused silently (fvl § 31)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    decision = await session.get(Decision, body.decision_id)
    if decision is None or decision.status not in MADE:
        raise RuleViolation("body.decision_id", "Appeals are against made decisions")
    late = decision.appeal_deadline is not None and is_appeal_late(
        decision.appeal_deadline, body.received_on
    )
    appeal = Appeal(
        decision_id=decision.id,
        person_id=decision.person_id,
        received_on=body.received_on,
        appellant=body.appellant,
        grounds=body.grounds,
        late=late,
        late_reason=body.late_reason,
        status=AppealStatus.received,
    )
    session.add(appeal)
    await session.flush()
    await ACCESS_LOG.record(
        session, user, appeal.person_id, AccessAction.create, "appeal", appeal.id
    )
    await outbox.record(
        session,
        "appeal.received",
        subject=appeal.id,
        data={"decision_id": str(decision.id), "person_id": str(decision.person_id), "late": late},
    )
    return await idempotent.respond(
        201, appeal_read(appeal), headers={"ETag": f'"{appeal.version}"'}
    )


async def _step(
    appeal: Appeal, target: AppealStatus, session: TenantSession, response: Response
) -> AppealRead:
    appeal.status = rules.move(AppealStatus(appeal.status), target)
    await session.flush()
    set_etag(response, appeal.version)
    return appeal_read(appeal)


@router.post(
    "/appeals/{appeal_id}/reassessment",
    response_model=AppealRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="reassess_appeal",
)
async def reassess_appeal(
    body: AppealReassessment,
    appeal: FoundAppeal,
    session: TenantSession,
    user: Caseworker,
    if_match: IfMatchVersion,
    response: Response,
    outbox: EventOutbox,
) -> AppealRead:
    """The municipality's own look (fvl § 33): change the decision, or uphold it."""
    check_version(if_match, appeal.version)
    if body.result == AppealStatus.changed_by_municipality:
        replacing = (
            await session.get(Decision, body.new_decision_id) if body.new_decision_id else None
        )
        if replacing is None or replacing.replaces_id != appeal.decision_id:
            raise RuleViolation(
                "body.new_decision_id", "Name the new decision that replaces the appealed one"
            )
        appeal.new_decision_id = replacing.id
    appeal.reassessment = body.reassessment
    read = await _step(appeal, body.result, session, response)
    await ACCESS_LOG.record(
        session,
        user,
        appeal.person_id,
        AccessAction.update,
        "appeal",
        appeal.id,
        reason=body.result.value,
    )
    await outbox.record(
        session, "appeal.reassessed", subject=appeal.id, data={"result": body.result.value}
    )
    return read


@router.post(
    "/appeals/{appeal_id}/forward",
    response_model=AppealRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="forward_appeal",
)
async def forward_appeal(
    body: AppealForward,
    appeal: FoundAppeal,
    session: TenantSession,
    user: Caseworker,
    if_match: IfMatchVersion,
    response: Response,
) -> AppealRead:
    """Upheld by the municipality: the case goes to Statsforvalteren."""
    check_version(if_match, appeal.version)
    if body.forwarded_on < appeal.received_on:
        raise RuleViolation("body.forwarded_on", "Forwarded before it was received")
    appeal.forwarded_on = body.forwarded_on
    read = await _step(appeal, AppealStatus.forwarded, session, response)
    await ACCESS_LOG.record(
        session,
        user,
        appeal.person_id,
        AccessAction.update,
        "appeal",
        appeal.id,
        reason="forwarded",
    )
    return read


@router.post(
    "/appeals/{appeal_id}/outcome",
    response_model=AppealRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="record_appeal_outcome",
)
async def record_appeal_outcome(
    body: AppealOutcome,
    appeal: FoundAppeal,
    session: TenantSession,
    user: Caseworker,
    if_match: IfMatchVersion,
    response: Response,
) -> AppealRead:
    """What Statsforvalteren decided."""
    check_version(if_match, appeal.version)
    appeal.outcome, appeal.outcome_on, appeal.outcome_note = (
        body.outcome,
        body.outcome_on,
        body.note,
    )
    read = await _step(appeal, AppealStatus.closed, session, response)
    await ACCESS_LOG.record(
        session,
        user,
        appeal.person_id,
        AccessAction.update,
        "appeal",
        appeal.id,
        reason=body.outcome.value,
    )
    return read


@router.get(
    "/appeals/{appeal_id}",
    response_model=AppealRead,
    responses=problem_responses(404),
    operation_id="get_appeal",
)
async def get_appeal(
    appeal: FoundAppeal, session: TenantSession, user: CaseReader, response: Response
) -> AppealRead:
    await ACCESS_LOG.record(session, user, appeal.person_id, AccessAction.read, "appeal", appeal.id)
    set_etag(response, appeal.version)
    return appeal_read(appeal)


@router.get("/appeals", response_model=Page[AppealRead], operation_id="list_appeals")
async def list_appeals(
    session: TenantSession,
    user: CaseReader,
    status: Annotated[AppealStatus | None, Query()] = None,
    person_id: Annotated[uuid.UUID | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[AppealRead]:
    statement = select(Appeal)
    if status is not None:
        statement = statement.where(Appeal.status == status)
    if person_id is not None:
        statement = statement.where(Appeal.person_id == person_id)
    page = await paginate(
        session,
        statement,
        order_by=[Appeal.received_on, Appeal.id],
        limit=limit,
        cursor=cursor,
        to_item=appeal_read,
    )
    if page.items:
        await ACCESS_LOG.record(
            session, user, list({a.person_id for a in page.items}), AccessAction.search, "appeal"
        )
    return page

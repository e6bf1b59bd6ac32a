"""Internal audits (internrevisjon) against a procedure."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from services.quality.api.deps import HANDLER, Idempotent, WorkDep
from services.quality.api.system_views import audit_read, audit_summary
from services.quality.flows import audits as flow
from services.quality.schemas import AuditCreate, AuditRead, AuditRecord, AuditSummary
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page

router = APIRouter(tags=["internal audits"])


@router.get(
    "/audits",
    response_model=Page[AuditSummary],
    operation_id="list_audits",
    dependencies=[HANDLER],
)
async def list_audits(
    work: WorkDep, limit: Limit = 50, cursor: Cursor = None
) -> Page[AuditSummary]:
    """Audits of the caller's units (all for the quality lead): planned first, by date;
    cursor-paged."""
    found, counts, next_cursor = await flow.listed(work, limit, cursor)
    return Page[AuditSummary](
        items=[audit_summary(a, p, counts.get(a.id, 0), work.today) for a, p in found],
        next_cursor=next_cursor,
    )


@router.post(
    "/audits",
    status_code=201,
    response_model=AuditRead,
    responses=problem_responses(403, 409),
    operation_id="plan_audit",
    dependencies=[HANDLER],
)
async def plan_audit(body: AuditCreate, work: WorkDep, idempotent: Idempotent) -> Response:
    """Plan an audit of a unit's practice against a procedure: date, auditor, sample."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    seen = await flow.plan(work, body)
    return await idempotent.respond(
        201, audit_read(seen, work.today), headers={"ETag": f'"{seen.audit.version}"'}
    )


@router.get(
    "/audits/{audit_id}",
    response_model=AuditRead,
    responses=problem_responses(404),
    operation_id="get_audit",
    dependencies=[HANDLER],
)
async def get_audit(audit_id: uuid.UUID, work: WorkDep, response: Response) -> AuditRead:
    seen = await flow.read(work, audit_id)
    set_etag(response, seen.audit.version)
    return audit_read(seen, work.today)


@router.post(
    "/audits/{audit_id}/record",
    response_model=AuditRead,
    responses=problem_responses(403, 404, 409, 412, 428),
    operation_id="record_audit",
    dependencies=[HANDLER],
)
async def record_audit(
    audit_id: uuid.UUID,
    body: AuditRecord,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> AuditRead:
    """Record the sample, the findings and each non-conformity with its measure. Emits
    `audit.completed`."""
    seen = await flow.record(work, audit_id, body, if_match)
    set_etag(response, seen.audit.version)
    return audit_read(seen, work.today)

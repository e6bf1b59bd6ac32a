"""Internal audits (internrevisjon): planned against a procedure, recorded with the sample
and findings; each non-conformity becomes a measure; `audit.completed` when recorded."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from services.quality.domain import audits as rules
from services.quality.domain import measures as access
from services.quality.flows import Work
from services.quality.flows.measures import new_measure
from services.quality.models import InternalAudit, Measure, Procedure
from services.quality.schemas import AuditCreate, AuditRecord
from shared.concurrency import check_version
from shared.errors import NotFound, RuleViolation
from shared.schemas.quality import AuditCompleted, AuditStatus


@dataclass(frozen=True)
class AuditSeen:
    audit: InternalAudit
    procedure: Procedure
    measures: Sequence[Measure]
    may_edit: bool = True


async def _mine(work: Work, audit_id: uuid.UUID) -> tuple[InternalAudit, Procedure]:
    audit, procedure = await work.audits.get(audit_id)
    if not access.works_with(work.user, audit.unit):
        raise NotFound("There is no such audit")
    return audit, procedure


async def plan(work: Work, body: AuditCreate) -> AuditSeen:
    access.check_works_with(work.user, body.unit)
    rules.check_planned_on(body.planned_on, work.today)
    try:
        procedure = await work.procedures.get(body.procedure_id)
    except NotFound as error:
        raise RuleViolation("body.procedure_id", "There is no such procedure") from error
    if procedure.unit is not None and procedure.unit != body.unit:
        raise RuleViolation("body.procedure_id", "The procedure belongs to another unit")
    audit = InternalAudit(
        procedure_id=procedure.id,
        unit=body.unit,
        planned_on=body.planned_on,
        auditor=body.auditor,
        sample_plan=body.sample_plan,
        status=AuditStatus.planned.value,
    )
    await work.audits.add(audit)
    return AuditSeen(audit, procedure, [])


async def read(work: Work, audit_id: uuid.UUID) -> AuditSeen:
    audit, procedure = await _mine(work, audit_id)
    return AuditSeen(audit, procedure, await work.measures.of_audits([audit.id]))


async def listed(
    work: Work, limit: int, cursor: str | None
) -> tuple[Sequence[tuple[InternalAudit, Procedure]], dict[uuid.UUID, int], str | None]:
    """A page of the audits the caller works with, and the non-conformities of each."""
    found, next_cursor = await work.audits.listed(
        access.units_worked_with(work.user), limit, cursor
    )
    counts: dict[uuid.UUID, int] = {}
    for measure in await work.measures.of_audits([a.id for a, _ in found]):
        if measure.audit_id is not None:
            counts[measure.audit_id] = counts.get(measure.audit_id, 0) + 1
    return found, counts, next_cursor


async def record(work: Work, audit_id: uuid.UUID, body: AuditRecord, if_match: int) -> AuditSeen:
    """Record the audit against the procedure version in force; every non-conformity
    becomes a measure with its responsible person and due date."""
    audit, procedure = await _mine(work, audit_id)
    check_version(if_match, audit.version)
    rules.check_recording(AuditStatus(audit.status), body.performed_on, work.today)
    measures = [
        new_measure(
            work,
            nc.measure,
            audit.unit,
            audit_id=audit.id,
            non_conformity=nc.non_conformity,
            field=f"body.non_conformities.{index}.measure.due_on",
        )
        for index, nc in enumerate(body.non_conformities)
    ]
    audit.status = AuditStatus.completed.value
    audit.performed_on = body.performed_on
    audit.sample = body.sample
    audit.findings = body.findings
    audit.procedure_number = procedure.current_number
    for measure in measures:
        await work.measures.add(measure)
    await work.session.flush()
    await work.publish(
        AuditCompleted(
            audit_id=audit.id,
            procedure_id=procedure.id,
            procedure_version=procedure.current_number,
            unit=audit.unit,
            performed_on=body.performed_on,
            non_conformities=len(measures),
        ),
        audit.id,
    )
    return AuditSeen(audit, procedure, measures)

"""Supervision findings (tilsyn by Statsforvalteren or Statens helsetilsyn): recorded with
their deadline, followed up with measures, closed when the measures are done."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from services.quality.domain import audits as rules
from services.quality.domain import measures as access
from services.quality.flows import Work
from services.quality.flows.measures import by_source, new_measure
from services.quality.models import Measure, SupervisionFinding
from services.quality.schemas import FindingClosing, FindingCreate, MeasureIn
from shared.concurrency import check_version
from shared.errors import Conflict, NotFound
from shared.schemas.quality import ActionStatus, FindingStatus


@dataclass(frozen=True)
class FindingSeen:
    finding: SupervisionFinding
    measures: Sequence[Measure]
    may_edit: bool = True


async def _mine(work: Work, finding_id: uuid.UUID) -> SupervisionFinding:
    finding = await work.findings.get(finding_id)
    if not access.works_with(work.user, finding.unit):
        raise NotFound("There is no such supervision finding")
    return finding


async def create(work: Work, body: FindingCreate) -> FindingSeen:
    access.check_works_with(work.user, body.unit)
    rules.check_finding_dates(body.received_on, body.deadline, work.today)
    finding = SupervisionFinding(
        authority=body.authority.value,
        case_reference=body.case_reference,
        unit=body.unit,
        kind=body.kind.value,
        title=body.title,
        description=body.description,
        received_on=body.received_on,
        deadline=body.deadline,
        status=FindingStatus.open.value,
    )
    await work.findings.add(finding)
    return FindingSeen(finding, [])


async def read(work: Work, finding_id: uuid.UUID) -> FindingSeen:
    finding = await _mine(work, finding_id)
    return FindingSeen(finding, await work.measures.of_findings([finding.id]))


async def listed(
    work: Work, limit: int, cursor: str | None
) -> tuple[Sequence[SupervisionFinding], dict[uuid.UUID, list[Measure]], str | None]:
    """A page of the findings the caller works with, and the measures of each."""
    found, next_cursor = await work.findings.listed(
        access.units_worked_with(work.user), limit, cursor
    )
    measures = await work.measures.of_findings([f.id for f in found])
    return found, by_source(measures, "finding_id"), next_cursor


async def add_measure(work: Work, finding_id: uuid.UUID, body: MeasureIn) -> Measure:
    finding = await _mine(work, finding_id)
    if finding.status == FindingStatus.closed.value:
        raise Conflict("The finding is closed")
    return await work.measures.add(new_measure(work, body, finding.unit, finding_id=finding.id))


async def close(
    work: Work, finding_id: uuid.UUID, body: FindingClosing, if_match: int
) -> FindingSeen:
    finding = await _mine(work, finding_id)
    check_version(if_match, finding.version)
    measures = await work.measures.of_findings([finding.id])
    rules.check_closing(
        FindingStatus(finding.status), [ActionStatus(m.status) for m in measures], body.closing_note
    )
    finding.status = FindingStatus.closed.value
    finding.closed_on = work.today
    finding.closing_note = body.closing_note
    await work.session.flush()
    return FindingSeen(finding, measures)

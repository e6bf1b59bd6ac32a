"""Measures (tiltak) of the quality system: added to a hazard, an audit or a finding,
then followed up like a deviation's corrective action."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from services.quality.domain import measures as rules
from services.quality.flows import Work
from services.quality.models import Measure
from services.quality.schemas import MeasureIn, MeasureUpdate
from shared.concurrency import check_version
from shared.errors import NotFound
from shared.schemas.quality import ActionStatus, CorrectiveActionOverdue, MeasureSource

OVERDUE_BATCH = 500


def new_measure(
    work: Work,
    body: MeasureIn,
    unit: str | None,
    *,
    hazard_id: uuid.UUID | None = None,
    audit_id: uuid.UUID | None = None,
    finding_id: uuid.UUID | None = None,
    non_conformity: str | None = None,
    field: str = "body.due_on",
) -> Measure:
    rules.check_due(body.due_on, work.today, is_new=True, field=field)
    return Measure(
        hazard_id=hazard_id,
        audit_id=audit_id,
        finding_id=finding_id,
        unit=unit,
        non_conformity=non_conformity,
        description=body.description,
        responsible=body.responsible,
        due_on=body.due_on,
        status=ActionStatus.planned.value,
    )


def by_source(measures: Sequence[Measure], key: str) -> dict[uuid.UUID, list[Measure]]:
    grouped: dict[uuid.UUID, list[Measure]] = defaultdict(list)
    for measure in measures:
        source = getattr(measure, key)
        if source is not None:
            grouped[source].append(measure)
    return grouped


async def update(work: Work, measure_id: uuid.UUID, body: MeasureUpdate, if_match: int) -> Measure:
    """Change a measure or its status; only those who work with its unit may."""
    measure = await work.measures.get(measure_id)
    if not rules.works_with(work.user, measure.unit):
        raise NotFound("There is no such measure")
    check_version(if_match, measure.version)
    changes = body.model_dump(exclude_unset=True, exclude_none=True)
    if "due_on" in changes:
        rules.check_due(changes["due_on"], work.today, is_new=False)
        measure.overdue_reported = False
    for name, value in changes.items():
        setattr(measure, name, value.value if hasattr(value, "value") else value)
    if body.status is not None:
        measure.done_on = rules.done_on_after(body.status, measure.done_on, work.today)
    await work.session.flush()
    return measure


async def listed(work: Work, open_only: bool, limit: int) -> Sequence[Measure]:
    """The measures of the caller's units (all for the quality lead), earliest due first."""
    return await work.measures.listed(rules.units_worked_with(work.user), open_only, limit)


def source_of(measure: Measure) -> tuple[MeasureSource, uuid.UUID]:
    """Where the measure comes from: exactly one of its sources is set."""
    if measure.hazard_id is not None:
        return MeasureSource.ros_hazard, measure.hazard_id
    if measure.audit_id is not None:
        return MeasureSource.audit, measure.audit_id
    if measure.finding_id is not None:
        return MeasureSource.supervision, measure.finding_id
    raise ValueError(f"Measure {measure.id} has no source")


async def announce_overdue(work: Work) -> int:
    """Publish `corrective_action.overdue` once for each open measure past its due date
    (at most `OVERDUE_BATCH` a call); a new due date lets it be announced again."""
    overdue = await work.measures.newly_overdue(work.today, OVERDUE_BATCH)
    for measure in overdue:
        source, source_id = source_of(measure)
        await work.publish(
            CorrectiveActionOverdue(
                action_id=measure.id,
                source=source,
                source_id=source_id,
                unit=measure.unit,
                due_on=measure.due_on,
            ),
            measure.id,
        )
    await work.measures.mark_overdue_reported([m.id for m in overdue])
    return len(overdue)

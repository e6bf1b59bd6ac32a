"""Internal audits (internrevisjon) and findings from external supervision (tilsyn).

An internal audit checks practice against a procedure on a sample (for example
«ti tilfeldige medisinkurver fra uke 40»): planned with a date and an auditor,
then recorded with what was found; each non-conformity (avvik fra prosedyren)
becomes a measure. Forskrift om ledelse og kvalitetsforbedring § 8 bokstav e
and § 9 (evaluate and correct).

A supervision finding (Statsforvalteren under helsetilsynsloven § 4, or
Statens helsetilsyn) comes with a deadline for the municipality's answer and
correction; it is closed only when its measures are done (or cancelled) and it
shows as overdue while open after the deadline.
"""

from __future__ import annotations

from datetime import date

from shared.errors import Conflict, RuleViolation
from shared.schemas.quality import ActionStatus, AuditStatus, FindingStatus


def check_planned_on(planned_on: date, today: date) -> None:
    if planned_on < today:
        raise RuleViolation("body.planned_on", "An audit is planned for today or later")


def check_recording(status: AuditStatus, performed_on: date, today: date) -> None:
    if status is not AuditStatus.planned:
        raise Conflict("The audit is already recorded")
    if performed_on > today:
        raise RuleViolation("body.performed_on", "An audit cannot be recorded before it is done")


def is_audit_overdue(status: AuditStatus, planned_on: date, today: date) -> bool:
    """Planned and not recorded after its day."""
    return status is AuditStatus.planned and today > planned_on


def check_finding_dates(received_on: date, deadline: date, today: date) -> None:
    if received_on > today:
        raise RuleViolation("body.received_on", "A finding cannot be received in the future")
    if deadline < received_on:
        raise RuleViolation("body.deadline", "The deadline cannot be before the finding came")


def is_finding_overdue(status: FindingStatus, deadline: date, today: date) -> bool:
    return status is FindingStatus.open and today > deadline


def check_closing(status: FindingStatus, measure_statuses: list[ActionStatus], note: str) -> None:
    """Closed with a note, once every measure is done or cancelled, and at least one done."""
    if status is FindingStatus.closed:
        raise Conflict("The finding is already closed")
    if not note.strip():
        raise RuleViolation("body.closing_note", "Write how the finding was followed up")
    if ActionStatus.done not in measure_statuses:
        raise Conflict("Close the finding once a measure is done")
    if any(s in (ActionStatus.planned, ActionStatus.in_progress) for s in measure_statuses):
        raise Conflict("Every measure must be done or cancelled before the finding is closed")

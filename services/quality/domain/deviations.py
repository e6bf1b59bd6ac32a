"""Avvik: what a report must hold, and the handling steps in their only allowed order.

Forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten
(§§ 6–9) asks the management system to catch, handle and learn from
deviations: reported → received by the unit's leader → investigated (causes)
→ corrective actions → closed with what was learnt; the reporter is told the
outcome. A closed deviation is reopened only with a written reason.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from shared.errors import Conflict, RuleViolation
from shared.schemas.quality import (
    ActionStatus,
    CauseCategory,
    DeviationCategory,
    DeviationStatus,
)

CLOCK_SKEW = timedelta(minutes=5)
"""A tablet's clock may run a little ahead; a report is not refused for that."""


class Step:
    acknowledge = "acknowledge"
    investigate = "investigate"
    close = "close"
    reopen = "reopen"


MOVES: dict[str, tuple[set[DeviationStatus], DeviationStatus]] = {
    Step.acknowledge: ({DeviationStatus.reported}, DeviationStatus.acknowledged),
    Step.investigate: (
        {DeviationStatus.acknowledged, DeviationStatus.investigated},
        DeviationStatus.investigated,
    ),
    Step.close: ({DeviationStatus.investigated}, DeviationStatus.closed),
    Step.reopen: ({DeviationStatus.closed}, DeviationStatus.investigated),
}
"""step → (the statuses it may start from, the status it leads to)."""


def move(status: DeviationStatus, step: str) -> DeviationStatus:
    """The status after `step`, or `Conflict` if the step is not allowed now.

    There is no way from reported to closed: the leader must first acknowledge
    (motta) the report and record an investigation."""
    allowed_from, target = MOVES[step]
    if status not in allowed_from:
        raise Conflict(f"A deviation that is {status.value} cannot be {_past(step)}")
    return target


def _past(step: str) -> str:
    return {
        Step.acknowledge: "acknowledged",
        Step.investigate: "investigated",
        Step.close: "closed",
        Step.reopen: "reopened",
    }[step]


@dataclass(frozen=True)
class Report:
    occurred_at: datetime
    discovered_at: datetime
    category: DeviationCategory
    collaboration_party: str | None
    is_anonymous: bool
    names_a_person: bool


def check_report(report: Report, now: datetime) -> None:
    """A report must be possible in under a minute, so only a few rules hold it back.

    An anonymous report stores no identity at all; it may therefore not name the
    person concerned, because every write of a person's data must be logged with
    who wrote it (pasientjournalloven § 16, Normen)."""
    if report.discovered_at < report.occurred_at:
        raise RuleViolation("body.discovered_at", "It cannot be found before it happened")
    if report.discovered_at > now + CLOCK_SKEW:
        raise RuleViolation("body.discovered_at", "It cannot be found in the future")
    if report.category is DeviationCategory.collaboration and not (
        report.collaboration_party and report.collaboration_party.strip()
    ):
        raise RuleViolation(
            "body.collaboration_party",
            "A samhandlingsavvik names the other party (hospital, GP) it is reported to",
        )
    if report.is_anonymous and report.names_a_person:
        raise RuleViolation(
            "body.person_id",
            "An anonymous report cannot name the person concerned: the access log "
            "must say who wrote a person's data",
        )


@dataclass(frozen=True)
class Cause:
    category: CauseCategory
    is_underlying: bool
    description: str


def check_investigation(causes: list[Cause]) -> None:
    """An investigation names at least one direct cause, in the fixed categories."""
    if not any(not cause.is_underlying for cause in causes):
        raise RuleViolation("body.causes", "Name at least one direct cause")


def check_closing(learning_summary: str, outcome_for_reporter: str, causes: list[Cause]) -> None:
    """Closing needs what was learnt and what the reporter is told."""
    if not learning_summary.strip():
        raise RuleViolation("body.learning_summary", "Write what the unit has learnt")
    if not outcome_for_reporter.strip():
        raise RuleViolation("body.outcome_for_reporter", "Write what the reporter is told")
    check_investigation(causes)


def check_reopening(reason: str) -> None:
    if not reason.strip():
        raise RuleViolation("body.reason", "Reopening needs a reason")


def receipt_hash(code: str) -> str:
    """The stored form of an anonymous reporter's receipt code: only its SHA-256.

    The code itself is shown once to the reporter and never stored, so the
    database holds nothing that points back to them."""
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normalised.encode()).hexdigest()


def is_acknowledgement_late(status: DeviationStatus, acknowledge_by: date, today: date) -> bool:
    """Overdue: still not received by the leader after the municipality's deadline."""
    return status is DeviationStatus.reported and today > acknowledge_by


OPEN_ACTION = {ActionStatus.planned, ActionStatus.in_progress}


def is_action_overdue(status: ActionStatus, due_on: date, today: date) -> bool:
    return status in OPEN_ACTION and today > due_on


def check_action_due(due_on: date, today: date, *, is_new: bool) -> None:
    if is_new and due_on < today:
        raise RuleViolation("body.due_on", "A new action cannot be due in the past")

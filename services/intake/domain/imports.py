"""What an imported case must hold: the same rules as a case made here, on historic dates.

Each function returns the problems of one row as (field, message) pairs, so an
import can name every bad row and store nothing (all or nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.intake.domain.decisions import is_granting
from shared.schemas.intake import AppealStatus, Outcome

Problems = list[tuple[str, str]]


@dataclass(frozen=True)
class DecisionDates:
    outcome: Outcome
    made_on: date
    sent_on: date | None
    received_on: date | None
    starts_on: date | None
    ends_on: date | None
    review_on: date | None
    status: str


def decision_problems(row: DecisionDates, prefix: str, today: date) -> Problems:
    """Dates in their order (made, sent, received; start, end, review), none in the future,
    and a granted decision with a start; a decision said to be sent states when."""
    problems: Problems = []
    if row.made_on > today:
        problems.append((f"{prefix}.made_on", "A decision made in the future cannot be imported"))
    if row.sent_on is not None and row.sent_on < row.made_on:
        problems.append((f"{prefix}.sent_on", "Sent before it was made"))
    if row.received_on is not None:
        if row.sent_on is None:
            problems.append((f"{prefix}.sent_on", "A received decision states when it was sent"))
        elif row.received_on < row.sent_on:
            problems.append((f"{prefix}.received_on", "Received before it was sent"))
    if row.status != "made" and row.sent_on is None:
        problems.append((f"{prefix}.sent_on", "A decision past 'made' was sent: give the date"))
    if is_granting(row.outcome) and row.starts_on is None:
        problems.append((f"{prefix}.starts_on", "A granted service has a start date"))
    if row.starts_on and row.ends_on and row.ends_on < row.starts_on:
        problems.append((f"{prefix}.ends_on", "The end is before the start"))
    if row.starts_on and row.review_on and row.review_on <= row.starts_on:
        problems.append((f"{prefix}.review_on", "The review comes after the start"))
    return problems


def appeal_problems(
    *,
    status: AppealStatus,
    received_on: date,
    sent_on: date | None,
    forwarded_on: date | None,
    outcome_on: date | None,
    decision_made_on: date,
    prefix: str,
) -> Problems:
    problems: Problems = []
    if received_on < decision_made_on:
        problems.append((f"{prefix}.received_on", "Received before the decision was made"))
    if sent_on is not None and sent_on > received_on:
        problems.append((f"{prefix}.sent_on", "Sent after it was received"))
    if forwarded_on is not None and forwarded_on < received_on:
        problems.append((f"{prefix}.forwarded_on", "Forwarded before it was received"))
    if outcome_on is not None and (forwarded_on is None or outcome_on < forwarded_on):
        problems.append((f"{prefix}.outcome_on", "An outcome comes after the forwarding"))
    if status in (AppealStatus.forwarded, AppealStatus.closed) and forwarded_on is None:
        problems.append((f"{prefix}.forwarded_on", "A forwarded appeal states when"))
    return problems

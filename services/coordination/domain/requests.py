"""Requests to the koordinerende enhet for an individual plan and/or a koordinator.

The koordinerende enhet (hol § 7-3) receives requests for an individual plan
(hol § 7-1, pbrl § 2-5) and for a koordinator (hol § 7-2; barnekoordinator
hol § 7-2 a) from the person, a relative, any employee (health personnel must
report such needs), or from the system. It assesses each request, records the
outcome with reasons, and assigns a koordinator. What has waited longest is
handled first.
"""

from __future__ import annotations

from datetime import date

from shared.errors import Conflict, RuleViolation
from shared.schemas.coordination import RequestOutcome, RequestSource, RequestStatus


def check_new(
    *,
    wants_plan: bool,
    wants_coordinator: bool,
    received_on: date,
    source: RequestSource,
    today: date,
) -> None:
    if not (wants_plan or wants_coordinator):
        raise RuleViolation("body.wants_plan", "Ask for an individual plan, a koordinator or both")
    if received_on > today:
        raise RuleViolation("body.received_on", "A request cannot be received in the future")
    if source == RequestSource.system:
        raise RuleViolation("body.source", "Only the system suggests requests by itself")


def check_assessment(
    status: RequestStatus,
    outcome: RequestOutcome,
    reasons: str,
    *,
    grants_coordinator: bool,
    assigns_coordinator: bool,
) -> None:
    """An outcome needs its reasons (fvl § 24 in spirit: the person is told why); a refusal
    assigns nobody."""
    if status != RequestStatus.received:
        raise Conflict("The request is already assessed")
    if not reasons.strip():
        raise RuleViolation("body.reasons", "Give the reasons for the outcome")
    if assigns_coordinator and (outcome == RequestOutcome.refused or not grants_coordinator):
        raise RuleViolation(
            "body.coordinator", "A koordinator is assigned only when one is granted"
        )


def waiting_days(received_on: date, today: date) -> int:
    return max(0, (today - received_on).days)

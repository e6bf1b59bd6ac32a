"""When the system suggests a request for coordination on its own.

A person who needs long-lasting and coordinated services has a right to an
individual plan (pbrl § 2-5) and shall be offered a koordinator (hol § 7-2).
Intake's decisions are the system's evidence: a person with long-term services
from two or more units needs coordination. «Long-term» here is a decision with
no end date or one that lasts at least `LONG_TERM_DAYS` (three months); a
short stay or a two-week service does not count.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

LONG_TERM_DAYS = 90


@dataclass(frozen=True)
class ServiceFacts:
    decision_id: uuid.UUID
    unit: str | None
    starts_on: date | None
    ends_on: date | None
    ended_on: date | None


def is_long_term(service: ServiceFacts, today: date) -> bool:
    if service.ended_on is not None and service.ended_on <= today:
        return False
    if service.ends_on is None:
        return True
    if service.ends_on < today:
        return False
    start = service.starts_on or today
    return (service.ends_on - start).days >= LONG_TERM_DAYS


def long_term_units(services: list[ServiceFacts], today: date) -> set[str]:
    return {s.unit for s in services if s.unit and is_long_term(s, today)}


def suggests_coordination(
    services: list[ServiceFacts], today: date, *, has_coordinator: bool, has_request: bool
) -> bool:
    """Long-term services from two or more units, no koordinator, and nothing asked yet."""
    if has_coordinator or has_request:
        return False
    return len(long_term_units(services, today)) >= 2

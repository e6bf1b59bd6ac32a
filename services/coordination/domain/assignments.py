"""Koordinator and primærkontakt assignments, with history (from–to) and hand-over.

A koordinator (hol § 7-2) follows up the person and coordinates the services
and the individual plan; a barnekoordinator (hol § 7-2 a) is for families
expecting a child with serious illness, injury or disability, or with such a
child under 18 who will need long-lasting and comprehensive services. A
primærkontakt (tjenesteansvarlig, kontaktperson) is the named employee in one
unit who knows the person best (Nordre Follo: a contact for everyone with a
decision). An assignment is never edited away: the old one gets an end date and a
new one begins, so the history shows who it was when. When a koordinator leaves,
every person they follow moves to the successor in one step, so nobody is left
without.
"""

from __future__ import annotations

from datetime import date

from shared.errors import Conflict, RuleViolation
from shared.schemas.coordination import CoordinatorKind

CHILD_AGE_LIMIT = 18


def age_on(birth_date: date, day: date) -> int:
    years = day.year - birth_date.year
    return years - ((day.month, day.day) < (birth_date.month, birth_date.day))


def check_kind(kind: CoordinatorKind, birth_date: date | None, on: date) -> None:
    """A barnekoordinator is for a child under 18 (hol § 7-2 a)."""
    if kind != CoordinatorKind.child_coordinator:
        return
    if birth_date is None:
        raise RuleViolation("body.kind", "The person's birth date is needed for a barnekoordinator")
    if age_on(birth_date, on) >= CHILD_AGE_LIMIT:
        raise RuleViolation("body.kind", "A barnekoordinator is for a child under 18 (hol § 7-2 a)")


def check_start(current_from: date | None, current_sub: str | None, new_sub: str, on: date) -> None:
    """A new assignment starts no earlier than the current one and is another person."""
    if current_sub == new_sub:
        raise Conflict("This person is already assigned")
    if current_from is not None and on < current_from:
        raise RuleViolation("body.from_date", "Starts before the current assignment began")


def check_hand_over(from_sub: str, to_sub: str, persons: int) -> None:
    if from_sub == to_sub:
        raise RuleViolation("body.to_sub", "Hand over to another koordinator")
    if persons == 0:
        raise Conflict("This koordinator has nobody to hand over")

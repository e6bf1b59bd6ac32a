"""Measures (tiltak) of the quality system, and who may see and change its documents.

A measure follows up a ROS hazard, a non-conformity found by an internal audit,
or a supervision finding. It has the shape and the statuses of a deviation's
corrective action (responsible person, due date, planned → in progress → done
or cancelled), so a leader follows up all of them the same way
(forskrift om ledelse og kvalitetsforbedring § 8 bokstav d and § 9).

Who: the kvalitetsleder works with everything of the municipality; a leder
with what belongs to the units in their token. What belongs to no unit
(a municipality-wide procedure, a supervision finding for the whole service)
is the kvalitetsleder's.
"""

from __future__ import annotations

from datetime import date

from services.quality.domain import deviations
from services.quality.domain.access import is_handler
from shared.errors import Forbidden, RuleViolation
from shared.principal import Principal
from shared.schemas.quality import ActionStatus
from shared.schemas.roles import Role


def works_with(principal: Principal, unit: str | None) -> bool:
    """The kvalitetsleder for everything; a leder for their own units only."""
    if unit is None:
        return principal.has_any(Role.quality_lead)
    return is_handler(principal, unit)


def check_works_with(principal: Principal, unit: str | None) -> None:
    if not works_with(principal, unit):
        raise Forbidden(
            "Only the quality lead, or the leader of the unit, works with this"
            if unit
            else "Only the quality lead works with what belongs to the whole municipality"
        )


def units_worked_with(principal: Principal) -> list[str] | None:
    """The units whose quality-system documents the caller works with; None for all."""
    if principal.has_any(Role.quality_lead):
        return None
    return list(principal.units) if principal.has_any(Role.manager) else []


def is_overdue(status: ActionStatus, due_on: date, today: date) -> bool:
    """The same rule as a deviation's corrective action: open and past its due date."""
    return deviations.is_action_overdue(status, due_on, today)


def check_due(due_on: date, today: date, *, is_new: bool, field: str = "body.due_on") -> None:
    """A new measure cannot be due in the past (a changed one may keep an old due date)."""
    if is_new and due_on < today:
        raise RuleViolation(field, "A new measure cannot be due in the past")


def is_open(status: ActionStatus) -> bool:
    return status in deviations.OPEN_ACTION


def done_on_after(status: ActionStatus, done_on: date | None, today: date) -> date | None:
    """A measure marked done keeps the day it was first done; any other status clears it."""
    if status is ActionStatus.done:
        return done_on or today
    return None

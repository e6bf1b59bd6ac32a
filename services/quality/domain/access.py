"""Who sees and handles which deviation.

Every employee reports and follows their own reports. The unit's leader
(leder, by the `units` in the token) handles the deviations of their units;
the kvalitetsleder handles every deviation of the municipality and sees the
quality committee's queue. The reporter is known to handlers only: a
colleague in the unit sees the deviation to learn from it, without who
reported it and without the person concerned (meldekultur: reporters are
never blamed; need to know for the person's data).
"""

from __future__ import annotations

from enum import StrEnum

from shared.errors import Forbidden
from shared.principal import Principal
from shared.schemas.roles import Role


class View(StrEnum):
    full = "full"
    redacted = "redacted"


def is_handler(principal: Principal, unit: str) -> bool:
    if principal.has_any(Role.quality_lead):
        return True
    return principal.has_any(Role.manager) and unit in principal.units


def view_of(principal: Principal, unit: str, reporter_sub: str | None) -> View | None:
    """How the caller sees a deviation: fully, redacted, or not at all (None → 404)."""
    if is_handler(principal, unit) or (reporter_sub is not None and reporter_sub == principal.sub):
        return View.full
    if unit in principal.units:
        return View.redacted
    return None


def check_may_handle(principal: Principal, unit: str) -> None:
    if not is_handler(principal, unit):
        raise Forbidden("Only the unit's leader or the quality lead handles this deviation")


def handled_units(principal: Principal) -> list[str] | None:
    """The units whose deviations the caller handles: None for all of the municipality."""
    if principal.has_any(Role.quality_lead):
        return None
    if principal.has_any(Role.manager):
        return list(principal.units)
    raise Forbidden("Only leaders and the quality lead handle deviations")

"""Need to know (tjenstlig behov): who may see or record what about a person."""

from __future__ import annotations

from shared.auth import Principal
from shared.errors import Forbidden
from shared.schemas.roles import Role

CASE_ROLES = (Role.caseworker, Role.coordinator, Role.manager)


def check_may_assess(principal: Principal, assessment_unit: str | None) -> None:
    """A caseworker may assess any application; a clinician only one their unit was asked to do."""
    if principal.has_any(Role.caseworker):
        return
    if principal.has_any(Role.clinician) and assessment_unit and assessment_unit in principal.units:
        return
    raise Forbidden("You have no service relation to this person (tjenstlig behov)")


def check_may_read_assessments(principal: Principal, assessment_unit: str | None) -> None:
    if principal.has_any(*CASE_ROLES):
        return
    check_may_assess(principal, assessment_unit)

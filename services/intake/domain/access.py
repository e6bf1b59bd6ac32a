"""Need to know (tjenstlig behov): who may see or record what about a person.

Case roles (allocation office, coordinators, leaders) work across the
municipality's cases. A clinician (helsepersonell) sees a person only with a
service relation through one of their units: the unit was asked to assess the
person, or delivers a decision to them. Without one, a clinician may read in
an emergency (nødtilgang) with a written reason, which is logged and reviewed
(pasientjournalloven § 16 and Normen: access only with a need in the service).
"""

from __future__ import annotations

from shared.errors import Forbidden
from shared.principal import Principal
from shared.schemas.roles import Role

CASE_ROLES = (Role.caseworker, Role.coordinator, Role.manager)
DECISION_READERS = (*CASE_ROLES, Role.integration)
NO_RELATION = "You have no service relation to this person (tjenstlig behov)"


def serves_through_unit(principal: Principal, unit: str | None) -> bool:
    """Whether the caller is a clinician in `unit`."""
    return principal.has_any(Role.clinician) and unit is not None and unit in principal.units


def check_may_assess(principal: Principal, assessment_unit: str | None) -> None:
    """A caseworker may assess any application; a clinician only one their unit was asked to do."""
    if principal.has_any(Role.caseworker) or serves_through_unit(principal, assessment_unit):
        return
    raise Forbidden(NO_RELATION)


def check_may_read_assessments(principal: Principal, assessment_unit: str | None) -> None:
    if principal.has_any(*CASE_ROLES):
        return
    check_may_assess(principal, assessment_unit)


def check_may_read_decision(principal: Principal, decision_unit: str | None) -> None:
    """Case roles and integrations read decisions; a clinician those of their own units."""
    if principal.has_any(*DECISION_READERS) or serves_through_unit(principal, decision_unit):
        return
    raise Forbidden(NO_RELATION)


def decision_units_visible_to(principal: Principal) -> list[str] | None:
    """Which units' decisions the caller may list: None for all, else their own units."""
    if principal.has_any(*DECISION_READERS):
        return None
    if principal.has_any(Role.clinician):
        return list(principal.units)
    raise Forbidden("Your role does not read decisions")


def person_access_reason(
    principal: Principal, *, has_relation: bool, emergency_reason: str | None
) -> str | None:
    """Whether the caller may read the person, and the reason to log with it.

    Returns None for an ordinary read, the emergency reason for nødtilgang, and raises
    `Forbidden` when neither holds."""
    if principal.has_any(*CASE_ROLES, Role.welfare_technologist):
        return None
    if principal.has_any(Role.clinician) and has_relation:
        return None
    if principal.has_any(Role.clinician) and emergency_reason and emergency_reason.strip():
        return f"NØDTILGANG: {emergency_reason.strip()}"
    raise Forbidden(f"{NO_RELATION}; emergency access needs a written reason")


def may_need_relation_check(principal: Principal) -> bool:
    """Only a clinician without a case role needs the relation looked up."""
    return not principal.has_any(*CASE_ROLES, Role.welfare_technologist) and principal.has_any(
        Role.clinician
    )

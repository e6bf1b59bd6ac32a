"""Need to know (tjenstlig behov): who may see or record what about a person.

Case roles (allocation office, coordinators, leaders) work across the
municipality's cases. A clinician (helsepersonell) sees a person only with a
service relation through one of their units: the unit was asked to assess the
person, or delivers a decision to them. Without one, a clinician may read in
an emergency (nødtilgang) with a written reason, which is logged and reviewed
(pasientjournalloven § 16 and Normen: access only with a need in the service).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from shared.errors import Conflict, Forbidden, RuleViolation
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
    principal: Principal, *, has_relation: bool, emergency: EmergencyGrant | None
) -> str | None:
    """Whether the caller may read the person, and the reason to log with it.

    Returns None for an ordinary read, the emergency access's reason while it is valid,
    and raises `Forbidden` when neither holds."""
    if principal.has_any(*CASE_ROLES, Role.welfare_technologist):
        return None
    if principal.has_any(Role.clinician) and has_relation:
        return None
    if principal.has_any(Role.clinician) and emergency is not None:
        return f"NØDTILGANG ({emergency.category}): {emergency.reason}"
    raise Forbidden(f"{NO_RELATION}; a clinician may open emergency access with a reason")


def may_need_relation_check(principal: Principal) -> bool:
    """Only a clinician without a case role needs the relation looked up."""
    return not principal.has_any(*CASE_ROLES, Role.welfare_technologist) and principal.has_any(
        Role.clinician
    )


# Nødtilgang («blålys»): a reviewed emergency access with a time limit.


class EmergencyCategory(StrEnum):
    acute_help = "acute_help"
    """Akutt hjelp: the person needs help now and no one with a relation is there."""
    person_asked = "person_asked"
    """The person (or their representative) asked this employee to look."""
    other = "other"


class ReviewStatus(StrEnum):
    pending = "pending"
    approved = "approved"
    explanation_requested = "explanation_requested"


@dataclass(frozen=True)
class EmergencyRules:
    """How long an emergency access lasts and what its reason must hold; reference data."""

    valid_for: timedelta
    reason_min_characters: int
    reason_min_words: int
    source: str


EMERGENCY_RULES = EmergencyRules(
    valid_for=timedelta(hours=4),
    reason_min_characters=20,
    reason_min_words=4,
    source=(
        "Pasientjournalloven § 16 and Normen (Norm for informasjonssikkerhet og personvern i "
        "helse- og omsorgssektoren): access without an ordinary relation only when needed to "
        "give help, with the reason documented, limited in time and reviewed afterwards. "
        "Four hours and a reason of at least a sentence are Mestring's defaults."
    ),
)


@dataclass(frozen=True)
class EmergencyGrant:
    """An emergency access as the read needs it."""

    category: str
    reason: str
    expires_at: datetime


def check_may_open_emergency_access(principal: Principal) -> None:
    """Emergency access is for helsepersonell; case roles read without it."""
    if not principal.has_any(Role.clinician):
        raise Forbidden("Emergency access is for helsepersonell")


def check_emergency_reason(reason: str, rules: EmergencyRules = EMERGENCY_RULES) -> str:
    """A reason of at least a sentence: enough characters and words; 422 otherwise."""
    cleaned = " ".join(reason.split())
    if (
        len(cleaned) < rules.reason_min_characters
        or len(cleaned.split(" ")) < rules.reason_min_words
    ):
        raise RuleViolation(
            "body.reason",
            f"Write the reason as at least a sentence ({rules.reason_min_characters} "
            f"characters and {rules.reason_min_words} words)",
        )
    return cleaned


def emergency_expires_at(granted_at: datetime, rules: EmergencyRules = EMERGENCY_RULES) -> datetime:
    return granted_at + rules.valid_for


def is_valid(expires_at: datetime, now: datetime) -> bool:
    """An emergency access opens the person until it expires; then it lapses."""
    return now < expires_at


def may_review(principal: Principal, actor_units: list[str]) -> bool:
    """A leader reviews the emergency accesses of clinicians in their units; the quality lead
    those of the whole municipality."""
    if principal.has_any(Role.quality_lead):
        return True
    return principal.has_any(Role.manager) and bool(set(actor_units) & set(principal.units))


def check_may_review(principal: Principal, actor: str, actor_units: list[str]) -> None:
    if actor == principal.sub:
        raise Forbidden("Nobody reviews their own emergency access")
    if not may_review(principal, actor_units):
        raise Forbidden("You review emergency accesses only of your own units")


def check_review(status: ReviewStatus, decision: ReviewStatus, note: str | None) -> None:
    """Approve, or ask for an explanation (with a note saying what to explain)."""
    if decision == ReviewStatus.pending:
        raise RuleViolation("body.decision", "Approve or ask for an explanation")
    if status == ReviewStatus.approved:
        raise Conflict("This emergency access is already approved")
    if decision == ReviewStatus.explanation_requested and not (note or "").strip():
        raise RuleViolation("body.note", "Say what the employee should explain")

"""Consent and the legal basis for technology (pasient- og brukerrettighetsloven chapter 4).

Health care needs consent from a person with capacity to consent
(samtykkekompetanse, pbrl § 4-1, § 4-3). For a person over 18 who lacks it,
alarm and location technology (varslings- og lokaliseringsteknologi: GPS,
door alarms, sensors) may be used only on a decision under pbrl § 4-6 a:
necessary to prevent or limit a risk of harm, in the person's interest,
proportionate and the least intrusive alternative, probably what the person
would have wanted, the nearest relatives heard where possible, and never if
the person resists; limited in time. Each condition is documented in the
decision; without it, the recommendation cannot be activated (no loan starts).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from shared.errors import Conflict, RuleViolation
from shared.schemas.welfaretech import ConsentCapacity

LAW = "pasient- og brukerrettighetsloven § 4-6 a"


class Condition(StrEnum):
    """The conditions of pbrl § 4-6 a the decision documents, one text each."""

    prevents_harm = "prevents_harm"
    in_persons_interest = "in_persons_interest"
    proportionate = "proportionate"
    least_intrusive = "least_intrusive"
    would_have_consented = "would_have_consented"
    relatives_heard = "relatives_heard"


class LegalBasisMissing(Conflict):
    """The recommendation cannot be activated: consent or the § 4-6 a decision is missing."""

    slug, title = "legal-basis-missing", "Consent or a legal basis is missing"


@dataclass(frozen=True)
class DecisionFacts:
    """A recorded § 4-6 a decision, as the guard needs it."""

    valid_from: date
    valid_until: date
    kinds: frozenset[str]
    person_does_not_resist: bool


def check_decision(
    conditions: Mapping[str, str],
    person_does_not_resist: bool,
    decided_on: date,
    valid_from: date,
    valid_until: date,
) -> None:
    """Every condition documented in words, the person not resisting, and a time limit."""
    for condition in Condition:
        if not conditions.get(condition.value, "").strip():
            raise RuleViolation(
                f"body.conditions.{condition.value}",
                f"Document how the condition «{condition.value}» of {LAW} is met",
            )
    if not person_does_not_resist:
        raise RuleViolation(
            "body.person_does_not_resist",
            f"{LAW}: the technology may not be used when the person resists it",
        )
    if valid_from < decided_on:
        raise RuleViolation("body.valid_from", "The decision cannot apply before it is made")
    if valid_until <= valid_from:
        raise RuleViolation("body.valid_until", "The decision must be limited in time")


def needs_decision(capacity: ConsentCapacity, is_alarm_or_location: bool) -> bool:
    """A § 4-6 a decision is the only basis for alarm or location technology without capacity."""
    return is_alarm_or_location and capacity == ConsentCapacity.no


def decision_in_force_until(
    *,
    capacity: ConsentCapacity,
    is_alarm_or_location: bool,
    kind: str,
    decisions: Sequence[DecisionFacts],
    on: date,
) -> tuple[bool, date | None]:
    """For a running loan: whether it rests on a § 4-6 a decision, and the last day of the
    decision in force on `on` (None: none is, the loan has lost its legal basis)."""
    if not needs_decision(capacity, is_alarm_or_location):
        return False, None
    ends = [
        d.valid_until
        for d in decisions
        if kind in d.kinds and d.valid_from <= on <= d.valid_until and d.person_does_not_resist
    ]
    return True, max(ends) if ends else None


def check_may_activate(
    *,
    capacity: ConsentCapacity,
    consent_given: bool | None,
    is_alarm_or_location: bool,
    kind: str,
    decisions: Sequence[DecisionFacts],
    on: date,
) -> None:
    """Refuse to start a loan (activate a recommendation) without a legal basis on `on`.

    - capacity unclear: it must be assessed first (pbrl § 4-3);
    - capacity yes: the person's consent (pbrl § 4-1);
    - capacity no and alarm or location technology: a § 4-6 a decision covering this kind
      and in force on the day;
    - capacity no and other technology: health care of little intrusion on pbrl § 4-6.
    """
    if capacity == ConsentCapacity.unclear:
        raise LegalBasisMissing(
            "Whether the person can consent is unclear: assess the capacity to consent "
            "(pbrl § 4-3) before the technology is activated"
        )
    if capacity == ConsentCapacity.yes:
        if not consent_given:
            raise LegalBasisMissing("The person has capacity to consent but has not consented")
        return
    if not needs_decision(capacity, is_alarm_or_location):
        return
    in_force = [
        d
        for d in decisions
        if kind in d.kinds and d.valid_from <= on <= d.valid_until and d.person_does_not_resist
    ]
    if not in_force:
        raise LegalBasisMissing(
            f"Alarm or location technology for a person without capacity to consent needs a "
            f"decision under {LAW} covering it and in force on {on.isoformat()}"
        )

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

The provision, its source and validity, the longest a decision may run and when a
running one is flagged for renewal are reference data (`reference/legal_basis.json`,
`LegalBasisRule`). A decision is renewed (the conditions documented anew, a new
time limit) or ended; ended, the alarm or location technology resting on it may no
longer be used, so its loans end with it.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from shared.errors import Conflict, RuleViolation
from shared.schemas.welfaretech import ConsentCapacity

LAW = "pasient- og brukerrettighetsloven § 4-6 a"
"""How a decision cites its law when no rule is at hand (the demo data)."""


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


class LegalDecisionStatus(StrEnum):
    """Where a § 4-6 a decision stands today."""

    not_yet_in_force = "not_yet_in_force"
    in_force = "in_force"
    lapses_soon = "lapses_soon"
    lapsed = "lapsed"
    renewed = "renewed"
    ended = "ended"


class DecisionClosed(Conflict):
    """The decision was renewed or ended already: renew or end the one that replaced it."""

    slug, title = "decision-closed", "The decision was already renewed or ended"


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class LegalBasisRule:
    """The provision a decision rests on, as reference data with its source and validity."""

    law: str
    section: str
    source: str
    in_force_from: date
    in_force_to: date | None
    conditions: tuple[str, ...]
    max_months: int
    """The longest a decision runs before its conditions are documented anew."""
    max_months_basis: str
    renew_notice_days: int
    """A running decision ending within this many days is flagged for renewal."""

    @property
    def cites(self) -> str:
        return f"{self.law} {self.section}"

    def in_force_on(self, day: date) -> bool:
        return self.in_force_from <= day and (self.in_force_to is None or day <= self.in_force_to)

    def latest_until(self, valid_from: date) -> date:
        """The last day a decision applying from `valid_from` may run."""
        return _add_months(valid_from, self.max_months) - timedelta(days=1)


@dataclass(frozen=True)
class LegalBasisRules:
    rules: tuple[LegalBasisRule, ...]

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> LegalBasisRules:
        return cls(
            tuple(
                LegalBasisRule(
                    law=item["law"],
                    section=item["section"],
                    source=item["source"],
                    in_force_from=date.fromisoformat(item["in_force_from"]),
                    in_force_to=(
                        date.fromisoformat(item["in_force_to"]) if item["in_force_to"] else None
                    ),
                    conditions=tuple(item["conditions"]),
                    max_months=int(item["max_months"]),
                    max_months_basis=item["max_months_basis"],
                    renew_notice_days=int(item["renew_notice_days"]),
                )
                for item in data["provisions"]
            )
        )

    def on(self, day: date) -> LegalBasisRule:
        """The rule in force on `day` (a decision is made under the law of its day)."""
        for rule in self.rules:
            if rule.in_force_on(day):
                return rule
        raise RuleViolation("body.decided_on", f"No legal basis is in force on {day.isoformat()}")


@dataclass(frozen=True)
class DecisionFacts:
    """A recorded § 4-6 a decision, as the guard needs it."""

    valid_from: date
    valid_until: date
    kinds: frozenset[str]
    person_does_not_resist: bool
    ended_on: date | None = None
    """Ended early: it no longer applies from this day."""

    def last_day(self) -> date:
        if self.ended_on is None:
            return self.valid_until
        return min(self.valid_until, self.ended_on - timedelta(days=1))

    def covers(self, kind: str, on: date) -> bool:
        return (
            kind in self.kinds
            and self.person_does_not_resist
            and self.valid_from <= on <= self.last_day()
        )


def check_decision(
    rule: LegalBasisRule,
    conditions: Mapping[str, str],
    person_does_not_resist: bool,
    decided_on: date,
    valid_from: date,
    valid_until: date,
    today: date,
) -> None:
    """Every condition documented in words, the person not resisting, and a time limit no
    longer than the rule allows."""
    for condition in rule.conditions:
        if not conditions.get(condition, "").strip():
            raise RuleViolation(
                f"body.conditions.{condition}",
                f"Document how the condition «{condition}» of {rule.cites} is met",
            )
    unknown = set(conditions) - set(rule.conditions)
    if unknown:
        raise RuleViolation("body.conditions", f"Unknown conditions: {sorted(unknown)}")
    if not person_does_not_resist:
        raise RuleViolation(
            "body.person_does_not_resist",
            f"{rule.cites}: the technology may not be used when the person resists it",
        )
    if decided_on > today:
        raise RuleViolation("body.decided_on", "A decision is recorded when it is made")
    if valid_from < decided_on:
        raise RuleViolation("body.valid_from", "The decision cannot apply before it is made")
    if valid_until <= valid_from:
        raise RuleViolation("body.valid_until", "The decision must be limited in time")
    if valid_until > rule.latest_until(valid_from):
        raise RuleViolation(
            "body.valid_until",
            f"A decision under {rule.cites} runs at most {rule.max_months} months: "
            f"until {rule.latest_until(valid_from).isoformat()} at the latest",
        )


def check_renewal(*, is_closed: bool, old_until: date, new_until: date) -> None:
    """Only the decision in effect is renewed, and a renewal runs past it."""
    if is_closed:
        raise DecisionClosed("The decision was renewed or ended: renew the one in effect")
    if new_until <= old_until:
        raise RuleViolation(
            "body.valid_until", "A renewal must run past the end of the decision it renews"
        )


def check_end(*, is_closed: bool, decided_on: date, ended_on: date, today: date) -> None:
    """A decision ends on a day between its making and today."""
    if is_closed:
        raise DecisionClosed("The decision was renewed or ended already")
    if ended_on > today:
        raise RuleViolation("body.ended_on", "A decision is ended on the day it ends, not ahead")
    if ended_on < decided_on:
        raise RuleViolation("body.ended_on", "A decision cannot end before it was made")


def decision_status(
    facts: DecisionFacts, *, is_renewed: bool, today: date, notice_days: int
) -> LegalDecisionStatus:
    """Where a decision stands today: ended, renewed, not yet, lapsed, lapsing soon, in force."""
    if facts.ended_on is not None:
        return LegalDecisionStatus.ended
    if is_renewed:
        return LegalDecisionStatus.renewed
    if today < facts.valid_from:
        return LegalDecisionStatus.not_yet_in_force
    if today > facts.valid_until:
        return LegalDecisionStatus.lapsed
    if (facts.valid_until - today).days < notice_days:
        return LegalDecisionStatus.lapses_soon
    return LegalDecisionStatus.in_force


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
    return True, covered_until(decisions, kind, on)


def covered_until(decisions: Sequence[DecisionFacts], kind: str, on: date) -> date | None:
    """The last day of the unbroken run of decisions covering `kind` from `on` (a renewal
    starting the day after the one in force carries it on); None: none covers `on`."""
    until: date | None = None
    day = on
    while True:
        ends = [d.last_day() for d in decisions if d.covers(kind, day)]
        if not ends or (until is not None and max(ends) <= until):
            return until
        until = max(ends)
        day = until + timedelta(days=1)


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
    if not any(d.covers(kind, on) for d in decisions):
        raise LegalBasisMissing(
            f"Alarm or location technology for a person without capacity to consent needs a "
            f"decision under {LAW} covering it and in force on {on.isoformat()}"
        )

"""Pårørendesamtaler in the Ottestad model's three phases (Stange, helse- og omsorgssenter).

Regular, planned and voluntary conversations with the relatives: the
innledningsfase when services begin (expectations, what the relative can help
with, how to reach each other), the samarbeidsfase while they run (planned
conversations at agreed intervals), and the oppfølgingsfase when the stay or the
services end, or after a death. What was agreed is recorded. Which relative, and
what they may be told (`information_scope`: none, practical, health), come from
intake's register: health information is shared with a relative only with the
person's consent or by law (helsepersonelloven § 22, pbrl § 3-3).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from shared.errors import Conflict, RuleViolation


class Phase(StrEnum):
    introduction = "introduction"
    collaboration = "collaboration"
    follow_up = "follow_up"


class ConversationStatus(StrEnum):
    planned = "planned"
    held = "held"


def check_phase(phase: Phase, held_phases: set[Phase]) -> None:
    """The phases follow each other: the innledningssamtale comes first."""
    if phase != Phase.introduction and Phase.introduction not in held_phases:
        raise RuleViolation("body.phase", "Hold the introduction conversation first")


def check_held(status: ConversationStatus, held_on: date, agreed: str, today: date) -> None:
    if status == ConversationStatus.held:
        raise Conflict("The conversation is already recorded as held")
    if held_on > today:
        raise RuleViolation("body.held_on", "A conversation is recorded once it has been held")
    if not agreed.strip():
        raise RuleViolation("body.agreed", "Write what was agreed")


def may_hear_health(information_scope: str) -> bool:
    """Whether intake's register lets this relative be told about the person's health."""
    return information_scope == "health"

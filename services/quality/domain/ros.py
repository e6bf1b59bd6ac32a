"""ROS (risiko- og sårbarhetsanalyse) per unit.

The forskrift om ledelse og kvalitetsforbedring § 6 bokstav g asks the
management system to have an overview of where there is a risk of failure;
a ROS analysis names unwanted events (hazards), grades each on the same
5 × 5 matrix as deviations (consequence × probability, `domain.risk`), and
turns every high risk into a measure with an owner and a due date. An analysis
is approved only when no high risk is left without a measure; after that its
hazards still take new measures (and deviations that confirm them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.quality.domain import risk
from shared.errors import Conflict, RuleViolation, RuleViolations
from shared.schemas.quality import RiskLevel, RosStatus


@dataclass(frozen=True)
class Hazard:
    description: str
    risk_score: int
    open_or_done_measures: int
    """Measures that are not cancelled."""


def needs_measure(risk_score: int, measures: int) -> bool:
    """A high risk with no measure (a cancelled one does not count)."""
    return risk.level_of(risk_score) is RiskLevel.high and measures == 0


def check_analysed_on(analysed_on: date, today: date) -> None:
    if analysed_on > today:
        raise RuleViolation("body.analysed_on", "An analysis cannot be dated in the future")


def check_participants(participants: list[str]) -> None:
    if not [p for p in participants if p.strip()]:
        raise RuleViolation("body.participants", "Name at least one participant")


def check_approval(status: RosStatus, hazards: list[Hazard]) -> None:
    """Approve a draft with hazards, every high risk followed by a measure."""
    if status is not RosStatus.draft:
        raise Conflict("The analysis is already approved")
    if not hazards:
        raise RuleViolation("body", "Add the hazards before approving the analysis")
    missing = [
        (f"hazards.{index}", f"«{h.description[:60]}» is a high risk without a measure")
        for index, h in enumerate(hazards)
        if needs_measure(h.risk_score, h.open_or_done_measures)
    ]
    if missing:
        raise RuleViolations(missing, "Every high risk needs a measure before approval")

"""The risk matrix: consequence × probability, each graded 1–5, gives the risk score.

The 5 × 5 matrix is the one used in ROS analyses in Norwegian municipalities
(DSB, «Veileder til helhetlig risiko- og sårbarhetsanalyse i kommunen»); the
same matrix grades deviations and ROS hazards, so they can be compared.
Cells: 1–4 low (green), 5–9 medium (yellow), 10–25 high (red).
"""

from __future__ import annotations

from shared.errors import RuleViolation
from shared.schemas.quality import RiskLevel

LEVELS = range(1, 6)
MEDIUM_FROM = 5
HIGH_FROM = 10


def score(consequence: int, probability: int) -> int:
    """Consequence times probability, 1–25."""
    for name, value in (("consequence", consequence), ("probability", probability)):
        if value not in LEVELS:
            raise RuleViolation(f"body.{name}", "Grade it from 1 to 5")
    return consequence * probability


def level_of(risk_score: int) -> RiskLevel:
    if risk_score >= HIGH_FROM:
        return RiskLevel.high
    if risk_score >= MEDIUM_FROM:
        return RiskLevel.medium
    return RiskLevel.low


def matrix() -> list[list[RiskLevel]]:
    """The colours of the matrix, row by consequence 1–5, column by probability 1–5."""
    return [[level_of(c * p) for p in LEVELS] for c in LEVELS]


def goes_to_committee(risk_score: int, is_serious: bool) -> bool:
    """The kvalitetsutvalg follows up high-risk and serious deviations (domain.md)."""
    return is_serious or level_of(risk_score) is RiskLevel.high

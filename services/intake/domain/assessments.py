"""What an assessment (kartlegging) yields: the facts criteria are tested on, and follow-ups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from services.intake.domain.functional import Derived


class Place(StrEnum):
    home = "home"
    office = "office"
    phone = "phone"
    institution = "institution"
    hospital = "hospital"


class Potential(StrEnum):
    yes = "yes"
    no = "no"
    uncertain = "uncertain"


class Risk(StrEnum):
    none = "none"
    some = "some"
    high = "high"


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _tristate(potential: Potential) -> bool | None:
    return {Potential.yes: True, Potential.no: False, Potential.uncertain: None}[potential]


@dataclass(frozen=True)
class Observations:
    """What the assessor recorded beyond the scores."""

    born: date
    assessed_on: date
    rehabilitation_potential: Potential
    nutrition_risk: Risk
    fall_risk: Risk
    needs_24h_care: bool
    has_dementia: bool
    is_palliative: bool
    relative_care_burden: bool
    acute_need: bool
    is_discharge_ready: bool
    expected_duration_months: int | None
    assessed_hours_per_week: float | None


def criteria_facts(derived: Derived, seen: Observations) -> dict[str, Any]:
    """The metrics of the catalogue's criteria language, from one assessment."""
    facts: dict[str, Any] = {
        "adl_mean": derived.adl_mean,
        "iadl_mean": derived.iadl_mean,
        "cognitive_mean": derived.cognitive_mean,
        "need_level": derived.need_level.value if derived.need_level else None,
        "age": age_on(seen.born, seen.assessed_on),
        "assessed_hours_per_week": seen.assessed_hours_per_week,
        "expected_duration_months": seen.expected_duration_months,
        "needs_24h_care": seen.needs_24h_care,
        "has_dementia": seen.has_dementia,
        "has_rehabilitation_potential": _tristate(seen.rehabilitation_potential),
        "is_palliative": seen.is_palliative,
        "relative_care_burden": seen.relative_care_burden,
        "is_discharge_ready": seen.is_discharge_ready,
        "acute_need": seen.acute_need,
        "has_fall_risk": seen.fall_risk != Risk.none,
        "has_nutrition_risk": seen.nutrition_risk != Risk.none,
    }
    return {key: value for key, value in facts.items() if value is not None}


def follow_ups(seen: Observations, welfare_technology_positive: bool) -> list[str]:
    """What must not be forgotten after this assessment.

    Rehabilitation potential means hverdagsrehabilitering is considered first;
    a nutrition risk is followed up (Nordre Follo's ernæringsstrategi); a
    positive welfare-technology screening goes to the welfaretech service.
    """
    flags = []
    if seen.rehabilitation_potential == Potential.yes:
        flags.append("consider_everyday_rehabilitation")
    if seen.nutrition_risk != Risk.none:
        flags.append("nutrition_follow_up")
    if seen.fall_risk == Risk.high:
        flags.append("fall_prevention")
    if welfare_technology_positive:
        flags.append("welfare_technology_assessment")
    return flags

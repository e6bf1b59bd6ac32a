"""Closed sets of the catalogue and what the public may see."""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class ScopeUnit(StrEnum):
    """Unit of a decision's scope (omfang)."""

    hours_per_week = "hours_per_week"
    visits_per_day = "visits_per_day"
    visits_per_week = "visits_per_week"
    days_per_week = "days_per_week"
    place = "place"
    none = "none"


class UserFeeKind(StrEnum):
    """Egenandel, per forskrift om egenandel for kommunale helse- og omsorgstjenester."""

    none = "none"
    income_based = "income_based"
    fixed = "fixed"
    regulated = "regulated"


class StayPurpose(StrEnum):
    """Why a korttidsopphold is given."""

    rehabilitation = "rehabilitation"
    assessment = "assessment"
    respite = "respite"
    palliative = "palliative"


class UnitKind(StrEnum):
    home_care_zone = "home_care_zone"
    nursing_home = "nursing_home"
    day_centre = "day_centre"
    care_housing = "care_housing"
    health_centre = "health_centre"
    allocation_office = "allocation_office"
    other = "other"


class CapacityUnit(StrEnum):
    persons = "persons"
    places = "places"
    hours_per_week = "hours_per_week"


def is_active(active_from: date, active_to: date | None, on: date) -> bool:
    return active_from <= on and (active_to is None or on <= active_to)


def is_public(published: bool, active_from: date, active_to: date | None, on: date) -> bool:
    """A citizen sees a service that is published and in force today."""
    return published and is_active(active_from, active_to, on)

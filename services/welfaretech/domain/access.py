"""Need to know (tjenstlig behov) for a person's welfare-technology data.

Welfare technologists assess and follow up across the municipality;
saksbehandlere and leaders read. A clinician (helsepersonell) sees a person's
referrals, assessments and loans only where their unit serves the person: the
unit that referred the person, or the unit that answers the person's alarms
(pasientjournalloven § 16, helsepersonelloven § 21 a).

The relation expires as everywhere in Mestring (`shared/need_to_know.py`), by
the municipality's window (set in intake, kept from its feed): a loan whose
device was returned opens the person to the answering unit for the window after
its end, a loan not yet installed not at all; a referral opens its unit from the
day it was received until the window after it was closed; an assessment opens
its unit from the day it was made until the window after its referral was
closed (one made without a referral, for the window after its own day). A
serving unit given as a `ServicePeriod` is judged by that rule on `today`; one
given as a bare unit code counts as serving.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from shared import need_to_know
from shared.errors import Forbidden
from shared.need_to_know import ServicePeriod
from shared.principal import Principal
from shared.schemas.roles import Role

READ_ACROSS = frozenset({Role.welfare_technologist, Role.caseworker, Role.manager})

ServingUnit = str | ServicePeriod | None


def loan_period(unit: str, installed_on: date | None, ended_on: date | None) -> ServicePeriod:
    """A loan as a service period: the answering unit serves from installation to return."""
    return ServicePeriod(unit=unit, granted=True, starts_on=installed_on, ended_on=ended_on)


def referral_period(unit: str | None, received_on: date, closed_on: date | None) -> ServicePeriod:
    """A referral as a service period: its unit serves from receipt until it is closed."""
    return ServicePeriod(unit=unit, granted=True, starts_on=received_on, ended_on=closed_on)


def assessment_period(
    unit: str | None, assessed_on: date, has_referral: bool, referral_closed_on: date | None
) -> ServicePeriod:
    """An assessment as a service period: its unit serves from the assessment until its
    referral is closed; one made without a referral ends on its own day."""
    ended_on = referral_closed_on if has_referral else assessed_on
    return ServicePeriod(unit=unit, granted=True, starts_on=assessed_on, ended_on=ended_on)


def units_serving(
    serving_units: Iterable[ServingUnit],
    today: date | None,
    window: need_to_know.RelationWindow = need_to_know.RELATION_WINDOW,
) -> set[str]:
    found: set[str] = set()
    for item in serving_units:
        if isinstance(item, ServicePeriod):
            if today is None:
                raise TypeError("A dated serving unit is judged on a day: pass today")
            if item.unit is not None and need_to_know.period_opens(item, today, window):
                found.add(item.unit)
        elif item:
            found.add(item)
    return found


NOT_SERVED = "Your unit does not serve this person (no need to know)"


def may_read_person(
    user: Principal,
    serving_units: Iterable[ServingUnit],
    today: date | None = None,
    window: need_to_know.RelationWindow = need_to_know.RELATION_WINDOW,
) -> bool:
    if READ_ACROSS & set(user.roles):
        return True
    if Role.clinician in user.roles:
        return bool(set(user.units) & units_serving(serving_units, today, window))
    return False


def may_use_emergency_access(user: Principal) -> bool:
    """An emergency access opened in intake is helsepersonell's (intake opens it for them only)."""
    return Role.clinician in user.roles


def check_may_read_person(
    user: Principal,
    serving_units: Iterable[ServingUnit],
    today: date | None = None,
    window: need_to_know.RelationWindow = need_to_know.RELATION_WINDOW,
) -> None:
    if not may_read_person(user, serving_units, today, window):
        raise Forbidden(NOT_SERVED)

"""Need to know (tjenstlig behov) for a person's welfare-technology data.

Welfare technologists assess and follow up across the municipality;
saksbehandlere and leaders read. A clinician (helsepersonell) sees a person's
referrals, assessments and loans only where their unit serves the person: the
unit that referred the person, or the unit that answers the person's alarms
(pasientjournalloven § 16, helsepersonelloven § 21 a).
"""

from __future__ import annotations

from collections.abc import Iterable

from shared.errors import Forbidden
from shared.principal import Principal
from shared.schemas.roles import Role

READ_ACROSS = frozenset({Role.welfare_technologist, Role.caseworker, Role.manager})


def may_read_person(user: Principal, serving_units: Iterable[str | None]) -> bool:
    if READ_ACROSS & set(user.roles):
        return True
    if Role.clinician in user.roles:
        return bool(set(user.units) & {u for u in serving_units if u})
    return False


def check_may_read_person(user: Principal, serving_units: Iterable[str | None]) -> None:
    if not may_read_person(user, serving_units):
        raise Forbidden("Your unit does not serve this person (no need to know)")

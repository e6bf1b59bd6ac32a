"""A person's need to know in welfare technology: the units that serve the person by the
municipality's window, or an emergency access opened in intake; both kept from intake's feed
(`RELATION_FACTS`, handled in `flows/referrals.handle_intake_event`)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from services.welfaretech.domain import access
from services.welfaretech.domain.access import ServingUnit
from services.welfaretech.flows import ACCESS_LOG, Work
from services.welfaretech.models import EmergencyAccess, RelationWindow
from shared.access_log import AccessAction
from shared.errors import Forbidden
from shared.need_to_know import ServicePeriod
from shared.relation_facts import RelationFacts

RELATION_FACTS = RelationFacts(RelationWindow, EmergencyAccess)
"""The municipality's window and the emergency accesses granted in intake."""


async def serving(work: Work, person_id: uuid.UUID) -> list[ServicePeriod]:
    """Every period through which a unit serves the person here: referrals, assessments
    and loans, each dated (`domain/access.py`)."""
    return [
        *await work.referrals.periods_for(person_id),
        *await work.assessments.periods_for(person_id),
        *await work.loans.periods_for(person_id),
    ]


async def check_may_read(
    work: Work,
    person_id: uuid.UUID,
    serving_units: Iterable[ServingUnit],
    *,
    resource: str = "person",
    resource_id: uuid.UUID | None = None,
) -> str | None:
    """Pass when the caller reads across the municipality or a unit of theirs serves the
    person today by the municipality's window; else while their emergency access from
    intake has not lapsed, returning the reason to log, which names it. `Forbidden` otherwise,
    logged as `refused` (in a transaction of its own) on `resource`."""
    window = await RELATION_FACTS.window(work.session)
    if access.may_read_person(work.user, serving_units, work.today, window):
        return None
    if access.may_use_emergency_access(work.user):
        emergency = await RELATION_FACTS.emergency(
            work.session, person_id, work.user.sub, datetime.now(UTC)
        )
        if emergency is not None:
            return emergency.log_reason
    async with ACCESS_LOG.refusals_logged(
        work.session, work.user, person_id, resource, resource_id
    ):
        raise Forbidden(access.NOT_SERVED)


async def log_read(
    work: Work,
    person_id: uuid.UUID,
    resource: str,
    resource_id: uuid.UUID,
    reason: str | None,
    action: AccessAction = AccessAction.read,
) -> None:
    """The access-log row of a read, with the emergency access it went through, if any."""
    await ACCESS_LOG.record(
        work.session, work.user, person_id, action, resource, resource_id, reason
    )

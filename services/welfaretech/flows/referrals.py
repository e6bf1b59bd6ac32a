"""Referrals to the welfare-technology team: from intake's screening (its feed) or direct."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from services.welfaretech.domain.access import referral_period
from services.welfaretech.flows import Work, need_to_know
from services.welfaretech.flows.need_to_know import RELATION_FACTS
from services.welfaretech.models import Referral
from services.welfaretech.repositories import ReferralRepo
from services.welfaretech.schemas import ReferralCreate
from shared.access_log import AccessAction
from shared.clock import today_in_norway
from shared.errors import RuleViolation
from shared.schemas.events import EventEnvelope
from shared.schemas.intake import PersonSummary, WelfareTechnologyRequested
from shared.schemas.roles import Role
from shared.schemas.welfaretech import ReferralSource, ReferralStatus

FEED_ACTOR = "intake-feed"


async def handle_intake_event(session: AsyncSession, event: EventEnvelope) -> None:
    """`welfare_technology.requested` becomes one referral; `municipality_settings.changed`
    and `emergency_access.granted` are kept for need to know (`flows/need_to_know.py`); other
    events are skipped.

    The shared consumer marks each event processed before calling this, and the
    referral's unique source event id makes even a replay outside it harmless."""
    if await RELATION_FACTS.record(session, event):
        return  # the municipality's need-to-know window or an emergency access, kept
    payload = event.payload()
    if not isinstance(payload, WelfareTechnologyRequested):
        return
    await ReferralRepo(session).add_from_event(
        {
            "person_id": payload.person_id,
            "source": ReferralSource.intake_screening.value,
            "source_event_id": event.id,
            "application_id": payload.application_id,
            "requested": [need.value for need in payload.needs],
            "received_on": event.occurred_at.date() if event.occurred_at else today_in_norway(),
            "status": ReferralStatus.open.value,
            "referred_by": FEED_ACTOR,
            "referred_by_name": "Kartlegging i tildelingskontoret",
        }
    )


def _full_name(person: PersonSummary) -> str:
    return f"{person.given_name} {person.family_name}"


async def refer(work: Work, body: ReferralCreate) -> Referral:
    """A direct referral; the person is looked up in intake first (503 if intake is down,
    and then nothing is written). Helsepersonell refer on behalf of one of their own units,
    and intake lets them name only a person their units serve."""
    if (
        body.unit is not None
        and not work.user.has_any(Role.welfare_technologist)
        and body.unit not in work.user.units
    ):
        raise RuleViolation("body.unit", "You refer on behalf of one of your own units")
    person = await work.intake_api().person(body.person_id)
    referral = Referral(
        person_id=person.id,
        person_name=_full_name(person),
        source=ReferralSource.direct.value,
        requested=[kind.value for kind in body.requested],
        note=body.note,
        unit=body.unit or (work.user.units[0] if work.user.units else None),
        received_on=body.received_on or work.today,
        status=ReferralStatus.open.value,
        referred_by=work.user.sub,
        referred_by_name=work.user.name,
    )
    await work.referrals.add(referral)
    await work.log(person.id, AccessAction.create, "referral", referral.id)
    return referral


async def get(work: Work, referral_id: uuid.UUID) -> tuple[Referral, PersonSummary]:
    """The referral with the person as intake shows them now (a feed referral names the
    person the first time it is opened)."""
    referral = await work.referrals.get(referral_id)
    reason = await need_to_know.check_may_read(
        work,
        referral.person_id,
        [referral_period(referral.unit, referral.received_on, referral.closed_on)],
        resource="referral",
        resource_id=referral.id,
    )
    person = await work.intake_api().person(referral.person_id)
    if referral.person_name is None:
        referral.person_name = _full_name(person)
    await need_to_know.log_read(work, referral.person_id, "referral", referral.id, reason)
    return referral, person


async def log_listed(work: Work, referrals: Sequence[Referral]) -> None:
    """The inbox shows persons' names: each listed referral is in the access log."""
    for referral in referrals:
        await work.log(referral.person_id, AccessAction.search, "referral", referral.id)


def inbox_units(work: Work) -> list[str] | None:
    """Clinicians see the referrals of their own units; the team and readers see all."""
    if work.user.has_any(Role.welfare_technologist, Role.caseworker, Role.manager):
        return None
    return list(work.user.units)


async def close(work: Work, referral_id: uuid.UUID) -> Referral:
    referral = await work.referrals.get(referral_id)
    referral.status = ReferralStatus.closed.value
    referral.closed_on = referral.closed_on or work.today
    await work.flush()
    await work.log(referral.person_id, AccessAction.update, "referral", referral.id)
    return referral

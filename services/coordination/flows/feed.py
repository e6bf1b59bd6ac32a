"""Reacting to intake's feed: decided services become measures to confirm, ended ones end.

`decision.made` records the service, adds it to the person's open plan as a
measure to confirm (the koordinator confirms it belongs), and, when the person
now has long-term services from two or more units and neither a koordinator nor
a request, files a system-suggested request in the koordinerende enhet's inbox.
A unit that delivers a service without a primærkontakt for the person shows on
the worklist from then on (asked to name one). `decision.ended` ends the
service and its measures. `municipality_settings.changed` and
`emergency_access.granted` are kept as the municipality's need-to-know window
and the emergency accesses that open a person here too (`flows/need_to_know.py`).
The shared consumer (`shared.feed`) hands each event over once, in its own
transaction; replaying the feed changes nothing.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from services.coordination.domain import needs
from services.coordination.domain import plans as plan_rules
from services.coordination.domain.plans import PlanContent
from services.coordination.flows import Work
from services.coordination.flows import plans as plan_flow
from services.coordination.flows import requests as request_flow
from services.coordination.models import CoordinationRequest, PersonService
from services.coordination.repositories.services import RELATION_FACTS
from shared.access_log import AccessAction
from shared.clock import today_in_norway
from shared.feed import Handler
from shared.outbox import Outbox
from shared.principal import Principal
from shared.schemas.coordination import RequestSource, RequestStatus
from shared.schemas.events import EventEnvelope
from shared.schemas.intake import DecisionEnded, DecisionMade, Outcome
from shared.schemas.roles import Role

FEED_ACTOR = "system:intake-feed"


def system_principal(municipality: str) -> Principal:
    return Principal(
        sub=FEED_ACTOR,
        name="Vedtak fra tildelingskontoret",
        municipality=municipality,
        roles=[Role.integration],
    )


def handler(outbox: Outbox) -> Handler:
    """The consumer's handler for intake's feed."""

    async def handle(session: AsyncSession, event: EventEnvelope) -> None:
        if await RELATION_FACTS.record(session, event):
            return
        payload = event.payload()
        if event.subject is None or not isinstance(payload, DecisionMade | DecisionEnded):
            return
        work = Work(
            session=session,
            user=system_principal(event.municipality),
            today=today_in_norway(),
            outbox=outbox,
        )
        decision_id = uuid.UUID(event.subject)
        if isinstance(payload, DecisionMade):
            await decision_made(work, decision_id, payload)
        else:
            await decision_ended(work, decision_id, payload)

    return handle


async def decision_made(work: Work, decision_id: uuid.UUID, made: DecisionMade) -> None:
    if made.outcome == Outcome.refused:
        return
    if made.replaces_id is not None:
        await _end(work, made.replaces_id, made.starts_on or work.today)
    if await work.services.by_decision(decision_id) is None:
        await work.services.add(
            PersonService(
                decision_id=decision_id,
                person_id=made.person_id,
                service_type=made.service_type,
                unit=made.unit,
                starts_on=made.starts_on,
                ends_on=made.ends_on,
            )
        )
    plan = await work.plans.open_for_person(made.person_id, for_update=True)
    if plan is not None:
        content = plan_rules.add_decision_measure(
            PlanContent.model_validate(plan.content),
            decision_id=decision_id,
            service_type=made.service_type,
            unit=made.unit,
            starts_on=made.starts_on,
            ends_on=made.ends_on,
        )
        if content is not None:
            await plan_flow.write_version(
                work, plan, content, f"Nytt vedtak: {made.service_type} (til bekreftelse)"
            )
    await _suggest(work, made.person_id)


async def _suggest(work: Work, person_id: uuid.UUID) -> None:
    services = [
        needs.ServiceFacts(s.decision_id, s.unit, s.starts_on, s.ends_on, s.ended_on)
        for s in await work.services.for_person(person_id)
    ]
    current = await work.assignments.current_coordinator(person_id, for_update=True)
    has_coordinator = current is not None
    has_request = await work.requests.has_open_or_granted(person_id)
    if not needs.suggests_coordination(
        services, work.today, has_coordinator=has_coordinator, has_request=has_request
    ):
        return
    request = CoordinationRequest(
        person_id=person_id,
        received_on=work.today,
        source=RequestSource.system.value,
        wants_plan=True,
        wants_coordinator=True,
        submitted_by="Mestring (forslag fra vedtak)",
        description="Personen har langvarige tjenester fra to eller flere enheter.",
        units=sorted(needs.long_term_units(services, work.today)),
        status=RequestStatus.received.value,
    )
    await work.requests.add(request)
    await work.log(person_id, AccessAction.create, "coordination_request", request.id)
    await request_flow.publish_received(work, request)


async def decision_ended(work: Work, decision_id: uuid.UUID, ended: DecisionEnded) -> None:
    await _end(work, decision_id, work.today)


async def _end(work: Work, decision_id: uuid.UUID, on: date) -> None:
    service = await work.services.by_decision(decision_id)
    if service is None:
        return
    if service.ended_on is None:
        service.ended_on = on
    plan = await work.plans.open_for_person(service.person_id, for_update=True)
    if plan is None:
        return
    content = plan_rules.end_decision_measures(
        PlanContent.model_validate(plan.content), decision_id
    )
    if content is not None:
        await plan_flow.write_version(
            work, plan, content, f"Vedtak avsluttet: {service.service_type}"
        )

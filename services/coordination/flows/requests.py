"""The koordinerende enhet's inbox: receive, list longest waiting first, assess, assign."""

from __future__ import annotations

import uuid

from services.coordination.domain import requests as rules
from services.coordination.flows import Work
from services.coordination.flows import assignments as assigning
from services.coordination.models import CoordinationRequest
from services.coordination.schemas import RequestAssessment, RequestCreate
from shared.access_log import AccessAction
from shared.concurrency import check_version
from shared.errors import Forbidden, NotFound, RuleViolation
from shared.schemas.common import Page
from shared.schemas.coordination import (
    CoordinationRequestReceived,
    RequestSource,
    RequestStatus,
)


async def submit(work: Work, body: RequestCreate) -> CoordinationRequest:
    """A request from the person, a relative or an employee; the person is read from intake
    (an employee without a relation to the person in intake may still report the need)."""
    rules.check_new(
        wants_plan=body.wants_plan,
        wants_coordinator=body.wants_coordinator,
        received_on=body.received_on,
        source=body.source,
        today=work.today,
    )
    name, birth_date = None, None
    try:
        person = await work.intake.person(body.person_id)
        name = f"{person.summary.given_name} {person.summary.family_name}"
        birth_date = person.summary.birth_date
    except NotFound as exc:
        raise RuleViolation("body.person_id", "Intake has no such person") from exc
    except Forbidden:
        pass  # the duty to report does not wait for a service relation; the unit looks it up
    request = CoordinationRequest(
        person_id=body.person_id,
        person_name=name,
        birth_date=birth_date,
        received_on=body.received_on,
        source=body.source.value,
        wants_plan=body.wants_plan,
        wants_coordinator=body.wants_coordinator,
        submitted_by=body.submitted_by or work.user.name,
        submitted_by_sub=work.user.sub,
        description=body.description,
        units=[],
        status=RequestStatus.received.value,
    )
    await work.requests.add(request)
    await work.log(request.person_id, AccessAction.create, "coordination_request", request.id)
    await publish_received(work, request)
    return request


async def publish_received(work: Work, request: CoordinationRequest) -> None:
    await work.publish(
        CoordinationRequestReceived(
            person_id=request.person_id,
            source=RequestSource(request.source),
            wants_plan=request.wants_plan,
            wants_coordinator=request.wants_coordinator,
            received_on=request.received_on,
        ),
        subject=request.id,
    )


async def inbox(
    work: Work, status: RequestStatus | None, limit: int, cursor: str | None
) -> Page[CoordinationRequest]:
    page = await work.requests.inbox(status, limit, cursor)
    await work.log(
        [r.person_id for r in page.items],
        AccessAction.search,
        "coordination_request",
        None,
        reason="innboks",
    )
    return page


async def read(work: Work, request_id: uuid.UUID) -> CoordinationRequest:
    request = await work.requests.get(request_id)
    await work.log(request.person_id, AccessAction.read, "coordination_request", request.id)
    return request


async def assess(
    work: Work, request_id: uuid.UUID, body: RequestAssessment, if_match: int
) -> CoordinationRequest:
    """Record the outcome with its reasons; a granted koordinator may be assigned at once."""
    request = await work.requests.get(request_id)
    check_version(if_match, request.version)
    rules.check_assessment(
        RequestStatus(request.status),
        body.outcome,
        body.reasons,
        grants_coordinator=body.grants_coordinator,
        assigns_coordinator=body.coordinator is not None,
    )
    request.status = RequestStatus.assessed.value
    request.outcome = body.outcome.value
    request.grants_plan = body.grants_plan
    request.grants_coordinator = body.grants_coordinator
    request.reasons = body.reasons
    request.assessed_on = work.today
    request.assessed_by_name = work.user.name
    if request.person_name is None:
        person = await work.intake.person(request.person_id)
        request.person_name = f"{person.summary.given_name} {person.summary.family_name}"
        request.birth_date = person.summary.birth_date
    await work.flush()
    await work.log(
        request.person_id,
        AccessAction.update,
        "coordination_request",
        request.id,
        reason=f"vurdert: {body.outcome}",
    )
    if body.coordinator is not None:
        await assigning.assign_coordinator(
            work,
            request.person_id,
            sub=body.coordinator.sub or work.user.sub,
            name=body.coordinator.name or work.user.name,
            kind=body.coordinator.kind,
            from_date=work.today,
            person_name=request.person_name,
            birth_date=request.birth_date,
            request_id=request.id,
        )
    return request

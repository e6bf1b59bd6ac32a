"""Applications (søknader): registered against the catalogue, moved on, answered in time."""

from __future__ import annotations

import uuid

from services.intake.clients import CatalogueApi
from services.intake.domain.applications import move
from services.intake.flows import Work
from services.intake.models import Application, ApplicationItem
from services.intake.schemas import ApplicationCreate, ApplicationStatusChange, InterimReply
from shared.access_log import AccessAction
from shared.concurrency import check_version
from shared.errors import Conflict, NotFound, RuleViolation
from shared.schemas.common import Page
from shared.schemas.intake import (
    ApplicationDecided,
    ApplicationInAssessment,
    ApplicationReceived,
    ApplicationStatus,
    ApplicationStatusChanged,
    ApplicationWithdrawn,
)

OPEN = (ApplicationStatus.received, ApplicationStatus.in_assessment)
_STATUS_EVENTS: dict[ApplicationStatus, type[ApplicationStatusChanged]] = {
    ApplicationStatus.in_assessment: ApplicationInAssessment,
    ApplicationStatus.decided: ApplicationDecided,
    ApplicationStatus.withdrawn: ApplicationWithdrawn,
}


async def register(work: Work, body: ApplicationCreate, catalogue: CatalogueApi) -> Application:
    """Register a søknad. Each service asked for is checked with the catalogue first, so
    nothing is written when the catalogue is down (503) or a service is unknown (422)."""
    person = await work.persons.get(body.person_id, field="body.person_id")
    codes = [item.service_type for item in body.services]
    if len(set(codes)) != len(codes):
        raise RuleViolation("body.services", "Each service type is asked for once")
    items = []
    caregiver_is_party = False
    for position, item in enumerate(body.services):
        try:
            service = await catalogue.service_type(item.service_type)
        except NotFound as exc:
            raise RuleViolation(
                f"body.services.{position}.service_type",
                f"The municipality has no service type {item.service_type!r}",
            ) from exc
        caregiver_is_party = caregiver_is_party or service.caregiver_is_party
        items.append(
            ApplicationItem(
                position=position,
                service_type=item.service_type,
                service_name=service.name.model_dump(),
                care_level_rank=service.care_level.rank,
                requires_decision=service.requires_decision,
                note=item.note,
            )
        )
    if caregiver_is_party and body.caregiver is None:
        raise RuleViolation(
            "body.caregiver",
            "Name the caregiver: in avlastning and omsorgsstønad they are the party (pbrl § 2-8)",
        )
    application = Application(
        person=person,
        **body.model_dump(mode="json", exclude={"person_id", "services", "received_on"}),
        received_on=body.received_on,
        status=ApplicationStatus.received,
        registered_by=work.user.sub,
        items=items,
    )
    await work.applications.add(application)
    await work.log(person.id, AccessAction.create, "application", application.id)
    await work.publish(
        ApplicationReceived(
            person_id=person.id,
            received_on=application.received_on,
            service_types=codes,
            channel=application.channel,
        ),
        subject=application.id,
    )
    return application


async def page(
    work: Work,
    *,
    status: ApplicationStatus | None,
    person_id: uuid.UUID | None,
    limit: int,
    cursor: str | None,
) -> Page[Application]:
    found = await work.applications.page(
        status=status, person_id=person_id, limit=limit, cursor=cursor
    )
    await work.log(list({a.person_id for a in found.items}), AccessAction.search, "application")
    return found


async def read(work: Work, application_id: uuid.UUID) -> Application:
    application = await work.applications.get(application_id)
    await work.log(application.person_id, AccessAction.read, "application", application.id)
    return application


async def change_status(
    work: Work, application_id: uuid.UUID, body: ApplicationStatusChange, if_match: int
) -> Application:
    """Move an application on (in assessment, withdrawn)."""
    application = await work.applications.get(application_id)
    check_version(if_match, application.version)
    if body.status == ApplicationStatus.withdrawn and not body.reason:
        raise RuleViolation("body.reason", "Say why the application is withdrawn")
    application.status = move(ApplicationStatus(application.status), body.status)
    if body.status == ApplicationStatus.withdrawn:
        application.withdrawn_reason = body.reason
    await work.flush()
    await work.log(
        application.person_id,
        AccessAction.update,
        "application",
        application.id,
        reason=f"status: {body.status.value}",
    )
    event = _STATUS_EVENTS[body.status](person_id=application.person_id, status=body.status)
    await work.publish(event, subject=application.id)
    return application


async def record_interim_reply(
    work: Work, application_id: uuid.UUID, body: InterimReply, if_match: int
) -> Application:
    """Record the foreløpig svar (fvl § 11 a): why it takes time, when to expect an answer."""
    application = await work.applications.get(application_id)
    check_version(if_match, application.version)
    if ApplicationStatus(application.status) not in OPEN:
        raise Conflict("The application is already decided or withdrawn")
    if body.sent_on < application.received_on:
        raise RuleViolation("body.sent_on", "Sent before the application was received")
    if body.expected_decision_by <= body.sent_on:
        raise RuleViolation(
            "body.expected_decision_by", "The expected decision date is after the reply"
        )
    application.interim_reply_sent_on = body.sent_on
    application.interim_reply_reason = body.reason
    application.expected_decision_by = body.expected_decision_by
    await work.flush()
    await work.log(
        application.person_id,
        AccessAction.update,
        "application",
        application.id,
        reason=f"foreløpig svar: {body.reason} (vedtak innen {body.expected_decision_by})",
    )
    return application


async def interim_reply_letter(
    work: Work, application_id: uuid.UUID, catalogue: CatalogueApi, *, as_pdf: bool
) -> tuple[Application, str]:
    """The application whose foreløpig svar is printed (logged), and the municipality's name."""
    application = await work.applications.get(application_id)
    if application.interim_reply_sent_on is None or application.expected_decision_by is None:
        raise Conflict("Record the foreløpig svar first")
    await work.log(
        application.person_id,
        AccessAction.export,
        "interim_reply_letter",
        application.id,
        reason="pdf" if as_pdf else "html",
    )
    municipality = await catalogue.municipality()
    return application, municipality.name if municipality else application.municipality

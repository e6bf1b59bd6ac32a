"""Applications (søknader): registered against the catalogue, with their deadlines."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response
from sqlalchemy import select

from services.intake.api.deps import ACCESS_LOG, CaseReader, Caseworker, Idempotent
from services.intake.api.persons import person_summary
from services.intake.clients import CatalogueApiDep
from services.intake.domain.applications import ApplicationStatus, move
from services.intake.domain.deadlines import interim_reply_due
from services.intake.models import Application, ApplicationItem
from services.intake.repository import ApplicationRepoDep, PersonRepoDep
from services.intake.schemas import (
    ApplicationCreate,
    ApplicationItemRead,
    ApplicationRead,
    ApplicationStatusChange,
    InterimReply,
)
from shared.access_log import AccessAction
from shared.concurrency import IfMatchVersion, check_version, set_etag
from shared.errors import Conflict, NotFound, RuleViolation, problem_responses
from shared.outbox import EventOutbox
from shared.pagination import Cursor, Limit, paginate
from shared.schemas.common import LocalizedText, Page

router = APIRouter(tags=["applications"])


def application_read(application: Application) -> ApplicationRead:
    return ApplicationRead(
        id=application.id,
        person=person_summary(application.person),
        channel=application.channel,  # type: ignore[arg-type]
        received_on=application.received_on,
        applicant_kind=application.applicant_kind,  # type: ignore[arg-type]
        applicant_name=application.applicant_name,
        services=[
            ApplicationItemRead(
                service_type=item.service_type,
                service_name=LocalizedText.model_validate(item.service_name),
                care_level_rank=item.care_level_rank,
                requires_decision=item.requires_decision,
                note=item.note,
            )
            for item in application.items
        ],
        what_matters=application.what_matters,
        urgency=application.urgency,  # type: ignore[arg-type]
        consent_to_obtain_information=application.consent_to_obtain_information,
        status=application.status,  # type: ignore[arg-type]
        interim_reply_due=interim_reply_due(application.received_on),
        interim_reply_sent_on=application.interim_reply_sent_on,
        assessment_unit=application.assessment_unit,
        registered_by=application.registered_by,
        created_at=application.created_at,
        version=application.version,
    )


@router.post(
    "/applications",
    status_code=201,
    response_model=ApplicationRead,
    responses=problem_responses(503),
    operation_id="register_application",
)
async def register_application(
    body: ApplicationCreate,
    persons: PersonRepoDep,
    applications: ApplicationRepoDep,
    catalogue: CatalogueApiDep,
    user: Caseworker,
    idempotent: Idempotent,
    outbox: EventOutbox,
) -> Response:
    """Register a søknad. Each service asked for is checked with the catalogue first, so
    nothing is written when the catalogue is down (503) or a service is unknown (422)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    person = await persons.get(body.person_id, field="body.person_id")
    codes = [item.service_type for item in body.services]
    if len(set(codes)) != len(codes):
        raise RuleViolation("body.services", "Each service type is asked for once")
    items = []
    for position, item in enumerate(body.services):
        try:
            service = await catalogue.service_type(item.service_type)
        except NotFound as exc:
            raise RuleViolation(
                f"body.services.{position}.service_type",
                f"The municipality has no service type {item.service_type!r}",
            ) from exc
        items.append(
            ApplicationItem(
                position=position,
                service_type=item.service_type,
                service_name=service["name"],
                care_level_rank=service["care_level"]["rank"],
                requires_decision=service["requires_decision"],
                note=item.note,
            )
        )
    application = Application(
        person=person,
        **body.model_dump(exclude={"person_id", "services"}),
        status=ApplicationStatus.received,
        registered_by=user.sub,
        items=items,
    )
    await applications.add(application)
    await ACCESS_LOG.record(
        applications.session, user, person.id, AccessAction.create, "application", application.id
    )
    await outbox.record(
        applications.session,
        "application.received",
        subject=application.id,
        data={
            "person_id": str(person.id),
            "received_on": application.received_on.isoformat(),
            "service_types": codes,
            "channel": application.channel,
        },
    )
    read = application_read(application)
    return await idempotent.respond(201, read, headers={"ETag": f'"{application.version}"'})


@router.get("/applications", response_model=Page[ApplicationRead], operation_id="list_applications")
async def list_applications(
    applications: ApplicationRepoDep,
    user: CaseReader,
    status: Annotated[ApplicationStatus | None, Query()] = None,
    person_id: Annotated[uuid.UUID | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[ApplicationRead]:
    """Applications, oldest received first (the order they are owed an answer)."""
    statement = select(Application)
    if status is not None:
        statement = statement.where(Application.status == status)
    if person_id is not None:
        statement = statement.where(Application.person_id == person_id)
    page = await paginate(
        applications.session,
        statement,
        order_by=[Application.received_on, Application.id],
        limit=limit,
        cursor=cursor,
        to_item=application_read,
    )
    if page.items:
        await ACCESS_LOG.record(
            applications.session,
            user,
            list({a.person.id for a in page.items}),
            AccessAction.search,
            "application",
        )
    return page


@router.get(
    "/applications/{application_id}",
    response_model=ApplicationRead,
    responses=problem_responses(404),
    operation_id="get_application",
)
async def get_application(
    application_id: uuid.UUID,
    applications: ApplicationRepoDep,
    user: CaseReader,
    response: Response,
) -> ApplicationRead:
    application = await applications.get(application_id)
    await ACCESS_LOG.record(
        applications.session,
        user,
        application.person_id,
        AccessAction.read,
        "application",
        application.id,
    )
    set_etag(response, application.version)
    return application_read(application)


@router.post(
    "/applications/{application_id}/status",
    response_model=ApplicationRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="change_application_status",
)
async def change_application_status(
    application_id: uuid.UUID,
    body: ApplicationStatusChange,
    applications: ApplicationRepoDep,
    user: Caseworker,
    if_match: IfMatchVersion,
    outbox: EventOutbox,
    response: Response,
) -> ApplicationRead:
    """Move an application on (in assessment, withdrawn); needs `If-Match`."""
    application = await applications.get(application_id)
    check_version(if_match, application.version)
    if body.status == ApplicationStatus.withdrawn and not body.reason:
        raise RuleViolation("body.reason", "Say why the application is withdrawn")
    application.status = move(ApplicationStatus(application.status), body.status)
    if body.status == ApplicationStatus.withdrawn:
        application.withdrawn_reason = body.reason
    await applications.session.flush()
    await ACCESS_LOG.record(
        applications.session,
        user,
        application.person_id,
        AccessAction.update,
        "application",
        application.id,
        reason=f"status: {body.status.value}",
    )
    await outbox.record(
        applications.session,
        f"application.{body.status.value}",
        subject=application.id,
        data={"person_id": str(application.person_id), "status": body.status.value},
    )
    set_etag(response, application.version)
    return application_read(application)


@router.post(
    "/applications/{application_id}/interim-reply",
    response_model=ApplicationRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="record_interim_reply",
)
async def record_interim_reply(
    application_id: uuid.UUID,
    body: InterimReply,
    applications: ApplicationRepoDep,
    user: Caseworker,
    if_match: IfMatchVersion,
    response: Response,
) -> ApplicationRead:
    """Record the foreløpig svar (fvl § 11 a): why it takes time, when to expect an answer."""
    application = await applications.get(application_id)
    check_version(if_match, application.version)
    if ApplicationStatus(application.status) not in (
        ApplicationStatus.received,
        ApplicationStatus.in_assessment,
    ):
        raise Conflict("The application is already decided or withdrawn")
    if body.sent_on < application.received_on:
        raise RuleViolation("body.sent_on", "Sent before the application was received")
    if body.expected_decision_by <= body.sent_on:
        raise RuleViolation(
            "body.expected_decision_by", "The expected decision date is after the reply"
        )
    application.interim_reply_sent_on = body.sent_on
    await applications.session.flush()
    await ACCESS_LOG.record(
        applications.session,
        user,
        application.person_id,
        AccessAction.update,
        "application",
        application.id,
        reason=f"foreløpig svar: {body.reason} (vedtak innen {body.expected_decision_by})",
    )
    set_etag(response, application.version)
    return application_read(application)

"""Applications (søknader): registered against the catalogue, with their deadlines."""

from __future__ import annotations

import uuid
from typing import Annotated

import anyio
from fastapi import APIRouter, Query, Request, Response

from services.intake.api.deps import CASE_READER, CASEWORKER, CatalogueApiDep, Idempotent, WorkDep
from services.intake.api.views import application_read
from services.intake.flows import applications as flow
from services.intake.letters.render import interim_reply_html, letter_pdf
from services.intake.schemas import (
    ApplicationCreate,
    ApplicationRead,
    ApplicationStatusChange,
    InterimReply,
)
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page
from shared.schemas.intake import ApplicationStatus

router = APIRouter(tags=["applications"])


@router.post(
    "/applications",
    status_code=201,
    response_model=ApplicationRead,
    responses=problem_responses(503),
    operation_id="register_application",
    dependencies=[CASEWORKER],
)
async def register_application(
    body: ApplicationCreate, work: WorkDep, catalogue: CatalogueApiDep, idempotent: Idempotent
) -> Response:
    """Register a søknad. Each service asked for is checked with the catalogue first, so
    nothing is written when the catalogue is down (503) or a service is unknown (422)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    application = await flow.register(work, body, catalogue)
    return await idempotent.respond(
        201, application_read(application), headers={"ETag": f'"{application.version}"'}
    )


@router.get(
    "/applications",
    response_model=Page[ApplicationRead],
    operation_id="list_applications",
    dependencies=[CASE_READER],
)
async def list_applications(
    work: WorkDep,
    status: Annotated[ApplicationStatus | None, Query()] = None,
    person_id: Annotated[uuid.UUID | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[ApplicationRead]:
    """Applications, oldest received first (the order they are owed an answer)."""
    page = await flow.page(work, status=status, person_id=person_id, limit=limit, cursor=cursor)
    return Page[ApplicationRead](
        items=[application_read(a) for a in page.items], next_cursor=page.next_cursor
    )


@router.get(
    "/applications/{application_id}",
    response_model=ApplicationRead,
    responses=problem_responses(404),
    operation_id="get_application",
    dependencies=[CASE_READER],
)
async def get_application(
    application_id: uuid.UUID, work: WorkDep, response: Response
) -> ApplicationRead:
    application = await flow.read(work, application_id)
    set_etag(response, application.version)
    return application_read(application)


@router.post(
    "/applications/{application_id}/status",
    response_model=ApplicationRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="change_application_status",
    dependencies=[CASEWORKER],
)
async def change_application_status(
    application_id: uuid.UUID,
    body: ApplicationStatusChange,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> ApplicationRead:
    """Move an application on (in assessment, withdrawn); needs `If-Match`."""
    application = await flow.change_status(work, application_id, body, if_match)
    set_etag(response, application.version)
    return application_read(application)


@router.post(
    "/applications/{application_id}/interim-reply",
    response_model=ApplicationRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="record_interim_reply",
    dependencies=[CASEWORKER],
)
async def record_interim_reply(
    application_id: uuid.UUID,
    body: InterimReply,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> ApplicationRead:
    """Record the foreløpig svar (fvl § 11 a): why it takes time, when to expect an answer."""
    application = await flow.record_interim_reply(work, application_id, body, if_match)
    set_etag(response, application.version)
    return application_read(application)


@router.get(
    "/applications/{application_id}/interim-reply/letter",
    response_class=Response,
    responses={
        200: {
            "description": "The foreløpig svar: PDF with `Accept: application/pdf`, HTML otherwise",
            "content": {"text/html": {}, "application/pdf": {}},
        },
        **problem_responses(404, 409, 503),
    },
    operation_id="get_interim_reply_letter",
    dependencies=[CASE_READER],
)
async def get_interim_reply_letter(
    application_id: uuid.UUID, work: WorkDep, catalogue: CatalogueApiDep, request: Request
) -> Response:
    """The foreløpig svar letter (fvl § 11 a) in the person's language."""
    wants_pdf = "application/pdf" in request.headers.get("accept", "")
    application, municipality = await flow.interim_reply_letter(
        work, application_id, catalogue, as_pdf=wants_pdf
    )
    html = interim_reply_html(application, municipality, work.user.name)
    if not wants_pdf:
        return Response(html, media_type="text/html; charset=utf-8")
    pdf = await anyio.to_thread.run_sync(letter_pdf, html)
    filename = f"forelopig-svar-{str(application.id)[:8]}.pdf"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )

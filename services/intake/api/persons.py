"""Persons: find, register, read and correct; every read and write is in the access log."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated

import anyio
from fastapi import APIRouter, Query, Response

from services.intake.api.deps import (
    ACCESS_LOG_READER,
    CASE_READER,
    CASEWORKER,
    PERSON_READER,
    AllowSyntheticIds,
    Idempotent,
    WorkDep,
)
from services.intake.api.views import person_read, person_summary
from services.intake.flows import persons as flow
from services.intake.letters.access_log import access_log_html
from services.intake.letters.render import letter_pdf
from services.intake.schemas import (
    AccessLogRead,
    PersonCreate,
    PersonLookup,
    PersonRead,
    PersonUpdate,
    TimelineEntry,
)
from shared.access_log import to_csv
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page
from shared.schemas.intake import PersonSummary

router = APIRouter(tags=["persons"])


@router.post(
    "/person-lookups",
    response_model=list[PersonSummary],
    operation_id="look_up_persons",
    dependencies=[PERSON_READER],
)
async def look_up_persons(body: PersonLookup, work: WorkDep) -> list[PersonSummary]:
    """The persons a list's rows are about, by id (at most 100), for other services' lists:
    those the caller may read, each in the access log; unknown ids, other municipalities'
    persons and persons a clinician's units do not serve are left out. A read, sent as POST
    so that the ids stay out of addresses and logs."""
    return [person_summary(person) for person in await flow.lookup(work, body.ids)]


@router.get(
    "/persons",
    response_model=Page[PersonSummary],
    operation_id="search_persons",
    dependencies=[CASE_READER],
)
async def search_persons(
    work: WorkDep,
    q: Annotated[
        str | None, Query(max_length=100, description="Name (partial) or national id")
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[PersonSummary]:
    """Find persons by name (partial, accent-insensitive) or by national id; ids shown masked."""
    page = await flow.search(work, q, limit, cursor)
    return Page[PersonSummary](
        items=[person_summary(p) for p in page.items], next_cursor=page.next_cursor
    )


@router.post(
    "/persons",
    status_code=201,
    response_model=PersonRead,
    responses=problem_responses(409),
    operation_id="register_person",
    dependencies=[CASEWORKER],
)
async def register_person(
    body: PersonCreate, work: WorkDep, idempotent: Idempotent, allow_synthetic: AllowSyntheticIds
) -> Response:
    """Register a person; the national id is checked (mod 11) and gives the birth date."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    person = await flow.register(work, body, allow_synthetic=allow_synthetic)
    return await idempotent.respond(
        201, person_read(person), headers={"ETag": f'"{person.version}"'}
    )


@router.get(
    "/persons/{person_id}",
    response_model=PersonRead,
    responses=problem_responses(403, 404),
    operation_id="get_person",
    dependencies=[PERSON_READER],
)
async def get_person(person_id: uuid.UUID, work: WorkDep, response: Response) -> PersonRead:
    """A person's details; a clinician needs a service relation today (`shared/need_to_know.py`)
    or a valid emergency access (`POST /persons/{id}/emergency-access`). A refusal is logged."""
    person = await flow.read(work, person_id)
    set_etag(response, person.version)
    return person_read(person)


@router.patch(
    "/persons/{person_id}",
    response_model=PersonRead,
    responses=problem_responses(404, 412, 428),
    operation_id="update_person",
    dependencies=[CASEWORKER],
)
async def update_person(
    person_id: uuid.UUID,
    body: PersonUpdate,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> PersonRead:
    """Correct a person's details; needs `If-Match`. The national id does not change."""
    person = await flow.update(work, person_id, body, if_match)
    set_etag(response, person.version)
    return person_read(person)


@router.get(
    "/persons/{person_id}/timeline",
    response_model=list[TimelineEntry],
    responses=problem_responses(404),
    operation_id="get_person_timeline",
    dependencies=[CASE_READER],
)
async def get_person_timeline(person_id: uuid.UUID, work: WorkDep) -> list[TimelineEntry]:
    """The person's case history in date order: applications, and what followed them."""
    return await flow.timeline(work, person_id)


@router.get(
    "/persons/{person_id}/access-log",
    response_model=Page[AccessLogRead],
    responses=problem_responses(403, 404),
    operation_id="get_person_access_log",
    dependencies=[ACCESS_LOG_READER],
)
async def get_person_access_log(
    person_id: uuid.UUID, work: WorkDep, limit: Limit = 100, cursor: Cursor = None
) -> Page[AccessLogRead]:
    """Who has looked at, changed or been refused this person's data, newest first, a page at
    a time: for leaders and the caseworker of the person's open case. Reading it is logged."""
    page = await flow.access_log(work, person_id, limit, cursor)
    return Page[AccessLogRead](
        items=[AccessLogRead.model_validate(row, from_attributes=True) for row in page.items],
        next_cursor=page.next_cursor,
    )


class ExportFormat(StrEnum):
    csv = "csv"
    pdf = "pdf"


@router.get(
    "/persons/{person_id}/access-log/export",
    response_class=Response,
    responses={
        200: {
            "description": "The whole log, oldest first, as CSV or PDF",
            "content": {"text/csv": {}, "application/pdf": {}},
        },
        **problem_responses(403, 404),
    },
    operation_id="export_person_access_log",
    dependencies=[ACCESS_LOG_READER],
)
async def export_person_access_log(
    person_id: uuid.UUID,
    work: WorkDep,
    file_format: Annotated[ExportFormat, Query(alias="format")] = ExportFormat.pdf,
) -> Response:
    """The person's access log for their innsyn request (pbrl § 5-1, pasientjournalloven § 18:
    who has had access to their data); the export is itself logged."""
    person, rows = await flow.access_log_export(work, person_id, file_format.value)
    stem = f"tilgangslogg-{str(person_id)[:8]}-{work.today.isoformat()}"
    if file_format == ExportFormat.csv:
        return Response(
            "\ufeff" + to_csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{stem}.csv"'},
        )
    html = access_log_html(person, rows, work.today)
    pdf = await anyio.to_thread.run_sync(letter_pdf, html)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{stem}.pdf"'},
    )

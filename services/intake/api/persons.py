"""Persons: find, register, read and correct; every read and write is in the access log."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response

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
from services.intake.schemas import (
    AccessLogRead,
    PersonCreate,
    PersonRead,
    PersonUpdate,
    TimelineEntry,
)
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page
from shared.schemas.intake import PersonSummary

router = APIRouter(tags=["persons"])

EmergencyReason = Annotated[
    str | None,
    Header(
        alias="X-Emergency-Access-Reason",
        max_length=500,
        description="Nødtilgang («blålys»): read without a service relation, with a written "
        "reason; logged and reviewed afterwards",
    ),
]


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
    responses=problem_responses(404),
    operation_id="get_person",
    dependencies=[PERSON_READER],
)
async def get_person(
    person_id: uuid.UUID,
    work: WorkDep,
    response: Response,
    emergency_reason: EmergencyReason = None,
) -> PersonRead:
    """A person's details; clinicians need a service relation or emergency access."""
    person = await flow.read(work, person_id, emergency_reason)
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
    response_model=list[AccessLogRead],
    responses=problem_responses(404),
    operation_id="get_person_access_log",
    dependencies=[ACCESS_LOG_READER],
)
async def get_person_access_log(
    person_id: uuid.UUID, work: WorkDep, limit: Limit = 100
) -> list[AccessLogRead]:
    """Who has looked at or changed this person's data (newest first)."""
    rows = await flow.access_log(work, person_id, limit)
    return [AccessLogRead.model_validate(row, from_attributes=True) for row in rows]

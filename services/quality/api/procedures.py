"""The procedure library: every employee reads and confirms; leaders and the quality lead
publish and revise, and see who has not confirmed."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.quality.api.deps import HANDLER, Idempotent, WorkDep
from services.quality.api.system_views import procedure_read, procedure_summary, readers_read
from services.quality.flows import procedures as flow
from services.quality.schemas import (
    ProcedureConfirmation,
    ProcedureCreate,
    ProcedureRead,
    ProcedureReaders,
    ProcedureRevision,
    ProcedureSummary,
)
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.permissions import ALL_STAFF, allow
from shared.schemas.common import Page

router = APIRouter(tags=["procedures"])
EMPLOYEE = allow(*ALL_STAFF)
"""Every employee reads the procedures and confirms them; a system has nothing to confirm."""


@router.get(
    "/procedures",
    response_model=Page[ProcedureSummary],
    operation_id="list_procedures",
    dependencies=[EMPLOYEE],
)
async def list_procedures(
    work: WorkDep,
    unit: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=60,
            pattern=r"^[a-z0-9][a-z0-9-]*$",
            description="A unit's procedures and the municipality-wide ones",
        ),
    ] = None,
    review_overdue: Annotated[bool, Query(description="Only those past their review date")] = False,
    q: Annotated[str | None, Query(max_length=100, description="Words in the title")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[ProcedureSummary]:
    """The municipality's procedure library by title, with whether the caller confirmed the
    version in force; cursor-paged."""
    found, mine, next_cursor = await flow.listed(work, unit, review_overdue, q, limit, cursor)
    return Page[ProcedureSummary](
        items=[procedure_summary(p, mine.get(p.id), work.today) for p in found],
        next_cursor=next_cursor,
    )


@router.post(
    "/procedures",
    status_code=201,
    response_model=ProcedureRead,
    responses=problem_responses(403, 409),
    operation_id="create_procedure",
    dependencies=[HANDLER],
)
async def create_procedure(
    body: ProcedureCreate, work: WorkDep, idempotent: Idempotent
) -> Response:
    """Publish a procedure (version 1). A unit's leader for their unit; the quality lead also
    for the whole municipality. Emits `procedure.revised`."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    seen = await flow.create(work, body)
    return await idempotent.respond(
        201, procedure_read(seen, work.today), headers={"ETag": f'"{seen.procedure.version}"'}
    )


@router.get(
    "/procedures/{procedure_id}",
    response_model=ProcedureRead,
    responses=problem_responses(404),
    operation_id="get_procedure",
    dependencies=[EMPLOYEE],
)
async def get_procedure(
    procedure_id: uuid.UUID, work: WorkDep, response: Response
) -> ProcedureRead:
    """The version in force, every earlier version, and the caller's receipt."""
    seen = await flow.read(work, procedure_id)
    set_etag(response, seen.procedure.version)
    return procedure_read(seen, work.today)


@router.post(
    "/procedures/{procedure_id}/revisions",
    response_model=ProcedureRead,
    responses=problem_responses(403, 404, 412, 428),
    operation_id="revise_procedure",
    dependencies=[HANDLER],
)
async def revise_procedure(
    procedure_id: uuid.UUID,
    body: ProcedureRevision,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> ProcedureRead:
    """A new version (nothing is overwritten); everyone confirms it again. Emits
    `procedure.revised`."""
    seen = await flow.revise(work, procedure_id, body, if_match)
    set_etag(response, seen.procedure.version)
    return procedure_read(seen, work.today)


@router.post(
    "/procedures/{procedure_id}/receipts",
    response_model=ProcedureRead,
    responses=problem_responses(404, 409),
    operation_id="confirm_procedure",
    dependencies=[EMPLOYEE],
)
async def confirm_procedure(
    procedure_id: uuid.UUID, body: ProcedureConfirmation, work: WorkDep, response: Response
) -> ProcedureRead:
    """Lest og forstått: the caller confirms the version in force (409 if they read an older
    one). Confirming again changes nothing."""
    seen = await flow.confirm(work, procedure_id, body)
    set_etag(response, seen.procedure.version)
    return procedure_read(seen, work.today)


@router.get(
    "/procedures/{procedure_id}/readers",
    response_model=ProcedureReaders,
    responses=problem_responses(403, 404),
    operation_id="list_procedure_readers",
    dependencies=[HANDLER],
)
async def list_procedure_readers(procedure_id: uuid.UUID, work: WorkDep) -> ProcedureReaders:
    """Who has confirmed the version in force and who has not, those missing first."""
    procedure, readers = await flow.readers(work, procedure_id)
    return readers_read(procedure, readers)

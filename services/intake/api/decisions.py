"""Decisions (enkeltvedtak): drafted against the catalogue, made once, delivered, followed up."""

from __future__ import annotations

import uuid
from typing import Annotated

import anyio
from fastapi import APIRouter, Query, Request, Response

from services.intake.api.deps import (
    CASEWORKER,
    DECISION_LETTER_READER,
    DECISION_READER,
    INTEGRATION,
    CatalogueApiDep,
    Idempotent,
    WorkDep,
)
from services.intake.api.views import (
    decision_list_page,
    decision_read,
    integration_decision_page,
    integration_decision_read,
    suggestion_read,
)
from services.intake.flows import decisions as flow
from services.intake.letters.render import letter_html, letter_pdf
from services.intake.schemas import (
    DecisionCreate,
    DecisionDelivery,
    DecisionListItem,
    DecisionRead,
    DecisionStatusChange,
    DecisionUpdate,
    Suggestion,
)
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page
from shared.schemas.intake import DecisionStatus, IntegrationDecision

router = APIRouter(tags=["decisions"])
STEP_ERRORS = problem_responses(404, 409, 412, 428)


@router.get(
    "/applications/{application_id}/suggestions",
    response_model=list[Suggestion],
    responses=problem_responses(404, 503),
    operation_id="suggest_services",
    dependencies=[CASEWORKER],
)
async def suggest_services(
    application_id: uuid.UUID, work: WorkDep, catalogue: CatalogueApiDep
) -> list[Suggestion]:
    """Services whose criteria the latest assessment meets, lowest level first (LEON/BEON)."""
    return [suggestion_read(s) for s in await flow.suggestions(work, application_id, catalogue)]


@router.post(
    "/decisions",
    status_code=201,
    response_model=DecisionRead,
    responses=problem_responses(404, 409, 503),
    operation_id="draft_decision",
    dependencies=[CASEWORKER],
)
async def draft_decision(
    body: DecisionCreate, work: WorkDep, catalogue: CatalogueApiDep, idempotent: Idempotent
) -> Response:
    """Draft a decision on one service asked for; the catalogue gives its rules and criteria."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    decision = await flow.draft(work, body, catalogue)
    return await idempotent.respond(
        201, decision_read(decision), headers={"ETag": f'"{decision.version}"'}
    )


@router.patch(
    "/decisions/{decision_id}",
    response_model=DecisionRead,
    responses=STEP_ERRORS,
    operation_id="update_decision",
    dependencies=[CASEWORKER],
)
async def update_decision(
    decision_id: uuid.UUID,
    body: DecisionUpdate,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> DecisionRead:
    """Change a draft; a made decision is immutable (409)."""
    decision = await flow.update(work, decision_id, body, if_match)
    set_etag(response, decision.version)
    return decision_read(decision)


@router.post(
    "/decisions/{decision_id}/submit",
    response_model=DecisionRead,
    responses=STEP_ERRORS,
    operation_id="submit_decision_for_approval",
    dependencies=[CASEWORKER],
)
async def submit_decision_for_approval(
    decision_id: uuid.UUID, work: WorkDep, if_match: IfMatchVersion, response: Response
) -> DecisionRead:
    """Ready for approval by a second caseworker (four eyes)."""
    decision = await flow.submit(work, decision_id, if_match)
    set_etag(response, decision.version)
    return decision_read(decision)


@router.post(
    "/decisions/{decision_id}/make",
    response_model=DecisionRead,
    responses=STEP_ERRORS,
    operation_id="make_decision",
    dependencies=[CASEWORKER],
)
async def make_decision(
    decision_id: uuid.UUID, work: WorkDep, if_match: IfMatchVersion, response: Response
) -> DecisionRead:
    """Make (fatte) the decision. From now on it is immutable."""
    decision = await flow.make(work, decision_id, if_match)
    set_etag(response, decision.version)
    return decision_read(decision)


@router.post(
    "/decisions/{decision_id}/delivery",
    response_model=DecisionRead,
    responses=STEP_ERRORS,
    operation_id="record_decision_delivery",
    dependencies=[CASEWORKER],
)
async def record_decision_delivery(
    decision_id: uuid.UUID,
    body: DecisionDelivery,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> DecisionRead:
    """How and when the person got the decision; the appeal deadline follows from receipt."""
    decision = await flow.deliver(work, decision_id, body, if_match)
    set_etag(response, decision.version)
    return decision_read(decision)


@router.post(
    "/decisions/{decision_id}/status",
    response_model=DecisionRead,
    responses=STEP_ERRORS,
    operation_id="change_decision_status",
    dependencies=[CASEWORKER],
)
async def change_decision_status(
    decision_id: uuid.UUID,
    body: DecisionStatusChange,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> DecisionRead:
    """In force, evaluated, or ended."""
    decision = await flow.change_status(work, decision_id, body, if_match)
    set_etag(response, decision.version)
    return decision_read(decision)


@router.get(
    "/decisions/{decision_id}",
    response_model=DecisionRead,
    responses=problem_responses(404),
    operation_id="get_decision",
    dependencies=[DECISION_READER],
)
async def get_decision(decision_id: uuid.UUID, work: WorkDep, response: Response) -> DecisionRead:
    decision = await flow.read(work, decision_id)
    set_etag(response, decision.version)
    return decision_read(decision)


@router.get(
    "/decisions/{decision_id}/letter",
    response_class=Response,
    responses={
        200: {
            "description": "The letter: PDF with `Accept: application/pdf`, HTML otherwise",
            "content": {"text/html": {}, "application/pdf": {}},
        },
        **problem_responses(404, 503),
    },
    operation_id="get_decision_letter",
    dependencies=[DECISION_LETTER_READER],
)
async def get_decision_letter(
    decision_id: uuid.UUID, work: WorkDep, catalogue: CatalogueApiDep, request: Request
) -> Response:
    """The decision letter in plain Norwegian (nb or nn), with everything fvl §§ 24, 25, 27 ask;
    also the integration's export of the decision to the archive."""
    wants_pdf = "application/pdf" in request.headers.get("accept", "")
    decision, context = await flow.letter(work, decision_id, catalogue, as_pdf=wants_pdf)
    html = letter_html(decision, context, work.today)
    if not wants_pdf:
        return Response(html, media_type="text/html; charset=utf-8")
    pdf = await anyio.to_thread.run_sync(letter_pdf, html)
    filename = f"vedtak-{str(decision.id)[:8]}.pdf"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )


@router.get(
    "/decisions",
    response_model=Page[DecisionListItem],
    operation_id="list_decisions",
    dependencies=[DECISION_READER],
)
async def list_decisions(
    work: WorkDep,
    person_id: Annotated[uuid.UUID | None, Query()] = None,
    status: Annotated[DecisionStatus | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[DecisionListItem]:
    """Decisions as a list shows them, oldest first; a clinician sees those of their own
    units only. The whole decision (facts, considerations, legal basis, rights) is read one
    at a time (`GET /v1/decisions/{decision_id}`)."""
    page = await flow.page(work, person_id=person_id, status=status, limit=limit, cursor=cursor)
    return decision_list_page(page.items, page.next_cursor)


@router.get(
    "/integration/decisions",
    response_model=Page[IntegrationDecision],
    operation_id="list_decisions_for_integration",
    dependencies=[INTEGRATION],
)
async def list_decisions_for_integration(
    work: WorkDep,
    person_id: Annotated[uuid.UUID | None, Query()] = None,
    status: Annotated[DecisionStatus | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[IntegrationDecision]:
    """Decisions as another municipal system reads them: ids, codes, amounts and dates, no
    facts, considerations or notes."""
    page = await flow.page(work, person_id=person_id, status=status, limit=limit, cursor=cursor)
    return integration_decision_page(page.items, page.next_cursor)


@router.get(
    "/integration/decisions/{decision_id}",
    response_model=IntegrationDecision,
    responses=problem_responses(404),
    operation_id="get_decision_for_integration",
    dependencies=[INTEGRATION],
)
async def get_decision_for_integration(
    decision_id: uuid.UUID, work: WorkDep, response: Response
) -> IntegrationDecision:
    """One decision as another municipal system reads it (no free text)."""
    decision = await flow.read(work, decision_id)
    set_etag(response, decision.version)
    return integration_decision_read(decision)

"""User and relatives' surveys (bruker- og pårørendeundersøkelser): definitions, collection
links and codes, results, and free-text feedback turned into a deviation."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.quality.api.deps import HANDLER, Idempotent, WorkDep
from services.quality.api.survey_views import (
    link_read,
    results_read,
    survey_read,
    survey_summary,
)
from services.quality.flows import surveys as flow
from services.quality.schemas import (
    FeedbackRouted,
    FeedbackToDeviation,
    LinkCreate,
    SurveyContent,
    SurveyCreate,
    SurveyLinkRead,
    SurveyRead,
    SurveyResults,
    SurveyState,
    SurveySummary,
    TokensCreate,
    TokensCreated,
)
from shared.clients import ServiceClient, client_for
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page

router = APIRouter(tags=["surveys"])

Catalogue = Annotated[ServiceClient, client_for("catalogue")]
First = Annotated[date, Query(description="First day of the period (answered on)")]
Last = Annotated[date, Query(description="Last day of the period")]
Unit = Annotated[str | None, Query(max_length=60)]
VersionNumber = Annotated[
    int | None, Query(ge=1, le=10_000, description="The survey version (default: the current)")
]


@router.post(
    "/surveys",
    status_code=201,
    response_model=SurveyRead,
    responses=problem_responses(403, 409, 503),
    operation_id="create_survey",
    dependencies=[HANDLER],
)
async def create_survey(
    body: SurveyCreate, work: WorkDep, catalogue: Catalogue, idempotent: Idempotent
) -> Response:
    """A survey for a service type (checked with the catalogue) or for one unit. The quality
    lead makes any; a leader those of their own units."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    seen = await flow.create(work, body, catalogue)
    return await idempotent.respond(
        201, survey_read(seen), headers={"ETag": f'"{seen.survey.version}"'}
    )


@router.get(
    "/surveys",
    response_model=Page[SurveySummary],
    responses=problem_responses(403),
    operation_id="list_surveys",
    dependencies=[HANDLER],
)
async def list_surveys(
    work: WorkDep, limit: Limit = 50, cursor: Cursor = None
) -> Page[SurveySummary]:
    """Surveys the caller sees: all for the quality lead; a leader's units' and those for a
    service type."""
    found = await flow.page(work, limit, cursor)
    return Page[SurveySummary](
        items=[survey_summary(s, flow.may_manage(work, s)) for s in found.items],
        next_cursor=found.next_cursor,
    )


@router.get(
    "/surveys/{survey_id}",
    response_model=SurveyRead,
    responses=problem_responses(404),
    operation_id="get_survey",
    dependencies=[HANDLER],
)
async def get_survey(survey_id: uuid.UUID, work: WorkDep, response: Response) -> SurveyRead:
    seen = await flow.read(work, survey_id)
    set_etag(response, seen.survey.version)
    return survey_read(seen)


@router.put(
    "/surveys/{survey_id}/content",
    response_model=SurveyRead,
    responses=problem_responses(403, 404, 412, 428),
    operation_id="revise_survey",
    dependencies=[HANDLER],
)
async def revise_survey(
    survey_id: uuid.UUID,
    body: SurveyContent,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> SurveyRead:
    """Change the title, intro and questions. Once anyone has answered, the change is a new
    version and the earlier answers keep theirs."""
    seen = await flow.revise(work, survey_id, body, if_match)
    set_etag(response, seen.survey.version)
    return survey_read(seen)


@router.put(
    "/surveys/{survey_id}/state",
    response_model=SurveyRead,
    responses=problem_responses(403, 404, 412, 428),
    operation_id="set_survey_state",
    dependencies=[HANDLER],
)
async def set_survey_state(
    survey_id: uuid.UUID,
    body: SurveyState,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> SurveyRead:
    """Open or close the survey: a closed survey takes no answers on any link or code."""
    seen = await flow.set_open(work, survey_id, body.is_open, if_match)
    set_etag(response, seen.survey.version)
    return survey_read(seen)


@router.post(
    "/surveys/{survey_id}/links",
    status_code=201,
    response_model=SurveyLinkRead,
    responses=problem_responses(403, 404),
    operation_id="create_survey_link",
    dependencies=[HANDLER],
)
async def create_survey_link(
    survey_id: uuid.UUID, body: LinkCreate, work: WorkDep, response: Response
) -> SurveyLinkRead:
    """The unit's open collection link (print it or show it as a QR code); asking again
    gives the same link (200)."""
    link, created = await flow.add_link(work, survey_id, body.unit)
    response.status_code = 201 if created else 200
    return link_read(link)


@router.delete(
    "/surveys/{survey_id}/links/{link_id}",
    response_model=SurveyLinkRead,
    responses=problem_responses(403, 404),
    operation_id="deactivate_survey_link",
    dependencies=[HANDLER],
)
async def deactivate_survey_link(
    survey_id: uuid.UUID, link_id: uuid.UUID, work: WorkDep
) -> SurveyLinkRead:
    """Stop a link taking answers (a new one is made by asking for the unit's link again)."""
    return link_read(await flow.deactivate_link(work, survey_id, link_id))


@router.post(
    "/surveys/{survey_id}/tokens",
    status_code=201,
    response_model=TokensCreated,
    responses=problem_responses(403, 404, 409),
    operation_id="issue_survey_tokens",
    dependencies=[HANDLER],
)
async def issue_survey_tokens(
    survey_id: uuid.UUID, body: TokensCreate, work: WorkDep
) -> TokensCreated:
    """Single-use answer codes for a survey sent by post, one answer each. Shown once: only
    their hashes are kept."""
    codes = await flow.issue_tokens(work, survey_id, body.unit, body.count)
    return TokensCreated(
        unit=body.unit,
        tokens=codes,
        paths=[flow.answer_path(work.user.municipality, code) for code in codes],
    )


@router.get(
    "/surveys/{survey_id}/results",
    response_model=SurveyResults,
    responses=problem_responses(403, 404),
    operation_id="get_survey_results",
    dependencies=[HANDLER],
)
async def get_survey_results(
    survey_id: uuid.UUID,
    work: WorkDep,
    first: First,
    last: Last,
    unit: Unit = None,
    version: VersionNumber = None,
) -> SurveyResults:
    """n, the distribution and mean per scale question, yes/no counts and the free texts,
    for the caller's units (all for the quality lead). A group of fewer than `min_group`
    answers shows its n only, so nobody can be recognised."""
    seen = await flow.results(work, survey_id, first, last, unit, version)
    return results_read(seen, unit)


@router.get(
    "/surveys/{survey_id}/results.csv",
    response_class=Response,
    responses={
        200: {"description": "One row per question", "content": {"text/csv": {}}},
        **problem_responses(403, 404),
    },
    operation_id="export_survey_results_csv",
    dependencies=[HANDLER],
)
async def export_survey_results_csv(
    survey_id: uuid.UUID,
    work: WorkDep,
    first: First,
    last: Last,
    unit: Unit = None,
    version: VersionNumber = None,
) -> Response:
    """The numbers behind the results as CSV (semicolon-separated, UTF-8 with BOM), one row
    per question, small groups suppressed as on the screen."""
    seen = await flow.results(work, survey_id, first, last, unit, version)
    return Response(
        "\ufeff" + flow.results_csv(seen),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="undersokelse-{first}-{last}.csv"'},
    )


@router.post(
    "/survey-answers/{answer_id}/deviation",
    status_code=201,
    response_model=FeedbackRouted,
    responses=problem_responses(404, 409),
    operation_id="route_survey_feedback",
    dependencies=[HANDLER],
)
async def route_survey_feedback(
    answer_id: uuid.UUID, body: FeedbackToDeviation, work: WorkDep
) -> FeedbackRouted:
    """Free text that tells of a failure becomes a deviation of the answer's unit, handled
    like any other; the answer keeps a link to it. Once per answer and question."""
    deviation = await flow.route_feedback(work, answer_id, body)
    return FeedbackRouted(
        deviation_id=deviation.id, answer_id=answer_id, question_id=body.question_id
    )

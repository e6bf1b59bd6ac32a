"""The technology catalogue for staff, and its editing by the team."""

from __future__ import annotations

from fastapi import APIRouter

from services.welfaretech.api.deps import CATALOGUE_EDITOR, STAFF, WorkDep
from services.welfaretech.api.problems import errors
from services.welfaretech.api.views import technology_read
from services.welfaretech.domain.problems import TechnologyCodeTaken
from services.welfaretech.flows import technologies as flow
from services.welfaretech.schemas import TechnologyCreate, TechnologyRead
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page

router = APIRouter(tags=["technologies"])


@router.get(
    "/technologies",
    response_model=Page[TechnologyRead],
    operation_id="list_technologies",
    dependencies=[STAFF],
)
async def list_technologies(
    work: WorkDep, limit: Limit = 50, cursor: Cursor = None
) -> Page[TechnologyRead]:
    """The municipality's technology catalogue, retired ones included."""
    return await work.technologies.page(limit=limit, cursor=cursor, to_item=technology_read)


@router.post(
    "/technologies",
    status_code=201,
    response_model=TechnologyRead,
    responses=errors(conflict=(TechnologyCodeTaken,)),
    operation_id="add_technology",
    dependencies=[CATALOGUE_EDITOR],
)
async def add_technology(body: TechnologyCreate, work: WorkDep) -> TechnologyRead:
    """Add a technology to the catalogue (what the municipality offers)."""
    return technology_read(await flow.add(work, body))


@router.get(
    "/technologies/{code}",
    response_model=TechnologyRead,
    responses=problem_responses(404),
    operation_id="get_technology",
    dependencies=[STAFF],
)
async def get_technology(code: str, work: WorkDep) -> TechnologyRead:
    return technology_read(await work.technologies.get(code))


@router.post(
    "/technologies/{code}/retire",
    response_model=TechnologyRead,
    responses=problem_responses(404),
    operation_id="retire_technology",
    dependencies=[CATALOGUE_EDITOR],
)
async def retire_technology(code: str, work: WorkDep) -> TechnologyRead:
    """Take it out of the catalogue; loans of it go on."""
    return technology_read(await flow.retire(work, code))

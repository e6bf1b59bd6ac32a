"""Care levels: the steps of the municipality's own staircase, and the municipality itself."""

from __future__ import annotations

from fastapi import APIRouter, Response

from services.catalogue import flows
from services.catalogue.api import EVERY_ROLE, Admin, Idempotent
from services.catalogue.api.views import care_level_read, municipality_read
from services.catalogue.repositories import CareLevelRepo, MunicipalityRepo
from services.catalogue.schemas import CareLevelCreate, CareLevelRead, CareLevelUpdate
from shared.concurrency import IfMatchVersion, etag_for, set_etag
from shared.errors import problem_responses
from shared.outbox import EventOutbox
from shared.pagination import Cursor, Limit
from shared.permissions import allow
from shared.schemas.catalogue import MunicipalityRead
from shared.schemas.common import Page

router = APIRouter(tags=["care levels"], dependencies=[allow(*EVERY_ROLE)])


@router.get(
    "/municipality",
    response_model=MunicipalityRead,
    responses=problem_responses(404),
    operation_id="get_municipality",
)
async def get_municipality(municipality: MunicipalityRepo) -> MunicipalityRead:
    """The caller's municipality: its name and what it calls its staircase."""
    return municipality_read(await municipality.current())


@router.get("/care-levels", response_model=Page[CareLevelRead], operation_id="list_care_levels")
async def list_care_levels(
    levels: CareLevelRepo, limit: Limit = 50, cursor: Cursor = None
) -> Page[CareLevelRead]:
    """The staircase's levels, lowest first."""
    return await levels.page(limit=limit, cursor=cursor, to_item=care_level_read)


@router.post(
    "/care-levels",
    status_code=201,
    response_model=CareLevelRead,
    responses=problem_responses(409),
    operation_id="create_care_level",
)
async def create_care_level(
    body: CareLevelCreate,
    levels: CareLevelRepo,
    user: Admin,
    idempotent: Idempotent,
    outbox: EventOutbox,
) -> Response:
    """Add a level to the staircase (admin)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    level = await flows.create_care_level(levels, outbox, body, by=user.sub)
    return await idempotent.respond(
        201, care_level_read(level), headers={"ETag": etag_for(level.version)}
    )


@router.patch(
    "/care-levels/{code}",
    response_model=CareLevelRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="update_care_level",
)
async def update_care_level(
    code: str,
    body: CareLevelUpdate,
    levels: CareLevelRepo,
    user: Admin,
    if_match: IfMatchVersion,
    response: Response,
    outbox: EventOutbox,
) -> CareLevelRead:
    """Rename or move a level (admin); needs `If-Match` with the level's ETag."""
    level = await flows.update_care_level(
        levels, outbox, code, body, edited_version=if_match, by=user.sub
    )
    set_etag(response, level.version)
    return care_level_read(level)

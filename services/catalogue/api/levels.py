"""Care levels: the steps of the municipality's own staircase."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Response
from sqlalchemy import select

from services.catalogue.api.views import care_level_read, municipality_read
from services.catalogue.models import CareLevel, IdempotencyKey
from services.catalogue.repository import CatalogueRepoDep
from services.catalogue.schemas import CareLevelCreate, CareLevelRead, CareLevelUpdate
from shared.auth import CurrentPrincipal, Principal, role_dependency
from shared.concurrency import IfMatchVersion, check_version, set_etag
from shared.db import TenantSession
from shared.errors import problem_responses
from shared.idempotency import IdempotentRequest, idempotency_dependency
from shared.outbox import EventOutbox
from shared.pagination import Cursor, Limit, paginate
from shared.schemas.catalogue import CareLevelChanged, CareLevelCreated, MunicipalityRead
from shared.schemas.common import Page
from shared.schemas.roles import Role

router = APIRouter(tags=["care levels"])
Admin = Annotated[Principal, role_dependency(Role.admin)]
Idempotent = Annotated[IdempotentRequest, idempotency_dependency(IdempotencyKey)]


@router.get(
    "/municipality",
    response_model=MunicipalityRead,
    responses=problem_responses(404),
    operation_id="get_municipality",
)
async def get_municipality(repo: CatalogueRepoDep, _: CurrentPrincipal) -> MunicipalityRead:
    """The caller's municipality: its name and what it calls its staircase."""
    return municipality_read(await repo.profile())


@router.get("/care-levels", response_model=Page[CareLevelRead], operation_id="list_care_levels")
async def list_care_levels(
    session: TenantSession, _: CurrentPrincipal, limit: Limit = 50, cursor: Cursor = None
) -> Page[CareLevelRead]:
    """The staircase's levels, lowest first."""
    return await paginate(
        session,
        select(CareLevel),
        order_by=[CareLevel.rank, CareLevel.id],
        limit=limit,
        cursor=cursor,
        to_item=care_level_read,
    )


@router.post(
    "/care-levels",
    status_code=201,
    response_model=CareLevelRead,
    responses=problem_responses(409),
    operation_id="create_care_level",
)
async def create_care_level(
    body: CareLevelCreate,
    repo: CatalogueRepoDep,
    user: Admin,
    idempotent: Idempotent,
    outbox: EventOutbox,
) -> Response:
    """Add a level to the staircase (admin)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    level = CareLevel(
        code=body.code,
        rank=body.rank,
        name=body.name.model_dump(),
        description=body.description.model_dump(),
    )
    await repo.add(level, f"A care level with code {body.code!r} or rank {body.rank} exists")
    await outbox.record(
        repo.session,
        CareLevelCreated(id=level.id, code=level.code, rank=level.rank, by=user.sub),
        subject=level.code,
    )
    read = care_level_read(level)
    return await idempotent.respond(201, read, headers={"ETag": f'"{level.version}"'})


@router.patch(
    "/care-levels/{code}",
    response_model=CareLevelRead,
    responses=problem_responses(404, 409, 412, 428),
    operation_id="update_care_level",
)
async def update_care_level(
    code: str,
    body: CareLevelUpdate,
    repo: CatalogueRepoDep,
    user: Admin,
    if_match: IfMatchVersion,
    response: Response,
    outbox: EventOutbox,
) -> CareLevelRead:
    """Rename or move a level (admin); needs `If-Match` with the level's ETag."""
    level = await repo.care_level(code)
    check_version(if_match, level.version)
    changes = body.model_dump(exclude_unset=True, exclude_none=True)
    for field, value in changes.items():
        setattr(level, field, value)
    await repo.add(level, f"Another level already has rank {body.rank}")
    await outbox.record(
        repo.session,
        CareLevelChanged(
            id=level.id, code=level.code, rank=level.rank, fields=sorted(changes), by=user.sub
        ),
        subject=level.code,
    )
    set_etag(response, level.version)
    return care_level_read(level)

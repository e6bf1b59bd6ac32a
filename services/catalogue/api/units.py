"""Units (providers) and the services they deliver, with capacity."""

from __future__ import annotations

from fastapi import APIRouter, Response

from services.catalogue import flows
from services.catalogue.api import EVERY_ROLE, Admin, Idempotent
from services.catalogue.api.views import unit_read
from services.catalogue.repositories import ServiceTypeRepo, UnitRepo
from services.catalogue.schemas import UnitCreate, UnitRead
from shared.errors import problem_responses
from shared.outbox import EventOutbox
from shared.pagination import Cursor, Limit
from shared.permissions import allow
from shared.schemas.common import Page

router = APIRouter(tags=["units"], dependencies=[allow(*EVERY_ROLE)])


@router.get("/units", response_model=Page[UnitRead], operation_id="list_units")
async def list_units(units: UnitRepo, limit: Limit = 50, cursor: Cursor = None) -> Page[UnitRead]:
    """The municipality's provider units, by code."""
    return await units.page(limit=limit, cursor=cursor, to_item=unit_read)


@router.get(
    "/units/{code}",
    response_model=UnitRead,
    responses=problem_responses(404),
    operation_id="get_unit",
)
async def get_unit(code: str, units: UnitRepo) -> UnitRead:
    return unit_read(await units.get(code))


@router.post(
    "/units",
    status_code=201,
    response_model=UnitRead,
    responses=problem_responses(409),
    operation_id="create_unit",
)
async def create_unit(
    body: UnitCreate,
    units: UnitRepo,
    service_types: ServiceTypeRepo,
    user: Admin,
    idempotent: Idempotent,
    outbox: EventOutbox,
) -> Response:
    """Add a provider unit with the services it delivers (admin)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    unit = await flows.create_unit(units, service_types, outbox, body, by=user.sub)
    return await idempotent.respond(201, unit_read(unit))

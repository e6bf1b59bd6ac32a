"""Units (providers) and the services they deliver, with capacity."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Response
from sqlalchemy import select

from services.catalogue.models import IdempotencyKey, Unit, UnitService
from services.catalogue.repository import CatalogueRepoDep
from services.catalogue.schemas import UnitCreate, UnitRead, UnitServiceRead
from shared.auth import CurrentPrincipal, Principal, role_dependency
from shared.db import TenantSession
from shared.errors import problem_responses
from shared.idempotency import IdempotentRequest, idempotency_dependency
from shared.outbox import EventOutbox
from shared.pagination import Cursor, Limit, paginate
from shared.schemas.catalogue import UnitCreated
from shared.schemas.common import Page
from shared.schemas.roles import Role

router = APIRouter(tags=["units"])
Admin = Annotated[Principal, role_dependency(Role.admin)]
Idempotent = Annotated[IdempotentRequest, idempotency_dependency(IdempotencyKey)]


def unit_read(unit: Unit) -> UnitRead:
    return UnitRead(
        id=unit.id,
        code=unit.code,
        name=unit.name,
        kind=unit.kind,  # type: ignore[arg-type]
        address=unit.address,
        services=[
            UnitServiceRead(
                service_type=s.service_type.code,
                capacity=s.capacity,
                capacity_unit=s.capacity_unit,  # type: ignore[arg-type]
            )
            for s in sorted(unit.services, key=lambda s: s.service_type.code)
        ],
    )


@router.get("/units", response_model=Page[UnitRead], operation_id="list_units")
async def list_units(
    session: TenantSession, _: CurrentPrincipal, limit: Limit = 50, cursor: Cursor = None
) -> Page[UnitRead]:
    """The municipality's provider units, by code."""
    return await paginate(
        session, select(Unit), order_by=[Unit.code], limit=limit, cursor=cursor, to_item=unit_read
    )


@router.get(
    "/units/{code}",
    response_model=UnitRead,
    responses=problem_responses(404),
    operation_id="get_unit",
)
async def get_unit(code: str, repo: CatalogueRepoDep, _: CurrentPrincipal) -> UnitRead:
    return unit_read(await repo.unit(code))


@router.post(
    "/units",
    status_code=201,
    response_model=UnitRead,
    responses=problem_responses(409),
    operation_id="create_unit",
)
async def create_unit(
    body: UnitCreate,
    repo: CatalogueRepoDep,
    user: Admin,
    idempotent: Idempotent,
    outbox: EventOutbox,
) -> Response:
    """Add a provider unit with the services it delivers (admin)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    unit = Unit(code=body.code, name=body.name, kind=body.kind, address=body.address)
    for i, delivery in enumerate(body.services):
        service = await repo.service_type(delivery.service_type, f"body.services.{i}.service_type")
        unit.services.append(
            UnitService(
                service_type=service,
                capacity=delivery.capacity,
                capacity_unit=delivery.capacity_unit,
            )
        )
    await repo.add(unit, f"A unit with code {body.code!r} exists, or a service is listed twice")
    await outbox.record(
        repo.session,
        UnitCreated(
            id=unit.id,
            code=unit.code,
            kind=unit.kind,
            service_types=[d.service_type for d in body.services],
            by=user.sub,
        ),
        subject=unit.code,
    )
    return await idempotent.respond(201, unit_read(unit))

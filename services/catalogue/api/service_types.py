"""Service types and their versioned allocation criteria."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.catalogue import flows
from services.catalogue.api import EVERY_ROLE, Admin, Idempotent
from services.catalogue.api.views import (
    criteria_read_in,
    criteria_reads,
    metric_reads,
    service_read,
    service_summary,
)
from services.catalogue.repositories import CareLevelRepo, ServiceTypeRepo
from services.catalogue.schemas import (
    CriteriaCreate,
    MetricRead,
    ServiceTypeCreate,
    ServiceTypeUpdate,
)
from shared.clock import Today
from shared.concurrency import IfMatchVersion, etag_for, set_etag
from shared.errors import problem_responses
from shared.outbox import EventOutbox
from shared.pagination import Cursor, Limit
from shared.permissions import allow
from shared.schemas.catalogue import CriteriaRead, ServiceTypeRead, ServiceTypeSummary
from shared.schemas.common import Page

router = APIRouter(tags=["service types"], dependencies=[allow(*EVERY_ROLE)])


@router.get(
    "/service-types", response_model=Page[ServiceTypeSummary], operation_id="list_service_types"
)
async def list_service_types(
    service_types: ServiceTypeRepo,
    care_level: Annotated[str | None, Query(description="Only this care level's services")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[ServiceTypeSummary]:
    """The municipality's service types, by code."""
    return await service_types.page(
        care_level=care_level, limit=limit, cursor=cursor, to_item=service_summary
    )


@router.get(
    "/service-types/{code}",
    response_model=ServiceTypeRead,
    responses=problem_responses(404),
    operation_id="get_service_type",
)
async def get_service_type(
    code: str, service_types: ServiceTypeRepo, today: Today, response: Response
) -> ServiceTypeRead:
    """One service type with the criteria in force today and the units that deliver it."""
    service = await service_types.get(code)
    set_etag(response, service.version)
    return service_read(await service_types.detail(service), today)


@router.post(
    "/service-types",
    status_code=201,
    response_model=ServiceTypeRead,
    responses=problem_responses(409),
    operation_id="create_service_type",
)
async def create_service_type(
    body: ServiceTypeCreate,
    service_types: ServiceTypeRepo,
    levels: CareLevelRepo,
    user: Admin,
    idempotent: Idempotent,
    outbox: EventOutbox,
    today: Today,
) -> Response:
    """Add a service type, optionally with its first criteria version (admin)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    service = await flows.create_service_type(service_types, levels, outbox, body, by=user.sub)
    read = service_read(await service_types.detail(service), today)
    return await idempotent.respond(201, read, headers={"ETag": etag_for(service.version)})


@router.patch(
    "/service-types/{code}",
    response_model=ServiceTypeRead,
    responses=problem_responses(404, 412, 428),
    operation_id="update_service_type",
)
async def update_service_type(
    code: str,
    body: ServiceTypeUpdate,
    service_types: ServiceTypeRepo,
    levels: CareLevelRepo,
    user: Admin,
    if_match: IfMatchVersion,
    outbox: EventOutbox,
    today: Today,
    response: Response,
) -> ServiceTypeRead:
    """Change a service type (admin); needs `If-Match`. Criteria change only by a new version."""
    service = await flows.update_service_type(
        service_types, levels, outbox, code, body, edited_version=if_match, by=user.sub, today=today
    )
    set_etag(response, service.version)
    return service_read(await service_types.detail(service), today)


@router.get(
    "/service-types/{code}/criteria",
    response_model=Page[CriteriaRead],
    responses=problem_responses(404),
    operation_id="list_criteria_versions",
)
async def list_criteria_versions(
    code: str,
    service_types: ServiceTypeRepo,
    today: Today,
    on: Annotated[date | None, Query(description="Only the version in force on this day")] = None,
) -> Page[CriteriaRead]:
    """Every version of the service's allocation criteria, oldest first."""
    service = await service_types.get(code)
    history = await service_types.criteria_versions(service)
    if on is None:
        return Page[CriteriaRead](items=criteria_reads(history, today))
    in_force = await service_types.criteria_on(service, on)
    return Page[CriteriaRead](items=[criteria_read_in(history, in_force, today)])


@router.get(
    "/service-types/{code}/criteria/{version}",
    response_model=CriteriaRead,
    responses=problem_responses(404),
    operation_id="get_criteria_version",
)
async def get_criteria_version(
    code: str, version: int, service_types: ServiceTypeRepo, today: Today
) -> CriteriaRead:
    """One version, as a decision cites it."""
    service = await service_types.get(code)
    criteria = await service_types.criteria_version(service, version)
    return criteria_read_in(await service_types.criteria_versions(service), criteria, today)


@router.post(
    "/service-types/{code}/criteria",
    status_code=201,
    response_model=CriteriaRead,
    responses=problem_responses(404, 409),
    operation_id="add_criteria_version",
)
async def add_criteria_version(
    code: str,
    body: CriteriaCreate,
    service_types: ServiceTypeRepo,
    user: Admin,
    idempotent: Idempotent,
    outbox: EventOutbox,
    today: Today,
) -> Response:
    """A new version of the criteria, in force from `effective_from` (admin)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    criteria = await flows.add_criteria_version(service_types, outbox, code, body, by=user.sub)
    history = await service_types.history_of(criteria)
    return await idempotent.respond(201, criteria_read_in(history, criteria, today))


@router.get(
    "/criteria-metrics", response_model=list[MetricRead], operation_id="list_criteria_metrics"
)
async def list_criteria_metrics() -> list[MetricRead]:
    """The facts criteria can test, with their ranges."""
    return metric_reads()

"""Service types and their versioned allocation criteria."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response
from sqlalchemy import select

from services.catalogue.api.views import criteria_reads, service_read, service_summary
from services.catalogue.domain.criteria import METRICS
from services.catalogue.models import CareLevel, IdempotencyKey, ServiceType
from services.catalogue.repository import CatalogueRepoDep
from services.catalogue.schemas import (
    CriteriaCreate,
    MetricRead,
    ServiceTypeCreate,
    ServiceTypeUpdate,
)
from shared.auth import CurrentPrincipal, Principal, role_dependency
from shared.clock import Today
from shared.concurrency import IfMatchVersion, check_version, set_etag
from shared.db import TenantSession
from shared.errors import NotFound, problem_responses
from shared.idempotency import IdempotentRequest, idempotency_dependency
from shared.outbox import EventOutbox
from shared.pagination import Cursor, Limit, paginate
from shared.schemas.catalogue import (
    CriteriaRead,
    CriteriaVersioned,
    ServiceTypeChanged,
    ServiceTypeCreated,
    ServiceTypeRead,
    ServiceTypeSummary,
)
from shared.schemas.common import LocalizedText, Page
from shared.schemas.roles import Role

router = APIRouter(tags=["service types"])
Admin = Annotated[Principal, role_dependency(Role.admin)]
Idempotent = Annotated[IdempotentRequest, idempotency_dependency(IdempotencyKey)]


@router.get(
    "/service-types", response_model=Page[ServiceTypeSummary], operation_id="list_service_types"
)
async def list_service_types(
    session: TenantSession,
    _: CurrentPrincipal,
    care_level: Annotated[str | None, Query(description="Only this care level's services")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[ServiceTypeSummary]:
    """The municipality's service types, by code."""
    statement = select(ServiceType)
    if care_level is not None:
        statement = statement.join(CareLevel, CareLevel.id == ServiceType.care_level_id).where(
            CareLevel.code == care_level
        )
    return await paginate(
        session,
        statement,
        order_by=[ServiceType.code],
        limit=limit,
        cursor=cursor,
        to_item=service_summary,
    )


@router.get(
    "/service-types/{code}",
    response_model=ServiceTypeRead,
    responses=problem_responses(404),
    operation_id="get_service_type",
)
async def get_service_type(
    code: str, repo: CatalogueRepoDep, _: CurrentPrincipal, today: Today, response: Response
) -> ServiceTypeRead:
    """One service type with the criteria in force today and the units that deliver it."""
    service = await repo.service_type(code)
    set_etag(response, service.version)
    return await service_read(repo, service, today)


@router.post(
    "/service-types",
    status_code=201,
    response_model=ServiceTypeRead,
    responses=problem_responses(409),
    operation_id="create_service_type",
)
async def create_service_type(
    body: ServiceTypeCreate,
    repo: CatalogueRepoDep,
    user: Admin,
    idempotent: Idempotent,
    outbox: EventOutbox,
    today: Today,
) -> Response:
    """Add a service type, optionally with its first criteria version (admin)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    level = await repo.care_level(body.care_level, field="body.care_level")
    fields = body.model_dump(mode="json", exclude={"code", "care_level", "criteria"})
    fields["active_from"], fields["active_to"] = body.active_from, body.active_to
    service = ServiceType(code=body.code, care_level=level, **fields)
    await repo.add(service, f"A service type with code {body.code!r} exists")
    criteria = None
    if body.criteria is not None:
        criteria = await repo.add_criteria_version(
            service,
            effective_from=body.criteria.effective_from,
            text=body.criteria.text.model_dump(),
            conditions=body.criteria.conditions,
            source=body.criteria.source,
            created_by=user.sub,
            path="body.criteria",
        )
    await outbox.record(
        repo.session,
        ServiceTypeCreated(
            id=service.id,
            code=service.code,
            care_level=level.code,
            active_from=service.active_from,
            active_to=service.active_to,
            published=service.published,
            criteria_version=criteria.criteria_version if criteria else None,
            by=user.sub,
        ),
        subject=service.code,
    )
    read = await service_read(repo, service, today)
    return await idempotent.respond(201, read, headers={"ETag": f'"{service.version}"'})


@router.patch(
    "/service-types/{code}",
    response_model=ServiceTypeRead,
    responses=problem_responses(404, 412, 428),
    operation_id="update_service_type",
)
async def update_service_type(
    code: str,
    body: ServiceTypeUpdate,
    repo: CatalogueRepoDep,
    user: Admin,
    if_match: IfMatchVersion,
    outbox: EventOutbox,
    today: Today,
    response: Response,
) -> ServiceTypeRead:
    """Change a service type (admin); needs `If-Match`. Criteria change only by a new version."""
    service = await repo.service_type(code)
    check_version(if_match, service.version)
    changes = body.model_dump(mode="json", exclude_unset=True)
    if "care_level" in changes:
        service.care_level = await repo.care_level(changes.pop("care_level"), "body.care_level")
    for field in ("active_from", "active_to"):
        if field in changes:
            changes[field] = getattr(body, field)
    for field, value in changes.items():
        setattr(service, field, value)
    await repo.session.flush()
    await outbox.record(
        repo.session,
        ServiceTypeChanged(
            id=service.id, code=service.code, fields=sorted(body.model_fields_set), by=user.sub
        ),
        subject=service.code,
    )
    set_etag(response, service.version)
    return await service_read(repo, service, today)


@router.get(
    "/service-types/{code}/criteria",
    response_model=Page[CriteriaRead],
    responses=problem_responses(404),
    operation_id="list_criteria_versions",
)
async def list_criteria_versions(
    code: str,
    repo: CatalogueRepoDep,
    _: CurrentPrincipal,
    today: Today,
    on: Annotated[date | None, Query(description="Only the version in force on this day")] = None,
) -> Page[CriteriaRead]:
    """Every version of the service's allocation criteria, oldest first."""
    service = await repo.service_type(code)
    versions = criteria_reads(await repo.criteria_versions(service), today)
    if on is not None:
        versions = [
            v
            for v in versions
            if v.effective_from <= on and (v.effective_to is None or on <= v.effective_to)
        ]
        if not versions:
            raise NotFound(f"No criteria of {code!r} were in force on {on.isoformat()}")
    return Page[CriteriaRead](items=versions, next_cursor=None)


@router.get(
    "/service-types/{code}/criteria/{version}",
    response_model=CriteriaRead,
    responses=problem_responses(404),
    operation_id="get_criteria_version",
)
async def get_criteria_version(
    code: str, version: int, repo: CatalogueRepoDep, _: CurrentPrincipal, today: Today
) -> CriteriaRead:
    """One version, as a decision cites it."""
    service = await repo.service_type(code)
    for read in criteria_reads(await repo.criteria_versions(service), today):
        if read.version == version:
            return read
    raise NotFound(f"{code!r} has no criteria version {version}")


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
    repo: CatalogueRepoDep,
    user: Admin,
    idempotent: Idempotent,
    outbox: EventOutbox,
    today: Today,
) -> Response:
    """A new version of the criteria, in force from `effective_from` (admin)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    service = await repo.service_type(code)
    criteria = await repo.add_criteria_version(
        service,
        effective_from=body.effective_from,
        text=body.text.model_dump(),
        conditions=body.conditions,
        source=body.source,
        created_by=user.sub,
    )
    await outbox.record(
        repo.session,
        CriteriaVersioned(
            code=service.code,
            version=criteria.criteria_version,
            effective_from=criteria.effective_from,
            by=user.sub,
        ),
        subject=service.code,
    )
    reads = criteria_reads(await repo.criteria_versions(service), today)
    return await idempotent.respond(201, reads[-1])


@router.get(
    "/criteria-metrics", response_model=list[MetricRead], operation_id="list_criteria_metrics"
)
async def list_criteria_metrics(_: CurrentPrincipal) -> list[MetricRead]:
    """The facts criteria can test, with their ranges."""
    return [
        MetricRead(
            code=m.code,
            kind=m.kind.value,
            label=LocalizedText(nb=m.label_nb, nn=m.label_nb, en=m.label_en),
            low=m.low,
            high=m.high,
            choices=list(m.choices),
        )
        for m in METRICS.values()
    ]

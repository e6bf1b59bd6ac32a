"""The published catalogue, open to anyone: «what can the municipality help with?»"""

from __future__ import annotations

from fastapi import APIRouter

from services.catalogue.api.views import (
    care_level_read,
    municipality_read,
    service_read,
    service_summary,
)
from services.catalogue.repositories import (
    AllMunicipalities,
    PublicCareLevelRepo,
    PublicMunicipalityRepo,
    PublicServiceTypeRepo,
)
from services.catalogue.schemas import CareLevelRead
from shared.clock import Today
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.permissions import public
from shared.schemas.catalogue import MunicipalityRead, ServiceTypeRead, ServiceTypeSummary
from shared.schemas.common import Page

router = APIRouter(tags=["public"], dependencies=[public()])


@router.get(
    "/municipalities",
    response_model=list[MunicipalityRead],
    operation_id="public_list_municipalities",
)
async def public_list_municipalities(municipalities: AllMunicipalities) -> list[MunicipalityRead]:
    """The municipalities that publish a catalogue here (profiles are public, not tenant rows)."""
    return [municipality_read(profile) for profile in await municipalities.all()]


@router.get(
    "/{municipality}",
    response_model=MunicipalityRead,
    responses=problem_responses(404),
    operation_id="public_get_municipality",
)
async def public_get_municipality(municipality: PublicMunicipalityRepo) -> MunicipalityRead:
    return municipality_read(await municipality.current())


@router.get(
    "/{municipality}/care-levels",
    response_model=Page[CareLevelRead],
    operation_id="public_list_care_levels",
)
async def public_list_care_levels(
    levels: PublicCareLevelRepo, limit: Limit = 50, cursor: Cursor = None
) -> Page[CareLevelRead]:
    return await levels.page(limit=limit, cursor=cursor, to_item=care_level_read)


@router.get(
    "/{municipality}/service-types",
    response_model=Page[ServiceTypeSummary],
    operation_id="public_list_service_types",
)
async def public_list_service_types(
    service_types: PublicServiceTypeRepo, today: Today, limit: Limit = 50, cursor: Cursor = None
) -> Page[ServiceTypeSummary]:
    """Published services in force today."""
    return await service_types.page_published(
        today, limit=limit, cursor=cursor, to_item=service_summary
    )


@router.get(
    "/{municipality}/service-types/{code}",
    response_model=ServiceTypeRead,
    responses=problem_responses(404),
    operation_id="public_get_service_type",
)
async def public_get_service_type(
    code: str, service_types: PublicServiceTypeRepo, today: Today
) -> ServiceTypeRead:
    service = await service_types.get_published(code, today)
    return service_read(await service_types.detail(service), today)

"""The published catalogue, open to anyone: «what can the municipality help with?»"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.catalogue.api.views import (
    care_level_read,
    municipality_read,
    service_read,
    service_summary,
)
from services.catalogue.models import CareLevel, MunicipalityProfile, ServiceType
from services.catalogue.repository import CatalogueRepo
from services.catalogue.schemas import CareLevelRead
from shared.clock import Today
from shared.db import set_tenant
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, paginate
from shared.schemas.catalogue import MunicipalityRead, ServiceTypeRead, ServiceTypeSummary
from shared.schemas.common import Page

router = APIRouter(tags=["public"])
MunicipalityNumber = Annotated[str, Path(pattern=r"^\d{4}$", description="Kommunenummer")]


async def _public_session(
    request: Request, municipality: MunicipalityNumber
) -> AsyncIterator[AsyncSession]:
    async with request.app.state.sessionmaker() as session, session.begin():
        await set_tenant(session, municipality)
        yield session


PublicSession = Annotated[AsyncSession, Depends(_public_session, scope="function")]


def _published(today: object) -> list[object]:
    return [
        ServiceType.published.is_(True),
        ServiceType.active_from <= today,
        or_(ServiceType.active_to.is_(None), ServiceType.active_to >= today),
    ]


@router.get(
    "/municipalities",
    response_model=list[MunicipalityRead],
    operation_id="public_list_municipalities",
)
async def public_list_municipalities(request: Request) -> list[MunicipalityRead]:
    """The municipalities that publish a catalogue here (profiles are public, not tenant rows)."""
    async with request.app.state.sessionmaker() as session, session.begin():
        profiles = await session.scalars(
            select(MunicipalityProfile).order_by(MunicipalityProfile.name)
        )
        return [municipality_read(profile) for profile in profiles]


@router.get(
    "/{municipality}",
    response_model=MunicipalityRead,
    responses=problem_responses(404),
    operation_id="public_get_municipality",
)
async def public_get_municipality(session: PublicSession) -> MunicipalityRead:
    profile = await CatalogueRepo(session).profile()
    return municipality_read(profile)


@router.get(
    "/{municipality}/care-levels",
    response_model=Page[CareLevelRead],
    operation_id="public_list_care_levels",
)
async def public_list_care_levels(
    session: PublicSession, limit: Limit = 50, cursor: Cursor = None
) -> Page[CareLevelRead]:
    return await paginate(
        session,
        select(CareLevel),
        order_by=[CareLevel.rank, CareLevel.id],
        limit=limit,
        cursor=cursor,
        to_item=care_level_read,
    )


@router.get(
    "/{municipality}/service-types",
    response_model=Page[ServiceTypeSummary],
    operation_id="public_list_service_types",
)
async def public_list_service_types(
    session: PublicSession, today: Today, limit: Limit = 50, cursor: Cursor = None
) -> Page[ServiceTypeSummary]:
    """Published services in force today."""
    return await paginate(
        session,
        select(ServiceType).where(*_published(today)),
        order_by=[ServiceType.code],
        limit=limit,
        cursor=cursor,
        to_item=service_summary,
    )


@router.get(
    "/{municipality}/service-types/{code}",
    response_model=ServiceTypeRead,
    responses=problem_responses(404),
    operation_id="public_get_service_type",
)
async def public_get_service_type(
    code: str, session: PublicSession, today: Today
) -> ServiceTypeRead:
    service = await session.scalar(
        select(ServiceType).where(ServiceType.code == code, *_published(today))
    )
    if service is None:
        raise NotFound(f"There is no published service {code!r}")
    return await service_read(CatalogueRepo(session), service, today)

"""Repositories for the open catalogue: no token, scoped to the municipality in the path."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Path, Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.catalogue.repositories.levels import CareLevelRepository
from services.catalogue.repositories.municipality import MunicipalityRepository
from services.catalogue.repositories.service_types import ServiceTypeRepository
from shared.db import set_tenant

MunicipalityNumber = Annotated[str, Path(pattern=r"^\d{4}$", description="Kommunenummer")]


def _sessionmaker(request: Request) -> async_sessionmaker[AsyncSession]:
    return request.app.state.sessionmaker  # type: ignore[no-any-return]


async def _public_session(
    request: Request, municipality: MunicipalityNumber
) -> AsyncIterator[AsyncSession]:
    """A read transaction scoped, for row-level security, to the municipality in the path."""
    async with _sessionmaker(request)() as session, session.begin():
        await set_tenant(session, municipality)
        yield session


async def _untenanted_session(request: Request) -> AsyncIterator[AsyncSession]:
    """A read transaction of no municipality: it sees only tables without tenant rows."""
    async with _sessionmaker(request)() as session, session.begin():
        yield session


PublicSession = Annotated[AsyncSession, Depends(_public_session, scope="function")]


async def _public_levels(session: PublicSession) -> CareLevelRepository:
    return CareLevelRepository(session)


async def _public_service_types(session: PublicSession) -> ServiceTypeRepository:
    return ServiceTypeRepository(session)


async def _public_municipality(session: PublicSession) -> MunicipalityRepository:
    return MunicipalityRepository(session)


async def _all_municipalities(
    session: Annotated[AsyncSession, Depends(_untenanted_session, scope="function")],
) -> MunicipalityRepository:
    return MunicipalityRepository(session)


PublicCareLevelRepo = Annotated[CareLevelRepository, Depends(_public_levels)]
PublicServiceTypeRepo = Annotated[ServiceTypeRepository, Depends(_public_service_types)]
PublicMunicipalityRepo = Annotated[MunicipalityRepository, Depends(_public_municipality)]
AllMunicipalities = Annotated[MunicipalityRepository, Depends(_all_municipalities)]

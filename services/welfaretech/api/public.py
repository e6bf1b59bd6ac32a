"""The technology catalogue, open to anyone: what exists and what it costs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from sqlalchemy.ext.asyncio import AsyncSession

from services.welfaretech.api.views import public_technology
from services.welfaretech.repositories import TechnologyRepo
from shared.db import set_tenant
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.permissions import public
from shared.schemas.common import Page
from shared.schemas.welfaretech import PublicTechnology

router = APIRouter(tags=["public"], dependencies=[public()])

MunicipalityNumber = Annotated[str, Path(pattern=r"^\d{4}$", description="Kommunenummer")]


async def _public_technologies(
    request: Request, municipality: MunicipalityNumber
) -> AsyncIterator[TechnologyRepo]:
    """A read transaction scoped, for row-level security, to the municipality in the path."""
    session: AsyncSession
    async with request.app.state.sessionmaker() as session, session.begin():
        await set_tenant(session, municipality)
        yield TechnologyRepo(session)


PublicTechnologies = Annotated[TechnologyRepo, Depends(_public_technologies, scope="function")]


@router.get(
    "/{municipality}/technologies",
    response_model=Page[PublicTechnology],
    operation_id="public_list_technologies",
)
async def public_list_technologies(
    technologies: PublicTechnologies, limit: Limit = 50, cursor: Cursor = None
) -> Page[PublicTechnology]:
    """The technologies the municipality offers, with what they do and the monthly fee."""
    return await technologies.page(
        limit=limit, cursor=cursor, to_item=public_technology, active_only=True
    )


@router.get(
    "/{municipality}/technologies/{code}",
    response_model=PublicTechnology,
    responses=problem_responses(404),
    operation_id="public_get_technology",
)
async def public_get_technology(code: str, technologies: PublicTechnologies) -> PublicTechnology:
    return public_technology(await technologies.get(code, active_only=True))

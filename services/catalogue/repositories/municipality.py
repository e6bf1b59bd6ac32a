"""The municipality's profile: its name and what it calls its staircase."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from fastapi import Depends
from sqlalchemy import func, select

from services.catalogue.models import MunicipalityProfile
from services.catalogue.repositories.base import Repository
from shared.db import TENANT_SETTING, TenantSession
from shared.errors import NotFound


class MunicipalityRepository(Repository):
    async def current(self) -> MunicipalityProfile:
        """The profile of the municipality this session is scoped to."""
        profile = await self.session.scalar(
            select(MunicipalityProfile).where(
                MunicipalityProfile.municipality == func.current_setting(TENANT_SETTING, True)
            )
        )
        if profile is None:
            raise NotFound("This municipality has no catalogue yet")
        return profile

    async def all(self) -> Sequence[MunicipalityProfile]:
        """Every municipality's profile, by name (profiles are public, not tenant rows)."""
        return (
            await self.session.scalars(
                select(MunicipalityProfile).order_by(MunicipalityProfile.name)
            )
        ).all()


async def _municipality(session: TenantSession) -> MunicipalityRepository:
    return MunicipalityRepository(session)


MunicipalityRepo = Annotated[MunicipalityRepository, Depends(_municipality)]

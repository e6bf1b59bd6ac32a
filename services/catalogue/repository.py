"""Queries of the catalogue, one class per aggregate; they flush, never commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import contains_eager

from services.catalogue.domain.criteria import CriteriaError, periods, validate_conditions
from services.catalogue.models import (
    AllocationCriteria,
    CareLevel,
    MunicipalityProfile,
    ServiceType,
    Unit,
    UnitService,
)
from shared.db import TENANT_SETTING, TenantSession
from shared.errors import Conflict, NotFound, RuleViolation


def checked_conditions(conditions: list[Any], path: str) -> list[Any]:
    try:
        validate_conditions(conditions, path)
    except CriteriaError as exc:
        raise RuleViolation(exc.path, str(exc)) from exc
    return conditions


class CatalogueRepo:
    """Reads and writes of one municipality's catalogue (RLS scopes the session)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def profile(self) -> MunicipalityProfile:
        profile = await self.session.scalar(
            select(MunicipalityProfile).where(
                MunicipalityProfile.municipality == func.current_setting(TENANT_SETTING, True)
            )
        )
        if profile is None:
            raise NotFound("This municipality has no catalogue yet")
        return profile

    async def care_level(self, code: str, field: str | None = None) -> CareLevel:
        level = await self.session.scalar(select(CareLevel).where(CareLevel.code == code))
        if level is None:
            if field:
                raise RuleViolation(field, f"There is no care level {code!r}")
            raise NotFound(f"There is no care level {code!r}")
        return level

    async def service_type(self, code: str, field: str | None = None) -> ServiceType:
        service = await self.session.scalar(select(ServiceType).where(ServiceType.code == code))
        if service is None:
            if field:
                raise RuleViolation(field, f"There is no service type {code!r}")
            raise NotFound(f"There is no service type {code!r}")
        return service

    async def unit(self, code: str) -> Unit:
        unit = await self.session.scalar(select(Unit).where(Unit.code == code))
        if unit is None:
            raise NotFound(f"There is no unit {code!r}")
        return unit

    async def criteria_versions(self, service: ServiceType) -> Sequence[AllocationCriteria]:
        return (
            await self.session.scalars(
                select(AllocationCriteria)
                .where(AllocationCriteria.service_type_id == service.id)
                .order_by(AllocationCriteria.criteria_version)
            )
        ).all()

    async def units_delivering(self, service: ServiceType) -> Sequence[UnitService]:
        return (
            await self.session.scalars(
                select(UnitService)
                .join(Unit, Unit.id == UnitService.unit_id)
                .options(contains_eager(UnitService.unit))
                .where(UnitService.service_type_id == service.id)
                .order_by(Unit.name)
            )
        ).all()

    async def add(self, row: Any, conflict: str) -> Any:
        """Insert and flush; a unique clash becomes a 409 naming what clashed."""
        self.session.add(row)
        try:
            async with self.session.begin_nested():
                await self.session.flush()
        except IntegrityError as exc:
            raise Conflict(conflict) from exc
        return row

    async def add_criteria_version(
        self,
        service: ServiceType,
        *,
        effective_from: date,
        text: dict[str, str],
        conditions: list[Any],
        source: str | None,
        created_by: str | None,
        path: str = "body",
    ) -> AllocationCriteria:
        """Append a version after the latest; old versions stay as they were."""
        checked_conditions(conditions, f"{path}.conditions")
        versions = await self.criteria_versions(service)
        latest = versions[-1] if versions else None
        if latest is not None and effective_from <= latest.effective_from:
            raise RuleViolation(
                f"{path}.effective_from",
                "A new version must take effect after the latest one "
                f"({latest.effective_from.isoformat()})",
            )
        criteria = AllocationCriteria(
            service_type_id=service.id,
            criteria_version=(latest.criteria_version + 1) if latest else 1,
            effective_from=effective_from,
            text=text,
            conditions=conditions,
            source=source,
            created_by=created_by,
        )
        return await self.add(criteria, "Another version was added at the same time; try again")  # type: ignore[no-any-return]


def criteria_periods(versions: Sequence[AllocationCriteria]) -> dict[int, date | None]:
    """version → its last day in force (None while it is the newest)."""
    return {
        period.version: period.effective_to
        for period in periods([(v.criteria_version, v.effective_from) for v in versions])
    }


async def _repo(session: TenantSession) -> CatalogueRepo:
    return CatalogueRepo(session)


CatalogueRepoDep = Annotated[CatalogueRepo, Depends(_repo)]

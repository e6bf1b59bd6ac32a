"""Service types with their versioned allocation criteria and the units that deliver them."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, TypeVar

from fastapi import Depends
from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import aliased, contains_eager

from services.catalogue.models import (
    AllocationCriteria,
    CareLevel,
    ServiceType,
    Unit,
    UnitService,
)
from services.catalogue.repositories.base import Repository
from shared.db import TenantSession
from shared.errors import NotFound, RuleViolation
from shared.pagination import paginate
from shared.schemas.common import Page

T = TypeVar("T")


def offered_on(day: date) -> ColumnElement[bool]:
    """SQL of `domain.catalogue.is_active`: the service type is offered on `day`."""
    return and_(
        ServiceType.active_from <= day,
        or_(ServiceType.active_to.is_(None), ServiceType.active_to >= day),
    )


def published_on(day: date) -> ColumnElement[bool]:
    """SQL of `domain.catalogue.is_public`: published and offered on `day`."""
    return and_(ServiceType.published.is_(True), offered_on(day))


def criteria_in_force_on(day: date) -> ColumnElement[bool]:
    """SQL of `domain.criteria.version_in_force`: the row is its service's version in force.

    That is the latest version to take effect on or before `day`: no later
    version of the same service has taken effect by then.
    """
    later = aliased(AllocationCriteria)
    return and_(
        AllocationCriteria.effective_from <= day,
        ~exists().where(
            later.service_type_id == AllocationCriteria.service_type_id,
            later.effective_from > AllocationCriteria.effective_from,
            later.effective_from <= day,
        ),
    )


@dataclass(frozen=True)
class ServiceTypeDetail:
    """A service type with what its full view shows: every criteria version and its units."""

    service: ServiceType
    criteria: Sequence[AllocationCriteria]
    deliveries: Sequence[UnitService]


class ServiceTypeRepository(Repository):
    async def get(self, code: str, field: str | None = None) -> ServiceType:
        """The service type by code: a 404, or a 422 on `field` when the code came in a body."""
        service = await self.session.scalar(select(ServiceType).where(ServiceType.code == code))
        if service is None:
            if field:
                raise RuleViolation(field, f"There is no service type {code!r}")
            raise NotFound(f"There is no service type {code!r}")
        return service

    async def get_published(self, code: str, day: date) -> ServiceType:
        service = await self.session.scalar(
            select(ServiceType).where(ServiceType.code == code, published_on(day))
        )
        if service is None:
            raise NotFound(f"There is no published service {code!r}")
        return service

    async def page(
        self,
        *,
        care_level: str | None,
        limit: int,
        cursor: str | None,
        to_item: Callable[[ServiceType], T],
    ) -> Page[T]:
        """By code; only one level's services when `care_level` is given."""
        statement = select(ServiceType)
        if care_level is not None:
            statement = statement.join(CareLevel, CareLevel.id == ServiceType.care_level_id).where(
                CareLevel.code == care_level
            )
        return await paginate(
            self.session,
            statement,
            order_by=[ServiceType.code],
            limit=limit,
            cursor=cursor,
            to_item=to_item,
        )

    async def page_published(
        self, day: date, *, limit: int, cursor: str | None, to_item: Callable[[ServiceType], T]
    ) -> Page[T]:
        """Published services offered on `day`, by code."""
        return await paginate(
            self.session,
            select(ServiceType).where(published_on(day)),
            order_by=[ServiceType.code],
            limit=limit,
            cursor=cursor,
            to_item=to_item,
        )

    async def detail(self, service: ServiceType) -> ServiceTypeDetail:
        return ServiceTypeDetail(
            service, await self.criteria_versions(service), await self.units_delivering(service)
        )

    async def criteria_versions(self, service: ServiceType) -> Sequence[AllocationCriteria]:
        """Every version, oldest first."""
        return await self._history(service.id)

    async def history_of(self, criteria: AllocationCriteria) -> Sequence[AllocationCriteria]:
        """Every version of the same service as `criteria`, oldest first."""
        return await self._history(criteria.service_type_id)

    async def _history(self, service_type_id: uuid.UUID) -> Sequence[AllocationCriteria]:
        return (
            await self.session.scalars(
                select(AllocationCriteria)
                .where(AllocationCriteria.service_type_id == service_type_id)
                .order_by(AllocationCriteria.criteria_version)
            )
        ).all()

    async def criteria_version(self, service: ServiceType, number: int) -> AllocationCriteria:
        criteria = await self.session.scalar(
            select(AllocationCriteria).where(
                AllocationCriteria.service_type_id == service.id,
                AllocationCriteria.criteria_version == number,
            )
        )
        if criteria is None:
            raise NotFound(f"{service.code!r} has no criteria version {number}")
        return criteria

    async def criteria_on(self, service: ServiceType, day: date) -> AllocationCriteria:
        """The version in force on `day`, or a 404 before the first takes effect."""
        criteria = await self.session.scalar(
            select(AllocationCriteria).where(
                AllocationCriteria.service_type_id == service.id, criteria_in_force_on(day)
            )
        )
        if criteria is None:
            raise NotFound(f"No criteria of {service.code!r} were in force on {day.isoformat()}")
        return criteria

    async def offered_with_criteria(
        self, day: date
    ) -> Sequence[tuple[ServiceType, AllocationCriteria | None]]:
        """Every service offered on `day` with its criteria then in force, lowest level first."""
        rows = await self.session.execute(
            select(ServiceType, AllocationCriteria)
            .join(ServiceType.care_level)
            .options(contains_eager(ServiceType.care_level))
            .outerjoin(
                AllocationCriteria,
                and_(
                    AllocationCriteria.service_type_id == ServiceType.id,
                    criteria_in_force_on(day),
                ),
            )
            .where(offered_on(day))
            .order_by(CareLevel.rank, ServiceType.code.collate("C"))
        )
        return [(service, criteria) for service, criteria in rows.tuples()]

    async def units_delivering(self, service: ServiceType) -> Sequence[UnitService]:
        """The units that deliver it, by name."""
        return (
            await self.session.scalars(
                select(UnitService)
                .join(Unit, Unit.id == UnitService.unit_id)
                .options(contains_eager(UnitService.unit))
                .where(UnitService.service_type_id == service.id)
                .order_by(Unit.name)
            )
        ).all()

    async def add_criteria(self, criteria: AllocationCriteria) -> AllocationCriteria:
        return await self.save(criteria, "Another version was added at the same time; try again")


async def _service_types(session: TenantSession) -> ServiceTypeRepository:
    return ServiceTypeRepository(session)


ServiceTypeRepo = Annotated[ServiceTypeRepository, Depends(_service_types)]

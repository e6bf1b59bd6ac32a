"""Load the demo catalogue (Nordre Follo, Selbu) into the database; safe to run twice.

Items are found by code: what exists is left as it is, what is missing is
added, so a second run adds nothing and a new item in the data is added.
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.catalogue.demo import MUNICIPALITIES
from services.catalogue.domain.criteria import validate_conditions
from services.catalogue.models import (
    AllocationCriteria,
    CareLevel,
    MunicipalityProfile,
    ServiceType,
    Unit,
    UnitService,
)
from shared.db import create_engine, create_sessionmaker, set_tenant

SERVICE_FIELDS = (
    "name",
    "description",
    "requires_decision",
    "legal_basis",
    "scope_unit",
    "user_fee",
    "kpr_code",
    "requires_lower_level_review",
    "is_long_term_place",
    "is_bpa",
    "appeal_body",
    "caregiver_is_party",
    "purpose",
    "published",
)


async def _profile(session: AsyncSession, data: dict[str, Any]) -> int:
    exists = await session.scalar(
        select(MunicipalityProfile).where(MunicipalityProfile.municipality == data["number"])
    )
    if exists:
        return 0
    session.add(
        MunicipalityProfile(
            municipality=data["number"],
            name=data["name"],
            written_language=data["written_language"],
            staircase_name=data["staircase_name"],
            staircase_description=data["staircase_description"],
            appeals_to=data.get("appeals_to"),
            appeals_board=data.get("appeals_board"),
        )
    )
    return 1


async def _levels(session: AsyncSession, data: dict[str, Any]) -> tuple[dict[str, CareLevel], int]:
    levels = {level.code: level for level in await session.scalars(select(CareLevel))}
    added = 0
    for item in data["care_levels"]:
        if item["code"] not in levels:
            level = CareLevel(
                code=item["code"],
                rank=item["rank"],
                name=item["name"],
                description=item["description"],
            )
            session.add(level)
            levels[item["code"]] = level
            added += 1
    await session.flush()
    return levels, added


async def _services(
    session: AsyncSession, data: dict[str, Any], levels: dict[str, CareLevel]
) -> tuple[dict[str, ServiceType], int]:
    services = {s.code: s for s in await session.scalars(select(ServiceType))}
    added = 0
    for item in data["service_types"]:
        service = services.get(item["code"])
        if service is None:
            service = ServiceType(
                code=item["code"],
                care_level=levels[item["care_level"]],
                active_from=date.fromisoformat(item["active_from"]),
                active_to=date.fromisoformat(item["active_to"]) if item.get("active_to") else None,
                **{field: item.get(field) for field in SERVICE_FIELDS},
            )
            session.add(service)
            services[item["code"]] = service
            added += 1
            await session.flush()
        known = set(
            await session.scalars(
                select(AllocationCriteria.criteria_version).where(
                    AllocationCriteria.service_type_id == service.id
                )
            )
        )
        for criteria in item.get("criteria", []):
            if criteria["version"] in known:
                continue
            validate_conditions(criteria["conditions"], f"{item['code']}.conditions")
            session.add(
                AllocationCriteria(
                    service_type_id=service.id,
                    criteria_version=criteria["version"],
                    effective_from=date.fromisoformat(criteria["effective_from"]),
                    text=criteria["text"],
                    conditions=criteria["conditions"],
                    source=criteria.get("source"),
                    created_by="seed",
                )
            )
    await session.flush()
    return services, added


async def _units(
    session: AsyncSession, data: dict[str, Any], services: dict[str, ServiceType]
) -> int:
    existing = {u.code for u in await session.scalars(select(Unit))}
    added = 0
    for item in data["units"]:
        if item["code"] in existing:
            continue
        unit = Unit(
            code=item["code"], name=item["name"], kind=item["kind"], address=item.get("address")
        )
        for delivery in item.get("services", []):
            unit.services.append(
                UnitService(
                    service_type=services[delivery["service_type"]],
                    capacity=delivery.get("capacity"),
                    capacity_unit=delivery.get("capacity_unit"),
                )
            )
        session.add(unit)
        added += 1
    await session.flush()
    return added


async def seed_municipality(session: AsyncSession, data: dict[str, Any]) -> int:
    """Add what is missing of one municipality's catalogue; returns how many items were added."""
    await set_tenant(session, data["number"])
    added = await _profile(session, data)
    levels, n = await _levels(session, data)
    added += n
    services, n = await _services(session, data, levels)
    added += n
    added += await _units(session, data, services)
    return added


async def seed(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    added = 0
    for data in MUNICIPALITIES:
        async with sessionmaker() as session, session.begin():
            added += await seed_municipality(session, data)
    return added


async def seed_url(database_url: str) -> int:
    engine = create_engine(database_url)
    try:
        return await seed(create_sessionmaker(engine))
    finally:
        await engine.dispose()


if __name__ == "__main__":
    import os

    print(f"catalogue: {asyncio.run(seed_url(os.environ['CATALOGUE_DATABASE_URL']))} items added")

"""From rows to response bodies."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from services.catalogue.models import (
    AllocationCriteria,
    CareLevel,
    MunicipalityProfile,
    ServiceType,
    UnitService,
)
from services.catalogue.repository import CatalogueRepo, criteria_periods
from services.catalogue.schemas import CareLevelRead
from shared.schemas.catalogue import (
    CareLevelRef,
    CriteriaRead,
    MunicipalityRead,
    ServiceTypeRead,
    ServiceTypeSummary,
    UnitRef,
)
from shared.schemas.common import LocalizedText


def municipality_read(profile: MunicipalityProfile) -> MunicipalityRead:
    return MunicipalityRead(
        number=profile.municipality,
        name=profile.name,
        written_language=profile.written_language,
        staircase_name=LocalizedText.model_validate(profile.staircase_name),
        staircase_description=LocalizedText.model_validate(profile.staircase_description),
    )


def care_level_read(level: CareLevel) -> CareLevelRead:
    return CareLevelRead(
        id=level.id,
        code=level.code,
        rank=level.rank,
        name=LocalizedText.model_validate(level.name),
        description=LocalizedText.model_validate(level.description),
        version=level.version,
    )


def service_summary(service: ServiceType) -> ServiceTypeSummary:
    level = service.care_level
    return ServiceTypeSummary(
        code=service.code,
        name=LocalizedText.model_validate(service.name),
        care_level=CareLevelRef(
            code=level.code, rank=level.rank, name=LocalizedText.model_validate(level.name)
        ),
        requires_decision=service.requires_decision,
        scope_unit=service.scope_unit,  # type: ignore[arg-type]
        published=service.published,
        purpose=service.purpose,  # type: ignore[arg-type]
    )


def criteria_reads(versions: Sequence[AllocationCriteria], today: date) -> list[CriteriaRead]:
    ends = criteria_periods(versions)
    reads = []
    for criteria in versions:
        end = ends[criteria.criteria_version]
        reads.append(
            CriteriaRead(
                version=criteria.criteria_version,
                effective_from=criteria.effective_from,
                effective_to=end,
                text=LocalizedText.model_validate(criteria.text),
                conditions=criteria.conditions,
                source=criteria.source,
                created_at=criteria.created_at,
                in_force=criteria.effective_from <= today and (end is None or today <= end),
            )
        )
    return reads


def unit_refs(deliveries: Sequence[UnitService]) -> list[UnitRef]:
    return [
        UnitRef(
            code=d.unit.code,
            name=d.unit.name,
            kind=d.unit.kind,  # type: ignore[arg-type]
            capacity=d.capacity,
            capacity_unit=d.capacity_unit,  # type: ignore[arg-type]
        )
        for d in deliveries
    ]


async def service_read(repo: CatalogueRepo, service: ServiceType, today: date) -> ServiceTypeRead:
    versions = criteria_reads(await repo.criteria_versions(service), today)
    current = next((v for v in versions if v.in_force), None)
    summary = service_summary(service)
    return ServiceTypeRead(
        **summary.model_dump(),
        description=LocalizedText.model_validate(service.description),
        legal_basis=service.legal_basis,  # type: ignore[arg-type]
        user_fee=service.user_fee,  # type: ignore[arg-type]
        kpr_code=service.kpr_code,
        requires_lower_level_review=service.requires_lower_level_review,
        is_long_term_place=service.is_long_term_place,
        active_from=service.active_from,
        active_to=service.active_to,
        version=service.version,
        current_criteria=current,
        units=unit_refs(await repo.units_delivering(service)),
    )

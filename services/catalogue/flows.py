"""The catalogue's writes: each stores its change and records its event in one transaction.

Functions take repositories, the outbox and plain inputs, and return the
stored rows; the routes map those to responses. Rules come from `domain/`.
"""

from __future__ import annotations

from datetime import date

from services.catalogue.domain.criteria import check_new_version_date, validate_conditions
from services.catalogue.models import AllocationCriteria, CareLevel, ServiceType, Unit, UnitService
from services.catalogue.reference import law_book
from services.catalogue.repositories import (
    CareLevelRepository,
    ServiceTypeRepository,
    UnitRepository,
)
from services.catalogue.schemas import (
    CareLevelCreate,
    CareLevelUpdate,
    CriteriaCreate,
    ServiceTypeCreate,
    ServiceTypeUpdate,
    UnitCreate,
)
from shared.concurrency import check_version
from shared.errors import RuleViolation
from shared.outbox import Outbox
from shared.schemas.catalogue import (
    CareLevelChanged,
    CareLevelCreated,
    CriteriaVersioned,
    ServiceTypeChanged,
    ServiceTypeCreated,
    UnitCreated,
)


async def create_care_level(
    levels: CareLevelRepository, outbox: Outbox, body: CareLevelCreate, *, by: str
) -> CareLevel:
    level = CareLevel(
        code=body.code,
        rank=body.rank,
        name=body.name.model_dump(),
        description=body.description.model_dump(),
    )
    await levels.save(level, f"A care level with code {body.code!r} or rank {body.rank} exists")
    await outbox.record(
        levels.session,
        CareLevelCreated(id=level.id, code=level.code, rank=level.rank, by=by),
        subject=level.code,
    )
    return level


async def update_care_level(
    levels: CareLevelRepository,
    outbox: Outbox,
    code: str,
    body: CareLevelUpdate,
    *,
    edited_version: int,
    by: str,
) -> CareLevel:
    """Rename or move a level; `edited_version` is the version the admin saw (If-Match)."""
    level = await levels.get(code)
    check_version(edited_version, level.version)
    changes = body.model_dump(exclude_unset=True, exclude_none=True)
    for field, value in changes.items():
        setattr(level, field, value)
    await levels.save(level, f"Another level already has rank {body.rank}")
    await outbox.record(
        levels.session,
        CareLevelChanged(
            id=level.id, code=level.code, rank=level.rank, fields=sorted(changes), by=by
        ),
        subject=level.code,
    )
    return level


async def create_service_type(
    service_types: ServiceTypeRepository,
    levels: CareLevelRepository,
    outbox: Outbox,
    body: ServiceTypeCreate,
    *,
    by: str,
) -> ServiceType:
    """Add a service type, with the first version of its criteria when the body has one.
    Its legal basis must be in force when the criteria take effect (or when it is first
    offered), and a fee needs a basis that allows one."""
    level = await levels.get(body.care_level, field="body.care_level")
    legal_basis = [basis.model_dump() for basis in body.legal_basis]
    law = law_book()
    law.check_in_force(
        legal_basis,
        body.criteria.effective_from if body.criteria else body.active_from,
        "body.legal_basis",
    )
    law.check_fee(legal_basis, body.user_fee.kind, "body.user_fee")
    fields = body.model_dump(mode="json", exclude={"code", "care_level", "criteria"})
    fields["active_from"], fields["active_to"] = body.active_from, body.active_to
    service = ServiceType(code=body.code, care_level=level, **fields)
    await service_types.save(service, f"A service type with code {body.code!r} exists")
    criteria = None
    if body.criteria is not None:
        criteria = await _append_criteria(
            service_types, service, body.criteria, by=by, path="body.criteria"
        )
    await outbox.record(
        service_types.session,
        ServiceTypeCreated(
            id=service.id,
            code=service.code,
            care_level=level.code,
            active_from=service.active_from,
            active_to=service.active_to,
            published=service.published,
            criteria_version=criteria.criteria_version if criteria else None,
            by=by,
        ),
        subject=service.code,
    )
    return service


async def update_service_type(
    service_types: ServiceTypeRepository,
    levels: CareLevelRepository,
    outbox: Outbox,
    code: str,
    body: ServiceTypeUpdate,
    *,
    edited_version: int,
    by: str,
    today: date,
) -> ServiceType:
    """Change a service type; its criteria change only by a new version. A changed legal
    basis must be in force from today; the fee and the basis must still agree."""
    service = await service_types.get(code)
    check_version(edited_version, service.version)
    changes = body.model_dump(mode="json", exclude_unset=True)
    law = law_book()
    if "legal_basis" in changes:
        law.check_in_force(changes["legal_basis"] or [], today, "body.legal_basis")
    if "legal_basis" in changes or "user_fee" in changes:
        law.check_fee(
            changes.get("legal_basis", service.legal_basis) or [],
            (changes.get("user_fee") or service.user_fee)["kind"],
            "body.user_fee",
        )
    if "care_level" in changes:
        service.care_level = await levels.get(changes.pop("care_level"), "body.care_level")
    for field in ("active_from", "active_to"):
        if field in changes:
            changes[field] = getattr(body, field)
    for field, value in changes.items():
        setattr(service, field, value)
    await service_types.save(service, f"A service type with code {code!r} exists")
    await outbox.record(
        service_types.session,
        ServiceTypeChanged(
            id=service.id, code=service.code, fields=sorted(body.model_fields_set), by=by
        ),
        subject=service.code,
    )
    return service


async def add_criteria_version(
    service_types: ServiceTypeRepository,
    outbox: Outbox,
    code: str,
    body: CriteriaCreate,
    *,
    by: str,
) -> AllocationCriteria:
    """Append a version after the latest; old versions stay as they were. The service's legal
    basis must be in force on the version's effective date."""
    service = await service_types.get(code)
    try:
        law_book().check_in_force(service.legal_basis, body.effective_from, "legal_basis")
    except RuleViolation as exc:
        raise RuleViolation(
            "body.effective_from",
            f"{exc.detail}: change the service type's legal basis first",
        ) from exc
    criteria = await _append_criteria(service_types, service, body, by=by, path="body")
    await outbox.record(
        service_types.session,
        CriteriaVersioned(
            code=service.code,
            version=criteria.criteria_version,
            effective_from=criteria.effective_from,
            by=by,
        ),
        subject=service.code,
    )
    return criteria


async def _append_criteria(
    service_types: ServiceTypeRepository,
    service: ServiceType,
    body: CriteriaCreate,
    *,
    by: str,
    path: str,
) -> AllocationCriteria:
    validate_conditions(body.conditions, f"{path}.conditions")
    versions = await service_types.criteria_versions(service)
    latest = versions[-1] if versions else None
    check_new_version_date(
        latest.effective_from if latest else None, body.effective_from, f"{path}.effective_from"
    )
    return await service_types.add_criteria(
        AllocationCriteria(
            service_type_id=service.id,
            criteria_version=(latest.criteria_version + 1) if latest else 1,
            effective_from=body.effective_from,
            text=body.text.model_dump(),
            conditions=body.conditions,
            source=body.source,
            created_by=by,
        )
    )


async def create_unit(
    units: UnitRepository,
    service_types: ServiceTypeRepository,
    outbox: Outbox,
    body: UnitCreate,
    *,
    by: str,
) -> Unit:
    """Add a provider unit with the service types it delivers and their capacity."""
    unit = Unit(code=body.code, name=body.name, kind=body.kind, address=body.address, services=[])
    for i, delivery in enumerate(body.services):
        service = await service_types.get(delivery.service_type, f"body.services.{i}.service_type")
        unit.services.append(
            UnitService(
                service_type=service,
                capacity=delivery.capacity,
                capacity_unit=delivery.capacity_unit,
            )
        )
    await units.save(unit, f"A unit with code {body.code!r} exists, or a service is listed twice")
    await outbox.record(
        units.session,
        UnitCreated(
            id=unit.id,
            code=unit.code,
            kind=body.kind,
            service_types=[d.service_type for d in body.services],
            by=by,
        ),
        subject=unit.code,
    )
    return unit

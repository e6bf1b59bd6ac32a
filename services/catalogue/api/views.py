"""From rows to response bodies: the one place a model becomes a schema."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from services.catalogue.domain.criteria import METRICS, Metric, evaluate, periods
from services.catalogue.models import (
    AllocationCriteria,
    CareLevel,
    MunicipalityProfile,
    ServiceType,
    Unit,
    UnitService,
)
from services.catalogue.reference import law_book
from services.catalogue.repositories import ServiceTypeDetail
from services.catalogue.schemas import CareLevelRead, MetricRead, UnitRead, UnitServiceRead
from shared.schemas.catalogue import (
    AppealBody,
    CareLevelRef,
    CriteriaRead,
    FindingRead,
    LegalBasisRead,
    MunicipalityRead,
    ServiceEvaluation,
    ServiceTypeRead,
    ServiceTypeSummary,
    UnitRef,
    UserFee,
)
from shared.schemas.common import LocalizedText


def legal_basis_read(basis: dict[str, str]) -> LegalBasisRead:
    """A cited provision with its law's names, plain explanation and end of force, if known."""
    provision = law_book().find(basis.get("short", ""), basis.get("section", ""))
    if provision is None:
        return LegalBasisRead.model_validate(basis)
    return LegalBasisRead(
        **basis,
        law_name=LocalizedText.model_validate(provision.law),
        explanation=LocalizedText.model_validate(provision.explanation),
        in_force_to=provision.in_force_to,
    )


def municipality_read(profile: MunicipalityProfile) -> MunicipalityRead:
    return MunicipalityRead.model_validate(
        {
            "number": profile.municipality,
            "name": profile.name,
            "written_language": profile.written_language,
            "staircase_name": profile.staircase_name,
            "staircase_description": profile.staircase_description,
            "appeals_to": profile.appeals_to,
            "appeals_board": profile.appeals_board,
        }
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
    return ServiceTypeSummary.model_validate(
        {
            "code": service.code,
            "name": service.name,
            "care_level": CareLevelRef(
                code=level.code, rank=level.rank, name=LocalizedText.model_validate(level.name)
            ),
            "requires_decision": service.requires_decision,
            "scope_unit": service.scope_unit,
            "published": service.published,
            "purpose": service.purpose,
        }
    )


def criteria_reads(versions: Sequence[AllocationCriteria], today: date) -> list[CriteriaRead]:
    """Every version with its last day in force (`domain.criteria.periods`), oldest first."""
    by_number = {v.criteria_version: v for v in versions}
    return [
        criteria_read(by_number[period.version], period.effective_to, period.is_in_force(today))
        for period in periods([(v.criteria_version, v.effective_from) for v in versions])
    ]


def criteria_read_in(
    history: Sequence[AllocationCriteria], criteria: AllocationCriteria, today: date
) -> CriteriaRead:
    """One version of `history`, with the last day it was in force."""
    return next(r for r in criteria_reads(history, today) if r.version == criteria.criteria_version)


def criteria_read(
    criteria: AllocationCriteria, effective_to: date | None, in_force: bool
) -> CriteriaRead:
    return CriteriaRead.model_validate(
        {
            "version": criteria.criteria_version,
            "effective_from": criteria.effective_from,
            "effective_to": effective_to,
            "text": criteria.text,
            "conditions": criteria.conditions,
            "source": criteria.source,
            "created_at": criteria.created_at,
            "in_force": in_force,
        }
    )


def unit_refs(deliveries: Sequence[UnitService]) -> list[UnitRef]:
    return [
        UnitRef.model_validate(
            {
                "code": d.unit.code,
                "name": d.unit.name,
                "kind": d.unit.kind,
                "capacity": d.capacity,
                "capacity_unit": d.capacity_unit,
            }
        )
        for d in deliveries
    ]


def service_read(detail: ServiceTypeDetail, today: date) -> ServiceTypeRead:
    service = detail.service
    versions = criteria_reads(detail.criteria, today)
    return ServiceTypeRead(
        **dict(service_summary(service)),
        description=LocalizedText.model_validate(service.description),
        legal_basis=[legal_basis_read(basis) for basis in service.legal_basis],
        appeal_body=AppealBody(service.appeal_body),
        caregiver_is_party=service.caregiver_is_party,
        user_fee=UserFee.model_validate(service.user_fee),
        kpr_code=service.kpr_code,
        requires_lower_level_review=service.requires_lower_level_review,
        is_long_term_place=service.is_long_term_place,
        is_bpa=service.is_bpa,
        active_from=service.active_from,
        active_to=service.active_to,
        version=service.version,
        current_criteria=next((v for v in versions if v.in_force), None),
        units=unit_refs(detail.deliveries),
    )


def unit_read(unit: Unit) -> UnitRead:
    return UnitRead.model_validate(
        {
            "id": unit.id,
            "code": unit.code,
            "name": unit.name,
            "kind": unit.kind,
            "address": unit.address,
            "services": [
                UnitServiceRead.model_validate(
                    {
                        "service_type": s.service_type.code,
                        "capacity": s.capacity,
                        "capacity_unit": s.capacity_unit,
                    }
                )
                for s in sorted(unit.services, key=lambda s: s.service_type.code)
            ],
        }
    )


def metric_read(metric: Metric) -> MetricRead:
    return MetricRead(
        code=metric.code,
        kind=metric.kind,
        label=LocalizedText(nb=metric.label_nb, nn=metric.label_nb, en=metric.label_en),
        low=metric.low,
        high=metric.high,
        choices=list(metric.choices),
    )


def metric_reads() -> list[MetricRead]:
    return [metric_read(metric) for metric in METRICS.values()]


def service_evaluation(
    service: ServiceType, criteria: AllocationCriteria | None, facts: Mapping[str, Any]
) -> ServiceEvaluation:
    """How `facts` fare against the service's criteria (no criteria: nothing to fail)."""
    met, findings = evaluate(criteria.conditions if criteria else [], facts)
    return ServiceEvaluation(
        service_type=service_summary(service),
        criteria_version=criteria.criteria_version if criteria else None,
        met=met,
        findings=[FindingRead.model_validate(vars(finding)) for finding in findings],
    )

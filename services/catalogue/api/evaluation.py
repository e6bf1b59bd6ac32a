"""Testing a person's assessment against the criteria in force: which services fit, and why."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import or_, select

from services.catalogue.api.views import service_summary
from services.catalogue.domain.criteria import (
    CriteriaError,
    evaluate,
    validate_facts,
    version_in_force,
)
from services.catalogue.models import AllocationCriteria, ServiceType
from services.catalogue.repository import CatalogueRepoDep
from services.catalogue.schemas import EvaluationRequest
from shared.auth import CurrentPrincipal
from shared.clock import Today
from shared.errors import RuleViolation, problem_responses
from shared.schemas.catalogue import FindingRead, ServiceEvaluation

router = APIRouter(tags=["criteria"])


@router.post(
    "/criteria/evaluate",
    response_model=list[ServiceEvaluation],
    responses=problem_responses(422),
    operation_id="evaluate_criteria",
)
async def evaluate_criteria(
    body: EvaluationRequest, repo: CatalogueRepoDep, _: CurrentPrincipal, today: Today
) -> list[ServiceEvaluation]:
    """Every service in force, lowest care level first, with whether the facts meet its criteria."""
    try:
        validate_facts(body.facts, "body.facts")
    except CriteriaError as exc:
        raise RuleViolation(exc.path.removesuffix(".value"), str(exc)) from exc
    day = body.on or today
    services = (
        await repo.session.scalars(
            select(ServiceType).where(
                ServiceType.active_from <= day,
                or_(ServiceType.active_to.is_(None), ServiceType.active_to >= day),
            )
        )
    ).all()
    criteria = (await repo.session.scalars(select(AllocationCriteria))).all()
    by_service: dict[object, list[AllocationCriteria]] = {}
    for row in criteria:
        by_service.setdefault(row.service_type_id, []).append(row)
    results = []
    for service in services:
        versions = by_service.get(service.id, [])
        number = version_in_force([(v.criteria_version, v.effective_from) for v in versions], day)
        conditions = next((v.conditions for v in versions if v.criteria_version == number), [])
        met, findings = evaluate(conditions, body.facts)
        results.append(
            ServiceEvaluation(
                service_type=service_summary(service),
                criteria_version=number,
                met=met,
                findings=[FindingRead(**vars(f)) for f in findings],
            )
        )
    results.sort(key=lambda r: (r.service_type.care_level.rank, r.service_type.code))
    return results

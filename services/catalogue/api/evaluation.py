"""Testing a person's assessment against the criteria in force: which services fit, and why."""

from __future__ import annotations

from fastapi import APIRouter

from services.catalogue.api import EVERY_ROLE
from services.catalogue.api.views import service_evaluation
from services.catalogue.domain.criteria import validate_facts
from services.catalogue.repositories import ServiceTypeRepo
from services.catalogue.schemas import EvaluationRequest
from shared.clock import Today
from shared.errors import problem_responses
from shared.permissions import allow
from shared.schemas.catalogue import ServiceEvaluation

router = APIRouter(tags=["criteria"], dependencies=[allow(*EVERY_ROLE)])


@router.post(
    "/criteria/evaluate",
    response_model=list[ServiceEvaluation],
    responses=problem_responses(422),
    operation_id="evaluate_criteria",
)
async def evaluate_criteria(
    body: EvaluationRequest, service_types: ServiceTypeRepo, today: Today
) -> list[ServiceEvaluation]:
    """Every service in force, lowest care level first, with whether the facts meet its criteria."""
    validate_facts(body.facts, "body.facts")
    offered = await service_types.offered_with_criteria(body.on or today)
    return [service_evaluation(service, criteria, body.facts) for service, criteria in offered]

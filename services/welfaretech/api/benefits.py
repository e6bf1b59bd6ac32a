"""Benefit realisation: measurements per loan, the ledger, the leaders' dashboard."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from services.welfaretech.api.deps import DASHBOARD, MEASURER, PERSON_READER, WorkDep
from services.welfaretech.api.problems import errors
from services.welfaretech.api.views import dashboard_read, loan_benefits, measurement_read
from services.welfaretech.domain.problems import BaselineExists, BaselineMissing
from services.welfaretech.flows import benefits as flow
from services.welfaretech.schemas import (
    BenefitDashboard,
    LoanBenefits,
    MeasurementCreate,
    MeasurementRead,
)
from shared.errors import problem_responses

router = APIRouter(tags=["benefits"])


@router.post(
    "/loans/{loan_id}/measurements",
    status_code=201,
    response_model=MeasurementRead,
    responses=errors(403, 404, conflict=(BaselineExists, BaselineMissing)),
    operation_id="record_measurement",
    dependencies=[MEASURER],
)
async def record_measurement(
    loan_id: uuid.UUID, body: MeasurementCreate, work: WorkDep
) -> MeasurementRead:
    """A baseline (week 0, by the team) or a follow-up after set weeks (also home care)."""
    return measurement_read(await flow.record(work, loan_id, body))


@router.get(
    "/loans/{loan_id}/benefits",
    response_model=LoanBenefits,
    responses=problem_responses(403, 404),
    operation_id="get_loan_benefits",
    dependencies=[PERSON_READER],
)
async def get_loan_benefits(loan_id: uuid.UUID, work: WorkDep) -> LoanBenefits:
    """The loan's measurements and its ledger: each measure, the numbers and the formula."""
    return loan_benefits(await flow.for_loan(work, loan_id))


@router.get(
    "/benefits/dashboard",
    response_model=BenefitDashboard,
    operation_id="get_benefit_dashboard",
    dependencies=[DASHBOARD],
)
async def get_benefit_dashboard(work: WorkDep) -> BenefitDashboard:
    """Gains per technology and for the municipality, with the loans behind every figure."""
    return dashboard_read(work.user.municipality, await flow.dashboard(work))

"""Benefit realisation: measurements per loan, the ledger, the leaders' dashboard."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from services.welfaretech.api.deps import DASHBOARD, MEASURER, PERSON_READER, WorkDep
from services.welfaretech.api.problems import errors
from services.welfaretech.api.views import (
    dashboard_read,
    loan_benefits,
    measured_loan,
    measurement_read,
)
from services.welfaretech.domain.problems import BaselineExists, BaselineMissing
from services.welfaretech.flows import benefits as flow
from services.welfaretech.schemas import (
    BenefitDashboard,
    LoanBenefits,
    MeasuredLoanRead,
    MeasurementCreate,
    MeasurementRead,
)
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page

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
    """Gains per technology and for the municipality, summed over each measured loan's
    baseline and latest follow-up. Aggregates only; the loans behind a figure are at
    `/benefits/dashboard/loans`."""
    return dashboard_read(work.user.municipality, await flow.dashboard(work))


@router.get(
    "/benefits/dashboard/loans",
    response_model=Page[MeasuredLoanRead],
    responses=problem_responses(422),
    operation_id="list_dashboard_loans",
    dependencies=[PERSON_READER],
)
async def list_dashboard_loans(
    work: WorkDep,
    technology: Annotated[
        str | None,
        Query(max_length=60, description="A technology's code; none for the municipality"),
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[MeasuredLoanRead]:
    """The loans behind a dashboard figure, oldest installation first: each loan's baseline,
    latest follow-up and gain per measure. As the loans list: clinicians see their own
    units' loans, and each loan listed is in the access log."""
    items, next_cursor = await flow.measured_loans(
        work, technology=technology, limit=limit, cursor=cursor
    )
    return Page[MeasuredLoanRead](
        items=[measured_loan(item) for item in items], next_cursor=next_cursor
    )

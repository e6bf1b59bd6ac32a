"""Loans: install, check, return; overdue checks; deviations raised in the quality service."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from fastapi import APIRouter, Response

from services.welfaretech.api.deps import PERSON_READER, TEAM, Idempotent, WorkDep
from services.welfaretech.api.problems import errors
from services.welfaretech.api.views import loan_read, loan_summary
from services.welfaretech.domain.legal import LegalBasisMissing
from services.welfaretech.domain.loans import ListedLoan
from services.welfaretech.domain.problems import (
    DeviceAlreadyOnLoan,
    DeviceNotAvailable,
    LoanAlreadyEnded,
    ProvidedOtherwise,
    RecommendationNotAccepted,
)
from services.welfaretech.flows import Work
from services.welfaretech.flows import loans as flow
from services.welfaretech.models import Loan
from services.welfaretech.schemas import (
    CheckCreate,
    LoanCreate,
    LoanEnd,
    LoanRead,
    LoanSummary,
    RetryResult,
)
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import Conflict, problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page
from shared.schemas.welfaretech import LoanStatus

router = APIRouter(tags=["loans"])


async def _shown(work: Work, loans: Sequence[Loan], *, read: bool = False) -> list[LoanRead]:
    """The loans as shown: the persons' names from intake (a list still loads when intake is
    down, the names null) and the § 4-6 a decision each rests on today."""
    names, legal = await _context(work, [flow.on_technology(loan) for loan in loans], read=read)
    return [loan_read(loan, work.today, names, legal) for loan in loans]


async def _listed(work: Work, loans: Sequence[ListedLoan]) -> list[LoanSummary]:
    """The loans as lists show them: as `_shown`, without their checks and deviations. Only
    for reads: the request's transaction is committed before intake is asked."""
    names, legal = await _context(work, loans, read=True)
    return [loan_summary(loan, work.today, names, legal) for loan in loans]


async def _context(
    work: Work, loans: Sequence[flow.LoanOnTechnology], *, read: bool
) -> tuple[dict[uuid.UUID, str | None], dict[uuid.UUID, flow.LegalBasis]]:
    """The § 4-6 a bases and the names (intake) a page of loans is shown with. A `read` is
    done with the database once it has the bases: it commits (its access-log rows) and frees
    its connection before it waits on intake."""
    legal = await flow.legal_bases(work, loans)
    if read:
        await work.commit_before_waiting()
    return await work.intake_api().names(loan.person_id for loan in loans), legal


@router.post(
    "/loans",
    status_code=201,
    response_model=LoanRead,
    responses=errors(
        404,
        conflict=(
            DeviceAlreadyOnLoan,
            DeviceNotAvailable,
            RecommendationNotAccepted,
            ProvidedOtherwise,
            LegalBasisMissing,
            Conflict,
        ),
    ),
    operation_id="start_loan",
    dependencies=[TEAM],
)
async def start_loan(body: LoanCreate, work: WorkDep, idempotent: Idempotent) -> Response:
    """Install a device at the person. A device on loan elsewhere is a 409."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    loan = await flow.start(work, body)
    [shown] = await _shown(work, [loan])
    return await idempotent.respond(201, shown, headers={"ETag": f'"{loan.version}"'})


@router.get(
    "/loans",
    response_model=Page[LoanSummary],
    operation_id="list_loans",
    dependencies=[PERSON_READER],
)
async def list_loans(
    work: WorkDep,
    status: LoanStatus | None = None,
    person_id: uuid.UUID | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[LoanSummary]:
    """Loans, oldest installation first; clinicians see their own units' loans. Each names
    the person as intake shows them; when intake is down the list still loads, the names
    marked unavailable. A loan's checks and deviations are on the loan (`get_loan`)."""
    page = await work.loans.page(
        status=status,
        person_id=person_id,
        units=flow.visible_units(work),
        limit=limit,
        cursor=cursor,
    )
    await flow.log_listed(work, page.items)
    return Page[LoanSummary](
        items=await _listed(work, page.items),
        next_cursor=page.next_cursor,
    )


@router.get(
    "/loans/overdue-checks",
    response_model=list[LoanSummary],
    operation_id="list_overdue_checks",
    dependencies=[TEAM],
)
async def list_overdue_checks(work: WorkDep, limit: Limit = 100) -> list[LoanSummary]:
    """Open loans whose scheduled check (alarm test, battery, service) is overdue."""
    loans = await flow.overdue(work, limit)
    return await _listed(work, loans)


@router.get(
    "/loans/{loan_id}",
    response_model=LoanRead,
    responses=problem_responses(403, 404),
    operation_id="get_loan",
    dependencies=[PERSON_READER],
)
async def get_loan(loan_id: uuid.UUID, work: WorkDep, response: Response) -> LoanRead:
    """One loan; the read is in the access log."""
    loan = await flow.get(work, loan_id)
    set_etag(response, loan.version)
    return (await _shown(work, [loan], read=True))[0]


@router.post(
    "/loans/{loan_id}/checks",
    status_code=201,
    response_model=LoanRead,
    responses=errors(403, 404, conflict=(LoanAlreadyEnded,)),
    operation_id="record_check",
    dependencies=[TEAM],
)
async def record_check(
    loan_id: uuid.UUID, body: CheckCreate, work: WorkDep, response: Response
) -> LoanRead:
    """A scheduled check; a failed alarm test raises an avvik in the quality service."""
    loan = await flow.record_check(work, loan_id, body)
    set_etag(response, loan.version)
    return (await _shown(work, [loan]))[0]


@router.post(
    "/loans/{loan_id}/end",
    response_model=LoanRead,
    responses=errors(404, 412, 428, conflict=(LoanAlreadyEnded,)),
    operation_id="end_loan",
    dependencies=[TEAM],
)
async def end_loan(
    loan_id: uuid.UUID, body: LoanEnd, work: WorkDep, if_match: IfMatchVersion, response: Response
) -> LoanRead:
    """Return the device; it goes back to stock, to repair or is retired."""
    loan = await flow.end(work, loan_id, body, if_match)
    set_etag(response, loan.version)
    return (await _shown(work, [loan]))[0]


@router.post(
    "/deviation-reports/retry",
    response_model=RetryResult,
    operation_id="retry_deviation_reports",
    dependencies=[TEAM],
)
async def retry_deviation_reports(work: WorkDep) -> RetryResult:
    """Send again the avvik the quality service has not taken yet (it was down)."""
    attempted, delivered, left = await flow.retry_pending(work)
    return RetryResult(attempted=attempted, delivered=delivered, still_pending=left)

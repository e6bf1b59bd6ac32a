"""Individual plans: versions, compare, consent, activation and closing."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.coordination.api.deps import (
    COORDINATING_UNIT,
    INBOX_READER,
    PLAN_CONTENT_READER,
    Idempotent,
    WorkDep,
)
from services.coordination.api.views import (
    consent_read,
    plan_list_item,
    plan_read,
    version_detail,
    version_read,
)
from services.coordination.flows import plans as flow
from services.coordination.schemas import (
    ConsentCreate,
    ConsentRead,
    ConsentWithdrawal,
    PlanClose,
    PlanComparison,
    PlanCreate,
    PlanListItem,
    PlanRead,
    PlanUpdate,
    PlanVersionDetail,
    PlanVersionRead,
)
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page
from shared.schemas.coordination import PlanStatus

router = APIRouter(tags=["plans"])
EDIT_ERRORS = problem_responses(403, 404, 409, 412, 428)


@router.post(
    "/plans",
    status_code=201,
    response_model=PlanRead,
    responses=problem_responses(403, 404, 409),
    operation_id="create_plan",
    dependencies=[COORDINATING_UNIT],
)
async def create_plan(body: PlanCreate, work: WorkDep, idempotent: Idempotent) -> Response:
    """A draft plan, started by the person's koordinator."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    plan = await flow.create(work, body)
    view = await flow.read(work, plan.id)
    return await idempotent.respond(
        201, plan_read(view, work.today), headers={"ETag": f'"{plan.version}"'}
    )


@router.get(
    "/plans",
    response_model=Page[PlanListItem],
    operation_id="list_plans",
    dependencies=[INBOX_READER],
)
async def list_plans(
    work: WorkDep,
    person_id: Annotated[uuid.UUID | None, Query()] = None,
    status: Annotated[PlanStatus | None, Query()] = None,
    mine: Annotated[bool, Query(description="Only plans of persons you coordinate")] = False,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[PlanListItem]:
    """Plans without their content (who has one, in which state)."""
    page = await flow.page(
        work, person_id=person_id, status=status, mine=mine, limit=limit, cursor=cursor
    )
    return Page[PlanListItem](
        items=[plan_list_item(p) for p in page.items], next_cursor=page.next_cursor
    )


@router.get(
    "/plans/{plan_id}",
    response_model=PlanRead,
    responses=problem_responses(403, 404),
    operation_id="get_plan",
    dependencies=[PLAN_CONTENT_READER],
)
async def get_plan(plan_id: uuid.UUID, work: WorkDep, response: Response) -> PlanRead:
    """The plan, within need to know and the person's consent; every read is logged. When
    intake does not answer, the plan still opens with its decisions marked unavailable."""
    view = await flow.open_for_reading(work, plan_id)
    set_etag(response, view.plan.version)
    return plan_read(view, work.today)


@router.put(
    "/plans/{plan_id}",
    response_model=PlanRead,
    responses=EDIT_ERRORS,
    operation_id="update_plan",
    dependencies=[COORDINATING_UNIT],
)
async def update_plan(
    plan_id: uuid.UUID,
    body: PlanUpdate,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> PlanRead:
    """Save the next version (goals, measures, team, next evaluation). A stale `If-Match`
    is a 412: somebody saved in between; compare the versions and redo the change."""
    await flow.update(work, plan_id, body, if_match)
    view = await flow.read(work, plan_id)
    set_etag(response, view.plan.version)
    return plan_read(view, work.today)


@router.post(
    "/plans/{plan_id}/activate",
    response_model=PlanRead,
    responses=EDIT_ERRORS,
    operation_id="activate_plan",
    dependencies=[COORDINATING_UNIT],
)
async def activate_plan(
    plan_id: uuid.UUID, work: WorkDep, if_match: IfMatchVersion, response: Response
) -> PlanRead:
    """Draft → active: only with a consent in force and at least one goal."""
    await flow.activate(work, plan_id, if_match)
    view = await flow.read(work, plan_id)
    set_etag(response, view.plan.version)
    return plan_read(view, work.today)


@router.post(
    "/plans/{plan_id}/close",
    response_model=PlanRead,
    responses=EDIT_ERRORS,
    operation_id="close_plan",
    dependencies=[COORDINATING_UNIT],
)
async def close_plan(
    plan_id: uuid.UUID,
    body: PlanClose,
    work: WorkDep,
    if_match: IfMatchVersion,
    response: Response,
) -> PlanRead:
    """Close the plan with a reason; it is kept, never changed again."""
    await flow.close(work, plan_id, body.reason, if_match)
    view = await flow.read(work, plan_id)
    set_etag(response, view.plan.version)
    return plan_read(view, work.today)


@router.get(
    "/plans/{plan_id}/versions",
    response_model=list[PlanVersionRead],
    responses=problem_responses(403, 404),
    operation_id="list_plan_versions",
    dependencies=[PLAN_CONTENT_READER],
)
async def list_plan_versions(plan_id: uuid.UUID, work: WorkDep) -> list[PlanVersionRead]:
    return [version_read(v) for v in await flow.versions(work, plan_id)]


@router.get(
    "/plans/{plan_id}/versions/{number}",
    response_model=PlanVersionDetail,
    responses=problem_responses(403, 404),
    operation_id="get_plan_version",
    dependencies=[PLAN_CONTENT_READER],
)
async def get_plan_version(plan_id: uuid.UUID, number: int, work: WorkDep) -> PlanVersionDetail:
    return version_detail(await flow.version(work, plan_id, number))


@router.get(
    "/plans/{plan_id}/compare",
    response_model=PlanComparison,
    responses=problem_responses(403, 404),
    operation_id="compare_plan_versions",
    dependencies=[PLAN_CONTENT_READER],
)
async def compare_plan_versions(
    plan_id: uuid.UUID,
    work: WorkDep,
    from_version: Annotated[int, Query(alias="from", ge=1)],
    to_version: Annotated[int, Query(alias="to", ge=1)],
) -> PlanComparison:
    """What changed between two versions: items added, removed and changed, field by field."""
    comparison = await flow.compare(work, plan_id, from_version, to_version)
    return PlanComparison.model_validate(comparison.model_dump())


@router.post(
    "/plans/{plan_id}/consents",
    status_code=201,
    response_model=ConsentRead,
    responses=problem_responses(403, 404, 409, 503),
    operation_id="record_consent",
    dependencies=[COORDINATING_UNIT],
)
async def record_consent(
    plan_id: uuid.UUID, body: ConsentCreate, work: WorkDep, idempotent: Idempotent
) -> Response:
    """Who consented (the person, or a guardian/fullmakt within its scope), when, to what,
    until when."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    consent = await flow.record_consent(work, plan_id, body)
    return await idempotent.respond(201, consent_read(consent, work.today))


@router.post(
    "/plans/{plan_id}/consents/{consent_id}/withdraw",
    response_model=ConsentRead,
    responses=problem_responses(403, 404, 409),
    operation_id="withdraw_consent",
    dependencies=[COORDINATING_UNIT],
)
async def withdraw_consent(
    plan_id: uuid.UUID, consent_id: uuid.UUID, body: ConsentWithdrawal, work: WorkDep
) -> ConsentRead:
    """Withdrawn: the sharing it covered closes at once; the plan stays for the person and
    the koordinator."""
    consent = await flow.withdraw_consent(work, plan_id, consent_id, body)
    return consent_read(consent, work.today)

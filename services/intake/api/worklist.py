"""The caseworker's deadline worklist: overdue first, a page at a time, with counts per kind."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from services.intake.api.deps import CASE_READER, WorkDep
from services.intake.api.views import worklist_item
from services.intake.domain.worklist import COUNT_CAP, Kind, Scope
from services.intake.flows import worklist as flow
from services.intake.schemas import WorklistCount, WorklistPage
from shared.pagination import Cursor, Limit

router = APIRouter(tags=["worklist"])


async def count_cap() -> int:
    """How far the worklist counts each bucket of each kind (a dependency, so a test can lower
    it rather than make a hundred tasks)."""
    return COUNT_CAP


@router.get(
    "/worklist",
    response_model=WorklistPage,
    operation_id="get_worklist",
    dependencies=[CASE_READER],
)
async def get_worklist(
    work: WorkDep,
    cap: Annotated[int, Depends(count_cap)],
    scope: Annotated[Scope, Query(description="Mine, my units', or all tasks")] = Scope.all,
    kind: Annotated[list[Kind] | None, Query(description="Only these kinds of task")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> WorklistPage:
    """Interim replies owed, reviews and ends coming due, approvals, unsent decisions, appeals;
    overdue first, then the nearest deadline. `counts` give each kind's tasks in the scope:
    overdue, due within a week and later each counted up to `count_cap`, beyond which the count
    is marked a lower bound («more than»)."""
    found = await flow.tasks(
        work, scope, set(kind or []), limit=limit, cursor=cursor, count_cap=cap
    )
    return WorklistPage(
        items=[worklist_item(due, work.today, work.user.sub) for due in found.items],
        next_cursor=found.next_cursor,
        counts=[
            WorklistCount(
                kind=count.kind,
                total=count.total.value,
                total_is_lower_bound=count.total.more,
                overdue=count.overdue.value,
                overdue_is_lower_bound=count.overdue.more,
                due_within_a_week=count.due_within_a_week.value,
                due_within_a_week_is_lower_bound=count.due_within_a_week.more,
            )
            for count in found.counts
        ],
        count_cap=found.count_cap,
    )

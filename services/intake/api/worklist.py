"""The caseworker's deadline worklist: overdue first."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from services.intake.api.deps import CASE_READER, WorkDep
from services.intake.api.views import worklist_item
from services.intake.domain.worklist import Kind, Scope
from services.intake.flows import worklist as flow
from services.intake.schemas import WorklistItem

router = APIRouter(tags=["worklist"])


@router.get(
    "/worklist",
    response_model=list[WorklistItem],
    operation_id="get_worklist",
    dependencies=[CASE_READER],
)
async def get_worklist(
    work: WorkDep,
    scope: Annotated[Scope, Query(description="Mine, my units', or all tasks")] = Scope.all,
    kind: Annotated[list[Kind] | None, Query(description="Only these kinds of task")] = None,
) -> list[WorklistItem]:
    """Interim replies owed, reviews and ends coming due, approvals, unsent decisions, appeals;
    overdue first."""
    found = await flow.tasks(work, scope, set(kind or []))
    return [worklist_item(due, work.today, work.user.sub) for due in found]

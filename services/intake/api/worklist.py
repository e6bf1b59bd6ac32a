"""The caseworker's deadline worklist: overdue first."""

from __future__ import annotations

from fastapi import APIRouter

from services.intake.api.deps import CASE_READER, WorkDep
from services.intake.api.views import worklist_item
from services.intake.flows import worklist as flow
from services.intake.schemas import WorklistItem

router = APIRouter(tags=["worklist"])


@router.get(
    "/worklist",
    response_model=list[WorklistItem],
    operation_id="get_worklist",
    dependencies=[CASE_READER],
)
async def get_worklist(work: WorkDep) -> list[WorklistItem]:
    """Interim replies owed, reviews and ends coming due, approvals, unsent decisions, appeals."""
    return [worklist_item(due, work.today) for due in await flow.tasks(work)]

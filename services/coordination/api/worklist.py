"""Worklists and the overview for the koordinerende enhet and leaders."""

from __future__ import annotations

from fastapi import APIRouter

from services.coordination.api.deps import OVERVIEW_READER, WORKLIST_READER, WorkDep
from services.coordination.flows import worklist as flow
from services.coordination.schemas import Overview, WorklistItem

router = APIRouter(tags=["worklist"])


@router.get(
    "/worklist",
    response_model=list[WorklistItem],
    operation_id="get_coordination_worklist",
    dependencies=[WORKLIST_READER],
)
async def get_coordination_worklist(work: WorkDep) -> list[WorklistItem]:
    """Persons with a decided service in your unit but no primærkontakt there, plans overdue
    for evaluation, measures past due, meetings without minutes; earliest first."""
    return await flow.worklist(work)


@router.get(
    "/overview",
    response_model=Overview,
    operation_id="get_overview",
    dependencies=[OVERVIEW_READER],
)
async def get_overview(work: WorkDep) -> Overview:
    """Antall aktive IP, persons needing a koordinator, caseloads and hand-overs."""
    return await flow.overview(work)

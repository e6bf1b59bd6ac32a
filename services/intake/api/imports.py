"""Migration import: existing persons, decisions, appeals and waiting lists, all or nothing."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from services.intake.api.deps import IMPORTER, AllowSyntheticIds, CatalogueApiDep, WorkDep
from services.intake.flows import imports as flow
from services.intake.schemas import ImportDocument, ImportResult
from shared.errors import problem_responses

router = APIRouter(tags=["import"])


@router.post(
    "/imports",
    response_model=ImportResult,
    responses=problem_responses(503),
    operation_id="import_cases",
    dependencies=[IMPORTER],
)
async def import_cases(
    body: ImportDocument,
    work: WorkDep,
    catalogue: CatalogueApiDep,
    allow_synthetic: AllowSyntheticIds,
    dry_run: Annotated[bool, Query(description="Check every row; store nothing")] = False,
) -> ImportResult:
    """Import existing cases (docs/import.md). Every row is checked; one bad row is a 422 that
    names every bad row, and nothing is stored."""
    return await flow.run(work, body, catalogue, allow_synthetic=allow_synthetic, dry_run=dry_run)

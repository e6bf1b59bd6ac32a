"""A person's welfare-technology access log, for leaders and the velferdsteknolog of the
person's open case; paged, and exported as CSV for the person's innsyn request."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.welfaretech.api.deps import WorkDep
from services.welfaretech.flows import access_log as flow
from shared.access_log import AccessLogRead, CsvExportFormat, csv_download
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.permissions import allow
from shared.schemas.common import Page
from shared.schemas.roles import Role

router = APIRouter(tags=["access log"])

ACCESS_LOG_READER = allow(Role.welfare_technologist, Role.clinician, Role.caseworker, Role.manager)
"""Those who may reach a person's data here ask; leaders, and the velferdsteknolog of the
person's open case, read the log; every other attempt is a 403 in the log
(flows/access_log.py)."""


@router.get(
    "/persons/{person_id}/access-log",
    response_model=Page[AccessLogRead],
    responses=problem_responses(403, 404),
    operation_id="get_person_access_log",
    dependencies=[ACCESS_LOG_READER],
)
async def get_person_access_log(
    person_id: uuid.UUID, work: WorkDep, limit: Limit = 100, cursor: Cursor = None
) -> Page[AccessLogRead]:
    """Who has looked at, changed or been refused this person's welfare-technology data,
    newest first, a page at a time: for leaders and the velferdsteknolog of the person's open
    referral, assessment or loan. A person this service has never seen is a 404. Reading it
    is logged."""
    page = await flow.read(work, person_id, limit, cursor)
    return Page[AccessLogRead](
        items=[AccessLogRead.model_validate(row) for row in page.items],
        next_cursor=page.next_cursor,
    )


@router.get(
    "/persons/{person_id}/access-log/export",
    response_class=Response,
    responses={
        200: {"description": "The whole log, oldest first, as CSV", "content": {"text/csv": {}}},
        **problem_responses(403, 404),
    },
    operation_id="export_person_access_log",
    dependencies=[ACCESS_LOG_READER],
)
async def export_person_access_log(
    person_id: uuid.UUID,
    work: WorkDep,
    file_format: Annotated[CsvExportFormat, Query(alias="format")] = CsvExportFormat.csv,
) -> Response:
    """The person's welfare-technology access log for their innsyn request (pbrl § 5-1,
    pasientjournalloven § 18: who has had access to their data), as CSV (semicolon-separated,
    Oslo time); the export is itself logged. The printable PDF is intake's."""
    rows = await flow.export(work, person_id, file_format.value)
    return csv_download(
        rows, f"tilgangslogg-velferdsteknologi-{str(person_id)[:8]}-{work.today.isoformat()}"
    )

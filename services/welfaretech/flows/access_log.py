"""A person's welfare-technology access log: who has read, changed or been refused their
data here, for leaders and the velferdsteknolog of the person's open case (the shared rule
of `shared/access_log.py`), paged and exported for the person's innsyn request."""

from __future__ import annotations

import uuid
from typing import Any

from services.welfaretech.flows import ACCESS_LOG, Work
from shared.access_log import PersonLogReaders
from shared.errors import NotFound
from shared.schemas.common import Page
from shared.schemas.roles import Role

READERS = PersonLogReaders(
    leaders=frozenset({Role.manager}),
    case_roles=frozenset({Role.welfare_technologist}),
    refusal=(
        "A person's welfare-technology access log is for leaders and for the velferdsteknolog "
        "of the person's open case"
    ),
)


async def _check_may_read(work: Work, person_id: uuid.UUID) -> None:
    """A person welfaretech has never seen is a 404; then leaders, and the velferdsteknolog
    whose referral, assessment or loan of the person is still open (a refusal is logged)."""
    if not await work.persons.known(person_id):
        raise NotFound("Welfare technology knows no such person in this municipality")
    handles = work.user.has_any(Role.welfare_technologist) and (
        await work.persons.handles_open_case(person_id, work.user.sub)
    )
    await ACCESS_LOG.check_may_read_log(
        work.session, work.user, person_id, handles_open_case=handles, readers=READERS
    )


async def read(work: Work, person_id: uuid.UUID, limit: int, cursor: str | None) -> Page[Any]:
    """The person's log newest first, a page at a time; reading it is logged."""
    await _check_may_read(work, person_id)
    return await ACCESS_LOG.read_person_log(work.session, work.user, person_id, limit, cursor)


async def export(work: Work, person_id: uuid.UUID, file_format: str) -> list[Any]:
    """The person's whole log, oldest first, for their innsyn request; the export is logged."""
    await _check_may_read(work, person_id)
    return await ACCESS_LOG.export_person_log(work.session, work.user, person_id, file_format)

"""A person's quality access log: who has read, changed or been refused the deviations about
them, for leaders and the kvalitetsleder (the shared rule of `shared/access_log.py`), paged
and exported for the person's innsyn request."""

from __future__ import annotations

import uuid
from typing import Any

from services.quality.flows import ACCESS_LOG, Work
from shared.access_log import PersonLogReaders
from shared.errors import NotFound
from shared.schemas.common import Page
from shared.schemas.roles import Role

READERS = PersonLogReaders(
    leaders=frozenset({Role.manager, Role.quality_lead}),
    case_roles=frozenset(),
    refusal="A person's quality access log is for leaders and the quality lead",
)
"""Deviations have no caseworker: their handlers are the unit's leader and the kvalitetsleder,
who read the log of every person a deviation is about."""


async def _check_may_read(work: Work, person_id: uuid.UUID) -> None:
    """A person no deviation is about and no log line names is a 404; then leaders and the
    kvalitetsleder (a refusal is logged)."""
    if not await work.persons.known(person_id):
        raise NotFound("Quality knows no such person in this municipality")
    await ACCESS_LOG.check_may_read_log(
        work.session, work.user, person_id, handles_open_case=False, readers=READERS
    )


async def read(work: Work, person_id: uuid.UUID, limit: int, cursor: str | None) -> Page[Any]:
    """The person's log newest first, a page at a time; reading it is logged."""
    await _check_may_read(work, person_id)
    return await ACCESS_LOG.read_person_log(work.session, work.user, person_id, limit, cursor)


async def export(work: Work, person_id: uuid.UUID, file_format: str) -> list[Any]:
    """The person's whole log, oldest first, for their innsyn request; the export is logged."""
    await _check_may_read(work, person_id)
    return await ACCESS_LOG.export_person_log(work.session, work.user, person_id, file_format)

"""Whether coordination has ever seen a person in this municipality."""

from __future__ import annotations

import uuid

from sqlalchemy import exists, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from services.coordination.models import (
    CoordinationRequest,
    CoordinatorAssignment,
    PersonService,
    Plan,
    PrimaryContact,
    RelativeConversation,
)

_PERSON_TABLES = (
    CoordinationRequest,
    CoordinatorAssignment,
    PrimaryContact,
    PersonService,
    Plan,
    RelativeConversation,
)


class PersonRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def known(self, person_id: uuid.UUID) -> bool:
        """A row about the person in any of coordination's own tables (row-level security
        keeps it to the caller's municipality): a request, a koordinator or primærkontakt,
        a decided service from intake's feed, a plan or a pårørendesamtale."""
        rows = union_all(
            *(select(table.id).where(table.person_id == person_id) for table in _PERSON_TABLES)
        ).subquery()
        return bool(await self.session.scalar(select(exists(select(rows.c[0])))))

"""Decisions (enkeltvedtak)."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Row, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.intake.domain.decisions import MADE
from services.intake.models import Decision, Person
from services.intake.repositories.persons import serving_bound, serving_values
from shared import need_to_know
from shared.errors import NotFound, RuleViolation
from shared.pagination import Keyset
from shared.schemas.common import Page
from shared.schemas.intake import DecisionStatus, Outcome


class DecisionRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, decision_id: uuid.UUID, field: str | None = None) -> Decision:
        decision = await self.session.get(Decision, decision_id)
        if decision is None:
            if field:
                raise RuleViolation(field, "There is no such decision")
            raise NotFound("There is no such decision")
        return decision

    async def add(self, decision: Decision) -> Decision:
        self.session.add(decision)
        await self.session.flush()
        return decision

    async def on_application_service(
        self, application_id: uuid.UUID, service_type: str
    ) -> Sequence[Decision]:
        """Every decision on one service asked for in one application (a chain of changes)."""
        return (
            await self.session.scalars(
                select(Decision).where(
                    Decision.application_id == application_id,
                    Decision.service_type == service_type,
                )
            )
        ).all()

    async def made_service_types(self, application_id: uuid.UUID) -> set[str]:
        """The service types of an application that have a made decision."""
        rows = await self.session.scalars(
            select(Decision.service_type).where(
                Decision.application_id == application_id,
                Decision.status.in_([status.value for status in MADE]),
            )
        )
        return set(rows)

    async def granted_bpa_before(self, person_id: uuid.UUID, day: date) -> bool:
        """Whether the person was granted BPA (a decision recording the BPA right) before `day`."""
        found = await self.session.scalar(
            select(Decision.id)
            .where(
                Decision.person_id == person_id,
                Decision.status.in_([status.value for status in MADE]),
                Decision.outcome.in_([Outcome.granted, Outcome.partly_granted]),
                Decision.rights.has_key("bpa"),
                Decision.made_on < day,
            )
            .limit(1)
        )
        return found is not None

    async def for_person(self, person_id: uuid.UUID) -> Sequence[Decision]:
        return (
            await self.session.scalars(select(Decision).where(Decision.person_id == person_id))
        ).all()

    async def page(
        self,
        *,
        person_id: uuid.UUID | None,
        status: DecisionStatus | None,
        units: list[str] | None,
        limit: int,
        cursor: str | None,
        serving: tuple[date, need_to_know.RelationWindow] | None = None,
    ) -> Page[Row[Any]]:
        """Oldest first, as the columns of `LISTED`; `units` narrows to decisions delivered by
        those units, and `serving` (the day and the window) to persons those units have need
        to know of that day."""
        params: dict[str, Any] = {}
        if units is not None:
            params["list_units"] = units
            if serving is not None:
                params |= serving_values(units, *serving)
        if person_id is not None:
            params["person_id"] = person_id
        if status is not None:
            params["status"] = status
        keyset = listed_keyset(
            by_units=units is not None,
            serving=units is not None and serving is not None,
            by_person=person_id is not None,
            by_status=status is not None,
        )
        return await keyset.page(
            self.session,
            limit=limit,
            cursor=cursor,
            to_item=lambda row: row,
            rows=True,
            params=params,
        )


@functools.cache
def listed_keyset(*, by_units: bool, serving: bool, by_person: bool, by_status: bool) -> Keyset:
    """The decisions list oldest first, built once for each choice of its filters, their
    values bound when run (`list_units`, `serving_values`, `person_id`, `status`)."""
    statement = LISTED
    if by_units:
        statement = statement.where(Decision.unit.in_(bindparam("list_units", expanding=True)))
        if serving:
            statement = statement.where(serving_bound(Decision.person_id))
    if by_person:
        statement = statement.where(Decision.person_id == bindparam("person_id"))
    if by_status:
        statement = statement.where(Decision.status == bindparam("status"))
    return Keyset(statement, [Decision.created_at, Decision.id])


LISTED = select(
    Decision.id,
    Decision.person_id,
    Decision.application_id,
    Decision.replaces_id,
    Decision.service_type,
    Decision.service_name,
    Decision.care_level_rank,
    Decision.purpose,
    Decision.outcome,
    Decision.status,
    Decision.unit,
    Decision.scope_amount,
    Decision.scope_unit,
    Decision.starts_on,
    Decision.ends_on,
    Decision.review_on,
    Decision.made_on,
    Decision.sent_on,
    Decision.received_on,
    Decision.appeal_deadline,
    Decision.ended_on,
    Decision.imported_from,
    Decision.created_at,
    Decision.version,
    Person.given_name,
    Person.family_name,
    Person.birth_date,
    Person.national_id,
    Person.address["city"].astext.label("city"),
).join(Person, Person.id == Decision.person_id)
"""What a list shows of a decision (`DecisionListItem`, `IntegrationDecision`) and of its
person (`PersonSummary`), as plain columns: not the facts, considerations, legal basis,
criteria, fee, evaluations or letters' texts, nor the person's relatives. Rows, not ORM
decisions: loading 50 ORM decisions with some columns deferred set a loader on each for
every column left out (about 1,500 a page) and cost more than the rest of the list."""

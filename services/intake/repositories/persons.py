"""Persons (tjenestemottakere): find, load with their relatives, add."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ColumnElement, Select, exists, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from services.intake.domain.persons import (
    birth_dates,
    looks_like_national_id,
    query_tokens,
    spelled_tokens,
)
from services.intake.models import Application, Decision, Person
from shared.errors import Conflict, NotFound, RuleViolation
from shared.pagination import paginate
from shared.schemas.common import Page


def _word_starts(token: str) -> ColumnElement[bool]:
    """A word of the folded name starts with `token`."""
    escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return or_(
        Person.search_text.like(f"{escaped}%"),
        Person.search_text.like(f"% {escaped}%"),
        Person.search_text.like(f"%-{escaped}%"),
    )


class PersonRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, person_id: uuid.UUID, field: str | None = None) -> Person:
        """The person with relatives and representatives; 404 (or 422 on `field`) if none."""
        person = await self.session.scalar(
            select(Person)
            .where(Person.id == person_id)
            .options(selectinload(Person.relatives), selectinload(Person.representatives))
        )
        if person is None:
            if field:
                raise RuleViolation(field, "There is no such person in this municipality")
            raise NotFound("There is no such person in this municipality")
        return person

    def _search(self, query: str | None, today: date) -> Select[tuple[Person]]:
        statement = select(Person)
        if not query or not query.strip():
            return statement
        if looks_like_national_id(query):
            digits = "".join(ch for ch in query if ch.isdigit())
            return statement.where(Person.national_id == digits)
        born = birth_dates(query, today)
        if born:
            return statement.where(Person.birth_date.in_(born))
        for plain, spelled in zip(query_tokens(query), spelled_tokens(query), strict=False):
            statement = statement.where(or_(*(_word_starts(token) for token in {plain, spelled})))
        return statement

    async def search(
        self, query: str | None, limit: int, cursor: str | None, today: date
    ) -> Page[Person]:
        """By name (word beginnings, diacritics ignored both ways), by birth date (the first
        six digits of a national id) or by national id; in name order."""
        return await paginate(
            self.session,
            self._search(query, today),
            order_by=[Person.search_text, Person.id],
            limit=limit,
            cursor=cursor,
            to_item=lambda person: person,
        )

    async def by_national_ids(self, national_ids: set[str]) -> dict[str, Person]:
        if not national_ids:
            return {}
        found = await self.session.scalars(
            select(Person).where(Person.national_id.in_(national_ids))
        )
        return {person.national_id: person for person in found}

    async def has_service_relation(self, person_id: uuid.UUID, units: list[str]) -> bool:
        """Whether one of `units` was asked to assess the person or delivers a decision."""
        if not units:
            return False
        asked = exists().where(
            Application.person_id == person_id, Application.assessment_unit.in_(units)
        )
        serves = exists().where(Decision.person_id == person_id, Decision.unit.in_(units))
        return bool(await self.session.scalar(select(or_(asked, serves))))

    async def add(self, person: Person) -> Person:
        self.session.add(person)
        try:
            async with self.session.begin_nested():
                await self.session.flush()
        except IntegrityError as exc:
            raise Conflict("A person with this national id is already registered") from exc
        return person

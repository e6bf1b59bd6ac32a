"""Persons (tjenestemottakere): find, load with their relatives, add."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select, text, true
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from services.intake.domain.decisions import EDITABLE, MADE
from services.intake.domain.persons import (
    birth_dates,
    looks_like_national_id,
    query_tokens,
    spelled_tokens,
)
from services.intake.models import Application, Decision, Person, PersonWord
from shared import need_to_know
from shared.errors import Conflict, NotFound, RuleViolation
from shared.pagination import paginate
from shared.schemas.common import Page
from shared.schemas.intake import ApplicationStatus, Outcome

OPEN_CASE = (ApplicationStatus.received, ApplicationStatus.in_assessment)
"""An application not yet decided nor withdrawn: the unit asked to assess it is on the case."""
GRANTING = (Outcome.granted, Outcome.partly_granted)

WORD_END = "\U0010ffff"
"""Sorts after every character: `part <= word < part + WORD_END` is «word begins with part»
in byte order (the words' collation is "C")."""


def _begins(part: str) -> ColumnElement[bool]:
    return and_(PersonWord.word >= part, PersonWord.word < part + WORD_END)


def _words_begin(tokens: set[str]) -> ColumnElement[bool]:
    """Some word of the name begins with one of `tokens` (the same word typed two ways), found
    in `person_words` by B-tree ranges: a superset that `_word_starts` then narrows exactly (a
    token with a hyphen needs each of its parts to begin a word)."""
    split = [[part for part in token.split("-") if part] for token in sorted(tokens)]
    if not all(split):
        return true()
    if all(len(parts) == 1 for parts in split):
        return Person.id.in_(
            select(PersonWord.person_id).where(or_(*(_begins(parts[0]) for parts in split)))
        )
    return or_(
        *(
            and_(
                *(
                    Person.id.in_(select(PersonWord.person_id).where(_begins(part)))
                    for part in parts
                )
            )
            for parts in split
        )
    )


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
            tokens = {plain, spelled}
            statement = statement.where(_words_begin(tokens))
            statement = statement.where(or_(*(_word_starts(token) for token in tokens)))
        return statement

    async def search(
        self, query: str | None, limit: int, cursor: str | None, today: date
    ) -> Page[Person]:
        """By name (word beginnings, diacritics ignored both ways), by birth date (the first
        six digits of a national id) or by national id; in name order.

        Planned afresh for each query: a plan made once for every name would walk the whole
        register in name order for a rare one."""
        await self.session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
        return await paginate(
            self.session,
            self._search(query, today),
            order_by=[Person.search_text, Person.id],
            limit=limit,
            cursor=cursor,
            to_item=lambda person: person,
        )

    async def by_ids(self, person_ids: list[uuid.UUID]) -> list[Person]:
        """The persons of the municipality among `person_ids` (others are left out), without
        relatives or representatives: for lists that show who a row is about."""
        if not person_ids:
            return []
        found = await self.session.scalars(select(Person).where(Person.id.in_(person_ids)))
        return list(found)

    async def by_national_ids(self, national_ids: set[str]) -> dict[str, Person]:
        if not national_ids:
            return {}
        found = await self.session.scalars(
            select(Person).where(Person.national_id.in_(national_ids))
        )
        return {person.national_id: person for person in found}

    async def has_service_relation(
        self,
        person_id: uuid.UUID,
        units: list[str],
        today: date,
        window: need_to_know.RelationWindow = need_to_know.RELATION_WINDOW,
    ) -> bool:
        """Whether one of `units` has need to know today (`shared/need_to_know.py`): it was
        asked to assess an open application of the person, or delivers a granted, made
        decision that has started and has not ended, or ended less than the window ago."""
        if not units:
            return False
        asked = exists().where(
            Application.person_id == person_id,
            Application.assessment_unit.in_(units),
            Application.status.in_([status.value for status in OPEN_CASE]),
        )
        end = func.coalesce(Decision.ended_on, Decision.ends_on)
        serves = exists().where(
            Decision.person_id == person_id,
            Decision.unit.in_(units),
            Decision.outcome.in_([outcome.value for outcome in GRANTING]),
            Decision.status.in_([status.value for status in MADE]),
            or_(Decision.starts_on.is_(None), Decision.starts_on <= today),
            or_(end.is_(None), end >= need_to_know.earliest_end_that_opens(today, window)),
        )
        return bool(await self.session.scalar(select(or_(asked, serves))))

    async def handles_open_case(self, person_id: uuid.UUID, sub: str) -> bool:
        """Whether `sub` is the caseworker of an open case of the person: registered an
        application not yet decided, or drafted a decision not yet made."""
        registered = exists().where(
            Application.person_id == person_id,
            Application.registered_by == sub,
            Application.status.in_([status.value for status in OPEN_CASE]),
        )
        drafting = exists().where(
            Decision.person_id == person_id,
            Decision.drafted_by == sub,
            Decision.status.in_([status.value for status in EDITABLE]),
        )
        return bool(await self.session.scalar(select(or_(registered, drafting))))

    async def add(self, person: Person) -> Person:
        self.session.add(person)
        try:
            async with self.session.begin_nested():
                await self.session.flush()
        except IntegrityError as exc:
            raise Conflict("A person with this national id is already registered") from exc
        return person

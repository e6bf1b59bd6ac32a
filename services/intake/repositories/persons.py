"""Persons (tjenestemottakere): find, load with their relatives, add."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Date,
    Select,
    String,
    Uuid,
    any_,
    bindparam,
    exists,
    func,
    literal,
    or_,
    select,
    text,
    tuple_,
    union_all,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, aliased, joinedload

from services.intake.domain.decisions import EDITABLE, MADE
from services.intake.domain.persons import (
    ListedPerson,
    birth_dates,
    looks_like_national_id,
    query_tokens,
    spelled_tokens,
)
from services.intake.models import Application, Decision, Person, PersonNamePrefix
from shared import need_to_know
from shared.db import use_custom_plans
from shared.errors import Conflict, NotFound, RuleViolation
from shared.pagination import Keyset, decode_cursor, encode_cursor, paginate
from shared.schemas.common import AnyPage, Page
from shared.schemas.intake import ApplicationStatus, Outcome

OPEN_CASE = (ApplicationStatus.received, ApplicationStatus.in_assessment)
"""An application not yet decided nor withdrawn: the unit asked to assess it is on the case."""
GRANTING = (Outcome.granted, Outcome.partly_granted)

NAME_ORDER = [Person.search_text, Person.id]
"""The order of every list of persons, and what its cursor holds."""
LEAP_STEPS = 16
"""How many times a search of several words probes each word's next entry to find where the
first match can be (each probe a few index pages)."""
RARITY_CAP = 1_000
"""How many entries of each typed word are counted to find the rarest (an index-only range
of at most this many entries per word, about 10 index pages)."""


def _word_starts(column: InstrumentedAttribute[str], token: str) -> ColumnElement[bool]:
    """A word of the folded name in `column` starts with `token` (hyphens included: «li-mo»
    is «li» then «mo» in one word)."""
    escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return or_(
        column.like(f"{escaped}%"),
        column.like(f"% {escaped}%"),
        column.like(f"%-{escaped}%"),
    )


@dataclass(frozen=True)
class ServedBy:
    """A clinician's units on a day, for the persons they have need to know of
    (`serving_bound`)."""

    units: list[str]
    today: date
    window: need_to_know.RelationWindow = need_to_know.RELATION_WINDOW


@dataclass(frozen=True)
class TypedWord:
    """A word of a name search as the ways it may be meant: plain (ø → o) and spelled out
    (ø → oe); one spelling when it has no Nordic letter."""

    spellings: tuple[str, ...]

    @property
    def parts(self) -> list[tuple[str, ...]]:
        """Each hyphen-joined part of the word in its spellings («bjørnstad-li»: (bjoernstad,
        bjornstad) and (li,)): name prefixes whose entries hold every person the word can
        find; none when the word has no letters."""
        split = [[part for part in spelling.split("-") if part] for spelling in self.spellings]
        if not split[0] or any(len(parts) != len(split[0]) for parts in split):
            return []
        return [tuple(sorted({parts[i] for parts in split})) for i in range(len(split[0]))]

    @property
    def exact(self) -> bool:
        """Whether each entry of its prefixes is a match (no hyphen to check in the name)."""
        return "-" not in "".join(self.spellings) and bool(self.parts)

    def found_in(self, column: InstrumentedAttribute[str]) -> ColumnElement[bool]:
        return or_(*(_word_starts(column, spelling) for spelling in self.spellings))


Driver = tuple[int, tuple[str, ...]]
"""The typed word whose entries a name search reads (its index) and their prefixes."""


def typed_words(query: str) -> list[TypedWord]:
    return [
        TypedWord(tuple(sorted({plain, spelled})))
        for plain, spelled in zip(query_tokens(query), spelled_tokens(query), strict=False)
    ]


def name_page(
    words: list[TypedWord],
    driver: Driver,
    limit: int,
    after: list[Any] | None = None,
    *,
    from_: bool = False,
) -> Select[tuple[str, uuid.UUID]]:
    """The first `limit` (name, person id) after `after` in name order of the persons whose
    name has every one of `words`: read in name order from the entries of the driver's
    prefixes (one index range per spelling, each stopped at `limit`), every other word
    checked on each entry's name (`from_`: from `after` on, itself included). For one word
    that is about a page of entries however common the word is; for several, the driver's
    entries from where `Persons._leap` landed until the page is full."""
    prefixes = PersonNamePrefix
    read, streams_of = driver
    checks = [
        word.found_in(prefixes.search_text)
        for index, word in enumerate(words)
        if index != read or not word.exact
    ]
    if after is not None:
        key = tuple_(prefixes.search_text, prefixes.person_id)
        bound = tuple_(literal(after[0], String()), literal(after[1], Uuid()))
        checks.append(key >= bound if from_ else key > bound)
    streams = [
        select(prefixes.search_text, prefixes.person_id)
        .where(prefixes.prefix == prefix, *checks)
        .order_by(prefixes.search_text, prefixes.person_id)
        .limit(limit)
        for prefix in streams_of
    ]
    if len(streams) == 1:
        return streams[0]
    merged = union_all(*streams).subquery("merged")
    return (
        select(merged.c.search_text, merged.c.person_id)
        .distinct()
        .order_by(merged.c.search_text, merged.c.person_id)
        .limit(limit)
    )


PERSON_WITH_RELATIVES = (
    select(Person)
    .where(Person.id == bindparam("person_id", type_=Uuid()))
    .options(joinedload(Person.relatives), joinedload(Person.representatives))
)
"""The person page's read, built once: a statement made anew has its cache key computed on
every execution (its values are bound per call). Relatives and representatives joined: one
statement instead of three (a person has a few of each, so the rows they multiply are few)."""


class PersonRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, person_id: uuid.UUID, field: str | None = None) -> Person:
        """The person with relatives and representatives; 404 (or 422 on `field`) if none."""
        found = await self.session.execute(PERSON_WITH_RELATIVES, {"person_id": person_id})
        person = found.unique().scalar_one_or_none()
        if person is None:
            if field:
                raise RuleViolation(field, "There is no such person in this municipality")
            raise NotFound("There is no such person in this municipality")
        return person

    async def _listed(
        self, query: str | None, today: date, limit: int, cursor: str | None
    ) -> Page[Person | ListedPerson]:
        """Every person, or by national id or birth date, as a list shows them, by
        statements built once; a name search where no word has letters to look up (only
        hyphens) is checked on each name in order."""
        params: dict[str, Any] = {}
        if not query or not query.strip():
            keyset = EVERYONE
        elif looks_like_national_id(query):
            digits = "".join(ch for ch in query if ch.isdigit())
            keyset, params = BY_NATIONAL_ID, {"national_id": digits}
        elif born := birth_dates(query, today):
            keyset, params = BY_BIRTH_DATE, {"born": born}
        else:
            return await paginate(
                self.session,
                select(Person).where(
                    *(word.found_in(Person.search_text) for word in typed_words(query))
                ),
                order_by=NAME_ORDER,
                limit=limit,
                cursor=cursor,
                to_item=lambda person: person,
            )
        return await keyset.page(
            self.session, limit=limit, cursor=cursor, to_item=_as_listed, rows=True, params=params
        )

    async def _leap(
        self, words: list[TypedWord], after: list[Any] | None
    ) -> tuple[Driver, list[Any] | None, bool] | None:
        """For a search of several words (or hyphenated parts): the rarest of them, whose
        entries to read (counted up to `RARITY_CAP`; among equals the longest), and where
        the first match after `after` can be at the earliest, with whether that place is
        itself a candidate (None: there is no match).

        The place is found by leapfrogging: from `after`, each word's next entry in name
        order is one index probe, and the latest of them is a place no match can come
        before; repeated until the words agree (a match) or `LEAP_STEPS` probes each. Two
        words whose matches cluster in name order («hansen kari» under H) are reached in a
        few probes instead of reading every «kari» before them."""
        parts = {
            part: index for index, word in reversed(list(enumerate(words))) for part in word.parts
        }
        candidates = [(index, part) for part, index in parts.items()]
        start = after or ["", uuid.UUID(int=0)]
        if len(candidates) == 1:
            return candidates[0], after, False
        params: dict[str, Any] = {"steps": LEAP_STEPS, "cap": RARITY_CAP}
        nexts, counts, values = [], [], []
        for j, (_, part) in enumerate(candidates):
            names = [f"p{j}_{k}" for k in range(len(part))]
            params.update(zip(names, part, strict=True))
            seeks = " UNION ALL ".join(
                "(SELECT search_text AS t, person_id AS i FROM person_name_prefixes"
                f" WHERE prefix = :{name} AND (search_text, person_id) >= (leap.t, leap.i)"
                " ORDER BY search_text, person_id LIMIT 1)"
                for name in names
            )
            nexts.append(
                f"LEFT JOIN LATERAL (SELECT s.t, s.i FROM ({seeks}) AS s"
                f" ORDER BY s.t, s.i LIMIT 1) AS w{j} ON true"
            )
            values.append(f"(w{j}.t, w{j}.i)")
            listed = ", ".join(f":{name}" for name in names)
            counts.append(
                "(SELECT count(*) FROM (SELECT 1 FROM person_name_prefixes"
                f" WHERE prefix IN ({listed}) LIMIT :cap) AS c)"
            )
        statement = text(
            "WITH RECURSIVE leap(t, i, step) AS ("
            " SELECT CAST(:start_t AS varchar), CAST(:start_i AS uuid), 0"
            " UNION ALL"
            " SELECT top.t, top.i, leap.step + 1 FROM leap "
            + " ".join(nexts)
            + " CROSS JOIN LATERAL (SELECT v.t, v.i FROM (VALUES "
            + ", ".join(values)
            + ") AS v(t, i) ORDER BY v.t DESC NULLS FIRST, v.i DESC NULLS FIRST LIMIT 1) AS top"
            " WHERE leap.t IS NOT NULL AND leap.step < :steps"
            " AND (top.t IS NULL OR (top.t, top.i) > (leap.t, leap.i)))"
            " SELECT landed.t, landed.i, "
            + ", ".join(counts)
            + " FROM (SELECT t, i FROM leap ORDER BY step DESC LIMIT 1) AS landed"
        ).bindparams(
            bindparam("start_t", start[0], type_=String()),
            bindparam("start_i", start[1], type_=Uuid()),
        )
        landed_t, landed_i, *row = (await self.session.execute(statement, params)).one()
        counted = dict(zip(candidates, row, strict=True))
        driver = min(candidates, key=lambda d: (counted[d], -max(map(len, d[1]))))
        if landed_t is None:
            return None
        landed = [landed_t, uuid.UUID(str(landed_i))]
        return driver, landed, landed != after

    async def search(
        self, query: str | None, limit: int, cursor: str | None, today: date
    ) -> Page[Person | ListedPerson]:
        """By name (word beginnings, diacritics ignored both ways), by birth date (the first
        six digits of a national id) or by national id; in name order.

        A name is read from `person_name_prefixes` in name order (`name_page`), so a page
        reads about a page of entries however common the name. Planned afresh for each
        name: a plan made once for every name would not fit a rare one. A national id or a
        birth date is one index lookup whatever the value, so it is not (one round trip
        fewer)."""
        words = typed_words(query) if query and query.strip() else []
        by_name = (
            words
            and not looks_like_national_id(query or "")
            and not birth_dates(query or "", today)
            and any(word.parts for word in words)
        )
        if not by_name:
            return await self._listed(query, today, limit, cursor)
        await use_custom_plans(self.session)
        after = decode_cursor(cursor, NAME_ORDER) if cursor else None
        leap = await self._leap(words, after)
        if leap is None:
            return AnyPage(items=[], next_cursor=None)
        driver, start, from_ = leap
        page = name_page(words, driver, limit + 1, start, from_=from_)
        entries = (await self.session.execute(page)).all()
        # The persons by primary key, in a statement of their own: no join order to choose.
        found = {person.id: person for person in await self.by_ids([e.person_id for e in entries])}
        rows = [found[entry.person_id] for entry in entries if entry.person_id in found]
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            next_cursor = encode_cursor([rows[-1].search_text, rows[-1].id])
        return AnyPage(items=rows, next_cursor=next_cursor)

    async def by_ids(
        self, person_ids: list[uuid.UUID], served_by: ServedBy | None = None
    ) -> list[ListedPerson]:
        """The persons of the municipality among `person_ids` (others are left out), as a
        list shows them: for lists that show who a row is about. With `served_by`, only
        those one of its units has need to know of today, in the same statement (a
        clinician's list of 100 names is one query, not 101)."""
        if not person_ids:
            return []
        if served_by is None:
            found = await self.session.execute(LISTED_BY_IDS, {"ids": person_ids})
        elif not served_by.units:
            return []
        else:
            found = await self.session.execute(
                LISTED_BY_IDS_SERVED,
                {
                    "ids": person_ids,
                    **serving_values(list(served_by.units), served_by.today, served_by.window),
                },
            )
        return [ListedPerson(*row) for row in found]

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
        return bool(
            await self.session.scalar(
                HAS_SERVICE_RELATION,
                {"person_id": person_id, **serving_values(units, today, window)},
            )
        )

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


def serving_bound(person_id: Any) -> ColumnElement[bool]:
    """The condition that one of the units has need to know of the person today
    (`shared/need_to_know.py`): it was asked to assess an open application of the person, or
    delivers a granted, made decision that has started and has not ended, or ended less than
    the window ago. `person_id` may be a column, to ask it of every row of a list. For
    statements built once: the units, the day and the window's first day are the bound
    parameters `units`, `today` and `earliest_end` (their values from `serving_values`)."""
    return _serving(
        person_id,
        bindparam("units", expanding=True),
        bindparam("today", type_=Date()),
        bindparam("earliest_end", type_=Date()),
    )


def serving_values(
    units: list[str], today: date, window: need_to_know.RelationWindow
) -> dict[str, Any]:
    """The values of `serving_bound`'s parameters."""
    return {
        "units": units,
        "today": today,
        "earliest_end": need_to_know.earliest_end_that_opens(today, window),
    }


_SERVED = aliased(Decision, name="served")
"""Made once: an alias costs more to make than the rest of the condition."""


def _serving(person_id: Any, units: Any, today: Any, earliest_end: Any) -> ColumnElement[bool]:
    """`serving_bound` with the units, the day and the day the window opens given."""
    asked = exists().where(
        Application.person_id == person_id,
        Application.assessment_unit.in_(units),
        Application.status.in_([status.value for status in OPEN_CASE]),
    )
    served = _SERVED
    end = func.coalesce(served.ended_on, served.ends_on)
    serves = exists().where(
        served.person_id == person_id,
        served.unit.in_(units),
        served.outcome.in_([outcome.value for outcome in GRANTING]),
        served.status.in_([status.value for status in MADE]),
        or_(served.starts_on.is_(None), served.starts_on <= today),
        or_(end.is_(None), end >= earliest_end),
    )
    return or_(asked, serves)


LISTED = select(
    Person.id,
    Person.given_name,
    Person.family_name,
    Person.birth_date,
    Person.national_id,
    Person.address["city"].astext,
    Person.search_text,
)
"""A person as a list shows them, as plain columns: no ORM object, no JSON decoded (a page
of 50 as ORM persons cost about a third of a name search's CPU)."""
LISTED_BY_IDS = LISTED.where(Person.id == any_(bindparam("ids", type_=ARRAY(Uuid()))))
"""Built once, the ids one array parameter: 50 ids as `IN` were 50 parameters to render
and convert for every request."""


def _as_listed(row: Any) -> ListedPerson:
    return ListedPerson(*row)


EVERYONE = Keyset(LISTED, NAME_ORDER)
BY_NATIONAL_ID = Keyset(LISTED.where(Person.national_id == bindparam("national_id")), NAME_ORDER)
BY_BIRTH_DATE = Keyset(
    LISTED.where(Person.birth_date == any_(bindparam("born", type_=ARRAY(Date())))), NAME_ORDER
)
"""The lists of persons that are not a name search, built once (a search by national id
built its statement, order and limit anew on every request: about a tenth of its CPU)."""
LISTED_BY_IDS_SERVED = LISTED_BY_IDS.where(serving_bound(Person.id))

HAS_SERVICE_RELATION = select(serving_bound(bindparam("person_id", type_=Uuid())))
"""The person page's need-to-know check as one statement built once (building the condition
took about 2 ms of CPU per request); its values are bound per call."""

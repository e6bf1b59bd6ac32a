"""The worklist's tasks, computed in SQL: what is owed, by when, overdue first, a page at a time,
and how many of each kind — counted up to a cap, so that neither costs more in a large
municipality than in a small one.

Each kind of task is a branch: a query of one table (appeals with their decision) for what can
fall due, its due date an expression a partial index of that table holds in order, after the
municipality (row-level security's condition) and, for «mine», the caseworker who holds the
case (migration `2026-12-01_worklist_bounded_by_partial_indexes`). The constants that select
what can fall due (statuses, the time zone, the month) are written into the SQL rather than
bound, so that a generic plan still matches the partial indexes.

The page: each branch reads at most a page and one more of its own rows from its index, after
the cursor (the keyset `(due, kind, subject_id)`, turned into a range of the branch's own
`(due, id)`, since its kind is fixed); the `UNION ALL` of those is ordered and cut to the page.
Overdue tasks have the earliest due dates, so this order is «overdue first, then the nearest
deadline». Only the page's rows leave the database.

The counts: per branch, per bucket of its due date — overdue (before today), due within a week
(today to seven days ahead) and later (within the look-ahead) — `count(*)` of at most `cap + 1`
index entries (`LIMIT`). A bucket that reaches `cap + 1` is reported as `cap` and marked a lower
bound («more than `cap`»); below that it is exact. A kind's total is the sum of its buckets,
exact when all three are. So a count reads at most 3 × (cap + 1) entries per kind, whatever
the municipality's size. Kept counts (a table of counts per kind maintained by every write)
were not chosen: «overdue» changes at midnight without any write, and every write path that
moves a task would have to keep them right (docs/performance.md, «The worklist's counts»).

The statements are built once per scope, set of kinds and cursor-or-not, with today, the
user, the units, the cursor and the limits as bound values: building one (eight branches,
three buckets each) cost more CPU than PostgreSQL spends answering it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any, cast

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    CompoundSelect,
    Date,
    Integer,
    Select,
    String,
    Uuid,
    and_,
    any_,
    bindparam,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy import (
    cast as sql_cast,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from services.intake.domain.decisions import FOLLOWED_UP
from services.intake.domain.worklist import COUNT_CAP, INTERIM_LOOKAHEAD, LOOKAHEAD, Kind, Scope
from services.intake.models import Appeal, Application, ApplicationItem, Decision
from shared.db import use_generic_plans
from shared.pagination import decode_cursor, encode_cursor
from shared.schemas.intake import AppealStatus, ApplicationStatus, DecisionStatus, Outcome

WEEK = timedelta(days=7)


def _constant(value: str) -> Any:
    """A constant written into the SQL (not bound), so partial indexes match generic plans."""
    return literal_column(f"'{value}'", String())


OPEN = [_constant(s.value) for s in (ApplicationStatus.received, ApplicationStatus.in_assessment)]
RUNNING = [_constant(status.value) for status in FOLLOWED_UP]
OSLO = _constant("Europe/Oslo")
MONTH: ColumnElement[Any] = literal_column("'1 mon'::interval")

interim_due = func.cast(Application.received_on + MONTH, Date())
"""The interim reply is owed a month after the application came (fvl § 11 a)."""
approval_due = func.cast(func.timezone(OSLO, Decision.updated_at), Date())
"""Awaiting approval since the day (in Norway) the decision was last changed."""


TODAY = bindparam("today", type_=Date())
INTERIM_HORIZON = bindparam("interim_horizon", type_=Date())
"""The last due date of an interim reply shown: a week ahead."""
HORIZON = bindparam("horizon", type_=Date())
"""The last review or end date shown: the look-ahead."""
WEEK_END = bindparam("week_end", type_=Date())
USER = bindparam("user", type_=String())
UNITS = bindparam("units", type_=String(), expanding=True)
LIMIT = bindparam("limit", type_=Integer())
"""A page and one more (to know whether there is a next page)."""
CAP = bindparam("cap", type_=Integer())
"""A count's cap and one more (to know whether there are more)."""
AFTER_DUE = bindparam("after_due", type_=Date())
AFTER_KIND = bindparam("after_kind", type_=String())
AFTER_ID = bindparam("after_id", type_=Uuid())


@dataclass(frozen=True)
class TaskRow:
    kind: Kind
    due: date
    subject_id: uuid.UUID
    person_id: uuid.UUID
    title: str
    owner: str | None
    unit: str | None


@dataclass(frozen=True)
class Bounded:
    """A count up to the cap: exact, or (`more`) a lower bound — there are more than `value`."""

    value: int
    more: bool = False

    def __add__(self, other: Bounded) -> Bounded:
        return Bounded(self.value + other.value, self.more or other.more)


@dataclass(frozen=True)
class KindCount:
    kind: Kind
    total: Bounded
    overdue: Bounded
    due_within_a_week: Bounded


@dataclass(frozen=True)
class Branch:
    """One kind of task from one table: `query` selects (kind, due, subject_id, person_id,
    title, owner, unit) of what can fall due; `due`, `id`, `owner`, `unit` are its own columns
    (for conditions its indexes can take)."""

    kind: Kind
    query: Select[Any]
    due: ColumnElement[date]
    id: ColumnElement[uuid.UUID]
    owner: ColumnElement[str | None]
    unit: ColumnElement[str | None]

    def scoped(self, scope: Scope) -> Select[Any]:
        """Whose tasks: the caseworker's own (`USER`), their units' (`UNITS`), or all."""
        if scope == Scope.mine:
            return self.query.where(self.owner == USER)
        if scope == Scope.unit:
            return self.query.where(self.unit.in_(UNITS))
        return self.query

    def after(self) -> ColumnElement[bool]:
        """This branch's rows after the keyset `(AFTER_DUE, AFTER_KIND, AFTER_ID)`: a range of
        its index from `AFTER_DUE` on, and on that one day those whose kind (compared in byte
        order, as the page's `COLLATE "C"`) or id comes after."""
        kind = _kind(self.kind)
        return and_(
            self.due >= AFTER_DUE,
            or_(
                self.due > AFTER_DUE,
                kind > AFTER_KIND.collate("C"),
                and_(kind == AFTER_KIND.collate("C"), self.id > AFTER_ID),
            ),
        )


def _kind(kind: Kind) -> Any:
    return _constant(kind.value).collate("C")


def _branches() -> list[Branch]:
    """Every kind of task that can fall due within the look-ahead; titles are the services'
    bokmål names (the appellant for appeals; applications' are read for the page)."""
    branches: list[Branch] = []

    def add(kind: Kind, query: Select[Any], due: Any, id_: Any, owner: Any, unit: Any) -> None:
        branches.append(Branch(kind, query, due, id_, owner, unit))

    def application(kind: Kind, due: Any, *where: Any) -> None:
        query = select(
            _kind(kind).label("kind"),
            due.label("due"),
            Application.id.label("subject_id"),
            Application.person_id.label("person_id"),
            literal("", String()).label("title"),
            Application.registered_by.label("owner"),
            Application.assessment_unit.label("unit"),
        ).where(Application.status.in_(OPEN), *where)
        add(
            kind, query, due, Application.id, Application.registered_by, Application.assessment_unit
        )

    application(
        Kind.interim_reply_due,
        interim_due,
        Application.interim_reply_sent_on.is_(None),
        interim_due <= INTERIM_HORIZON,
    )
    application(
        Kind.interim_reply_renewal_due,
        Application.expected_decision_by,
        Application.expected_decision_by <= INTERIM_HORIZON,
    )

    def decision(kind: Kind, due: Any, *where: Any) -> None:
        query = select(
            _kind(kind).label("kind"),
            due.label("due"),
            Decision.id.label("subject_id"),
            Decision.person_id.label("person_id"),
            Decision.service_name["nb"].astext.label("title"),
            Decision.drafted_by.label("owner"),
            Decision.unit.label("unit"),
        ).where(*where)
        add(kind, query, due, Decision.id, Decision.drafted_by, Decision.unit)

    decision(
        Kind.awaiting_approval,
        approval_due,
        Decision.status == _constant(DecisionStatus.ready_for_approval.value),
    )
    made = Decision.status == _constant(DecisionStatus.made.value)
    decision(Kind.not_sent, Decision.made_on, made, Decision.made_on.is_not(None))
    # Making a decision dates it; one without a date would be due today rather than dropped.
    # (Cast: a bare constant may not stand in an ORDER BY once its value is written in.)
    undated = sql_cast(TODAY, Date())
    decision(Kind.not_sent, undated, made, Decision.made_on.is_(None))
    newer = aliased(Decision)
    running = (
        Decision.status.in_(RUNNING),
        Decision.outcome != _constant(Outcome.refused.value),
        ~exists().where(newer.replaces_id == Decision.id),
    )
    decision(Kind.review_due, Decision.review_on, *running, Decision.review_on <= HORIZON)
    decision(Kind.decision_ending, Decision.ends_on, *running, Decision.ends_on <= HORIZON)

    appealed = aliased(Decision)
    appeals = (
        select(
            _kind(Kind.appeal_to_reassess).label("kind"),
            Appeal.received_on.label("due"),
            Appeal.id.label("subject_id"),
            Appeal.person_id.label("person_id"),
            Appeal.appellant.label("title"),
            appealed.drafted_by.label("owner"),
            appealed.unit.label("unit"),
        )
        .join(appealed, appealed.id == Appeal.decision_id)
        .where(Appeal.status == _constant(AppealStatus.received.value))
    )
    add(
        Kind.appeal_to_reassess,
        appeals,
        Appeal.received_on,
        Appeal.id,
        appealed.drafted_by,
        appealed.unit,
    )
    return branches


BRANCHES = _branches()
BRANCH_KINDS = [branch.kind for branch in BRANCHES]
"""The kind of each branch, by its number in the counts' rows."""

KEYSET = [column("due", Date()), column("kind", String()), column("subject_id", Uuid())]
"""The page's order, for the cursor: overdue first (the earliest due), then kind and id."""


@cache
def page_template(scope: Scope, kinds: frozenset[Kind], after: bool) -> Select[Any]:
    """At most `LIMIT` tasks (after the keyset `AFTER_…` when `after`): each branch's first
    `LIMIT` in its index's order, then those in the page's. Built once per argument."""
    parts = []
    for branch in BRANCHES:
        if kinds and branch.kind not in kinds:
            continue
        query = branch.scoped(scope)
        if after:
            query = query.where(branch.after())
        parts.append(query.order_by(branch.due, branch.id).limit(LIMIT))
    tasks = union_all(*parts).subquery("tasks")
    return select(tasks).order_by(tasks.c.due, tasks.c.kind, tasks.c.subject_id).limit(LIMIT)


BUCKETS: dict[str, Callable[[Any], Any]] = {
    "overdue": lambda due: due < TODAY,
    "week": lambda due: and_(due >= TODAY, due <= WEEK_END),
    "later": lambda due: due > WEEK_END,
}
"""A task's due date is before today, within a week from today, or later in the look-ahead."""


@cache
def counts_template(scope: Scope) -> CompoundSelect[Any]:
    """Rows of (branch number, bucket, count): each `count(*)` of at most `CAP` entries,
    read in the index's order (free there; it keeps the planner on that index whatever the
    table's size). Built once per scope."""
    parts = []
    for number, branch in enumerate(BRANCHES):
        for name, within in BUCKETS.items():
            query = branch.scoped(scope).where(within(branch.due))
            found = query.with_only_columns(literal(1))
            found = found.order_by(branch.due, branch.id).limit(CAP)
            counted = select(literal_column(str(number)), _constant(name), func.count())
            parts.append(counted.select_from(found.subquery()))
    return union_all(*parts)


def values(today: date, *, user: str, units: list[str], **more: Any) -> dict[str, Any]:
    """The bound values of either statement."""
    return {
        "today": today,
        "interim_horizon": today + INTERIM_LOOKAHEAD,
        "horizon": today + LOOKAHEAD,
        "week_end": today + WEEK,
        "user": user,
        "units": list(units),
        **more,
    }


def page_statement(
    today: date,
    *,
    scope: Scope,
    kinds: set[Kind],
    user: str,
    units: list[str],
    limit: int,
    after: Sequence[Any] | None = None,
) -> Select[Any]:
    """The page's statement with its values in it (for a plan; the repository binds them)."""
    bound = values(today, user=user, units=units, limit=limit + 1, **_after(after))
    return page_template(scope, frozenset(kinds), after is not None).params(bound)


def counts_statement(
    today: date, *, scope: Scope, user: str, units: list[str], cap: int
) -> CompoundSelect[Any]:
    """The counts' statement with its values in it (for a plan; the repository binds them)."""
    return counts_template(scope).params(values(today, user=user, units=units, cap=cap + 1))


def _after(after: Sequence[Any] | None) -> dict[str, Any]:
    if not after:
        return {}
    due, kind, subject_id = after
    return {"after_due": due, "after_kind": kind, "after_id": subject_id}


class WorklistRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def page(
        self,
        today: date,
        *,
        scope: Scope,
        kinds: set[Kind],
        user: str,
        units: list[str],
        limit: int,
        cursor: str | None,
    ) -> tuple[list[TaskRow], str | None]:
        """One page of tasks in `scope` of `kinds` (all when empty), overdue first."""
        after = decode_cursor(cursor, cast(Any, KEYSET)) if cursor else None
        await use_generic_plans(self.session)
        statement = page_template(scope, frozenset(kinds), after is not None)
        bound = values(today, user=user, units=units, limit=limit + 1, **_after(after))
        rows = (await self.session.execute(statement, bound)).all()
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            last = rows[-1]
            next_cursor = encode_cursor([last.due, last.kind, last.subject_id])
        titles = await self._application_titles(
            [row.subject_id for row in rows if row.kind in APPLICATION_KINDS]
        )
        return [
            TaskRow(
                kind=Kind(row.kind),
                due=row.due,
                subject_id=row.subject_id,
                person_id=row.person_id,
                title=titles.get(row.subject_id, row.title),
                owner=row.owner,
                unit=row.unit,
            )
            for row in rows
        ], next_cursor

    async def counts(
        self,
        today: date,
        *,
        scope: Scope,
        user: str,
        units: list[str],
        cap: int = COUNT_CAP,
    ) -> list[KindCount]:
        """How many tasks of each kind `scope` holds — in all, overdue, due within a week —
        each bucket counted up to `cap` (beyond it a lower bound), in one statement."""
        bound = values(today, user=user, units=units, cap=cap + 1)
        await use_generic_plans(self.session)
        rows = (await self.session.execute(counts_template(scope), bound)).all()
        tally: dict[Kind, dict[str, Bounded]] = {}
        for number, name, count in rows:
            bucket = Bounded(min(count, cap), count > cap)
            found = tally.setdefault(BRANCH_KINDS[int(number)], {})
            found[name] = found.get(name, Bounded(0)) + bucket
        counts = []
        for kind in Kind:
            buckets = tally.get(kind)
            total = buckets and buckets["overdue"] + buckets["week"] + buckets["later"]
            if buckets and total and total.value > 0:
                counts.append(KindCount(kind, total, buckets["overdue"], buckets["week"]))
        return counts

    async def _application_titles(self, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
        """The services each application asks for, by their bokmål names, in its order."""
        if not ids:
            return {}
        rows = (await self.session.execute(APPLICATION_TITLES, {"ids": ids})).all()
        return {row[0]: row[1] or "" for row in rows}


APPLICATION_KINDS = {Kind.interim_reply_due.value, Kind.interim_reply_renewal_due.value}


APPLICATION_TITLES = (
    select(
        ApplicationItem.application_id,
        func.string_agg(
            ApplicationItem.service_name["nb"].astext,
            aggregate_order_by(literal(", "), ApplicationItem.position),
        ),
    )
    .where(ApplicationItem.application_id == any_(bindparam("ids", type_=ARRAY(Uuid()))))
    .group_by(ApplicationItem.application_id)
)
"""The services each application of a page asks for, built once (the ids one array)."""

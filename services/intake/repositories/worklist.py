"""The worklist's tasks, computed in SQL: what is owed, by when, overdue first, a page at a time.

Each kind of task is one branch of a `UNION ALL` that yields its kind, due date, subject,
person, owner and unit, bounded by what falls due within the look-ahead and read from the
partial indexes of what can fall due (open applications, decisions awaiting action or
coming due). Overdue tasks have the earliest due dates, so «overdue first, then the nearest
deadline» is the order of `(due, kind, subject_id)`: the keyset a page continues from. The
counts per kind are one `GROUP BY` over the same tasks; only the page's rows leave the
database.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import (
    Date,
    String,
    Subquery,
    and_,
    case,
    exists,
    false,
    func,
    literal,
    select,
    text,
    true,
    tuple_,
    union_all,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from services.intake.domain.decisions import FOLLOWED_UP
from services.intake.domain.worklist import INTERIM_LOOKAHEAD, LOOKAHEAD, Kind, Scope
from services.intake.models import Appeal, Application, ApplicationItem, Decision, Person
from shared.pagination import decode_cursor, encode_cursor
from shared.schemas.intake import AppealStatus, ApplicationStatus, DecisionStatus, Outcome

SHORTEST_MONTH = timedelta(days=28)
WEEK = timedelta(days=7)
OPEN = [ApplicationStatus.received.value, ApplicationStatus.in_assessment.value]
RUNNING = [status.value for status in FOLLOWED_UP]
OSLO = "Europe/Oslo"


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
class KindCount:
    kind: Kind
    total: int
    overdue: int
    due_within_a_week: int


def _kind(kind: Kind) -> Any:
    return literal(kind.value, String()).collate("C").label("kind")


def _tasks(today: date) -> Subquery:
    """Every task due within the look-ahead, as rows of (kind, due, subject_id, person_id,
    title, owner, unit); titles are the services' bokmål names (the appellant for appeals)."""
    horizon = today + LOOKAHEAD
    interim_due = func.cast(Application.received_on + text("interval '1 month'"), Date())
    interim = select(
        _kind(Kind.interim_reply_due),
        interim_due.label("due"),
        Application.id.label("subject_id"),
        Application.person_id.label("person_id"),
        literal("", String()).label("title"),
        Application.registered_by.label("owner"),
        Application.assessment_unit.label("unit"),
    ).where(
        Application.status.in_(OPEN),
        Application.interim_reply_sent_on.is_(None),
        # The index's range: a month is at least 28 days; the exact month after it.
        Application.received_on <= today + INTERIM_LOOKAHEAD - SHORTEST_MONTH,
        interim_due <= today + INTERIM_LOOKAHEAD,
    )
    renewal = select(
        _kind(Kind.interim_reply_renewal_due),
        Application.expected_decision_by.label("due"),
        Application.id,
        Application.person_id,
        literal("", String()),
        Application.registered_by,
        Application.assessment_unit,
    ).where(
        Application.status.in_(OPEN),
        Application.expected_decision_by <= today + INTERIM_LOOKAHEAD,
    )
    service = Decision.service_name["nb"].astext
    approval = select(
        _kind(Kind.awaiting_approval),
        func.cast(func.timezone(OSLO, Decision.updated_at), Date()),
        Decision.id,
        Decision.person_id,
        service,
        Decision.drafted_by,
        Decision.unit,
    ).where(Decision.status == DecisionStatus.ready_for_approval.value)
    not_sent = select(
        _kind(Kind.not_sent),
        func.coalesce(Decision.made_on, today),
        Decision.id,
        Decision.person_id,
        service,
        Decision.drafted_by,
        Decision.unit,
    ).where(Decision.status == DecisionStatus.made.value)
    newer = aliased(Decision)
    running = and_(
        Decision.status.in_(RUNNING),
        Decision.outcome != Outcome.refused.value,
        ~exists().where(newer.replaces_id == Decision.id),
    )
    review = select(
        _kind(Kind.review_due),
        Decision.review_on,
        Decision.id,
        Decision.person_id,
        service,
        Decision.drafted_by,
        Decision.unit,
    ).where(running, Decision.review_on <= horizon)
    ending = select(
        _kind(Kind.decision_ending),
        Decision.ends_on,
        Decision.id,
        Decision.person_id,
        service,
        Decision.drafted_by,
        Decision.unit,
    ).where(running, Decision.ends_on <= horizon)
    appealed = aliased(Decision)
    appeals = (
        select(
            _kind(Kind.appeal_to_reassess),
            Appeal.received_on,
            Appeal.id,
            Appeal.person_id,
            Appeal.appellant,
            appealed.drafted_by,
            appealed.unit,
        )
        .join(appealed, appealed.id == Appeal.decision_id)
        .where(Appeal.status == AppealStatus.received.value)
    )
    return union_all(interim, renewal, approval, not_sent, review, ending, appeals).subquery(
        "tasks"
    )


def _in_scope(tasks: Subquery, scope: Scope, user: str, units: list[str]) -> Any:
    if scope == Scope.mine:
        return tasks.c.owner == user
    if scope == Scope.unit:
        return tasks.c.unit.in_(units) if units else false()
    return true()


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
        tasks = _tasks(today)
        order = [tasks.c.due, tasks.c.kind, tasks.c.subject_id]
        statement = select(tasks).where(_in_scope(tasks, scope, user, units))
        if kinds:
            statement = statement.where(tasks.c.kind.in_(sorted(kinds)))
        if cursor:
            values = decode_cursor(cursor, cast(Any, order))
            bound = [literal(v, type_=c.type) for c, v in zip(order, values, strict=True)]
            statement = statement.where(tuple_(*order) > tuple_(*bound))
        rows = (await self.session.execute(statement.order_by(*order).limit(limit + 1))).all()
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
        self, today: date, *, scope: Scope, user: str, units: list[str]
    ) -> list[KindCount]:
        """How many tasks of each kind `scope` holds: in all, overdue, due within a week."""
        tasks = _tasks(today)
        overdue = tasks.c.due < today
        this_week = and_(tasks.c.due >= today, tasks.c.due <= today + WEEK)
        statement = (
            select(
                tasks.c.kind,
                func.count(),
                func.count(case((overdue, 1))),
                func.count(case((this_week, 1))),
            )
            .where(_in_scope(tasks, scope, user, units))
            .group_by(tasks.c.kind)
        )
        rows = (await self.session.execute(statement)).all()
        found = {row[0]: row for row in rows}
        return [
            KindCount(kind, found[kind][1], found[kind][2], found[kind][3])
            for kind in Kind
            if kind.value in found
        ]

    async def _application_titles(self, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
        """The services each application asks for, by their bokmål names, in its order."""
        if not ids:
            return {}
        names = func.string_agg(
            ApplicationItem.service_name["nb"].astext,
            aggregate_order_by(literal(", "), ApplicationItem.position),
        )
        rows = (
            await self.session.execute(
                select(ApplicationItem.application_id, names)
                .where(ApplicationItem.application_id.in_(ids))
                .group_by(ApplicationItem.application_id)
            )
        ).all()
        return {row[0]: row[1] or "" for row in rows}

    async def persons(self, ids: set[uuid.UUID]) -> Sequence[Person]:
        if not ids:
            return []
        return (await self.session.scalars(select(Person).where(Person.id.in_(ids)))).all()


APPLICATION_KINDS = {Kind.interim_reply_due.value, Kind.interim_reply_renewal_due.value}

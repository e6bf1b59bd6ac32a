"""Deviations (avvik) with their links, steps and corrective actions."""

from __future__ import annotations

import functools
import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    Integer,
    Row,
    Select,
    String,
    Uuid,
    bindparam,
    func,
    literal,
    literal_column,
    not_,
    select,
    tuple_,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from services.quality.domain.statistics import Tally
from services.quality.models import Deviation
from shared.errors import NotFound
from shared.pagination import decode_cursor, encode_cursor
from shared.schemas.quality import DeviationCategory, DeviationStatus

Chunk = tuple[list[Deviation], str | None]
"""One page of deviations and the cursor of the next."""
SummaryChunk = tuple[list[Row[Any]], str | None]
"""One page of deviations as the columns of their summaries (`SUMMARY_COLUMNS`), and the
cursor of the next."""

CLOSED = DeviationStatus.closed.value
HIGH_RISK_FROM = 10
QUEUE_KEY = [Deviation.is_serious, Deviation.risk_score, Deviation.acknowledge_by, Deviation.id]
"""The queue's sort key as the cursor holds it: serious, risk score, deadline, id."""


class DeviationRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, deviation_id: uuid.UUID) -> Deviation:
        """The whole deviation with its links, steps and actions; RLS hides other municipalities."""
        deviation = await self.session.scalar(
            select(Deviation)
            .where(Deviation.id == deviation_id)
            .options(
                selectinload(Deviation.links),
                selectinload(Deviation.actions),
                selectinload(Deviation.steps),
            )
        )
        if deviation is None:
            raise NotFound("There is no such deviation")
        return deviation

    async def by_receipt(self, receipt_hash: str) -> Deviation:
        deviation = await self.session.scalar(
            select(Deviation).where(Deviation.receipt_hash == receipt_hash)
        )
        if deviation is None:
            raise NotFound("No deviation has this receipt code")
        return deviation

    async def add(self, deviation: Deviation) -> Deviation:
        self.session.add(deviation)
        await self.session.flush()
        return deviation

    async def reported_by(self, reporter_sub: str, limit: int, cursor: str | None) -> Chunk:
        """The caller's own reports, newest first."""
        statement = select(Deviation).where(Deviation.reporter_sub == reporter_sub)
        return await _newest_first(self.session, statement, limit, cursor)

    async def queue(self, units: list[str] | None, limit: int, cursor: str | None) -> SummaryChunk:
        """Open deviations of `units` (None: all): serious first, then by risk, then deadline;
        the columns a summary shows (`deviation_summary`), not the deviations whole.

        Keyset-paged on that order (with the id last), so a page never repeats or skips a
        deviation while others are reported or closed meanwhile."""
        values: dict[str, Any] = {"limit": limit + 1}
        if units is not None:
            values["units"] = units
        if cursor:
            serious, score, deadline, last_id = decode_cursor(cursor, QUEUE_KEY)
            values |= {
                "after_not_serious": not serious,
                "after_minus_score": -score,
                "after_deadline": deadline,
                "after_id": last_id,
            }
        statement = _queue_statement(units is not None, bool(cursor))
        rows = list((await self.session.execute(statement, values)).all())
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            last = rows[-1]
            next_cursor = encode_cursor(
                [last.is_serious, last.risk_score, last.acknowledge_by, last.id]
            )
        return rows, next_cursor

    async def committee(self, include_closed: bool, limit: int, cursor: str | None) -> Chunk:
        """The kvalitetsutvalg's queue: serious or high-risk deviations, newest first."""
        statement = select(Deviation).where(
            Deviation.is_serious.is_(True) | (Deviation.risk_score >= HIGH_RISK_FROM)
        )
        if not include_closed:
            statement = statement.where(Deviation.status != CLOSED)
        return await _newest_first(self.session, statement, limit, cursor)

    async def similar(self, deviation: Deviation, limit: int) -> Sequence[Deviation]:
        """Earlier deviations of the same category in the same unit, newest first."""
        return (
            await self.session.scalars(
                select(Deviation)
                .where(
                    Deviation.category == deviation.category,
                    Deviation.unit == deviation.unit,
                    Deviation.id != deviation.id,
                    Deviation.reported_on <= deviation.reported_on,
                )
                .order_by(Deviation.reported_on.desc(), Deviation.id)
                .limit(limit)
            )
        ).all()

    async def for_statistics(
        self,
        *,
        first: date,
        last: date,
        units: list[str] | None,
        category: DeviationCategory | None,
    ) -> Sequence[Deviation]:
        statement = _in_period(select(Deviation), units is not None, category is not None)
        return (
            await self.session.scalars(
                statement.order_by(Deviation.reported_on, Deviation.id),
                period_values(first, last, units, category),
            )
        ).all()

    async def tally(
        self,
        *,
        first: date,
        last: date,
        units: list[str] | None,
        category: DeviationCategory | None,
    ) -> Tally:
        """The period's deviations counted by PostgreSQL (`Tally`): one statement of grouping
        sets for the breakdowns, one for the median days to close. No deviation is read."""
        tally, median_of = statistics_statements(units is not None, category is not None)
        values = period_values(first, last, units, category)
        grouped = await self.session.execute(tally, values)
        by_category: Counter[str] = Counter()
        by_unit: Counter[str] = Counter()
        by_status: Counter[str] = Counter()
        by_month_and_grade: Counter[tuple[str, int, int]] = Counter()
        serious_by_month: Counter[str] = Counter()
        for row in grouped:
            if not row.g_category:
                by_category[row.category] = row.n
            elif not row.g_unit:
                by_unit[row.unit] = row.n
            elif not row.g_status:
                by_status[row.status] = row.n
            elif not row.g_grade:
                by_month_and_grade[row.month, row.consequence, row.probability] = row.n
            elif row.serious:
                serious_by_month[row.month] = row.serious
        median = await self.session.scalar(median_of, values)
        return Tally(
            by_category=by_category,
            by_unit=by_unit,
            by_status=by_status,
            by_month_and_grade=by_month_and_grade,
            serious_by_month=serious_by_month,
            median_days_to_close=None if median is None else float(median),
        )


SUMMARY_COLUMNS = (
    Deviation.id,
    Deviation.reported_on,
    Deviation.unit,
    Deviation.category,
    Deviation.what_happened,
    Deviation.risk_score,
    Deviation.is_serious,
    Deviation.status,
    Deviation.acknowledge_by,
    Deviation.closed_on,
)
"""What a list's summary of a deviation shows (`deviation_summary`)."""
_QUEUE_ORDER = (
    not_(Deviation.is_serious),
    -Deviation.risk_score,
    Deviation.acknowledge_by,
    Deviation.id,
)


@functools.cache
def _queue_statement(by_unit: bool, after: bool) -> Select[Any]:
    """The queue's page, built once for each choice (of units, from a cursor), its values
    bound when run: a statement built in the request has its cache key computed afresh."""
    statement = select(*SUMMARY_COLUMNS).where(Deviation.status != CLOSED)
    if by_unit:
        statement = statement.where(Deviation.unit.in_(bindparam("units", expanding=True)))
    if after:
        bound = tuple_(
            bindparam("after_not_serious", type_=Boolean()),
            bindparam("after_minus_score", type_=Integer()),
            bindparam("after_deadline", type_=Date()),
            bindparam("after_id", type_=Uuid()),
        )
        statement = statement.where(tuple_(*_QUEUE_ORDER) > bound)
    return statement.order_by(*_QUEUE_ORDER).limit(bindparam("limit", type_=Integer()))


_MONTH = func.to_char(Deviation.reported_on, literal_column("'YYYY-MM'"))
_TALLY = select(
    func.grouping(Deviation.category).label("g_category"),
    func.grouping(Deviation.unit).label("g_unit"),
    func.grouping(Deviation.status).label("g_status"),
    func.grouping(Deviation.consequence).label("g_grade"),
    Deviation.category,
    Deviation.unit,
    Deviation.status,
    _MONTH.label("month"),
    Deviation.consequence,
    Deviation.probability,
    func.count().label("n"),
    func.count().filter(Deviation.is_serious).label("serious"),
)
_GROUPING_SETS = func.grouping_sets(
    tuple_(Deviation.category),
    tuple_(Deviation.unit),
    tuple_(Deviation.status),
    tuple_(_MONTH, Deviation.consequence, Deviation.probability),
    tuple_(_MONTH),
)
"""Each breakdown a grouping of its own; the last, by month alone, carries the serious."""
_MEDIAN = select(
    func.percentile_cont(0.5)
    .within_group(Deviation.closed_on - Deviation.reported_on)
    .filter(Deviation.closed_on.is_not(None))
)


@functools.cache
def statistics_statements(by_unit: bool, by_category: bool) -> tuple[Select[Any], Select[Any]]:
    """The period's breakdowns (grouping sets) and its median days to close, filtered by
    units and by category when asked, to run with `period_values`. Every column they read is
    in `ix_deviations_counted_by_reported_on`, so PostgreSQL counts from the index.

    Built once for each choice of filters, the values bound when run: a statement built in
    the request has its SQLAlchemy cache key computed afresh (an eighth of the request's
    time under py-spy, docs/performance.md)."""
    return (
        _in_period(_TALLY, by_unit, by_category).group_by(_GROUPING_SETS),
        _in_period(_MEDIAN, by_unit, by_category),
    )


def period_values(
    first: date, last: date, units: list[str] | None, category: DeviationCategory | None
) -> dict[str, Any]:
    """The values of a statement `_in_period` filtered."""
    values: dict[str, Any] = {"first": first, "last": last}
    if units is not None:
        values["units"] = units
    if category is not None:
        values["category"] = category.value
    return values


def _in_period(statement: Select[Any], by_unit: bool, by_category: bool) -> Select[Any]:
    """The deviations reported from `first` to `last` (both included), of the units and of
    the category when filtered by them (values bound: `period_values`)."""
    statement = statement.where(
        Deviation.reported_on >= bindparam("first", type_=Date()),
        Deviation.reported_on <= bindparam("last", type_=Date()),
    )
    if by_unit:
        statement = statement.where(Deviation.unit.in_(bindparam("units", expanding=True)))
    if by_category:
        statement = statement.where(Deviation.category == bindparam("category", type_=String()))
    return statement


async def _newest_first(
    session: AsyncSession, statement: Select[Any], limit: int, cursor: str | None
) -> Chunk:
    """Keyset pagination on (created_at, id) descending."""
    order = [Deviation.created_at, Deviation.id]
    if cursor:
        values = decode_cursor(cursor, order)
        bound = [literal(v, type_=c.type) for c, v in zip(order, values, strict=True)]
        statement = statement.where(tuple_(*order) < tuple_(*bound))
    rows = (
        await session.scalars(
            statement.order_by(Deviation.created_at.desc(), Deviation.id.desc()).limit(limit + 1)
        )
    ).all()
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = encode_cursor([rows[-1].created_at, rows[-1].id])
    return list(rows), next_cursor

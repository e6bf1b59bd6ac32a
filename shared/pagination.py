"""Keyset pagination: `limit`, an opaque `cursor`, and `{items, next_cursor}`.

The cursor holds the sort key of the last row returned, so a page never skips
or repeats a row when rows are added meanwhile (unlike OFFSET).
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

from fastapi import Query
from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    Numeric,
    Select,
    String,
    Text,
    Uuid,
    bindparam,
    tuple_,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from shared.errors import RuleViolation
from shared.schemas.common import AnyPage, Page

T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 500

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")]
Cursor = Annotated[str | None, Query(description="`next_cursor` of the previous page")]


def encode_cursor(values: Sequence[Any]) -> str:
    plain = [
        v.isoformat()
        if isinstance(v, date | datetime)
        else str(v)
        if isinstance(v, uuid.UUID)
        else v
        for v in values
    ]
    raw = json.dumps(plain, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_value(column: InstrumentedAttribute[Any], value: Any) -> Any:
    """The cursor's value for `column`, or TypeError/ValueError when it cannot be one."""
    column_type = column.type
    if isinstance(column_type, DateTime | Date | Uuid) and not isinstance(value, str):
        raise TypeError("a date, time or id key is written as text")
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    if isinstance(column_type, Uuid):
        return uuid.UUID(value)
    if isinstance(column_type, String | Text):
        if not isinstance(value, str):
            raise TypeError("a text key holds text")
    elif isinstance(column_type, Boolean):
        if not isinstance(value, bool):
            raise TypeError("a boolean key holds true or false")
    elif isinstance(column_type, Integer):
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 2**63:
            raise TypeError("an integer key holds a whole number")
    elif isinstance(column_type, Numeric | Float) and (
        isinstance(value, bool) or not isinstance(value, int | float)
    ):
        raise TypeError("a number key holds a number")
    return value


def decode_cursor(cursor: str, columns: Sequence[InstrumentedAttribute[Any]]) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(values, list) or len(values) != len(columns):
            raise ValueError("wrong length")
        return [_decode_value(col, val) for col, val in zip(columns, values, strict=True)]
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError) as exc:
        raise RuleViolation(
            "query.cursor", "The cursor is not valid; start from the first page"
        ) from exc


class Keyset:
    """A list's statement in keyset pages, its order, cursor comparison and limit built
    once: the first page's statement and the next pages' (rows after the cursor's), with
    the cursor's values and the limit bound when run.

    A statement built in the request is built and has its cache key computed (a walk of
    the whole statement) on every request; for a short list read that was about a tenth of
    its service's CPU (docs/performance.md). A read served often holds its `Keyset` built
    once (one for each choice of its optional filters, their values bound parameters too);
    `paginate` builds one for a statement made in the request."""

    def __init__(
        self, statement: Select[Any], order_by: Sequence[InstrumentedAttribute[Any]]
    ) -> None:
        self.order_by = list(order_by)
        self._after = [f"keyset_after_{i}" for i in range(len(self.order_by))]
        limit = bindparam("keyset_limit", type_=Integer())
        after = [
            bindparam(name, type_=column.type)
            for name, column in zip(self._after, self.order_by, strict=True)
        ]
        self.first = statement.order_by(*self.order_by).limit(limit)
        self.following = (
            statement.where(tuple_(*self.order_by) > tuple_(*after))
            .order_by(*self.order_by)
            .limit(limit)
        )

    async def page(
        self,
        session: AsyncSession,
        *,
        limit: int,
        cursor: str | None,
        to_item: Callable[[Any], T],
        rows: bool = False,
        params: dict[str, Any] | None = None,
    ) -> Page[T]:
        """One page of at most `limit` items after `cursor` (from the start without one),
        `params` the values of the statement's own bound parameters. Each item is
        `to_item` of the statement's first column (an ORM entity), or with `rows` of the
        whole row (a statement of plain columns, the order's columns among them)."""
        values: dict[str, Any] = {**(params or {}), "keyset_limit": limit + 1}
        statement = self.first
        if cursor:
            decoded = decode_cursor(cursor, self.order_by)
            values.update(zip(self._after, decoded, strict=True))
            statement = self.following
        result = await session.execute(statement, values)
        found: Sequence[Any] = result.all() if rows else result.scalars().all()
        has_more = len(found) > limit
        found = found[:limit]
        next_cursor = None
        if has_more and found:
            last = found[-1]
            next_cursor = encode_cursor([getattr(last, col.key) for col in self.order_by])
        # AnyPage, not Page[T]: a model parametrised by a type variable is not kept, so
        # Page[T] built a pydantic class afresh on every page read (≈ 1 ms of CPU a request)
        return AnyPage(items=[to_item(row) for row in found], next_cursor=next_cursor)


async def paginate(
    session: AsyncSession,
    statement: Select[Any],
    *,
    order_by: Sequence[InstrumentedAttribute[Any]],
    limit: int,
    cursor: str | None,
    to_item: Callable[[Any], T],
    rows: bool = False,
) -> Page[T]:
    """Run `statement` ordered by `order_by` (ascending; end with a unique column), a page
    of it (`Keyset.page`). For a statement made in the request; a read served often keeps
    its `Keyset` built once."""
    return await Keyset(statement, order_by).page(
        session, limit=limit, cursor=cursor, to_item=to_item, rows=rows
    )

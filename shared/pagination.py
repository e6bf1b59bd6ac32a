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
    literal,
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
    """Run `statement` ordered by `order_by` (ascending; end with a unique column). Each
    result is the statement's first column (an ORM entity), or with `rows` the whole row
    (a statement of plain columns, `order_by` among them)."""
    if cursor:
        values = decode_cursor(cursor, order_by)
        bound = [
            literal(value, type_=col.type) for col, value in zip(order_by, values, strict=True)
        ]
        statement = statement.where(tuple_(*order_by) > tuple_(*bound))
    ordered = statement.order_by(*order_by).limit(limit + 1)
    found: Sequence[Any] = (
        (await session.execute(ordered)).all() if rows else (await session.scalars(ordered)).all()
    )
    has_more = len(found) > limit
    found = found[:limit]
    next_cursor = None
    if has_more and found:
        last = found[-1]
        next_cursor = encode_cursor([getattr(last, col.key) for col in order_by])
    # AnyPage, not Page[T]: a model parametrised by a type variable is not kept, so Page[T]
    # built a pydantic class afresh on every page read (≈ 1 ms of CPU a list request)
    return AnyPage(items=[to_item(row) for row in found], next_cursor=next_cursor)

"""What the demo generator's services share: intake's facts, rows as dicts, the bulk writer.

Coordination, welfare technology and quality are generated after intake, from
the facts intake's generator recorded (its persons and decisions, as the
services' feeds and APIs would have told them). Their rows are dicts per
table, written like intake's: one transaction per service database, under the
municipality's row-level security setting, one `INSERT … SELECT FROM unnest(…)`
per batch so the policies' `WITH CHECK` applies to every row.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg

from shared.db import TENANT_SETTING

BATCH = 5000


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _instant(day: date, rng: random.Random) -> datetime:
    """A moment in office hours on `day` (UTC)."""
    return datetime(day.year, day.month, day.day, 7, tzinfo=UTC) + timedelta(
        seconds=rng.randint(0, 9 * 3600)
    )


def _asyncpg_dsn(database_url: str) -> str:
    return database_url.replace("postgresql+asyncpg://", "postgresql://", 1)


@dataclass(frozen=True)
class PersonFacts:
    id: uuid.UUID
    given_name: str
    family_name: str
    birth_date: date
    city: str

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    def age(self, today: date) -> int:
        born = self.birth_date
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


@dataclass(frozen=True)
class DecisionFacts:
    """A decision as intake's feed tells it (`decision.made`, `decision.ended`)."""

    id: uuid.UUID
    person_id: uuid.UUID
    service_type: str
    unit: str | None
    outcome: str
    status: str
    made_on: date
    starts_on: date | None
    ends_on: date | None
    ended_on: date | None
    is_long_term_place: bool

    @property
    def delivered(self) -> bool:
        """Made and granted: the feed told the other services about it."""
        return self.outcome != "refused" and self.status != "draft"

    def running(self, today: date) -> bool:
        return (
            self.delivered
            and self.ended_on is None
            and (self.ends_on is None or self.ends_on >= today)
        )


@dataclass
class Facts:
    """What intake's generator made, for the other services' generators."""

    persons: dict[uuid.UUID, PersonFacts] = field(default_factory=dict)
    decisions: list[DecisionFacts] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    """The municipality's units that deliver services (from the catalogue)."""
    home_services: set[str] = field(default_factory=set)
    """Service types that are home-based (hjemmesykepleie, praktisk bistand, …)."""


class Tables:
    """Rows per table (in foreign-key order), each a dict of column → value."""

    def __init__(self, municipality: str) -> None:
        self.municipality = municipality
        self.rows: dict[str, list[dict[str, Any]]] = {}

    def add(self, table: str, row_id: uuid.UUID, at: datetime, /, **values: Any) -> uuid.UUID:
        row = {
            "id": row_id,
            "municipality": self.municipality,
            "created_at": at,
            "updated_at": at,
            "version": 1,
        }
        row.update(values)
        self.rows.setdefault(table, []).append(row)
        return row_id

    def counts(self) -> dict[str, int]:
        return {table: len(rows) for table, rows in self.rows.items()}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tables) and self.rows == other.rows

    __hash__ = None  # type: ignore[assignment]


async def _column_types(connection: asyncpg.Connection, table: str) -> dict[str, str]:
    rows = await connection.fetch(
        "SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute "
        "WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped",
        table,
    )
    return {row["attname"]: row["type"] for row in rows}


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


async def write_tables(database_url: str, tables: Tables) -> None:
    """Every table's rows in one transaction under the municipality's setting."""
    connection = await asyncpg.connect(_asyncpg_dsn(database_url))
    try:
        async with connection.transaction():
            await connection.execute(
                "SELECT set_config($1, $2, true)", TENANT_SETTING, tables.municipality
            )
            for table, rows in tables.rows.items():
                if not rows:
                    continue
                columns = list(rows[0])
                types = await _column_types(connection, table)
                arrays = ", ".join(
                    f"${n}::{types[column]}[]" for n, column in enumerate(columns, start=1)
                )
                statement = (
                    f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM unnest({arrays})"
                )
                as_json = [types[column] == "jsonb" for column in columns]
                for start in range(0, len(rows), BATCH):
                    batch = rows[start : start + BATCH]
                    arguments = [
                        [_json(row[c]) if j else row[c] for row in batch]
                        for c, j in zip(columns, as_json, strict=True)
                    ]
                    await connection.execute(statement, *arguments)
    finally:
        await connection.close()


async def fetch(database_url: str, municipality: str, sql: str) -> list[asyncpg.Record]:
    """Rows already in a service's database (under the municipality's setting)."""
    connection = await asyncpg.connect(_asyncpg_dsn(database_url))
    try:
        async with connection.transaction():
            await connection.execute(
                "SELECT set_config($1, $2, true)", TENANT_SETTING, municipality
            )
            return list(await connection.fetch(sql))
    finally:
        await connection.close()

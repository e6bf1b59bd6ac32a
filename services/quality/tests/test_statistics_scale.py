"""The statistics count a period's deviations from an index alone, whatever their number."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, text
from sqlalchemy.sql import visitors

from dev.testing import tenant_connection
from services.quality.models import Deviation
from services.quality.repositories.deviations import statistics_statements


async def test_the_statistics_read_only_columns_their_index_holds(
    database_urls: dict[str, str], municipality: str
) -> None:
    """Every column the breakdowns and the median read of a deviation is in the index that
    leads with the municipality and the date, so a period is counted by an index-only scan
    (at 700,000 inhabitants a unit's year of 1,357 deviations; docs/performance.md)."""
    read: set[str] = set()
    for statement in statistics_statements(date(2026, 1, 1), date(2026, 12, 31), ["enhet"]):
        read |= {
            element.name
            for element in visitors.iterate(statement)
            if isinstance(element, Column) and element.table is Deviation.__table__
        }
    async with tenant_connection(database_urls["quality"], municipality) as connection:
        found = await connection.execute(
            text(
                "SELECT a.attname, a.attnum = i.indkey[0] OR a.attnum = i.indkey[1] "
                "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                "WHERE c.relname = 'ix_deviations_counted_by_reported_on'"
            )
        )
        columns = {name: leading for name, leading in found}

    assert {name for name, leading in columns.items() if leading} == {
        "municipality",
        "reported_on",
    }
    assert "reported_on" in read
    assert read <= set(columns), read - set(columns)

"""What the worklists select by is indexed, so a list is found by index whatever the size
of the municipality (docs/performance.md: at 700,000 inhabitants the services without a
primærkontakt took 26 ms of a koordinator's worklist's 29 ms of SQL before `unit` was
indexed, and the measures were unfolded from every active plan's content)."""

from __future__ import annotations

from sqlalchemy import text

from dev.testing import tenant_connection


async def _indexed(url: str, municipality: str, table: str) -> set[str]:
    """The first column of each index on `table`."""
    async with tenant_connection(url, municipality) as connection:
        found = await connection.execute(
            text(
                "SELECT a.attname FROM pg_index i "
                "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
                "WHERE i.indrelid = CAST(:table AS regclass)"
            ),
            {"table": table},
        )
        return {name for (name,) in found}


async def test_the_services_without_a_primary_contact_are_selected_by_indexed_columns(
    database_urls: dict[str, str], municipality: str
) -> None:
    """A leader's units or a koordinator's caseload (`unit = ANY(…) OR person_id = ANY(…)`):
    PostgreSQL combines the two only when both are indexed."""
    indexed = await _indexed(database_urls["coordination"], municipality, "person_services")

    assert {"unit", "person_id"} <= indexed


async def test_the_measures_due_are_selected_by_indexed_columns(
    database_urls: dict[str, str], municipality: str
) -> None:
    """A koordinator's caseload, a leader's units and an owner by name, each indexed with the
    due date in `plan_measures` (an index on the plans' JSON is not used under row-level
    security)."""
    indexed = await _indexed(database_urls["coordination"], municipality, "plan_measures")

    assert {"person_id", "responsible", "owner_sub"} <= indexed

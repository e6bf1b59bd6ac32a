"""The loans list reads a page from an index in its order, whatever the number of loans."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql import visitors

from dev.testing import tenant_connection
from services.welfaretech.models import Loan
from services.welfaretech.repositories.loans import LISTED, counts_of_open_loans


async def test_the_loans_list_is_read_in_its_order_from_an_index(
    database_urls: dict[str, str], municipality: str
) -> None:
    """With scans of whole tables and sorts priced out, the list's page (joined with its
    device and technology, as the repository reads it) starts from the loans' index in
    installation order under row-level security, so a page does not sort every loan."""
    statement = LISTED.order_by(Loan.installed_on, Loan.id).limit(51)
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    sql = str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
    async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
        await connection.execute(text("SET LOCAL enable_seqscan = off"))
        await connection.execute(text("SET LOCAL enable_sort = off"))
        plan = "\n".join(row[0] for row in (await connection.execute(text(f"EXPLAIN {sql}"))))

    assert "ix_loans_municipality_installed_on_id" in plan, plan
    assert "Sort" not in plan.split("ix_loans_municipality_installed_on_id")[0], plan


async def test_the_technology_catalogue_is_analysed_after_its_first_change(
    database_urls: dict[str, str], municipality: str
) -> None:
    """A catalogue of a few dozen rows never reaches autovacuum's default threshold; without
    statistics the planner misjudged the loans list (docs/performance.md)."""
    async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
        options = (
            await connection.execute(
                text("SELECT reloptions FROM pg_class WHERE relname = 'technologies'")
            )
        ).scalar_one()

    assert "autovacuum_analyze_threshold=0" in (options or [])


async def test_the_dashboards_counts_of_open_loans_can_be_read_from_an_index_only(
    database_urls: dict[str, str], municipality: str
) -> None:
    """The open loans, the trials due and the checks overdue are counted from the partial
    index of open loans: it holds every column the count reads (at 700,000 inhabitants an
    index-only scan of the municipality's open loans, ≈ 1.2 ms, where reading every loan
    took ≈ 4 ms; docs/performance.md)."""
    statement = counts_of_open_loans(date(2026, 12, 3))
    read = {
        element.name
        for element in visitors.iterate(statement)
        if isinstance(element, Column) and element.table is Loan.__table__
    }
    async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
        found = await connection.execute(
            text(
                "SELECT array_agg(a.attname), pg_get_expr(i.indpred, i.indrelid) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                "WHERE c.relname = 'ix_loans_open_counted' GROUP BY i.indpred, i.indrelid"
            )
        )
        columns, predicate = found.one()

    assert predicate == "(ended_on IS NULL)"
    assert read - {"ended_on"} <= {*columns} - {"municipality"}, read
    assert "municipality" in columns

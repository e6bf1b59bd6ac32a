"""The loans list reads a page from an index in its order, whatever the number of loans."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.dialects import postgresql

from dev.testing import columns_read, indexes_of, tenant_connection
from services.welfaretech.models import Loan
from services.welfaretech.repositories.loans import COUNTS_OF_OPEN_LOANS, LISTED


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
    read = columns_read([COUNTS_OF_OPEN_LOANS], Loan.__table__)
    index = (await indexes_of(database_urls["welfaretech"], municipality, "loans"))[
        "ix_loans_open_counted"
    ]

    assert index.predicate == "(ended_on IS NULL)"
    assert index.key[0] == "municipality"
    assert read - {"ended_on"} <= {*index.key, *index.included}, read

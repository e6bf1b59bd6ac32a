"""What the worklists select by is indexed, so a list is found by index whatever the size
of the municipality (docs/performance.md: at 700,000 inhabitants the services without a
primærkontakt took 26 ms of a koordinator's worklist's 29 ms of SQL before `unit` was
indexed, and the measures were unfolded from every active plan's content)."""

from __future__ import annotations

from dev.testing import indexes_of


async def _leading(url: str, municipality: str, table: str) -> set[str]:
    """The first key column of each index on `table`."""
    return {index.key[0] for index in (await indexes_of(url, municipality, table)).values()}


async def test_the_services_without_a_primary_contact_are_selected_by_indexed_columns(
    database_urls: dict[str, str], municipality: str
) -> None:
    """A leader's units or a koordinator's caseload (`unit = ANY(…) OR person_id = ANY(…)`):
    PostgreSQL combines the two only when both are indexed."""
    indexed = await _leading(database_urls["coordination"], municipality, "person_services")

    assert {"unit", "person_id"} <= indexed


async def test_the_measures_due_are_selected_by_indexed_columns(
    database_urls: dict[str, str], municipality: str
) -> None:
    """A koordinator's caseload, a leader's units and an owner by name, each indexed with the
    due date in `plan_measures` (an index on the plans' JSON is not used under row-level
    security)."""
    indexes = await indexes_of(database_urls["coordination"], municipality, "plan_measures")
    keys = [index.key for index in indexes.values()]

    for column in ("person_id", "responsible", "owner_sub"):
        assert [column, "due_on"] in keys, keys

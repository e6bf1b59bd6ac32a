"""The statistics count a period's deviations from an index alone, whatever their number."""

from __future__ import annotations

from dev.testing import columns_read, indexes_of
from services.quality.models import Deviation
from services.quality.repositories.deviations import statistics_statements


async def test_the_statistics_read_only_columns_their_index_holds(
    database_urls: dict[str, str], municipality: str
) -> None:
    """Every column the breakdowns and the median read of a deviation is in the index that
    leads with the municipality and the date, so a period is counted by an index-only scan
    (at 700,000 inhabitants a unit's year of 1,357 deviations; docs/performance.md)."""
    read = columns_read(
        statistics_statements(by_unit=True, by_category=True),
        Deviation.__table__,
    )
    index = (await indexes_of(database_urls["quality"], municipality, "deviations"))[
        "ix_deviations_counted_by_reported_on"
    ]

    assert index.key == ["municipality", "reported_on"]
    assert "reported_on" in read
    assert read <= {*index.key, *index.included}, read

"""count the statistics from an index

The statistics count a period's deviations by category, unit, status, month and
grade, and the median days to close. PostgreSQL found the period's rows by unit
or date and then read each from the table, judging row-level security's
condition on each. This index leads with the municipality and the date and
holds every column the counts read, so they are an index-only scan of the
period (at 700,000 inhabitants a year of a home-care unit, 1,357 deviations:
the median 2.0 → 0.8 ms, the breakdowns ≈ 1 ms less).

Revision ID: d4f1b6a8c702
Revises: c9e3a4f5b603
Create Date: 2026-12-03 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "d4f1b6a8c702"
down_revision: str | None = "c9e3a4f5b603"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTED = ["category", "unit", "status", "consequence", "probability", "is_serious", "closed_on"]
"""What the statistics read of each deviation besides its date (`repositories/deviations.py`)."""


def upgrade() -> None:
    op.create_index(
        "ix_deviations_counted_by_reported_on",
        "deviations",
        ["municipality", "reported_on"],
        postgresql_include=COUNTED,
    )


def downgrade() -> None:
    op.drop_index("ix_deviations_counted_by_reported_on", table_name="deviations")

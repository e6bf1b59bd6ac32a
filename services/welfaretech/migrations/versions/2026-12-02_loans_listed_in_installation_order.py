"""loans listed in installation order from an index

The loans list pages in installation order (`installed_on, id`) within the municipality
(row-level security's condition). Without an index in that order PostgreSQL joined every
loan of the municipality with its device and technology and sorted them for each page
(15 ms at 700,000 inhabitants, growing with the loans); with it a page reads its own rows.

Revision ID: 9d4e2b7a1c08
Revises: c691c66554a4
Create Date: 2026-12-02 03:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "9d4e2b7a1c08"
down_revision: str | None = "c691c66554a4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_loans_municipality_installed_on_id", "loans", ["municipality", "installed_on", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_loans_municipality_installed_on_id", table_name="loans")

"""the technology catalogue is analysed as soon as it changes

PostgreSQL's autovacuum analyses a table once more rows than 50 + 10 % have changed; the
municipality's technology catalogue has a few dozen rows, so it was never analysed. Without
its statistics the planner took the row-level security condition on it to keep one row,
and planned the loans list from the technologies outward: every device and loan of the
municipality joined and sorted for each page (25 ms at 700,000 inhabitants, against 0.8 ms
from the loans' index once the catalogue had been analysed). With a threshold of 0 the
catalogue is analysed after its first change.

Revision ID: 3f6a8c2e9b14
Revises: 9d4e2b7a1c08
Create Date: 2026-12-02 03:50:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "3f6a8c2e9b14"
down_revision: str | None = "9d4e2b7a1c08"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("ALTER TABLE technologies SET (autovacuum_analyze_threshold = 0)")
    op.execute("ANALYZE technologies")


def downgrade() -> None:
    op.execute("ALTER TABLE technologies RESET (autovacuum_analyze_threshold)")

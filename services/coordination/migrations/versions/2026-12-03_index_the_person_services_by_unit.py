"""index the person services by unit

The worklists find the running services without a primærkontakt of a leader's
units or of a koordinator's caseload (`unit = ANY(…) OR person_id = ANY(…)`).
Without an index on `unit` PostgreSQL could not combine the two and read every
person service of the municipality: at 700,000 inhabitants (38,000 services)
≈ 26 ms of the koordinator's worklist's 29 ms of SQL, 1.6 ms with it.

Revision ID: 8d1f4a6b2c90
Revises: 5b8e2d0c7f41
Create Date: 2026-12-03 09:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "8d1f4a6b2c90"
down_revision: str | None = "5b8e2d0c7f41"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_person_services_unit"), "person_services", ["unit"])


def downgrade() -> None:
    op.drop_index(op.f("ix_person_services_unit"), table_name="person_services")

"""need level rule as the municipality's data

Revision ID: b3c2e7d4f9a6
Revises: a2b1d6c3e8f5
Create Date: 2026-11-30 23:25:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = 'b3c2e7d4f9a6'
down_revision: str | None = 'a2b1d6c3e8f5'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'intake_settings',
        sa.Column('need_level_rule', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    )


def downgrade() -> None:
    op.drop_column('intake_settings', 'need_level_rule')

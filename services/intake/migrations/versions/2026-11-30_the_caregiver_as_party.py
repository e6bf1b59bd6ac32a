"""the caregiver as party

Revision ID: c4d3f8e5a0b7
Revises: b3c2e7d4f9a6
Create Date: 2026-11-30 23:35:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = 'c4d3f8e5a0b7'
down_revision: str | None = 'b3c2e7d4f9a6'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'applications',
        sa.Column('caregiver', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    )
    op.add_column(
        'decisions',
        sa.Column('addressee', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    )


def downgrade() -> None:
    op.drop_column('decisions', 'addressee')
    op.drop_column('applications', 'caregiver')

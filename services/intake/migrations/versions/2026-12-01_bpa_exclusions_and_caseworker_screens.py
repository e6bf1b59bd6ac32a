"""BPA exclusions and what the caseworker screens need

Revision ID: c9e3a1b2d603
Revises: d5e4a9f6b1c8
Create Date: 2026-12-01 01:35:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'c9e3a1b2d603'
down_revision: str | None = 'd5e4a9f6b1c8'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('assessments', sa.Column('two_helper_hours_per_week', sa.Double(), nullable=True))
    op.add_column('assessments', sa.Column('night_hours_per_week', sa.Double(), nullable=True))
    op.add_column(
        'assessments',
        sa.Column(
            'night_need_continuous', sa.Boolean(), nullable=False, server_default=sa.false()
        ),
    )


def downgrade() -> None:
    op.drop_column('assessments', 'night_need_continuous')
    op.drop_column('assessments', 'night_hours_per_week')
    op.drop_column('assessments', 'two_helper_hours_per_week')

"""add appeal bodies

Who decides an appeal depends on the service (Statsforvalteren, or the
municipality's own appeals board for housing), and the municipality says where
appeals are sent.

Revision ID: c8d7f2e9a4b1
Revises: b7c6e1d8f3a0
Create Date: 2026-11-30 23:20:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = 'c8d7f2e9a4b1'
down_revision: str | None = 'b7c6e1d8f3a0'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'service_types',
        sa.Column(
            'appeal_body',
            sa.String(length=20),
            server_default='statsforvalteren',
            nullable=False,
        ),
    )
    op.add_column(
        'municipality_profiles',
        sa.Column('appeals_to', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    )
    op.add_column(
        'municipality_profiles',
        sa.Column('appeals_board', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    )


def downgrade() -> None:
    op.drop_column('municipality_profiles', 'appeals_board')
    op.drop_column('municipality_profiles', 'appeals_to')
    op.drop_column('service_types', 'appeal_body')

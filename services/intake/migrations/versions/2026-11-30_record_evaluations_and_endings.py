"""record evaluations and endings

Revision ID: a2b1d6c3e8f5
Revises: f1a0c5b2d7e4
Create Date: 2026-11-30 23:20:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = 'a2b1d6c3e8f5'
down_revision: str | None = 'f1a0c5b2d7e4'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'decisions',
        sa.Column(
            'evaluations',
            postgresql.JSONB(astext_type=sa.Text()),
            server_default='[]',
            nullable=False,
        ),
    )
    op.add_column('decisions', sa.Column('ended_on', sa.Date(), nullable=True))
    op.add_column('decisions', sa.Column('ended_note', sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column('decisions', 'ended_note')
    op.drop_column('decisions', 'ended_on')
    op.drop_column('decisions', 'evaluations')

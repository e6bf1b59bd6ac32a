"""add the event version

Each event in the feed names the version of its payload model, so a consumer
parses it with the model it was written with.

Revision ID: e4f3b8a5c0d7
Revises: 2d31b3bc7511
Create Date: 2026-11-30 22:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'e4f3b8a5c0d7'
down_revision: str | None = '2d31b3bc7511'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'events',
        sa.Column('version', sa.SmallInteger(), server_default=sa.text('1'), nullable=False),
    )


def downgrade() -> None:
    op.drop_column('events', 'version')

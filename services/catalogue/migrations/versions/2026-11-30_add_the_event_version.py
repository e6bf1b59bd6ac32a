"""add the event version

Each event in the feed names the version of its payload model, so a consumer
parses it with the model it was written with.

Revision ID: 8a4c2e7f1d93
Revises: 3de83e7aa1cd
Create Date: 2026-11-30 22:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '8a4c2e7f1d93'
down_revision: str | None = '3de83e7aa1cd'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'events',
        sa.Column('version', sa.SmallInteger(), server_default=sa.text('1'), nullable=False),
    )


def downgrade() -> None:
    op.drop_column('events', 'version')

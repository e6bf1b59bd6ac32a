"""mark imported decisions

Revision ID: e0f9b4a1c6d3
Revises: d9e8a3f0b5c2
Create Date: 2026-11-30 23:10:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'e0f9b4a1c6d3'
down_revision: str | None = 'd9e8a3f0b5c2'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('decisions', sa.Column('imported_from', sa.String(length=60), nullable=True))


def downgrade() -> None:
    op.drop_column('decisions', 'imported_from')

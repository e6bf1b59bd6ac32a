"""record who confirmed a representative's mandate

Intake registers a guardian's or fullmakt's mandate as wording, not as typed
matters; the koordinator who reads that wording and confirms it covers
personal or health matters is recorded on the consent.

Revision ID: 3e9b1c7d5a20
Revises: 7a5480aa2d9f
Create Date: 2026-12-01 01:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '3e9b1c7d5a20'
down_revision: str | None = '7a5480aa2d9f'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('consents', sa.Column('scope_confirmed_by', sa.String(length=200), nullable=True))


def downgrade() -> None:
    op.drop_column('consents', 'scope_confirmed_by')

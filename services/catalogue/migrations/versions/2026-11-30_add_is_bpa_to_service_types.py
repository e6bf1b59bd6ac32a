"""add is_bpa to service types

Whether a service type is brukerstyrt personlig assistanse is a typed property
the municipality sets, not something read out of its legal-basis text.

Revision ID: b7c6e1d8f3a0
Revises: 8a4c2e7f1d93
Create Date: 2026-11-30 23:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'b7c6e1d8f3a0'
down_revision: str | None = '8a4c2e7f1d93'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'service_types',
        sa.Column('is_bpa', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    )


def downgrade() -> None:
    op.drop_column('service_types', 'is_bpa')

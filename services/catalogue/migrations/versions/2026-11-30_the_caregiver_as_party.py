"""the caregiver as party

Revision ID: d0e9a4b8c5f2
Revises: c8d7f2e9a4b1
Create Date: 2026-11-30 23:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'd0e9a4b8c5f2'
down_revision: str | None = 'c8d7f2e9a4b1'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'service_types',
        sa.Column(
            'caregiver_is_party', sa.Boolean(), server_default=sa.text('false'), nullable=False
        ),
    )


def downgrade() -> None:
    op.drop_column('service_types', 'caregiver_is_party')

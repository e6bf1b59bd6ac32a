"""indexes for scale: names, worklist and decision lists

Revision ID: d0f4b2c3e704
Revises: c9e3a1b2d603
Create Date: 2026-12-01 01:35:00
"""
from collections.abc import Sequence

revision: str = 'd0f4b2c3e704'
down_revision: str | None = 'c9e3a1b2d603'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

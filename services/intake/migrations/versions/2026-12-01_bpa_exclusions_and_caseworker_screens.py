"""BPA exclusions and what the caseworker screens need

Revision ID: c9e3a1b2d603
Revises: d5e4a9f6b1c8
Create Date: 2026-12-01 01:35:00
"""
from collections.abc import Sequence

revision: str = 'c9e3a1b2d603'
down_revision: str | None = 'd5e4a9f6b1c8'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

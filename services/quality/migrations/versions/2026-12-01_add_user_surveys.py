"""add user and relatives' surveys

Revision ID: b8d2f3e4a502
Revises: a7c1e2d3f401
Create Date: 2026-12-01 01:31:00
"""
from collections.abc import Sequence

revision: str = 'b8d2f3e4a502'
down_revision: str | None = 'a7c1e2d3f401'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

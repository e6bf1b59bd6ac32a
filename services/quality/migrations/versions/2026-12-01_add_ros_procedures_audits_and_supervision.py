"""add risk analyses (ROS), procedures, internal audits and supervision findings

Revision ID: a7c1e2d3f401
Revises: db07354459c9
Create Date: 2026-12-01 01:30:00
"""
from collections.abc import Sequence

revision: str = 'a7c1e2d3f401'
down_revision: str | None = 'db07354459c9'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

"""fold names both ways for search

Names are searchable with or without their diacritics («grasli» finds Græsli,
«aase» finds Åse): the stored search key is recomputed for every person.

Revision ID: f1a0c5b2d7e4
Revises: e0f9b4a1c6d3
Create Date: 2026-11-30 23:15:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from services.intake.domain.persons import search_key

revision: str = 'f1a0c5b2d7e4'
down_revision: str | None = 'e0f9b4a1c6d3'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Row-level security is forced on persons; the data step runs across municipalities.
    op.execute("ALTER TABLE persons NO FORCE ROW LEVEL SECURITY")
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, given_name, family_name FROM persons")).all()
    for person_id, given_name, family_name in rows:
        bind.execute(
            sa.text("UPDATE persons SET search_text = :key WHERE id = :id"),
            {"key": search_key(family_name, given_name), "id": person_id},
        )
    op.execute("ALTER TABLE persons FORCE ROW LEVEL SECURITY")


def downgrade() -> None:
    """The new keys start with the old plain folding; nothing to undo."""

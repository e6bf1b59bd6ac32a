"""renew and end a legal decision

A § 4-6 a decision is renewed by a new decision (each condition documented
anew), named on the one it replaces, at most once; or ended early, with the
day, the reason and who ended it.

Revision ID: 5c8e1a9d3f72
Revises: b16e2f16cddc
Create Date: 2026-12-01 04:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '5c8e1a9d3f72'
down_revision: str | None = 'b16e2f16cddc'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('legal_decisions', sa.Column('renewed_by_id', sa.Uuid(), nullable=True))
    op.add_column('legal_decisions', sa.Column('ended_on', sa.Date(), nullable=True))
    op.add_column('legal_decisions', sa.Column('end_reason', sa.Text(), nullable=True))
    op.add_column(
        'legal_decisions', sa.Column('ended_by_name', sa.String(length=200), nullable=True)
    )
    op.create_unique_constraint(
        op.f('uq_legal_decisions_renewed_by_id'), 'legal_decisions', ['renewed_by_id']
    )
    op.create_foreign_key(
        op.f('fk_legal_decisions_renewed_by_id_legal_decisions'),
        'legal_decisions',
        'legal_decisions',
        ['renewed_by_id'],
        ['id'],
    )


def downgrade() -> None:
    op.drop_constraint(
        op.f('fk_legal_decisions_renewed_by_id_legal_decisions'),
        'legal_decisions',
        type_='foreignkey',
    )
    op.drop_constraint(
        op.f('uq_legal_decisions_renewed_by_id'), 'legal_decisions', type_='unique'
    )
    op.drop_column('legal_decisions', 'ended_by_name')
    op.drop_column('legal_decisions', 'end_reason')
    op.drop_column('legal_decisions', 'ended_on')
    op.drop_column('legal_decisions', 'renewed_by_id')

"""date referrals and keep the need-to-know window

A referral's unit serves the person from the day it was received until the
window after it was closed: the day it was closed is recorded (referrals closed
before this are dated by their last change). Intake's feed tells the
municipality's need-to-know window (`municipality_settings.changed`) and each
emergency access (`emergency_access.granted`); welfare technology keeps both
and judges its relations by them (shared/relation_facts.py).

Revision ID: e1b7c3a9d5f2
Revises: 5c8e1a9d3f72
Create Date: 2026-12-01 09:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from shared.db import disable_tenant_rls, enable_tenant_rls

revision: str = 'e1b7c3a9d5f2'
down_revision: str | None = '5c8e1a9d3f72'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = ['relation_windows', 'emergency_accesses']


def _tenant_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column('id', sa.Uuid(), server_default=sa.text('gen_random_uuid()'), nullable=False),
        sa.Column('municipality', sa.String(length=4), server_default=sa.text("current_setting('mestring.municipality', true)"), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    ]


def upgrade() -> None:
    op.add_column('referrals', sa.Column('closed_on', sa.Date(), nullable=True))
    # For every municipality at once: row-level security lifted for the update, then forced again.
    op.execute("ALTER TABLE referrals NO FORCE ROW LEVEL SECURITY")
    op.execute(
        "UPDATE referrals SET closed_on = (updated_at AT TIME ZONE 'Europe/Oslo')::date "
        "WHERE status = 'closed'"
    )
    op.execute("ALTER TABLE referrals FORCE ROW LEVEL SECURITY")
    op.create_table('relation_windows',
    sa.Column('days_after_end', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.BigInteger(), nullable=False),
    *_tenant_columns(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relation_windows')),
    sa.UniqueConstraint('municipality', name=op.f('uq_relation_windows_municipality'))
    )
    op.create_index(op.f('ix_relation_windows_municipality'), 'relation_windows', ['municipality'], unique=False)
    op.create_table('emergency_accesses',
    sa.Column('access_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('employee_sub', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('valid_until', sa.DateTime(timezone=True), nullable=False),
    *_tenant_columns(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_emergency_accesses')),
    sa.UniqueConstraint('municipality', 'access_id', name=op.f('uq_emergency_accesses_municipality_access_id'))
    )
    op.create_index(op.f('ix_emergency_accesses_municipality'), 'emergency_accesses', ['municipality'], unique=False)
    op.create_index(op.f('ix_emergency_accesses_person_id'), 'emergency_accesses', ['person_id'], unique=False)
    for table in TENANT_TABLES:
        enable_tenant_rls(op, table)


def downgrade() -> None:
    for table in TENANT_TABLES:
        disable_tenant_rls(op, table)
    op.drop_index(op.f('ix_emergency_accesses_person_id'), table_name='emergency_accesses')
    op.drop_index(op.f('ix_emergency_accesses_municipality'), table_name='emergency_accesses')
    op.drop_table('emergency_accesses')
    op.drop_index(op.f('ix_relation_windows_municipality'), table_name='relation_windows')
    op.drop_table('relation_windows')
    op.drop_column('referrals', 'closed_on')

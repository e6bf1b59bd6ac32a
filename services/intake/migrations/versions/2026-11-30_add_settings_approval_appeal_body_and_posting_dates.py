"""add settings, approval, appeal body and posting dates

The municipality's four-eyes choice as data; who sent a decision for approval
(someone else approves it); the appeal body a decision names; the date an
appeal was posted (fvl § 30); the interim reply's reason and expected date
(fvl § 11 a).

Revision ID: d9e8a3f0b5c2
Revises: a1c0e5d2b7f4
Create Date: 2026-11-30 23:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from shared.db import disable_tenant_rls, enable_tenant_rls

revision: str = 'd9e8a3f0b5c2'
down_revision: str | None = 'a1c0e5d2b7f4'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('decisions', sa.Column('submitted_by', sa.String(length=200), nullable=True))
    op.add_column(
        'decisions',
        sa.Column(
            'appeal_body', sa.String(length=20), server_default='statsforvalteren', nullable=False
        ),
    )
    op.add_column('appeals', sa.Column('sent_on', sa.Date(), nullable=True))
    op.add_column('applications', sa.Column('interim_reply_reason', sa.Text(), nullable=True))
    op.add_column('applications', sa.Column('expected_decision_by', sa.Date(), nullable=True))
    op.create_table(
        'intake_settings',
        sa.Column('four_eyes', sa.Boolean(), server_default=sa.text('false'), nullable=False),
        sa.Column('id', sa.Uuid(), server_default=sa.text('gen_random_uuid()'), nullable=False),
        sa.Column(
            'municipality',
            sa.String(length=4),
            server_default=sa.text("current_setting('mestring.municipality', true)"),
            nullable=False,
        ),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_intake_settings')),
        sa.UniqueConstraint('municipality', name=op.f('uq_intake_settings_municipality')),
    )
    op.create_index(
        op.f('ix_intake_settings_municipality'), 'intake_settings', ['municipality'], unique=False
    )
    enable_tenant_rls(op, 'intake_settings')


def downgrade() -> None:
    disable_tenant_rls(op, 'intake_settings')
    op.drop_index(op.f('ix_intake_settings_municipality'), table_name='intake_settings')
    op.drop_table('intake_settings')
    op.drop_column('applications', 'expected_decision_by')
    op.drop_column('applications', 'interim_reply_reason')
    op.drop_column('appeals', 'sent_on')
    op.drop_column('decisions', 'appeal_body')
    op.drop_column('decisions', 'submitted_by')

"""assessment drafts and user preferences

Revision ID: d5e4a9f6b1c8
Revises: c4d3f8e5a0b7
Create Date: 2026-11-30 23:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from shared.db import disable_tenant_rls, enable_tenant_rls

revision: str = 'd5e4a9f6b1c8'
down_revision: str | None = 'c4d3f8e5a0b7'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = ['assessment_drafts', 'user_preferences']


def _tenant_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column('id', sa.Uuid(), server_default=sa.text('gen_random_uuid()'), nullable=False),
        sa.Column('municipality', sa.String(length=4), server_default=sa.text("current_setting('mestring.municipality', true)"), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    ]


def upgrade() -> None:
    op.create_table('assessment_drafts',
    sa.Column('application_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('content', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('saved_by', sa.String(length=200), nullable=False),
    sa.Column('saved_by_name', sa.String(length=200), nullable=False),
    *_tenant_columns(),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_assessment_drafts_application_id_applications')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_assessment_drafts_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment_drafts')),
    sa.UniqueConstraint('application_id', name=op.f('uq_assessment_drafts_application_id'))
    )
    op.create_index(op.f('ix_assessment_drafts_municipality'), 'assessment_drafts', ['municipality'], unique=False)
    op.create_table('user_preferences',
    sa.Column('user_sub', sa.String(length=200), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    *_tenant_columns(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_preferences')),
    sa.UniqueConstraint('municipality', 'user_sub', name=op.f('uq_user_preferences_municipality_user_sub'))
    )
    op.create_index(op.f('ix_user_preferences_municipality'), 'user_preferences', ['municipality'], unique=False)
    for table in TENANT_TABLES:
        enable_tenant_rls(op, table)


def downgrade() -> None:
    for table in TENANT_TABLES:
        disable_tenant_rls(op, table)
    op.drop_index(op.f('ix_user_preferences_municipality'), table_name='user_preferences')
    op.drop_table('user_preferences')
    op.drop_index(op.f('ix_assessment_drafts_municipality'), table_name='assessment_drafts')
    op.drop_table('assessment_drafts')

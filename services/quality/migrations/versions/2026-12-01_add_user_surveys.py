"""add user and relatives' surveys

Surveys per service type or unit with their versions, open collection links per
unit, single-use answer tokens (hashed), and the anonymous answers.

Revision ID: b8d2f3e4a502
Revises: a7c1e2d3f401
Create Date: 2026-12-01 01:31:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from shared.db import disable_tenant_rls, enable_tenant_rls

revision: str = 'b8d2f3e4a502'
down_revision: str | None = 'a7c1e2d3f401'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = ['surveys', 'survey_versions', 'survey_links', 'survey_tokens', 'survey_answers']


def _tenant_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column('id', sa.Uuid(), server_default=sa.text('gen_random_uuid()'), nullable=False),
        sa.Column('municipality', sa.String(length=4), server_default=sa.text("current_setting('mestring.municipality', true)"), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    ]


def upgrade() -> None:
    op.create_table('surveys',
    sa.Column('service_type', sa.String(length=60), nullable=True),
    sa.Column('unit', sa.String(length=60), nullable=True),
    sa.Column('respondent', sa.String(length=20), nullable=False),
    sa.Column('is_open', sa.Boolean(), nullable=False),
    sa.Column('current_version', sa.Integer(), nullable=False),
    sa.Column('created_by_name', sa.String(length=200), nullable=False),
    *_tenant_columns(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_surveys'))
    )
    op.create_index(op.f('ix_surveys_municipality'), 'surveys', ['municipality'], unique=False)
    op.create_index(op.f('ix_surveys_service_type'), 'surveys', ['service_type'], unique=False)
    op.create_index(op.f('ix_surveys_unit'), 'surveys', ['unit'], unique=False)
    op.create_table('survey_versions',
    sa.Column('survey_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('intro', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('questions', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('has_answers', sa.Boolean(), nullable=False),
    *_tenant_columns(),
    sa.ForeignKeyConstraint(['survey_id'], ['surveys.id'], name=op.f('fk_survey_versions_survey_id_surveys')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_versions')),
    sa.UniqueConstraint('survey_id', 'number', name=op.f('uq_survey_versions_survey_id_number'))
    )
    op.create_index(op.f('ix_survey_versions_municipality'), 'survey_versions', ['municipality'], unique=False)
    op.create_index(op.f('ix_survey_versions_survey_id'), 'survey_versions', ['survey_id'], unique=False)
    op.create_table('survey_links',
    sa.Column('survey_id', sa.Uuid(), nullable=False),
    sa.Column('unit', sa.String(length=60), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    *_tenant_columns(),
    sa.ForeignKeyConstraint(['survey_id'], ['surveys.id'], name=op.f('fk_survey_links_survey_id_surveys')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_links')),
    sa.UniqueConstraint('survey_id', 'unit', name=op.f('uq_survey_links_survey_id_unit')),
    sa.UniqueConstraint('token', name=op.f('uq_survey_links_token'))
    )
    op.create_index(op.f('ix_survey_links_municipality'), 'survey_links', ['municipality'], unique=False)
    op.create_index(op.f('ix_survey_links_survey_id'), 'survey_links', ['survey_id'], unique=False)
    op.create_table('survey_tokens',
    sa.Column('survey_id', sa.Uuid(), nullable=False),
    sa.Column('unit', sa.String(length=60), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('used_on', sa.Date(), nullable=True),
    *_tenant_columns(),
    sa.ForeignKeyConstraint(['survey_id'], ['surveys.id'], name=op.f('fk_survey_tokens_survey_id_surveys')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_survey_tokens_token_hash'))
    )
    op.create_index(op.f('ix_survey_tokens_municipality'), 'survey_tokens', ['municipality'], unique=False)
    op.create_index(op.f('ix_survey_tokens_survey_id'), 'survey_tokens', ['survey_id'], unique=False)
    op.create_table('survey_answers',
    sa.Column('survey_id', sa.Uuid(), nullable=False),
    sa.Column('version_id', sa.Uuid(), nullable=False),
    sa.Column('unit', sa.String(length=60), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('responses', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('routed', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    *_tenant_columns(),
    sa.ForeignKeyConstraint(['survey_id'], ['surveys.id'], name=op.f('fk_survey_answers_survey_id_surveys')),
    sa.ForeignKeyConstraint(['version_id'], ['survey_versions.id'], name=op.f('fk_survey_answers_version_id_survey_versions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_answers'))
    )
    op.create_index(op.f('ix_survey_answers_answered_on'), 'survey_answers', ['answered_on'], unique=False)
    op.create_index(op.f('ix_survey_answers_municipality'), 'survey_answers', ['municipality'], unique=False)
    op.create_index(op.f('ix_survey_answers_survey_id'), 'survey_answers', ['survey_id'], unique=False)
    op.create_index(op.f('ix_survey_answers_unit'), 'survey_answers', ['unit'], unique=False)
    op.create_index(op.f('ix_survey_answers_version_id'), 'survey_answers', ['version_id'], unique=False)
    for table in TENANT_TABLES:
        enable_tenant_rls(op, table)


def downgrade() -> None:
    for table in reversed(TENANT_TABLES):
        disable_tenant_rls(op, table)
    op.drop_table('survey_answers')
    op.drop_table('survey_tokens')
    op.drop_table('survey_links')
    op.drop_table('survey_versions')
    op.drop_table('surveys')

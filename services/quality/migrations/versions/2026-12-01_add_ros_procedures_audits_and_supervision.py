"""add risk analyses (ROS), procedures, internal audits and supervision findings

ROS analyses per unit with their hazards graded on the deviations' risk
matrix; the procedure library with immutable versions and read-and-understood
receipts; the employees seen by the quality system (who is expected to
confirm); internal audits against a procedure; findings from external
supervision (tilsyn); the measures (tiltak) that follow up all three; and a
deviation's reference to the ROS hazard it confirms and the procedure that was
not followed.

Revision ID: a7c1e2d3f401
Revises: db07354459c9
Create Date: 2026-12-01 01:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from shared.db import disable_tenant_rls, enable_tenant_rls

revision: str = 'a7c1e2d3f401'
down_revision: str | None = 'db07354459c9'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = [
    'ros_analyses',
    'ros_hazards',
    'procedures',
    'procedure_versions',
    'procedure_receipts',
    'staff_members',
    'internal_audits',
    'supervision_findings',
    'quality_measures',
    'deviation_references',
]


def _tenant_columns(table: str) -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column('id', sa.Uuid(), server_default=sa.text('gen_random_uuid()'), nullable=False),
        sa.Column('municipality', sa.String(length=4), server_default=sa.text("current_setting('mestring.municipality', true)"), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{table}')),
    ]


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(op.f(f'ix_{table}_{column}'), table, [column], unique=False)


def upgrade() -> None:
    op.create_table('ros_analyses',
    sa.Column('unit', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('scope', sa.Text(), nullable=False),
    sa.Column('analysed_on', sa.Date(), nullable=False),
    sa.Column('participants', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('approved_by', sa.String(length=200), nullable=True),
    *_tenant_columns('ros_analyses'),
    )
    _index('ros_analyses', 'municipality', 'unit', 'status')
    op.create_table('ros_hazards',
    sa.Column('analysis_id', sa.Uuid(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('existing_barriers', sa.Text(), nullable=True),
    sa.Column('consequence', sa.SmallInteger(), nullable=False),
    sa.Column('probability', sa.SmallInteger(), nullable=False),
    sa.Column('risk_score', sa.SmallInteger(), nullable=False),
    sa.ForeignKeyConstraint(['analysis_id'], ['ros_analyses.id'], name=op.f('fk_ros_hazards_analysis_id_ros_analyses')),
    *_tenant_columns('ros_hazards'),
    )
    _index('ros_hazards', 'municipality', 'analysis_id', 'risk_score')
    op.create_table('procedures',
    sa.Column('unit', sa.String(length=60), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('current_number', sa.Integer(), nullable=False),
    sa.Column('review_by', sa.Date(), nullable=False),
    *_tenant_columns('procedures'),
    )
    _index('procedures', 'municipality', 'unit', 'review_by')
    op.create_table('procedure_versions',
    sa.Column('procedure_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('review_by', sa.Date(), nullable=False),
    sa.Column('approved_by', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('link', sa.String(length=500), nullable=True),
    sa.Column('change_note', sa.Text(), nullable=True),
    sa.Column('written_by_name', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedures.id'], name=op.f('fk_procedure_versions_procedure_id_procedures')),
    sa.UniqueConstraint('procedure_id', 'number', name=op.f('uq_procedure_versions_procedure_id_number')),
    *_tenant_columns('procedure_versions'),
    )
    _index('procedure_versions', 'municipality', 'procedure_id')
    op.create_table('procedure_receipts',
    sa.Column('procedure_id', sa.Uuid(), nullable=False),
    sa.Column('version_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('employee_sub', sa.String(length=200), nullable=False),
    sa.Column('employee_name', sa.String(length=200), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedures.id'], name=op.f('fk_procedure_receipts_procedure_id_procedures')),
    sa.ForeignKeyConstraint(['version_id'], ['procedure_versions.id'], name=op.f('fk_procedure_receipts_version_id_procedure_versions')),
    sa.UniqueConstraint('version_id', 'employee_sub', name=op.f('uq_procedure_receipts_version_id_employee_sub')),
    *_tenant_columns('procedure_receipts'),
    )
    _index('procedure_receipts', 'municipality', 'procedure_id', 'version_id', 'employee_sub')
    op.create_table('staff_members',
    sa.Column('sub', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('units', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint('municipality', 'sub', name=op.f('uq_staff_members_municipality_sub')),
    *_tenant_columns('staff_members'),
    )
    _index('staff_members', 'municipality')
    op.create_table('internal_audits',
    sa.Column('procedure_id', sa.Uuid(), nullable=False),
    sa.Column('procedure_number', sa.Integer(), nullable=True),
    sa.Column('unit', sa.String(length=60), nullable=False),
    sa.Column('planned_on', sa.Date(), nullable=False),
    sa.Column('auditor', sa.String(length=200), nullable=False),
    sa.Column('sample_plan', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('performed_on', sa.Date(), nullable=True),
    sa.Column('sample', sa.Text(), nullable=True),
    sa.Column('findings', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedures.id'], name=op.f('fk_internal_audits_procedure_id_procedures')),
    *_tenant_columns('internal_audits'),
    )
    _index('internal_audits', 'municipality', 'procedure_id', 'unit', 'planned_on', 'status')
    op.create_table('supervision_findings',
    sa.Column('authority', sa.String(length=40), nullable=False),
    sa.Column('case_reference', sa.String(length=60), nullable=True),
    sa.Column('unit', sa.String(length=60), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('closing_note', sa.Text(), nullable=True),
    *_tenant_columns('supervision_findings'),
    )
    _index('supervision_findings', 'municipality', 'unit', 'deadline', 'status')
    op.create_table('quality_measures',
    sa.Column('hazard_id', sa.Uuid(), nullable=True),
    sa.Column('audit_id', sa.Uuid(), nullable=True),
    sa.Column('finding_id', sa.Uuid(), nullable=True),
    sa.Column('unit', sa.String(length=60), nullable=True),
    sa.Column('non_conformity', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['hazard_id'], ['ros_hazards.id'], name=op.f('fk_quality_measures_hazard_id_ros_hazards')),
    sa.ForeignKeyConstraint(['audit_id'], ['internal_audits.id'], name=op.f('fk_quality_measures_audit_id_internal_audits')),
    sa.ForeignKeyConstraint(['finding_id'], ['supervision_findings.id'], name=op.f('fk_quality_measures_finding_id_supervision_findings')),
    sa.CheckConstraint('num_nonnulls(hazard_id, audit_id, finding_id) = 1', name=op.f('ck_quality_measures_one_source')),
    *_tenant_columns('quality_measures'),
    )
    _index('quality_measures', 'municipality', 'hazard_id', 'audit_id', 'finding_id', 'unit', 'due_on', 'status')
    op.create_table('deviation_references',
    sa.Column('deviation_id', sa.Uuid(), nullable=False),
    sa.Column('hazard_id', sa.Uuid(), nullable=True),
    sa.Column('procedure_id', sa.Uuid(), nullable=True),
    sa.Column('procedure_number', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['deviation_id'], ['deviations.id'], name=op.f('fk_deviation_references_deviation_id_deviations')),
    sa.ForeignKeyConstraint(['hazard_id'], ['ros_hazards.id'], name=op.f('fk_deviation_references_hazard_id_ros_hazards')),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedures.id'], name=op.f('fk_deviation_references_procedure_id_procedures')),
    sa.UniqueConstraint('deviation_id', name=op.f('uq_deviation_references_deviation_id')),
    *_tenant_columns('deviation_references'),
    )
    _index('deviation_references', 'municipality', 'hazard_id', 'procedure_id')
    for table in TENANT_TABLES:
        enable_tenant_rls(op, table)


def downgrade() -> None:
    for table in TENANT_TABLES:
        disable_tenant_rls(op, table)
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)

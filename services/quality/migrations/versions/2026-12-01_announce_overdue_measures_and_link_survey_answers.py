"""announce overdue measures and link a deviation to the survey answer it came from

A measure of the quality system (ROS, audit, supervision) is announced overdue once,
like a deviation's corrective action: `quality_measures.overdue_reported`. A deviation
raised from a survey answer names that answer and its question in
`deviation_references`; the answers already routed are linked from their `routed` list.

Revision ID: c9e3a4f5b603
Revises: b8d2f3e4a502
Create Date: 2026-12-01 04:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'c9e3a4f5b603'
down_revision: str | None = 'b8d2f3e4a502'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'quality_measures',
        sa.Column(
            'overdue_reported', sa.Boolean(), server_default=sa.text('false'), nullable=False
        ),
    )
    op.add_column('deviation_references', sa.Column('survey_answer_id', sa.Uuid(), nullable=True))
    op.add_column(
        'deviation_references', sa.Column('survey_question_id', sa.String(length=40), nullable=True)
    )
    op.create_foreign_key(
        op.f('fk_deviation_references_survey_answer_id_survey_answers'),
        'deviation_references',
        'survey_answers',
        ['survey_answer_id'],
        ['id'],
    )
    op.create_index(
        op.f('ix_deviation_references_survey_answer_id'),
        'deviation_references',
        ['survey_answer_id'],
        unique=False,
    )
    # The deviations already raised from an answer: linked back to it, for every
    # municipality at once (row-level security lifted for the copy, then forced again).
    backfilled = ('survey_answers', 'deviations', 'deviation_references')
    for table in backfilled:
        op.execute(f'ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY')
    op.execute(
        """
        INSERT INTO deviation_references
            (municipality, deviation_id, survey_answer_id, survey_question_id)
        SELECT a.municipality, d.id, a.id, r.value->>'question_id'
        FROM survey_answers a
        CROSS JOIN LATERAL jsonb_array_elements(a.routed) AS r(value)
        JOIN deviations d ON d.id = (r.value->>'deviation_id')::uuid
        ON CONFLICT (deviation_id) DO UPDATE
        SET survey_answer_id = EXCLUDED.survey_answer_id,
            survey_question_id = EXCLUDED.survey_question_id
        """
    )
    for table in backfilled:
        op.execute(f'ALTER TABLE {table} FORCE ROW LEVEL SECURITY')


def downgrade() -> None:
    op.drop_index(
        op.f('ix_deviation_references_survey_answer_id'), table_name='deviation_references'
    )
    op.drop_constraint(
        op.f('fk_deviation_references_survey_answer_id_survey_answers'),
        'deviation_references',
        type_='foreignkey',
    )
    op.drop_column('deviation_references', 'survey_question_id')
    op.drop_column('deviation_references', 'survey_answer_id')
    op.drop_column('quality_measures', 'overdue_reported')

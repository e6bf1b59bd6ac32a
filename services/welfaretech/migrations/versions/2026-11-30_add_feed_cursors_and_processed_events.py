"""add feed cursors and processed events

The service reads other services' event feeds: how far per municipality, and
which events it has already handled, so that a replay changes nothing.

Revision ID: a6b5d0c7e2f9
Revises: d3e2a7f4b9c6
Create Date: 2026-11-30 22:50:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from shared.db import disable_tenant_rls, enable_tenant_rls

revision: str = 'a6b5d0c7e2f9'
down_revision: str | None = 'd3e2a7f4b9c6'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = ['feed_cursors', 'processed_events']


def _tenant_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column('id', sa.Uuid(), server_default=sa.text('gen_random_uuid()'), nullable=False),
        sa.Column('municipality', sa.String(length=4), server_default=sa.text("current_setting('mestring.municipality', true)"), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    ]


def upgrade() -> None:
    op.create_table('feed_cursors',
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('position', sa.BigInteger(), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    *_tenant_columns(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_cursors')),
    sa.UniqueConstraint('municipality', 'source', name=op.f('uq_feed_cursors_municipality_source'))
    )
    op.create_index(op.f('ix_feed_cursors_municipality'), 'feed_cursors', ['municipality'], unique=False)
    op.create_table('processed_events',
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('event_type', sa.String(length=100), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    *_tenant_columns(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processed_events')),
    sa.UniqueConstraint('municipality', 'source', 'event_id', name=op.f('uq_processed_events_municipality_source_event_id'))
    )
    op.create_index(op.f('ix_processed_events_municipality'), 'processed_events', ['municipality'], unique=False)
    for table in TENANT_TABLES:
        enable_tenant_rls(op, table)


def downgrade() -> None:
    for table in TENANT_TABLES:
        disable_tenant_rls(op, table)
    op.drop_index(op.f('ix_processed_events_municipality'), table_name='processed_events')
    op.drop_table('processed_events')
    op.drop_index(op.f('ix_feed_cursors_municipality'), table_name='feed_cursors')
    op.drop_table('feed_cursors')

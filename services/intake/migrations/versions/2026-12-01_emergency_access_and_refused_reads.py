"""emergency access and refused reads

Nødtilgang becomes a record a leader reviews (who, which person, category,
reason, granted and expiring, review status); the municipality may set how
long a unit keeps its relation after a service ended; the access log, which
now also holds refused attempts, gets an index for the day's reads per
employee (the unusual-pattern list).

Revision ID: e1a5c3d4f805
Revises: d0f4b2c3e704
Create Date: 2026-12-01 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from shared.db import disable_tenant_rls, enable_tenant_rls

revision: str = "e1a5c3d4f805"
down_revision: str | None = "d0f4b2c3e704"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _tenant_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column(
            "municipality",
            sa.String(length=4),
            server_default=sa.text("current_setting('mestring.municipality', true)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "emergency_accesses",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("actor_name", sa.String(length=200), nullable=False),
        sa.Column("actor_units", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("review_status", sa.String(length=30), nullable=False),
        sa.Column("reviewed_by", sa.String(length=200), nullable=True),
        sa.Column("reviewed_by_name", sa.String(length=200), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=True),
        *_tenant_columns(),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_emergency_accesses_person_id_persons"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_emergency_accesses")),
    )
    for column in ("municipality", "person_id", "actor", "review_status"):
        op.create_index(
            op.f(f"ix_emergency_accesses_{column}"), "emergency_accesses", [column], unique=False
        )
    enable_tenant_rls(op, "emergency_accesses")
    op.add_column(
        "intake_settings", sa.Column("need_to_know_days_after_end", sa.Integer(), nullable=True)
    )
    op.create_index(
        "ix_access_log_municipality_occurred_at_actor",
        "access_log",
        ["municipality", "occurred_at", "actor"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_access_log_municipality_occurred_at_actor", table_name="access_log")
    op.drop_column("intake_settings", "need_to_know_days_after_end")
    disable_tenant_rls(op, "emergency_accesses")
    for column in ("review_status", "actor", "person_id", "municipality"):
        op.drop_index(op.f(f"ix_emergency_accesses_{column}"), table_name="emergency_accesses")
    op.drop_table("emergency_accesses")

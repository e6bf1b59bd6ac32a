"""keep each plan's measures as rows

The worklists found the measures past or near their deadline by unfolding every
active plan's content (`jsonb_array_elements`), so a koordinator's worklist read
and decoded the JSON of every active plan of the municipality on each request and
grew with them (≈ 5–7 ms of PostgreSQL for ≈ 1,300 plans at 700,000 inhabitants).
An index on the JSON does not help: under row-level security PostgreSQL uses an
index only for leakproof operators, and jsonb's `@>` is not.

`plan_measures` holds the measures of each plan's current content, one row each,
with the plan's person and status and the columns the worklists select on
(responsible, owner, status, due date), found with plain equality and ranges,
which row-level security lets an index serve.

Kept by a trigger on `plans`, in the transaction of the write, rather than by the
flow: plans are written by the API's flows, by intake's feed, by the seed and by
the demo generator's bulk inserts, and a trigger keeps the rows right for each of
them and for any write path added later. On every insert, and every update of the
content or the status, the plan's rows are replaced by those of its content.

Back-filled here from the plans already stored, in every municipality.

Revision ID: 5b8e2d0c7f41
Revises: 9c4d2e7f1a63
Create Date: 2026-12-03 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from shared.db import disable_tenant_rls, enable_tenant_rls

revision: str = "5b8e2d0c7f41"
down_revision: str | None = "9c4d2e7f1a63"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROWS = """
INSERT INTO plan_measures (plan_id, measure_id, municipality, person_id, plan_status, what,
                           responsible_kind, responsible, owner_sub, status, due_on)
SELECT {plan}.id, (m ->> 'id')::uuid, {plan}.municipality, {plan}.person_id, {plan}.status,
       m ->> 'what', m ->> 'responsible_kind', m ->> 'responsible', m ->> 'owner_sub',
       m ->> 'status', (m ->> 'due_on')::date
  FROM {source} jsonb_array_elements(coalesce({plan}.content -> 'measures', '[]'::jsonb)) AS m
ON CONFLICT DO NOTHING
"""
"""The measures of `{plan}`'s content as rows (a measure's id is unique in its plan; a plan
stored before that was checked keeps its first measure of an id)."""

AFTER_PLAN = f"""
CREATE FUNCTION plan_measures_after_plan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM plan_measures WHERE plan_id = NEW.id;
    END IF;
    {ROWS.format(plan="NEW", source="")};
    RETURN NULL;
END
$$
"""

TRIGGER = (
    "CREATE TRIGGER plan_measures_after_plan "
    "AFTER INSERT OR UPDATE OF content, status ON plans "
    "FOR EACH ROW EXECUTE FUNCTION plan_measures_after_plan()"
)


def upgrade() -> None:
    op.create_table(
        "plan_measures",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.Column(
            "municipality",
            sa.String(length=4),
            server_default=sa.text("current_setting('mestring.municipality', true)"),
            nullable=False,
        ),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("plan_status", sa.String(length=20), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("responsible_kind", sa.String(length=20), nullable=False),
        sa.Column("responsible", sa.String(length=200), nullable=True),
        sa.Column("owner_sub", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_plan_measures_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("plan_id", "measure_id", name=op.f("pk_plan_measures")),
    )
    for column in ("person_id", "responsible", "owner_sub"):
        op.create_index(
            op.f(f"ix_plan_measures_{column}_due_on"), "plan_measures", [column, "due_on"]
        )
    op.execute(AFTER_PLAN)
    op.execute(TRIGGER)
    # The plans already stored, across municipalities (row-level security is forced on
    # `plans`, for its owner too, so it is lifted for this one statement).
    op.execute("ALTER TABLE plans NO FORCE ROW LEVEL SECURITY")
    op.execute(ROWS.format(plan="plans", source="plans,"))
    op.execute("ALTER TABLE plans FORCE ROW LEVEL SECURITY")
    enable_tenant_rls(op, "plan_measures")


def downgrade() -> None:
    op.execute("DROP TRIGGER plan_measures_after_plan ON plans")
    op.execute("DROP FUNCTION plan_measures_after_plan()")
    disable_tenant_rls(op, "plan_measures")
    op.drop_table("plan_measures")

"""worklist bounded by partial indexes

The worklist reads each kind of task from a partial index of what can fall due, in the
order of its due date (the exact expression the query computes: a month after the
application came, the day in Norway a decision awaiting approval was last changed), after
the municipality (row-level security's condition) and, for «mine», after the caseworker
who holds the case. A page then reads at most a page of entries per kind, and each count
(overdue, due within a week, later) at most its cap and one more, however large the
municipality (services/intake/repositories/worklist.py). The previous worklist indexes
(by municipality only, or not excluding what is ended or replied to) are replaced.

Revision ID: a7c5e9f1b307
Revises: f2b6d4e5a906
Create Date: 2026-12-01 12:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a7c5e9f1b307"
down_revision: str | None = "f2b6d4e5a906"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = "status IN ('received', 'in_assessment')"
RUNNING = "status IN ('made', 'sent', 'in_force', 'evaluated') AND outcome <> 'refused'"
INTERIM_DUE = "CAST(received_on + '1 mon'::interval AS DATE)"
APPROVAL_DUE = "CAST(timezone('Europe/Oslo', updated_at) AS DATE)"

WORKLIST = [
    # (name, table, the due date, the caseworker holding the case, what can fall due)
    (
        "ix_applications_interim_reply_due",
        "applications",
        INTERIM_DUE,
        "registered_by",
        f"{OPEN} AND interim_reply_sent_on IS NULL",
    ),
    (
        "ix_applications_decision_expected",
        "applications",
        "expected_decision_by",
        "registered_by",
        OPEN,
    ),  # fmt: skip
    (
        "ix_decisions_awaiting_approval",
        "decisions",
        APPROVAL_DUE,
        "drafted_by",
        "status = 'ready_for_approval'",
    ),  # fmt: skip
    ("ix_decisions_not_sent", "decisions", "made_on", "drafted_by", "status = 'made'"),
    ("ix_decisions_review_due", "decisions", "review_on", "drafted_by", RUNNING),
    ("ix_decisions_ending", "decisions", "ends_on", "drafted_by", RUNNING),
]
"""Each kind's index for «all» and, with `_mine`, for the caseworker's own."""

PREVIOUS = [
    ("ix_applications_open", "applications", ["municipality", "received_on"], OPEN),
    (
        "ix_decisions_review_on_running",
        "decisions",
        ["municipality", "review_on"],
        "outcome <> 'refused'",
    ),  # fmt: skip
    (
        "ix_decisions_ends_on_running",
        "decisions",
        ["municipality", "ends_on"],
        "outcome <> 'refused'",
    ),  # fmt: skip
    (
        "ix_decisions_awaiting_action",
        "decisions",
        ["municipality", "status"],
        "status IN ('ready_for_approval', 'made')",
    ),  # fmt: skip
]


def upgrade() -> None:
    for name, table, due, owner, where in WORKLIST:
        op.create_index(
            name,
            table,
            ["municipality", sa.text(due), "id"],
            postgresql_where=sa.text(where),
        )
        op.create_index(
            f"{name}_mine",
            table,
            ["municipality", owner, sa.text(due), "id"],
            postgresql_where=sa.text(where),
        )
    # Appeals to reassess: «mine» is the appealed decision's caseworker, another table's.
    op.create_index(
        "ix_appeals_to_reassess",
        "appeals",
        ["municipality", "received_on", "id"],
        postgresql_where=sa.text("status = 'received'"),
    )
    for name, table, _, _ in PREVIOUS:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for name, table, columns, where in PREVIOUS:
        op.create_index(name, table, columns, postgresql_where=sa.text(where))
    op.drop_index("ix_appeals_to_reassess", table_name="appeals")
    for name, table, _, _, _ in reversed(WORKLIST):
        op.drop_index(f"{name}_mine", table_name=table)
        op.drop_index(name, table_name=table)

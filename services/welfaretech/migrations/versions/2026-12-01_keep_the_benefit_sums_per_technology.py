"""keep the benefit sums per technology

The benefits dashboard summed every measured loan's baseline and latest follow-up
on each request, so its time grew with the loans. `benefit_sums` holds those
sums per technology (one row each: the loans measured, the sums of the baselines
and of the latest follow-ups per measure, the staff cost freed), and the
dashboard reads those rows.

Kept by triggers, in the transaction of the write, rather than by the flow:
measurements are written by the API's flow, by the seed and by the demo
generator's bulk inserts (a baseline and its follow-ups in one statement), and a
trigger keeps the sums right for each of them and for any write path added
later. Statement-level triggers on `benefit_measurements` (insert, update,
delete; their transition tables say which loans changed) take each changed
loan's share out as it was before the statement and put it back as it is
after; each share is worked out as the dashboard did (each loan's baseline and
latest follow-up, staff minutes as hours rounded to two decimals per
measurement, only loans with both). Changing writes of one loan queue behind
each other on the loan's row (`FOR NO KEY UPDATE`, which an inserted
measurement's foreign-key check does not conflict with), so each sees the
others' rows. Two row triggers move a loan's share to another technology
when its device is changed, or a device's technology. The cost of a staff hour
a baseline does not name is applied when read, so the hours freed without a
cost are kept apart.

Back-filled here from the measurements already recorded, in every municipality.

Revision ID: c691c66554a4
Revises: e1b7c3a9d5f2
Create Date: 2026-12-01 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from shared.db import disable_tenant_rls, enable_tenant_rls

revision: str = "c691c66554a4"
down_revision: str | None = "e1b7c3a9d5f2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SUMMED = ("planned_visits", "night_visits", "staff_hours", "falls", "admissions", "felt_safety")
"""The measures whose baselines and follow-ups are summed (domain/benefits.py's `SUMMED`)."""

COLUMNS = (
    "loan_id, kind, week, municipality, planned_visits_per_week, night_visits_per_week, "
    "staff_minutes_per_week, falls_last_4_weeks, admissions_last_4_weeks, felt_safety, "
    "staff_hour_cost_nok"
)
"""What a loan's share is worked out from, of each measurement."""

PAIRS = """
SELECT sign, loan_id, max(municipality) AS municipality, {pair_columns},
       max(staff_hour_cost_nok) FILTER (WHERE kind = 'baseline') AS cost
  FROM (SELECT DISTINCT ON (sign, loan_id, kind)
               sign, loan_id, kind, municipality,
               planned_visits_per_week AS planned_visits,
               night_visits_per_week AS night_visits,
               round(staff_minutes_per_week / 60, 2) AS staff_hours,
               falls_last_4_weeks AS falls,
               admissions_last_4_weeks AS admissions,
               felt_safety,
               staff_hour_cost_nok
          FROM ({rows}) AS signed
         ORDER BY sign, loan_id, kind, week DESC) AS ends
 GROUP BY sign, loan_id
HAVING count(*) = 2
""".format(
    pair_columns=", ".join(
        f"max({m}) FILTER (WHERE kind = 'baseline') AS b_{m}, "
        f"max({m}) FILTER (WHERE kind = 'follow_up') AS f_{m}"
        for m in SUMMED
    ),
    rows="{rows}",
)
"""Each loan's baseline and latest follow-up side by side, per sign (+1: the share to add,
−1: the share to take out), for the loans that have both; `{rows}` gives the signed
measurements (`sign` and `COLUMNS`)."""

SUM_COLUMNS = [f"{which}_{m}" for m in SUMMED for which in ("baseline", "follow_up")]

ADD = """
INSERT INTO benefit_sums AS sums (municipality, technology_id, loans, {columns},
                                  staff_cost_freed_nok, staff_hours_freed_uncosted)
SELECT pairs.municipality, {{technology}}, sum(sign), {sums},
       coalesce(sum(sign * (b_staff_hours - f_staff_hours) * cost), 0),
       coalesce(sum(sign * (b_staff_hours - f_staff_hours)) FILTER (WHERE cost IS NULL), 0)
  FROM ({pairs}) AS pairs
  JOIN loans ON loans.id = pairs.loan_id
  JOIN devices ON devices.id = loans.device_id
 GROUP BY pairs.municipality, {{technology}}
ON CONFLICT (municipality, technology_id) DO UPDATE SET
       loans = sums.loans + excluded.loans, {updates},
       staff_cost_freed_nok = sums.staff_cost_freed_nok + excluded.staff_cost_freed_nok,
       staff_hours_freed_uncosted =
           sums.staff_hours_freed_uncosted + excluded.staff_hours_freed_uncosted
""".format(
    columns=", ".join(SUM_COLUMNS),
    sums=", ".join(f"sum(sign * {prefix}_{m})" for m in SUMMED for prefix in ("b", "f")),
    pairs=PAIRS,
    updates=", ".join(f"{c} = sums.{c} + excluded.{c}" for c in SUM_COLUMNS),
)
"""Add the signed shares to their technologies' sums; `{rows}` gives the signed measurements,
`{technology}` each share's technology (of the loan's device unless a trigger says else)."""


def add(rows: str, technology: str = "devices.technology_id") -> str:
    return ADD.format(rows=rows, technology=technology)


AFTER_MEASUREMENTS = f"""
CREATE FUNCTION benefit_sums_after_measurements() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added uuid[] := '{{}}';
    removed benefit_measurements[] := '{{}}';
    changed uuid[] := '{{}}';
BEGIN
    IF TG_OP <> 'DELETE' THEN
        SELECT coalesce(array_agg(id), '{{}}'), coalesce(array_agg(loan_id), '{{}}')
          INTO added, changed FROM new_rows;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        SELECT coalesce(array_agg(o::benefit_measurements), '{{}}'),
               changed || coalesce(array_agg(o.loan_id), '{{}}')
          INTO removed, changed FROM old_rows AS o;
    END IF;
    IF cardinality(changed) = 0 THEN
        RETURN NULL;
    END IF;
    changed := ARRAY(SELECT DISTINCT loan FROM unnest(changed) AS loan ORDER BY loan);
    -- One writer per loan at a time: a later one waits here and then sees the earlier rows.
    PERFORM 1 FROM loans WHERE id = ANY(changed) ORDER BY id FOR NO KEY UPDATE;
    {add(f'''
        SELECT 1 AS sign, {COLUMNS} FROM benefit_measurements WHERE loan_id = ANY(changed)
        UNION ALL
        SELECT -1, {COLUMNS} FROM benefit_measurements AS m
         WHERE loan_id = ANY(changed)
           AND NOT EXISTS (SELECT FROM unnest(added) AS a(id) WHERE a.id = m.id)
        UNION ALL
        SELECT -1, {COLUMNS} FROM unnest(removed)
    ''')};
    RETURN NULL;
END
$$
"""
"""The changed loans' shares: out as they were before the statement (today's rows but those
it wrote, and those it removed), in as they are after."""

AFTER_LOAN_DEVICE = f"""
CREATE FUNCTION benefit_sums_after_loan_device() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    former uuid := (SELECT technology_id FROM devices WHERE id = OLD.device_id);
BEGIN
    {add(
        f"SELECT sign, {COLUMNS} FROM benefit_measurements, (VALUES (-1), (1)) AS s(sign) "
        "WHERE loan_id = NEW.id",
        "CASE WHEN sign < 0 THEN former ELSE devices.technology_id END",
    )};
    RETURN NULL;
END
$$
"""
"""A loan's share moved from its former device's technology to its device's."""

AFTER_DEVICE_TECHNOLOGY = f"""
CREATE FUNCTION benefit_sums_after_device_technology() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    lent uuid[] := ARRAY(SELECT id FROM loans WHERE device_id = NEW.id ORDER BY id);
BEGIN
    PERFORM 1 FROM loans WHERE id = ANY(lent) ORDER BY id FOR NO KEY UPDATE;
    {add(
        f"SELECT sign, {COLUMNS} FROM benefit_measurements, (VALUES (-1), (1)) AS s(sign) "
        "WHERE loan_id = ANY(lent)",
        "CASE WHEN sign < 0 THEN OLD.technology_id ELSE devices.technology_id END",
    )};
    RETURN NULL;
END
$$
"""
"""The shares of a device's loans moved from its former technology to its new one."""

TRIGGERS = [
    *(
        (
            f"benefit_sums_after_measurements_{event.lower()}",
            "benefit_sums_after_measurements",
            "benefit_measurements",
            f"AFTER {event} ON benefit_measurements REFERENCING {tables} FOR EACH STATEMENT",
        )
        # PostgreSQL takes transition tables on triggers of one event each
        for event, tables in (
            ("INSERT", "NEW TABLE AS new_rows"),
            ("UPDATE", "NEW TABLE AS new_rows OLD TABLE AS old_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
        )
    ),
    (
        "benefit_sums_after_loan_device",
        "benefit_sums_after_loan_device",
        "loans",
        "AFTER UPDATE OF device_id ON loans FOR EACH ROW "
        "WHEN (OLD.device_id IS DISTINCT FROM NEW.device_id)",
    ),
    (
        "benefit_sums_after_device_technology",
        "benefit_sums_after_device_technology",
        "devices",
        "AFTER UPDATE OF technology_id ON devices FOR EACH ROW "
        "WHEN (OLD.technology_id IS DISTINCT FROM NEW.technology_id)",
    ),
]
"""(trigger, function, table, when)."""
FUNCTIONS = ("benefit_sums_after_measurements", "benefit_sums_after_loan_device",
             "benefit_sums_after_device_technology")

READ = ("benefit_measurements", "loans", "devices")


def _numeric(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Numeric(), server_default=sa.text("0"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "benefit_sums",
        sa.Column(
            "municipality",
            sa.String(length=4),
            server_default=sa.text("current_setting('mestring.municipality', true)"),
            nullable=False,
        ),
        sa.Column("technology_id", sa.Uuid(), nullable=False),
        sa.Column("loans", sa.Integer(), server_default=sa.text("0"), nullable=False),
        *[_numeric(c) for c in SUM_COLUMNS],
        _numeric("staff_cost_freed_nok"),
        _numeric("staff_hours_freed_uncosted"),
        sa.ForeignKeyConstraint(
            ["technology_id"],
            ["technologies.id"],
            name=op.f("fk_benefit_sums_technology_id_technologies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("municipality", "technology_id", name=op.f("pk_benefit_sums")),
    )
    for function in (AFTER_MEASUREMENTS, AFTER_LOAN_DEVICE, AFTER_DEVICE_TECHNOLOGY):
        op.execute(function)
    for name, function, _, when in TRIGGERS:
        op.execute(f"CREATE TRIGGER {name} {when} EXECUTE FUNCTION {function}()")
    # The measurements already recorded, across municipalities (row-level security is forced
    # on these tables, for their owner too, so it is lifted for this one statement).
    for table in READ:
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
    op.execute(add(f"SELECT 1 AS sign, {COLUMNS} FROM benefit_measurements"))
    for table in READ:
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    enable_tenant_rls(op, "benefit_sums")


def downgrade() -> None:
    for name, _, table, _ in TRIGGERS:
        op.execute(f"DROP TRIGGER {name} ON {table}")
    for function in FUNCTIONS:
        op.execute(f"DROP FUNCTION {function}()")
    disable_tenant_rls(op, "benefit_sums")
    op.drop_table("benefit_sums")

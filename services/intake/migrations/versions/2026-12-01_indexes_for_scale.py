"""indexes for scale: names, worklist and decision lists

Name search finds word beginnings of the folded name in `person_words`: each
word of a person's `search_text`, kept by a trigger, in byte order (collation
"C"), so a word beginning is a range of a B-tree whose comparisons PostgreSQL
may use under row-level security (they are leakproof; LIKE, trigram and
full-text operators are not, so their indexes go unused for the services' role;
docs/adr/0004-name-search-by-word-prefix-table.md). Results page in name order
from (municipality, search_text, id). The lists are read in their keyset order
from an index per list, scoped by municipality as row-level security scopes
them; the worklist's candidates are found from partial indexes of what can
fall due.

Revision ID: d0f4b2c3e704
Revises: c9e3a1b2d603
Create Date: 2026-12-01 01:35:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from shared.db import disable_tenant_rls, enable_tenant_rls

revision: str = "d0f4b2c3e704"
down_revision: str | None = "c9e3a1b2d603"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFRESH_WORDS = """
CREATE FUNCTION person_words_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.search_text IS NOT DISTINCT FROM OLD.search_text THEN
            RETURN NEW;
        END IF;
        DELETE FROM person_words WHERE person_id = NEW.id;
    END IF;
    INSERT INTO person_words (person_id, word, municipality)
    SELECT DISTINCT NEW.id, left(word, 100), NEW.municipality
      FROM regexp_split_to_table(NEW.search_text, '[ -]+') AS word
     WHERE word <> '';
    RETURN NEW;
END
$$
"""
"""The words of `search_text` (folded: word characters, single spaces and hyphens)."""


def upgrade() -> None:
    op.create_table(
        "person_words",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("word", sa.String(100, collation="C"), nullable=False),
        sa.Column(
            "municipality",
            sa.String(4),
            nullable=False,
            server_default=sa.text("current_setting('mestring.municipality', true)"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name="fk_person_words_person_id_persons",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "word", name="pk_person_words"),
    )
    op.create_index("ix_person_words_municipality_word", "person_words", ["municipality", "word"])
    op.execute(REFRESH_WORDS)
    op.execute(
        "CREATE TRIGGER persons_words AFTER INSERT OR UPDATE OF search_text ON persons "
        "FOR EACH ROW EXECUTE FUNCTION person_words_refresh()"
    )
    # The persons already registered, across municipalities (row-level security is forced
    # on persons, for its owner too, so it is lifted for this one statement).
    op.execute("ALTER TABLE persons NO FORCE ROW LEVEL SECURITY")
    op.execute(
        "INSERT INTO person_words (person_id, word, municipality) "
        "SELECT DISTINCT id, left(word, 100), municipality FROM persons, "
        "regexp_split_to_table(search_text, '[ -]+') AS word WHERE word <> ''"
    )
    op.execute("ALTER TABLE persons FORCE ROW LEVEL SECURITY")
    enable_tenant_rls(op, "person_words")
    op.create_index(
        "ix_persons_municipality_search_text_id", "persons", ["municipality", "search_text", "id"]
    )
    op.create_index(
        "ix_decisions_municipality_created_at_id", "decisions", ["municipality", "created_at", "id"]
    )
    op.create_index(
        "ix_applications_municipality_received_on_id",
        "applications",
        ["municipality", "received_on", "id"],
    )
    op.create_index(
        "ix_appeals_municipality_received_on_id", "appeals", ["municipality", "received_on", "id"]
    )
    # The worklist: open applications, decisions awaiting action or coming due, and the
    # decisions that replace another (to leave the replaced ones out).
    op.create_index(
        "ix_applications_open",
        "applications",
        ["municipality", "received_on"],
        postgresql_where=sa.text("status IN ('received', 'in_assessment')"),
    )
    op.create_index(
        "ix_decisions_review_on_running",
        "decisions",
        ["municipality", "review_on"],
        postgresql_where=sa.text("outcome <> 'refused'"),
    )
    op.create_index(
        "ix_decisions_ends_on_running",
        "decisions",
        ["municipality", "ends_on"],
        postgresql_where=sa.text("outcome <> 'refused'"),
    )
    op.create_index(
        "ix_decisions_awaiting_action",
        "decisions",
        ["municipality", "status"],
        postgresql_where=sa.text("status IN ('ready_for_approval', 'made')"),
    )


def downgrade() -> None:
    for table, name in (
        ("decisions", "ix_decisions_awaiting_action"),
        ("decisions", "ix_decisions_ends_on_running"),
        ("decisions", "ix_decisions_review_on_running"),
        ("applications", "ix_applications_open"),
        ("appeals", "ix_appeals_municipality_received_on_id"),
        ("applications", "ix_applications_municipality_received_on_id"),
        ("decisions", "ix_decisions_municipality_created_at_id"),
        ("persons", "ix_persons_municipality_search_text_id"),
    ):
        op.drop_index(name, table_name=table)
    op.execute("DROP TRIGGER persons_words ON persons")
    op.execute("DROP FUNCTION person_words_refresh()")
    disable_tenant_rls(op, "person_words")
    op.drop_index("ix_person_words_municipality_word", table_name="person_words")
    op.drop_table("person_words")

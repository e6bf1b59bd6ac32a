"""name prefixes in name order

Name search reads each typed word as one ordered stream: `person_name_prefixes` holds
every beginning of every word of a person's folded name (`search_text` split on spaces
and hyphens: «hansen kari» gives h, ha, han, … hansen, k, ka, kar, kari) with the
person's `search_text`, and a B-tree on (municipality, prefix, search_text, person_id)
gives the persons whose name has a word beginning with what was typed already in name
order. A page is then the first 51 entries of an index range, whatever the size of the
register and however the matches cluster (a common family name, a common first name),
where `person_words` (whole words) needed a sort of every match or a walk of the register
in name order (docs/adr/0004-name-search-by-word-prefix-table.md). The equality and
row comparisons used are leakproof, so row-level security keeps them index conditions.
Kept by a trigger, like `person_words`, which it replaces.

Revision ID: f2b6d4e5a906
Revises: e1a5c3d4f805
Create Date: 2026-12-01 08:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from shared.db import disable_tenant_rls, enable_tenant_rls

revision: str = "f2b6d4e5a906"
down_revision: str | None = "e1a5c3d4f805"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PREFIXES_OF = """
SELECT DISTINCT left(word, length) AS prefix
  FROM regexp_split_to_table({text}, '[ -]+') AS word,
       generate_series(1, least(length(word), 100)) AS length
 WHERE word <> ''
"""
"""Every beginning of every word of a folded name (word characters, single spaces and
hyphens), at most 100 characters long."""

REFRESH_PREFIXES = f"""
CREATE FUNCTION person_name_prefixes_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.search_text IS NOT DISTINCT FROM OLD.search_text THEN
            RETURN NEW;
        END IF;
        DELETE FROM person_name_prefixes WHERE person_id = NEW.id;
    END IF;
    INSERT INTO person_name_prefixes (person_id, prefix, search_text, municipality)
    SELECT NEW.id, prefixes.prefix, NEW.search_text, NEW.municipality
      FROM ({PREFIXES_OF.format(text="NEW.search_text")}) AS prefixes;
    RETURN NEW;
END
$$
"""

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
"""`person_words` as the previous revision kept it (for the downgrade)."""


def upgrade() -> None:
    op.execute("DROP TRIGGER persons_words ON persons")
    op.execute("DROP FUNCTION person_words_refresh()")
    disable_tenant_rls(op, "person_words")
    op.drop_index("ix_person_words_municipality_word", table_name="person_words")
    op.drop_table("person_words")

    op.create_table(
        "person_name_prefixes",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("prefix", sa.String(100, collation="C"), nullable=False),
        sa.Column("search_text", sa.String(300), nullable=False),
        sa.Column(
            "municipality",
            sa.String(4),
            nullable=False,
            server_default=sa.text("current_setting('mestring.municipality', true)"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name="fk_person_name_prefixes_person_id_persons",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "prefix", name="pk_person_name_prefixes"),
    )
    op.execute(REFRESH_PREFIXES)
    op.execute(
        "CREATE TRIGGER persons_name_prefixes AFTER INSERT OR UPDATE OF search_text ON persons "
        "FOR EACH ROW EXECUTE FUNCTION person_name_prefixes_refresh()"
    )
    # The persons already registered, across municipalities (row-level security is forced
    # on persons, for its owner too, so it is lifted for this one statement).
    op.execute("ALTER TABLE persons NO FORCE ROW LEVEL SECURITY")
    op.execute(
        "INSERT INTO person_name_prefixes (person_id, prefix, search_text, municipality) "
        "SELECT persons.id, prefixes.prefix, persons.search_text, persons.municipality "
        f"FROM persons, LATERAL ({PREFIXES_OF.format(text='persons.search_text')}) AS prefixes"
    )
    op.execute("ALTER TABLE persons FORCE ROW LEVEL SECURITY")
    op.create_index(
        "ix_person_name_prefixes_in_name_order",
        "person_name_prefixes",
        ["municipality", "prefix", "search_text", "person_id"],
    )
    enable_tenant_rls(op, "person_name_prefixes")


def downgrade() -> None:
    op.execute("DROP TRIGGER persons_name_prefixes ON persons")
    op.execute("DROP FUNCTION person_name_prefixes_refresh()")
    disable_tenant_rls(op, "person_name_prefixes")
    op.drop_index("ix_person_name_prefixes_in_name_order", table_name="person_name_prefixes")
    op.drop_table("person_name_prefixes")

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
    op.execute("ALTER TABLE persons NO FORCE ROW LEVEL SECURITY")
    op.execute(
        "INSERT INTO person_words (person_id, word, municipality) "
        "SELECT DISTINCT id, left(word, 100), municipality FROM persons, "
        "regexp_split_to_table(search_text, '[ -]+') AS word WHERE word <> ''"
    )
    op.execute("ALTER TABLE persons FORCE ROW LEVEL SECURITY")
    enable_tenant_rls(op, "person_words")

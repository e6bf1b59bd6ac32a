"""Database roles: an owner that migrates, a runtime role the service connects as.

Each service database has two roles (docs/operations.md):

- the **owner** (`mestring_<service>_owner`) owns the database and every table,
  and runs the Alembic migrations as a separate step before the service starts;
- the **runtime role** (`mestring_<service>`), neither superuser nor BYPASSRLS
  nor owner, is what the running service connects as. It holds only
  SELECT/INSERT/UPDATE/DELETE on the service's tables and USAGE on its
  sequences; on the append-only tables (the access log) only INSERT and SELECT;
  on `alembic_version` only SELECT.
  Not owning anything, it cannot TRUNCATE, run DDL, drop a trigger or turn
  row-level security off.

The grants are re-applied by `apply_runtime_grants` at the end of every
migration run, in the migration's own transaction (`shared/migrations.py`), so a
table a later migration creates is covered the moment it exists, and the access
log never holds more than INSERT and SELECT for the runtime role.
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import text

# Tables the runtime role may only add to and read (a trigger refuses UPDATE
# and DELETE too, for the owner; see shared/access_log.py).
APPEND_ONLY_TABLES = ("access_log",)
# Alembic's bookkeeping: written by the owner only; the runtime role reads it to wait for the
# migrations (`python -m shared.migrations --wait-for-head`).
READ_ONLY_TABLES = ("alembic_version",)
RUNTIME_TABLE_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"
APPEND_ONLY_PRIVILEGES = "SELECT, INSERT"


def owner_role(service: str) -> str:
    """The role that owns the service's database and runs its migrations."""
    return f"mestring_{service}_owner"


def runtime_role(service: str) -> str:
    """The role the running service connects as (`<SERVICE>_RUNTIME_ROLE` overrides it)."""
    return os.environ.get(f"{service.upper()}_RUNTIME_ROLE") or f"mestring_{service}"


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class RoleError(RuntimeError):
    """The roles are not set up as the migration step needs them."""


def runtime_grant_statements(role: str, tables: set[str]) -> list[str]:
    """The statements that leave `role` with exactly the runtime privileges.

    Everything is revoked first, so a privilege taken away here (a table made
    append-only) is gone after the next migration run too.
    """
    grantee = quote_identifier(role)
    statements = [
        f"GRANT USAGE ON SCHEMA public TO {grantee}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {grantee}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {grantee}",
        f"GRANT {RUNTIME_TABLE_PRIVILEGES} ON ALL TABLES IN SCHEMA public TO {grantee}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {grantee}",
    ]
    for table in sorted(tables & set(APPEND_ONLY_TABLES)):
        statements += [
            f"REVOKE ALL ON {quote_identifier(table)} FROM {grantee}",
            f"GRANT {APPEND_ONLY_PRIVILEGES} ON {quote_identifier(table)} TO {grantee}",
        ]
    for table in sorted(tables & set(READ_ONLY_TABLES)):
        statements += [
            f"REVOKE ALL ON {quote_identifier(table)} FROM {grantee}",
            f"GRANT SELECT ON {quote_identifier(table)} TO {grantee}",
        ]
    return statements


def apply_runtime_grants(connection: Any, role: str) -> None:
    """Give the runtime role its privileges on every table; run as the owner after migrating.

    `connection` is a synchronous SQLAlchemy connection inside the migration's
    transaction. Refuses to run as the runtime role itself, or when the
    runtime role does not exist.
    """
    current = connection.execute(text("SELECT current_user")).scalar_one()
    if current == role:
        raise RoleError(
            f"migrations run as the owner role, not as the runtime role {role!r}: "
            "set <SERVICE>_OWNER_DATABASE_URL to the owner's URL (docs/operations.md)"
        )
    exists = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}
    ).scalar()
    if not exists:
        raise RoleError(
            f"the runtime role {role!r} does not exist: create it (docs/operations.md) "
            "or name the existing one in <SERVICE>_RUNTIME_ROLE"
        )
    tables = set(
        connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
    )
    for statement in runtime_grant_statements(role, tables):
        connection.execute(text(statement))

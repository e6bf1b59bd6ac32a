"""The embedded PostgreSQL (from the `pgserver` package) and the per-service databases.

With no database settings given, `make run` and the tests start a private
PostgreSQL 16 whose data lives in a folder (`.data/pg` for `make run`), so a
restart keeps the data.

Each service database has an owner role that runs the migrations and a
runtime role the service connects as (`shared/roles.py`): neither is a
superuser or BYPASSRLS, so row-level security applies to both, and the runtime
role owns nothing, so it cannot truncate, alter or drop. A third role,
`mestring_backup` (BYPASSRLS, reads everything, writes nothing), is what
`python -m dev.backup` dumps with.
"""

from __future__ import annotations

import logging
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlparse

from shared.roles import owner_role, quote_identifier, runtime_role
from shared.settings import SERVICE_NAMES

BACKUP_ROLE = "mestring_backup"
# The single role older data directories used for everything; its objects are
# handed to the owner roles on the next start.
LEGACY_ROLE = "mestring"
logging.getLogger("pgserver").setLevel(logging.WARNING)


@dataclass
class EmbeddedPostgres:
    """A running private PostgreSQL, reached over its Unix socket."""

    server: Any
    socket_dir: str

    def url(self, database: str, *, role: str, driver: str = "postgresql+asyncpg") -> str:
        return f"{driver}://{role}@/{database}?host={quote(self.socket_dir)}"

    def runtime_url(
        self, service: str, database: str, *, driver: str = "postgresql+asyncpg"
    ) -> str:
        """What the running service connects as."""
        return self.url(database, role=runtime_role(service), driver=driver)

    def owner_url(self, service: str, database: str, *, driver: str = "postgresql+asyncpg") -> str:
        """What the migrations run as."""
        return self.url(database, role=owner_role(service), driver=driver)

    def admin(self, sql: str, database: str = "postgres") -> str:
        """Run SQL as the superuser through psql; raises on error."""
        result = subprocess.run(
            [
                str(bin_path() / "psql"),
                "-X",
                "-q",
                "-t",
                "-A",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                self.socket_dir,
                "-U",
                "postgres",
                "-d",
                database,
            ],
            input=sql.encode(),
            capture_output=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr.decode()}")
        return result.stdout.decode()

    def ensure_role(self, role: str, *attributes: str) -> None:
        """A login role that is neither superuser nor BYPASSRLS unless asked (idempotent)."""
        exists = self.admin(f"SELECT 1 FROM pg_roles WHERE rolname = '{role}'").strip()
        options = " ".join(("LOGIN", "NOSUPERUSER", "NOCREATEDB", "NOCREATEROLE", *attributes))
        if "BYPASSRLS" not in attributes:
            options += " NOBYPASSRLS"
        verb = "ALTER" if exists else "CREATE"
        self.admin(f"{verb} ROLE {quote_identifier(role)} {options}")

    def ensure_databases(self, databases: dict[str, str]) -> None:
        """service → database: its owner and runtime roles and the database (idempotent).

        The database belongs to the owner role; the runtime role may connect and
        use the schema, and gets its table privileges from the migration step.
        A database from before the role split (owned by `mestring`) is handed
        to the owner role, objects and all.
        """
        self.ensure_role(BACKUP_ROLE, "BYPASSRLS")
        self.admin(f"GRANT pg_read_all_data TO {BACKUP_ROLE}")
        present = dict(
            line.split("|", 1)
            for line in self.admin(
                "SELECT datname || '|' || pg_get_userbyid(datdba) FROM pg_database"
            ).split()
        )
        for service, name in databases.items():
            owner, runtime = owner_role(service), runtime_role(service)
            self.ensure_role(owner)
            self.ensure_role(runtime)
            if name not in present:
                self.admin(f'CREATE DATABASE "{name}" OWNER {quote_identifier(owner)}')
            elif present[name] != owner:
                previous = present[name]
                self.admin(f'ALTER DATABASE "{name}" OWNER TO {quote_identifier(owner)}')
                if previous != "postgres":
                    self.admin(
                        f"REASSIGN OWNED BY {quote_identifier(previous)} "
                        f"TO {quote_identifier(owner)}",
                        database=name,
                    )
            self.admin(
                f'REVOKE ALL ON DATABASE "{name}" FROM PUBLIC;'
                f'GRANT CONNECT ON DATABASE "{name}" TO {quote_identifier(runtime)};'
                f'GRANT CONNECT ON DATABASE "{name}" TO {BACKUP_ROLE}'
            )
            self.admin(
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC;"
                f"GRANT USAGE ON SCHEMA public TO {quote_identifier(runtime)}",
                database=name,
            )

    def drop_databases(self, names: list[str]) -> None:
        for name in names:
            self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        self.server.cleanup()


def start_embedded(data_dir: Path) -> EmbeddedPostgres:
    """Start (or reuse) the private PostgreSQL whose data lives in `data_dir`."""
    import pgserver

    data_dir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(str(data_dir.resolve()), cleanup_mode="stop")  # type: ignore[attr-defined]
    host = parse_qs(urlparse(server.get_uri()).query)["host"][0]
    return EmbeddedPostgres(server=server, socket_dir=host)


def bin_path() -> Path:
    """The folder of the embedded PostgreSQL's programs (psql, pg_dump, pg_restore, ...)."""
    from pgserver._commands import POSTGRES_BIN_PATH

    return Path(POSTGRES_BIN_PATH)


def service_databases(prefix: str = "") -> dict[str, str]:
    """service → database name (tests use a prefix so they never touch dev data)."""
    return {name: f"{prefix}{name}" for name in SERVICE_NAMES}

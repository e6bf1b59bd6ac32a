"""The embedded PostgreSQL (from the `pgserver` package) and the per-service databases.

With no database settings given, `make run` and the tests start a private
PostgreSQL 16 whose data lives in a folder (`.data/pg` for `make run`), so a
restart keeps the data. The services connect as the non-superuser role
`mestring`, so row-level security applies to them too.
"""

from __future__ import annotations

import logging
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlparse

from shared.settings import SERVICE_NAMES

APP_ROLE = "mestring"
logging.getLogger("pgserver").setLevel(logging.WARNING)


@dataclass
class EmbeddedPostgres:
    """A running private PostgreSQL, reached over its Unix socket."""

    server: Any
    socket_dir: str

    def url(self, database: str, *, driver: str = "postgresql+asyncpg") -> str:
        return f"{driver}://{APP_ROLE}@/{database}?host={quote(self.socket_dir)}"

    def admin(self, sql: str, database: str = "postgres") -> str:
        """Run SQL as the superuser through psql; raises on error."""
        from pgserver._commands import POSTGRES_BIN_PATH

        result = subprocess.run(
            [
                str(POSTGRES_BIN_PATH / "psql"),
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

    def ensure_databases(self, names: list[str]) -> None:
        """The app role and one database per name, owned by it (idempotent)."""
        exists = self.admin(f"SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}'").strip()
        if not exists:
            self.admin(f"CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS")
        present = set(self.admin("SELECT datname FROM pg_database").split())
        for name in names:
            if name not in present:
                self.admin(f'CREATE DATABASE "{name}" OWNER {APP_ROLE}')

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


def service_databases(prefix: str = "") -> dict[str, str]:
    """service → database name (tests use a prefix so they never touch dev data)."""
    return {name: f"{prefix}{name}" for name in SERVICE_NAMES}

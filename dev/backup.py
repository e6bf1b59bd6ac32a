"""Back up and restore the service databases of the embedded PostgreSQL (`make run`'s data).

    python -m dev.backup dump [--out DIR] [SERVICE ...]
    python -m dev.backup restore --from DIR [--prefix restored_] [SERVICE ...]

`dump` writes one `pg_dump` archive (custom format) per service database, as
the backup role (`mestring_backup`: BYPASSRLS and read-only, so every
municipality's rows are in it). `restore` loads each archive into a new,
empty database owned by the service's owner role (`--prefix` names it; with
no prefix the archive replaces nothing and refuses a database that has
tables), then runs the service's migrations as the owner, which re-applies the
runtime role's grants. The same steps for a server of your own, with the
binaries of its PostgreSQL version, are in docs/operations.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from dev.postgres import BACKUP_ROLE, EmbeddedPostgres, bin_path, service_databases, start_embedded
from shared.roles import owner_role
from shared.settings import SERVICE_NAMES

ROOT = Path(__file__).resolve().parents[1]


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def dump_database(pg: EmbeddedPostgres, database: str, archive: Path) -> None:
    """`pg_dump` of one database into a custom-format archive, as the backup role."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    _run(
        [
            str(bin_path() / "pg_dump"),
            "--format=custom",
            "--file",
            str(archive),
            "--host",
            pg.socket_dir,
            "--username",
            BACKUP_ROLE,
            "--dbname",
            database,
        ]
    )


def migrate(pg: EmbeddedPostgres, service: str, database: str) -> None:
    """The service's migration step as its owner role (a no-op upgrade still re-grants)."""
    url = pg.owner_url(service, database)
    result = subprocess.run(
        [sys.executable, "-m", "alembic", "-n", service, "-x", f"url={url}", "upgrade", "head"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"migrating {database} failed: {result.stderr.strip()[-2000:]}")


def restore_database(pg: EmbeddedPostgres, service: str, archive: Path, database: str) -> None:
    """Load an archive into `database` (created empty if missing), owned by the owner role.

    The archive's objects are created by the owner role (`--no-owner`); table
    data is loaded before row-level security and the triggers are switched on,
    as pg_dump orders it. Then the migrations run as the owner.
    """
    pg.ensure_databases({service: database})
    tables = pg.admin(
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", database=database
    ).strip()
    if tables != "0":
        raise RuntimeError(f"{database} is not empty ({tables} tables): restore into a new one")
    _run(
        [
            str(bin_path() / "pg_restore"),
            "--exit-on-error",
            "--single-transaction",
            "--no-owner",
            "--host",
            pg.socket_dir,
            "--username",
            owner_role(service),
            "--dbname",
            database,
            str(archive),
        ]
    )
    migrate(pg, service, database)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("action", choices=["dump", "restore"])
    parser.add_argument("services", nargs="*", default=list(SERVICE_NAMES))
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("MESTRING_DATA_DIR", ROOT / ".data"))
    )
    parser.add_argument("--out", type=Path, help="dump: the folder for the archives")
    parser.add_argument("--from", dest="source", type=Path, help="restore: the archives' folder")
    parser.add_argument(
        "--prefix", default="restored_", help="restore: prefix of the new databases' names"
    )
    args = parser.parse_intermixed_args()
    unknown = set(args.services) - set(SERVICE_NAMES)
    if unknown:
        parser.error(f"unknown services: {', '.join(sorted(unknown))}")
    pg = start_embedded(args.data.resolve() / "pg")
    try:
        return run(args, pg)
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        pg.stop()


def run(args: argparse.Namespace, pg: EmbeddedPostgres) -> int:
    databases = service_databases()
    if args.action == "dump":
        folder = args.out or args.data / "backups"
        for service in args.services:
            archive = folder / f"{service}.dump"
            dump_database(pg, databases[service], archive)
            print(f"{service}: {archive}")
        return 0
    if args.source is None:
        raise RuntimeError("restore needs --from DIR")
    for service in args.services:
        target = f"{args.prefix}{databases[service]}"
        restore_database(pg, service, args.source / f"{service}.dump", target)
        print(f"{service}: restored into {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

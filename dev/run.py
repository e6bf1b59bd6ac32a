"""`make run`: the whole system on one machine, on one origin.

Starts the embedded PostgreSQL (or uses the database URLs given), creates one
database per service, migrates, loads the demo data, then runs the five
services and the dev gateway under honcho, each with `MESTRING_WORKERS`
worker processes (default 1 here; `shared/workers.py`). Ctrl-C or SIGTERM
stops every process it started, PostgreSQL included.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from dev.issuer import SigningKey
from dev.postgres import EmbeddedPostgres, service_databases, start_embedded
from dev.users import demo_users
from shared.schemas.roles import Role
from shared.settings import SERVICE_NAMES
from shared.workers import worker_count

ROOT = Path(__file__).resolve().parents[1]


def database_env(pg: EmbeddedPostgres | None, prefix: str = "") -> dict[str, str]:
    """`<SERVICE>_DATABASE_URL` for each service, as its runtime role: given ones win, else the
    embedded server's."""
    env = {}
    for service, database in service_databases(prefix).items():
        key = f"{service.upper()}_DATABASE_URL"
        if os.environ.get(key):
            env[key] = os.environ[key]
        elif pg is not None:
            env[key] = pg.runtime_url(service, database)
        else:
            raise SystemExit(f"{key} is not set and no embedded PostgreSQL was started")
    return env


def migration_env(pg: EmbeddedPostgres | None, prefix: str = "") -> dict[str, str]:
    """`<SERVICE>_OWNER_DATABASE_URL` for each service, as the owner role that migrates: given
    ones win, else the embedded server's. Only the migration step sees these."""
    env = {}
    for service, database in service_databases(prefix).items():
        key = f"{service.upper()}_OWNER_DATABASE_URL"
        if os.environ.get(key):
            env[key] = os.environ[key]
        elif pg is not None:
            env[key] = pg.owner_url(service, database)
        else:
            raise SystemExit(f"{key} is not set and no embedded PostgreSQL was started")
    return env


def uses_external_databases() -> bool:
    return all(os.environ.get(f"{s.upper()}_DATABASE_URL") for s in SERVICE_NAMES)


def migrate(env: dict[str, str]) -> None:
    """The migration step: each service's Alembic upgrade as its owner role, which ends by
    granting the runtime role its privileges (shared/roles.py)."""
    for service in SERVICE_NAMES:
        subprocess.run(
            [sys.executable, "-m", "alembic", "-n", service, "upgrade", "head"],
            cwd=ROOT,
            env={**os.environ, **env},
            check=True,
        )


def load_demo_data(env: dict[str, str]) -> None:
    from services.catalogue.seed import seed_url as seed_catalogue
    from services.intake.seed import seed_url as seed_intake
    from services.quality.seed import seed_url as seed_quality

    catalogue = asyncio.run(seed_catalogue(env["CATALOGUE_DATABASE_URL"]))
    catalogues = asyncio.run(demo_catalogues(env["CATALOGUE_DATABASE_URL"]))
    intake = asyncio.run(seed_intake(env["INTAKE_DATABASE_URL"], catalogues))
    quality = asyncio.run(seed_quality(env["QUALITY_DATABASE_URL"]))
    asyncio.run(demo_welfaretech(env["INTAKE_DATABASE_URL"], env["WELFARETECH_DATABASE_URL"]))
    asyncio.run(demo_coordination(env["INTAKE_DATABASE_URL"], env["COORDINATION_DATABASE_URL"]))
    if catalogue or intake or quality:
        print(
            f"demo data: catalogue +{catalogue} items, intake +{intake} persons, "
            f"quality +{quality} deviations"
        )
    else:
        print("demo data: already loaded")


async def demo_catalogues(database_url: str) -> dict[str, list[Any]]:
    """Each demo municipality's service types, read through the catalogue's own API (the
    catalogue app in this process, with a key of its own), as intake's demo loader needs."""
    from services.catalogue.app import create_app
    from services.catalogue.settings import CatalogueSettings
    from services.intake.seed import read_catalogue

    key = SigningKey.generate()
    app = create_app(
        CatalogueSettings(
            database_url=database_url,
            auth_public_key=key.public_pem,
            auth_issuer="mestring-demo-loader",
            log_level="WARNING",
        )
    )
    catalogues: dict[str, list[Any]] = {}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://catalogue") as client:
            for user in demo_users():
                if Role.caseworker not in user.roles:
                    continue
                now = int(time.time())
                token = key.sign(
                    {
                        "iss": "mestring-demo-loader",
                        "aud": "mestring",
                        "sub": "demo-loader",
                        "municipality": user.municipality,
                        "roles": [Role.caseworker.value],
                        "iat": now,
                        "exp": now + 300,
                    }
                )
                client.headers["Authorization"] = f"Bearer {token}"
                catalogues[user.municipality] = await read_catalogue(client)
    return catalogues


async def demo_welfaretech(intake_url: str, welfaretech_url: str) -> None:
    """Welfaretech's demo stories about intake's demo persons, read through intake's own API
    (the intake app in this process, with a key of its own): welfaretech imports no intake."""
    from services.intake.app import create_app
    from services.intake.settings import IntakeSettings
    from services.welfaretech.seed import read_persons, seed_url

    key = SigningKey.generate()
    app = create_app(
        IntakeSettings(
            database_url=intake_url,
            auth_public_key=key.public_pem,
            auth_issuer="mestring-demo-loader",
            log_level="WARNING",
        )
    )
    persons: dict[str, list[Any]] = {}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://intake") as client:
            for user in demo_users():
                if Role.caseworker not in user.roles:
                    continue
                now = int(time.time())
                claims = {"iss": "mestring-demo-loader", "aud": "mestring", "sub": "demo-loader"}
                token = key.sign(
                    {
                        **claims,
                        "municipality": user.municipality,
                        "roles": [Role.caseworker.value],
                        "iat": now,
                        "exp": now + 300,
                    }
                )
                client.headers["Authorization"] = f"Bearer {token}"
                persons[user.municipality] = await read_persons(client)
    added = await seed_url(welfaretech_url, persons)
    if added:
        print(f"demo data: welfaretech +{added} persons with technology stories")


async def demo_coordination(intake_url: str, coordination_url: str) -> None:
    """Coordination's demo around intake's demo persons and decisions, read (and the demo
    child registered) through intake's own API in this process: coordination imports no intake."""
    from services.coordination.seed import read_intake, seed_url
    from services.intake.app import create_app
    from services.intake.settings import IntakeSettings

    key = SigningKey.generate()
    claims = {"iss": "mestring-demo-loader", "aud": "mestring", "sub": "demo-loader"}
    app = create_app(
        IntakeSettings(
            database_url=intake_url,
            auth_public_key=key.public_pem,
            auth_issuer=claims["iss"],
            log_level="WARNING",
        )
    )
    data: dict[str, Any] = {}
    coordinators = {
        u.municipality: (u.username, u.name) for u in demo_users() if Role.coordinator in u.roles
    }
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://intake") as client:
            for number in coordinators:
                now = int(time.time())
                roles = [Role.caseworker.value]
                token = key.sign(
                    {**claims, "municipality": number, "roles": roles, "iat": now, "exp": now + 300}
                )
                client.headers["Authorization"] = f"Bearer {token}"
                data[number] = await read_intake(client, number)
    added = await seed_url(coordination_url, data, coordinators)
    if added:
        print(f"demo data: coordination +{added} persons with plans or requests")


def service_port(base: int, service: str) -> int:
    return base + 1 + SERVICE_NAMES.index(service)


def process_env(
    port: int, port_base: int, data_dir: Path, db_env: dict[str, str]
) -> dict[str, str]:
    # The services never see the owner roles' URLs: only the migration step uses them.
    inherited = {k: v for k, v in os.environ.items() if not k.endswith("_OWNER_DATABASE_URL")}
    env = {
        **inherited,
        **db_env,
        "MESTRING_ENV": os.environ.get("MESTRING_ENV", "dev"),
        "MESTRING_DEV_KEY_FILE": str(data_dir / "dev-issuer-key.pem"),
        "MESTRING_SPA_DIR": str(ROOT / "frontend" / "dist"),
        "PYTHONUNBUFFERED": "1",
    }
    if not os.environ.get("MESTRING_AUTH_JWKS_URL") and not os.environ.get(
        "MESTRING_AUTH_PUBLIC_KEY"
    ):
        env["MESTRING_AUTH_JWKS_URL"] = f"http://127.0.0.1:{port}/api/dev/.well-known/jwks.json"
    for service in SERVICE_NAMES:
        env[f"MESTRING_{service.upper()}_URL"] = (
            f"http://127.0.0.1:{service_port(port_base, service)}"
        )
    env.update(feed_env(port))
    return env


def feed_env(port: int) -> dict[str, str]:
    """The system users that read other services' feeds: the demo integration users."""
    users = {u.municipality: u.username for u in demo_users() if Role.integration in u.roles}
    return {
        "MESTRING_FEED_TOKEN_URL": f"http://127.0.0.1:{port}/api/dev/token",
        "MESTRING_FEED_MUNICIPALITIES": json.dumps(sorted(users)),
        "MESTRING_FEED_USERNAMES": json.dumps(users),
    }


def pool_size(workers: int) -> int:
    """Each worker's pool when a service runs `workers` processes: the five services'
    connections stay within the embedded PostgreSQL's 100."""
    return max(4, 12 // workers) if workers > 1 else 10


def wait_until_ready(port: int, timeout: float = 90.0) -> bool:
    deadline = time.monotonic() + timeout
    urls = [f"http://127.0.0.1:{port}/api/{s}/health/ready" for s in SERVICE_NAMES]
    while time.monotonic() < deadline:
        try:
            if all(httpx.get(url, timeout=2).status_code == 200 for url in urls):
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    return False


def banner(port: int) -> str:
    lines = ["", "=" * 64, f"  Mestring is running on http://127.0.0.1:{port}", "", "  Demo users:"]
    for user in demo_users():
        roles = ", ".join(role.value for role in user.roles)
        lines.append(f"    {user.username:34} {user.name} ({roles}, {user.municipality_name})")
    lines += ["", "  Ctrl-C stops everything.", "=" * 64, ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("MESTRING_PORT", "8000")))
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("MESTRING_DATA_DIR", ROOT / ".data"))
    )
    parser.add_argument("--no-demo-data", action="store_true")
    args = parser.parse_args()
    port_base = int(os.environ.get("MESTRING_SERVICE_PORT_BASE", str(args.port + 100)))
    data_dir: Path = args.data.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)

    pg = None
    if not uses_external_databases():
        print(f"starting the embedded PostgreSQL in {data_dir / 'pg'}")
        pg = start_embedded(data_dir / "pg")
        pg.ensure_databases(service_databases())
    try:
        db_env = database_env(pg)
        migrate(migration_env(pg))
        if not args.no_demo_data:
            load_demo_data(db_env)
        SigningKey.load_or_create(data_dir / "dev-issuer-key.pem")
        return run_processes(args.port, port_base, data_dir, db_env)
    finally:
        if pg is not None:
            pg.stop()
            print("PostgreSQL stopped")


def run_processes(port: int, port_base: int, data_dir: Path, db_env: dict[str, str]) -> int:
    from honcho.manager import Manager

    env = process_env(port, port_base, data_dir, db_env)
    workers = worker_count(default=1)
    if workers > 1:
        env.setdefault("MESTRING_DB_POOL_SIZE", str(pool_size(workers)))
    manager = Manager()
    uvicorn = (
        f"{sys.executable} -m uvicorn --factory --host 127.0.0.1 --no-access-log"
        f" --workers {workers}"
    )
    for service in SERVICE_NAMES:
        port_of_service = service_port(port_base, service)
        command = f"{uvicorn} --port {port_of_service} services.{service}.app:create_app"
        manager.add_process(service, command, env=env, cwd=str(ROOT))
    manager.add_process(
        "gateway", f"{uvicorn} --port {port} dev.gateway:create_app", env=env, cwd=str(ROOT)
    )

    def announce() -> None:
        if wait_until_ready(port):
            print(banner(port), flush=True)
        else:
            print(f"Mestring did not become ready on port {port}; see the log above", flush=True)

    threading.Thread(target=announce, daemon=True).start()
    manager.loop()
    return int(manager.returncode or 0)


if __name__ == "__main__":
    sys.exit(main())

"""What one intake request costs the server in CPU, measured the same way before and after.

    python -m dev.profile_requests --path person-page --n 2000 [--profile]

Generates a small municipality once (`dev.demo`, into `--data`, kept for the next run),
starts intake alone under uvicorn in a subprocess of its own (one process, as one worker of
`make run`, logging at INFO as in production, its output thrown away) on the embedded
PostgreSQL, and sends `--n` requests to it over real HTTP from this process, one at a time
on one kept-alive connection (httpx), after a warm-up. For each path it prints:

- **CPU ms per request** of the intake server process (user + system, psutil, over the
  measured requests only): 1000 ÷ this is what one worker serves with a core of its own,
  whatever else the machine runs;
- req/s and the p50 latency one client saw (these depend on the machine's load);
- with `--profile`, `--n` more requests under cProfile in the server (switched on and off
  by signals, so start-up and warm-up stay out; timed by the process's CPU time, so waiting
  for PostgreSQL does not count) and the top 30 functions by cumulative and by own time.
  cProfile sees the event loop's thread only, and slows what it sees. A coroutine counts
  as called again each time it resumes.

Paths (`--path`, repeatable; default all):

- `me`: `GET /api/intake/v1/me`, authenticated, role checked, no SQL (the framework floor);
- `person-page`: `GET /api/intake/v1/persons/{id}` as a saksbehandler (200 persons in turn);
- `person-page-clinician`: the same as a helsepersonell of a unit that serves the persons
  (a running granted decision), so the need-to-know check runs and passes;
- `decisions-list`: `GET /api/intake/v1/decisions` as a saksbehandler (the first page of 50);
- `search-name`: `GET /api/intake/v1/persons?q=` as a saksbehandler, a family name of the
  sampled persons in turn (a page of up to 50 summaries, each read logged);
- `person-lookups`: `POST /api/intake/v1/person-lookups` of 50 sampled persons as another
  service's list asks for them (a welfare technologist's loans list), each read logged;
- `worklist-all`: `GET /api/intake/v1/worklist?scope=all` as a saksbehandler (a page of 50
  tasks with the counts).

Each path uses one token for all its requests, as a signed-in user does.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import psutil

from dev.demo.bulk import _asyncpg_dsn
from dev.issuer import SigningKey
from shared.clock import today_in_norway
from shared.db import TENANT_SETTING

ROOT = Path(__file__).resolve().parents[1]
API = "/api/intake/v1"
ISSUER = "mestring-profile"
AUDIENCE = "mestring"
PATHS = (
    "me",
    "person-page",
    "person-page-clinician",
    "decisions-list",
    "search-name",
    "person-lookups",
    "worklist-all",
)
PROFILE_ON, PROFILE_OFF = signal.SIGUSR1, signal.SIGUSR2
GRANTING = ("granted", "partly_granted")
MADE = ("made", "sent", "in_force")


# --- the server (a subprocess) ----------------------------------------------------------------


def serve(port: int, profile_path: Path) -> None:
    """Intake under uvicorn on `port` (its settings from the environment). SIGUSR1 starts a
    cProfile of the event loop's thread, SIGUSR2 stops it and writes it to `profile_path`."""
    import uvicorn

    profiler: list[cProfile.Profile] = []

    def start(*_: Any) -> None:
        profiler[:] = [cProfile.Profile(time.process_time)]
        profiler[0].enable()

    def stop(*_: Any) -> None:
        if profiler:
            profiler[0].disable()
            profiler[0].dump_stats(str(profile_path))
            profiler.clear()

    signal.signal(PROFILE_ON, start)
    signal.signal(PROFILE_OFF, stop)
    config = uvicorn.Config(
        "services.intake.app:create_app",
        factory=True,
        host="127.0.0.1",
        port=port,
        access_log=False,
        log_level="warning",
    )
    uvicorn.Server(config).run()


# --- the data ---------------------------------------------------------------------------------


def prepare(data: Path, inhabitants: int, municipality: str) -> str:
    """The municipality generated into `data` once; intake's runtime database URL."""
    from dev.postgres import service_databases, start_embedded

    marker = data / f"generated-{municipality}-{inhabitants}"
    if not marker.exists():
        subprocess.run(
            [sys.executable, "-m", "dev.demo", "--inhabitants", str(inhabitants)]
            + ["--municipality", municipality, "--data", str(data)],
            cwd=ROOT,
            check=True,
        )
        marker.touch()
    pg = start_embedded(data / "pg")
    return pg.runtime_url("intake", service_databases()["intake"])


@dataclass
class Sample:
    person_ids: list[str]
    unit: str
    served: list[str]
    family_names: list[str]


async def sample(database_url: str, municipality: str, today: date) -> Sample:
    """200 persons for the saksbehandler; the unit that serves the most persons today (a
    running granted decision) and up to 200 of its persons for the clinician."""
    connection = await asyncpg.connect(_asyncpg_dsn(database_url))
    try:
        async with connection.transaction():
            await connection.execute(
                "SELECT set_config($1, $2, true)", TENANT_SETTING, municipality
            )
            persons = await connection.fetch(
                "SELECT id::text, family_name FROM persons ORDER BY md5(id::text) LIMIT 200"
            )
            served = await connection.fetch(
                "SELECT unit, person_id::text FROM decisions"
                " WHERE outcome = ANY($1) AND status = ANY($2)"
                " AND (starts_on IS NULL OR starts_on <= $3)"
                " AND (coalesce(ended_on, ends_on) IS NULL OR coalesce(ended_on, ends_on) >= $3)",
                list(GRANTING),
                list(MADE),
                today,
            )
    finally:
        await connection.close()
    by_unit: dict[str, list[str]] = {}
    for row in served:
        by_unit.setdefault(row["unit"], []).append(row["person_id"])
    if not persons or not by_unit:
        raise SystemExit("the generated municipality has no persons or no running decisions")
    unit = max(by_unit, key=lambda u: len(set(by_unit[u])))
    return Sample(
        person_ids=[row["id"] for row in persons],
        unit=unit,
        served=sorted(set(by_unit[unit]))[:200],
        family_names=[row["family_name"] for row in persons],
    )


def token(key: SigningKey, municipality: str, role: str, units: list[str]) -> str:
    now = int(time.time())
    return key.sign(
        {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "sub": f"profile-{role}",
            "name": f"Profil {role.capitalize()}",
            "municipality": municipality,
            "roles": [role],
            "units": units,
            "iat": now,
            "exp": now + 3600,
        }
    )


# --- the measuring ----------------------------------------------------------------------------


@dataclass
class Measured:
    path: str
    n: int
    cpu_ms: float
    per_second: float
    p50_ms: float


def _cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


def run(
    client: httpx.Client,
    urls: Sequence[str],
    n: int,
    headers: dict[str, str],
    body: Any = None,
) -> list[float]:
    """`n` GETs of `urls` in turn (POSTs of `body` when it is given); every answer must be
    200. Returns the latencies (s)."""
    latencies = []
    for i in range(n):
        started = time.perf_counter()
        if body is None:
            response = client.get(urls[i % len(urls)], headers=headers)
        else:
            response = client.post(urls[i % len(urls)], headers=headers, json=body)
        latencies.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"{urls[i % len(urls)]}: {response.status_code} {response.text[:300]}")
    return latencies


def measure(
    client: httpx.Client,
    server: psutil.Process,
    name: str,
    urls: Sequence[str],
    headers: dict[str, str],
    n: int,
    warmup: int,
    body: Any = None,
) -> Measured:
    run(client, urls, warmup, headers, body)
    cpu = _cpu(server)
    started = time.perf_counter()
    latencies = run(client, urls, n, headers, body)
    wall = time.perf_counter() - started
    used = _cpu(server) - cpu
    return Measured(name, n, used * 1000 / n, n / wall, statistics.median(latencies) * 1000)


def profile(
    client: httpx.Client,
    server: psutil.Process,
    profile_path: Path,
    urls: Sequence[str],
    headers: dict[str, str],
    n: int,
    body: Any = None,
    top: int = 30,
) -> str:
    """`n` more requests under cProfile in the server; its top functions, both ways."""
    profile_path.unlink(missing_ok=True)
    server.send_signal(PROFILE_ON)
    time.sleep(0.2)  # the handler runs when the server's loop next wakes
    run(client, urls, n, headers, body)
    server.send_signal(PROFILE_OFF)
    for _ in range(100):
        if profile_path.exists() and profile_path.stat().st_size > 0:
            break
        time.sleep(0.05)
    time.sleep(0.2)
    out = io.StringIO()
    stats = pstats.Stats(str(profile_path), stream=out)
    out.write(f"\n--- own time by package ({n} requests, ms per request) ---\n")
    for package, seconds in by_package(stats)[:15]:
        out.write(f"{seconds * 1000 / n:7.2f}  {package}\n")
    stats.strip_dirs()
    for order in ("cumulative", "tottime"):
        out.write(f"\n--- top {top} by {order} ({n} requests) ---\n")
        stats.sort_stats(order).print_stats(top)
    return out.getvalue()


def by_package(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Own (profiled CPU) time summed per installed package, per Mestring module, per
    built-in; the cumulative column counts a coroutine once per resume, this does not."""
    totals: dict[str, float] = {}
    for (path, _, function), row in stats.stats.items():  # type: ignore[attr-defined]
        own = row[2]
        if "site-packages/" in path:
            name = path.split("site-packages/")[1].split("/")[0]
        elif path.startswith(str(ROOT)):
            name = str(Path(path).relative_to(ROOT))
        elif path == "~":
            name = function
        else:
            name = "stdlib " + Path(path).name
        totals[name] = totals.get(name, 0.0) + own
    return sorted(totals.items(), key=lambda item: -item[1])


def start_server(
    database_url: str, key: SigningKey, port: int, profile_path: Path
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "INTAKE_DATABASE_URL": database_url,
        "MESTRING_ENV": "dev",
        "MESTRING_AUTH_PUBLIC_KEY": key.public_pem,
        "MESTRING_AUTH_ISSUER": ISSUER,
        "MESTRING_AUTH_AUDIENCE": AUDIENCE,
        "MESTRING_FEED_ENABLED": "false",
        "MESTRING_LOG_LEVEL": "INFO",
        # one client sends every request: the per-client limit on POSTs would refuse the
        # person lookups after their burst
        "MESTRING_WRITE_RATE_PER_SECOND": "0",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("MESTRING_AUTH_JWKS_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "dev.profile_requests", "--serve", str(port)]
        + ["--profile-file", str(profile_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"intake did not start: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/intake/health/live", timeout=1).is_success:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.kill()
    raise SystemExit("intake did not become ready within 60 s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", action="append", choices=PATHS, help="default: all")
    parser.add_argument("--n", type=int, default=2000, help="measured requests per path")
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="also a cProfile of --n more")
    parser.add_argument("--inhabitants", type=int, default=3000)
    parser.add_argument("--municipality", default="3207")
    parser.add_argument(
        "--data", type=Path, default=Path(tempfile.gettempdir()) / "mestring-profile"
    )
    parser.add_argument("--port", type=int, default=0, help="intake's port (default: a free one)")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--profile-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve, args.profile_file)
        return 0

    from dev.testing import free_port

    paths = args.path or list(PATHS)
    database_url = prepare(args.data.resolve(), args.inhabitants, args.municipality)
    found = asyncio.run(sample(database_url, args.municipality, today_in_norway()))
    key = SigningKey.generate()
    port = args.port or free_port()
    profile_path = Path(tempfile.mkdtemp(prefix="mestring-profile-")) / "intake.prof"
    process = start_server(database_url, key, port, profile_path)
    base = f"http://127.0.0.1:{port}{API}"
    caseworker = token(key, args.municipality, "saksbehandler", [])
    clinician = token(key, args.municipality, "helsepersonell", [found.unit])
    technologist = token(key, args.municipality, "velferdsteknolog", [])
    cases = {
        "me": ([f"{base}/me"], caseworker),
        "person-page": ([f"{base}/persons/{p}" for p in found.person_ids], caseworker),
        "person-page-clinician": ([f"{base}/persons/{p}" for p in found.served], clinician),
        "decisions-list": ([f"{base}/decisions"], caseworker),
        "search-name": ([f"{base}/persons?q={n}" for n in found.family_names], caseworker),
        "person-lookups": ([f"{base}/person-lookups"], technologist),
        "worklist-all": ([f"{base}/worklist?scope=all"], caseworker),
    }
    bodies = {"person-lookups": {"ids": found.person_ids[:50]}}
    results, profiles = [], []
    try:
        server = psutil.Process(process.pid)
        with httpx.Client(timeout=30) as client:
            for path in paths:
                urls, bearer = cases[path]
                headers = {"Authorization": f"Bearer {bearer}"}
                body = bodies.get(path)
                results.append(
                    measure(client, server, path, urls, headers, args.n, args.warmup, body)
                )
                if args.profile:
                    profiles.append(
                        (path, profile(client, server, profile_path, urls, headers, args.n, body))
                    )
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    load = os.getloadavg()[0]
    print(
        f"\nintake, one uvicorn process, {args.inhabitants} inhabitants ({args.municipality}), "
        f"{args.n} requests per path after {args.warmup} to warm up, one client; "
        f"{os.cpu_count()} CPUs, load average {load:.1f}\n"
    )
    print("| path | server CPU ms / request | ≤ req/s per core | one client req/s | p50 ms |")
    print("|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r.path} | {r.cpu_ms:.2f} | {1000 / r.cpu_ms:.0f} | "
            f"{r.per_second:.0f} | {r.p50_ms:.1f} |"
        )
    for path, text in profiles:
        print(f"\n===== cProfile: {path} =====\n{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

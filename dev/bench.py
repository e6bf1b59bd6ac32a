"""`make bench`: Mestring under load on generated municipalities, with its floors.

For each size in `BENCH_SIZES` (default 10000) it generates a municipality
(`dev/demo/`, into a data folder of its own, kept for the next run), starts
the system there on one origin (`dev/run.py`) — or uses a running one
(`--url`, with `--data` for its database) — and drives load from a separate
process with locust (headless) through the gateway:

- one client, then `--users` concurrent clients, for a while each;
- per operation: throughput, p50 / p95 / p99 and errors;
- the SQL floor: the statements the operation issues (captured from one
  request served in-process) run bare in PostgreSQL, p50 of their sum;
- the framework floor: `GET /api/intake/v1/me`, authenticated, no SQL;
- the ratio of the service's one-client p50 to (SQL floor + framework floor).

Besides intake's casework it measures each service's main operations as the
person who does them: the koordinator opens a plan and their worklist, the
welfare technologist the loans and the benefits dashboard, an employee reports
a deviation, and the unit's leader opens the deviation queue and the statistics.

The table is printed and written into `docs/performance.md` between the
bench markers, with the machine's core count and the date.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import importlib
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import create_async_engine

from dev.demo import GENERATED_BY
from dev.demo.bulk import _asyncpg_dsn
from dev.demo.coordination import demo_coordinator
from dev.issuer import SigningKey
from shared.db import TENANT_SETTING

ROOT = Path(__file__).resolve().parents[1]
API = "/api/intake/v1"
REPORT = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
OPERATIONS = (
    "framework floor (GET /me, no SQL)",
    "search: rare name",
    "search: common name",
    "search: national id",
    "person page",
    "worklist: mine",
    "worklist: all",
    "decisions list",
    "make a decision",
    "coordination: open a plan",
    "coordination: koordinator's worklist",
    "welfaretech: loans list",
    "welfaretech: benefits dashboard",
    "quality: report a deviation",
    "quality: leader's queue",
    "quality: statistics",
)
WRITES = ("make a decision", "quality: report a deviation")
"""Operations that change data: no SQL floor (their statements are not repeatable)."""
SERVICES = ("intake", "coordination", "welfaretech", "quality")
ROLES = {
    "intake": "saksbehandler",
    "coordination": "koordinator",
    "welfaretech": "velferdsteknolog",
    "quality": "leder",
    "reporter": "helsepersonell",
}
"""Who does each service's operations (role values); `reporter` reports the deviation."""


@dataclass
class Target:
    """A running system (behind the gateway, or services alone) and its databases.

    `base_url`, `token` and `database_url` are intake's; `urls`, `tokens` (per role value)
    and `database_urls` add the other services, whose operations run when all three are
    given for them."""

    base_url: str
    token: str
    database_url: str
    municipality: str
    size: int
    urls: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    database_urls: dict[str, str] = field(default_factory=dict)

    def url(self, service: str) -> str:
        return self.urls.get(service, self.base_url)

    def has(self, service: str) -> bool:
        if service == "intake":
            return True
        roles = [ROLES[service]] + (["helsepersonell"] if service == "quality" else [])
        return service in self.database_urls and all(r in self.tokens for r in roles)


def claims(token: str) -> dict[str, Any]:
    """A token's claims (not verified: the bench's own tokens)."""
    body = token.split(".")[1]
    data: dict[str, Any] = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    return data


@dataclass
class Stat:
    requests: int = 0
    failures: int = 0
    rps: float = 0.0
    p50: float = 0.0
    p95: float = 0.0
    p99: float = 0.0


@dataclass
class Result:
    size: int
    one: dict[str, Stat] = field(default_factory=dict)
    many: dict[str, Stat] = field(default_factory=dict)
    users: int = 0
    sql_floor: dict[str, float] = field(default_factory=dict)
    statements: dict[str, int] = field(default_factory=dict)


# --- what the load works on ----------------------------------------------------------------


async def sample(target: Target, drafts: int = 4000) -> dict[str, Any]:
    """Names (rare and common fragments), national ids, persons and drafts to make."""
    connection = await asyncpg.connect(_asyncpg_dsn(target.database_url))
    try:
        async with connection.transaction():
            await connection.execute(
                "SELECT set_config($1, $2, true)", TENANT_SETTING, target.municipality
            )
            names = await connection.fetch(
                "SELECT family_name, count(*) AS n FROM persons GROUP BY family_name ORDER BY n"
            )
            persons = await connection.fetch(
                "SELECT id::text, national_id FROM persons ORDER BY md5(id::text) LIMIT 500"
            )
            with_cases = await connection.fetch(
                "SELECT DISTINCT person_id::text FROM applications "
                "ORDER BY person_id::text LIMIT 500"
            )
            open_drafts = await connection.fetch(
                "SELECT id::text, version FROM decisions WHERE status = 'draft' "
                "AND drafted_by = $1 ORDER BY id LIMIT $2",
                GENERATED_BY,
                drafts,
            )
    finally:
        await connection.close()
    rare = [row["family_name"][:-1].lower() for row in names[:20]]
    common = [row["family_name"][:4].lower() for row in names[-3:]]
    plan: dict[str, Any] = {
        "rare": rare,
        "common": common,
        "national_ids": [row["national_id"] for row in persons[:200]],
        "person_ids": [row["id"] for row in persons] + [row["person_id"] for row in with_cases],
        "drafts": [[row["id"], row["version"]] for row in open_drafts],
        "plans": [],
        "unit": None,
    }
    if target.has("coordination"):
        plan["plans"] = [
            row[0]
            for row in await _fetch(
                target.database_urls["coordination"],
                target.municipality,
                "SELECT p.id::text FROM plans p JOIN coordinator_assignments a "
                "ON a.person_id = p.person_id AND a.to_date IS NULL "
                "WHERE a.coordinator_sub = $1 ORDER BY p.id LIMIT 200",
                claims(target.tokens["koordinator"])["sub"],
            )
        ]
    if target.has("quality"):
        units = claims(target.tokens["helsepersonell"]).get("units") or [
            row[0]
            for row in await _fetch(
                target.database_urls["quality"],
                target.municipality,
                "SELECT unit FROM deviations GROUP BY unit ORDER BY count(*) DESC LIMIT 1",
            )
        ]
        plan["unit"] = units[0] if units else None
    today = datetime.now(UTC).date()
    plan["first"] = (today - timedelta(days=365)).isoformat()
    plan["last"] = today.isoformat()
    return plan


async def _fetch(database_url: str, municipality: str, sql: str, *args: Any) -> list[Any]:
    connection = await asyncpg.connect(_asyncpg_dsn(database_url))
    try:
        async with connection.transaction():
            await connection.execute(
                "SELECT set_config($1, $2, true)", TENANT_SETTING, municipality
            )
            return list(await connection.fetch(sql, *args))
    finally:
        await connection.close()


# --- the floors -----------------------------------------------------------------------------


def _requests(plan: dict[str, Any]) -> dict[str, tuple[str, str, str, dict[str, Any]]]:
    """The read operations: name → (service, method, path under the service's API, query)."""
    requests: dict[str, tuple[str, str, str, dict[str, Any]]] = {
        "search: rare name": ("intake", "GET", "/persons", {"q": plan["rare"][0]}),
        "search: common name": ("intake", "GET", "/persons", {"q": plan["common"][0]}),
        "search: national id": ("intake", "GET", "/persons", {"q": plan["national_ids"][0]}),
        "person page": ("intake", "GET", f"/persons/{plan['person_ids'][0]}", {}),
        "worklist: mine": ("intake", "GET", "/worklist", {"scope": "mine"}),
        "worklist: all": ("intake", "GET", "/worklist", {"scope": "all"}),
        "decisions list": ("intake", "GET", "/decisions", {}),
    }
    if "coordination" in plan.get("services", ()):
        requests["coordination: koordinator's worklist"] = ("coordination", "GET", "/worklist", {})
    if plan.get("plans"):
        requests["coordination: open a plan"] = (
            "coordination", "GET", f"/plans/{plan['plans'][0]}", {}
        )  # fmt: skip
    if "welfaretech" in plan.get("services", ()):
        requests |= {
            "welfaretech: loans list": ("welfaretech", "GET", "/loans", {}),
            "welfaretech: benefits dashboard": ("welfaretech", "GET", "/benefits/dashboard", {}),
        }
    if plan.get("unit"):
        requests |= {
            "quality: leader's queue": ("quality", "GET", "/deviations/queue", {}),
            "quality: statistics": (
                "quality",
                "GET",
                "/statistics",
                {"first": plan["first"], "last": plan["last"]},
            ),
        }
    return requests


def _app(service: str, database_url: str, public_pem: str) -> Any:
    module = importlib.import_module(f"services.{service}.app")
    settings = getattr(
        importlib.import_module(f"services.{service}.settings"), f"{service.capitalize()}Settings"
    )
    return module.create_app(
        settings(
            database_url=database_url,
            auth_public_key=public_pem,
            auth_issuer="mestring-bench",
            log_level="WARNING",
            feed_enabled=False,
        )
    )


async def _capture(
    service: str,
    database_url: str,
    identity: dict[str, Any],
    requests: dict[str, tuple[str, str, str, dict[str, Any]]],
) -> dict[str, list[tuple[str, Any]]]:
    """Each request served once by the service's app in this process (after a warm-up), with
    the statements it issued."""
    key = SigningKey.generate()
    app = _app(service, database_url, key.public_pem)
    now = int(time.time())
    token = key.sign(
        {
            **{k: v for k, v in identity.items() if k in ("sub", "name", "roles", "units")},
            "iss": "mestring-bench",
            "aud": "mestring",
            "municipality": identity["municipality"],
            "iat": now,
            "exp": now + 600,
        }
    )
    captured: list[tuple[str, Any]] = []
    statements: dict[str, list[tuple[str, Any]]] = {}
    async with app.router.lifespan_context(app):

        def capture(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
            captured.append((statement, params))

        event.listen(app.state.engine.sync_engine, "before_cursor_execute", capture)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url=f"http://{service}",
            headers={"Authorization": f"Bearer {token}"},
        ) as client:
            for name, (_, method, path, params) in requests.items():
                url = f"/api/{service}/v1{path}"
                await client.request(method, url, params=params)  # warm
                captured.clear()
                response = await client.request(method, url, params=params)
                if response.status_code == 200:
                    statements[name] = list(captured)
    return statements


async def sql_floors(target: Target, plan: dict[str, Any], runs: int = 15) -> tuple[
    dict[str, float], dict[str, int]
]:  # fmt: skip
    """Each read operation served once by its service's app in this process, its statements
    captured, then run bare (one connection, the tenant set, rolled back) `runs` times: p50
    in ms."""
    requests = _requests(plan)
    floors: dict[str, float] = {}
    counts: dict[str, int] = {}
    for service in SERVICES:
        mine = {name: r for name, r in requests.items() if r[0] == service}
        if not mine or not target.has(service):
            continue
        database_url = target.database_url if service == "intake" else target.database_urls[service]
        token = target.tokens.get(ROLES[service], target.token if service == "intake" else "")
        identity = (
            claims(token)
            if token.count(".") == 2
            else {"sub": "bench", "name": "Bench", "roles": [ROLES[service]]}
        )
        identity["municipality"] = target.municipality
        statements = await _capture(service, database_url, identity, mine)
        engine = create_async_engine(database_url)
        try:
            async with engine.connect() as connection:
                for name, issued in statements.items():
                    timings = []
                    for _ in range(runs):
                        transaction = await connection.begin()
                        await connection.execute(
                            text("SELECT set_config(:n, :v, true)"),
                            {"n": TENANT_SETTING, "v": target.municipality},
                        )
                        started = time.perf_counter()
                        for statement, params in issued:
                            if "set_config" in statement:
                                continue
                            await connection.exec_driver_sql(statement, params)
                        timings.append((time.perf_counter() - started) * 1000)
                        await transaction.rollback()
                    floors[name] = statistics.median(timings)
                    counts[name] = len(issued)
        finally:
            await engine.dispose()
    return floors, counts


# --- the load -------------------------------------------------------------------------------


def _percentile(histogram: dict[str, int], share: float) -> float:
    """The response time (ms) below which `share` of the requests fall, from locust's
    histogram of rounded times."""
    times = sorted((float(ms), count) for ms, count in histogram.items())
    total = sum(count for _, count in times)
    seen = 0
    for ms, count in times:
        seen += count
        if seen >= share * total:
            return ms
    return times[-1][0] if times else 0.0


def _read_stats(path: Path) -> dict[str, Stat]:
    """locust's final statistics (its JSON, written after every client has finished)."""
    stats = {}
    for entry in json.loads(path.read_text()):
        seconds = max(entry["last_request_timestamp"] - entry["start_time"], 1e-3)
        histogram = entry["response_times"]
        stats[entry["name"]] = Stat(
            requests=entry["num_requests"],
            failures=entry["num_failures"],
            rps=entry["num_requests"] / seconds if entry["num_requests"] > 1 else 0.0,
            p50=_percentile(histogram, 0.50),
            p95=_percentile(histogram, 0.95),
            p99=_percentile(histogram, 0.99),
        )
    return stats


async def run_load(
    target: Target, plan: dict[str, Any], users: int, seconds: float, folder: Path
) -> dict[str, Stat]:
    """locust, headless, in a process of its own, against the target's one origin; at the end
    each client finishes what it is doing (one client: its round of every operation)."""
    plan_file = folder / f"plan-{users}.json"
    await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
    services = [service for service in SERVICES if target.has(service)]
    body = {
        **plan,
        "api": API,
        "token": target.token,
        "services": services,
        "urls": {service: target.url(service) for service in services},
        "tokens": target.tokens,
    }
    await asyncio.to_thread(plan_file.write_text, json.dumps(body))
    prefix = folder / f"users-{users}"
    result = folder / f"users-{users}.json"  # locust adds the suffix
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(ROOT / "dev" / "bench_locustfile.py"),
        "--headless",
        "--only-summary",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{max(int(seconds), 1)}s",
        "--stop-timeout",
        "30",
        "--host",
        target.base_url,
        "--json-file",
        str(prefix),
        "--loglevel",
        "WARNING",
        env={**os.environ, "MESTRING_BENCH_PLAN": str(plan_file)},
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await process.communicate()
    log = stderr.decode()
    await asyncio.to_thread(Path(f"{prefix}.log").write_text, log)
    if not await asyncio.to_thread(result.exists):
        raise RuntimeError(f"locust wrote no statistics: {log[-2000:]}")
    return await asyncio.to_thread(_read_stats, result)


async def measure(
    target: Target,
    *,
    users: int,
    seconds: float,
    folder: Path,
    drafts: int = 4000,
    floor_runs: int = 15,
) -> Result:
    plan = await sample(target, drafts)
    plan["services"] = [service for service in SERVICES if target.has(service)]
    floors, counts = await sql_floors(target, plan, floor_runs)
    one_plan = {**plan, "drafts": plan["drafts"][: len(plan["drafts"]) // 2], "sequential": True}
    many_plan = {**plan, "drafts": plan["drafts"][len(plan["drafts"]) // 2 :]}
    one = await run_load(target, one_plan, 1, seconds, folder)
    many = await run_load(target, many_plan, users, seconds, folder)
    return Result(
        size=target.size, one=one, many=many, users=users, sql_floor=floors, statements=counts
    )


# --- the report -----------------------------------------------------------------------------


def table(result: Result) -> str:
    framework = result.one.get(OPERATIONS[0], Stat()).p50
    lines = [
        f"**{result.size:,} inhabitants** — one client, then {result.users} concurrent clients "
        "(ms; req/s; errors = non-2xx)",
        "",
        "| operation | 1 client p50 | p95 | p99 | statements | SQL floor p50 | "
        f"p50 / (SQL + framework) | {result.users} clients req/s | p50 | p95 | p99 | errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in OPERATIONS:
        one, many = result.one.get(name), result.many.get(name)
        if one is None and many is None:
            continue
        one, many = one or Stat(), many or Stat()
        floor = result.sql_floor.get(name)
        ratio = f"{one.p50 / (floor + framework):.1f}" if floor is not None and one.p50 else "–"
        lines.append(
            f"| {name} | {one.p50:.0f} | {one.p95:.0f} | {one.p99:.0f} | "
            f"{result.statements.get(name, '–')} | "
            f"{f'{floor:.1f}' if floor is not None else '–'} | {ratio} | "
            f"{many.rps:.1f} | {many.p50:.0f} | {many.p95:.0f} | {many.p99:.0f} | "
            f"{one.failures + many.failures} |"
        )
    return "\n".join(lines)


def growth(results: Sequence[Result]) -> str:
    if len(results) < 2:
        return ""
    first = results[0]
    header = " | ".join(f"{r.size:,}" for r in results)
    lines = [
        f"One-client p50 (ms) by size, and the growth from {first.size:,} to {results[-1].size:,}:",
        "",
        f"| operation | {header} | growth |",
        "|---|" + "---|" * (len(results) + 1),
    ]
    for name in OPERATIONS:
        values = [r.one.get(name, Stat()).p50 for r in results]
        change = f"{values[-1] / values[0]:.1f}×" if values[0] else "–"
        lines.append(f"| {name} | " + " | ".join(f"{v:.0f}" for v in values) + f" | {change} |")
    return "\n".join(lines)


def report(results: Sequence[Result], seconds: float, note: str = "") -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        f"Measured {stamp} on {os.cpu_count()} cores ({platform.machine()}, Python "
        f"{platform.python_version()}), {seconds:.0f} s per phase, through the one origin; "
        "locust runs on the same machine. " + note,
        "",
    ]
    parts += [table(result) + "\n" for result in results]
    if trend := growth(results):
        parts.append(trend + "\n")
    return "\n".join(parts)


def write_report(body: str, path: Path = REPORT) -> None:
    """Replace what lies between the bench markers (or append them)."""
    current = path.read_text() if path.exists() else "# Performance\n"
    block = f"{START}\n{body.rstrip()}\n{END}"
    if START in current and END in current:
        head, rest = current.split(START, 1)
        current = head + block + rest.split(END, 1)[1]
    else:
        current = current.rstrip() + "\n\n" + block + "\n"
    path.write_text(current)


# --- the system -----------------------------------------------------------------------------


def _demo_user(municipality: str, role: str) -> str:
    from dev.users import demo_users
    from shared.schemas.roles import Role

    if role == ROLES["coordination"]:  # the koordinator with the generated caseload
        return demo_coordinator(municipality)[0]
    return next(
        u.username for u in demo_users() if u.municipality == municipality and Role(role) in u.roles
    )


def dev_token(base_url: str, municipality: str, role: str = "saksbehandler") -> str:
    response = httpx.post(
        f"{base_url}/api/dev/token", json={"username": _demo_user(municipality, role)}, timeout=10
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def generate(size: int, data: Path, municipality: str, seed: int) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "dev.demo",
            "--inhabitants",
            str(size),
            "--seed",
            str(seed),
            "--municipality",
            municipality,
            "--data",
            str(data),
        ],
        cwd=ROOT,
        check=True,
    )


def start_system(data: Path, port: int) -> subprocess.Popen[bytes]:
    from dev.run import wait_until_ready

    process = subprocess.Popen(
        [sys.executable, "-m", "dev.run", "--port", str(port), "--data", str(data)]
        + ["--no-demo-data"],
        cwd=ROOT,
        env={**os.environ, "MESTRING_SERVICE_PORT_BASE": str(port + 100)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    if not wait_until_ready(port, timeout=240):
        stop_system(process)
        raise SystemExit(f"the system did not become ready on port {port}")
    return process


def stop_system(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def database_urls(data: Path) -> dict[str, str]:
    """Each benched service's runtime database URL (given ones win)."""
    from dev.postgres import service_databases, start_embedded

    given = {s: os.environ.get(f"{s.upper()}_DATABASE_URL", "") for s in SERVICES}
    if all(given.values()):
        return given
    pg = start_embedded(data / "pg")
    names = service_databases()
    return {s: given[s] or pg.runtime_url(s, names[s]) for s in SERVICES}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "10000"))
    parser.add_argument("--users", type=int, default=int(os.environ.get("BENCH_USERS", "20")))
    parser.add_argument(
        "--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", "20"))
    )
    parser.add_argument("--municipality", default="3207")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8390")))
    parser.add_argument("--url", help="bench this running system instead (one size: --data's)")
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(
            os.environ.get("BENCH_DATA_DIR", Path(tempfile.gettempdir()) / "mestring-bench")
        ),
        help="where each size's data is kept (a folder per size); with --url: that system's",
    )
    parser.add_argument("--note", default="", help="a line for the report (what ran beside)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    results = []
    for size in sizes:
        data = args.data if args.url else args.data / str(size)
        process = None
        if not args.url:
            generate(size, data, args.municipality, args.seed)
            process = start_system(data, args.port)
        base_url = args.url or f"http://127.0.0.1:{args.port}"
        try:
            urls = database_urls(data)
            tokens = {
                role: dev_token(base_url, args.municipality, role) for role in set(ROLES.values())
            }
            target = Target(
                base_url=base_url,
                token=tokens["saksbehandler"],
                database_url=urls["intake"],
                municipality=args.municipality,
                size=size,
                tokens=tokens,
                database_urls=urls,
            )
            result = asyncio.run(
                measure(target, users=args.users, seconds=args.seconds, folder=data / "locust")
            )
        finally:
            if process is not None:
                stop_system(process)
        print(table(result), flush=True)
        results.append(result)
    body = report(results, args.seconds, args.note)
    print(body)
    if not args.no_write:
        write_report(body)
        print(f"written to {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

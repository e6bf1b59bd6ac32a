"""`make bench`: Mestring under load on generated municipalities, with its floors.

For each size in `BENCH_SIZES` (default 10000) it generates a municipality
(`dev/demo/`, into a data folder of its own, kept for the next run), starts
the system there on one origin (`dev/run.py`) — or uses a running one
(`--url`, with `--data` for its database) — and drives load from a separate
process with locust (headless) through the gateway:

- one client, then `--users` concurrent clients (closed loop: each waits for
  its answer), then an open loop: `--rate` arrivals a second of the same
  mixed operations, whether or not the earlier ones have answered;
- per operation: throughput, p50 / p95 / p99 and errors;
- the person page alone, `--users` clients back to back, directly to intake
  and through the gateway: requests a second, and per worker process;
- the peak resident memory of each service's worker processes during the
  load (when the bench started the system), and the machine's load average;
- the SQL floor: the statements the operation issues (captured from one
  request served in-process, with those of any service it calls) run bare in
  PostgreSQL, p50 of their sum;
- the framework floor: `GET /api/intake/v1/me`, authenticated, no SQL; and for
  an operation that calls another service, per call, the same straight to intake;
- the ratio of the service's one-client p50 to (SQL floor + framework floor).

Besides intake's casework it measures each service's main operations as the
person who does them: the koordinator opens a plan and their worklist, the
welfare technologist the loans and the benefits dashboard, an employee reports
a deviation, and the unit's leader opens the deviation queue and the statistics.

Each service runs `--workers` processes (`MESTRING_WORKERS`, default the
CPUs up to four). The table is printed and written into `docs/performance.md`
between the bench markers, with the machine's core count and the date.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import csv
import importlib
import json
import os
import platform
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import aiohttp
import asyncpg
import httpx
import psutil
from sqlalchemy import event, text

from dev.demo import GENERATED_BY
from dev.demo.bulk import _asyncpg_dsn
from dev.demo.coordination import demo_coordinator
from dev.issuer import SigningKey
from shared.clients import Answer, ServiceClient
from shared.db import TENANT_SETTING, create_engine
from shared.workers import worker_count

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
    given for them. `intake_url` is intake's own origin when `base_url` is the gateway's
    (the person page's throughput is then measured both ways); `pid` the process that
    started the system (its services' memory is then sampled)."""

    base_url: str
    token: str
    database_url: str
    municipality: str
    size: int
    urls: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    database_urls: dict[str, str] = field(default_factory=dict)
    intake_url: str | None = None
    pid: int | None = None
    workers: int = 1

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
    errors: dict[str, int] = field(default_factory=dict)
    """What the failures were (the status, or the client's error) and how many."""


ALL = "all operations"
WARM_UP_SECONDS = 5
"""The mixed load run before the measured phases, and not counted."""
"""The name of the open loop's totals (every operation's requests together)."""


@dataclass
class Memory:
    """Peak resident memory (MB) of one service's worker processes while the load ran."""

    workers: int = 0
    total: float = 0.0
    """The peak of the sum over its workers."""
    largest: float = 0.0
    """The peak of its largest worker."""


@dataclass
class Result:
    size: int
    one: dict[str, Stat] = field(default_factory=dict)
    many: dict[str, Stat] = field(default_factory=dict)
    users: int = 0
    sql_floor: dict[str, float] = field(default_factory=dict)
    statements: dict[str, int] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    """Per read operation: the calls it makes to another service (their SQL is in its floor)."""
    direct_floor: float = 0.0
    """The framework floor of such a call: `GET /me` straight to intake, p50 ms."""
    rate: float = 0.0
    open: dict[str, Stat] = field(default_factory=dict)
    """The open loop's statistics per operation, and `ALL`."""
    pages: dict[str, Stat] = field(default_factory=dict)
    """The person page alone: "directly" (intake's origin), "through the gateway"."""
    page_cpu: dict[str, dict[str, float]] = field(default_factory=dict)
    """Per way of `pages`: the CPU milliseconds per request each process group used."""
    mix_cpu: dict[str, float] = field(default_factory=dict)
    """The concurrent clients' mixed load: the CPU milliseconds per request each process group
    used, locust's own process included."""
    machine_cpu: float = 0.0
    """The same phase's CPU milliseconds per request of the whole machine (every process, the
    PostgreSQL backends that ended during it included, which `mix_cpu` misses)."""
    workers: int = 1
    memory: dict[str, Memory] = field(default_factory=dict)
    load: tuple[float, float] = (0.0, 0.0)
    """The machine's 1-minute load average when the load began and when it ended."""


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


@dataclass
class Issued:
    """What serving one request cost the databases: each statement with the service whose
    database ran it, and how many calls the service made to another service meanwhile."""

    statements: list[tuple[str, str, Any]] = field(default_factory=list)
    calls: int = 0


async def _capture(
    service: str,
    database_urls: dict[str, str],
    identity: dict[str, Any],
    requests: dict[str, tuple[str, str, str, dict[str, Any]]],
) -> dict[str, Issued]:
    """Each request served once by the service's app in this process (after a warm-up), with
    the statements it issued. A call it makes to another benched service (a plan's decisions
    from intake, the names of a page of loans) is served by that service's app in this
    process too, with the same token, and its statements are counted with the request's."""
    key = SigningKey.generate()
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
    issued = Issued()
    apps: dict[str, Any] = {}
    async with contextlib.AsyncExitStack() as stack:

        async def app_of(name: str) -> Any:
            if name not in apps:
                app = _app(name, database_urls[name], key.public_pem)
                await stack.enter_async_context(app.router.lifespan_context(app))

                def capture(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
                    issued.statements.append((name, statement, params))

                event.listen(app.state.engine.sync_engine, "before_cursor_execute", capture)
                apps[name] = app
            return apps[name]

        original = ServiceClient.request

        async def served_here(
            client: ServiceClient,
            method: str,
            path: str,
            *,
            params: dict[str, Any] | None = None,
            json: Any = None,
            headers: dict[str, str] | None = None,
        ) -> Answer:
            if client.service not in database_urls:
                return await original(
                    client, method, path, params=params, json=json, headers=headers
                )
            issued.calls += 1
            other = await app_of(client.service)
            transport = httpx.ASGITransport(app=other)
            async with httpx.AsyncClient(
                transport=transport, base_url=f"http://{client.service}"
            ) as http:
                answer = await http.request(
                    method,
                    path,
                    params=params,
                    json=json,
                    headers={**client._headers(), **(headers or {})},
                )
            return Answer(answer.status_code, answer.content, dict(answer.headers))

        ServiceClient.request = served_here  # type: ignore[method-assign, assignment]
        try:
            app = await app_of(service)
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport,
                base_url=f"http://{service}",
                headers={"Authorization": f"Bearer {token}"},
            ) as client:
                served: dict[str, Issued] = {}
                for name, (_, method, path, params) in requests.items():
                    url = f"/api/{service}/v1{path}"
                    await client.request(method, url, params=params)  # warm
                    issued.statements.clear()
                    issued.calls = 0
                    response = await client.request(method, url, params=params)
                    if response.status_code == 200:
                        served[name] = Issued(list(issued.statements), issued.calls)
        finally:
            ServiceClient.request = original  # type: ignore[method-assign]
    return served


@dataclass
class Floors:
    """Per read operation: the p50 (ms) of its statements run bare, how many there are, and
    how many calls to another service the operation makes."""

    sql: dict[str, float] = field(default_factory=dict)
    statements: dict[str, int] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)


async def sql_floors(target: Target, plan: dict[str, Any], runs: int = 15) -> Floors:
    """Each read operation served once by its service's app in this process, its statements
    captured (those of the services it called included), then run bare (one connection to
    each service's database with the services' settings, the tenant set, rolled back) `runs`
    times: p50 in ms of their sum."""
    requests = _requests(plan)
    databases = {
        service: target.database_url if service == "intake" else target.database_urls[service]
        for service in SERVICES
        if target.has(service)
    }
    floors = Floors()
    engines = {service: create_engine(url) for service, url in databases.items()}
    try:
        for service in SERVICES:
            mine = {name: r for name, r in requests.items() if r[0] == service}
            if not mine or service not in databases:
                continue
            token = target.tokens.get(ROLES[service], target.token if service == "intake" else "")
            identity = (
                claims(token)
                if token.count(".") == 2
                else {"sub": "bench", "name": "Bench", "roles": [ROLES[service]]}
            )
            identity["municipality"] = target.municipality
            captured = await _capture(service, databases, identity, mine)
            for name, issued in captured.items():
                timings = [
                    await _run_bare(engines, issued, target.municipality) for _ in range(runs)
                ]
                floors.sql[name] = statistics.median(timings)
                floors.statements[name] = sum(
                    1 for _, _, params in issued.statements if TENANT_SETTING not in str(params)
                )
                floors.calls[name] = issued.calls
    finally:
        for engine in engines.values():
            await engine.dispose()
    return floors


async def _run_bare(engines: dict[str, Any], issued: Issued, municipality: str) -> float:
    """One run of the statements, each in its service's database: ms, tenants set untimed."""
    elapsed = 0.0
    by_service: dict[str, list[tuple[str, Any]]] = {}
    for service, statement, params in issued.statements:
        by_service.setdefault(service, []).append((statement, params))
    for service, statements in by_service.items():
        async with engines[service].connect() as connection:
            transaction = await connection.begin()
            await connection.execute(
                text("SELECT set_config(:n, :v, true)"), {"n": TENANT_SETTING, "v": municipality}
            )
            started = time.perf_counter()
            for statement, params in statements:
                if TENANT_SETTING in str(params):  # set above
                    continue
                await connection.exec_driver_sql(statement, params)
            elapsed += time.perf_counter() - started
            await transaction.rollback()
    return elapsed * 1000


async def direct_floor(target: Target, requests: int = 300) -> float:
    """The framework floor of a call from one service to another: `GET /me` straight to
    intake's origin (no gateway), one at a time with the services' own HTTP client: p50 ms."""
    if not target.intake_url:
        return 0.0
    url = f"{target.intake_url.rstrip('/')}{API}/me"
    headers = {"Authorization": f"Bearer {target.token}"}
    timings = []
    async with aiohttp.ClientSession() as http:
        for attempt in range(requests + 30):
            started = time.perf_counter()
            async with http.get(url, headers=headers) as response:
                await response.read()
                if response.status != 200:
                    return 0.0
            if attempt >= 30:  # the first are a warm-up
                timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


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


def _stat(entries: Sequence[dict[str, Any]], phase: Sequence[dict[str, Any]] = ()) -> Stat:
    """One statistic from locust's entries (one operation's, or several together); its
    requests a second over the whole `phase` (every operation's entries: an operation that
    ran out of work early, such as the drafts to make, is not counted over its burst only)."""
    requests = sum(entry["num_requests"] for entry in entries)
    histogram: dict[str, int] = {}
    for entry in entries:
        for ms, count in entry["response_times"].items():
            histogram[ms] = histogram.get(ms, 0) + count
    span = phase or entries
    first = min((e["start_time"] for e in span), default=0.0)
    last = max((e["last_request_timestamp"] or 0.0 for e in span), default=0.0)
    seconds = max(last - first, 1e-3)
    return Stat(
        requests=requests,
        failures=sum(entry["num_failures"] for entry in entries),
        rps=requests / seconds if requests > 1 else 0.0,
        p50=_percentile(histogram, 0.50),
        p95=_percentile(histogram, 0.95),
        p99=_percentile(histogram, 0.99),
    )


def _read_stats(path: Path, failures: Path | None = None) -> dict[str, Stat]:
    """locust's final statistics (its JSON, written after every client has finished), per
    operation and, under `ALL`, every operation's requests together; with `failures` (its
    CSV of them) what each operation's failures were."""
    entries = [entry for entry in json.loads(path.read_text()) if entry["num_requests"]]
    stats = {entry["name"]: _stat([entry], entries) for entry in entries}
    if entries:
        stats[ALL] = _stat(entries)
    if failures is not None and failures.exists():
        with failures.open(newline="") as rows:
            for row in csv.DictReader(rows):
                error = re.sub(r"^CatchResponseError\('?(.*?)'?\)$", r"\1", row["Error"])[:60]
                for name in (row["Name"], ALL):
                    if name in stats:
                        kinds = stats[name].errors
                        kinds[error] = kinds.get(error, 0) + int(row["Occurrences"])
    return stats


def _errors(stat: Stat) -> str:
    kinds = ", ".join(f"{kind} × {n}" for kind, n in sorted(stat.errors.items()))
    return f"{stat.failures} ({kinds})" if kinds else str(stat.failures)


def _postmaster(database_url: str) -> psutil.Process | None:
    """The PostgreSQL server whose socket folder (its data folder, for the embedded one) the
    URL names; None for a server reached over TCP."""
    host = parse_qs(urlparse(database_url).query).get("host", [""])[0]
    if not host:
        return None
    for process in psutil.process_iter(["cmdline"]):
        command = process.info["cmdline"] or []
        if "-D" in command[:-1] and command[command.index("-D") + 1] == host:
            return process
    return None


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy (every core, every process) since boot."""
    times = psutil.cpu_times()
    busy = ("user", "nice", "system", "irq", "softirq")  # guest time is inside user and nice
    return sum(getattr(times, name, 0.0) for name in busy)


def cpu_used(before: dict[tuple[str, int], float], after: dict[tuple[str, int], float]) -> dict[
    str, float
]:  # fmt: skip
    """CPU seconds per group between two `MemorySampler.cpu` readings: each process's own
    difference (one started meanwhile counts whole; one that ended meanwhile, such as a
    PostgreSQL backend of a closed connection, is missed rather than subtracted)."""
    used: dict[str, float] = {}
    for (name, pid), seconds in after.items():
        used[name] = used.get(name, 0.0) + seconds - before.get((name, pid), 0.0)
    return used


class MemorySampler:
    """The peak resident memory of each service's worker processes (the uvicorn processes
    below `root` that serve `services.<name>.app` or the gateway, or their worker children
    when they have some), sampled every `interval` seconds in a thread of its own; and, on
    demand, the CPU time they and the PostgreSQL serving `database_url` have used."""

    def __init__(self, root: int, database_url: str = "", interval: float = 0.5) -> None:
        self.root = root
        self.interval = interval
        self.peaks: dict[str, Memory] = {}
        self.postmaster = _postmaster(database_url) if database_url else None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def cpu(self) -> dict[tuple[str, int], float]:
        """CPU seconds (user + system) used so far by each process of each service's workers
        and of the PostgreSQL server (its postmaster and every backend), by (group, pid)."""
        used: dict[tuple[str, int], float] = {}
        groups = dict(self.workers())
        if self.postmaster is not None:
            with contextlib.suppress(psutil.Error):
                groups["postgres"] = [self.postmaster, *self.postmaster.children()]
        for name, processes in groups.items():
            for process in processes:
                with contextlib.suppress(psutil.Error):
                    times = process.cpu_times()
                    used[(name, process.pid)] = times.user + times.system
        return used

    def workers(self) -> dict[str, list[psutil.Process]]:
        found: dict[str, list[psutil.Process]] = {}
        for process in psutil.Process(self.root).children(recursive=True):
            try:
                command = process.cmdline()
                if not command or "python" not in Path(command[0]).name:
                    continue  # the shell honcho starts each command with
                line = " ".join(command)
                if "uvicorn" not in line:
                    continue
                name = next(
                    (s for s in (*SERVICES, "catalogue") if f"services.{s}.app:" in line),
                    "gateway" if "dev.gateway:" in line else None,
                )
                if name is None:
                    continue
                children = [
                    child
                    for child in process.children()
                    if "resource_tracker" not in " ".join(child.cmdline())
                ]
                found[name] = children or [process]
            except psutil.Error:
                continue
        return found

    def sample(self) -> None:
        for name, processes in self.workers().items():
            sizes = []
            for process in processes:
                try:
                    sizes.append(process.memory_info().rss / 2**20)
                except psutil.Error:
                    continue
            peak = self.peaks.setdefault(name, Memory())
            peak.workers = max(peak.workers, len(sizes))
            peak.total = max(peak.total, sum(sizes))
            peak.largest = max(peak.largest, max(sizes, default=0.0))

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            with contextlib.suppress(psutil.Error):
                self.sample()

    def __enter__(self) -> MemorySampler:
        self.sample()
        self._thread = threading.Thread(target=self._run, name="bench-memory", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def _children_cpu() -> float:
    """CPU seconds (user + system) of this process's children that have ended (locust's runs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


async def run_load(
    target: Target,
    plan: dict[str, Any],
    users: int,
    seconds: float,
    folder: Path,
    *,
    user_class: str = "Caseworker",
    host: str | None = None,
    label: str = "",
) -> dict[str, Stat]:
    """locust, headless, in a process of its own, against the target's one origin (or `host`),
    with `users` of `user_class` (`dev/bench_locustfile.py`); at the end each client finishes
    what it is doing (one client: its round of every operation; the open loop: the requests
    in flight)."""
    label = label or f"users-{users}"
    plan_file = folder / f"plan-{label}.json"
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
    prefix = folder / label
    result = folder / f"{label}.json"  # locust adds the suffix
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
        host or target.base_url,
        "--json-file",
        str(prefix),
        "--csv",
        str(prefix),
        "--loglevel",
        "WARNING",
        user_class,
        env={**os.environ, "MESTRING_BENCH_PLAN": str(plan_file)},
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await process.communicate()
    log = stderr.decode()
    await asyncio.to_thread(Path(f"{prefix}.log").write_text, log)
    if not await asyncio.to_thread(result.exists):
        raise RuntimeError(f"locust wrote no statistics: {log[-2000:]}")
    return await asyncio.to_thread(_read_stats, result, Path(f"{prefix}_failures.csv"))


async def measure(
    target: Target,
    *,
    users: int,
    seconds: float,
    folder: Path,
    rate: float = 100.0,
    drafts: int = 4000,
    floor_runs: int = 15,
) -> Result:
    plan = await sample(target, drafts)
    plan["services"] = [service for service in SERVICES if target.has(service)]
    floors = await sql_floors(target, plan, floor_runs)
    direct = await direct_floor(target)
    third = len(plan["drafts"]) // 3
    one_plan = {**plan, "drafts": plan["drafts"][:third], "sequential": True}
    many_plan = {**plan, "drafts": plan["drafts"][third : 2 * third]}
    open_plan = {**plan, "drafts": plan["drafts"][2 * third :], "rate": rate, "seconds": seconds}
    # Not counted: every worker's first requests (its connections, the JWKS, the holiday
    # calendar's import, pydantic's schemas) by the same mix from the concurrent clients.
    await run_load(target, {**plan, "drafts": []}, users, WARM_UP_SECONDS, folder, label="warm-up")
    one = await run_load(target, one_plan, 1, seconds, folder)
    load_before = os.getloadavg()[0]
    sampler = (
        MemorySampler(target.pid, target.database_url) if target.pid else contextlib.nullcontext()
    )
    with sampler:
        before = sampler.cpu() if isinstance(sampler, MemorySampler) else {}
        locust_before = _children_cpu()
        machine_before = machine_busy_seconds()
        many = await run_load(target, many_plan, users, seconds, folder)
        machine_seconds = machine_busy_seconds() - machine_before
        mix_cpu: dict[str, float] = {}
        answered = many[ALL].requests if ALL in many else 0
        machine_cpu = machine_seconds * 1000 / answered if answered else 0.0
        if before and answered:
            used = cpu_used(before, sampler.cpu())  # type: ignore[union-attr]
            used["locust"] = _children_cpu() - locust_before
            mix_cpu = {name: cpu * 1000 / answered for name, cpu in used.items()}
        # the run ends when the last arrival has answered (or the grace is over)
        opened = await run_load(
            target, open_plan, 1, seconds + 30, folder, user_class="OpenLoop", label="open"
        )
        origins: dict[str, str] = {"directly": target.intake_url} if target.intake_url else {}
        if target.base_url != target.intake_url:
            origins["through the gateway"] = target.base_url
        pages: dict[str, Stat] = {}
        page_cpu: dict[str, dict[str, float]] = {}
        for way, origin in origins.items():
            before = sampler.cpu() if isinstance(sampler, MemorySampler) else {}
            stats = await run_load(
                target, plan, users, seconds, folder,
                user_class="PersonPages", host=origin, label=f"pages-{way.split()[-1]}",
            )  # fmt: skip
            pages[way] = stats.get("person page", Stat())
            if before and pages[way].requests:
                used = cpu_used(before, sampler.cpu())  # type: ignore[union-attr]
                page_cpu[way] = {
                    name: used[name] * 1000 / pages[way].requests
                    for name in ("intake", "gateway", "postgres")
                    if name in used
                }
    return Result(
        size=target.size,
        one=one,
        many=many,
        users=users,
        sql_floor=floors.sql,
        statements=floors.statements,
        calls=floors.calls,
        direct_floor=direct,
        rate=rate,
        open=opened,
        pages=pages,
        page_cpu=page_cpu,
        mix_cpu=mix_cpu,
        machine_cpu=machine_cpu,
        workers=target.workers,
        memory=sampler.peaks if isinstance(sampler, MemorySampler) else {},
        load=(load_before, os.getloadavg()[0]),
    )


# --- the report -----------------------------------------------------------------------------


def table(result: Result) -> str:
    framework = result.one.get(OPERATIONS[0], Stat()).p50
    rate = f"{result.rate:g} req/s"
    lines = [
        f"**{result.size:,} inhabitants** — one client, then {result.users} concurrent clients, "
        f"then an open loop of {rate} (ms; req/s; errors = non-2xx)",
        "",
        "| operation | 1 client p50 | p95 | p99 | statements | SQL floor p50 | "
        f"p50 / (SQL + framework) | {result.users} clients req/s | p50 | p95 | p99 | "
        f"open loop p50 | p95 | errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in OPERATIONS:
        one, many, opened = result.one.get(name), result.many.get(name), result.open.get(name)
        if one is None and many is None:
            continue
        one, many, opened = one or Stat(), many or Stat(), opened or Stat()
        floor = result.sql_floor.get(name)
        calls = result.calls.get(name, 0)
        whole = None if floor is None else floor + framework + calls * result.direct_floor
        ratio = f"{one.p50 / whole:.1f}" if whole and one.p50 else "–"
        lines.append(
            f"| {name} | {one.p50:.0f} | {one.p95:.0f} | {one.p99:.0f} | "
            f"{result.statements.get(name, '–')} | "
            f"{f'{floor:.1f}' if floor is not None else '–'} | {ratio} | "
            f"{many.rps:.1f} | {many.p50:.0f} | {many.p95:.0f} | {many.p99:.0f} | "
            f"{opened.p50:.0f} | {opened.p95:.0f} | "
            f"{one.failures + many.failures + opened.failures} |"
        )
    lines += ["", *summary(result)]
    return "\n".join(lines)


def summary(result: Result) -> list[str]:
    """The open loop's totals, the person page's throughput, the memory, the machine's load."""
    lines = []
    calling = [name for name in OPERATIONS if result.calls.get(name)]
    if calling:
        lines.append(
            f"- **Operations that ask another service** ({', '.join(calling)}): their statements "
            "and SQL floor include the other service's, and their ratio's framework floor adds, "
            f"per call, a call straight to a service (GET /me to intake, no gateway: "
            f"{result.direct_floor:.1f} ms p50)."
        )
    total = result.open.get(ALL)
    if total is not None:
        lines.append(
            f"- **Open loop**: {result.rate:g} arrivals a second offered (each a random operation "
            f"of the table, not waiting for earlier answers); {total.rps:.1f} req/s answered; "
            f"p50 {total.p50:.0f} ms, p95 {total.p95:.0f} ms, p99 {total.p99:.0f} ms; "
            f"errors: {_errors(total)} of {total.requests}."
        )
    ways = [
        f"{way} {stat.rps:.0f} req/s ({stat.rps / result.workers:.0f} per worker), "
        f"p50 {stat.p50:.0f} ms, p95 {stat.p95:.0f} ms, errors: {_errors(stat)}"
        for way, stat in result.pages.items()
    ]
    if ways:
        lines.append(
            f"- **Person page throughput** ({result.users} clients back to back, intake with "
            f"{result.workers} worker process{'es' if result.workers > 1 else ''}): "
            + "; ".join(ways)
            + "."
        )
    if result.page_cpu:
        costs = "; ".join(
            f"{way}: " + ", ".join(f"{name} {ms:.1f} ms" for name, ms in used.items())
            for way, used in result.page_cpu.items()
        )
        intake = next(iter(result.page_cpu.values())).get("intake")
        bound = (
            f" — at most ≈ {1000 / intake:.0f} req/s per intake worker with a core of its own"
            if intake
            else ""
        )
        lines.append(
            "- **CPU per person page** (CPU time the processes used during the phase ÷ "
            f"requests; PostgreSQL counts every backend): {costs}{bound}."
        )
    if result.mix_cpu:
        spent = sum(result.mix_cpu.values())
        costs = ", ".join(
            f"{name} {ms:.1f} ms"
            for name, ms in sorted(result.mix_cpu.items(), key=lambda item: -item[1])
        )
        cores = os.cpu_count() or 1
        whole = max(spent, result.machine_cpu)
        machine = (
            f"; the whole machine (every process, the backends of connections closed meanwhile "
            f"included) {result.machine_cpu:.1f} ms"
            if result.machine_cpu
            else ""
        )
        lines.append(
            f"- **CPU per request of the mixed load** ({result.users} clients; CPU time each "
            f"process group used during the phase ÷ requests answered): {costs}; in all "
            f"{spent:.1f} ms{machine}, so {cores} cores answer at most ≈ "
            f"{cores * 1000 / whole:.0f} req/s of it."
        )
    if result.memory:
        sizes = ", ".join(
            f"{name} {memory.total:.0f} MB ({memory.workers} × ≤ {memory.largest:.0f})"
            for name, memory in sorted(result.memory.items())
        )
        lines.append(
            "- **Peak resident memory under load** (sum over the workers, and the largest "
            f"worker): {sizes}."
        )
    lines.append(
        f"- Load average (1 min) when the load began: {result.load[0]:.1f}; when it ended: "
        f"{result.load[1]:.1f}."
    )
    return lines


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
        if not any(values):
            continue
        change = f"{values[-1] / values[0]:.1f}×" if values[0] and values[-1] else "–"
        shown = " | ".join(f"{v:.0f}" if v else "–" for v in values)
        lines.append(f"| {name} | {shown} | {change} |")
    return "\n".join(lines)


def report(results: Sequence[Result], seconds: float, note: str = "") -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    workers = results[0].workers if results else 1
    parts = [
        f"Measured {stamp} on {os.cpu_count()} cores ({platform.machine()}, Python "
        f"{platform.python_version()}), {seconds:.0f} s per phase, through the one origin, "
        f"each service and the gateway with {workers} worker "
        f"process{'es' if workers > 1 else ''}; locust runs on the same machine. " + note,
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
    """The municipality generated into `data` once: a marker file says it was (the system's
    start migrates the databases anyway, so a later run skips the generator's own start)."""
    marker = data / f"generated-{municipality}-{size}-seed{seed}"
    if marker.exists():
        print(f"bench: {size:,} inhabitants already generated in {data}", flush=True)
        return
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
    marker.touch()


def start_system(data: Path, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    from dev.run import wait_until_ready

    process = subprocess.Popen(
        [sys.executable, "-m", "dev.run", "--port", str(port), "--data", str(data)]
        + ["--no-demo-data"],
        cwd=ROOT,
        env={
            **os.environ,
            "MESTRING_SERVICE_PORT_BASE": str(port + 100),
            "MESTRING_WORKERS": str(workers),
        },
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
    from dev.run import service_port

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "10000"))
    parser.add_argument("--users", type=int, default=int(os.environ.get("BENCH_USERS", "20")))
    parser.add_argument(
        "--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", "20"))
    )
    parser.add_argument(
        "--rate",
        type=float,
        default=float(os.environ.get("BENCH_RATE", "100")),
        help="arrivals a second in the open loop",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=worker_count(),
        help="worker processes per service (MESTRING_WORKERS; default the CPUs, at most 4)",
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
    intake_port = service_port(args.port + 100, "intake")  # as start_system's port base
    results = []
    for size in sizes:
        data = args.data if args.url else args.data / str(size)
        process = None
        if not args.url:
            generate(size, data, args.municipality, args.seed)
            process = start_system(data, args.port, args.workers)
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
                intake_url=None if args.url else f"http://127.0.0.1:{intake_port}",
                pid=None if process is None else process.pid,
                workers=args.workers,
            )
            result = asyncio.run(
                measure(
                    target,
                    users=args.users,
                    seconds=args.seconds,
                    rate=args.rate,
                    folder=data / "locust",
                )
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

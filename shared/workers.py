"""How many worker processes a service runs (uvicorn's `--workers`).

`MESTRING_WORKERS` when set; otherwise the CPUs the process may use — the
container's CPU quota (cgroup v2 `cpu.max`) when it has one, else the CPUs it
may run on —, at most four. Each worker is a process of its own with its own
connection pool (at most `MESTRING_DB_POOL_SIZE` connections, kept open), so a
service's connections are workers × pool size. Background work is safe in every
worker: feed consumers mark each event processed by id under the cursor's row
lock, the quality service's daily overdue check takes a transaction-scoped
advisory lock per municipality, and welfare technology's deviation retrier
locks each report (`FOR UPDATE SKIP LOCKED`) and sends it with the same
idempotency key.

`python -m shared.workers` prints the number (the image's command uses it).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

MAX_DEFAULT = 4
CPU_MAX = Path("/sys/fs/cgroup/cpu.max")


def available_cpus(cpu_max: Path = CPU_MAX) -> int:
    """The CPUs this process may use: its affinity, lowered to the cgroup's quota (whole CPUs,
    at least one) when there is one."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpus = cpus or 1
    try:
        quota, period = cpu_max.read_text().split()[:2]
    except (OSError, ValueError):
        return cpus
    if quota == "max":
        return cpus
    return max(1, min(cpus, int(quota) // int(period)))


def worker_count(environ: Mapping[str, str] | None = None, *, default: int | None = None) -> int:
    """`MESTRING_WORKERS`, else `default`, else the available CPUs up to `MAX_DEFAULT`."""
    value = (os.environ if environ is None else environ).get("MESTRING_WORKERS", "").strip()
    if value:
        workers = int(value)
        if workers < 1:
            raise ValueError(f"MESTRING_WORKERS must be at least 1, not {workers}")
        return workers
    if default is not None:
        return default
    return min(available_cpus(), MAX_DEFAULT)


if __name__ == "__main__":
    print(worker_count())

"""The loop of a service's background job, written once (`shared.app.BackgroundJob`).

A `PeriodicJob` does some work for each municipality the service serves, round after round:
`run_once(municipality)` is the work (the subclass's), `run_round()` calls it for each
municipality, a failure in one (one of `retried`; any other ends the loop) is logged and kept
in that municipality's status (`failed`) and does not stop the others; `run()` repeats the
rounds, pausing `interval` seconds, and while a round leaves a municipality behind (`behind`:
by default, its last run failed) the pause doubles up to `max_interval` (no backoff when that
is None). `start()` and `stop()` run it as a task beside the app; `readiness()` is each
municipality's status, shown under `jobs` in the readiness details. The feed consumer
(`shared.feed.FeedConsumer`) is one too.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

import structlog

log = structlog.get_logger("mestring.jobs")


@dataclass
class JobStatus:
    """What readiness shows of one municipality's runs; a job's status adds its own fields
    (`details`)."""

    last_run: float | None = None
    last_error: str | None = None
    last_run_failed: bool = False

    def details(self) -> dict[str, Any]:
        return {}

    def as_dict(self) -> dict[str, Any]:
        since = None if self.last_run is None else round(time.monotonic() - self.last_run)
        return {**self.details(), "seconds_since_last_run": since, "last_error": self.last_error}


S = TypeVar("S", bound=JobStatus)
R = TypeVar("R")


def describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:300]


class PeriodicJob(ABC, Generic[S, R]):
    """Work done for each municipality every `interval` seconds, with backoff while behind."""

    name: ClassVar[str]
    retried: ClassVar[tuple[type[Exception], ...]] = (Exception,)
    """The failures a round logs and tries again in the next; any other ends the loop."""

    def __init__(
        self,
        municipalities: Sequence[str],
        *,
        interval: float,
        max_interval: float | None = None,
    ) -> None:
        self.municipalities = list(municipalities)
        self.interval = interval
        self.max_interval = max_interval
        self.status: dict[str, S] = {m: self.new_status() for m in self.municipalities}
        self._task: asyncio.Task[None] | None = None

    @abstractmethod
    def new_status(self) -> S:
        """A municipality's status before its first run."""

    @abstractmethod
    async def run_once(self, municipality: str) -> R:
        """The work for one municipality, once; an exception is that run's failure."""

    def status_of(self, municipality: str) -> S:
        return self.status.setdefault(municipality, self.new_status())

    def behind(self, municipality: str) -> bool:
        """Whether the municipality still needs the job soon (the pause then grows)."""
        return self.status_of(municipality).last_run_failed

    async def run_round(self) -> dict[str, R]:
        """`run_once` for each municipality; what each run that did not fail returned."""
        results: dict[str, R] = {}
        for municipality in self.municipalities:
            status = self.status_of(municipality)
            try:
                results[municipality] = await self.run_once(municipality)
            except self.retried as error:  # tried again in the next round
                status.last_run_failed = True
                self.failed(municipality, error)
                continue
            status.last_run_failed = False
            status.last_run = time.monotonic()
        return results

    def failed(self, municipality: str, error: Exception) -> None:
        """Keeps and logs a failed run's error."""
        status = self.status_of(municipality)
        status.last_error = describe(error)
        log.warning("job.failed", job=self.name, municipality=municipality, error=status.last_error)

    @property
    def task_name(self) -> str:
        return f"job:{self.name}"

    async def run(self) -> None:
        """Rounds for ever; while a municipality is behind, the pause doubles up to the ceiling."""
        delay = self.interval
        while True:
            await self.run_round()
            delay = self.next_delay(delay)
            await asyncio.sleep(delay)

    def next_delay(self, delay: float) -> float:
        """The pause after a round that followed a pause of `delay` seconds."""
        if self.max_interval is not None and any(self.behind(m) for m in self.municipalities):
            return min(delay * 2, self.max_interval)
        return self.interval

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self.run(), name=self.task_name)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def readiness(self) -> dict[str, Any]:
        return {m: s.as_dict() for m, s in self.status.items()}

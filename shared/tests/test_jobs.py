"""The background job loop (shared/jobs.py): one municipality's failure is its own, the pause
doubles while one is behind and is back to the interval once none is, start and stop."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from shared.jobs import JobStatus, PeriodicJob


@dataclass
class CountStatus(JobStatus):
    runs: int = 0

    def details(self) -> dict[str, Any]:
        return {"runs": self.runs}


class Counting(PeriodicJob[CountStatus, int]):
    """Counts its runs; fails for the municipalities in `failing`."""

    name = "counting"

    def __init__(self, municipalities: list[str], **kwargs: Any) -> None:
        super().__init__(municipalities, **kwargs)
        self.failing: set[str] = set()
        self.ran = asyncio.Event()

    def new_status(self) -> CountStatus:
        return CountStatus()

    async def run_once(self, municipality: str) -> int:
        if municipality in self.failing:
            raise ConnectionError(f"nobody answers for {municipality}")
        status = self.status_of(municipality)
        status.runs += 1
        status.last_error = None
        self.ran.set()
        return status.runs


async def test_a_failure_stays_with_its_municipality_and_the_others_run() -> None:
    job = Counting(["0301", "4601"], interval=1.0, max_interval=8.0)
    job.failing = {"0301"}

    results = await job.run_round()

    assert results == {"4601": 1}
    ready = job.readiness()
    assert ready["0301"]["last_error"] == "ConnectionError: nobody answers for 0301"
    assert ready["0301"]["seconds_since_last_run"] is None
    assert ready["4601"] == {"runs": 1, "seconds_since_last_run": 0, "last_error": None}


async def test_the_pause_doubles_while_behind_up_to_the_ceiling_and_resets() -> None:
    job = Counting(["0301", "4601"], interval=1.0, max_interval=5.0)
    job.failing = {"0301"}
    await job.run_round()

    assert [job.next_delay(d) for d in (1.0, 2.0, 4.0)] == [2.0, 4.0, 5.0]
    job.failing = set()
    await job.run_round()
    assert job.next_delay(5.0) == 1.0
    steady = Counting(["0301"], interval=3.0)
    steady.failing = {"0301"}
    await steady.run_round()
    assert steady.next_delay(3.0) == 3.0, "no ceiling, no backoff"


async def test_it_starts_and_stops_as_a_task() -> None:
    job = Counting(["0301"], interval=60.0)

    job.start()
    await asyncio.wait_for(job.ran.wait(), timeout=5)
    await job.stop()

    assert job.readiness()["0301"]["runs"] == 1
    assert job._task is None

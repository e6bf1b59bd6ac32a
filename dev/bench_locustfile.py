"""The load `make bench` drives (locust, headless, in a process of its own).

The plan (base path, token, the sampled names, ids and drafts, the operations
to run) is a JSON file named by `MESTRING_BENCH_PLAN`; see `dev/bench.py`.
Each operation is one locust request name, so locust's statistics are per
operation.
"""

from __future__ import annotations

import json
import os
import random
from typing import Any

from locust import FastHttpUser, constant, task

PLAN: dict[str, Any] = json.loads(open(os.environ["MESTRING_BENCH_PLAN"]).read())  # noqa: SIM115
API = PLAN["api"]
DRAFTS: list[list[Any]] = list(PLAN["drafts"])
"""(decision id, version) of the drafts left to make; each is made once."""


class Caseworker(FastHttpUser):
    wait_time = constant(0)

    @task
    def step(self) -> None:
        """One client runs every operation in turn (each gets its own latencies); several
        clients each pick one at random (a mixed load)."""
        operations = [
            self.framework_floor,
            self.search_rare,
            self.search_common,
            self.search_national_id,
            self.person_page,
            self.worklist_mine,
            self.worklist_all,
            self.decisions_list,
            self.make_decision,
        ]
        if PLAN.get("sequential"):
            for operation in operations:
                operation()
        else:
            self.rng.choice(operations)()

    def on_start(self) -> None:
        self.headers = {"Authorization": f"Bearer {PLAN['token']}"}
        self.rng = random.Random()

    def _get(self, name: str, path: str, **params: Any) -> None:
        with self.client.get(
            f"{API}{path}",
            params=params or None,
            headers=self.headers,
            name=name,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")

    def framework_floor(self) -> None:
        self._get("framework floor (GET /me, no SQL)", "/me")

    def search_rare(self) -> None:
        self._get("search: rare name", "/persons", q=self.rng.choice(PLAN["rare"]))

    def search_common(self) -> None:
        self._get("search: common name", "/persons", q=self.rng.choice(PLAN["common"]))

    def search_national_id(self) -> None:
        self._get("search: national id", "/persons", q=self.rng.choice(PLAN["national_ids"]))

    def person_page(self) -> None:
        self._get("person page", f"/persons/{self.rng.choice(PLAN['person_ids'])}")

    def worklist_mine(self) -> None:
        self._get("worklist: mine", "/worklist", scope="mine")

    def worklist_all(self) -> None:
        self._get("worklist: all", "/worklist", scope="all")

    def decisions_list(self) -> None:
        self._get("decisions list", "/decisions")

    def make_decision(self) -> None:
        if not DRAFTS:
            return
        decision_id, version = DRAFTS.pop()
        with self.client.post(
            f"{API}/decisions/{decision_id}/make",
            headers={**self.headers, "If-Match": f'"{version}"'},
            name="make a decision",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")

"""The load `make bench` drives (locust, headless, in a process of its own).

The plan (base path, token, the sampled names, ids and drafts, the operations
to run) is a JSON file named by `MESTRING_BENCH_PLAN`; see `dev/bench.py`.
Each operation is one locust request name, so locust's statistics are per
operation. The bench names the user class for each phase:

- `Caseworker`: closed loop — one client runs every operation in turn, several
  clients each run a random one back to back (each waits for its answer);
- `OpenLoop`: open loop — one driver starts a random operation every
  1/`rate` seconds for `seconds`, whether or not earlier ones have answered
  (each in a greenlet of its own), so a slow system meets the same arrivals
  instead of fewer;
- `PersonPages`: closed loop of the person page alone (the throughput of one
  service: its own origin or the gateway's, as the bench's host says).
"""

from __future__ import annotations

import json
import os
import random
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import gevent
from gevent.pool import Group
from locust import FastHttpUser, constant, task
from locust.exception import StopUser

PLAN: dict[str, Any] = json.loads(open(os.environ["MESTRING_BENCH_PLAN"]).read())  # noqa: SIM115
API = PLAN["api"]
DRAFTS: list[list[Any]] = list(PLAN["drafts"])
"""(decision id, version) of the drafts left to make; each is made once."""
SERVICES: list[str] = PLAN.get("services", ["intake"])


def _failure(response: Any) -> str:
    """The status, and for a problem its title (whose 503: the gateway's, no answer from the
    service; or the service's, busy or without its database)."""
    try:
        title = response.json().get("title", "") if response.status_code >= 500 else ""
    except (ValueError, AttributeError):
        title = ""
    return f"{response.status_code} {title}".strip()


class Operations(FastHttpUser):
    """Every operation of the bench, as the person who does it."""

    abstract = True
    wait_time = constant(0)

    def operations(self) -> list[Any]:
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
        if "coordination" in SERVICES:
            operations += [self.open_plan] if PLAN.get("plans") else []
            operations += [self.coordinator_worklist]
        if "welfaretech" in SERVICES:
            operations += [self.loans_list, self.benefits_dashboard]
        if "quality" in SERVICES and PLAN.get("unit"):
            operations += [self.report_deviation, self.leader_queue, self.deviation_statistics]
        return operations

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
                response.failure(_failure(response))

    def _service(
        self, service: str, role: str, name: str, path: str, body: Any = None, **params: Any
    ) -> None:
        """A request to another service's API (its own origin, or the gateway's), as `role`."""
        url = f"{PLAN['urls'][service]}/api/{service}/v1{path}"
        headers = {"Authorization": f"Bearer {PLAN['tokens'][role]}"}
        if body is None:
            request = self.client.get(
                url, params=params or None, headers=headers, name=name, catch_response=True
            )
        else:
            request = self.client.post(
                url, json=body, headers=headers, name=name, catch_response=True
            )
        with request as response:
            if response.status_code not in (200, 201):
                response.failure(_failure(response))

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
                response.failure(_failure(response))

    def open_plan(self) -> None:
        plan_id = self.rng.choice(PLAN["plans"])
        self._service(
            "coordination", "koordinator", "coordination: open a plan", f"/plans/{plan_id}"
        )

    def coordinator_worklist(self) -> None:
        self._service(
            "coordination", "koordinator", "coordination: koordinator's worklist", "/worklist"
        )

    def loans_list(self) -> None:
        self._service("welfaretech", "velferdsteknolog", "welfaretech: loans list", "/loans")

    def benefits_dashboard(self) -> None:
        self._service(
            "welfaretech",
            "velferdsteknolog",
            "welfaretech: benefits dashboard",
            "/benefits/dashboard",
        )

    def report_deviation(self) -> None:
        now = datetime.now(UTC)
        body = {
            "occurred_at": (now - timedelta(hours=2)).isoformat(),
            "discovered_at": (now - timedelta(hours=1)).isoformat(),
            "unit": PLAN["unit"],
            "category": self.rng.choice(["medication", "fall", "documentation", "other"]),
            "what_happened": "Kveldsmedisin ble ikke gitt; dosetten var urørt ved morgenbesøket.",
            "immediate_action": "Lege kontaktet.",
            "consequence": self.rng.randint(1, 4),
            "probability": self.rng.randint(1, 5),
        }
        self._service(
            "quality", "helsepersonell", "quality: report a deviation", "/deviations", body
        )

    def leader_queue(self) -> None:
        self._service("quality", "leder", "quality: leader's queue", "/deviations/queue")

    def deviation_statistics(self) -> None:
        self._service(
            "quality", "leder", "quality: statistics", "/statistics",
            first=PLAN["first"], last=PLAN["last"],
        )  # fmt: skip


class Caseworker(Operations):
    @task
    def step(self) -> None:
        """One client runs every operation in turn (each gets its own latencies); several
        clients each pick one at random (a mixed load)."""
        operations = self.operations()
        if PLAN.get("sequential"):
            for operation in operations:
                operation()
        else:
            self.rng.choice(operations)()


class OpenLoop(Operations):
    """Arrivals at a fixed rate, each a random operation in a greenlet of its own."""

    concurrency = 2000
    """Requests the one session may have in flight (FastHttpUser's default is 10)."""

    @task
    def arrive(self) -> None:
        rate, seconds = float(PLAN["rate"]), float(PLAN["seconds"])
        operations = self.operations()
        in_flight = Group()
        started = time.monotonic()
        arrivals = int(rate * seconds)
        for n in range(arrivals):
            delay = started + n / rate - time.monotonic()
            if delay > 0:
                gevent.sleep(delay)
            in_flight.spawn(self.rng.choice(operations))
        in_flight.join(timeout=120)
        gevent.spawn(self.environment.runner.quit)  # the run ends with its last answer
        raise StopUser()


class PersonPages(Operations):
    """The person page alone, back to back."""

    @task
    def step(self) -> None:
        self.person_page()

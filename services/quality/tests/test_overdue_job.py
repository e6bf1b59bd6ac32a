"""The daily overdue check runs by itself: each newly overdue corrective action is announced
once, whatever the number of runs or copies of the service; it starts and stops with the app."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from dev.issuer import SigningKey
from dev.testing import open_client, settings_kwargs
from services.quality.app import create_app
from services.quality.jobs import OverdueCheckJob
from services.quality.models import Event
from services.quality.settings import QualitySettings
from services.quality.tests.conftest import API, INVESTIGATION, report, step
from services.quality.tests.test_audits_and_supervision_api import FINDING, if_match, planned
from shared.db import create_engine, create_sessionmaker
from shared.outbox import Outbox

Headers = Callable[..., dict[str, str]]


@pytest.fixture
async def sessionmaker(
    database_urls: dict[str, str],
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(database_urls["quality"])
    yield create_sessionmaker(engine)
    await engine.dispose()


async def overdue_events(client: httpx.AsyncClient, headers_for: Headers) -> list[dict[str, Any]]:
    response = await client.get(
        f"{API}/events", params={"limit": 500}, headers=headers_for("systemintegrasjon")
    )
    assert response.status_code == 200
    return [e for e in response.json()["items"] if e["type"] == "corrective_action.overdue"]


async def action_due(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str], due_on: str
) -> dict[str, Any]:
    deviation = await report(client, nurse)
    acknowledged = await step(client, leader, deviation, "acknowledge", {})
    await step(client, leader, acknowledged.json(), "investigation", INVESTIGATION, method="PUT")
    action = await client.post(
        f"{API}/deviations/{deviation['id']}/actions",
        json={"description": "Oppdatere rutinen", "responsible": "Kari Nordby", "due_on": due_on},
        headers=leader,
    )
    assert action.status_code == 201, action.text
    return action.json()  # type: ignore[no-any-return]


async def test_each_overdue_action_is_announced_once_a_day_however_often_it_runs(
    client: httpx.AsyncClient,
    nurse: dict[str, str],
    leader: dict[str, str],
    headers_for: Headers,
    today_is: Any,
    municipality: str,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    today_is(date(2026, 3, 2))
    late = await action_due(client, nurse, leader, "2026-03-10")
    later = await action_due(client, nurse, leader, "2026-03-20")
    day = date(2026, 3, 11)
    job = OverdueCheckJob(
        sessionmaker=sessionmaker,
        outbox=Outbox(Event, source="quality"),
        municipalities=[municipality],
        today=lambda: day,
    )

    assert await job.run_due() == 1
    assert await job.run_due() == 0, "already checked today"
    assert await job.check(municipality, day) == 0, "a second run the same day finds nothing new"
    day = date(2026, 3, 21)
    assert await job.run_due() == 1
    assert await job.check(municipality, date(2026, 3, 22)) == 0

    events = await overdue_events(client, headers_for)
    assert sorted(e["data"]["action_id"] for e in events) == sorted([late["id"], later["id"]])
    assert job.readiness()[municipality]["last_day"] == "2026-03-21"
    assert job.readiness()[municipality]["last_error"] is None


async def test_two_copies_of_the_service_announce_once(
    client: httpx.AsyncClient,
    nurse: dict[str, str],
    leader: dict[str, str],
    headers_for: Headers,
    today_is: Any,
    municipality: str,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    today_is(date(2026, 4, 1))
    for _ in range(3):
        await action_due(client, nurse, leader, "2026-04-02")
    copies = [
        OverdueCheckJob(
            sessionmaker=sessionmaker,
            outbox=Outbox(Event, source="quality"),
            municipalities=[municipality],
            today=lambda: date(2026, 4, 3),
        )
        for _ in range(2)
    ]

    counts = await asyncio.gather(*(job.run_due() for job in copies))

    assert sum(counts) == 3
    assert len(await overdue_events(client, headers_for)) == 3


async def test_the_job_starts_and_stops_with_the_app(
    database_urls: dict[str, str], signing_key: SigningKey, municipality: str
) -> None:
    settings = QualitySettings(
        **settings_kwargs("quality", database_urls, signing_key), feed_municipalities=[municipality]
    )
    app = create_app(settings)
    async for http in open_client(app):
        jobs = [j for j in app.state.background_jobs if isinstance(j, OverdueCheckJob)]
        assert len(jobs) == 1
        job = jobs[0]
        for _ in range(100):
            if job.readiness()[municipality]["last_day"] is not None:
                break
            await asyncio.sleep(0.05)
        assert job.readiness()[municipality]["last_day"] is not None
        ready = await http.get("/api/quality/health/ready")
        assert ready.json()["jobs"]["overdue_check"][municipality]["last_error"] is None
    assert job._task is None


async def test_an_overdue_measure_of_an_audit_and_of_a_finding_is_announced_once(
    client: httpx.AsyncClient,
    leader: dict[str, str],
    quality_lead: dict[str, str],
    headers_for: Headers,
    today_is: Any,
    municipality: str,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    today_is(date(2026, 12, 1))
    audit = await planned(client, leader)
    today_is(date(2026, 12, 15))
    measure = {"description": "Opplæring", "responsible": "Kari Nordby", "due_on": "2026-12-20"}
    recorded = await client.post(
        f"{API}/audits/{audit['id']}/record",
        json={
            "performed_on": "2026-12-15",
            "sample": "Ti kurver",
            "findings": "To uten signatur",
            "non_conformities": [{"non_conformity": "Manglende signatur", "measure": measure}],
        },
        headers=if_match(leader, audit["version"]),
    )
    assert recorded.status_code == 200, recorded.text
    audit_measure = recorded.json()["measures"][0]
    finding = await client.post(
        f"{API}/supervision-findings", json={**FINDING, "unit": None}, headers=quality_lead
    )
    assert finding.status_code == 201, finding.text
    finding_measure = await client.post(
        f"{API}/supervision-findings/{finding.json()['id']}/measures",
        json={**measure, "due_on": "2026-12-22"},
        headers=quality_lead,
    )
    assert finding_measure.status_code == 201, finding_measure.text
    day = date(2026, 12, 21)
    job = OverdueCheckJob(
        sessionmaker=sessionmaker,
        outbox=Outbox(Event, source="quality"),
        municipalities=[municipality],
        today=lambda: day,
    )

    assert await job.run_due() == 1
    assert await job.check(municipality, day) == 0
    moved = await client.patch(
        f"{API}/measures/{audit_measure['id']}",
        json={"due_on": "2026-12-28"},
        headers=if_match(leader, audit_measure["version"]),
    )
    assert moved.status_code == 200, moved.text
    assert await job.check(municipality, date(2026, 12, 23)) == 1, "the finding's, now late"
    assert await job.check(municipality, date(2026, 12, 29)) == 1, "again: its new due date"

    data = [e["data"] for e in await overdue_events(client, headers_for)]
    assert [(d["source"], d["source_id"], d["unit"], d["deviation_id"]) for d in data] == [
        ("audit", audit["id"], audit["unit"], None),
        ("supervision", finding.json()["id"], None, None),
        ("audit", audit["id"], audit["unit"], None),
    ]

"""The background retrier over real HTTP: quality down → the avvik stays pending (and readiness
says so); quality back → the job delivers it, once, with the first attempt's idempotency key."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from dev.issuer import SigningKey
from dev.testing import RunningServer, free_port, open_client, settings_kwargs, tenant_connection
from services.welfaretech.app import create_app
from services.welfaretech.jobs import DeviationRetrier, retrier_for
from services.welfaretech.settings import WelfaretechSettings
from services.welfaretech.tests.conftest import API, QUALITY_PORT, lend_alarm


class SignedTokens:
    """The system user the retrier reports as (systemintegrasjon), one per municipality."""

    def __init__(self, token_factory: Callable[..., str]) -> None:
        self.token_factory = token_factory

    async def token(self, municipality: str) -> str:
        return self.token_factory(
            "systemintegrasjon", municipality=municipality, name="Velferdsteknologi (system)"
        )


@pytest.fixture
async def retrier(
    client: httpx.AsyncClient, token_factory: Callable[..., str], municipality: str
) -> AsyncIterator[DeviationRetrier]:
    """A retrier for this test's municipality on the app's own database and HTTP client,
    shown in the app's readiness like the one the app starts itself."""
    app = client._transport.app  # type: ignore[attr-defined]
    job = DeviationRetrier(
        quality_url=f"http://127.0.0.1:{QUALITY_PORT}",
        municipalities=[municipality],
        tokens=SignedTokens(token_factory),
        sessionmaker=app.state.sessionmaker,
        http=app.state.calls,
        interval=0.05,
        max_interval=0.2,
    )
    jobs = app.state.background_jobs
    app.state.background_jobs = [*jobs, job]
    yield job
    await job.stop()
    app.state.background_jobs = jobs


async def eventually(check: Callable[[], Awaitable[bool]]) -> None:
    async with asyncio.timeout(15):
        while not await check():  # noqa: ASYNC110 (polls the state over HTTP)
            await asyncio.sleep(0.05)


async def quality_deviations(database_urls: dict[str, str], municipality: str) -> list[Any]:
    async with tenant_connection(database_urls["quality"], municipality) as connection:
        return list(
            (await connection.execute(text("SELECT id, reporter_name FROM deviations"))).all()
        )


async def test_quality_down_keeps_it_pending_and_back_up_the_job_delivers_it_once(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    retrier: DeviationRetrier,
    database_urls: dict[str, str],
    municipality: str,
    quality_up_later: Callable[[], Awaitable[RunningServer]],
) -> None:
    loan = await lend_alarm(client, team, person["id"], alarm_chain_tested=False)
    url = f"{API}/loans/{loan['id']}"

    async def tried_again() -> bool:
        report = (await client.get(url, headers=team)).json()["deviations"][0]
        return bool(report["attempts"] >= 3)

    retrier.start()
    await eventually(tried_again)
    down = (await client.get(url, headers=team)).json()["deviations"][0]
    ready = (await client.get("/api/welfaretech/health/ready")).json()

    assert down["status"] == "pending"
    assert down["last_error"]
    assert ready["jobs"]["deviation_reports"][municipality]["pending"] == 1
    assert ready["jobs"]["deviation_reports"][municipality]["last_error"]

    await quality_up_later()

    async def delivered() -> bool:
        report = (await client.get(url, headers=team)).json()["deviations"][0]
        return bool(report["status"] == "delivered")

    await eventually(delivered)
    await asyncio.sleep(0.5)  # a few more rounds: nothing is sent twice
    report = (await client.get(url, headers=team)).json()["deviations"][0]
    ready = (await client.get("/api/welfaretech/health/ready")).json()
    found = await quality_deviations(database_urls, municipality)

    assert [str(row.id) for row in found] == [report["quality_deviation_id"]]
    assert found[0].reporter_name == "Velferdsteknologi (system)"
    assert ready["jobs"]["deviation_reports"][municipality]["pending"] == 0


async def test_an_answer_lost_on_the_way_is_answered_again_not_created_twice(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    retrier: DeviationRetrier,
    database_urls: dict[str, str],
    municipality: str,
    quality_up_later: Callable[[], Awaitable[RunningServer]],
) -> None:
    await quality_up_later()
    loan = await lend_alarm(client, team, person["id"], alarm_chain_tested=False)
    first = loan["deviations"][0]
    assert first["status"] == "delivered"
    async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
        await connection.execute(  # as if quality's answer never reached welfaretech
            text(
                "UPDATE deviation_reports SET status = 'pending', quality_deviation_id = NULL "
                "WHERE id = :id"
            ),
            {"id": first["id"]},
        )

    tried, delivered = await retrier.run_once(municipality)

    again = (await client.get(f"{API}/loans/{loan['id']}", headers=team)).json()["deviations"][0]
    found = await quality_deviations(database_urls, municipality)
    assert (tried, delivered) == (1, 1)
    assert again["quality_deviation_id"] == first["quality_deviation_id"]
    assert again["attempts"] == 2
    assert len(found) == 1


async def test_the_app_starts_the_retrier_and_shows_it_in_readiness(
    database_urls: dict[str, str], signing_key: SigningKey, municipality: str
) -> None:
    settings = WelfaretechSettings(
        **settings_kwargs("welfaretech", database_urls, signing_key),
        feed_municipalities=[municipality],
        feed_token_url=f"http://127.0.0.1:{free_port()}/token",  # nobody answers: no token
        feed_usernames={municipality: "systemintegrasjon-test"},
        deviation_retry_seconds=0.05,
        http_connect_timeout=0.2,
    )
    app = create_app(settings)

    async for http in open_client(app):
        [job] = app.state.background_jobs
        assert isinstance(job, DeviationRetrier)

        async def has_run(http: httpx.AsyncClient = http) -> bool:
            ready = (await http.get("/api/welfaretech/health/ready")).json()
            return bool(ready["jobs"]["deviation_reports"][municipality]["pending"] == 0)

        await eventually(has_run)  # nothing pending: no token is asked for
    assert job._task is None  # stopped with the app


async def test_without_municipalities_there_is_no_retrier(client: httpx.AsyncClient) -> None:
    app = client._transport.app  # type: ignore[attr-defined]

    assert retrier_for(app) is None

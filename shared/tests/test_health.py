"""Health: live always, ready only when the database answers."""

import httpx

from dev.issuer import SigningKey
from dev.testing import open_client, settings_kwargs
from services.intake.app import create_app
from services.intake.settings import IntakeSettings


async def test_live_and_ready_answer_200(intake: httpx.AsyncClient) -> None:
    live = await intake.get("/api/intake/health/live")
    ready = await intake.get("/api/intake/health/ready")

    assert live.status_code == ready.status_code == 200
    assert ready.json() == {"status": "ok", "service": "intake"}


async def test_ready_is_a_503_problem_when_the_database_is_down(
    database_urls: dict[str, str], signing_key: SigningKey
) -> None:
    kwargs = settings_kwargs("intake", database_urls, signing_key)
    kwargs["database_url"] = "postgresql+asyncpg://mestring@/intake?host=/nonexistent-socket-dir"

    async for client in open_client(create_app(IntakeSettings(**kwargs))):
        live = await client.get("/api/intake/health/live")
        ready = await client.get("/api/intake/health/ready")

    assert live.status_code == 200
    assert ready.status_code == 503
    assert ready.headers["content-type"] == "application/problem+json"
    assert ready.json()["service"] == "database"


async def test_every_response_carries_a_request_id(intake: httpx.AsyncClient) -> None:
    response = await intake.get(
        "/api/intake/health/live", headers={"X-Request-ID": "3f2b7c1e9a8d4b6f8e0a1c2d3e4f5a6b"}
    )

    assert response.headers["x-request-id"] == "3f2b7c1e9a8d4b6f8e0a1c2d3e4f5a6b"


async def test_an_unknown_path_is_a_404_problem_not_html(intake: httpx.AsyncClient) -> None:
    response = await intake.get("/api/intake/v1/finnes-ikke")

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_a_wrong_method_is_a_405_problem(intake: httpx.AsyncClient) -> None:
    response = await intake.delete("/api/intake/health/live")

    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"

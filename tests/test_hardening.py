"""HTTP hardening of every service and of the one origin: body limits, no-store, security
headers, CORS, rate limits, docs off in production, no national id in the logs, and
production refusing dev settings. Real services on real HTTP, real PostgreSQL."""

from __future__ import annotations

import asyncio
import io
import json
import re
from collections.abc import AsyncIterator, Callable
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import httpx
import pytest
import structlog
from fastapi import FastAPI

from dev.issuer import SigningKey, create_issuer_app
from dev.testing import RunningServer, auth, open_client, settings_kwargs
from shared.hardening import (
    CSP,
    DOCS_CSP,
    SECURITY_HEADERS,
    TokenBuckets,
    production_problems,
)
from shared.logging import configure_logging, mask_text
from shared.settings import Environment, ServiceSettings

ROOT = Path(__file__).resolve().parents[1]
PERSONS = "/api/intake/v1/persons"
IMPORTS = "/api/intake/v1/imports"
HEALTH = "/api/intake/health/live"


def intake_app(database_urls: dict[str, str], signing_key: SigningKey, **overrides: Any) -> FastAPI:
    from services.intake.app import create_app
    from services.intake.settings import IntakeSettings

    kwargs = {**settings_kwargs("intake", database_urls, signing_key), **overrides}
    return create_app(IntakeSettings(**kwargs))


@pytest.fixture
async def small_limits(
    database_urls: dict[str, str], signing_key: SigningKey
) -> AsyncIterator[RunningServer]:
    """Intake on real HTTP with small body limits (2 kB; imports 8 kB) and a write bucket
    of three."""
    app = intake_app(
        database_urls,
        signing_key,
        max_body_bytes=2_000,
        max_import_body_bytes=8_000,
        write_rate_per_second=0.01,
        write_burst=3,
    )
    server = RunningServer(app)
    async with app.router.lifespan_context(app):
        await server.start()
        yield server
        await server.stop()


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    return body


# --- body limit -----------------------------------------------------------------------


async def test_a_declared_body_over_the_limit_is_413_before_the_body_is_sent(
    small_limits: RunningServer, token_factory: Callable[..., str]
) -> None:
    """Only the headers go out, announcing 5 MB: the answer comes without the body."""
    token = token_factory("saksbehandler")
    reader, writer = await asyncio.open_connection("127.0.0.1", small_limits.port)
    writer.write(
        (
            f"POST {PERSONS} HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: application/json\r\nContent-Length: 5000000\r\n\r\n"
        ).encode()
    )
    await writer.drain()
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=10)
    writer.close()

    assert head.startswith(b"HTTP/1.1 413"), head
    assert b"application/problem+json" in head


async def test_a_streamed_body_over_the_limit_is_413(
    small_limits: RunningServer, token_factory: Callable[..., str]
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(10):
            yield b" " * 1_000

    async with httpx.AsyncClient(base_url=small_limits.url) as client:
        response = await client.post(
            PERSONS,
            content=chunks(),
            headers={**auth(token_factory("saksbehandler")), "Content-Type": "application/json"},
        )

    assert "content-length" not in response.request.headers
    body = assert_problem(response, 413)
    assert body["type"].endswith("/payload-too-large")


async def test_the_import_takes_a_larger_body_than_other_routes(
    small_limits: RunningServer, token_factory: Callable[..., str]
) -> None:
    document = json.dumps({"persons": [], "padding": "x" * 4_000})
    headers = {**auth(token_factory("systemintegrasjon")), "Content-Type": "application/json"}
    async with httpx.AsyncClient(base_url=small_limits.url) as client:
        imported = await client.post(IMPORTS, content=document, headers=headers)
        too_large = await client.post(IMPORTS, content=document * 3, headers=headers)
        elsewhere = await client.post(PERSONS, content=document, headers=headers)

    assert imported.status_code != 413, imported.text
    assert_problem(too_large, 413)
    assert_problem(elsewhere, 413)


async def test_a_body_that_is_not_utf8_json_is_a_documented_problem(
    small_limits: RunningServer, token_factory: Callable[..., str]
) -> None:
    headers = {**auth(token_factory("saksbehandler")), "Content-Type": "application/json"}
    async with httpx.AsyncClient(base_url=small_limits.url) as client:
        broken = await client.post(PERSONS, content=b'{"a": "\xff\xfe"}', headers=headers)
        spec = (await client.get("/api/intake/openapi.json")).json()

    assert broken.status_code in (400, 422)
    assert_problem(broken, broken.status_code)
    documented = spec["paths"][PERSONS]["post"]["responses"]
    assert str(broken.status_code) in documented
    assert {"413", "429"} <= set(documented)


# --- rate limit -----------------------------------------------------------------------


async def test_writes_over_the_clients_rate_are_429_with_retry_after(
    small_limits: RunningServer, token_factory: Callable[..., str]
) -> None:
    mine = auth(token_factory("saksbehandler", sub="rate-test-1"))
    other = auth(token_factory("saksbehandler", sub="rate-test-2"))
    async with httpx.AsyncClient(base_url=small_limits.url) as client:
        allowed = [(await client.post(PERSONS, json={}, headers=mine)).status_code for _ in "abc"]
        refused = await client.post(PERSONS, json={}, headers=mine)
        reads = await client.get(PERSONS, headers=mine)
        someone_else = await client.post(PERSONS, json={}, headers=other)

    assert 429 not in allowed
    assert_problem(refused, 429)
    assert int(refused.headers["retry-after"]) >= 1
    assert reads.status_code != 429
    assert someone_else.status_code != 429


def test_a_token_bucket_refills_at_its_rate() -> None:
    buckets = TokenBuckets(rate=2, burst=2)

    assert buckets.take("a", now=0) == 0
    assert buckets.take("a", now=0) == 0
    assert buckets.take("a", now=0) == pytest.approx(0.5)
    assert buckets.take("a", now=0.5) == 0
    assert buckets.take("b", now=0.5) == 0


async def test_the_dev_issuers_token_endpoint_is_rate_limited() -> None:
    app = create_issuer_app(SigningKey.generate(), Environment.test, token_rate=0.01, token_burst=2)
    async for client in open_client(app):
        answers = [
            await client.post("/api/dev/token", json={"username": "kari.saksbehandler"})
            for _ in range(3)
        ]

    assert [a.status_code for a in answers[:2]] != [429, 429]
    assert_problem(answers[2], 429)
    assert answers[2].headers["retry-after"]


# --- caching, CORS, docs --------------------------------------------------------------


async def test_personal_data_is_never_cached_and_health_may_be(
    database_urls: dict[str, str], signing_key: SigningKey, token_factory: Callable[..., str]
) -> None:
    async for client in open_client(intake_app(database_urls, signing_key)):
        listed = await client.get(PERSONS, headers=auth(token_factory("saksbehandler")))
        refused = await client.get(PERSONS)
        health = await client.get(HEALTH)

    assert listed.status_code == 200
    for response in (listed, refused):
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "no-store" not in health.headers.get("cache-control", "")


async def test_cors_only_for_configured_origins(
    database_urls: dict[str, str], signing_key: SigningKey
) -> None:
    app = intake_app(database_urls, signing_key, cors_origins=["https://partner.kommune.no"])
    preflight = {"Access-Control-Request-Method": "GET"}
    async for client in open_client(app):
        known = await client.options(
            PERSONS, headers={"Origin": "https://partner.kommune.no", **preflight}
        )
        unknown = await client.options(
            PERSONS, headers={"Origin": "https://evil.example", **preflight}
        )
    async for client in open_client(intake_app(database_urls, signing_key)):
        unconfigured = await client.get(HEALTH, headers={"Origin": "https://evil.example"})

    assert known.headers["access-control-allow-origin"] == "https://partner.kommune.no"
    assert "access-control-allow-origin" not in unknown.headers
    assert "access-control-allow-origin" not in unconfigured.headers


def production_settings(**overrides: Any) -> dict[str, Any]:
    return {
        "env": "production",
        "auth_jwks_url": "https://idp.kommune.no/.well-known/jwks.json",
        "auth_issuer": "https://idp.kommune.no",
        "log_level": "WARNING",
        **overrides,
    }


async def test_docs_are_off_in_production_unless_enabled(
    database_urls: dict[str, str], signing_key: SigningKey
) -> None:
    from services.intake.app import create_app
    from services.intake.settings import IntakeSettings

    url = database_urls["intake"]
    closed = create_app(IntakeSettings(database_url=url, **production_settings()))
    opened = create_app(
        IntakeSettings(database_url=url, **production_settings(api_docs_enabled=True))
    )
    async for client in open_client(closed):
        assert (await client.get("/api/intake/docs")).status_code == 404
        assert (await client.get("/api/intake/openapi.json")).status_code == 404
    async for client in open_client(opened):
        assert (await client.get("/api/intake/docs")).status_code == 200
        assert (await client.get("/api/intake/openapi.json")).status_code == 200
    async for client in open_client(intake_app(database_urls, signing_key)):
        assert (await client.get("/api/intake/openapi.json")).status_code == 200


# --- production refuses dev settings --------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "environ", "reason"),
    [
        ({"auth_issuer": "mestring-dev"}, {}, "dev issuer"),
        ({"auth_jwks_url": "http://gateway/api/dev/.well-known/jwks.json"}, {}, "dev token issuer"),
        ({}, {"MESTRING_DEV_KEY_FILE": ".data/dev-issuer-key.pem"}, "dev signing keys"),
        ({"database_url": "postgresql+asyncpg://mestring:mestring@db/intake"}, {}, "password"),
        ({"database_url": "postgresql+asyncpg://u:postgres@db/intake"}, {}, "password"),
    ],
)
def test_production_refuses_dev_issuer_dev_keys_and_default_secrets(
    overrides: dict[str, Any], environ: dict[str, str], reason: str
) -> None:
    from services.intake.settings import IntakeSettings

    safe_url = "postgresql+asyncpg://mestring:s3cret-from-vault@db/intake"
    settings = IntakeSettings(**production_settings(**{"database_url": safe_url, **overrides}))

    assert not production_problems(IntakeSettings(**production_settings(database_url=safe_url)), {})

    problems = production_problems(settings, environ)

    assert problems and any(reason in p for p in problems), problems


def test_a_service_refuses_to_start_in_production_with_the_dev_issuer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from services.intake.app import create_app
    from services.intake.settings import IntakeSettings

    monkeypatch.delenv("MESTRING_DEV_KEY_FILE", raising=False)
    safe = production_settings(database_url="postgresql+asyncpg://m:s3cret-from-vault@db/i")
    create_app(IntakeSettings(**safe))

    with pytest.raises(RuntimeError, match="dev issuer"):
        create_app(IntakeSettings(**{**safe, "auth_issuer": "mestring-dev"}))


def test_the_default_settings_are_not_fit_for_production() -> None:
    settings = ServiceSettings(env="production", database_url="postgresql://mestring:mestring@db/x")

    assert production_problems(settings, {})


def test_production_has_no_dev_issuer_in_the_gateway(monkeypatch: pytest.MonkeyPatch) -> None:
    from dev.gateway import create_app

    monkeypatch.setenv("MESTRING_ENV", "production")
    app = create_app()

    assert not any("/api/dev/" in getattr(route, "path", "") for route in app.routes)


# --- the one origin's security headers ------------------------------------------------


def nginx_headers() -> dict[str, str]:
    """The `add_header` lines of nginx.conf's server block (before its first location)."""
    conf = (ROOT / "infra" / "nginx.conf").read_text(encoding="utf-8")
    server = conf[conf.index("server {") : conf.index("location ")]
    return dict(re.findall(r'add_header\s+(\S+)\s+"?(.*?)"?\s+always;', server))


def nginx_csp_map() -> dict[str, str]:
    conf = (ROOT / "infra" / "nginx.conf").read_text(encoding="utf-8")
    block = conf[conf.index("map $uri $mestring_csp") :]
    block = block[: block.index("}")]
    return dict(re.findall(r'^\s*("?[^\s"]+"?)\s+"(.*)";', block, re.MULTILINE))


def test_nginx_sends_the_same_security_headers_as_the_code() -> None:
    headers = nginx_headers()
    csp = nginx_csp_map()

    assert headers.pop("Content-Security-Policy") == "$mestring_csp"
    assert {k: v for k, v in headers.items() if k in SECURITY_HEADERS} == SECURITY_HEADERS
    assert csp["default"] == CSP
    assert csp['"~^/api/[a-z]+/docs$"'] == DOCS_CSP
    assert "frame-ancestors 'none'" in CSP


def test_nginx_marks_api_answers_no_store() -> None:
    conf = (ROOT / "infra" / "nginx.conf").read_text(encoding="utf-8")

    assert "$mestring_cache_control" in conf
    assert re.search(r"add_header Cache-Control \$mestring_cache_control always;", conf)
    assert '"no-store"' in conf[conf.index('map "$uri|$upstream_http_cache_control"') :]


async def test_the_dev_gateway_sends_the_security_headers_of_nginx(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from dev.gateway import create_app

    monkeypatch.setenv("MESTRING_DEV_KEY_FILE", str(tmp_path / "key.pem"))
    monkeypatch.setenv("MESTRING_SPA_DIR", str(tmp_path / "dist"))
    monkeypatch.setenv("MESTRING_INTAKE_URL", "http://127.0.0.1:9")
    async for client in open_client(create_app()):  # type: ignore[arg-type]
        spa = await client.get("/")
        docs = await client.get("/api/intake/docs")
        api = await client.get(PERSONS)

    for response in (spa, docs, api):
        for name, value in SECURITY_HEADERS.items():
            assert response.headers[name] == value
    assert spa.headers["content-security-policy"] == CSP
    assert docs.headers["content-security-policy"] == DOCS_CSP
    assert_problem(api, 503)
    assert api.headers["cache-control"] == "no-store"
    assert spa.headers.get("cache-control") != "no-store"


async def test_the_dev_gateway_answers_a_header_it_cannot_pass_on_with_a_400(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A header value with a line break is the client's mistake (400), not a service that
    is down (503)."""
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from dev.gateway import create_app
    from dev.testing import RunningServer

    async def answer(request: Any) -> JSONResponse:
        return JSONResponse({"x-note": request.headers.get("x-note")})

    upstream = RunningServer(Starlette(routes=[Route("/{path:path}", answer)]))
    await upstream.start()
    monkeypatch.setenv("MESTRING_DEV_KEY_FILE", str(tmp_path / "key.pem"))
    monkeypatch.setenv("MESTRING_SPA_DIR", str(tmp_path / "dist"))
    monkeypatch.setenv("MESTRING_INTAKE_URL", upstream.url)
    try:
        async for client in open_client(create_app()):  # type: ignore[arg-type]
            broken = await client.get(PERSONS, headers={"X-Note": "one\r\nX-Injected: two"})
            plain = await client.get(PERSONS, headers={"X-Note": "one"})
    finally:
        await upstream.stop()

    assert_problem(broken, 400)
    assert plain.status_code == 200 and plain.json() == {"x-note": "one"}


# --- logs -----------------------------------------------------------------------------


async def test_national_ids_and_names_never_reach_the_logs(
    database_urls: dict[str, str], signing_key: SigningKey, token_factory: Callable[..., str]
) -> None:
    national_id = "01017012345"
    output = io.StringIO()
    with redirect_stdout(output):
        app = intake_app(database_urls, signing_key, log_level="INFO")
        async for client in open_client(app):
            await client.get(
                f"{PERSONS}/{national_id}", headers=auth(token_factory("saksbehandler"))
            )
        structlog.get_logger("test").info(
            "person", name="Kari Nordmann", note=f"fnr {national_id}", ids=[int(national_id)]
        )
    configure_logging("WARNING", json_output=True)
    logged = output.getvalue()

    assert "/api/intake/v1/persons/***********" in logged
    assert national_id not in logged
    assert "Kari Nordmann" not in logged


def test_only_a_number_standing_alone_is_masked_as_a_national_id() -> None:
    request_id = "0cdc4af12345678901e65b4b7c2fcfb7"

    assert mask_text(f"request {request_id}") == f"request {request_id}"
    assert mask_text("fnr=01017012345.") == "fnr=***********."
    assert mask_text("/persons/010170 12345") == "/persons/***********"

"""Fuzzing every service's OpenAPI with schemathesis, directly and through the one origin.

Each operation of each of the five services gets `FUZZ_EXAMPLES` generated requests (valid
ones and ones that break the schema), each signed as one of the roles: mostly a role the
route lets through, sometimes any role. Nothing may answer 5xx, and nothing may answer with
a body its own OpenAPI does not allow. The run prints, per service, how many operations and
requests it made and what failed. `make fuzz` runs it longer (`FUZZ_EXAMPLES=`, random).

The services run under uvicorn on real ports against the test PostgreSQL; the dev gateway
runs in front of them for the second pass. Requests are sent from a worker thread (the
schemathesis client is synchronous) while the servers serve in the test's event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import hypothesis
import hypothesis.strategies as st
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Err
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from dev.issuer import SigningKey
from shared.pagination import encode_cursor
from shared.permissions import api_routes, declared_access
from shared.schemas.roles import Role
from shared.settings import SERVICE_NAMES
from tests.running_system import System, running_system

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2"))
GATEWAY_EXAMPLES = int(os.environ.get("FUZZ_GATEWAY_EXAMPLES", str(max(1, EXAMPLES // 2))))
RANDOM = os.environ.get("FUZZ_RANDOM") == "1"
SERVICES = tuple(os.environ.get("FUZZ_SERVICES", ",".join(SERVICE_NAMES)).split(","))
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
ALL_ROLES = tuple(Role)


@dataclass
class Tally:
    operations: int = 0
    requests: int = 0
    failures: list[str] = field(default_factory=list)
    rejected_valid: dict[str, str] = field(default_factory=dict)


@pytest.fixture(scope="module")
async def system(
    database_urls: dict[str, str],
    signing_key: SigningKey,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[System]:
    """The five services and the dev gateway, each on a port of its own."""
    async with running_system(
        database_urls, signing_key, tmp_path_factory.mktemp("gateway")
    ) as system:
        yield system


def declared_roles(app: Any) -> dict[tuple[str, str], tuple[Role, ...]]:
    """(METHOD, path) → the roles the route lets through (every role for open routes)."""
    roles = {}
    for route in api_routes(app):
        access = declared_access(route)
        allowed = tuple(sorted(access.roles)) if access and access.roles else ALL_ROLES
        for method in route.methods:
            roles[(method.upper(), route.path)] = allowed
    return roles


def rejects_valid_data(case: Any, response: requests.Response) -> bool:
    """Data generated to fit the operation's schema that the request validation refuses: the
    schema is missing a constraint the API checks (rule violations, which name a rule the
    data breaks, are not this)."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 422:
        return False
    try:
        body = response.json()
    except ValueError:
        return False
    return isinstance(body, dict) and body.get("title") == "The request is not valid"


def fuzz_operation(
    operation: Any,
    allowed: tuple[Role, ...],
    base_url: str,
    examples: int,
    token_for: Callable[[Role], str],
    session: requests.Session,
    tally: Tally,
) -> None:
    strategy = operation.as_strategy(schemathesis.GenerationMode.POSITIVE)
    with contextlib.suppress(Exception):  # an operation with nothing to negate
        strategy = strategy | operation.as_strategy(schemathesis.GenerationMode.NEGATIVE)
    role_strategy = st.one_of(st.sampled_from(allowed), st.sampled_from(ALL_ROLES))

    @hypothesis.settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=not RANDOM,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        verbosity=hypothesis.Verbosity.quiet,
    )
    @hypothesis.given(case=strategy, role=role_strategy)
    def run(case: Any, role: Role) -> None:
        headers = {"Authorization": f"Bearer {token_for(role)}"}
        tally.requests += 1
        try:
            response = case.call(base_url=base_url, session=session, headers=headers, timeout=30)
        except requests.RequestException as exc:
            tally.failures.append(f"{operation.label} as {role.value}: no answer ({exc})")
            return
        if rejects_valid_data(case, response):
            tally.rejected_valid.setdefault(operation.label, response.text[:300])
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except (Exception, BaseExceptionGroup) as exc:  # a group of failed checks
            summary = " ".join(str(exc).split())[:600]
            tally.failures.append(
                f"{operation.label} as {role.value} → {response.status_code}: {summary}\n"
                f"    {case.as_curl_command(base_url=base_url)[:400]}"
            )

    run()


def fuzz_service(
    service: str,
    app: Any,
    base_url: str,
    examples: int,
    token_for: Callable[[Role], str],
) -> Tally:
    """Fuzz every operation of `service` at `base_url` (blocking; run it in a thread)."""
    schema = schemathesis.openapi.from_dict(app.openapi())
    roles = declared_roles(app)
    tally = Tally()
    with requests.Session() as session:
        for result in schema.get_all_operations():
            if isinstance(result, Err):
                tally.failures.append(f"an operation schemathesis cannot read: {result.err()}")
                continue
            operation = result.ok()
            tally.operations += 1
            allowed = roles.get((operation.method.upper(), operation.path), ALL_ROLES)
            fuzz_operation(operation, allowed, base_url, examples, token_for, session, tally)
    return tally


def report(title: str, tallies: dict[str, Tally], seconds: float) -> str:
    lines = [f"\nfuzz {title} ({seconds:.0f} s):", "  service       operations  requests  failures"]
    for service, tally in tallies.items():
        lines.append(
            f"  {service:<13} {tally.operations:>10}  {tally.requests:>8}  {len(tally.failures):>8}"
        )
    for service, tally in tallies.items():
        lines.extend(f"  {service}: {failure}" for failure in tally.failures[:20])
    for service, tally in tallies.items():
        lines.extend(
            f"  {service}: rejects data its schema allows: {label}: {text}"
            for label, text in tally.rejected_valid.items()
        )
    return "\n".join(lines)


@pytest.mark.parametrize("through", ["service", "gateway"])
async def test_no_operation_of_any_service_answers_5xx_or_breaks_its_schema(
    system: System,
    token_factory: Callable[..., str],
    municipality: str,
    capsys: pytest.CaptureFixture[str],
    through: str,
) -> None:
    def token_for(role: Role) -> str:  # signed afresh: a long `make fuzz` outlives a token
        return token_factory(role, municipality=municipality)

    examples = EXAMPLES if through == "service" else GATEWAY_EXAMPLES
    started = time.monotonic()
    tallies = {}
    for service in SERVICES:
        base_url = system.services[service].url if through == "service" else system.gateway.url
        tallies[service] = await asyncio.to_thread(
            fuzz_service, service, system.apps[service], base_url, examples, token_for
        )

    with capsys.disabled():
        print(report(f"through the {through}", tallies, time.monotonic() - started))
    failures = [f for tally in tallies.values() for f in tally.failures]
    assert not failures, f"{len(failures)} failure(s); see the summary above"
    assert all(t.requests >= t.operations for t in tallies.values())


# --- what fuzzing found before, kept as explicit cases --------------------------------


async def test_a_cursor_whose_values_do_not_fit_the_sort_is_422(
    system: System, token_factory: Callable[..., str]
) -> None:
    cursor = encode_cursor([1, "5b0a4a3e-2a63-4c36-9a0e-3f5d3c1f1c11"])
    headers = {"Authorization": f"Bearer {token_factory(Role.caseworker)}"}
    async with httpx.AsyncClient(base_url=system.services["intake"].url) as client:
        response = await client.get(
            "/api/intake/v1/persons", params={"cursor": cursor}, headers=headers
        )

    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("service", SERVICE_NAMES)
async def test_an_event_sequence_beyond_bigint_is_422(
    system: System, token_factory: Callable[..., str], service: str
) -> None:
    headers = {"Authorization": f"Bearer {token_factory(Role.integration)}"}
    async with httpx.AsyncClient(base_url=system.services[service].url) as client:
        response = await client.get(
            f"/api/{service}/v1/events", params={"after": "9223372036854775808"}, headers=headers
        )

    assert response.status_code == 422, response.text


@pytest.mark.parametrize("through", ["service", "gateway"])
async def test_a_path_that_is_not_utf8_gets_the_services_problem(
    system: System, token_factory: Callable[..., str], through: str
) -> None:
    base = system.services["intake"].url if through == "service" else system.gateway.url
    headers = {"Authorization": f"Bearer {token_factory(Role.caseworker)}"}
    async with httpx.AsyncClient(base_url=base) as client:
        anonymous = await client.get("/api/intake/v1/persons/%FF%FE")
        signed_in = await client.get("/api/intake/v1/persons/%FF%FE", headers=headers)

    assert anonymous.status_code == 401
    assert signed_in.status_code in (404, 422)
    for response in (anonymous, signed_in):
        assert response.headers["content-type"] == "application/problem+json"


async def test_text_the_database_cannot_store_is_422_not_500(
    system: System, token_factory: Callable[..., str]
) -> None:
    """A NUL in a path or a body reaches PostgreSQL, which refuses it: the caller's error."""
    headers = {"Authorization": f"Bearer {token_factory(Role.caseworker)}"}
    async with httpx.AsyncClient(base_url=system.services["catalogue"].url) as client:
        response = await client.get("/api/catalogue/v1/service-types/%00x", headers=headers)

    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"

"""Every endpoint needs a valid token: each way a token can be wrong is a 401 problem."""

import time
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from jose import jwt

from dev.issuer import SigningKey, create_issuer_app
from dev.testing import RunningServer, auth
from shared.auth import TokenVerifier
from shared.errors import Unauthorized
from shared.settings import Environment, ServiceSettings

FEED = "/api/intake/v1/events"


def assert_problem(response: httpx.Response, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["title"]
    assert body["type"].startswith("https://")


async def test_missing_token_is_401(intake: httpx.AsyncClient) -> None:
    response = await intake.get(FEED)

    assert_problem(response, 401)
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header", ["Bearer", "Bearer not.a.jwt", "Basic dXNlcjpwdw==", "Bearer a.b"]
)
async def test_malformed_token_is_401(intake: httpx.AsyncClient, header: str) -> None:
    assert_problem(await intake.get(FEED, headers={"Authorization": header}), 401)


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({"exp": int(time.time()) - 60}, "expired"),
        ({"iss": "https://evil.example"}, "wrong issuer"),
        ({"aud": "another-system"}, "wrong audience"),
        ({"municipality": None}, "no municipality"),
        ({"exp": None}, "no expiry"),
    ],
)
async def test_token_with_wrong_claims_is_401(
    intake: httpx.AsyncClient,
    token_factory: Callable[..., str],
    claims: dict[str, object],
    reason: str,
) -> None:
    token = token_factory("systemintegrasjon", **claims)

    assert_problem(await intake.get(FEED, headers=auth(token)), 401)


async def test_token_signed_by_another_key_is_401(
    intake: httpx.AsyncClient, token_factory: Callable[..., str]
) -> None:
    token = token_factory("systemintegrasjon", key=SigningKey.generate())

    assert_problem(await intake.get(FEED, headers=auth(token)), 401)


async def test_unsigned_token_is_401(intake: httpx.AsyncClient) -> None:
    token = jwt.encode({"sub": "x", "municipality": "3207"}, "secret", algorithm="HS256")

    assert_problem(await intake.get(FEED, headers=auth(token)), 401)


async def test_right_token_wrong_role_is_403(
    intake: httpx.AsyncClient, token_factory: Callable[..., str]
) -> None:
    assert_problem(await intake.get(FEED, headers=auth(token_factory("helsepersonell"))), 403)


async def test_right_token_right_role_is_200(
    intake: httpx.AsyncClient, token_factory: Callable[..., str]
) -> None:
    response = await intake.get(FEED, headers=auth(token_factory("systemintegrasjon")))

    assert response.status_code == 200
    assert response.json() == {"items": [], "next_cursor": None}


@pytest.fixture
async def dev_issuer() -> AsyncIterator[tuple[str, SigningKey]]:
    """The dev issuer served over real HTTP on a free loopback port."""
    key = SigningKey.generate()
    server = RunningServer(create_issuer_app(key, Environment.test))
    await server.start()
    yield server.url, key
    await server.stop()


async def test_dev_issuer_tokens_verify_against_its_jwks(
    dev_issuer: tuple[str, SigningKey],
) -> None:
    base, _ = dev_issuer
    async with httpx.AsyncClient(base_url=base) as client:
        users = (await client.get("/api/dev/users")).json()
        issued = (
            await client.post("/api/dev/token", json={"username": "saksbehandler-selbu"})
        ).json()
        unknown = await client.post("/api/dev/token", json={"username": "ingen"})
    verifier = TokenVerifier(ServiceSettings(auth_jwks_url=f"{base}/api/dev/.well-known/jwks.json"))

    principal = await verifier.verify(issued["access_token"])

    assert {u["municipality"] for u in users} == {"3207", "5032"}
    assert issued["token_type"] == "bearer" and issued["expires_in"] > 0
    assert principal.municipality == "5032"
    assert [r.value for r in principal.roles] == ["saksbehandler"]
    assert unknown.status_code == 404


async def test_unknown_key_id_refreshes_the_jwks_once(dev_issuer: tuple[str, SigningKey]) -> None:
    base, key = dev_issuer
    verifier = TokenVerifier(ServiceSettings(auth_jwks_url=f"{base}/api/dev/.well-known/jwks.json"))
    assert verifier.jwks is not None
    verifier.jwks._keys = {"old-key": {}}
    verifier.jwks._fetched_at = time.monotonic()
    claims = {
        "iss": "mestring-dev",
        "aud": "mestring",
        "sub": "a",
        "municipality": "3207",
        "roles": ["leder"],
        "exp": int(time.time()) + 60,
    }

    principal = await verifier.verify(key.sign(claims))

    assert principal.sub == "a"
    assert key.kid in verifier.jwks._keys
    with pytest.raises(Unauthorized):
        await verifier.verify(SigningKey.generate().sign(claims))


def test_the_dev_issuer_does_not_exist_in_production() -> None:
    with pytest.raises(RuntimeError):
        create_issuer_app(SigningKey.generate(), Environment.production)

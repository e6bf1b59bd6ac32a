"""Every endpoint needs a valid token: each way a token can be wrong is a 401 problem."""

import asyncio
import hashlib
import hmac
import time
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import jwt
import pytest
from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import JSONResponse

from dev.issuer import SigningKey, claims_for, create_issuer_app
from dev.testing import RunningServer, auth
from dev.users import demo_user
from shared.auth import CurrentPrincipal, TokenVerifier
from shared.errors import ServiceUnavailable, Unauthorized
from shared.problems import install_problem_handlers
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
        ({"aud": None}, "no audience"),
        ({"iss": None}, "no issuer"),
        ({"iat": None}, "no issued-at"),
        ({"iat": int(time.time()) + 3600, "exp": int(time.time()) + 4000}, "issued in the future"),
        ({"exp": int(time.time()) + 13 * 3600}, "lives longer than the maximum"),
        ({"iat": "yesterday"}, "issued-at not a number"),
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


async def test_token_signed_with_a_shared_secret_is_401(intake: httpx.AsyncClient) -> None:
    secret = "a-shared-secret-long-enough-for-hs256!"
    token = jwt.encode({"sub": "x", "municipality": "3207"}, secret, algorithm="HS256")

    assert_problem(await intake.get(FEED, headers=auth(token)), 401)


async def test_unsigned_token_is_401(intake: httpx.AsyncClient) -> None:
    token = jwt.encode({"sub": "x", "municipality": "3207"}, None, algorithm="none")

    assert_problem(await intake.get(FEED, headers=auth(token)), 401)


async def test_token_signed_with_the_public_key_as_hmac_secret_is_401(
    intake: httpx.AsyncClient, signing_key: SigningKey
) -> None:
    """The classic algorithm confusion: HS256 keyed with the RS256 public key."""
    header = jwt.utils.base64url_encode(b'{"alg":"HS256","typ":"JWT"}')
    payload = jwt.utils.base64url_encode(b'{"sub":"x","municipality":"3207"}')
    signature = hmac.new(
        signing_key.public_pem.encode(), header + b"." + payload, hashlib.sha256
    ).digest()
    token = b".".join([header, payload, jwt.utils.base64url_encode(signature)]).decode()

    assert_problem(await intake.get(FEED, headers=auth(token)), 401)


async def test_token_issued_a_little_in_the_future_is_within_the_clock_skew(
    intake: httpx.AsyncClient, token_factory: Callable[..., str]
) -> None:
    now = int(time.time())
    token = token_factory("systemintegrasjon", iat=now + 10, exp=now + 600)

    assert (await intake.get(FEED, headers=auth(token))).status_code == 200


async def test_right_token_wrong_role_is_403(
    intake: httpx.AsyncClient, token_factory: Callable[..., str]
) -> None:
    assert_problem(await intake.get(FEED, headers=auth(token_factory("helsepersonell"))), 403)


async def test_right_token_right_role_is_200(
    intake: httpx.AsyncClient, token_factory: Callable[..., str], municipality: str
) -> None:
    """A municipality of its own: its feed is empty whatever other tests have written."""
    token = token_factory("systemintegrasjon", municipality=municipality)
    response = await intake.get(FEED, headers=auth(token))

    assert response.status_code == 200
    assert response.json() == {"items": [], "next_cursor": None, "last_sequence": 0}


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


class JwksServer:
    """A JWKS endpoint over real loopback HTTP that counts how often it is fetched."""

    def __init__(self, *keys: SigningKey) -> None:
        self.keys = list(keys)
        self.fetches = 0
        self.down = False
        app = FastAPI()

        @app.get("/jwks.json")
        async def jwks(request: Request) -> JSONResponse:
            self.fetches += 1
            if self.down:
                return JSONResponse({"error": "down"}, status_code=503)
            return JSONResponse({"keys": [key.jwk() for key in self.keys]})

        self.server = RunningServer(app)
        self.url = f"{self.server.url}/jwks.json"


@pytest.fixture
async def jwks_server() -> AsyncIterator[JwksServer]:
    server = JwksServer(SigningKey.generate())
    await server.server.start()
    yield server
    await server.server.stop()


def dev_claims(**overrides: Any) -> dict[str, Any]:
    user = demo_user("leder-nordrefollo")
    assert user is not None
    return {**claims_for(user, "mestring-dev", "mestring"), **overrides}


def jwks_settings(url: str, **overrides: Any) -> ServiceSettings:
    return ServiceSettings(auth_jwks_url=url, **overrides)


def protected_app(settings: ServiceSettings) -> FastAPI:
    """The smallest app behind `CurrentPrincipal`, served like a real service."""
    app = FastAPI()
    app.state.token_verifier = TokenVerifier(settings)
    install_problem_handlers(app)

    @app.get("/whoami")
    async def whoami(principal: CurrentPrincipal) -> dict[str, str]:
        return {"sub": principal.sub}

    return app


async def test_a_hundred_unknown_key_ids_at_once_fetch_the_jwks_once(
    jwks_server: JwksServer,
) -> None:
    settings = jwks_settings(jwks_server.url)
    service = RunningServer(protected_app(settings))
    await service.start()
    forger = SigningKey.generate()
    tokens = [
        jwt.encode(dev_claims(), forger.private_key, algorithm="RS256", headers={"kid": kid})
        for kid in (uuid.uuid4().hex for _ in range(100))
    ]
    try:
        async with httpx.AsyncClient(base_url=service.url, timeout=10) as client:
            started = time.monotonic()
            responses = await asyncio.gather(
                *(client.get("/whoami", headers=auth(token)) for token in tokens)
            )
            elapsed = time.monotonic() - started
    finally:
        await service.stop()

    assert elapsed < settings.auth_jwks_min_refresh_seconds, "all arrived within one interval"
    assert {r.status_code for r in responses} == {401}
    assert all(r.headers["content-type"] == "application/problem+json" for r in responses)
    assert jwks_server.fetches == 1


async def test_a_new_key_id_after_the_minimum_interval_refetches_the_jwks(
    jwks_server: JwksServer,
) -> None:
    verifier = TokenVerifier(jwks_settings(jwks_server.url, auth_jwks_min_refresh_seconds=0.2))
    [old] = jwks_server.keys
    await verifier.verify(old.sign(dev_claims()))
    rotated = SigningKey.generate()
    jwks_server.keys = [rotated]
    await asyncio.sleep(0.25)

    principal = await verifier.verify(rotated.sign(dev_claims()))

    assert principal.sub == "leder-nordrefollo"
    assert jwks_server.fetches == 2


async def test_a_new_key_id_within_the_minimum_interval_is_401_without_a_fetch(
    jwks_server: JwksServer,
) -> None:
    verifier = TokenVerifier(jwks_settings(jwks_server.url))
    [old] = jwks_server.keys
    await verifier.verify(old.sign(dev_claims()))
    rotated = SigningKey.generate()
    jwks_server.keys = [rotated]

    with pytest.raises(Unauthorized):
        await verifier.verify(rotated.sign(dev_claims()))

    assert jwks_server.fetches == 1


async def test_an_unreachable_jwks_is_503(jwks_server: JwksServer) -> None:
    jwks_server.down = True
    service = RunningServer(protected_app(jwks_settings(jwks_server.url)))
    await service.start()
    [key] = jwks_server.keys
    try:
        async with httpx.AsyncClient(base_url=service.url) as client:
            response = await client.get("/whoami", headers=auth(key.sign(dev_claims())))
    finally:
        await service.stop()

    assert_problem(response, 503)


async def test_a_jwks_server_that_is_not_listening_is_503() -> None:
    verifier = TokenVerifier(jwks_settings("http://127.0.0.1:9/jwks.json"))

    with pytest.raises(ServiceUnavailable):
        await verifier.verify(SigningKey.generate().sign(dev_claims()))


def test_the_dev_issuer_publishes_the_key_as_the_library_writes_it() -> None:
    key = SigningKey.generate()

    jwk = key.jwk()

    assert jwk["kty"] == "RSA" and jwk["kid"] == key.kid and jwk["alg"] == "RS256"
    assert jwt.PyJWK(jwk).key.public_numbers() == key.public_key.public_numbers()


def test_dev_tokens_carry_the_required_claims_within_the_maximum_lifetime() -> None:
    claims = dev_claims()
    maximum = ServiceSettings().auth_max_token_lifetime_seconds

    assert {"aud", "iss", "iat", "exp"} <= set(claims)
    assert 0 < claims["exp"] - claims["iat"] <= maximum


def test_the_dev_issuer_does_not_exist_in_production() -> None:
    with pytest.raises(RuntimeError):
        create_issuer_app(SigningKey.generate(), Environment.production)


def _verifier(key: SigningKey) -> TokenVerifier:
    return TokenVerifier(
        ServiceSettings(auth_public_key=key.public_pem, auth_issuer="mestring-test")
    )


def _signed(key: SigningKey, **overrides: Any) -> str:
    now = int(time.time())
    claims = {
        "iss": "mestring-test",
        "aud": "mestring",
        "sub": "cached",
        "municipality": "3207",
        "roles": ["saksbehandler"],
        "iat": now,
        "exp": now + 600,
    }
    return key.sign({**claims, **overrides})


async def test_a_verified_token_is_remembered_until_its_exp_and_never_past_it() -> None:
    key = SigningKey.generate()
    verifier = _verifier(key)
    token = _signed(key)
    exp = jwt.decode(token, options={"verify_signature": False})["exp"]

    first = await verifier.verify(token)

    assert await verifier.verify(token) is first
    assert verifier.verified.get(token, exp - 0.001) is first
    assert verifier.verified.get(token, exp) is None  # forgotten at exp
    assert len(verifier.verified) == 0


async def test_a_token_differing_from_a_remembered_one_is_verified_afresh() -> None:
    key = SigningKey.generate()
    verifier = _verifier(key)
    token = _signed(key)
    await verifier.verify(token)
    header, payload, signature = token.split(".")
    other = jwt.utils.base64url_encode(b'{"sub":"x","municipality":"3207"}').decode()
    forged_signature = signature[:-4] + ("AAAA" if signature[-4:] != "AAAA" else "BBBB")

    for forged in (f"{header}.{other}.{signature}", f"{header}.{payload}.{forged_signature}"):
        with pytest.raises(Unauthorized):
            await verifier.verify(forged)
    with pytest.raises(Unauthorized):
        await verifier.verify(_signed(SigningKey.generate()))
    assert len(verifier.verified) == 1


async def test_a_refused_token_is_not_remembered() -> None:
    key = SigningKey.generate()
    verifier = _verifier(key)
    expired = _signed(key, iat=int(time.time()) - 900, exp=int(time.time()) - 300)

    for _ in range(2):
        with pytest.raises(Unauthorized):
            await verifier.verify(expired)
    assert len(verifier.verified) == 0


def test_the_verified_tokens_forget_the_least_recently_used_beyond_their_size() -> None:
    from shared.auth import Principal, VerifiedTokens

    tokens = VerifiedTokens(size=2)
    one, two, three = (Principal(sub=s, municipality="3207") for s in ("1", "2", "3"))
    tokens.put("a", one, 100)
    tokens.put("b", two, 100)
    assert tokens.get("a", 0) is one  # a is now the most recently used
    tokens.put("c", three, 100)

    assert tokens.get("b", 0) is None
    assert tokens.get("a", 0) is one
    assert tokens.get("c", 0) is three

"""Bearer JWT verification (PyJWT), the caller as a `Principal`, and role checks.

Tokens are verified against the issuer's JWKS (HelseID, ID-porten, Entra ID or
Keycloak in production; the dev issuer in development) or a configured public
key. Only RS256 is accepted. `aud`, `iss`, `exp` and `iat` must be present and
right; a token may not live longer than `auth_max_token_lifetime_seconds`, nor
be issued in the future beyond `auth_clock_skew_seconds`. Every failure is a
401 problem; an identity provider whose keys cannot be fetched is a 503.

A token that passed every check is remembered (`VerifiedTokens`, keyed by the token's
exact text) until its `exp`, never past it, so a signed-in user's next requests skip the
signature check and the decoding; a token that failed is checked again each time.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from fastapi import Depends, Request

from shared.errors import Forbidden, ServiceUnavailable, Unauthorized
from shared.principal import Principal
from shared.schemas.roles import Role
from shared.settings import ServiceSettings

ALGORITHMS = ["RS256"]
REQUIRED_CLAIMS = ["aud", "iss", "exp", "iat"]
JWKS_TIMEOUT_SECONDS = 5.0
VERIFIED_TOKENS_KEPT = 10_000
"""How many verified tokens one process remembers (the least recently used are forgotten)."""


class VerifiedTokens:
    """Tokens that passed every check, with their caller, until the token's `exp`.

    Keyed by the token's exact text, so a token differing in one character (another
    signature, other claims) is verified afresh. An entry is used only while the clock is
    before its `exp` (the leeway is not added: past `exp` the token is verified again, and
    refused once the leeway is over too). Bounded: the least recently used go first."""

    def __init__(self, size: int = VERIFIED_TOKENS_KEPT) -> None:
        self.size = size
        self._entries: OrderedDict[str, tuple[Principal, float]] = OrderedDict()

    def get(self, token: str, now: float) -> Principal | None:
        entry = self._entries.get(token)
        if entry is None:
            return None
        principal, expires = entry
        if now >= expires:
            del self._entries[token]
            return None
        self._entries.move_to_end(token)
        return principal

    def put(self, token: str, principal: Principal, expires: float) -> None:
        self._entries[token] = (principal, expires)
        self._entries.move_to_end(token)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


class JwksCache:
    """The signing keys at a JWKS URL, fetched asynchronously and cached.

    Keys are kept for `max_age` seconds. A token with a key id the cache does
    not know may mean the identity provider rotated its keys, so it triggers a
    refetch, but at most one per `min_refresh_interval` however many unknown
    key ids arrive: a flood of forged tokens must not become a flood of
    requests to the identity provider. The lock makes concurrent requests
    wait for the one fetch in flight instead of starting their own.
    """

    def __init__(
        self,
        url: str,
        max_age: float,
        min_refresh_interval: float,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self.url = url
        self.max_age = max_age
        self.min_refresh_interval = min_refresh_interval
        self._client = client
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at: float | None = None
        self._attempted_at: float | None = None
        self._lock = asyncio.Lock()

    def _is_stale(self, now: float) -> bool:
        return self._fetched_at is None or now - self._fetched_at > self.max_age

    def _may_fetch(self, now: float) -> bool:
        return self._attempted_at is None or now - self._attempted_at >= self.min_refresh_interval

    def _lookup(self, kid: str | None) -> jwt.PyJWK | None:
        if kid is None:
            return next(iter(self._keys.values())) if len(self._keys) == 1 else None
        return self._keys.get(kid)

    async def _get(self) -> httpx.Response:
        if self._client is not None:
            return await self._client.get(self.url)
        async with httpx.AsyncClient(timeout=JWKS_TIMEOUT_SECONDS) as client:
            return await client.get(self.url)

    async def _fetch(self) -> None:
        self._attempted_at = time.monotonic()
        try:
            response = await self._get()
            response.raise_for_status()
            document = response.json()
            keys = document.get("keys", []) if isinstance(document, dict) else []
            usable = [key for key in keys if isinstance(key, dict) and key.get("use") != "enc"]
            key_set = jwt.PyJWKSet(usable)
        except (httpx.HTTPError, ValueError, jwt.PyJWTError) as exc:
            raise ServiceUnavailable(
                "identity provider", f"Could not fetch the signing keys: {exc}"
            ) from exc
        self._keys = {key.key_id or "": key for key in key_set.keys}
        self._fetched_at = time.monotonic()

    async def key_for(self, kid: str | None) -> jwt.PyJWK:
        if self._is_stale(time.monotonic()):
            async with self._lock:
                now = time.monotonic()
                if self._is_stale(now):
                    if not self._may_fetch(now):
                        raise ServiceUnavailable(
                            "identity provider", "The signing keys could not be fetched lately"
                        )
                    await self._fetch()
        key = self._lookup(kid)
        if key is None:
            async with self._lock:
                key = self._lookup(kid)
                if key is None and self._may_fetch(time.monotonic()):
                    await self._fetch()
                    key = self._lookup(kid)
        if key is None:
            raise Unauthorized("The token is signed with an unknown key")
        return key


def _load_public_key(pem: str) -> rsa.RSAPublicKey:
    key = load_pem_public_key(pem.encode())
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("MESTRING_AUTH_PUBLIC_KEY must be an RSA public key")
    return key


class TokenVerifier:
    """Turns a bearer token into a `Principal`, or raises `Unauthorized`."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.issuer = settings.auth_issuer
        self.audience = settings.auth_audience
        self.leeway = settings.auth_clock_skew_seconds
        self.max_lifetime = settings.auth_max_token_lifetime_seconds
        self.public_key = (
            _load_public_key(settings.auth_public_key) if settings.auth_public_key else None
        )
        self.jwks = (
            JwksCache(
                settings.auth_jwks_url,
                settings.auth_jwks_cache_seconds,
                settings.auth_jwks_min_refresh_seconds,
            )
            if settings.auth_jwks_url and self.public_key is None
            else None
        )
        if self.public_key is None and self.jwks is None:
            raise ValueError("Configure MESTRING_AUTH_JWKS_URL or MESTRING_AUTH_PUBLIC_KEY")
        self.verified = VerifiedTokens()

    async def _key_for(self, header: dict[str, Any]) -> Any:
        if self.jwks is None:
            return self.public_key
        kid = header.get("kid")
        return (await self.jwks.key_for(kid if isinstance(kid, str) else None)).key

    async def verify(self, token: str) -> Principal:
        known = self.verified.get(token, time.time())
        if known is not None:
            return known
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthorized("The token is malformed") from exc
        if header.get("alg") not in ALGORITHMS:
            raise Unauthorized("The token's algorithm is not accepted")
        key = await self._key_for(header)
        claims = self._decode(token, key)
        try:
            principal = Principal.model_validate(claims)
        except ValueError as exc:
            raise Unauthorized("The token lacks the claims Mestring needs") from exc
        self.verified.put(token, principal, float(claims["exp"]))
        return principal

    def _decode(self, token: str, key: Any) -> dict[str, Any]:
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=ALGORITHMS,
                audience=self.audience,
                issuer=self.issuer,
                leeway=self.leeway,
                options={"require": REQUIRED_CLAIMS, "verify_iat": True},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthorized("The token has expired") from exc
        except jwt.MissingRequiredClaimError as exc:
            raise Unauthorized(f"The token lacks the {exc.claim!r} claim") from exc
        except jwt.ImmatureSignatureError as exc:
            raise Unauthorized("The token is not valid yet") from exc
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"The token is not valid: {exc}") from exc
        if int(claims["iat"]) > time.time() + self.leeway:
            raise Unauthorized("The token is issued in the future")
        if int(claims["exp"]) - int(claims["iat"]) > self.max_lifetime:
            raise Unauthorized("The token lives longer than Mestring accepts")
        return claims


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("A bearer token is required")
    return token.strip()


async def current_principal(request: Request) -> Principal:
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    verifier: TokenVerifier = request.app.state.token_verifier
    principal = await verifier.verify(bearer_token(request))
    request.state.principal = principal
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def require_roles(*roles: Role) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency that lets through only callers with one of `roles`."""

    async def _check(principal: CurrentPrincipal) -> Principal:
        if not principal.has_any(*roles):
            allowed = ", ".join(role.value for role in roles)
            raise Forbidden(f"This needs one of the roles: {allowed}")
        return principal

    _check.roles = frozenset(roles)  # type: ignore[attr-defined]
    return _check


def role_dependency(*roles: Role) -> Any:
    """`Annotated[Principal, role_dependency(...)]` reads as the role it needs."""
    return Depends(require_roles(*roles))


__all__ = [
    "CurrentPrincipal",
    "JwksCache",
    "Principal",
    "TokenVerifier",
    "VerifiedTokens",
    "bearer_token",
    "current_principal",
    "require_roles",
    "role_dependency",
]

"""Bearer JWT verification, the caller as a `Principal`, and role checks.

Tokens are verified against the issuer's JWKS (HelseID, ID-porten, Entra ID or
Keycloak in production; the dev issuer in development) or a configured public
key. Issuer, audience and expiry are always checked.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import httpx
from fastapi import Depends, Request
from jose import JWTError, jwt
from pydantic import BaseModel, Field

from shared.errors import Forbidden, ServiceUnavailable, Unauthorized
from shared.schemas.roles import Role
from shared.settings import ServiceSettings

ALGORITHMS = ["RS256"]


class Principal(BaseModel):
    """Who calls: a person with roles, or another system."""

    sub: str
    name: str = ""
    municipality: str = Field(pattern=r"^\d{4}$")
    roles: list[Role] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)

    def has_any(self, *roles: Role) -> bool:
        return any(role in self.roles for role in roles)


class JwksCache:
    """Keys from a JWKS URL, cached; an unknown `kid` triggers one refresh."""

    def __init__(self, url: str, max_age: float, client: httpx.AsyncClient | None = None) -> None:
        self.url = url
        self.max_age = max_age
        self._client = client
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at = 0.0

    async def _refresh(self) -> None:
        try:
            if self._client is not None:
                response = await self._client.get(self.url)
            else:
                async with httpx.AsyncClient(timeout=5.0) as client:
                    response = await client.get(self.url)
            response.raise_for_status()
            keys = response.json().get("keys", [])
        except (httpx.HTTPError, ValueError) as exc:
            raise ServiceUnavailable(
                "identity provider", f"Could not fetch signing keys: {exc}"
            ) from exc
        self._keys = {key.get("kid", ""): key for key in keys}
        self._fetched_at = time.monotonic()

    async def key_for(self, kid: str | None) -> dict[str, Any]:
        stale = time.monotonic() - self._fetched_at > self.max_age
        if stale or (kid not in self._keys):
            await self._refresh()
        if kid is None and len(self._keys) == 1:
            return next(iter(self._keys.values()))
        key = self._keys.get(kid or "")
        if key is None:
            raise Unauthorized("The token is signed with an unknown key")
        return key


class TokenVerifier:
    def __init__(self, settings: ServiceSettings) -> None:
        self.issuer = settings.auth_issuer
        self.audience = settings.auth_audience
        self.public_key = settings.auth_public_key
        self.jwks = (
            JwksCache(settings.auth_jwks_url, settings.auth_jwks_cache_seconds)
            if settings.auth_jwks_url and not settings.auth_public_key
            else None
        )
        if self.public_key is None and self.jwks is None:
            raise ValueError("Configure MESTRING_AUTH_JWKS_URL or MESTRING_AUTH_PUBLIC_KEY")

    async def verify(self, token: str) -> Principal:
        try:
            header = jwt.get_unverified_header(token)
        except JWTError as exc:
            raise Unauthorized("The token is malformed") from exc
        if header.get("alg") not in ALGORITHMS:
            raise Unauthorized("The token's algorithm is not accepted")
        key: Any = self.public_key
        if self.jwks is not None:
            key = await self.jwks.key_for(header.get("kid"))
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=ALGORITHMS,
                audience=self.audience,
                issuer=self.issuer,
                options={"require_exp": True, "require_iat": False},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthorized("The token has expired") from exc
        except JWTError as exc:
            raise Unauthorized(f"The token is not valid: {exc}") from exc
        try:
            return Principal.model_validate(claims)
        except ValueError as exc:
            raise Unauthorized("The token lacks the claims Mestring needs") from exc


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

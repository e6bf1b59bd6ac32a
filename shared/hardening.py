"""HTTP hardening every service (and the dev gateway) shares.

- a request body limit, enforced before the body is read (`Content-Length`) and while it
  streams in (bytes counted): a 413 problem;
- `Cache-Control: no-store` on every response that may carry personal data (everything
  but health and the public catalogue), and `X-Content-Type-Options: nosniff`;
- the security headers of the one origin (`SECURITY_HEADERS`, `content_security_policy`),
  which the dev gateway sends and `infra/nginx.conf` repeats (a test compares them);
- rate limiting of writes per client: a small in-process token bucket, a 429 problem
  with `Retry-After`;
- production refuses to start with the dev issuer, dev keys or a default secret.
"""

from __future__ import annotations

import json
import math
import os
import re
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import jwt
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.errors import PROBLEM_MEDIA_TYPE, problem_body

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
"""The one origin's Content Security Policy: only this origin, never framed."""

DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "img-src 'self' data: https://fastapi.tiangolo.com; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
)
"""Swagger UI (`/api/<service>/docs`) loads from a CDN and starts with an inline script."""

DOCS_PATH = re.compile(r"^/api/[a-z]+/docs$")

SECURITY_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
"""Sent on every response of the one origin, besides the CSP (`infra/nginx.conf` too)."""


def content_security_policy(path: str) -> str:
    return DOCS_CSP if DOCS_PATH.match(path) else CSP


def is_open_path(path: str) -> bool:
    """Health and the public catalogue: no token, no personal data."""
    return "/health/" in path or "/v1/public/" in path


def _problem(status: int, title: str, slug: str, detail: str, **extra: Any) -> bytes:
    return json.dumps(problem_body(status, title, slug=slug, detail=detail, **extra)).encode()


async def send_problem(
    send: Send,
    status: int,
    title: str,
    slug: str,
    detail: str,
    headers: Iterable[tuple[str, str]] = (),
    **extra: Any,
) -> None:
    body = _problem(status, title, slug, detail, **extra)
    raw = [
        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        (b"x-content-type-options", b"nosniff"),
        *((k.lower().encode(), v.encode()) for k, v in headers),
    ]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


# --- body limit -------------------------------------------------------------------------


class BodyTooLarge(StarletteHTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is larger than {limit} bytes")


@dataclass(frozen=True)
class BodyLimits:
    """`default` bytes for every request; a larger limit for paths matching a pattern."""

    default: int
    larger: tuple[tuple[re.Pattern[str], int], ...] = ()

    def for_path(self, path: str) -> int:
        for pattern, limit in self.larger:
            if pattern.search(path):
                return limit
        return self.default


class BodyLimitMiddleware:
    """A 413 problem for a body over the limit, before the app reads any of it.

    A `Content-Length` over the limit is answered at once; a body without one (chunked) is
    counted as it streams in, and the read that crosses the limit raises `BodyTooLarge`,
    which the app's problem handlers answer (FastAPI re-raises HTTP exceptions from reading).
    """

    def __init__(self, app: ASGIApp, limits: BodyLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.for_path(scope["path"])
        declared = Headers(scope=scope).get("content-length")
        if declared is not None:
            try:
                too_large = int(declared) > limit
            except ValueError:
                await send_problem(
                    send, 400, "Bad Request", "bad-request", "Content-Length is not a number"
                )
                return
            if too_large:
                await send_problem(
                    send,
                    413,
                    "Content Too Large",
                    "payload-too-large",
                    f"The request body is larger than {limit} bytes",
                    limit=limit,
                )
                return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await send_problem(
                send,
                413,
                "Content Too Large",
                "payload-too-large",
                f"The request body is larger than {limit} bytes",
                limit=limit,
            )


# --- response headers -------------------------------------------------------------------


class NoStoreMiddleware:
    """`Cache-Control: no-store` and `nosniff` on every response but health and the public
    catalogue: anything else may carry a person's data (the letter PDFs too). `under`
    narrows it to one prefix (the gateway: `/api/`, not the SPA's files)."""

    def __init__(self, app: ASGIApp, under: str = "/") -> None:
        self.app = app
        self.under = under

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        private = path.startswith(self.under) and not is_open_path(path)

        async def _send(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                if private:
                    headers["Cache-Control"] = "no-store"
                    headers.setdefault("Pragma", "no-cache")
            await send(message)

        await self.app(scope, receive, _send)


class SecurityHeadersMiddleware:
    """The one origin's security headers (as `infra/nginx.conf` sends them) on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = content_security_policy(scope["path"])

        async def _send(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = csp
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, _send)


# --- rate limiting ----------------------------------------------------------------------


class TokenBuckets:
    """One token bucket per client: `rate` tokens a second, at most `burst` saved up.

    In-process and bounded (the least recently seen clients are forgotten first), which is
    enough to stop one client hammering one replica; `take` returns the seconds to wait, or 0.
    """

    def __init__(self, rate: float, burst: int, max_clients: int = 10_000) -> None:
        self.rate = rate
        self.burst = float(burst)
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, client: str, now: float | None = None) -> float:
        now = time.monotonic() if now is None else now
        tokens, stamp = self._buckets.pop(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - stamp) * self.rate)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / self.rate if self.rate > 0 else 60.0
        self._buckets[client] = (tokens, now)
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        return wait


def client_key(scope: Scope) -> str:
    """Who is calling: the token's issuer and subject (read unverified: this only picks a
    bucket; the token is verified later), else the address the request came from."""
    authorization = Headers(scope=scope).get("authorization", "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() == "bearer" and token:
        try:
            claims = jwt.decode(token.strip(), options={"verify_signature": False})
        except jwt.PyJWTError:
            claims = {}
        if isinstance(claims, dict) and claims.get("sub"):
            return f"sub:{claims.get('iss')}:{claims.get('sub')}"
    client = scope.get("client")
    return f"addr:{client[0] if client else 'unknown'}"


class RateLimitMiddleware:
    """A 429 problem with `Retry-After` when a client writes (or, with `methods=None`,
    calls) faster than its bucket allows."""

    def __init__(
        self,
        app: ASGIApp,
        buckets: TokenBuckets,
        methods: frozenset[str] | None = WRITE_METHODS,
    ) -> None:
        self.app = app
        self.buckets = buckets
        self.methods = methods

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (
            self.methods is not None and scope["method"] not in self.methods
        ):
            await self.app(scope, receive, send)
            return
        wait = self.buckets.take(client_key(scope))
        if wait > 0:
            retry_after = max(1, math.ceil(wait))
            await send_problem(
                send,
                429,
                "Too Many Requests",
                "too-many-requests",
                "Too many requests from this client; try again later",
                headers=[("Retry-After", str(retry_after))],
            )
            return
        await self.app(scope, receive, send)


# --- production start-up ----------------------------------------------------------------

DEV_ISSUERS = frozenset({"mestring-dev", "mestring-test", "mestring-demo-loader"})
DEFAULT_PASSWORDS = frozenset({"mestring", "postgres", "password", "changeme", "secret"})
"""Known defaults (the compose file's fallbacks among them). No password in the URL is fine:
it may come from a password file, a client certificate or the platform."""
DEV_JWKS_PATH = "/api/dev/"


def _password_of(url: str) -> str | None:
    match = re.match(r"^[a-z0-9+]+://(?P<user>[^:@/]*)(?::(?P<password>[^@/]*))?@", url)
    if match is None:
        return None
    return match.group("password")


def production_problems(settings: Any, environ: dict[str, str] | None = None) -> list[str]:
    """Why `settings` must not run in production (empty when they may)."""
    environ = dict(os.environ) if environ is None else environ
    problems = []
    if settings.auth_issuer in DEV_ISSUERS:
        problems.append(f"MESTRING_AUTH_ISSUER is the dev issuer ({settings.auth_issuer!r})")
    if settings.auth_jwks_url and DEV_JWKS_PATH in settings.auth_jwks_url:
        problems.append("MESTRING_AUTH_JWKS_URL points at the dev token issuer")
    if environ.get("MESTRING_DEV_KEY_FILE"):
        problems.append("MESTRING_DEV_KEY_FILE is set: dev signing keys are for development")
    if settings.database_url:
        password = _password_of(settings.database_url)
        if password is not None and password in DEFAULT_PASSWORDS:
            problems.append("the database URL has a default password")
    return problems


def refuse_unsafe_production(settings: Any) -> None:
    """In production (`MESTRING_ENV=production`) refuse to start on any `production_problems`."""
    if not settings.is_production:
        return
    problems = production_problems(settings)
    if problems:
        raise RuntimeError("Refusing to start in production: " + "; ".join(problems))


__all__ = [
    "CSP",
    "DOCS_CSP",
    "SECURITY_HEADERS",
    "BodyLimitMiddleware",
    "BodyLimits",
    "NoStoreMiddleware",
    "RateLimitMiddleware",
    "SecurityHeadersMiddleware",
    "TokenBuckets",
    "content_security_policy",
    "production_problems",
    "refuse_unsafe_production",
]


# --- requests in flight -----------------------------------------------------------------


class InFlightLimitMiddleware:
    """A 503 problem with `Retry-After` at once when the worker already has `limit` requests
    in flight, so beyond capacity a request is told to come back instead of queueing for
    seconds behind the others (issue 12: overload answered quickly, memory bounded). Health
    probes are always let through, so an orchestrator sees a busy service as alive."""

    def __init__(self, app: ASGIApp, limit: int, retry_after_seconds: int = 2) -> None:
        self.app = app
        self.limit = limit
        self.retry_after = str(retry_after_seconds)
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "/health" in scope["path"]:
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            await send_problem(
                send,
                503,
                "Service Unavailable",
                "overloaded",
                "The service is busy; try again shortly",
                headers=[("Retry-After", self.retry_after)],
            )
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1

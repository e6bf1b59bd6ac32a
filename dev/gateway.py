"""The dev gateway: one origin for the SPA, the dev issuer and every `/api/<service>/`.

It stands in for nginx when running on one machine: it serves the built SPA
(with index.html for client-side routes) and proxies each service's prefix
to the service over HTTP, answering a 503 problem when the service is down.
It sends the security headers `infra/nginx.conf` sends (both from
`shared.hardening`), refuses bodies over nginx's `client_max_body_size`, and
marks every API answer `Cache-Control: no-store`.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
from multidict import CIMultiDict
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response, StreamingResponse
from starlette.routing import Route
from yarl import URL

from dev.issuer import SigningKey, create_issuer_app
from shared.hardening import (
    BodyLimitMiddleware,
    BodyLimits,
    NoStoreMiddleware,
    SecurityHeadersMiddleware,
)
from shared.problems import problem_response
from shared.settings import SERVICE_NAMES, ServiceSettings

HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailers",
    "transfer-encoding",
    "upgrade",
    "host",
    "content-length",
}
MAX_CONNECTIONS = 400
"""One client shared by every request of a gateway process, its connections to the services
kept open for 30 s and reused. aiohttp rather than httpx: a proxied request cost the gateway
≈ 3.2 ms of CPU through httpx (docs/performance.md)."""
MAX_BODY_BYTES = 25 * 1024 * 1024
"""As nginx's `client_max_body_size 25m`; each service has its own, smaller, limit too."""
NO_BODY = {204, 304}
"""Answers sent without a body or a Content-Length."""
BUFFERED_BYTES = 1024 * 1024
"""An answer up to this size (by its Content-Length) is read whole and sent on in one piece;
a larger one, or one of unknown length (a PDF, an export), is streamed through."""


def create_app() -> Starlette:
    settings = ServiceSettings()
    key_file = Path(os.environ.get("MESTRING_DEV_KEY_FILE", ".data/dev-issuer-key.pem"))
    spa_dir = Path(os.environ.get("MESTRING_SPA_DIR", "frontend/dist")).resolve()
    upstreams = {name: settings.service_url(name) for name in SERVICE_NAMES}
    client_holder: dict[str, aiohttp.ClientSession] = {}

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        client_holder["http"] = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=MAX_CONNECTIONS, keepalive_timeout=30),
            timeout=aiohttp.ClientTimeout(total=60, connect=2),
            auto_decompress=False,  # bodies pass through as the service encoded them
            skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding"),
        )
        try:
            yield
        finally:
            await client_holder["http"].close()

    def unavailable(service: str) -> Response:
        return problem_response(
            503,
            "A service this depends on is unavailable",
            slug="service-unavailable",
            detail=f"The {service} service did not answer",
            service=service,
            headers={"Retry-After": "5"},
        )

    async def proxy(request: Request) -> Response:
        service = request.path_params["service"]
        upstream = upstreams.get(service)
        if upstream is None:
            return problem_response(
                404, "Not Found", slug="not-found", detail=f"No service {service!r}"
            )
        # The path as the client sent it (still percent-encoded), so bytes that are not UTF-8
        # reach the service, which answers them with a problem, instead of failing here.
        raw_path = request.scope.get("raw_path") or request.url.path.encode()
        try:
            url = f"{upstream}{raw_path.decode('ascii')}"
        except UnicodeDecodeError:
            return problem_response(
                400, "Bad Request", slug="bad-request", detail="The path is not valid"
            )
        query = request.scope.get("query_string", b"")
        if query:
            url += f"?{query.decode('latin-1')}"
        try:
            target = URL(url, encoded=True)
        except ValueError:
            return problem_response(
                400, "Bad Request", slug="bad-request", detail="The address is not valid"
            )
        headers = [
            (k.decode("latin-1"), v.decode("latin-1"))
            for k, v in request.scope["headers"]
            if k.decode("latin-1").lower() not in HOP_BY_HOP
        ]
        body = await request.body()
        session = client_holder["http"]
        try:
            answer = await session.request(
                request.method,
                target,
                headers=CIMultiDict(headers),
                data=body or None,
                allow_redirects=False,
            )
        except (TimeoutError, aiohttp.ClientError):
            return unavailable(service)
        except ValueError:  # raised before sending: a header the request cannot carry on
            return problem_response(
                400,
                "Bad Request",
                slug="bad-request",
                detail="A header of the request is not valid",
            )
        response_headers = [
            (k, v) for k, v in answer.headers.items() if k.lower() not in HOP_BY_HOP
        ]
        length = answer.content_length
        if length is not None and length <= BUFFERED_BYTES:
            try:
                content = await answer.read()
            except (TimeoutError, aiohttp.ClientError):
                return unavailable(service)
            finally:
                answer.release()
            sent = Response(content, status_code=answer.status)
            sent.raw_headers = [
                (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in response_headers
            ]
            if request.method == "HEAD" or answer.status not in NO_BODY:
                # a HEAD answer keeps the length the GET would have
                sent.raw_headers.append((b"content-length", str(length).encode()))
            return sent
        streamed = StreamingResponse(
            answer.content.iter_any(),
            status_code=answer.status,
            background=BackgroundTask(answer.release),
        )
        streamed.raw_headers = [
            (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in response_headers
        ]
        return streamed

    async def spa(request: Request) -> Response:
        relative = request.path_params.get("path", "")
        candidate = (spa_dir / relative).resolve()
        if relative and candidate.is_file() and spa_dir in candidate.parents:
            cache = (
                "public, max-age=31536000, immutable"
                if "/assets/" in str(candidate)
                else "no-cache"
            )
            return FileResponse(candidate, headers={"Cache-Control": cache})
        if relative.startswith("api/"):
            return problem_response(404, "Not Found", slug="not-found")
        index = spa_dir / "index.html"
        if not index.is_file():
            return HTMLResponse(
                "<!doctype html><html lang='nb'><title>Mestring</title>"
                "<p>Nettleserappen er ikke bygd. Kjør <code>make run</code>.</p></html>",
                status_code=503,
            )
        return FileResponse(index, headers={"Cache-Control": "no-cache"})

    routes: list[Route] = [
        Route(
            "/api/{service}/{rest:path}",
            proxy,
            methods=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"],
        ),
        Route("/{path:path}", spa, methods=["GET", "HEAD"]),
    ]
    if not settings.is_production:
        issuer = create_issuer_app(
            SigningKey.load_or_create(key_file),
            settings.env,
            settings.auth_issuer,
            settings.auth_audience,
        )
        routes.insert(0, Route("/api/dev/{rest:path}", issuer, methods=["GET", "POST"]))
    middleware = [
        Middleware(SecurityHeadersMiddleware),
        Middleware(NoStoreMiddleware, under="/api/"),
        Middleware(BodyLimitMiddleware, limits=BodyLimits(MAX_BODY_BYTES)),
    ]
    return Starlette(routes=routes, lifespan=lifespan, middleware=middleware)

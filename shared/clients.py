"""Calls from one service to another over HTTP.

The caller's token and request id travel along; only idempotent requests are
retried; a service that is down or too slow becomes a 503 problem naming it.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any
from urllib.parse import quote

import httpx
from asgi_correlation_id import correlation_id
from fastapi import Depends, Request

from shared.auth import bearer_token
from shared.errors import NotFound, ServiceUnavailable
from shared.settings import ServiceSettings

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRYABLE_STATUSES = frozenset({502, 503, 504})
URL_SAFE = "/?=&%:@!$'()*+,;"
"""What a path passed to `request` keeps as it is; anything else is percent-encoded."""


class ServiceClient:
    """A client for one other service, bound to the current caller."""

    def __init__(
        self,
        service: str,
        base_url: str,
        http: httpx.AsyncClient,
        *,
        token: str | None = None,
        retries: int = 2,
    ) -> None:
        self.service = service
        self.base_url = base_url.rstrip("/")
        self.http = http
        self.token = token
        self.retries = retries

    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request_id = correlation_id.get()
        if request_id:
            headers["X-Request-ID"] = request_id
        return headers

    async def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        method = method.upper()
        attempts = 1 + (self.retries if method in IDEMPOTENT_METHODS else 0)
        # Data in a path (a code typed into an import) may hold any character: percent-encode
        # what a URL cannot carry, keeping the path's own separators and any encoding in it.
        url = f"{self.base_url}{quote(path, safe=URL_SAFE, errors='surrogatepass')}"
        headers = {**self._headers(), **kwargs.pop("headers", {})}
        for attempt in range(attempts):
            try:
                response = await self.http.request(method, url, headers=headers, **kwargs)
            except (httpx.TransportError, httpx.TimeoutException) as exc:
                if attempt + 1 < attempts:
                    await asyncio.sleep(0.1 * 2**attempt)
                    continue
                raise ServiceUnavailable(
                    self.service,
                    f"The {self.service} service did not answer ({type(exc).__name__})",
                ) from exc
            if response.status_code in RETRYABLE_STATUSES and attempt + 1 < attempts:
                await asyncio.sleep(0.1 * 2**attempt)
                continue
            if response.status_code >= 500:
                raise ServiceUnavailable(
                    self.service, f"The {self.service} service answered {response.status_code}"
                )
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    async def get_json(self, path: str, *, not_found: str | None = None, **kwargs: Any) -> Any:
        """GET and decode; a 404 becomes `NotFound(not_found)` when given, and so does a 422
        (the other service says no such key can exist, e.g. a code with a NUL in it)."""
        response = await self.request("GET", path, **kwargs)
        if response.status_code in (404, 422) and not_found is not None:
            raise NotFound(not_found)
        if response.status_code >= 400:
            raise ServiceUnavailable(
                self.service,
                f"The {self.service} service refused the call ({response.status_code})",
            )
        return response.json()


def create_http_client(settings: ServiceSettings) -> httpx.AsyncClient:
    timeout = httpx.Timeout(settings.http_read_timeout, connect=settings.http_connect_timeout)
    return httpx.AsyncClient(timeout=timeout, limits=httpx.Limits(max_connections=50))


def client_for(service: str) -> Any:
    """A dependency giving a `ServiceClient` for `service`, carrying the caller's token."""

    def _dependency(request: Request) -> ServiceClient:
        settings: ServiceSettings = request.app.state.settings
        return ServiceClient(
            service,
            settings.service_url(service),
            request.app.state.http,
            token=bearer_token(request),
            retries=settings.http_retries,
        )

    return Depends(_dependency)


CatalogueClient = Annotated[ServiceClient, client_for("catalogue")]
IntakeClient = Annotated[ServiceClient, client_for("intake")]

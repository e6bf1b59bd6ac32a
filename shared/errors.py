"""Domain errors, and the RFC 9457 problem body each one becomes.

Pure on purpose: no web framework is imported here, so `domain/` code can
raise these without knowing HTTP. `shared.problems.install_problem_handlers`
maps each error to its response once.
"""

from __future__ import annotations

from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "https://mestring.no/problems/"


class MestringError(Exception):
    """Base of every error that becomes a problem response."""

    status: int = 500
    slug: str = "internal"
    title: str = "Internal error"

    def __init__(self, detail: str | None = None, **extra: Any) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.extra = extra

    def headers(self) -> dict[str, str]:
        return {}


class NotFound(MestringError):
    status, slug, title = 404, "not-found", "Not found"


class Conflict(MestringError):
    status, slug, title = 409, "conflict", "Conflict"


class PreconditionFailed(MestringError):
    """The `If-Match` version is stale: somebody else changed the document."""

    status, slug, title = 412, "precondition-failed", "The document has changed"


class PreconditionRequired(MestringError):
    status, slug, title = 428, "precondition-required", "If-Match header required"


class Unauthorized(MestringError):
    status, slug, title = 401, "unauthorized", "Authentication required"

    def headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": 'Bearer realm="mestring"'}


class Forbidden(MestringError):
    status, slug, title = 403, "forbidden", "Forbidden"


class ServiceUnavailable(MestringError):
    """A service this one depends on is down or too slow."""

    status, slug, title = 503, "service-unavailable", "A service this depends on is unavailable"

    def __init__(self, service: str, detail: str | None = None) -> None:
        super().__init__(detail or f"The {service} service did not answer", service=service)
        self.service = service

    def headers(self) -> dict[str, str]:
        return {"Retry-After": "5"}


class RuleViolation(MestringError):
    """Input that is well-formed but breaks a rule; names the field."""

    status, slug, title = 422, "validation", "The request breaks a rule"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.errors = [{"field": field, "message": message}]


class RuleViolations(RuleViolation):
    """Several rows or fields that break rules at once (an import names every bad row)."""

    def __init__(self, errors: Sequence[tuple[str, str]], detail: str | None = None) -> None:
        first_field, first_message = errors[0]
        super().__init__(first_field, first_message)
        self.detail = detail or f"{len(errors)} problem(s); nothing was stored"
        self.errors = [{"field": field, "message": message} for field, message in errors]


def problem_body(
    status: int,
    title: str,
    *,
    slug: str | None = None,
    detail: str | None = None,
    instance: str | None = None,
    errors: Sequence[dict[str, str]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """The JSON of a problem response (`type`, `title`, `status`, ...)."""
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + slug if slug else "about:blank",
        "title": title,
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = list(errors)
    body.update(extra)
    return body


STATUS_SLUGS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    412: "precondition-failed",
    413: "payload-too-large",
    415: "unsupported-media-type",
    422: "validation",
    428: "precondition-required",
    429: "too-many-requests",
    503: "service-unavailable",
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: document each error status as problem+json."""
    return {
        status: {
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }

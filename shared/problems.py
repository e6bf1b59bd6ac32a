"""The one place that turns every error of an app into RFC 9457 problem+json.

The errors themselves live in `shared.errors`, free of any framework, so that
`domain/` can raise them; this module is the web side.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from shared.errors import PROBLEM_MEDIA_TYPE, STATUS_SLUGS, MestringError, problem_body
from shared.overload import install_overload_handlers

log = structlog.get_logger("mestring.errors")


def problem_response(
    status: int,
    title: str,
    *,
    slug: str | None = None,
    detail: str | None = None,
    instance: str | None = None,
    errors: Sequence[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body = problem_body(
        status, title, slug=slug, detail=detail, instance=instance, errors=errors, **extra
    )
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


UNSTORABLE_TEXT_SQLSTATES = frozenset({"22021", "22P05"})
"""PostgreSQL's «character not in repertoire» (a NUL in text) and «untranslatable character»."""


def _is_text_the_database_cannot_store(exc: BaseException) -> bool:
    """Text from the request that PostgreSQL refuses to hold: the caller's error, not ours."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if getattr(current, "sqlstate", None) in UNSTORABLE_TEXT_SQLSTATES:
            return True
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__
    return False


def _field_path(loc: Sequence[Any]) -> str:
    return ".".join(str(part) for part in loc)


def install_problem_handlers(app: FastAPI) -> None:
    """Every error path of the app answers problem+json; never HTML, never a trace."""
    install_overload_handlers(app)

    @app.exception_handler(MestringError)
    async def _domain(request: Request, exc: MestringError) -> JSONResponse:
        errors = getattr(exc, "errors", None)
        return problem_response(
            exc.status,
            exc.title,
            slug=exc.slug,
            detail=exc.detail,
            instance=request.url.path,
            errors=errors,
            headers=exc.headers(),
            **exc.extra,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"field": _field_path(err.get("loc", ())), "message": str(err.get("msg", ""))}
            for err in exc.errors()
        ]
        return problem_response(
            422,
            "The request is not valid",
            slug="validation",
            detail="One or more fields are missing or invalid.",
            instance=request.url.path,
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        try:
            title = HTTPStatus(status).phrase
        except ValueError:
            title = "Error"
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != title else None
        return problem_response(
            status,
            title,
            slug=STATUS_SLUGS.get(status),
            detail=detail,
            instance=request.url.path,
            headers=dict(exc.headers or {}),
        )

    overload = app.exception_handlers.get(DBAPIError)

    @app.exception_handler(DBAPIError)
    async def _database(request: Request, exc: DBAPIError) -> Response:
        if _is_text_the_database_cannot_store(exc):
            return problem_response(
                422,
                "The request is not valid",
                slug="validation",
                detail="The text holds a character that cannot be stored (such as NUL).",
                instance=request.url.path,
                errors=[],
            )
        if overload is None:
            raise exc
        answer = overload(request, exc)
        return await answer if inspect.isawaitable(answer) else answer

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", path=request.url.path)
        return problem_response(
            500,
            "Internal error",
            slug="internal",
            detail="Something went wrong on our side. The error has been logged.",
            instance=request.url.path,
        )


__all__ = ["install_problem_handlers", "problem_response"]

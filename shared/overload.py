"""Overload and database outage answered as 503 with `Retry-After`, never as a 500.

A request that waits longer than the pool timeout for a database connection
(the service is beyond its capacity), whose statement runs past the
statement timeout, or that cannot reach PostgreSQL at all (a restart, a
failover) gets `503 Service Unavailable` as problem+json with `Retry-After`,
so clients and the gateway back off and retry instead of piling up. Once
PostgreSQL is back the pool reconnects by itself. Any other database error is
a genuine fault and stays a 500.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sa

from shared.errors import PROBLEM_MEDIA_TYPE, problem_body

RETRY_AFTER_SECONDS = 2
TRANSIENT_SQLSTATES = {
    "57014",  # query_canceled: the statement timeout
    "57P01",  # admin_shutdown
    "57P02",  # crash_shutdown
    "57P03",  # cannot_connect_now: starting up or shutting down
    "53300",  # too_many_connections
    "40P01",  # deadlock_detected
}
"""PostgreSQL error codes that mean «not now» rather than «wrong» (class 08 too: connection)."""


def _raised_by_the_database_driver(error: BaseException) -> bool:
    """An OSError from connecting to PostgreSQL, not from a file or another service."""
    frame = error.__traceback__
    while frame is not None:
        module = frame.tb_frame.f_globals.get("__name__", "")
        if module.startswith(("asyncpg", "sqlalchemy")):
            return True
        frame = frame.tb_next
    return False


def is_transient(error: BaseException) -> bool:
    """Whether a database error means the database is busy or away, not that the request or
    the code is wrong."""
    if isinstance(error, sa.TimeoutError):
        return True
    if isinstance(error, OSError):
        return _raised_by_the_database_driver(error)
    if isinstance(error, sa.DBAPIError):
        if error.connection_invalidated:
            return True
        origin = error.orig
        state = str(getattr(origin, "sqlstate", None) or getattr(origin, "pgcode", None) or "")
        if state.startswith("08") or state in TRANSIENT_SQLSTATES:
            return True
        cause = getattr(origin, "__cause__", None)
        return isinstance(cause, OSError | ConnectionError) or type(origin).__name__ in {
            "ConnectionDoesNotExistError",
            "InterfaceError",
        }
    return False


def unavailable(request: Request) -> JSONResponse:
    body = problem_body(
        503,
        "The service is busy or its database is unavailable",
        slug="service-unavailable",
        detail="Try again in a moment; nothing was changed.",
        instance=request.url.path,
    )
    return JSONResponse(
        body,
        status_code=503,
        media_type=PROBLEM_MEDIA_TYPE,
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def install_overload_handlers(app: FastAPI) -> None:
    """503 + Retry-After for a pool timeout, a statement timeout or an unreachable database."""

    async def _database(request: Request, error: Exception) -> JSONResponse:
        if not is_transient(error):
            raise error
        return unavailable(request)

    for kind in (sa.TimeoutError, sa.DBAPIError, OSError):
        app.add_exception_handler(kind, _database)


__all__ = ["install_overload_handlers", "is_transient"]

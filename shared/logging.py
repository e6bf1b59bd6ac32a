"""JSON logs with the request id on every line, and no national id or name in any of them.

`mask_personal_data` (a structlog processor) and `MaskingFilter` (for the standard library's
loggers: uvicorn's access lines carry query strings) replace every 11-digit number (a
fødselsnummer or D-nummer) with asterisks, blank the values of fields that name a person,
and drop the parameters SQLAlchemy and pydantic copy into error messages.
"""

from __future__ import annotations

import logging
import re
import sys
import time
from typing import Any

import structlog
from asgi_correlation_id import correlation_id
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def _add_request_id(
    _: object, __: str, event_dict: structlog.types.EventDict
) -> structlog.types.EventDict:
    request_id = correlation_id.get()
    if request_id:
        event_dict["request_id"] = request_id
    return event_dict


# Eleven digits standing alone (or 6 + 5 with a separator): a hex request id or a
# hash that happens to hold eleven digits in a row is not a national id.
NATIONAL_ID = re.compile(r"(?<![0-9A-Za-z])\d{6}[ .-]?\d{5}(?![0-9A-Za-z])")
NATIONAL_ID_MASK = "*" * 11
PERSONAL_KEYS = frozenset(
    {
        "name",
        "names",
        "full_name",
        "first_name",
        "middle_name",
        "last_name",
        "given_name",
        "family_name",
        "national_id",
        "fnr",
        "fodselsnummer",
        "address",
        "phone",
        "email",
    }
)
REDACTED = "[redacted]"
_SQL_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\n|$)", re.DOTALL)
_PYDANTIC_INPUT = re.compile(r"input_value=.*?(?=, input_type=|\]$|$)", re.MULTILINE)


def mask_text(text: str) -> str:
    """`text` with national ids masked and copied SQL or pydantic input left out."""
    text = _SQL_PARAMETERS.sub("[parameters: hidden]", text)
    text = _PYDANTIC_INPUT.sub("input_value=hidden", text)
    return NATIONAL_ID.sub(NATIONAL_ID_MASK, text)


def _mask_value(value: Any) -> Any:
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, dict):
        return {
            key: REDACTED if str(key).lower() in PERSONAL_KEYS else _mask_value(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple | set):
        return [_mask_value(item) for item in value]
    if isinstance(value, int) and not isinstance(value, bool) and NATIONAL_ID.fullmatch(str(value)):
        return NATIONAL_ID_MASK
    return value


def mask_personal_data(
    _: object, __: str, event_dict: structlog.types.EventDict
) -> structlog.types.EventDict:
    """A structlog processor: national ids masked, personal fields redacted, everywhere."""
    return {
        key: REDACTED if key.lower() in PERSONAL_KEYS else _mask_value(value)
        for key, value in event_dict.items()
    }


class MaskingFilter(logging.Filter):
    """The same masking for the standard library's log records (uvicorn, SQLAlchemy)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg = mask_text(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = mask_text(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


_STDLIB_LOGGERS = ("", "uvicorn", "uvicorn.access", "uvicorn.error", "sqlalchemy", "asyncio")


def _install_masking_filter() -> None:
    for name in _STDLIB_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, MaskingFilter) for f in logger.filters):
            logger.addFilter(MaskingFilter())
        for handler in logger.handlers:
            if not any(isinstance(f, MaskingFilter) for f in handler.filters):
                handler.addFilter(MaskingFilter())


def configure_logging(level: str = "INFO", json_output: bool = True) -> None:
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer() if json_output else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            _add_request_id,
            structlog.processors.format_exc_info,
            mask_personal_data,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(sys.stdout),
        cache_logger_on_first_use=True,
    )
    _install_masking_filter()


class AccessLogMiddleware:
    """One structured line per request: method, path, status, milliseconds."""

    def __init__(self, app: ASGIApp, service: str) -> None:
        self.app = app
        self.log = structlog.get_logger("mestring.http").bind(service=service)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def _send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, _send)
        finally:
            self.log.info(
                "request",
                method=scope["method"],
                path=scope["path"],
                status=status,
                ms=round((time.perf_counter() - started) * 1000, 1),
            )

"""Optimistic concurrency: `ETag` on reads, `If-Match` required on updates."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Response

from shared.errors import PreconditionFailed, PreconditionRequired, RuleViolation


def etag_for(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_for(version)


async def _parse_if_match(
    if_match: Annotated[
        str | None,
        Header(alias="If-Match", description="The ETag of the version you edited"),
    ] = None,
) -> int:
    if if_match is None:
        raise PreconditionRequired("Send If-Match with the ETag of the version you edited")
    value = if_match.strip().removeprefix("W/").strip('"')
    if not value.isdigit():
        raise RuleViolation("header.If-Match", 'If-Match must be an ETag such as "3"')
    return int(value)


IfMatchVersion = Annotated[int, Depends(_parse_if_match)]


def check_version(expected: int, actual: int) -> None:
    """Refuse an edit made on a stale copy (412)."""
    if expected != actual:
        raise PreconditionFailed(
            f"You edited version {expected}, but the current version is {actual}. "
            "Fetch it again and redo your change."
        )

"""The 409s a route can answer, each named by its problem type in the OpenAPI document."""

from __future__ import annotations

from typing import Any

from shared.errors import PROBLEM_BASE, PROBLEM_MEDIA_TYPE, MestringError, problem_responses


def conflicts(*errors: type[MestringError]) -> dict[int | str, dict[str, Any]]:
    """`responses=` entry for 409: one line per problem type (`type` URI: title)."""
    types = "; ".join(f"`{PROBLEM_BASE}{e.slug}`: {e.title}" for e in errors)
    return {
        409: {
            "description": f"Conflict. The problem's `type` is one of: {types}",
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
    }


def errors(*statuses: int, conflict: tuple[type[MestringError], ...] = ()) -> dict[int | str, Any]:
    """`problem_responses(*statuses)` with the 409's problem types spelled out."""
    return {**problem_responses(*statuses), **(conflicts(*conflict) if conflict else {})}

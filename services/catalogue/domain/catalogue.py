"""When a service type is in force, and what the public may see."""

from __future__ import annotations

from datetime import date


def is_active(active_from: date, active_to: date | None, on: date) -> bool:
    return active_from <= on and (active_to is None or on <= active_to)


def is_public(published: bool, active_from: date, active_to: date | None, on: date) -> bool:
    """A citizen sees a service that is published and in force today."""
    return published and is_active(active_from, active_to, on)

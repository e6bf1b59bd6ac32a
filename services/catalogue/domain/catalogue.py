"""When a service type is offered, and what the public may see."""

from __future__ import annotations

from datetime import date


def is_active(active_from: date, active_to: date | None, on: date) -> bool:
    """A service type is offered from `active_from` through `active_to` (open-ended if None).

    A service that is no longer offered stays in the catalogue, so the decisions
    made on it can still name it. The repository's SQL
    (`repositories.service_types.offered_on`) states the same rule for queries.
    """
    return active_from <= on and (active_to is None or on <= active_to)


def is_public(published: bool, active_from: date, active_to: date | None, on: date) -> bool:
    """A citizen sees a service that is published and offered today.

    The municipality guides people about the services it offers (the duty to
    guide, forvaltningsloven § 11), and its criteria for long-term places are
    a published local forskrift (hol § 3-2 a).
    SQL twin: `repositories.service_types.published_on`.
    """
    return published and is_active(active_from, active_to, on)

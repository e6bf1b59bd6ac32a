"""When a service type is offered, and what the public may see."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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


def is_bpa(legal_basis: Sequence[Mapping[str, str]]) -> bool:
    """Whether a service type is brukerstyrt personlig assistanse: its legal basis cites
    pasient- og brukerrettighetsloven § 2-1 d, the right to BPA (the duty to offer it is
    hol § 3-8). Intake then assesses that right (under 67, over two years, 25 or 32 hours
    a week) for the decision."""
    return any(_is_pbrl(basis) and "2-1 d" in basis.get("section", "") for basis in legal_basis)


def _is_pbrl(basis: Mapping[str, str]) -> bool:
    return basis.get("short") == "pbrl" or basis.get("law", "").startswith(
        "pasient- og brukerrettighetsloven"
    )

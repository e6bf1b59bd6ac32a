"""Schemas that cross a service boundary, so producers and consumers cannot drift apart."""

from shared.schemas.common import (
    DATE_FORMAT,
    LocalizedText,
    Page,
    Problem,
    ProblemFieldError,
)
from shared.schemas.events import EventEnvelope
from shared.schemas.roles import Role

__all__ = [
    "DATE_FORMAT",
    "EventEnvelope",
    "LocalizedText",
    "Page",
    "Problem",
    "ProblemFieldError",
    "Role",
]

"""The catalogue's contracts: the events in its feed and the answers other services parse.

Producer (the catalogue) and consumers (intake, coordination, welfaretech,
quality) import these same models, so a renamed field breaks at both ends at
once instead of in production.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import ClassVar

from pydantic import Field

from shared.schemas.events import EventPayload

# Events ------------------------------------------------------------------------


class CareLevelCreated(EventPayload):
    """A step was added to the municipality's staircase."""

    event_type: ClassVar[str] = "care_level.created"

    id: uuid.UUID
    code: str
    rank: int
    by: str = Field(description="`sub` of the admin who added it")


class CareLevelChanged(EventPayload):
    """A step was renamed or moved; `fields` names what changed."""

    event_type: ClassVar[str] = "care_level.changed"

    id: uuid.UUID
    code: str
    rank: int
    fields: list[str]
    by: str


class ServiceTypeCreated(EventPayload):
    """A service type was added, perhaps with its first criteria version."""

    event_type: ClassVar[str] = "service_type.created"

    id: uuid.UUID
    code: str
    care_level: str
    active_from: date
    active_to: date | None
    published: bool
    criteria_version: int | None = Field(description="The first criteria version, if any")
    by: str


class ServiceTypeChanged(EventPayload):
    """A service type's fields changed (criteria change only by `criteria.versioned`)."""

    event_type: ClassVar[str] = "service_type.changed"

    id: uuid.UUID
    code: str
    fields: list[str]
    by: str


class CriteriaVersioned(EventPayload):
    """A new version of a service type's allocation criteria, in force from `effective_from`."""

    event_type: ClassVar[str] = "criteria.versioned"

    code: str = Field(description="The service type's code")
    version: int
    effective_from: date
    by: str


class UnitCreated(EventPayload):
    """A provider unit was added with the service types it delivers."""

    event_type: ClassVar[str] = "unit.created"

    id: uuid.UUID
    code: str
    kind: str
    service_types: list[str]
    by: str

"""The event envelope every service's feed serves, and the typed payload of each event.

Every event type has one pydantic model per version (`EventPayload` subclasses,
declared beside the producer's other contracts in `shared/schemas/<service>.py`),
so the producer and every consumer read the same fields. Payloads carry ids,
codes, dates and what changed, never free-text health data: that stays behind
the API, where need to know is checked and access is logged.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field


class EventPayload(BaseModel):
    """Base of every event's data: `event_type` and `event_version` name it in the feed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    event_type: ClassVar[str]
    event_version: ClassVar[int] = 1
    registry: ClassVar[dict[tuple[str, int], type[EventPayload]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "event_type" in cls.__dict__:
            key = (cls.event_type, cls.event_version)
            if key in EventPayload.registry and EventPayload.registry[key] is not cls:
                raise TypeError(f"Two payload models for {key}")
            EventPayload.registry[key] = cls


class EventEnvelope(BaseModel):
    sequence: int = Field(description="Position in this service's feed; pass as `after`")
    id: uuid.UUID
    type: str = Field(examples=["decision.made"])
    version: int = Field(default=1, description="Version of the payload model of this type")
    source: str = Field(description="The service that wrote the event")
    municipality: str
    subject: str | None = Field(default=None, description="The id of the thing it is about")
    occurred_at: datetime
    data: dict[str, Any]

    def payload(self) -> EventPayload | None:
        """The typed payload, or None for a type this code does not know (skip it)."""
        model = EventPayload.registry.get((self.type, self.version))
        return model.model_validate(self.data) if model is not None else None


class EventFeedPage(BaseModel):
    """A page of the feed, oldest first, and how far the feed reaches (for a consumer's lag)."""

    items: list[EventEnvelope]
    next_cursor: str | None = Field(
        default=None, description="Pass as `after` for the next page; null at the end"
    )
    last_sequence: int = Field(
        description="The newest sequence in the caller's feed (0 when empty)"
    )

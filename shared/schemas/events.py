"""The event envelope every service's feed serves."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class EventEnvelope(BaseModel):
    sequence: int = Field(description="Position in this service's feed; pass as `after`")
    id: uuid.UUID
    type: str = Field(examples=["decision.made"])
    source: str = Field(description="The service that wrote the event")
    municipality: str
    subject: str | None = Field(default=None, description="The id of the thing it is about")
    occurred_at: datetime
    data: dict[str, Any]

"""The event envelope every service's feed serves, and the typed payload of each event.

Every event type has one pydantic model per version (`EventPayload` subclasses,
declared beside the producer's other contracts in `shared/schemas/<service>.py`),
so the producer and every consumer read the same fields. Payloads carry ids,
codes, dates and what changed, never free-text health data: that stays behind
the API, where need to know is checked and access is logged.

That is enforced when a payload model is declared (`payload_problems`): a text
field must be a `Code` (a code, an id, a unit) or an enum, and no field may be
named for health content (need level, follow-ups, facts, considerations,
diagnoses, notes, goals, …). A consumer that needs such content fetches it
through the owning service's API with the ids in the payload.
"""

from __future__ import annotations

import types
import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Annotated, Any, ClassVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field


class _CodeMarker:
    """Marks a `str` field of an event payload as a code or an id, not free text."""

    def __repr__(self) -> str:
        return "Code"


CODE = _CodeMarker()
Code = Annotated[str, CODE]
"""A text field of a payload that holds a code, an id or a unit's code: never free text."""

HEALTH_CONTENT_FIELDS = frozenset(
    {
        "need_level",
        "needs_level",
        "follow_ups",
        "facts",
        "considerations",
        "diagnoses",
        "diagnosis",
        "note",
        "notes",
        "description",
        "goals",
        "goal",
        "purpose",
        "what_matters",
        "scores",
        "consent_capacity",
        "reason",
        "reasons",
        "comment",
        "text",
        "answers",
        "findings",
    }
)
"""Names of health content and free text that stay behind the API (need to know, access log)."""


def _is_free_text(annotation: Any, metadata: Iterable[Any] = ()) -> bool:
    if any(item is CODE for item in metadata):
        return False
    if annotation is str:
        return True
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is Annotated:
        return _is_free_text(args[0], args[1:])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return any(
            _is_free_text(f.annotation, f.metadata) for f in annotation.model_fields.values()
        )
    if origin in (Union, types.UnionType) or origin is not None:
        return any(_is_free_text(arg) for arg in args if arg is not Ellipsis)
    return False


def _mentions(annotation: Any, kinds: tuple[type, ...]) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, kinds):
        return True
    return any(_mentions(arg, kinds) for arg in get_args(annotation) if arg is not Ellipsis)


def payload_problems(model: type[BaseModel], health_types: Iterable[type] = ()) -> list[str]:
    """Why `model` may not be an event payload: free-text fields, fields named for health
    content, fields of one of `health_types` (a service's enums of health facts). Empty if
    it carries only ids, codes, dates, numbers, flags and enums."""
    kinds = tuple(health_types)
    problems = []
    for name, info in model.model_fields.items():
        if name in HEALTH_CONTENT_FIELDS:
            problems.append(f"{model.__name__}.{name}: health content stays behind the API")
        elif _is_free_text(info.annotation, info.metadata):
            problems.append(f"{model.__name__}.{name}: free text (declare a code as `Code`)")
        elif kinds and _mentions(info.annotation, kinds):
            problems.append(f"{model.__name__}.{name}: health facts stay behind the API")
    return problems


class EventPayload(BaseModel):
    """Base of every event's data: `event_type` and `event_version` name it in the feed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    event_type: ClassVar[str]
    event_version: ClassVar[int] = 1
    registry: ClassVar[dict[tuple[str, int], type[EventPayload]]] = {}
    subject_is_person: ClassVar[bool] = False
    """True for an event whose subject is the person it is about (it has no `person_id`)."""
    about_no_person: ClassVar[bool] = False
    """True for an event about the municipality's settings, not about anyone: reading it
    is not in any person's access log."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "event_type" in cls.__dict__:
            key = (cls.event_type, cls.event_version)
            if key in EventPayload.registry and EventPayload.registry[key] is not cls:
                raise TypeError(f"Two payload models for {key}")
            EventPayload.registry[key] = cls

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        problems = payload_problems(cls)
        if problems:
            raise TypeError("An event payload carries ids and codes only: " + "; ".join(problems))

    @classmethod
    def persons_concerned(cls, data: dict[str, Any], subject: str | None) -> list[uuid.UUID]:
        """The persons an event of this type is about (for the access log of a feed read):
        its `person_id`, or its subject when `subject_is_person`."""
        found = data.get("person_id") if "person_id" in cls.model_fields else None
        if found is None and cls.subject_is_person:
            found = subject
        try:
            return [uuid.UUID(str(found))] if found is not None else []
        except ValueError:
            return []


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

    def persons(self) -> list[uuid.UUID]:
        """The persons this event is about (none for a type this code does not know)."""
        model = EventPayload.registry.get((self.type, self.version))
        return model.persons_concerned(self.data, self.subject) if model is not None else []


class EventFeedPage(BaseModel):
    """A page of the feed, oldest first, and how far the feed reaches (for a consumer's lag)."""

    items: list[EventEnvelope]
    next_cursor: str | None = Field(
        default=None, description="Pass as `after` for the next page; null at the end"
    )
    last_sequence: int = Field(
        description="The newest sequence in the caller's feed (0 when empty)"
    )

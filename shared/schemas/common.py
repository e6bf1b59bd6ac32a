"""Problem, Page and localized text: the shapes every API speaks."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

DATE_FORMAT = "YYYY-MM-DD"

T = TypeVar("T")


class ProblemFieldError(BaseModel):
    field: str = Field(description="Dotted path of the offending field, e.g. body.name.nb")
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(default="about:blank", examples=["https://mestring.no/problems/not-found"])
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[ProblemFieldError] | None = None


class Page(BaseModel, Generic[T]):
    """One page of a list; pass `next_cursor` back as `cursor` for the next."""

    items: list[T]
    next_cursor: str | None = None


class LocalizedText(BaseModel):
    """A text in bokmål, nynorsk and English (bokmål is required)."""

    nb: str = Field(min_length=1)
    nn: str = ""
    en: str = ""

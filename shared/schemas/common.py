"""Problem, Page and localized text: the shapes every API speaks."""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

import phonenumbers
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

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


AnyPage = Page[Any]
"""A page of whatever a repository reads, held here: pydantic keeps a parametrised model only
while something refers to it, so `Page[Any](...)` in a request built the class anew after
each garbage collection (≈ 0.6 ms a request)."""


class LocalizedText(BaseModel):
    """A text in bokmål, nynorsk and English (bokmål is required)."""

    nb: str = Field(min_length=1)
    nn: str = ""
    en: str = ""


def _phone(raw: str) -> str:
    """A Norwegian number (8 digits, with or without +47) or an international one with its
    country code, written in the international format (+47 900 00 000)."""
    try:
        number = phonenumbers.parse(raw, "NO")
    except phonenumbers.NumberParseException as exc:
        raise ValueError(
            "Not a phone number: write 8 digits for a Norwegian number, or + and the country "
            "code for another country"
        ) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValueError(
            "Not a valid phone number: a Norwegian number has 8 digits; another country's "
            "starts with + and its country code"
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


PhoneNumber = Annotated[
    str,
    Field(
        min_length=3,
        max_length=30,
        examples=["+47 900 00 000", "900 00 000"],
        # The schema names the numbers surely accepted (Norwegian mobile numbers); the API
        # takes any number `phonenumbers` calls valid, other countries' with their code.
        json_schema_extra={"pattern": r"^(\+47 ?)?9[0-9]{2} ?[0-9]{2} ?[0-9]{3}$"},
    ),
    AfterValidator(_phone),
]
"""A phone number checked with the `phonenumbers` library and stored in international form."""

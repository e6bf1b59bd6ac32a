"""Finding persons: name search that ignores diacritics both ways, birth dates, national ids."""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date

_PLAIN = str.maketrans({"æ": "a", "ø": "o", "å": "a", "ß": "ss", "ð": "d", "þ": "th"})
"""Each Nordic letter as the plain letter it carries: «Græsli» is also found as «grasli»."""
_SPELLED = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
"""The two-letter spellings (Aase, Baek, Oedegaard) that people also type."""
_NATIONAL_ID = re.compile(r"^\d{11}$")
_BIRTH_DATE = re.compile(r"^(\d{2})\.?(\d{2})\.?(\d{2}|\d{4})$")


def _fold(text: str, table: dict[int, str]) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(table))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s-]", " ", plain).split())


def search_key(*parts: str | None) -> str:
    """The name folded for search: lower case, no accents, each Nordic letter as its plain
    letter («Åse Ødegård» → «ase odegard»), followed by the two-letter spelling of each word
    that has one («aase oedegaard»), so either way of typing finds the person."""
    text = " ".join(part for part in parts if part)
    plain = _fold(text, _PLAIN)
    spelled = [word for word in _fold(text, _SPELLED).split() if word not in plain.split()]
    return " ".join([plain, *spelled]).strip()


def query_tokens(query: str) -> list[str]:
    """The query's words folded like `search_key`'s first part; «Græsli», «græsli» and
    «grasli» all become «grasli»."""
    return _fold(query, _PLAIN).split()


def spelled_tokens(query: str) -> list[str]:
    """The query's words with Nordic letters spelled out («Åse» → «aase»), as people also
    register names («Aase»)."""
    return _fold(query, _SPELLED).split()


def looks_like_national_id(query: str) -> bool:
    return bool(_NATIONAL_ID.match(re.sub(r"[\s.-]", "", query)))


def _unshifted(day: int, month: int) -> tuple[int, int]:
    """The birth day and month in the first six digits of any national id: a D-number adds
    40 to the day, an H-number 40 to the month, a synthetic (Tenor) id 80 to the month."""
    if day > 40:
        day -= 40
    if month > 80:
        month -= 80
    elif month > 40:
        month -= 40
    return day, month


def birth_dates(query: str, today: date) -> list[date]:
    """The birth dates a query like «120438», «12.04.38» or «12.04.1938» can mean (the first
    six digits of a national id are the birth date, also of a D-number, an H-number or a
    synthetic id); none when it is not a date."""
    match = _BIRTH_DATE.match(query.strip().replace(" ", ""))
    if match is None:
        return []
    day, month, year = (int(part) for part in match.groups())
    if len(query.strip().replace(" ", "")) == 6:
        day, month = _unshifted(day, month)
    years = [year] if year >= 1000 else [1900 + year, 2000 + year]
    found = []
    for candidate in years:
        try:
            born = date(candidate, month, day)
        except ValueError:
            continue
        if born <= today:
            found.append(born)
    return found


@dataclass(frozen=True, slots=True)
class ListedPerson:
    """A person as lists show them (`PersonSummary`), read as plain columns."""

    id: uuid.UUID
    given_name: str
    family_name: str
    birth_date: date
    national_id: str
    city: str | None
    search_text: str = ""
    """Where the person comes in name order (read where a list pages in that order)."""

"""Finding persons: accent-insensitive name search and national-id lookups."""

from __future__ import annotations

import re
import unicodedata

_NORDIC = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss", "ð": "d", "þ": "th"})
_NATIONAL_ID = re.compile(r"^\d{11}$")


def search_key(*parts: str | None) -> str:
    """Lower case, no accents, æøå folded, single spaces: «Åse Ødegård» → «ase odegard»."""
    text = " ".join(part for part in parts if part).lower().translate(_NORDIC)
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s-]", " ", plain).split())


def query_tokens(query: str) -> list[str]:
    return search_key(query).split()


def looks_like_national_id(query: str) -> bool:
    return bool(_NATIONAL_ID.match(re.sub(r"[\s.-]", "", query)))

"""Reference data the catalogue ships: the law service types may cite (`law.json`)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from services.catalogue.domain.law import LawBook

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def law_book() -> LawBook:
    return LawBook.from_data(json.loads((HERE / "law.json").read_text(encoding="utf-8")))

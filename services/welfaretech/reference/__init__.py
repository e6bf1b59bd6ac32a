"""Reference data welfaretech ships: the legal basis for alarm and location technology
(`legal_basis.json`)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from services.welfaretech.domain.legal import LegalBasisRules

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def legal_basis_rules() -> LegalBasisRules:
    return LegalBasisRules.from_data(json.loads((HERE / "legal_basis.json").read_text("utf-8")))

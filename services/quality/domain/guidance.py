"""Reference data that guides the reporter: what each risk level means, examples per
category, and the checklist for a serious event; with their sources.

The text lives in `reference/risk_guidance.json` so that a municipality's own
wording, or a revised law, is a data change and not a code change.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from shared.schemas.common import LocalizedText
from shared.schemas.quality import DeviationCategory

GUIDANCE_FILE = Path(__file__).resolve().parents[1] / "reference" / "risk_guidance.json"


class Source(BaseModel):
    title: str
    url: str


class LevelText(BaseModel):
    level: int
    name: LocalizedText
    definition: LocalizedText


class ChecklistItem(BaseModel):
    code: str
    text: LocalizedText
    basis: str
    deadline: str


class Guidance(BaseModel):
    version: str
    note: str
    sources: list[Source]
    consequence: list[LevelText]
    probability: list[LevelText]
    examples: dict[DeviationCategory, dict[int, LocalizedText]]
    serious_event_checklist: list[ChecklistItem]


@lru_cache(maxsize=1)
def guidance() -> Guidance:
    return Guidance.model_validate_json(GUIDANCE_FILE.read_text(encoding="utf-8"))


def checklist_codes() -> list[str]:
    return [item.code for item in guidance().serious_event_checklist]

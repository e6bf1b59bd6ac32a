"""Ethical reflection before technology is implemented, as structured data.

Stange's plan (2.3) gives an eight-step «Sjekkliste for etisk refleksjon»:
tema/situasjon → berørte parter → verdier/prinsipper → dilemma →
handlingsalternativer → konsekvenser → hva bør gjøres → oppfølging. Selbu: «faglige,
etiske og juridiske vurderinger [skal] gjøres før teknologi blir implementert».
Each step is recorded in its own field, not as an afterthought in free text.
"""

from __future__ import annotations

from enum import StrEnum


class Step(StrEnum):
    situation = "situation"
    parties = "parties"
    values = "values"
    dilemma = "dilemma"
    alternatives = "alternatives"
    consequences = "consequences"
    what_should_be_done = "what_should_be_done"
    follow_up = "follow_up"


STEP_NAMES_NB = {
    Step.situation: "Tema / situasjon",
    Step.parties: "Berørte parter",
    Step.values: "Aktuelle verdier / prinsipper",
    Step.dilemma: "Hva er det etiske dilemma?",
    Step.alternatives: "Handlingsalternativer",
    Step.consequences: "Konsekvenser",
    Step.what_should_be_done: "Hva bør gjøres?",
    Step.follow_up: "Oppfølging",
}


def reflection_required(capacity: str) -> bool:
    """Stange (4.3): extra care where a measure affects autonomy and the person lacks (or may
    lack) capacity to consent: the reflection is then part of the assessment, not optional."""
    return capacity in ("no", "unclear")

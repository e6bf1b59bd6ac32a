"""IPLOS/KPR functional assessment: the variables, their scale, and what is derived from them.

The variables are reference data with a specification version, so a revision
of the national specification is a data change. Scores are 1–5, or 9 when
the variable is not relevant at the time of registration (Helsedirektoratet,
IPLOS veileder, «Vurdere bistandsbehov – skårmetodikk»); syn and hørsel have
their own scale. Derived values are computed, never typed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from statistics import fmean

NOT_RELEVANT = 9
SPEC_VERSION = "KPR-2024"


class Group(StrEnum):
    social = "social"
    cognitive = "cognitive"
    adl = "adl"
    iadl = "iadl"
    sensory = "sensory"


@dataclass(frozen=True)
class Variable:
    code: str
    group: Group
    nb: str
    nn: str
    en: str


VARIABLES: tuple[Variable, ...] = (
    Variable(
        "sosial_deltakelse",
        Group.social,
        "Sosial deltakelse",
        "Sosial deltaking",
        "Social participation",
    ),
    Variable(
        "beslutninger_dagligliv",
        Group.cognitive,
        "Beslutninger i dagliglivet",
        "Avgjerder i dagleglivet",
        "Decisions in daily life",
    ),
    Variable(
        "styre_atferd", Group.cognitive, "Styre atferd", "Styre åtferd", "Controlling behaviour"
    ),
    Variable(
        "ivareta_egen_helse",
        Group.iadl,
        "Ivareta egen helse",
        "Ta vare på eiga helse",
        "Looking after own health",
    ),
    Variable(
        "alminnelig_husarbeid", Group.iadl, "Alminnelig husarbeid", "Vanleg husarbeid", "Housework"
    ),
    Variable(
        "skaffe_varer_tjenester",
        Group.iadl,
        "Skaffe seg varer og tjenester",
        "Skaffe seg varer og tenester",
        "Obtaining goods and services",
    ),
    Variable("lage_mat", Group.iadl, "Lage mat", "Lage mat", "Preparing meals"),
    Variable("spise", Group.adl, "Spise", "Ete", "Eating"),
    Variable(
        "personlig_hygiene", Group.adl, "Personlig hygiene", "Personleg hygiene", "Personal hygiene"
    ),
    Variable(
        "av_og_pakledning",
        Group.adl,
        "Av- og påkledning",
        "Av- og påkledning",
        "Dressing and undressing",
    ),
    Variable("toalett", Group.adl, "Toalett", "Toalett", "Toileting"),
    Variable(
        "bevege_seg_innendors",
        Group.adl,
        "Bevege seg innendørs",
        "Bevege seg innandørs",
        "Moving indoors",
    ),
    Variable(
        "bevege_seg_utendors",
        Group.iadl,
        "Bevege seg utendørs",
        "Bevege seg utandørs",
        "Moving outdoors",
    ),
    Variable("hukommelse", Group.cognitive, "Hukommelse", "Hugs", "Memory"),
    Variable("kommunikasjon", Group.cognitive, "Kommunikasjon", "Kommunikasjon", "Communication"),
    Variable("syn", Group.sensory, "Syn", "Syn", "Vision"),
    Variable("horsel", Group.sensory, "Hørsel", "Høyrsel", "Hearing"),
)
BY_CODE = {variable.code: variable for variable in VARIABLES}
SENSORY_SCALE = (1, 2, 3, 4, NOT_RELEVANT)
FUNCTIONAL_SCALE = (1, 2, 3, 4, 5, NOT_RELEVANT)


class NeedLevel(StrEnum):
    """Bistandsbehov, as Helsedirektoratet groups users in national statistics."""

    limited = "limited"  # noe/avgrenset
    moderate_to_large = "moderate_to_large"  # middels til stort
    extensive = "extensive"  # omfattende


@dataclass(frozen=True)
class NeedLevelRule:
    """Thresholds on the mean of the scored (non-sensory, non-9) variables, after the groups
    of IPLOS samlemål for bistandsbehov (noe/avgrenset, middels til stort, omfattende).

    The municipality's own reference data with its source and version (an admin changes it
    in the intake settings): the default thresholds are Mestring's, labelled as the
    municipality's own rule, because they are not confirmed against Helsedirektoratet's
    published method.
    """

    source: str
    moderate_from: float
    extensive_from: float
    version: int = 0


NEED_LEVEL_RULE = NeedLevelRule(
    source=(
        "Kommunens egen regel (standard i Mestring, ikke bekreftet mot Helsedirektoratets "
        "publiserte samlemål): gjennomsnitt av funksjonsvariablene uten syn, hørsel og skår 9; "
        "under 2,5 noe/avgrenset, 2,5 til 3,5 middels til stort, fra 3,5 omfattende"
    ),
    moderate_from=2.5,
    extensive_from=3.5,
)


def check_rule(rule: NeedLevelRule) -> None:
    """The thresholds lie on the 1–5 scale, in order."""
    if not 1 < rule.moderate_from < rule.extensive_from <= 5:
        raise ValueError("The thresholds are on the 1–5 scale and moderate comes before extensive")


class ScoreError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def check_scores(scores: Mapping[str, int]) -> None:
    """Every variable is scored, each on its own scale."""
    unknown = sorted(set(scores) - set(BY_CODE))
    if unknown:
        raise ScoreError(unknown[0], f"Unknown functional variable {unknown[0]!r}")
    for variable in VARIABLES:
        if variable.code not in scores:
            raise ScoreError(
                variable.code, "Every functional variable is scored (9 if not relevant)"
            )
        scale = SENSORY_SCALE if variable.group == Group.sensory else FUNCTIONAL_SCALE
        if scores[variable.code] not in scale:
            allowed = ", ".join(str(s) for s in scale)
            raise ScoreError(variable.code, f"The score is one of {allowed}")


def _mean(scores: Mapping[str, int], groups: Sequence[Group]) -> float | None:
    values = [
        score
        for code, score in scores.items()
        if BY_CODE[code].group in groups and score != NOT_RELEVANT
    ]
    return round(fmean(values), 2) if values else None


@dataclass(frozen=True)
class Derived:
    """The means and the need level, with how the level was found: the rule, its thresholds
    and version, and how many scores the mean is of."""

    adl_mean: float | None
    iadl_mean: float | None
    cognitive_mean: float | None
    overall_mean: float | None
    need_level: NeedLevel | None
    scored: int = 0
    moderate_from: float | None = None
    extensive_from: float | None = None
    rule_version: int | None = None


def derive(scores: Mapping[str, int], rule: NeedLevelRule = NEED_LEVEL_RULE) -> Derived:
    """ADL, IADL and cognitive means, and the need level (bistandsbehov) from the overall mean."""
    overall = _mean(scores, (Group.social, Group.cognitive, Group.adl, Group.iadl))
    level = None
    if overall is not None:
        if overall >= rule.extensive_from:
            level = NeedLevel.extensive
        elif overall >= rule.moderate_from:
            level = NeedLevel.moderate_to_large
        else:
            level = NeedLevel.limited
    counted = (Group.social, Group.cognitive, Group.adl, Group.iadl)
    return Derived(
        adl_mean=_mean(scores, (Group.adl,)),
        iadl_mean=_mean(scores, (Group.iadl,)),
        cognitive_mean=_mean(scores, (Group.cognitive,)),
        overall_mean=overall,
        need_level=level,
        scored=sum(
            1
            for code, score in scores.items()
            if BY_CODE[code].group in counted and score != NOT_RELEVANT
        ),
        moderate_from=rule.moderate_from,
        extensive_from=rule.extensive_from,
        rule_version=rule.version,
    )

"""The rule-based recommendation engine: recorded needs → technology kinds, with reasons.

The rules are reference data (`RULES`), each with its source, so that a
municipality's team can read why a technology was proposed, and a changed
rule is a data change. The engine only proposes: the assessor accepts or
rejects each proposal with a reason (the seeds: «faglige, etiske og juridiske
vurderinger [skal] gjøres før teknologi blir implementert», Selbu).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from shared.schemas.welfaretech import Need, TechnologyKind

PROGRAMME = (
    "Nasjonalt velferdsteknologiprogram (Helsedirektoratet og KS): anbefalinger om "
    "trygghetsskapende teknologi, medisineringsstøtte, digitalt tilsyn og "
    "lokaliseringsteknologi"
)


@dataclass(frozen=True)
class Abilities:
    """What the person can do with a device (from the assessment)."""

    can_use_button: bool = True
    hears_alarm: bool = True
    sees_display: bool = True
    understands_device: bool = True


@dataclass(frozen=True)
class Environment:
    """The home as it bears on technology (from the assessment)."""

    has_mobile_coverage: bool = True
    has_broadband: bool = False
    has_power: bool = True
    has_stove: bool = True
    has_key_box: bool = False


@dataclass(frozen=True)
class Rule:
    id: str
    needs: frozenset[Need]
    kind: TechnologyKind
    reason: str
    may_replace: tuple[str, ...]
    source: str
    requires: tuple[str, ...] = ()
    """Names of `Abilities`/`Environment` flags that must be true for the rule to apply."""
    instead_when_missing: tuple[str, ...] = ()
    """Flags that, when false, make this rule apply (the alternative to another rule)."""


@dataclass(frozen=True)
class Proposal:
    kind: TechnologyKind
    reasons: tuple[str, ...]
    may_replace: tuple[str, ...]
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...] = field(default=())


RULES: tuple[Rule, ...] = (
    Rule(
        "fall-alarm",
        frozenset({Need.fall_risk, Need.night_safety}),
        TechnologyKind.safety_alarm,
        "Fallrisiko eller utrygghet: personen kan selv varsle responssenteret med en knapp.",
        ("planlagte tilsynsbesøk", "telefonoppringinger fra hjemmetjenesten"),
        PROGRAMME,
        requires=("can_use_button",),
    ),
    Rule(
        "fall-sensor",
        frozenset({Need.fall_risk}),
        TechnologyKind.fall_sensor,
        "Fallrisiko: sensoren varsler selv når personen faller og ikke kan trykke på knappen.",
        ("tilsynsbesøk etter fall", "nattlige tilsynsbesøk"),
        PROGRAMME,
    ),
    Rule(
        "alarm-without-button",
        frozenset({Need.fall_risk, Need.night_safety}),
        TechnologyKind.fall_sensor,
        "Personen kan ikke bruke en alarmknapp: en sensor må varsle i stedet.",
        ("tilsynsbesøk",),
        PROGRAMME,
        instead_when_missing=("can_use_button",),
    ),
    Rule(
        "wandering-gps",
        frozenset({Need.wandering}),
        TechnologyKind.location_technology,
        "Vandring: lokaliseringsteknologi (GPS) lar personen gå ut trygt og bli funnet.",
        ("leteaksjoner", "følge på tur", "skjermet enhet (utsatt)"),
        PROGRAMME,
        requires=("has_mobile_coverage",),
    ),
    Rule(
        "wandering-door",
        frozenset({Need.wandering, Need.cognitive_failure}),
        TechnologyKind.door_sensor,
        "Vandring eller kognitiv svikt: dørsensoren varsler når personen går ut om natten.",
        ("nattlige tilsynsbesøk",),
        PROGRAMME,
    ),
    Rule(
        "night-supervision",
        frozenset({Need.night_safety}),
        TechnologyKind.digital_supervision,
        "Trygghet om natten: digitalt tilsyn (sensor eller kamera) i stedet for fysiske besøk.",
        ("nattlige tilsynsbesøk",),
        PROGRAMME,
    ),
    Rule(
        "night-bed",
        frozenset({Need.night_safety, Need.wandering}),
        TechnologyKind.bed_sensor,
        "Trygghet om natten: sengesensoren varsler når personen ikke kommer tilbake til sengen.",
        ("nattlige tilsynsbesøk",),
        PROGRAMME,
    ),
    Rule(
        "fire-stove",
        frozenset({Need.fire_risk, Need.cognitive_failure}),
        TechnologyKind.stove_guard,
        "Brannrisiko: komfyrvakten slår av komfyren før det blir farlig.",
        ("tilsyn ved matlaging",),
        PROGRAMME,
        requires=("has_stove",),
    ),
    Rule(
        "medication-dispenser",
        frozenset({Need.medication_management}),
        TechnologyKind.medication_dispenser,
        "Legemiddelhåndtering: elektronisk medisineringsstøtte gir riktig dose til riktig tid.",
        ("besøk for medisinutdeling",),
        PROGRAMME,
        requires=("has_power", "understands_device"),
    ),
    Rule(
        "remote-monitoring",
        frozenset({Need.chronic_disease_follow_up}),
        TechnologyKind.remote_monitoring,
        "Kronisk sykdom: digital hjemmeoppfølging av målinger og symptomer.",
        ("kontrollbesøk", "innleggelser (færre)"),
        PROGRAMME,
        requires=("has_broadband",),
    ),
    Rule(
        "loneliness-video",
        frozenset({Need.loneliness}),
        TechnologyKind.video_communication,
        "Ensomhet: videosamtaler med pårørende og hjemmetjenesten.",
        ("noen oppfølgingsbesøk",),
        PROGRAMME,
        requires=("has_broadband", "sees_display"),
    ),
)

KEY_RULE = Rule(
    "alarm-key",
    frozenset(),
    TechnologyKind.electronic_door_lock,
    "Alarmen skal kunne rykkes ut på: hjemmetjenesten trenger elektronisk dørlås eller nøkkelboks.",
    ("nøkkelhenting ved utrykning",),
    PROGRAMME,
)
ALARM_KINDS = frozenset(
    {TechnologyKind.safety_alarm, TechnologyKind.fall_sensor, TechnologyKind.digital_supervision}
)


def _flag(name: str, abilities: Abilities, environment: Environment) -> bool:
    source = abilities if hasattr(abilities, name) else environment
    return bool(getattr(source, name))


def _applies(rule: Rule, needs: set[Need], abilities: Abilities, environment: Environment) -> bool:
    if not rule.needs & needs:
        return False
    if not all(_flag(flag, abilities, environment) for flag in rule.requires):
        return False
    if rule.instead_when_missing:
        return not all(_flag(flag, abilities, environment) for flag in rule.instead_when_missing)
    return True


def propose(
    needs: Iterable[Need], abilities: Abilities, environment: Environment
) -> list[Proposal]:
    """The technology kinds the rules propose for these needs, one proposal per kind (its
    reasons merged), in the order of `RULES`; an alarm that must be answered in the home
    brings an electronic door lock when there is no key box."""
    wanted = set(needs)
    matched: dict[TechnologyKind, list[Rule]] = {}
    for rule in RULES:
        if _applies(rule, wanted, abilities, environment):
            matched.setdefault(rule.kind, []).append(rule)
    if matched.keys() & ALARM_KINDS and not environment.has_key_box:
        matched.setdefault(KEY_RULE.kind, []).append(KEY_RULE)
    return [
        Proposal(
            kind=kind,
            reasons=tuple(r.reason for r in rules),
            may_replace=tuple(dict.fromkeys(x for r in rules for x in r.may_replace)),
            rule_ids=tuple(r.id for r in rules),
            sources=tuple(dict.fromkeys(r.source for r in rules)),
        )
        for kind, rules in matched.items()
    ]

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
from shared.schemas.welfaretech import RecommendationReason as Reason
from shared.schemas.welfaretech import ReplaceableCare as Care

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
    id: Reason
    """The rule's id is the reason code the SPA shows in the user's language."""
    needs: frozenset[Need]
    kind: TechnologyKind
    may_replace: tuple[Care, ...]
    source: str
    requires: tuple[str, ...] = ()
    """Names of `Abilities`/`Environment` flags that must be true for the rule to apply."""
    instead_when_missing: tuple[str, ...] = ()
    """Flags that, when false, make this rule apply (the alternative to another rule)."""


@dataclass(frozen=True)
class Proposal:
    kind: TechnologyKind
    reasons: tuple[Reason, ...]
    may_replace: tuple[Care, ...]
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...] = field(default=())


# The reason of each rule in bokmål (the SPA's locale files hold nb, nn and en):
#   fall-alarm: fallrisiko eller utrygghet, personen kan selv varsle responssenteret med en knapp
#   fall-sensor: sensoren varsler selv når personen faller og ikke kan trykke på knappen
#   alarm-without-button: personen kan ikke bruke en alarmknapp, en sensor må varsle i stedet
#   wandering-gps: lokaliseringsteknologi lar personen gå ut trygt og bli funnet
#   wandering-door: dørsensoren varsler når personen går ut om natten
#   night-supervision: digitalt tilsyn (sensor eller kamera) i stedet for fysiske besøk
#   night-bed: sengesensoren varsler når personen ikke kommer tilbake til sengen
#   fire-stove: komfyrvakten slår av komfyren før det blir farlig
#   medication-dispenser: elektronisk medisineringsstøtte gir riktig dose til riktig tid
#   remote-monitoring: digital hjemmeoppfølging av målinger og symptomer
#   loneliness-video: videosamtaler med pårørende og hjemmetjenesten
#   alarm-key: hjemmetjenesten trenger elektronisk dørlås eller nøkkelboks for å rykke ut
RULES: tuple[Rule, ...] = (
    Rule(
        Reason.fall_alarm,
        frozenset({Need.fall_risk, Need.night_safety}),
        TechnologyKind.safety_alarm,
        (Care.planned_supervision_visits, Care.home_care_phone_calls),
        PROGRAMME,
        requires=("can_use_button",),
    ),
    Rule(
        Reason.fall_sensor,
        frozenset({Need.fall_risk}),
        TechnologyKind.fall_sensor,
        (Care.visits_after_falls, Care.night_visits),
        PROGRAMME,
    ),
    Rule(
        Reason.alarm_without_button,
        frozenset({Need.fall_risk, Need.night_safety}),
        TechnologyKind.fall_sensor,
        (Care.supervision_visits,),
        PROGRAMME,
        instead_when_missing=("can_use_button",),
    ),
    Rule(
        Reason.wandering_gps,
        frozenset({Need.wandering}),
        TechnologyKind.location_technology,
        (Care.search_operations, Care.accompanied_walks, Care.sheltered_unit_postponed),
        PROGRAMME,
        requires=("has_mobile_coverage",),
    ),
    Rule(
        Reason.wandering_door,
        frozenset({Need.wandering, Need.cognitive_failure}),
        TechnologyKind.door_sensor,
        (Care.night_visits,),
        PROGRAMME,
    ),
    Rule(
        Reason.night_supervision,
        frozenset({Need.night_safety}),
        TechnologyKind.digital_supervision,
        (Care.night_visits,),
        PROGRAMME,
    ),
    Rule(
        Reason.night_bed,
        frozenset({Need.night_safety, Need.wandering}),
        TechnologyKind.bed_sensor,
        (Care.night_visits,),
        PROGRAMME,
    ),
    Rule(
        Reason.fire_stove,
        frozenset({Need.fire_risk, Need.cognitive_failure}),
        TechnologyKind.stove_guard,
        (Care.cooking_supervision,),
        PROGRAMME,
        requires=("has_stove",),
    ),
    Rule(
        Reason.medication_dispenser,
        frozenset({Need.medication_management}),
        TechnologyKind.medication_dispenser,
        (Care.medication_visits,),
        PROGRAMME,
        requires=("has_power", "understands_device"),
    ),
    Rule(
        Reason.remote_monitoring,
        frozenset({Need.chronic_disease_follow_up}),
        TechnologyKind.remote_monitoring,
        (Care.check_up_visits, Care.fewer_admissions),
        PROGRAMME,
        requires=("has_broadband",),
    ),
    Rule(
        Reason.loneliness_video,
        frozenset({Need.loneliness}),
        TechnologyKind.video_communication,
        (Care.some_follow_up_visits,),
        PROGRAMME,
        requires=("has_broadband", "sees_display"),
    ),
)

KEY_RULE = Rule(
    Reason.alarm_key,
    frozenset(),
    TechnologyKind.electronic_door_lock,
    (Care.key_collection,),
    PROGRAMME,
)
ALARM_KINDS = frozenset(
    {TechnologyKind.safety_alarm, TechnologyKind.fall_sensor, TechnologyKind.digital_supervision}
)
_BY_ID = {rule.id.value: rule for rule in (*RULES, KEY_RULE)}


def explain(rule_ids: Iterable[str]) -> tuple[tuple[Reason, ...], tuple[Care, ...]]:
    """The reasons and what may be replaced, as codes, for the rules a proposal matched (ids
    no longer in the table are left out)."""
    rules = [_BY_ID[i] for i in rule_ids if i in _BY_ID]
    return (
        tuple(r.id for r in rules),
        tuple(dict.fromkeys(x for r in rules for x in r.may_replace)),
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
            reasons=tuple(r.id for r in rules),
            may_replace=tuple(dict.fromkeys(x for r in rules for x in r.may_replace)),
            rule_ids=tuple(r.id.value for r in rules),
            sources=tuple(dict.fromkeys(r.source for r in rules)),
        )
        for kind, rules in matched.items()
    ]

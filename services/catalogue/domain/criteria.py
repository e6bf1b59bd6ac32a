"""Allocation criteria: a small, closed language of conditions over assessment results.

A condition is `{"metric", "op", "value"}`; a list of conditions must all
hold, and `{"any": [...]}` holds when one of its conditions does. The metrics
are what an assessment (kartlegging) yields, so intake can evaluate a
person's assessment against the version in force and cite it.

Versions are never rewritten: a decision states the rules it applied
(forvaltningsloven § 25), so the version it cites must still read the same
years later, and which version applied is decided by the day alone
(`version_in_force`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from shared.errors import RuleViolation


class MetricKind(StrEnum):
    number = "number"
    integer = "integer"
    boolean = "boolean"
    choice = "choice"


@dataclass(frozen=True)
class Metric:
    code: str
    kind: MetricKind
    label_nb: str
    label_en: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()


NEED_LEVELS = ("limited", "moderate_to_large", "extensive")

METRICS: dict[str, Metric] = {
    m.code: m
    for m in (
        Metric("adl_mean", MetricKind.number, "ADL-gjennomsnitt", "ADL mean", 1, 5),
        Metric("iadl_mean", MetricKind.number, "IADL-gjennomsnitt", "IADL mean", 1, 5),
        Metric("cognitive_mean", MetricKind.number, "Kognitiv skår", "Cognitive mean", 1, 5),
        Metric("need_level", MetricKind.choice, "Bistandsbehov", "Need level", choices=NEED_LEVELS),
        Metric("age", MetricKind.integer, "Alder", "Age", 0, 130),
        Metric(
            "assessed_hours_per_week",
            MetricKind.number,
            "Vurdert behov, timer per uke",
            "Assessed need, hours per week",
            0,
            168,
        ),
        Metric(
            "expected_duration_months",
            MetricKind.integer,
            "Forventet varighet, måneder",
            "Expected duration, months",
            0,
            1200,
        ),
        Metric(
            "needs_24h_care",
            MetricKind.boolean,
            "Behov for døgnkontinuerlig helsehjelp",
            "Needs round-the-clock care",
        ),
        Metric("has_dementia", MetricKind.boolean, "Demens", "Dementia"),
        Metric(
            "lower_levels_tried",
            MetricKind.boolean,
            "Lavere nivå prøvd eller vurdert",
            "Lower levels tried or considered",
        ),
        Metric(
            "has_rehabilitation_potential",
            MetricKind.boolean,
            "Rehabiliteringspotensial",
            "Rehabilitation potential",
        ),
        Metric("is_palliative", MetricKind.boolean, "Palliativ fase", "Palliative phase"),
        Metric(
            "relative_care_burden",
            MetricKind.boolean,
            "Særlig tyngende omsorgsarbeid for pårørende",
            "Heavy care burden on relatives",
        ),
        Metric("is_discharge_ready", MetricKind.boolean, "Utskrivningsklar", "Ready for discharge"),
        Metric(
            "acute_need",
            MetricKind.boolean,
            "Akutt behov for observasjon eller behandling",
            "Acute need of observation or treatment",
        ),
        Metric("has_fall_risk", MetricKind.boolean, "Fallrisiko", "Fall risk"),
        Metric("has_nutrition_risk", MetricKind.boolean, "Ernæringsrisiko", "Nutrition risk"),
    )
}

OPERATORS = ("==", "!=", ">=", ">", "<=", "<", "in")
_ORDERING = (">=", ">", "<=", "<")


class CriteriaError(RuleViolation):
    """A condition or fact that is not in the criteria language; `path` names where."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.path = path


def _check_value(metric: Metric, op: str, value: Any, path: str) -> None:
    if op == "in":
        if not isinstance(value, list) or not value:
            raise CriteriaError(f"{path}.value", "'in' needs a non-empty list")
        for i, item in enumerate(value):
            _check_value(metric, "==", item, f"{path}.value.{i}")
        return
    if metric.kind == MetricKind.boolean:
        if not isinstance(value, bool):
            raise CriteriaError(f"{path}.value", f"{metric.code} takes true or false")
        if op in _ORDERING:
            raise CriteriaError(f"{path}.op", f"{metric.code} cannot be compared with {op}")
    elif metric.kind == MetricKind.choice:
        if value not in metric.choices:
            raise CriteriaError(
                f"{path}.value", f"{metric.code} is one of {', '.join(metric.choices)}"
            )
        if op in _ORDERING:
            raise CriteriaError(f"{path}.op", f"{metric.code} cannot be compared with {op}")
    else:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise CriteriaError(f"{path}.value", f"{metric.code} takes a number")
        if metric.kind == MetricKind.integer and not float(value).is_integer():
            raise CriteriaError(f"{path}.value", f"{metric.code} takes a whole number")
        if (
            metric.low is not None
            and metric.high is not None
            and not metric.low <= value <= metric.high
        ):
            raise CriteriaError(
                f"{path}.value", f"{metric.code} lies between {metric.low:g} and {metric.high:g}"
            )


def validate_conditions(conditions: Sequence[Any], path: str = "conditions") -> None:
    """Raise `CriteriaError` unless every condition is in the language."""
    if not isinstance(conditions, list):
        raise CriteriaError(path, "Conditions are a list")
    for i, condition in enumerate(conditions):
        here = f"{path}.{i}"
        if not isinstance(condition, dict):
            raise CriteriaError(here, "A condition is an object")
        if "any" in condition:
            if set(condition) != {"any"} or not condition["any"]:
                raise CriteriaError(here, "'any' stands alone and lists at least one condition")
            validate_conditions(condition["any"], f"{here}.any")
            continue
        if set(condition) != {"metric", "op", "value"}:
            raise CriteriaError(here, "A condition has exactly metric, op and value")
        metric = METRICS.get(condition["metric"])
        if metric is None:
            raise CriteriaError(f"{here}.metric", f"Unknown metric {condition['metric']!r}")
        if condition["op"] not in OPERATORS:
            raise CriteriaError(f"{here}.op", f"The operator is one of {' '.join(OPERATORS)}")
        _check_value(metric, condition["op"], condition["value"], here)


def validate_facts(facts: Mapping[str, Any], path: str = "facts") -> None:
    """A person's facts use known metrics with values of the right kind (None means unknown)."""
    for code, value in facts.items():
        metric = METRICS.get(code)
        if metric is None:
            raise CriteriaError(f"{path}.{code}", f"Unknown metric {code!r}")
        if value is not None:
            try:
                _check_value(metric, "==", value, f"{path}.{code}")
            except CriteriaError as exc:
                raise CriteriaError(f"{path}.{code}", str(exc)) from exc


@dataclass(frozen=True)
class Finding:
    """How one condition fared against a person's facts."""

    metric: str
    op: str
    expected: Any
    actual: Any
    met: bool | None  # None: the fact is unknown


def _compare(actual: Any, op: str, expected: Any) -> bool:
    match op:
        case "==":
            return bool(actual == expected)
        case "!=":
            return bool(actual != expected)
        case ">=":
            return bool(actual >= expected)
        case ">":
            return bool(actual > expected)
        case "<=":
            return bool(actual <= expected)
        case "<":
            return bool(actual < expected)
        case "in":
            return actual in expected
    raise CriteriaError("op", f"Unknown operator {op!r}")


def evaluate(
    conditions: Sequence[Any], facts: Mapping[str, Any]
) -> tuple[bool | None, list[Finding]]:
    """Whether `facts` meet all `conditions`: True, False, or None when a needed fact is missing."""
    findings: list[Finding] = []
    verdicts: list[bool | None] = []
    for condition in conditions:
        if "any" in condition:
            branch = [evaluate([c], facts) for c in condition["any"]]
            for _, sub in branch:
                findings.extend(sub)
            outcomes = [met for met, _ in branch]
            verdicts.append(True if True in outcomes else (None if None in outcomes else False))
            continue
        actual = facts.get(condition["metric"])
        met = None if actual is None else _compare(actual, condition["op"], condition["value"])
        findings.append(
            Finding(condition["metric"], condition["op"], condition["value"], actual, met)
        )
        verdicts.append(met)
    if False in verdicts:
        return False, findings
    if None in verdicts:
        return None, findings
    return True, findings


@dataclass(frozen=True)
class VersionPeriod:
    version: int
    effective_from: date
    effective_to: date | None

    def is_in_force(self, on: date) -> bool:
        return is_in_force(self.effective_from, self.effective_to, on)


def is_in_force(effective_from: date, effective_to: date | None, on: date) -> bool:
    """Whether a version that runs from `effective_from` through `effective_to` covers `on`."""
    return effective_from <= on and (effective_to is None or on <= effective_to)


def periods(effective_froms: Sequence[tuple[int, date]]) -> list[VersionPeriod]:
    """Each version is in force from its date until the day before the next one starts."""
    ordered = sorted(effective_froms, key=lambda pair: pair[1])
    result = []
    for i, (version, start) in enumerate(ordered):
        end = ordered[i + 1][1] - timedelta(days=1) if i + 1 < len(ordered) else None
        result.append(VersionPeriod(version, start, end))
    return result


def version_in_force(effective_froms: Sequence[tuple[int, date]], on: date) -> int | None:
    """The version in force on `on`: the latest to take effect on or before that day.

    This is the one rule of which criteria apply on a day; the repository's
    SQL (`repositories.service_types.criteria_in_force_on`) states the same
    rule for queries. None before the first version takes effect.
    """
    return next((p.version for p in periods(effective_froms) if p.is_in_force(on)), None)


def check_new_version_date(
    latest: date | None, proposed: date, path: str = "effective_from"
) -> None:
    """A new version starts after the latest one; history is never rewritten."""
    if latest is not None and proposed <= latest:
        raise CriteriaError(
            path,
            f"A new version must take effect after the latest one ({latest.isoformat()})",
        )

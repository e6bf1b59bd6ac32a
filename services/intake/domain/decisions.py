"""Enkeltvedtak: what a decision must hold, its states, and the rights the law fixes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from shared.errors import Conflict, Forbidden, RuleViolation
from shared.schemas.intake import (
    BpaReason,
    BpaRightRecord,
    BpaRightStatus,
    DecisionRights,
    DecisionStatus,
    LongTermStayRight,
    Outcome,
)

BpaRight = BpaRightStatus

EDITABLE = (DecisionStatus.draft, DecisionStatus.ready_for_approval)
MADE = (
    DecisionStatus.made,
    DecisionStatus.sent,
    DecisionStatus.in_force,
    DecisionStatus.evaluated,
    DecisionStatus.ended,
)
FOLLOWED_UP = (
    DecisionStatus.made,
    DecisionStatus.sent,
    DecisionStatus.in_force,
    DecisionStatus.evaluated,
)
"""Made decisions still running: their reviews and ends are watched on the worklist."""


class Delivery(StrEnum):
    digital = "digital"
    post = "post"
    in_person = "in_person"


class TriedStatus(StrEnum):
    tried = "tried"
    considered = "considered"


@dataclass(frozen=True)
class LowerLevel:
    """A lower-level service tried or considered, and why it was not enough (LEON/BEON)."""

    service_type: str
    status: TriedStatus
    why_not_enough: str


@dataclass(frozen=True)
class ServiceRules:
    """What the catalogue says about the service decided on."""

    requires_lower_level_review: bool
    is_long_term_place: bool
    purpose: str | None
    scope_unit: str


@dataclass(frozen=True)
class Draft:
    outcome: Outcome
    scope_amount: float | None
    starts_on: date | None
    ends_on: date | None
    review_on: date | None
    contact_name: str | None
    facts: str
    considerations: str
    lower_levels: list[LowerLevel] = field(default_factory=list)


def is_granting(outcome: Outcome) -> bool:
    return outcome in (Outcome.granted, Outcome.partly_granted)


def is_running(status: DecisionStatus, outcome: Outcome) -> bool:
    """A granted decision that is made and not ended: the person gets the service now."""
    return is_granting(outcome) and status in FOLLOWED_UP


def check_draft(draft: Draft, service: ServiceRules) -> None:
    """Refuse a decision that lacks what the law and the municipality require of it."""
    if not draft.facts.strip():
        raise RuleViolation("body.facts", "State the facts the decision rests on (fvl § 25)")
    if not draft.considerations.strip():
        raise RuleViolation("body.considerations", "State the main considerations (fvl § 25)")
    if not is_granting(draft.outcome):
        return
    if draft.scope_amount is None and service.scope_unit not in ("place", "none"):
        raise RuleViolation("body.scope_amount", f"State the scope in {service.scope_unit}")
    if draft.starts_on is None:
        raise RuleViolation("body.starts_on", "A granted service has a start date")
    if draft.ends_on is not None and draft.ends_on < draft.starts_on:
        raise RuleViolation("body.ends_on", "The end is before the start")
    if service.purpose is not None and draft.ends_on is None:
        raise RuleViolation("body.ends_on", "A short-term stay states its planned end")
    if draft.review_on is None:
        raise RuleViolation("body.review_on", "A granted decision has a review date")
    if draft.review_on <= draft.starts_on:
        raise RuleViolation("body.review_on", "The review comes after the start")
    if not (draft.contact_name or "").strip():
        raise RuleViolation(
            "body.contact", "Name the person's contact (tjenesteansvarlig/primærkontakt)"
        )
    if service.requires_lower_level_review:
        if not draft.lower_levels:
            raise RuleViolation(
                "body.lower_levels",
                "Document which lower-level services were tried or considered, and why they "
                "were not enough (LEON/BEON)",
            )
        for i, lower in enumerate(draft.lower_levels):
            if not lower.why_not_enough.strip():
                raise RuleViolation(
                    f"body.lower_levels.{i}.why_not_enough", "Say why it was not enough"
                )


@dataclass(frozen=True)
class BpaHours:
    """The hours of personlig assistanse a week the assessment found (hol § 3-2 first paragraph
    no. 6 b, with avlastning for parents of disabled children), and the parts of them the right
    in pbrl § 2-1 d leaves out: hours where more than one helper is needed at the same time,
    and night services unless the need is continuous through the night."""

    assessed: float | None
    two_helpers: float | None = None
    night: float | None = None
    night_continuous: bool = False

    @property
    def excluded_night(self) -> float:
        return 0.0 if self.night_continuous else float(self.night or 0)

    @property
    def counted(self) -> float | None:
        """The hours that count toward the right (never below zero)."""
        if self.assessed is None:
            return None
        return max(float(self.assessed) - float(self.two_helpers or 0) - self.excluded_night, 0.0)


def check_bpa_hours(hours: BpaHours) -> None:
    """The parts left out are parts of the assessed hours, never more than them."""
    parts = float(hours.two_helpers or 0) + float(hours.night or 0)
    if parts and hours.assessed is None:
        raise RuleViolation(
            "body.assessed_hours_per_week", "State the assessed hours the parts are of"
        )
    if hours.assessed is not None and parts > hours.assessed:
        raise RuleViolation(
            "body.two_helper_hours_per_week",
            "Hours with two helpers and night hours together cannot exceed the assessed hours",
        )


@dataclass(frozen=True)
class BpaAssessment:
    right: BpaRight
    code: BpaReason
    reason: str
    hours: BpaHours | None = None


def bpa_right(
    age: int | None,
    hours_per_week: float | BpaHours | None,
    expected_duration_months: int | None,
    *,
    granted_before_67: bool = False,
) -> BpaAssessment:
    """Pasient- og brukerrettighetsloven § 2-1 d: under 67, a long-lasting (over two years) and
    large need: at least 32 hours a week, or 25–32 hours unless the municipality documents that
    BPA would cost it significantly more. Since 1 July 2020 the right continues after 67 for a
    person granted BPA before turning 67. Only hours of personlig assistanse count (hol § 3-2
    first paragraph no. 6 b, and avlastning for parents of disabled children); needs for more
    than one helper at a time, and night services unless the need is continuous, are outside
    the right (Helsedirektoratet's rundskriv to pbrl § 2-1 d), so the thresholds are tested on
    the hours left when those are taken out. Below that there is no right, though the
    municipality may still organise services as BPA. Claims no right the law does not give,
    and hides none it does."""
    hours = hours_per_week if isinstance(hours_per_week, BpaHours) else BpaHours(hours_per_week)
    counted = hours.counted
    if age is None or counted is None or expected_duration_months is None:
        return BpaAssessment(
            BpaRight.unknown,
            BpaReason.unknown,
            "Age, hours per week and expected duration are needed",
            hours,
        )
    if age >= 67 and not granted_before_67:
        return BpaAssessment(
            BpaRight.does_not_apply,
            BpaReason.over_67,
            "The right is for persons under 67, or granted BPA before turning 67",
            hours,
        )
    if expected_duration_months <= 24:
        return BpaAssessment(
            BpaRight.does_not_apply,
            BpaReason.short_need,
            "The need is not expected to last over two years",
            hours,
        )
    if counted >= 32:
        code = BpaReason.continues_after_67 if age >= 67 else BpaReason.under_67_32_hours
        return BpaAssessment(
            BpaRight.applies, code, "Over two years and at least 32 hours a week", hours
        )
    if counted >= 25:
        return BpaAssessment(
            BpaRight.applies_unless_much_more_expensive,
            BpaReason.band_25_32,
            "25–32 hours a week: a right unless the municipality documents that BPA is "
            "significantly more expensive",
            hours,
        )
    return BpaAssessment(
        BpaRight.does_not_apply, BpaReason.under_25_hours, "Under 25 hours a week", hours
    )


BPA_AGE_LIMIT = 67


def birthday(born: date, years: int) -> date:
    """The day a person born on `born` turns `years` (29 February counts from 1 March)."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return date(born.year + years, 3, 1)


LONG_TERM_STAY_NOTE = (
    "Rett når langtidsopphold er eneste tilbud som sikrer nødvendige og forsvarlige tjenester; "
    "kommunen skal føre venteliste og gi forsvarlige tjenester mens personen venter."
)


@dataclass(frozen=True)
class RightsBasis:
    """What decides a decision's statutory rights: the service's typed properties from the
    catalogue and the assessed facts of the person."""

    is_bpa: bool
    is_long_term_place: bool
    requires_lower_level_review: bool
    age: int | None = None
    hours_per_week: float | None = None
    expected_duration_months: int | None = None
    granted_bpa_before_67: bool = False
    two_helper_hours_per_week: float | None = None
    night_hours_per_week: float | None = None
    night_need_continuous: bool = False


def rights_for(basis: RightsBasis, *, place_available: bool | None = None) -> DecisionRights:
    """The rights a decision records and its letter states: BPA (pbrl § 2-1 d) for a BPA
    service, a long-term place (pbrl § 2-1 e, waiting list hol § 3-2 a) for a long-term one."""
    bpa = None
    if basis.is_bpa:
        hours = BpaHours(
            basis.hours_per_week,
            basis.two_helper_hours_per_week,
            basis.night_hours_per_week,
            basis.night_need_continuous,
        )
        found = bpa_right(
            basis.age,
            hours,
            basis.expected_duration_months,
            granted_before_67=basis.granted_bpa_before_67,
        )
        bpa = BpaRightRecord(
            right=found.right,
            reason_code=found.code,
            reason=found.reason,
            hours_assessed=hours.assessed,
            hours_counted=hours.counted,
            hours_two_helpers=hours.two_helpers or None,
            hours_night_excluded=hours.excluded_night or None,
        )
    return DecisionRights(
        requires_lower_level_review=basis.requires_lower_level_review,
        place_available=place_available if basis.is_long_term_place else None,
        bpa=bpa,
        long_term_stay=LongTermStayRight(note=LONG_TERM_STAY_NOTE)
        if basis.is_long_term_place
        else None,
    )


def with_place_available(rights: DecisionRights, place_available: bool) -> DecisionRights:
    """The rights with the caseworker's answer on whether a long-term place is free now."""
    if rights.long_term_stay is None:
        return rights
    return rights.model_copy(update={"place_available": place_available})


def goes_on_waiting_list(outcome: Outcome, rights: DecisionRights) -> bool:
    """A granted long-term place with no place free goes on the waiting list (hol § 3-2 a)."""
    return (
        rights.long_term_stay is not None
        and is_granting(outcome)
        and rights.place_available is False
    )


_NEXT = {
    DecisionStatus.draft: {DecisionStatus.ready_for_approval, DecisionStatus.made},
    DecisionStatus.ready_for_approval: {DecisionStatus.made, DecisionStatus.draft},
    DecisionStatus.made: {DecisionStatus.sent},
    DecisionStatus.sent: {DecisionStatus.in_force, DecisionStatus.ended},
    DecisionStatus.in_force: {DecisionStatus.evaluated, DecisionStatus.ended},
    DecisionStatus.evaluated: {DecisionStatus.ended, DecisionStatus.in_force},
    DecisionStatus.ended: set(),
}


def move(
    current: DecisionStatus,
    target: DecisionStatus,
    *,
    four_eyes: bool,
    actor: str,
    drafted_by: str,
    submitted_by: str | None = None,
) -> DecisionStatus:
    """The next state. A decision sent for approval is always approved by another caseworker
    than the one who sent it (or drafted it); a municipality that requires four eyes makes
    every decision that way."""
    if target not in _NEXT[current]:
        raise Conflict(f"A decision that is {current.value} cannot become {target.value}")
    if target != DecisionStatus.made:
        return target
    if four_eyes and current != DecisionStatus.ready_for_approval:
        raise Conflict("This municipality requires approval by a second caseworker first")
    if current == DecisionStatus.ready_for_approval and actor in {drafted_by, submitted_by}:
        raise Forbidden("The decision must be approved by another caseworker (four eyes)")
    return target


def check_step_date(on: date, *, made_on: date | None, today: date) -> None:
    """A step of a running decision happens after it was made, and not in the future."""
    if on > today:
        raise RuleViolation("body.on", "The day cannot be in the future")
    if made_on is not None and on < made_on:
        raise RuleViolation("body.on", "The day is before the decision was made")


def check_editable(status: DecisionStatus) -> None:
    """A made decision is never edited; a change is a new decision that refers to it."""
    if status not in EDITABLE:
        raise Conflict("A made decision cannot be changed; make a new decision that replaces it")

"""Need to know (tjenstlig behov) that expires: the one rule every service asks.

Health data may be read only with a need in the service one gives the person
(helsepersonelloven § 21 a, pasientjournalloven § 16, Normen). Case roles
(the allocation office, coordinators, leaders) work across the municipality's
cases; a clinician's relation to a person comes only from:

- a unit of theirs that delivers a granted decision in force today, or one
  that ended less than `RelationWindow.days_after_end` days ago (the follow-up
  after a service ends: a last visit, a report, a question from the GP);
- an open case (an application not yet decided or withdrawn) their unit was
  asked to assess;
- being the person's koordinator, primærkontakt or care-team member now
  (coordination holds those).

A refused decision, one that has not started yet and one that ended long ago
no longer open the person. The rule is pure: each service loads its own
facts (intake its decisions and applications, coordination the decided
services from intake's feed, welfaretech its referrals and loans) and asks
here, or builds its query from `earliest_end_that_opens`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

MAX_DAYS_AFTER_END = 180
"""The longest window a municipality may choose: beyond half a year after a service ended,
a unit's need to know is no longer the follow-up of that service."""


@dataclass(frozen=True)
class RelationWindow:
    """How long a unit keeps its relation after the service it delivered ended."""

    days_after_end: int
    source: str
    valid_from: date

    def __post_init__(self) -> None:
        if not 0 <= self.days_after_end <= MAX_DAYS_AFTER_END:
            raise ValueError(f"days_after_end is from 0 to {MAX_DAYS_AFTER_END}")


RELATION_WINDOW = RelationWindow(
    days_after_end=30,
    source=(
        "Mestring's default under pasientjournalloven § 16 and Normen (Norm for "
        "informasjonssikkerhet og personvern i helse- og omsorgssektoren): access follows the "
        "need in the service and ends when the need ends; 30 days covers the follow-up after a "
        "service ends. A municipality may choose another number."
    ),
    valid_from=date(2026, 12, 1),
)


@dataclass(frozen=True)
class ServicePeriod:
    """A decided service as the rule needs it: which unit, granted or not, from–to."""

    unit: str | None
    granted: bool
    starts_on: date | None
    ends_on: date | None = None
    """The planned end the decision states, if any."""
    ended_on: date | None = None
    """The day the service actually ended, once recorded; it wins over the planned end."""

    @property
    def end(self) -> date | None:
        return self.ended_on if self.ended_on is not None else self.ends_on


@dataclass(frozen=True)
class CaseToAssess:
    """An application a unit was asked to assess, open until it is decided or withdrawn."""

    unit: str | None
    is_open: bool


def earliest_end_that_opens(today: date, window: RelationWindow = RELATION_WINDOW) -> date:
    """A service that ended on this day or later still opens the person today.

    «Ended less than N days ago»: ended on `today - N + 1` opens, on `today - N` does not.
    With N = 0 only a service still running today opens (ending today counts as running)."""
    return today - timedelta(days=max(window.days_after_end - 1, 0))


def period_opens(
    period: ServicePeriod, today: date, window: RelationWindow = RELATION_WINDOW
) -> bool:
    """Whether a decided service gives its unit a relation to the person today.

    A service without a start date (imported from an older system) counts as started."""
    if not period.granted or period.unit is None:
        return False
    if period.starts_on is not None and period.starts_on > today:
        return False
    end = period.end
    return end is None or end >= earliest_end_that_opens(today, window)


def units_serving(
    periods: Iterable[ServicePeriod], today: date, window: RelationWindow = RELATION_WINDOW
) -> set[str]:
    """The units that have a relation to the person today through a decided service."""
    return {p.unit for p in periods if p.unit is not None and period_opens(p, today, window)}


def units_assessing(cases: Iterable[CaseToAssess]) -> set[str]:
    """The units asked to assess an open case of the person."""
    return {case.unit for case in cases if case.is_open and case.unit is not None}


def has_relation(
    units: Iterable[str],
    today: date,
    *,
    periods: Iterable[ServicePeriod] = (),
    cases: Iterable[CaseToAssess] = (),
    named_now: bool = False,
    window: RelationWindow = RELATION_WINDOW,
) -> bool:
    """Whether a clinician of `units` has need to know about the person today.

    `named_now`: the caller is the person's koordinator, primærkontakt or care-team
    member today (coordination's assignments say so)."""
    if named_now:
        return True
    mine = set(units)
    if not mine:
        return False
    return bool(mine & (units_serving(periods, today, window) | units_assessing(cases)))


def window_for(days_after_end: int | None) -> RelationWindow:
    """The municipality's own window when it has chosen one, else Mestring's default."""
    if days_after_end is None:
        return RELATION_WINDOW
    return RelationWindow(
        days_after_end=days_after_end,
        source="The municipality's own choice (intake settings)",
        valid_from=RELATION_WINDOW.valid_from,
    )

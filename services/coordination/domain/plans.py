"""Individuell plan: its content, its states, its versions and how two versions differ.

The right to an individual plan belongs to persons who need long-lasting and
coordinated services (pbrl § 2-5; the municipality's duty: hol § 7-1; forskrift
om habilitering og rehabilitering, individuell plan og koordinator). The plan is
built on the person's own goals («Hva er viktig for deg?»), names the measures
and who is responsible for each, and who takes part (ansvarsgruppe, also
external parties such as NAV, school, GP and the specialist health service). It
needs the person's consent and participation, and it is evaluated.

Nothing in a plan is overwritten: every change is a new version, and any two
versions can be compared.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shared.errors import Conflict, RuleViolation
from shared.schemas.coordination import PlanStatus


class LifeArea(StrEnum):
    """Livsområder: where a goal belongs in the person's life."""

    health = "health"
    daily_living = "daily_living"
    housing = "housing"
    work_school = "work_school"
    social = "social"
    leisure = "leisure"
    family = "family"
    finances = "finances"
    other = "other"


class GoalStatus(StrEnum):
    open = "open"
    reached = "reached"
    partly_reached = "partly_reached"
    not_reached = "not_reached"


class ResponsibleKind(StrEnum):
    """A municipal unit (by its code in the catalogue), or an external party: NAV, the
    school, the GP (fastlege), the specialist health service, a relative, or another party
    named by the koordinator."""

    unit = "unit"
    nav = "nav"
    school = "school"
    gp = "gp"
    specialist = "specialist"
    relative = "relative"
    other = "other"


NAMED_BY_KIND = (
    ResponsibleKind.nav,
    ResponsibleKind.school,
    ResponsibleKind.gp,
    ResponsibleKind.specialist,
)
"""Parties the kind names well enough; their own name (which NAV office, which school) is
optional. A unit needs its code, a relative or another party their name."""


def check_responsible(kind: ResponsibleKind, responsible: str | None) -> None:
    """Raises ValueError (a 422 at the field) when the kind needs a name or code it lacks."""
    if kind not in NAMED_BY_KIND and not (responsible and responsible.strip()):
        if kind == ResponsibleKind.unit:
            raise ValueError("Choose the municipal unit (its code from the catalogue)")
        raise ValueError("Name who is responsible")


class MeasureStatus(StrEnum):
    """`to_confirm`: added from an intake decision, the koordinator confirms it belongs."""

    to_confirm = "to_confirm"
    planned = "planned"
    ongoing = "ongoing"
    done = "done"
    ended = "ended"
    cancelled = "cancelled"


OPEN_MEASURES = (MeasureStatus.to_confirm, MeasureStatus.planned, MeasureStatus.ongoing)


class MeasureSource(StrEnum):
    manual = "manual"
    decision = "decision"
    meeting = "meeting"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Goal(Strict):
    """A goal in the person's own words, by life area."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4)
    life_area: LifeArea
    text: str = Field(min_length=1, max_length=2000, description="In the person's own words")
    status: GoalStatus = GoalStatus.open


class Measure(Strict):
    """Tiltak: what, who is responsible, the decision that grants it, start, due, status."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4)
    what: str = Field(min_length=1, max_length=500)
    responsible_kind: ResponsibleKind
    responsible: str | None = Field(
        default=None,
        max_length=200,
        description="A unit's code from the catalogue (`unit`); the party's name (`relative`, "
        "`other`); optional for `nav`, `school`, `gp` and `specialist` (which office, school, "
        "doctor)",
    )
    owner_name: str | None = Field(default=None, max_length=200)
    owner_sub: str | None = Field(
        default=None,
        max_length=200,
        description="The owner's user id when an employee: the measure shows on their worklist",
    )
    goal_id: uuid.UUID | None = None
    decision_id: uuid.UUID | None = Field(
        default=None, description="The intake decision that grants it, where there is one"
    )
    service_type: str | None = Field(default=None, max_length=60)
    starts_on: date | None = None
    due_on: date | None = None
    status: MeasureStatus = MeasureStatus.planned
    source: MeasureSource = MeasureSource.manual
    meeting_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _responsible_fits_kind(self) -> Measure:
        check_responsible(self.responsible_kind, self.responsible)
        return self


class TeamMember(Strict):
    """A member of the ansvarsgruppe."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4)
    name: str = Field(min_length=1, max_length=200)
    role: str = Field(min_length=1, max_length=100, examples=["fastlege", "datter", "NAV-veileder"])
    organisation: str | None = Field(default=None, max_length=200)
    unit: str | None = Field(default=None, max_length=60, description="A municipal unit code")
    employee_sub: str | None = Field(
        default=None, max_length=200, description="The member's user id, when an employee"
    )
    contact: str | None = Field(default=None, max_length=200)
    may_see_plan: bool = False


class PlanContent(Strict):
    """What one version of a plan holds."""

    goals: list[Goal] = Field(default_factory=list, max_length=50)
    measures: list[Measure] = Field(default_factory=list, max_length=200)
    team: list[TeamMember] = Field(default_factory=list, max_length=50)
    next_evaluation_on: date | None = None

    def check(self) -> None:
        """Ids are unique, and a measure's goal is one of the plan's goals."""
        for name, items in (
            ("goals", self.goals),
            ("measures", self.measures),
            ("team", self.team),
        ):
            ids = [item.id for item in items]
            if len(ids) != len(set(ids)):
                raise RuleViolation(f"body.{name}", "Two items have the same id")
        goal_ids = {goal.id for goal in self.goals}
        for index, measure in enumerate(self.measures):
            if measure.goal_id is not None and measure.goal_id not in goal_ids:
                raise RuleViolation(
                    f"body.measures.{index}.goal_id", "The goal is not in this plan"
                )
            if measure.starts_on and measure.due_on and measure.due_on < measure.starts_on:
                raise RuleViolation(f"body.measures.{index}.due_on", "Due before it starts")


MOVES: dict[PlanStatus, tuple[PlanStatus, ...]] = {
    PlanStatus.draft: (PlanStatus.active, PlanStatus.closed),
    PlanStatus.active: (PlanStatus.closed,),
    PlanStatus.closed: (),
}


def check_editable(status: PlanStatus) -> None:
    """A closed plan is history: it is kept, never changed."""
    if status == PlanStatus.closed:
        raise Conflict("The plan is closed; start a new plan to change it")


def move(current: PlanStatus, target: PlanStatus) -> PlanStatus:
    if target not in MOVES[current]:
        raise Conflict(f"A plan cannot go from {current} to {target}")
    return target


def check_may_activate(content: PlanContent, *, has_consent: bool, has_coordinator: bool) -> None:
    """An individual plan needs the person's consent (pbrl § 2-5 with pbrl chapter 4) and is
    built on the person's own goals; the person with a plan has a koordinator (hol § 7-2)."""
    if not has_consent:
        raise RuleViolation(
            "consent", "Record the person's consent to the plan before it is activated"
        )
    if not content.goals:
        raise RuleViolation("goals", "The plan needs at least one of the person's own goals")
    if not has_coordinator:
        raise RuleViolation("coordinator", "The person needs a koordinator before the plan starts")


def check_close_reason(reason: str) -> str:
    if not reason.strip():
        raise RuleViolation("body.reason", "Say why the plan is closed")
    return reason.strip()


# Measures from intake's decisions -----------------------------------------------------------


def add_decision_measure(
    content: PlanContent,
    *,
    decision_id: uuid.UUID,
    service_type: str,
    unit: str | None,
    starts_on: date | None,
    ends_on: date | None,
) -> PlanContent | None:
    """A decision made in intake becomes a measure to confirm; None if it is already there
    (replaying the feed changes nothing)."""
    if any(measure.decision_id == decision_id for measure in content.measures):
        return None
    measure = Measure(
        what=service_type,
        responsible_kind=ResponsibleKind.unit,
        responsible=unit or "ukjent enhet",
        decision_id=decision_id,
        service_type=service_type,
        starts_on=starts_on,
        due_on=ends_on,
        status=MeasureStatus.to_confirm,
        source=MeasureSource.decision,
    )
    return content.model_copy(update={"measures": [*content.measures, measure]})


def end_decision_measures(content: PlanContent, decision_id: uuid.UUID) -> PlanContent | None:
    """Measures granted by an ended decision are marked ended; None when nothing changes."""
    changed = False
    measures = []
    for measure in content.measures:
        if measure.decision_id == decision_id and measure.status != MeasureStatus.ended:
            measure = measure.model_copy(update={"status": MeasureStatus.ended})
            changed = True
        measures.append(measure)
    return content.model_copy(update={"measures": measures}) if changed else None


def overdue_measures(content: PlanContent, today: date) -> list[Measure]:
    """Open measures whose due date has passed."""
    return [
        m for m in content.measures if m.status in OPEN_MEASURES and m.due_on and m.due_on < today
    ]


def is_evaluation_overdue(status: PlanStatus, next_evaluation_on: date | None, today: date) -> bool:
    return (
        status == PlanStatus.active
        and next_evaluation_on is not None
        and (next_evaluation_on < today)
    )


# Comparing versions ---------------------------------------------------------------------------


class FieldChange(BaseModel):
    field: str
    before: Any
    after: Any


class ItemChange(BaseModel):
    """One goal, measure or team member that was added, removed or changed."""

    section: str
    id: uuid.UUID
    change: str = Field(description="added, removed or changed")
    label: str
    fields: list[FieldChange] = Field(default_factory=list)


class Comparison(BaseModel):
    from_version: int
    to_version: int
    status: FieldChange | None = None
    next_evaluation_on: FieldChange | None = None
    items: list[ItemChange] = Field(default_factory=list)


_LABEL_FIELD = {"goals": "text", "measures": "what", "team": "name"}


def compare(
    from_version: int,
    before: PlanContent,
    before_status: PlanStatus,
    to_version: int,
    after: PlanContent,
    after_status: PlanStatus,
) -> Comparison:
    """What differs between two versions: items added, removed, and field by field changed."""
    result = Comparison(from_version=from_version, to_version=to_version)
    if before_status != after_status:
        result.status = FieldChange(field="status", before=before_status, after=after_status)
    if before.next_evaluation_on != after.next_evaluation_on:
        result.next_evaluation_on = FieldChange(
            field="next_evaluation_on",
            before=before.next_evaluation_on,
            after=after.next_evaluation_on,
        )
    for section, label_field in _LABEL_FIELD.items():
        old = {item.id: item.model_dump(mode="json") for item in getattr(before, section)}
        new = {item.id: item.model_dump(mode="json") for item in getattr(after, section)}
        for item_id, data in new.items():
            if item_id not in old:
                result.items.append(
                    ItemChange(section=section, id=item_id, change="added", label=data[label_field])
                )
                continue
            fields = [
                FieldChange(field=key, before=old[item_id].get(key), after=value)
                for key, value in data.items()
                if old[item_id].get(key) != value
            ]
            if fields:
                result.items.append(
                    ItemChange(
                        section=section,
                        id=item_id,
                        change="changed",
                        label=data[label_field],
                        fields=fields,
                    )
                )
        for item_id, data in old.items():
            if item_id not in new:
                result.items.append(
                    ItemChange(
                        section=section, id=item_id, change="removed", label=data[label_field]
                    )
                )
    return result

"""Ansvarsgruppe meetings turn into work: decisions become measures, minutes are approved.

Each decision of a meeting becomes a measure of the plan with an owner and a
deadline; the koordinator approves the minutes (the koordinator is responsible
for the plan and the coordination, hol § 7-2). A meeting held without minutes
shows on the worklist.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field, model_validator

from services.coordination.domain.plans import (
    Measure,
    MeasureSource,
    MeasureStatus,
    PlanContent,
    ResponsibleKind,
    check_responsible,
)
from shared.errors import Conflict, RuleViolation


class MeetingStatus(StrEnum):
    planned = "planned"
    held = "held"
    approved = "approved"


class MeetingDecision(BaseModel):
    what: str = Field(min_length=1, max_length=500)
    responsible_kind: ResponsibleKind = ResponsibleKind.unit
    responsible: str | None = Field(
        default=None, max_length=200, description="As a measure's `responsible`"
    )
    owner_name: str = Field(min_length=1, max_length=200)
    owner_sub: str | None = Field(
        default=None, max_length=200, description="The owner's user id when an employee"
    )
    due_on: date
    goal_id: uuid.UUID | None = None
    measure_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _responsible_fits_kind(self) -> MeetingDecision:
        check_responsible(self.responsible_kind, self.responsible)
        return self


def check_minutes(status: MeetingStatus, minutes: str, held_on: date, today: date) -> None:
    if status == MeetingStatus.approved:
        raise Conflict("Approved minutes are not changed")
    if not minutes.strip():
        raise RuleViolation("body.minutes", "Write the minutes")
    if held_on > today:
        raise RuleViolation("body.minutes", "A meeting gets minutes once it has been held")


def check_approval(status: MeetingStatus) -> None:
    if status != MeetingStatus.held:
        raise Conflict("Only the minutes of a held meeting are approved, once")


def decisions_as_measures(
    content: PlanContent,
    meeting_id: uuid.UUID,
    decisions: list[MeetingDecision],
    held_on: date,
) -> tuple[PlanContent, list[MeetingDecision]]:
    """Each decision without a measure yet becomes one; the decisions now name their measure."""
    goal_ids = {goal.id for goal in content.goals}
    measures = list(content.measures)
    linked = []
    for index, decision in enumerate(decisions):
        if decision.goal_id is not None and decision.goal_id not in goal_ids:
            raise RuleViolation(f"body.decisions.{index}.goal_id", "The goal is not in this plan")
        if decision.due_on < held_on:
            raise RuleViolation(f"body.decisions.{index}.due_on", "Due before the meeting")
        if decision.measure_id is None or all(m.id != decision.measure_id for m in measures):
            measure = Measure(
                what=decision.what,
                responsible_kind=decision.responsible_kind,
                responsible=decision.responsible,
                owner_name=decision.owner_name,
                owner_sub=decision.owner_sub,
                goal_id=decision.goal_id,
                starts_on=held_on,
                due_on=decision.due_on,
                status=MeasureStatus.planned,
                source=MeasureSource.meeting,
                meeting_id=meeting_id,
            )
            measures.append(measure)
            decision = decision.model_copy(update={"measure_id": measure.id})
        linked.append(decision)
    return content.model_copy(update={"measures": measures}), linked

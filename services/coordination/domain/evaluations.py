"""Evaluating an individual plan: each goal reached, partly or not, and the next date.

The plan is evaluated against the person's own goals, in dialogue with the person
(Nordre Follo: «fortløpende evaluering … målt mot de målene som er satt»). An
evaluation records a result for goals of the plan, sets the next evaluation
date, and feeds the plan's next version: the goals carry their latest result.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from enum import StrEnum

from pydantic import BaseModel, Field

from services.coordination.domain.plans import GoalStatus, PlanContent
from shared.errors import Conflict, RuleViolation
from shared.schemas.coordination import PlanStatus

MAX_INTERVAL = timedelta(days=366)
"""A plan is evaluated at least once a year."""


class GoalResult(StrEnum):
    reached = "reached"
    partly = "partly"
    not_reached = "not_reached"


_STATUS = {
    GoalResult.reached: GoalStatus.reached,
    GoalResult.partly: GoalStatus.partly_reached,
    GoalResult.not_reached: GoalStatus.not_reached,
}


class GoalEvaluation(BaseModel):
    goal_id: uuid.UUID
    result: GoalResult
    note: str | None = Field(default=None, max_length=2000)


def evaluate(
    content: PlanContent,
    status: PlanStatus,
    results: list[GoalEvaluation],
    evaluated_on: date,
    next_evaluation_on: date,
    today: date,
) -> PlanContent:
    """The plan's next content: each evaluated goal with its result, and the next date."""
    if status != PlanStatus.active:
        raise Conflict("Only an active plan is evaluated")
    if evaluated_on > today:
        raise RuleViolation("body.evaluated_on", "An evaluation cannot be in the future")
    if not results:
        raise RuleViolation("body.results", "Evaluate at least one goal")
    goal_ids = {goal.id for goal in content.goals}
    seen: set[uuid.UUID] = set()
    for index, result in enumerate(results):
        if result.goal_id not in goal_ids:
            raise RuleViolation(f"body.results.{index}.goal_id", "The goal is not in this plan")
        if result.goal_id in seen:
            raise RuleViolation(f"body.results.{index}.goal_id", "The goal is evaluated twice")
        seen.add(result.goal_id)
    if next_evaluation_on <= evaluated_on:
        raise RuleViolation("body.next_evaluation_on", "The next evaluation comes after this one")
    if next_evaluation_on - evaluated_on > MAX_INTERVAL:
        raise RuleViolation("body.next_evaluation_on", "Evaluate the plan at least once a year")
    by_goal = {result.goal_id: _STATUS[result.result] for result in results}
    goals = [
        goal.model_copy(update={"status": by_goal[goal.id]}) if goal.id in by_goal else goal
        for goal in content.goals
    ]
    return content.model_copy(update={"goals": goals, "next_evaluation_on": next_evaluation_on})

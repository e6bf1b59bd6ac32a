"""ROS analyses: drafted with participants and scope, hazards graded on the risk matrix,
every high risk turned into a measure, then approved."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from services.quality.domain import measures as measure_rules
from services.quality.domain import risk
from services.quality.domain import ros as rules
from services.quality.flows import Work
from services.quality.flows.measures import by_source, new_measure
from services.quality.models import Measure, RiskAnalysis, RosHazard
from services.quality.schemas import HazardIn, MeasureIn, RosCreate, RosUpdate
from shared.concurrency import check_version
from shared.errors import NotFound
from shared.schemas.quality import ActionStatus, RosStatus


@dataclass(frozen=True)
class RosSeen:
    analysis: RiskAnalysis
    measures: dict[uuid.UUID, list[Measure]] = field(default_factory=dict)
    confirmations: dict[uuid.UUID, int] = field(default_factory=dict)
    may_edit: bool = True


def ordered(analysis: RiskAnalysis) -> list[RosHazard]:
    """Hazards highest risk first (then as added): the order they are shown and named in."""
    return sorted(analysis.hazards, key=lambda h: (-h.risk_score, h.created_at))


def _participants(names: list[str]) -> list[str]:
    cleaned = [name.strip() for name in names if name.strip()]
    rules.check_participants(cleaned)
    return cleaned


async def _seen(work: Work, analysis: RiskAnalysis) -> RosSeen:
    ids = [h.id for h in analysis.hazards]
    return RosSeen(
        analysis,
        by_source(await work.measures.of_hazards(ids), "hazard_id"),
        await work.ros.confirmations(ids),
        measure_rules.works_with(work.user, analysis.unit),
    )


async def _mine(work: Work, analysis_id: uuid.UUID) -> RiskAnalysis:
    """The analysis if the caller works with its unit; 404 otherwise (not theirs to know)."""
    analysis = await work.ros.get(analysis_id)
    if not measure_rules.works_with(work.user, analysis.unit):
        raise NotFound("There is no such risk analysis")
    return analysis


async def create(work: Work, body: RosCreate) -> RosSeen:
    measure_rules.check_works_with(work.user, body.unit)
    rules.check_analysed_on(body.analysed_on, work.today)
    analysis = RiskAnalysis(
        unit=body.unit,
        title=body.title,
        scope=body.scope,
        analysed_on=body.analysed_on,
        participants=_participants(body.participants),
        status=RosStatus.draft.value,
        hazards=[],
    )
    await work.ros.add(analysis)
    return RosSeen(analysis)


async def read(work: Work, analysis_id: uuid.UUID) -> RosSeen:
    return await _seen(work, await _mine(work, analysis_id))


async def listed(
    work: Work, limit: int, cursor: str | None
) -> tuple[Sequence[RiskAnalysis], dict[uuid.UUID, list[Measure]], str | None]:
    """A page of the analyses the caller works with, and the measures of their hazards."""
    analyses, next_cursor = await work.ros.listed(
        measure_rules.units_worked_with(work.user), limit, cursor
    )
    ids = [h.id for a in analyses for h in a.hazards]
    return analyses, by_source(await work.measures.of_hazards(ids), "hazard_id"), next_cursor


async def update(work: Work, analysis_id: uuid.UUID, body: RosUpdate, if_match: int) -> RosSeen:
    analysis = await _mine(work, analysis_id)
    check_version(if_match, analysis.version)
    if body.analysed_on is not None:
        rules.check_analysed_on(body.analysed_on, work.today)
        analysis.analysed_on = body.analysed_on
    if body.participants is not None:
        analysis.participants = _participants(body.participants)
    if body.title is not None:
        analysis.title = body.title
    if body.scope is not None:
        analysis.scope = body.scope
    await work.session.flush()
    return await _seen(work, analysis)


async def add_hazard(work: Work, analysis_id: uuid.UUID, body: HazardIn, if_match: int) -> RosSeen:
    """A new hazard, graded on the deviations' matrix; the analysis gets a new version."""
    analysis = await _mine(work, analysis_id)
    check_version(if_match, analysis.version)
    analysis.hazards.append(
        RosHazard(
            description=body.description,
            existing_barriers=body.existing_barriers,
            consequence=body.consequence,
            probability=body.probability,
            risk_score=risk.score(body.consequence, body.probability),
        )
    )
    analysis.updated_at = datetime.now(UTC)  # a new version: a copy opened before is stale
    await work.session.flush()
    return await _seen(work, analysis)


async def add_measure(
    work: Work, analysis_id: uuid.UUID, hazard_id: uuid.UUID, body: MeasureIn
) -> Measure:
    analysis = await _mine(work, analysis_id)
    hazard = next((h for h in analysis.hazards if h.id == hazard_id), None)
    if hazard is None:
        raise NotFound("The analysis has no such hazard")
    return await work.measures.add(new_measure(work, body, analysis.unit, hazard_id=hazard.id))


async def approve(work: Work, analysis_id: uuid.UUID, if_match: int) -> RosSeen:
    """Approve once every high risk has a measure that is not cancelled."""
    analysis = await _mine(work, analysis_id)
    check_version(if_match, analysis.version)
    seen = await _seen(work, analysis)
    rules.check_approval(
        RosStatus(analysis.status),
        [
            rules.Hazard(
                h.description,
                h.risk_score,
                sum(
                    1
                    for m in seen.measures.get(h.id, [])
                    if m.status != ActionStatus.cancelled.value
                ),
            )
            for h in ordered(analysis)
        ],
    )
    analysis.status = RosStatus.approved.value
    analysis.approved_on = work.today
    analysis.approved_by = work.user.name
    await work.session.flush()
    return seen


async def hazards_of_unit(work: Work, unit: str) -> Sequence[tuple[RosHazard, RiskAnalysis]]:
    """The hazards a deviation in `unit` can confirm; for those who handle that unit."""
    measure_rules.check_works_with(work.user, unit)
    return await work.ros.hazards_of_unit(unit)

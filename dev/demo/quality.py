"""Deviations (avvik) over five years in a generated municipality's units.

Each unit that delivers services reports dozens of deviations a year, more the
more persons it serves, in every category (medication and falls the most, as
in the service's own demo). How far each has come depends on its age, as in
the service's seed: the old ones closed with causes, a corrective action and a
learning summary, some still investigated with actions overdue, the newest
reported or acknowledged. A few are serious events with the notification
checklist done, some anonymous, samhandlingsavvik name the hospital or the GP.
Deviations about a person point at intake's generated person, and some link to
the decision, the individual plan or the welfare-technology loan by id
(verified, as the service checks links when they are reported). The handling
itself (steps, causes, actions, closing) follows the service's seed, with its texts.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from dev.demo.bulk import DecisionFacts, Facts, Tables, _uuid
from services.quality.domain.deadlines import (
    DEFAULT_ACKNOWLEDGE_WORKING_DAYS,
    acknowledge_by,
    working_days,
)
from services.quality.domain.guidance import checklist_codes
from services.quality.seed import (
    ACTIONS,
    CAUSES,
    LEADERS,
    LEARNING,
    PARTIES,
    REPORTERS,
    WHAT,
    _categories,
    _status_for,
)
from shared.schemas.quality import (
    ActionStatus,
    CauseCategory,
    DeviationCategory,
    DeviationStatus,
    LinkKind,
    LinkStatus,
)

YEARS = 5
PER_UNIT_YEAR = (12, 0.25, 150)
"""Deviations a year per unit: at least, per person the unit serves, at most."""
ABOUT_A_PERSON = {
    DeviationCategory.medication,
    DeviationCategory.fall,
    DeviationCategory.documentation,
    DeviationCategory.service_not_delivered,
    DeviationCategory.welfare_technology,
    DeviationCategory.violence,
}


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=UTC)


def demo_leader(municipality: str) -> tuple[str, str]:
    return LEADERS.get(municipality, (f"leder-{municipality}", "Kari Leder"))


class QualityGenerator:
    def __init__(
        self,
        facts: Facts,
        municipality: str,
        seed: int,
        today: date,
        *,
        plans: list[tuple[uuid.UUID, uuid.UUID]],
        loans: list[tuple[uuid.UUID, uuid.UUID, str]],
    ) -> None:
        self.facts, self.today = facts, today
        self.municipality = municipality
        self.rng = random.Random(f"{seed}-{municipality}-quality")
        self.tables = Tables(municipality)
        self.plans = dict((person, plan) for plan, person in plans)
        self.loans: dict[str, list[tuple[uuid.UUID, uuid.UUID]]] = defaultdict(list)
        for loan_id, person_id, unit in loans:
            self.loans[unit].append((loan_id, person_id))
        self.reporters = REPORTERS.get(
            municipality,
            [(f"ansatt-{municipality}-{n}", name) for n, name in
             enumerate(["Aisha Rahman", "Martin Haugen", "Jonas Berg", "Tone Lie"])],
        )  # fmt: skip
        self.parties = PARTIES.get(municipality, ["Sykehuset", "Legesenteret"])
        self.calendar = working_days()
        self.checklist = checklist_codes()

    def generate(self) -> Tables:
        rng = self.rng
        served: dict[str, list[DecisionFacts]] = defaultdict(list)
        for decision in self.facts.decisions:
            if decision.delivered and decision.unit:
                served[decision.unit].append(decision)
        low, per_person, high = PER_UNIT_YEAR
        for unit in self.facts.units:
            persons = len({d.person_id for d in served[unit]})
            per_year = min(high, max(low, round(persons * per_person)))
            for _ in range(per_year * YEARS + rng.randint(-per_year // 4, per_year // 4)):
                self.deviation(unit, served[unit])
        return self.tables

    def deviation(self, unit: str, served: list[DecisionFacts]) -> None:
        rng, today = self.rng, self.today
        leader_sub, leader_name = demo_leader(self.municipality)
        age = rng.randint(0, 365 * YEARS)
        reported_on = today - timedelta(days=age)
        category = _categories(rng)
        status = _status_for(age, rng)
        is_serious = rng.random() < 0.012
        consequence = 5 if is_serious else rng.choices([1, 2, 3, 4], [30, 35, 25, 10])[0]
        probability = rng.choices([1, 2, 3, 4, 5], [15, 30, 30, 15, 10])[0]
        anonymous = rng.random() < 0.05
        reporter = rng.choice(self.reporters)
        what, immediate = WHAT[category]
        links: list[tuple[LinkKind, uuid.UUID]] = []
        person_id = None
        if category in ABOUT_A_PERSON and served and rng.random() < 0.6:
            if category == DeviationCategory.welfare_technology and self.loans[unit]:
                loan_id, person_id = rng.choice(self.loans[unit])
                links.append((LinkKind.loan, loan_id))
            else:
                decision = rng.choice(served)
                person_id = decision.person_id
                if rng.random() < 0.3:
                    links.append((LinkKind.decision, decision.id))
                if person_id in self.plans and rng.random() < 0.5:
                    links.append((LinkKind.plan, self.plans[person_id]))
        who = None if anonymous else reporter
        deviation: dict[str, Any] = {
            "occurred_at": _at(reported_on - timedelta(days=rng.randint(0, 1)), rng.randint(6, 22)),
            "discovered_at": _at(reported_on, rng.randint(6, 12)),
            "reported_on": reported_on,
            "unit": unit,
            "place": rng.choice(
                ["Hos bruker", "Bad", "Fellesstue", "Medisinrom", "Korridor", None]
            ),
            "category": category.value,
            "collaboration_party": rng.choice(self.parties)
            if category is DeviationCategory.collaboration
            else None,
            "what_happened": what,
            "immediate_action": immediate,
            "person_id": person_id,
            "consequence": consequence,
            "probability": probability,
            "risk_score": consequence * probability,
            "is_serious": is_serious,
            "notification_checklist": [
                {
                    "code": code,
                    "done_at": _at(reported_on, 14).isoformat(),
                    "done_by_name": leader_name,
                }
                for code in self.checklist
            ]
            if is_serious
            else [],  # fmt: skip
            "is_anonymous": anonymous,
            "reporter_sub": who[0] if who else None,
            "reporter_name": who[1] if who else None,
            "receipt_hash": None,
            "status": DeviationStatus.reported.value,
            "acknowledge_by": acknowledge_by(
                reported_on, DEFAULT_ACKNOWLEDGE_WORKING_DAYS, self.calendar
            ),
            "acknowledged_on": None,
            "handler_name": None,
            "investigation": None,
            "causes": [],
            "learning_summary": None,
            "outcome_for_reporter": None,
            "closed_on": None,
        }
        steps = [(_at(reported_on, 13), "reported", None, DeviationStatus.reported, who)]
        actions = self.handle(deviation, status, steps, (leader_sub, leader_name))
        deviation_id = self.tables.add(
            "deviations",
            _uuid(rng),
            _at(reported_on, 13),
            updated_at=steps[-1][0],
            version=len(steps),
            **deviation,
        )
        for kind, target in links:
            self.tables.add(
                "deviation_links",
                _uuid(rng),
                _at(reported_on, 13),
                deviation_id=deviation_id,
                kind=kind.value,
                target_id=target,
                status=LinkStatus.verified.value,
                checked_at=_at(reported_on, 13),
            )
        for at, done, before, after, actor in steps:
            self.tables.add(
                "deviation_steps",
                _uuid(rng),
                at,
                deviation_id=deviation_id,
                at=at,
                action=done,
                from_status=before.value if before else None,
                to_status=after.value,
                actor_sub=actor[0] if actor else None,
                actor_name=actor[1] if actor else None,
                note=None,
            )
        for corrective in actions:
            self.tables.add(
                "corrective_actions",
                _uuid(rng),
                _at(reported_on, 15),
                deviation_id=deviation_id,
                **corrective,
            )

    def handle(
        self,
        deviation: dict[str, Any],
        status: DeviationStatus,
        steps: list[Any],
        who: tuple[str, str],
    ) -> list[dict[str, Any]]:
        """Acknowledged, investigated (causes, a corrective action) and closed (a learning
        summary) as far as `status`, as the service's seed hands its demo deviations."""
        rng, today = self.rng, self.today
        if status is DeviationStatus.reported:
            return []
        acknowledged = min(
            today, deviation["reported_on"] + timedelta(days=rng.choice([1, 2, 3, 5, 9]))
        )
        deviation |= {
            "acknowledged_on": acknowledged,
            "handler_name": who[1],
            "status": DeviationStatus.acknowledged.value,
        }
        steps.append(
            (_at(acknowledged, 15), "acknowledged", DeviationStatus.reported,
             DeviationStatus.acknowledged, who)
        )  # fmt: skip
        if status is DeviationStatus.acknowledged:
            return []
        investigated = min(today, acknowledged + timedelta(days=rng.randint(2, 14)))
        direct, underlying = rng.sample(list(CauseCategory), 2)
        deviation |= {
            "investigation": "Gjennomgått med de involverte og i journalen.",
            "causes": [
                {"category": direct.value, "is_underlying": False, "description": CAUSES[direct]},
                {"category": underlying.value, "is_underlying": True,
                 "description": CAUSES[underlying]},
            ],
            "status": DeviationStatus.investigated.value,
        }  # fmt: skip
        at = _at(investigated, 15)
        steps.append(
            (at, "investigated", DeviationStatus.acknowledged, DeviationStatus.investigated, who)
        )
        due = investigated + timedelta(days=rng.choice([14, 30, 60]))
        done = status is DeviationStatus.closed and rng.random() < 0.8
        action_status = (
            ActionStatus.done
            if done
            else rng.choice([ActionStatus.planned, ActionStatus.in_progress])
        )
        actions = [
            {
                "description": rng.choice(ACTIONS),
                "responsible": who[1],
                "due_on": due,
                "status": action_status.value,
                "done_on": min(today, due) if done else None,
                "overdue_reported": False,
            }
        ]
        steps.append(
            (at, "action_added", DeviationStatus.investigated, DeviationStatus.investigated, who)
        )
        if status is DeviationStatus.investigated:
            return actions
        closed = min(today, investigated + timedelta(days=rng.randint(3, 30)))
        deviation |= {
            "learning_summary": rng.choice(LEARNING),
            "outcome_for_reporter": "Takk for meldingen. Vi har gått gjennom hendelsen og "
            "endret rutinen.",
            "closed_on": closed,
            "status": DeviationStatus.closed.value,
        }
        steps.append(
            (_at(closed, 15), "closed", DeviationStatus.investigated, DeviationStatus.closed, who)
        )
        return actions


def generate(
    facts: Facts,
    municipality: str,
    seed: int,
    today: date,
    *,
    plans: list[tuple[uuid.UUID, uuid.UUID]],
    loans: list[tuple[uuid.UUID, uuid.UUID, str]],
) -> Tables:
    return QualityGenerator(facts, municipality, seed, today, plans=plans, loans=loans).generate()

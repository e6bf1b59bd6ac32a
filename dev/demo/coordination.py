"""The koordinerende enhet of a generated municipality, from intake's generated decisions.

What coordination's feed consumer would have made of intake's decisions: every
decided service (`person_services`, ended ones ended), and a system-suggested
request for each person whose long-term services come from two or more units.
Most of those requests were assessed (a koordinator, and an individual plan for
a third of them; many persons decline), some still wait in the inbox, and a few persons
with services from one unit asked themselves (or a relative or an employee did).
Plans are drafts, active or closed: goals in the person's own words, the
decided services as measures and a few of their own (some overdue), the
ansvarsgruppe, consent before activation, meetings with approved minutes,
evaluations every half year (some overdue), and every version kept. Most
persons with services have a primærkontakt in each unit that serves them.
Koordinators carry 20–30 persons each; the municipality's demo koordinator is
one of them.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from dev.demo.bulk import DecisionFacts, Facts, PersonFacts, Tables, _instant, _uuid
from services.coordination.domain import needs
from services.coordination.domain.consent import Audience, ConsentGiver
from services.coordination.domain.evaluations import GoalResult
from services.coordination.domain.meetings import MeetingStatus
from services.coordination.domain.plans import (
    Goal,
    GoalStatus,
    LifeArea,
    Measure,
    MeasureSource,
    MeasureStatus,
    PlanContent,
    ResponsibleKind,
    TeamMember,
)
from shared.schemas.coordination import (
    CoordinatorKind,
    PlanStatus,
    RequestOutcome,
    RequestSource,
    RequestStatus,
)

CASELOAD = 25
"""Persons per koordinator (about)."""
PRIMARY_CONTACT_SHARE = 0.85
"""Of the persons a unit serves, the share with a named primærkontakt there."""
INBOX_SHARE = 0.12
"""Of the requests, the share still waiting to be assessed."""
GRANTED_SHARE = 0.3
"""Of the assessed requests, the share granted a plan (when asked for) and a koordinator."""
COORDINATOR_ONLY_SHARE = 0.35
"""… the share granted a koordinator only; the rest say no (most: the person does not want it)."""
SELF_ASKED_SHARE = 0.01
"""Of the persons served by one unit, the share who asked for coordination themselves."""

GOALS = [
    (LifeArea.daily_living, "Jeg vil klare å dusje selv igjen."),
    (LifeArea.social, "Jeg vil gå på seniorsenteret på tirsdager."),
    (LifeArea.housing, "Jeg vil bo hjemme så lenge jeg kan."),
    (LifeArea.leisure, "Jeg vil gå tur med hunden hver dag."),
    (LifeArea.health, "Jeg vil ha mindre vondt i ryggen om morgenen."),
    (LifeArea.family, "Jeg vil besøke barnebarna til jul."),
    (LifeArea.daily_living, "Jeg vil lage middag selv noen dager i uka."),
    (LifeArea.social, "Jeg vil ringe søsteren min oftere."),
    (LifeArea.work_school, "Jeg vil tilbake i jobb i redusert stilling."),
    (LifeArea.finances, "Jeg vil ha oversikt over regningene mine."),
    (LifeArea.health, "Jeg vil sove bedre om natten."),
    (LifeArea.leisure, "Jeg vil komme meg i kirken på søndager."),
]
OWN_MEASURES = [
    (ResponsibleKind.nav, "NAV Hjelpemiddelsentral", "Søke NAV om hjelpemidler til badet"),
    (ResponsibleKind.gp, "Fastlegen", "Gjennomgå medisinlisten"),
    (ResponsibleKind.relative, "Datter", "Følge til frisør og butikk hver lørdag"),
    (ResponsibleKind.specialist, "Sykehuset, geriatrisk poliklinikk", "Utredning av hukommelsen"),
    (ResponsibleKind.other, "Frivilligsentralen", "Besøksvenn en gang i uka"),
    (ResponsibleKind.nav, "NAV-kontoret", "Avklare arbeidsevne og ytelser"),
]
FIRST = ["Kari", "Ola", "Ingrid", "Lars", "Siri", "Nils", "Hanne", "Erik", "Mona", "Jon"]
LAST = ["Berg", "Dahl", "Lie", "Moen", "Strand", "Hagen", "Aune", "Bakke", "Lund", "Vik"]
CLOSE_REASONS = [
    "Personen har flyttet til langtidsplass; planen følges opp der.",
    "Målene er nådd, og personen ønsker ikke plan lenger.",
    "Personen er død.",
    "Personen har flyttet fra kommunen.",
]
DEMO_COORDINATORS = {
    "3207": ("koordinator-nordrefollo", "Martin Haugen"),
    "5032": ("koordinator-selbu", "Ola Flønes"),
}


def demo_coordinator(municipality: str) -> tuple[str, str]:
    """The koordinator whose caseload the bench and the tests open (`sub`, name)."""
    return DEMO_COORDINATORS.get(municipality, (f"koordinator-{municipality}", "Kari Koordinator"))


class CoordinationGenerator:
    def __init__(self, facts: Facts, municipality: str, seed: int, today: date) -> None:
        self.facts, self.today = facts, today
        self.rng = random.Random(f"{seed}-{municipality}-coordination")
        self.tables = Tables(municipality)
        self.coordinators = [demo_coordinator(municipality)]
        self.caseloads: dict[str, int] = defaultdict(int)

    def _name(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def _coordinator(self) -> tuple[str, str]:
        """The koordinator with room in the caseload; a new one when all are full."""
        for sub, name in self.coordinators:
            if self.caseloads[sub] < CASELOAD:
                self.caseloads[sub] += 1
                return sub, name
        number = len(self.coordinators) + 1
        municipality = self.tables.municipality
        self.coordinators.append((f"koordinator-{municipality}-{number:03d}", self._name()))
        return self._coordinator()

    def generate(self) -> Tables:
        rng, today = self.rng, self.today
        by_person: dict[uuid.UUID, list[DecisionFacts]] = defaultdict(list)
        for decision in self.facts.decisions:
            if not decision.delivered:
                continue
            by_person[decision.person_id].append(decision)
            self.tables.add(
                "person_services",
                _uuid(rng),
                _instant(decision.made_on, rng),
                decision_id=decision.id,
                person_id=decision.person_id,
                service_type=decision.service_type,
                unit=decision.unit,
                starts_on=decision.starts_on,
                ends_on=decision.ends_on,
                ended_on=decision.ended_on,
            )
        for person_id in sorted(by_person, key=str):
            decisions = sorted(by_person[person_id], key=lambda d: (d.made_on, str(d.id)))
            person = self.facts.persons[person_id]
            self.primary_contacts(person, decisions)
            facts = [
                needs.ServiceFacts(d.id, d.unit, d.starts_on, d.ends_on, d.ended_on)
                for d in decisions
            ]
            units = needs.long_term_units(facts, today)
            if len(units) >= 2:
                self.request(person, decisions, sorted(units), suggested=True)
            elif units and rng.random() < SELF_ASKED_SHARE:
                self.request(person, decisions, sorted(units), suggested=False)
        return self.tables

    # --- primærkontakt ---------------------------------------------------------------------

    def primary_contacts(self, person: PersonFacts, decisions: list[DecisionFacts]) -> None:
        rng, today = self.rng, self.today
        seen: set[str] = set()
        for decision in decisions:
            if not decision.running(today) or not decision.unit or decision.unit in seen:
                continue
            seen.add(decision.unit)
            if rng.random() > PRIMARY_CONTACT_SHARE:
                continue
            start = decision.starts_on or decision.made_on
            since = min(start + timedelta(days=rng.randint(1, 20)), today)
            self.tables.add(
                "primary_contacts",
                _uuid(rng),
                _instant(since, rng),
                person_id=person.id,
                unit=decision.unit,
                employee_sub=None,
                employee_name=self._name(),
                from_date=since,
                to_date=None,
            )

    # --- requests, koordinators and plans ----------------------------------------------------

    def request(
        self,
        person: PersonFacts,
        decisions: list[DecisionFacts],
        units: list[str],
        *,
        suggested: bool,
    ) -> None:
        rng, today = self.rng, self.today
        running = [d for d in decisions if d.running(today)]
        # the feed files it the day the decision that made two units was made
        received = max(d.made_on for d in running)
        if rng.random() < INBOX_SHARE:
            received = today - timedelta(days=rng.randint(0, 40))
        received = min(received, today)
        if suggested:
            source = RequestSource.system
        else:
            source = rng.choice(
                [RequestSource.person, RequestSource.relative, RequestSource.employee]
            )
        waiting = today - received <= timedelta(days=40) and rng.random() < 0.6
        request_id = _uuid(rng)
        values: dict[str, Any] = {
            "person_id": person.id,
            "person_name": person.name,
            "birth_date": person.birth_date,
            "received_on": received,
            "source": source.value,
            "wants_plan": source != RequestSource.employee or rng.random() < 0.5,
            "wants_coordinator": True,
            "submitted_by": {
                RequestSource.system: "Mestring (forslag fra vedtak)",
                RequestSource.relative: f"Datter av {person.given_name}",
                RequestSource.employee: "Hjemmesykepleier",
                RequestSource.person: person.name,
            }[source],
            "submitted_by_sub": None,
            "description": "Personen har langvarige tjenester fra to eller flere enheter."
            if suggested
            else "Ønsker én å forholde seg til i kommunen.",
            "units": units if suggested else [],
            "status": RequestStatus.received.value,
            "outcome": None,
            "grants_plan": None,
            "grants_coordinator": None,
            "reasons": None,
            "assessed_on": None,
            "assessed_by_name": None,
        }
        if waiting:
            self.tables.add("coordination_requests", request_id, _instant(received, rng), **values)
            return
        assessed = min(received + timedelta(days=rng.randint(3, 21)), today)
        roll = rng.random()
        outcome = (
            RequestOutcome.granted
            if roll < GRANTED_SHARE
            else RequestOutcome.partly_granted
            if roll < GRANTED_SHARE + COORDINATOR_ONLY_SHARE
            else RequestOutcome.refused
        )
        grants_plan = outcome == RequestOutcome.granted and values["wants_plan"]
        grants_coordinator = outcome != RequestOutcome.refused
        values |= {
            "status": RequestStatus.assessed.value,
            "outcome": outcome.value,
            "grants_plan": grants_plan,
            "grants_coordinator": grants_coordinator,
            "reasons": "Behov for langvarige og koordinerte tjenester (hol § 7-1, § 7-2)."
            if grants_coordinator
            else "Personen ønsker ikke plan eller koordinator nå.",
            "assessed_on": assessed,
            "assessed_by_name": self.coordinators[0][1],
        }
        self.tables.add("coordination_requests", request_id, _instant(received, rng), **values)
        if not grants_coordinator:
            return
        sub, name = self.assign(person, assessed, request_id)
        if grants_plan:
            self.plan(person, running, assessed, request_id, name)

    def assign(self, person: PersonFacts, since: date, request_id: uuid.UUID) -> tuple[str, str]:
        rng, today = self.rng, self.today
        sub, name = self._coordinator()
        if (today - since).days > 200 and rng.random() < 0.15:  # handed over from another
            handed = since + timedelta(days=rng.randint(60, (today - since).days - 30))
            former = (f"koordinator-{self.tables.municipality}-tidligere", "Liv Bakken")
            self._assignment(person, former, since, request_id, until=handed - timedelta(days=1))
            since = handed
        self._assignment(person, (sub, name), since, request_id)
        return sub, name

    def _assignment(
        self,
        person: PersonFacts,
        who: tuple[str, str],
        since: date,
        request_id: uuid.UUID,
        *,
        until: date | None = None,
    ) -> None:
        self.tables.add(
            "coordinator_assignments",
            _uuid(self.rng),
            _instant(since, self.rng),
            person_id=person.id,
            person_name=person.name,
            coordinator_sub=who[0],
            coordinator_name=who[1],
            kind=(
                CoordinatorKind.child_coordinator
                if person.age(since) < 18
                else CoordinatorKind.coordinator
            ).value,
            from_date=since,
            to_date=until,
            ended_reason="hand-over" if until else None,
            request_id=request_id,
        )

    def content(
        self, person: PersonFacts, running: list[DecisionFacts], started: date, status: PlanStatus
    ) -> PlanContent:
        rng, today = self.rng, self.today
        goals = [
            Goal(id=_uuid(rng), life_area=area, text=text)
            for area, text in rng.sample(GOALS, k=rng.randint(1, 3))
        ]
        measures = [
            Measure(
                id=_uuid(rng),
                what=d.service_type,
                responsible_kind=ResponsibleKind.unit,
                responsible=d.unit or "ukjent enhet",
                decision_id=d.id,
                service_type=d.service_type,
                starts_on=d.starts_on,
                due_on=d.ends_on,
                status=MeasureStatus.ongoing
                if status != PlanStatus.draft
                else MeasureStatus.to_confirm,
                source=MeasureSource.decision,
                goal_id=goals[0].id,
            )
            for d in running
        ]
        for kind, responsible, what in rng.sample(OWN_MEASURES, k=rng.randint(1, 2)):
            starts = started + timedelta(days=rng.randint(0, 30))
            overdue = rng.random() < 0.25
            due = (
                today - timedelta(days=rng.randint(1, 60))
                if overdue
                else today + timedelta(days=rng.randint(10, 120))
            )
            measures.append(
                Measure(
                    id=_uuid(rng),
                    what=what,
                    responsible_kind=kind,
                    responsible=responsible,
                    goal_id=rng.choice(goals).id,
                    starts_on=min(starts, due),
                    due_on=due,
                    status=MeasureStatus.ongoing if starts <= today else MeasureStatus.planned,
                )
            )
        team = [
            TeamMember(
                id=_uuid(rng),
                name=f"{rng.choice(FIRST)} {person.family_name}",
                role=rng.choice(["datter", "sønn", "ektefelle"]),
                contact=f"4{rng.randint(1000000, 9999999)}",
                may_see_plan=True,
            ),
            TeamMember(
                id=_uuid(rng),
                name=f"Dr. {rng.choice(LAST)}",
                role="fastlege",
                organisation=f"{person.city} legesenter",
                may_see_plan=rng.random() < 0.7,
            ),
        ]
        for unit in sorted({d.unit for d in running if d.unit}):
            team.append(
                TeamMember(
                    id=_uuid(rng),
                    name=self._name(),
                    role="primærkontakt",
                    unit=unit,
                    may_see_plan=True,
                )  # fmt: skip
            )
        content = PlanContent(goals=goals, measures=measures, team=team)
        content.check()
        return content

    def plan(
        self,
        person: PersonFacts,
        running: list[DecisionFacts],
        granted: date,
        request_id: uuid.UUID,
        coordinator: str,
    ) -> None:
        rng, today = self.rng, self.today
        age = (today - granted).days
        roll = rng.random()
        if age < 30 or roll < 0.1:
            status = PlanStatus.draft
        elif roll < 0.75 or age < 120:
            status = PlanStatus.active
        else:
            status = PlanStatus.closed
        started = granted + timedelta(days=rng.randint(0, 7))
        content = self.content(person, running, started, status)
        activated = closed = None
        evaluations: list[date] = []
        if status != PlanStatus.draft:
            activated = min(started + timedelta(days=rng.randint(14, 40)), today)
            if status == PlanStatus.closed:
                closed = min(activated + timedelta(days=rng.randint(90, 900)), today)
            last = closed or today
            evaluated = activated + timedelta(days=182)
            while evaluated <= last and (status == PlanStatus.closed or rng.random() < 0.9):
                evaluations.append(evaluated)
                evaluated += timedelta(days=182)
            next_evaluation = evaluated
            if status == PlanStatus.active and rng.random() < 0.15:
                next_evaluation = today - timedelta(days=rng.randint(1, 60))  # overdue
            content.next_evaluation_on = next_evaluation if status == PlanStatus.active else None
        else:
            content.next_evaluation_on = today + timedelta(days=rng.randint(60, 180))
        if evaluations:
            statuses = [GoalStatus.partly_reached, GoalStatus.reached, GoalStatus.open]
            content.goals = [
                goal.model_copy(update={"status": rng.choice(statuses)}) for goal in content.goals
            ]
        versions = 1 + (1 if activated else 0) + len(evaluations) + (1 if closed else 0)
        plan_id = _uuid(rng)
        dumped = content.model_dump(mode="json")
        self.tables.add(
            "plans",
            plan_id,
            _instant(started, rng),
            updated_at=_instant(closed or (evaluations[-1] if evaluations else started), rng),
            version=versions,
            person_id=person.id,
            person_name=person.name,
            birth_date=person.birth_date,
            status=status.value,
            content=dumped,
            next_evaluation_on=content.next_evaluation_on,
            activated_on=activated,
            closed_on=closed,
            closed_reason=rng.choice(CLOSE_REASONS) if closed else None,
            request_id=request_id,
        )
        first = PlanContent(goals=content.goals[:1]).model_dump(mode="json")
        for number in range(1, versions + 1):
            final = number == versions
            if number == 1:
                on, version_status, note = started, PlanStatus.draft, "Planen er opprettet"
            elif number == 2 and activated:
                on, version_status, note = activated, PlanStatus.active, "Planen er aktivert"
            elif final and closed:
                on, version_status, note = closed, PlanStatus.closed, "Planen er avsluttet"
            else:
                on = evaluations[min(number - 3, len(evaluations) - 1)] if evaluations else today
                version_status, note = PlanStatus.active, "Evaluert"
            self.tables.add(
                "plan_versions",
                _uuid(rng),
                _instant(on, rng),
                plan_id=plan_id,
                number=number,
                status=(status if final else version_status).value,
                content=dumped if final else first,
                changed_by_name=coordinator,
                note=note,
            )
        if activated is None:
            return
        given = max(started, activated - timedelta(days=rng.randint(0, 10)))
        self.tables.add(
            "consents",
            _uuid(rng),
            _instant(given, rng),
            plan_id=plan_id,
            person_id=person.id,
            given_by_kind=ConsentGiver.person.value,
            given_by_name=person.name,
            representative_id=None,
            representative_scope=None,
            scope_confirmed_by=None,
            given_on=given,
            valid_until=None,
            audiences=[Audience.serving_units.value, Audience.team_members.value],
            member_ids=[str(m.id) for m in content.team if m.may_see_plan],
            note=None,
            recorded_by_name=coordinator,
            withdrawn_on=None,
            withdrawn_reason=None,
        )
        self.meetings(plan_id, person, content, activated, closed, coordinator)
        for index, on in enumerate(evaluations):
            self.tables.add(
                "evaluations",
                _uuid(rng),
                _instant(on, rng),
                plan_id=plan_id,
                person_id=person.id,
                evaluated_on=on,
                results=[
                    {
                        "goal_id": str(goal.id),
                        "result": rng.choice(list(GoalResult)).value,
                        "note": rng.choice(["Går bedre", "Uendret", "Nådd", None]),
                    }
                    for goal in content.goals
                ],
                next_evaluation_on=on + timedelta(days=182),
                plan_version=min(index + 3, versions),
                recorded_by_name=coordinator,
            )

    def meetings(
        self,
        plan_id: uuid.UUID,
        person: PersonFacts,
        content: PlanContent,
        activated: date,
        closed: date | None,
        coordinator: str,
    ) -> None:
        rng, today = self.rng, self.today
        held = activated
        last = closed or today
        attendees = [{"name": m.name, "role": m.role, "present": True} for m in content.team]
        while held <= last:
            approved = min(held + timedelta(days=rng.randint(1, 7)), today)
            self.tables.add(
                "meetings",
                _uuid(rng),
                _instant(held, rng),
                plan_id=plan_id,
                person_id=person.id,
                meeting_on=held,
                place=rng.choice(["Hjemme hos personen", "Rådhuset, møterom 2", "Teams"]),
                agenda=["Hvordan går det?", "Mål og tiltak", "Neste møte"],
                attendees=attendees,
                minutes="Vi gikk gjennom målene. Tiltakene fortsetter som planlagt.",
                decisions=[],
                status=MeetingStatus.approved.value,
                approved_on=approved,
                approved_by_name=coordinator,
            )
            held += timedelta(days=rng.randint(90, 180))
        if closed is None and rng.random() < 0.3:
            planned = today + timedelta(days=rng.randint(3, 40))
            self.tables.add(
                "meetings",
                _uuid(rng),
                _instant(today, rng),
                plan_id=plan_id,
                person_id=person.id,
                meeting_on=planned,
                place="Rådhuset, møterom 2",
                agenda=["Evaluering av planen"],
                attendees=attendees,
                minutes=None,
                decisions=[],
                status=MeetingStatus.planned.value,
                approved_on=None,
                approved_by_name=None,
            )


def generate(facts: Facts, municipality: str, seed: int, today: date) -> Tables:
    return CoordinationGenerator(facts, municipality, seed, today).generate()

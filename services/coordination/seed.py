"""Demo data for the koordinerende enhet in Nordre Follo and Selbu; safe to run twice.

It fits intake's demo persons: the persons and their decisions are read through
intake's own API (`read_intake`, with a client the runner gives, so this module
imports nothing of intake), and the child who gets a barnekoordinator
(hol § 7-2 a) is registered through that API too, since intake's demo has no
children. What it loads per municipality: the decided services intake knows
(as the feed would have told them), requests waiting in the inbox, active and
draft plans with goals in the persons' own words, measures (some overdue),
care teams, consent, meetings with approved minutes and one without, an
evaluation, a koordinator who handed over her persons, the child with a
barnekoordinator, primærkontakter in some units (not all), and persons with
long-term services from two units and no koordinator. Dates are relative to the
day it is loaded.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.coordination.domain.consent import Audience
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
from services.coordination.models import (
    Consent,
    CoordinationRequest,
    CoordinatorAssignment,
    Evaluation,
    Meeting,
    PersonService,
    Plan,
    PlanVersion,
    PrimaryContact,
)
from shared.clock import today_in_norway
from shared.db import create_engine, create_sessionmaker, set_tenant
from shared.national_id import make_synthetic
from shared.schemas.coordination import CoordinatorKind, PlanStatus, RequestSource, RequestStatus
from shared.schemas.intake import DecisionSummary, PersonSummary

RUNNING = {"made", "sent", "in_force", "evaluated"}
CLINICIANS = {
    "3207": ("helsepersonell-nordrefollo", "Aisha Rahman"),
    "5032": ("helsepersonell-selbu", "Tone Kjøsnes"),
}
FORMER = {
    "3207": ("koordinator-liv-bakken", "Liv Bakken"),
    "5032": ("koordinator-eli-flor", "Eli Flor"),
}
CHILD = {
    "3207": ("Emma", "Sandvik", "Langhus"),
    "5032": ("Nora", "Kjøsnes", "Selbu"),
}
GOALS = [
    (LifeArea.daily_living, "Jeg vil klare å dusje selv igjen."),
    (LifeArea.social, "Jeg vil gå på seniorsenteret på tirsdager."),
    (LifeArea.housing, "Jeg vil bo hjemme så lenge jeg kan."),
    (LifeArea.leisure, "Jeg vil gå tur med hunden hver dag."),
    (LifeArea.health, "Jeg vil ha mindre vondt i ryggen om morgenen."),
    (LifeArea.family, "Jeg vil besøke barnebarna i Oslo til jul."),
]


@dataclass
class IntakeData:
    """What coordination's demo needs of intake: persons and their decisions."""

    persons: list[PersonSummary]
    decisions: list[DecisionSummary]
    child: PersonSummary | None


async def read_intake(intake: httpx.AsyncClient, municipality: str) -> IntakeData:
    """The persons and decisions of the caller's municipality through intake's own API, and
    the demo child (registered there if it is not yet)."""
    persons: list[PersonSummary] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        page = (await intake.get("/api/intake/v1/persons", params=params)).raise_for_status().json()
        persons += [PersonSummary.model_validate(p) for p in page["items"]]
        if not (cursor := page.get("next_cursor")):
            break
    decisions: list[DecisionSummary] = []
    cursor = None
    while True:
        params = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        page = (
            (await intake.get("/api/intake/v1/decisions", params=params)).raise_for_status().json()
        )
        decisions += [
            DecisionSummary.model_validate({**d, "person_id": d["person"]["id"]})
            for d in page["items"]
        ]
        if not (cursor := page.get("next_cursor")):
            break
    return IntakeData(persons, decisions, await _child(intake, municipality, persons))


async def _child(
    intake: httpx.AsyncClient, municipality: str, persons: list[PersonSummary]
) -> PersonSummary | None:
    given, family, city = CHILD[municipality]
    for person in persons:
        if (person.given_name, person.family_name) == (given, family):
            return person
    born = date(today_in_norway().year - 9, 3, 14)
    rng = random.Random(int(municipality) + 7)
    number = ""
    while not number:
        number = make_synthetic(born, rng.randint(0, 499))
    body = {
        "national_id": number,
        "given_name": given,
        "family_name": family,
        "address": {"street": "Skoleveien 4", "postcode": "", "city": city},
        "relatives": [
            {
                "name": f"Hanne {family}",
                "relation": "mor",
                "is_next_of_kin": True,
                "information_scope": "health",
            },
            {
                "name": f"Jon {family}",
                "relation": "far",
                "is_next_of_kin": True,
                "information_scope": "health",
            },
        ],
        "representatives": [
            {
                "kind": "guardian",
                "name": f"Hanne {family}",
                "scope": "Foreldreansvar: alle personlige forhold og helse",
            }
        ],
    }
    response = await intake.post("/api/intake/v1/persons", json=body)
    if response.status_code != 201:
        return None
    data = response.json()
    return PersonSummary(
        id=data["id"],
        given_name=given,
        family_name=family,
        birth_date=born,
        national_id_masked=data["national_id_masked"],
        city=city,
    )


def _name(person: PersonSummary) -> str:
    return f"{person.given_name} {person.family_name}"


class Story:
    """One municipality's coordination, built with the domain's own types."""

    def __init__(
        self, session: AsyncSession, number: str, coordinator: tuple[str, str], today: date
    ) -> None:
        self.session, self.number, self.today = session, number, today
        self.coordinator = coordinator
        self.rng = random.Random(int(number) * 3)

    async def plan(
        self,
        person: PersonSummary,
        content: PlanContent,
        status: PlanStatus,
        *,
        started: date,
        history: int = 1,
    ) -> Plan:
        plan = Plan(
            id=uuid.uuid4(),
            person_id=person.id,
            person_name=_name(person),
            birth_date=person.birth_date,
            status=status.value,
            content=content.model_dump(mode="json"),
            next_evaluation_on=content.next_evaluation_on,
            activated_on=started + timedelta(days=14) if status == PlanStatus.active else None,
            version=history,
        )
        self.session.add(plan)
        await self.session.flush()
        first = PlanContent(goals=content.goals[:1])
        for number in range(1, history + 1):
            last = number == history
            self.session.add(
                PlanVersion(
                    plan_id=plan.id,
                    number=number,
                    status=status.value if last else PlanStatus.draft.value,
                    content=(content if last else first).model_dump(mode="json"),
                    changed_by_name=self.coordinator[1],
                    note="Planen er opprettet" if number == 1 else "Planen er endret",
                )
            )
        return plan

    def assign(
        self,
        person: PersonSummary,
        sub: str,
        name: str,
        since: date,
        *,
        kind: CoordinatorKind = CoordinatorKind.coordinator,
        until: date | None = None,
    ) -> None:
        self.session.add(
            CoordinatorAssignment(
                person_id=person.id,
                person_name=_name(person),
                coordinator_sub=sub,
                coordinator_name=name,
                kind=kind.value,
                from_date=since,
                to_date=until,
                ended_reason="hand-over" if until else None,
            )
        )

    def content(
        self,
        person: PersonSummary,
        services: list[DecisionSummary],
        *,
        overdue: bool,
        evaluation_in: int,
    ) -> PlanContent:
        picked = self.rng.sample(GOALS, k=2)
        goals = [Goal(life_area=area, text=text) for area, text in picked]
        measures = [
            Measure(
                what=d.service_type,
                responsible_kind=ResponsibleKind.unit,
                responsible=d.unit or "ukjent",
                decision_id=d.id,
                service_type=d.service_type,
                starts_on=d.starts_on,
                due_on=d.ends_on,
                status=MeasureStatus.ongoing,
                source=MeasureSource.decision,
                goal_id=goals[0].id,
            )
            for d in services
        ]
        measures.append(
            Measure(
                what="Søke NAV om hjelpemidler til badet",
                responsible_kind=ResponsibleKind.nav,
                responsible="NAV Hjelpemiddelsentral",
                owner_name="Ergoterapeut",
                goal_id=goals[0].id,
                starts_on=self.today - timedelta(days=60),
                due_on=self.today - timedelta(days=5)
                if overdue
                else self.today + timedelta(days=40),
                status=MeasureStatus.ongoing,
            )
        )
        team = [
            TeamMember(
                name=f"Kari {person.family_name}",
                role="datter",
                contact="+47 915 55 555",
                may_see_plan=True,
            ),
            TeamMember(
                name=f"Dr. {self.rng.choice(['Hansen', 'Berg', 'Aune'])}",
                role="fastlege",
                organisation=f"{person.city} legesenter",
                may_see_plan=True,
            ),
        ]
        if services and services[0].unit:
            team.append(
                TeamMember(
                    name="Primærkontakt",
                    role="sykepleier",
                    unit=services[0].unit,
                    may_see_plan=True,
                )
            )
        return PlanContent(
            goals=goals,
            measures=measures,
            team=team,
            next_evaluation_on=self.today + timedelta(days=evaluation_in),
        )

    def consent(self, plan: Plan, content: PlanContent, given: date) -> None:
        self.session.add(
            Consent(
                plan_id=plan.id,
                person_id=plan.person_id,
                given_by_kind="person",
                given_by_name=plan.person_name or "Personen selv",
                given_on=given,
                audiences=[Audience.serving_units.value, Audience.team_members.value],
                member_ids=[str(m.id) for m in content.team if m.may_see_plan],
                recorded_by_name=self.coordinator[1],
            )
        )

    def meeting(self, plan: Plan, content: PlanContent, on: date, *, with_minutes: bool) -> None:
        self.session.add(
            Meeting(
                plan_id=plan.id,
                person_id=plan.person_id,
                meeting_on=on,
                place="Rådhuset, møterom 2",
                agenda=["Hvordan går det?", "Mål og tiltak", "Neste møte"],
                attendees=[{"name": m.name, "role": m.role, "present": True} for m in content.team],
                minutes="Vi gikk gjennom målene. Tiltakene fortsetter; datter følger opp NAV."
                if with_minutes
                else None,
                decisions=[],
                status=MeetingStatus.approved.value
                if with_minutes
                else MeetingStatus.planned.value,
                approved_on=on + timedelta(days=2) if with_minutes else None,
                approved_by_name=self.coordinator[1] if with_minutes else None,
            )
        )


async def seed_municipality(
    session: AsyncSession,
    number: str,
    intake: IntakeData,
    coordinator: tuple[str, str],
    today: date,
) -> int:
    """Load one municipality's demo; nothing when it has coordination data already."""
    await set_tenant(session, number)
    if await session.scalar(select(func.count()).select_from(CoordinationRequest)):
        return 0
    story = Story(session, number, coordinator, today)
    persons = {p.id: p for p in intake.persons}
    running: dict[uuid.UUID, list[DecisionSummary]] = defaultdict(list)
    for d in intake.decisions:
        if d.status in RUNNING and d.outcome != "refused" and d.person_id in persons:
            running[d.person_id].append(d)
            session.add(
                PersonService(
                    decision_id=d.id,
                    person_id=d.person_id,
                    service_type=d.service_type,
                    unit=d.unit,
                    starts_on=d.starts_on,
                    ends_on=d.ends_on,
                )
            )
    two_units = [p for p, ds in running.items() if len({d.unit for d in ds if d.unit}) >= 2]
    served = [p for p in running if p not in two_units]
    rng = story.rng
    rng.shuffle(two_units)
    rng.shuffle(served)

    # Active and draft plans of the demo koordinator.
    sub, name = coordinator
    with_plans = (two_units[:2] + served)[:5]
    for index, person_id in enumerate(with_plans):
        person = persons[person_id]
        started = today - timedelta(days=200 - index * 25)
        active = index < 3
        content = story.content(
            person,
            running[person_id],
            overdue=index in (0, 2),
            evaluation_in=-12 if index == 1 else 60 + index * 30,
        )
        if active and index == 0:
            content.goals[1] = content.goals[1].model_copy(
                update={"status": GoalStatus.partly_reached}
            )
        plan = await story.plan(
            person,
            content,
            PlanStatus.active if active else PlanStatus.draft,
            started=started,
            history=3 if active else 1,
        )
        story.assign(person, sub, name, started)
        if active:
            story.consent(plan, content, started + timedelta(days=10))
            story.meeting(plan, content, started + timedelta(days=20), with_minutes=True)
            if index == 0:
                story.meeting(plan, content, today - timedelta(days=6), with_minutes=False)
                session.add(
                    Evaluation(
                        plan_id=plan.id,
                        person_id=person_id,
                        evaluated_on=today - timedelta(days=30),
                        results=[
                            {
                                "goal_id": str(content.goals[1].id),
                                "result": "partly",
                                "note": "Går bedre",
                            }
                        ],
                        next_evaluation_on=content.next_evaluation_on or today,
                        plan_version=3,
                        recorded_by_name=name,
                    )
                )
            unit = next((d.unit for d in running[person_id] if d.unit), None)
            if unit:
                session.add(
                    PrimaryContact(
                        person_id=person_id,
                        unit=unit,
                        employee_name=CLINICIANS[number][1],
                        employee_sub=CLINICIANS[number][0],
                        from_date=started,
                    )
                )

    # A koordinator who left: her persons moved to the demo koordinator in one step.
    former_sub, former_name = FORMER[number]
    handed = today - timedelta(days=20)
    for person_id in served[5:8]:
        person = persons[person_id]
        since = today - timedelta(days=400)
        story.assign(person, former_sub, former_name, since, until=handed - timedelta(days=1))
        story.assign(person, sub, name, handed)

    # The child with a barnekoordinator (hol § 7-2 a), and a draft plan with the family.
    if intake.child is not None:
        child = intake.child
        story.assign(
            child, sub, name, today - timedelta(days=45), kind=CoordinatorKind.child_coordinator
        )
        content = PlanContent(
            goals=[
                Goal(life_area=LifeArea.work_school, text="Jeg vil være med klassen på turdagene."),
                Goal(
                    life_area=LifeArea.family,
                    text="Vi vil ha én fast person å ringe når noe endrer seg.",
                ),
            ],
            team=[
                TeamMember(name=f"Hanne {child.family_name}", role="mor", may_see_plan=True),
                TeamMember(
                    name="Kontaktlærer", role="lærer", organisation="Nærskolen", may_see_plan=False
                ),
                TeamMember(
                    name="PPT-rådgiver", role="PPT", organisation="PP-tjenesten", may_see_plan=False
                ),
                TeamMember(
                    name="Barnelege",
                    role="spesialisthelsetjenesten",
                    organisation="Sykehuset",
                    may_see_plan=False,
                ),
            ],
            next_evaluation_on=today + timedelta(days=90),
        )
        await story.plan(
            child, content, PlanStatus.draft, started=today - timedelta(days=40), history=2
        )

    # The inbox: requests waiting, the longest for weeks; one suggested by the system.
    waiting = two_units[2:4] + served[8:10]
    sources = [
        RequestSource.system,
        RequestSource.relative,
        RequestSource.employee,
        RequestSource.person,
    ]
    for index, person_id in enumerate(waiting):
        person = persons[person_id]
        source = sources[index % len(sources)]
        units = sorted({d.unit for d in running[person_id] if d.unit})
        session.add(
            CoordinationRequest(
                person_id=person_id,
                person_name=_name(person),
                birth_date=person.birth_date,
                received_on=today - timedelta(days=[38, 21, 9, 3][index % 4]),
                source=source.value,
                wants_plan=source != RequestSource.employee,
                wants_coordinator=True,
                submitted_by={
                    RequestSource.system: "Mestring (forslag fra vedtak)",
                    RequestSource.relative: f"Datter av {person.given_name}",
                    RequestSource.employee: "Hjemmesykepleier",
                    RequestSource.person: _name(person),
                }[source],
                description="Har tjenester fra flere enheter og ønsker én å forholde seg til.",
                units=units if source == RequestSource.system else [],
                status=RequestStatus.received.value,
            )
        )
    # Two units and still no koordinator nor request: for the overview (two_units[4:]).
    await session.flush()
    return len(with_plans) + len(waiting)


async def seed(
    sessionmaker: async_sessionmaker[AsyncSession],
    intake: Mapping[str, IntakeData],
    coordinators: Mapping[str, tuple[str, str]],
    today: date | None = None,
) -> int:
    added = 0
    for number, data in intake.items():
        async with sessionmaker() as session, session.begin():
            added += await seed_municipality(
                session, number, data, coordinators[number], today or today_in_norway()
            )
    return added


async def seed_url(
    database_url: str,
    intake: Mapping[str, IntakeData],
    coordinators: Mapping[str, tuple[str, str]],
) -> int:
    engine = create_engine(database_url)
    try:
        return await seed(create_sessionmaker(engine), intake, coordinators)
    finally:
        await engine.dispose()


__all__ = ["IntakeData", "read_intake", "seed", "seed_url"]

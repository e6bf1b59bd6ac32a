"""Demo persons with realistic case histories for Nordre Follo and Selbu; safe to run twice.

Everything is synthetic: names from common Norwegian names, national ids in
the Tenor convention (month + 80) that belong to no one. Dates are relative
to the day the data is loaded, so the worklist always has something due. The
service types, their levels, units and criteria in force are read from the
catalogue through its API (`read_catalogue`), never from its tables or code.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.intake.domain.assessments import (
    Observations,
    Potential,
    Risk,
    criteria_facts,
    follow_ups,
)
from services.intake.domain.deadlines import appeal_deadline, is_appeal_late, norwegian_calendar
from services.intake.domain.functional import (
    NEED_LEVEL_RULE,
    SPEC_VERSION,
    VARIABLES,
    Group,
    derive,
)
from services.intake.domain.persons import search_key
from services.intake.models import (
    Appeal,
    Application,
    ApplicationItem,
    Assessment,
    Decision,
    Person,
    Relative,
    WaitingListEntry,
)
from shared.clock import today_in_norway
from shared.db import create_engine, create_sessionmaker, set_tenant
from shared.national_id import make_synthetic
from shared.schemas.catalogue import ServiceTypeRead

PERSONS = {"3207": 150, "5032": 60}
GIVEN = [
    "Anne",
    "Inger",
    "Kari",
    "Marit",
    "Ingrid",
    "Liv",
    "Eva",
    "Berit",
    "Astrid",
    "Bjørg",
    "Randi",
    "Solveig",
    "Ragnhild",
    "Gerd",
    "Aud",
    "Åse",
    "Turid",
    "Sigrid",
    "Else",
    "Jorunn",
    "Jan",
    "Per",
    "Bjørn",
    "Ole",
    "Lars",
    "Kjell",
    "Knut",
    "Arne",
    "Svein",
    "Hans",
    "Odd",
    "Tor",
    "Rolf",
    "Terje",
    "Geir",
    "Nils",
    "Einar",
    "Leif",
    "Gunnar",
    "Harald",
    "Ahmed",
    "Fatima",
    "Piotr",
    "Maria",
]
FAMILY = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Johnsen",
    "Pettersen",
    "Eriksen",
    "Berg",
    "Haugen",
    "Hagen",
    "Johannessen",
    "Andreassen",
    "Jacobsen",
    "Dahl",
    "Jørgensen",
    "Halvorsen",
    "Henriksen",
    "Lund",
    "Sørensen",
    "Moen",
    "Aune",
    "Flønes",
    "Kjøsnes",
    "Græsli",
    "Selboe",
    "Ødegård",
    "Bakken",
    "Solberg",
]
STREETS = {
    "3207": [
        ("Kirkeveien", "1400", "Ski"),
        ("Jernbaneveien", "1400", "Ski"),
        ("Idrettsveien", "1400", "Ski"),
        ("Sofiemyrveien", "1412", "Sofiemyr"),
        ("Kolbotnveien", "1410", "Kolbotn"),
        ("Skiveien", "1410", "Kolbotn"),
        ("Langhusveien", "1405", "Langhus"),
        ("Vevelstadåsen", "1405", "Langhus"),
    ],
    "5032": [
        ("Selbuvegen", "7580", "Selbu"),
        ("Mebonden", "7580", "Selbu"),
        ("Flora", "7580", "Selbu"),
        ("Nestansringen", "7580", "Selbu"),
        ("Tømra", "7584", "Selbustrand"),
        ("Fossan", "7580", "Selbu"),
    ],
}
GOALS = [
    "Å bo hjemme så lenge som mulig",
    "Å gå tur med hunden hver dag",
    "Å klare å dusje selv igjen",
    "Å komme meg på seniorsenteret på torsdager",
    "Å lage middag selv",
    "Å være trygg om natten",
    "Å ha kontakt med barnebarna",
    "Å stelle hagen til sommeren",
    "Å klare trappen opp til soverommet",
    "Å slippe å være alene om kveldene",
    "Å gå i kirken på søndager",
    "Å handle selv på butikken",
]
CONTACTS = {
    "3207": ["Aisha Rahman", "Tone Bakken", "Jonas Lie", "Siri Hovland", "Ola Brekke"],
    "5032": ["Tone Kjøsnes", "Berit Aune", "Per Flønes", "Kristin Sandvik"],
}
HOME_SERVICES = [
    "hjemmesykepleie",
    "praktisk-bistand",
    "trygghetsalarm",
    "hverdagsrehabilitering",
    "matombringing",
    "digitalt-tilsyn",
    "medisineringsstotte",
]
LONG_TERM = ["langtidsopphold", "skjermet-enhet"]


async def read_catalogue(catalogue: httpx.AsyncClient) -> list[ServiceTypeRead]:
    """Every service type of the caller's municipality, through the catalogue's API."""
    listed = await catalogue.get("/api/catalogue/v1/service-types", params={"limit": 500})
    listed.raise_for_status()
    services = []
    for item in listed.json()["items"]:
        detail = await catalogue.get(f"/api/catalogue/v1/service-types/{item['code']}")
        detail.raise_for_status()
        services.append(ServiceTypeRead.model_validate(detail.json()))
    return services


def _service_index(services: Sequence[ServiceTypeRead]) -> dict[str, dict[str, Any]]:
    """What the stories need of each service type, as plain data."""
    index = {}
    for service in services:
        criteria = service.current_criteria
        index[service.code] = {
            "name": service.name.model_dump(),
            "rank": service.care_level.rank,
            "requires_decision": service.requires_decision,
            "requires_lower_level_review": service.requires_lower_level_review,
            "is_long_term_place": service.is_long_term_place,
            "purpose": service.purpose,
            "scope_unit": service.scope_unit,
            "legal_basis": [basis.model_dump(mode="json") for basis in service.legal_basis],
            "user_fee": service.user_fee.model_dump(mode="json"),
            "units": [{"code": unit.code} for unit in service.units],
            "criteria": [criteria.model_dump(mode="json")] if criteria else [],
        }
    return index


def _national_id(rng: random.Random, born: date) -> str:
    while True:
        number = make_synthetic(born, rng.randint(0, 499))
        if number:
            return number


def _scores(rng: random.Random, level: int) -> dict[str, int]:
    scores = {}
    for variable in VARIABLES:
        if variable.group == Group.sensory:
            scores[variable.code] = rng.choice([1, 1, 2, 2, 3])
        else:
            base = level + rng.choice([-1, 0, 0, 1])
            scores[variable.code] = 9 if rng.random() < 0.03 else max(1, min(5, base))
    return scores


class Story:
    """One person's case, built step by step with the domain rules."""

    def __init__(
        self,
        session: AsyncSession,
        rng: random.Random,
        number: str,
        services: dict[str, Any],
        today: date,
    ) -> None:
        self.session, self.rng, self.number, self.services, self.today = (
            session,
            rng,
            number,
            services,
            today,
        )

    def person(self, index: int) -> Person:
        rng = self.rng
        young = rng.random() < 0.12
        born = date(
            rng.randint(1960, 1995) if young else rng.randint(1926, 1958),
            rng.randint(1, 12),
            rng.randint(1, 28),
        )
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        street, postcode, city = rng.choice(STREETS[self.number])
        person = Person(
            national_id=_national_id(rng, born),
            given_name=given,
            family_name=family,
            birth_date=born,
            search_text=search_key(family, given),
            address={
                "street": f"{street} {rng.randint(1, 80)}",
                "postcode": postcode,
                "city": city,
            },
            phone=f"9{rng.randint(1000000, 9999999)}",
            preferred_language="nn" if self.number == "5032" and rng.random() < 0.1 else "nb",
            needs_interpreter=given in ("Ahmed", "Fatima", "Piotr") and rng.random() < 0.5,
            interpreter_language="arabisk"
            if given in ("Ahmed", "Fatima")
            else ("polsk" if given == "Piotr" else None),
            gp={"name": f"Dr. {rng.choice(FAMILY)}", "practice": f"{city} legesenter"},
        )
        if rng.random() < 0.8:
            person.relatives = [
                Relative(
                    name=f"{rng.choice(GIVEN)} {family}",
                    relation=rng.choice(["datter", "sønn", "ektefelle", "niese", "nabo"]),
                    phone=f"4{rng.randint(1000000, 9999999)}",
                    is_next_of_kin=True,
                    information_scope=rng.choice(["health", "practical", "none"]),
                    can_help_with=rng.choice(
                        [
                            "Handler på lørdager",
                            "Følger til lege",
                            "Kan ikke hjelpe i hverdagen",
                            None,
                        ]
                    ),
                )
            ]
        else:
            person.relatives = []
        person.representatives = []
        self.session.add(person)
        return person

    def application(
        self, person: Person, codes: list[str], received: date, status: str
    ) -> Application:
        rng = self.rng
        application = Application(
            person=person,
            channel=rng.choice(["digital", "phone", "hospital_message", "relative", "gp"]),
            received_on=received,
            applicant_kind=rng.choice(["self", "relative", "hospital", "gp"]),
            what_matters=rng.choice(GOALS),
            urgency="urgent" if rng.random() < 0.1 else "normal",
            consent_to_obtain_information=True,
            status=status,
            registered_by="demo",
            items=[
                ApplicationItem(
                    position=i,
                    service_type=code,
                    service_name=self.services[code]["name"],
                    care_level_rank=self.services[code]["rank"],
                    requires_decision=self.services[code]["requires_decision"],
                )
                for i, code in enumerate(codes)
            ],
        )
        self.session.add(application)
        return application

    def assessment(
        self,
        application: Application,
        person: Person,
        on: date,
        level: int,
        needs_24h: bool = False,
    ) -> Assessment:
        rng = self.rng
        scores = _scores(rng, level)
        derived = derive(scores)
        seen = Observations(
            born=person.birth_date,
            assessed_on=on,
            rehabilitation_potential=rng.choice([Potential.yes, Potential.no, Potential.uncertain]),
            nutrition_risk=rng.choice([Risk.none, Risk.none, Risk.some]),
            fall_risk=rng.choice([Risk.none, Risk.some, Risk.high]),
            needs_24h_care=needs_24h,
            has_dementia=needs_24h and rng.random() < 0.6,
            is_palliative=False,
            relative_care_burden=rng.random() < 0.2,
            acute_need=False,
            is_discharge_ready=application.channel == "hospital_message",
            expected_duration_months=rng.choice([6, 12, 36]),
            assessed_hours_per_week=None,
        )
        positive = rng.random() < 0.4
        assessment = Assessment(
            person_id=person.id,
            application_id=application.id,
            assessed_on=on,
            assessed_by="demo",
            assessed_by_name=rng.choice(CONTACTS[self.number]),
            place="home",
            what_matters=[{"text": application.what_matters, "priority": 1}],
            spec_version=SPEC_VERSION,
            scores=scores,
            derived={
                **asdict(derived),
                "rule": NEED_LEVEL_RULE.source,
                "follow_ups": follow_ups(seen, positive),
            },
            facts=criteria_facts(derived, seen),
            housing={"kind": "own_home", "stairs": rng.random() < 0.4},
            rehabilitation_potential=seen.rehabilitation_potential.value,
            welfare_technology={
                "positive": positive,
                "needs": ["safety_alarm"] if positive else [],
            },
            nutrition_risk=seen.nutrition_risk.value,
            fall_risk=seen.fall_risk.value,
            network="Har familie i nærheten." if person.relatives else "Lite nettverk.",
        )
        self.session.add(assessment)
        return assessment

    def decision(
        self,
        application: Application,
        person: Person,
        code: str,
        made: date,
        *,
        outcome: str = "granted",
        status: str = "in_force",
        review_in: int = 180,
        ends_in: int | None = None,
        place_available: bool = True,
    ) -> Decision:
        rng, service = self.rng, self.services[code]
        criteria = service["criteria"][-1] if service["criteria"] else None
        unit = rng.choice(service["units"])["code"] if service["units"] else None
        granting = outcome != "refused"
        scope = None
        if granting and service["scope_unit"] not in ("place", "none"):
            scope = {
                "hours_per_week": rng.choice([1.5, 2, 3, 4.5, 6]),
                "visits_per_day": rng.choice([1, 2, 3, 4]),
                "visits_per_week": rng.choice([2, 3, 5]),
                "days_per_week": rng.choice([1, 2, 3, 5]),
            }[service["scope_unit"]]
        received = made + timedelta(days=rng.randint(1, 4))
        rights: dict[str, Any] = {
            "requires_lower_level_review": service["requires_lower_level_review"],
            "place_available": place_available,
        }
        decision = Decision(
            person_id=person.id,
            application_id=application.id,
            service_type=code,
            service_name=service["name"],
            care_level_rank=service["rank"],
            is_long_term_place=service["is_long_term_place"],
            purpose=service["purpose"],
            outcome=outcome,
            scope_amount=scope,
            scope_unit=service["scope_unit"],
            starts_on=made + timedelta(days=7) if granting else None,
            ends_on=made + timedelta(days=ends_in) if granting and ends_in else None,
            review_on=made + timedelta(days=review_in) if granting else None,
            unit=unit,
            contact={"name": rng.choice(CONTACTS[self.number]), "unit": unit} if granting else None,
            facts=(
                f"Kartlagt i hjemmet. {application.what_matters} er det viktigste for "
                f"{person.given_name}."
            ),
            considerations="Tjenesten gir nødvendig og forsvarlig hjelp på laveste effektive nivå."
            if granting
            else "Behovet kan dekkes av lavere tjenester og eget nettverk.",
            legal_basis=service["legal_basis"],
            criteria={
                "version": criteria["version"],
                "effective_from": criteria["effective_from"],
                "text": criteria["text"],
            }
            if criteria
            else None,
            user_fee=service["user_fee"],
            lower_levels=[
                {
                    "service_type": "hjemmesykepleie",
                    "status": "tried",
                    "why_not_enough": "Utrygg om natten tross flere besøk i døgnet.",
                }
            ]
            if service["requires_lower_level_review"] and granting
            else [],
            rights=rights,
            language=person.preferred_language
            if person.preferred_language in ("nb", "nn")
            else "nb",
            status=status,
            drafted_by="demo",
            made_by="demo",
            made_by_name=rng.choice(CONTACTS[self.number]),
            made_on=made,
            delivery="digital",
            sent_on=made,
            received_on=received,
            appeal_deadline=appeal_deadline(received, norwegian_calendar()),
            person=person,
        )
        self.session.add(decision)
        return decision

    async def tell(self, index: int) -> None:
        rng, today = self.rng, self.today
        person = self.person(index)
        await self.session.flush()
        roll = rng.random()
        received = today - timedelta(days=rng.randint(60, 540))
        if roll < 0.10:
            code = rng.choice(HOME_SERVICES)
            self.application(person, [code], today - timedelta(days=rng.randint(2, 40)), "received")
            return
        if roll < 0.20:
            code = rng.choice(HOME_SERVICES)
            application = self.application(
                person, [code], today - timedelta(days=rng.randint(10, 45)), "in_assessment"
            )
            await self.session.flush()
            self.assessment(application, person, application.received_on + timedelta(days=5), 2)
            return
        if roll < 0.28:
            code = rng.choice(LONG_TERM)
            application = self.application(person, [code], received, "decided")
            await self.session.flush()
            self.assessment(application, person, received + timedelta(days=6), 4, needs_24h=True)
            made = received + timedelta(days=20)
            decision = self.decision(
                application, person, code, made, place_available=False, review_in=365
            )
            await self.session.flush()
            self.session.add(
                WaitingListEntry(
                    decision_id=decision.id,
                    person_id=person.id,
                    service_type=code,
                    listed_on=made,
                    priority=rng.choice([1, 2, 2, 3]),
                    status="waiting",
                    person=person,
                    history=[{"on": made.isoformat(), "event": "listed"}],
                )
            )
            return
        codes = rng.sample(HOME_SERVICES, k=rng.choice([1, 1, 2]))
        application = self.application(person, codes, received, "decided")
        await self.session.flush()
        self.assessment(
            application,
            person,
            received + timedelta(days=rng.randint(3, 14)),
            rng.choice([2, 3, 3, 4]),
        )
        made = received + timedelta(days=rng.randint(14, 30))
        for code in codes:
            if roll < 0.33:
                decision = self.decision(
                    application, person, code, made, outcome="refused", status="sent"
                )
                await self.session.flush()
                appealed = made + timedelta(days=rng.randint(10, 35))
                settled = (today - appealed).days > 45
                self.session.add(
                    Appeal(
                        decision_id=decision.id,
                        person_id=person.id,
                        received_on=appealed,
                        appellant=f"{person.given_name} {person.family_name}",
                        grounds="Jeg trenger mer hjelp enn vedtaket gir.",
                        late=is_appeal_late(decision.appeal_deadline, appealed)
                        if decision.appeal_deadline
                        else False,
                        status="closed" if settled else "received",
                        reassessment="Kommunen opprettholder vedtaket." if settled else None,
                        forwarded_on=appealed + timedelta(days=21) if settled else None,
                        outcome="upheld" if settled else None,
                        outcome_on=appealed + timedelta(days=90) if settled else None,
                    )
                )
            elif roll < 0.38:
                self.decision(application, person, code, made, status="ended", review_in=90)
            else:
                days_since = (today - made).days
                review_in = days_since + rng.randint(-20, 120)
                ends_in = days_since + rng.randint(5, 60) if rng.random() < 0.08 else None
                self.decision(
                    application, person, code, made, review_in=max(review_in, 30), ends_in=ends_in
                )


async def seed_municipality(
    session: AsyncSession, number: str, services: Sequence[ServiceTypeRead], today: date
) -> int:
    await set_tenant(session, number)
    if await session.scalar(select(func.count()).select_from(Person)):
        return 0
    rng = random.Random(int(number))
    story = Story(session, rng, number, _service_index(services), today)
    count = PERSONS.get(number, 0)
    for index in range(count):
        await story.tell(index)
    await session.flush()
    return count


async def seed(
    sessionmaker: async_sessionmaker[AsyncSession],
    catalogues: Mapping[str, Sequence[ServiceTypeRead]],
    today: date | None = None,
) -> int:
    """Load the demo persons of each municipality in `catalogues` (its service types)."""
    added = 0
    for number, services in catalogues.items():
        async with sessionmaker() as session, session.begin():
            added += await seed_municipality(session, number, services, today or today_in_norway())
    return added


async def seed_url(database_url: str, catalogues: Mapping[str, Sequence[ServiceTypeRead]]) -> int:
    engine = create_engine(database_url)
    try:
        return await seed(create_sessionmaker(engine), catalogues)
    finally:
        await engine.dispose()

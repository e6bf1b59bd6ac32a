"""Demo data for welfaretech: a technology catalogue, an inventory, and the stories of some
of intake's demo persons (assessed, recommended, lent, measured), safe to run twice.

Intake owns the persons; this module never imports intake. The runner reads each demo
municipality's persons over intake's API (`read_persons`, as the catalogue is read for
intake's loader) and passes them in, so the referrals, assessments and loans here point
at persons that exist in intake.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.welfaretech.domain.ethics import Step
from services.welfaretech.domain.legal import LAW, Condition
from services.welfaretech.domain.loans import interval_days
from services.welfaretech.domain.recommendations import Abilities, Environment, propose
from services.welfaretech.models import (
    Assessment,
    BenefitMeasurement,
    DeviationReport,
    Device,
    LegalDecision,
    Loan,
    LoanCheck,
    Recommendation,
    Referral,
    Technology,
)
from shared.clock import OSLO, today_in_norway
from shared.db import create_engine, create_sessionmaker, set_tenant
from shared.schemas.intake import PersonSummary
from shared.schemas.welfaretech import Need, TechnologyKind

UNITS = {"3207": "hjemmetjenesten-ski", "5032": "hjemmetjenesten-selbu"}
TEAM = {"3207": "Jonas Berg", "5032": "Erik Moen"}
STORIES = {"3207": 14, "5032": 8}

# code, kind, names (nb, nn, en), ISO 9999 class, KPR code, needs, replaces, monthly cost, fee
CATALOGUE: list[tuple[Any, ...]] = [
    (
        "trygghetsalarm",
        TechnologyKind.safety_alarm,
        ("Trygghetsalarm", "Tryggleiksalarm", "Safety alarm"),
        "22 27 18",
        None,
        [Need.fall_risk, Need.night_safety],
        ["planlagte tilsynsbesøk", "telefonoppringinger"],
        250,
        190,
    ),
    (
        "fallsensor",
        TechnologyKind.fall_sensor,
        ("Fallsensor", "Fallsensor", "Fall sensor"),
        "22 27 18",
        None,
        [Need.fall_risk],
        ["tilsynsbesøk etter fall"],
        120,
        0,
    ),
    (
        "digitalt-tilsyn",
        TechnologyKind.digital_supervision,
        ("Digitalt tilsyn (sensor)", "Digitalt tilsyn (sensor)", "Digital night supervision"),
        "22 27",
        "28",
        [Need.night_safety],
        ["nattlige tilsynsbesøk"],
        450,
        0,
    ),
    (
        "gps-lokalisering",
        TechnologyKind.location_technology,
        ("GPS-lokalisering", "GPS-lokalisering", "GPS location"),
        "22 27",
        "26",
        [Need.wandering],
        ["leteaksjoner", "følge på tur"],
        200,
        0,
    ),
    (
        "dorsensor",
        TechnologyKind.door_sensor,
        ("Dørsensor", "Dørsensor", "Door sensor"),
        "22 27",
        None,
        [Need.wandering, Need.cognitive_failure],
        ["nattlige tilsynsbesøk"],
        80,
        0,
    ),
    (
        "sengesensor",
        TechnologyKind.bed_sensor,
        ("Sengesensor", "Sengesensor", "Bed sensor"),
        "22 27",
        None,
        [Need.night_safety],
        ["nattlige tilsynsbesøk"],
        90,
        0,
    ),
    (
        "komfyrvakt",
        TechnologyKind.stove_guard,
        ("Komfyrvakt", "Komfyrvakt", "Stove guard"),
        "22 27",
        None,
        [Need.fire_risk, Need.cognitive_failure],
        ["tilsyn ved matlaging"],
        40,
        0,
    ),
    (
        "elektronisk-dorlas",
        TechnologyKind.electronic_door_lock,
        ("Elektronisk dørlås", "Elektronisk dørlås", "Electronic door lock"),
        "18 21",
        None,
        [],
        ["nøkkelhenting ved utrykning"],
        60,
        0,
    ),
    (
        "medisindispenser",
        TechnologyKind.medication_dispenser,
        (
            "Elektronisk medisindispenser",
            "Elektronisk medisindispenser",
            "Electronic medication dispenser",
        ),
        "04 19",
        "27",
        [Need.medication_management],
        ["besøk for medisinutdeling"],
        520,
        0,
    ),
    (
        "digital-hjemmeoppfolging",
        TechnologyKind.remote_monitoring,
        ("Digital hjemmeoppfølging", "Digital heimeoppfølging", "Remote monitoring"),
        "04 24",
        None,
        [Need.chronic_disease_follow_up],
        ["kontrollbesøk"],
        600,
        0,
    ),
    (
        "videosamtale",
        TechnologyKind.video_communication,
        ("Videosamtale", "Videosamtale", "Video calls"),
        "22 24",
        None,
        [Need.loneliness],
        ["noen oppfølgingsbesøk"],
        150,
        0,
    ),
]
ALARM_KINDS = {
    TechnologyKind.safety_alarm,
    TechnologyKind.fall_sensor,
    TechnologyKind.digital_supervision,
    TechnologyKind.location_technology,
    TechnologyKind.door_sensor,
    TechnologyKind.bed_sensor,
}
NEED_SETS = [
    [Need.fall_risk],
    [Need.fall_risk, Need.night_safety],
    [Need.medication_management],
    [Need.night_safety],
    [Need.wandering, Need.cognitive_failure],
    [Need.fall_risk, Need.fire_risk],
    [Need.chronic_disease_follow_up],
    [Need.loneliness],
]
REFLECTION = {
    Step.situation: "Går ut om natten og har gått seg bort to ganger.",
    Step.parties: "Personen, datteren, hjemmetjenesten, naboer.",
    Step.values: "Selvbestemmelse, trygghet, personvern og integritet.",
    Step.dilemma: "Friheten til å gå ut alene mot risikoen for å gå seg bort.",
    Step.alternatives: "GPS-lokalisering, dørsensor, flere besøk, skjermet enhet.",
    Step.consequences: "GPS bevarer friheten; skjermet enhet tar den bort.",
    Step.what_should_be_done: "Prøve GPS-lokalisering i en tidsbegrenset periode.",
    Step.follow_up: "Evaluere med datteren og hjemmetjenesten etter åtte uker.",
}
CONDITIONS = {
    Condition.prevents_harm: "Har gått seg bort to ganger siste måned, en gang om vinteren.",
    Condition.in_persons_interest: "Kan fortsette turene sine alene.",
    Condition.proportionate: "Posisjonen ses bare når hen ikke er kommet hjem til avtalt tid.",
    Condition.least_intrusive: "Mindre inngripende enn dørlås eller skjermet enhet.",
    Condition.would_have_consented: "Har tidligere sagt at hen vil bo hjemme så lenge det går.",
    Condition.relatives_heard: "Datteren (nærmeste pårørende) er hørt og støtter tiltaket.",
}


async def read_persons(intake: httpx.AsyncClient, count: int = 30) -> list[PersonSummary]:
    """The caller's municipality's first persons, through intake's API."""
    response = await intake.get("/api/intake/v1/persons", params={"limit": count})
    response.raise_for_status()
    return [PersonSummary.model_validate(item) for item in response.json()["items"]]


def _technologies() -> list[Technology]:
    return [
        Technology(
            code=code,
            kind=kind.value,
            name={"nb": nb, "nn": nn, "en": en},
            purpose=f"{nb}: {', '.join(replaces)} kan reduseres.",
            iso9999=iso,
            kpr_service_code=kpr,
            needs=[n.value for n in needs],
            can_replace=replaces,
            requirements=(["mobildekning", "strøm"] if kind in ALARM_KINDS else ["strøm"]),
            contraindications=[],
            is_alarm_or_location=kind in ALARM_KINDS,
            response_chain=(["responssenter", "hjemmetjenesten"] if kind in ALARM_KINDS else []),
            supplier="Leverandør etter rammeavtale",
            model=f"{nb} 2026",
            purchase_cost_nok=monthly * 10,
            monthly_cost_nok=monthly,
            user_fee_monthly_nok=fee,
            check_interval_days=None,
            is_active=True,
        )
        for code, kind, (nb, nn, en), iso, kpr, needs, replaces, monthly, fee in CATALOGUE
    ]


class Story:
    """One person's welfare-technology case, from referral to benefit."""

    def __init__(
        self,
        session: AsyncSession,
        number: str,
        rng: random.Random,
        today: date,
        by_kind: dict[str, Technology],
        stock: dict[str, list[Device]],
    ) -> None:
        self.session, self.number, self.rng, self.today = session, number, rng, today
        self.by_kind, self.stock = by_kind, stock
        self.unit, self.team = UNITS[number], TEAM[number]

    async def tell(self, index: int, person: PersonSummary) -> None:
        rng = self.rng
        needs = NEED_SETS[index % len(NEED_SETS)]
        without_capacity = index % 5 == 4
        if without_capacity:
            needs = [Need.wandering, Need.cognitive_failure]
        received = self.today - timedelta(days=rng.randint(60, 220))
        referral = Referral(
            person_id=person.id,
            person_name=f"{person.given_name} {person.family_name}",
            source="intake_screening" if index % 2 else "direct",
            requested=[],
            unit=self.unit,
            received_on=received,
            status="open" if index % 7 == 6 else "assessed",
            referred_by="demo",
            referred_by_name="Tildelingskontoret",
        )
        self.session.add(referral)
        await self.session.flush()
        if referral.status == "open":
            return
        assessed = received + timedelta(days=rng.randint(3, 14))
        abilities = Abilities(can_use_button=index % 6 != 3)
        environment = Environment(has_broadband=index % 3 == 0, has_key_box=index % 4 == 0)
        assessment = Assessment(
            person_id=person.id,
            referral_id=referral.id,
            assessed_on=assessed,
            assessed_by="demo",
            assessed_by_name=self.team,
            needs=[n.value for n in needs],
            abilities={
                "can_use_button": abilities.can_use_button,
                "hears_alarm": True,
                "sees_display": True,
                "understands_device": True,
                "note": None,
            },
            environment={
                "housing": rng.choice(["Enebolig", "Leilighet i blokk", "Omsorgsbolig"]),
                "has_mobile_coverage": True,
                "has_broadband": environment.has_broadband,
                "has_power": True,
                "has_stove": True,
                "has_key_box": environment.has_key_box,
                "door": None,
            },
            own_goals=[rng.choice(["Bo hjemme", "Gå tur hver dag", "Sove trygt om natten"])],
            consent_capacity="no" if without_capacity else "yes",
            consent_given=None if without_capacity else True,
            ethical_reflection=(
                {k.value: v for k, v in REFLECTION.items()} if without_capacity else None
            ),
            unit=self.unit,
        )
        self.session.add(assessment)
        await self.session.flush()
        if without_capacity:
            self.session.add(
                LegalDecision(
                    assessment_id=assessment.id,
                    person_id=person.id,
                    kinds=[TechnologyKind.location_technology.value],
                    conditions={k.value: v for k, v in CONDITIONS.items()},
                    person_does_not_resist=True,
                    decided_on=assessed,
                    valid_from=assessed,
                    valid_until=assessed + timedelta(days=180),
                    decided_by="demo",
                    decided_by_name=self.team,
                    law=LAW,
                )
            )
        for position, proposal in enumerate(propose(needs, abilities, environment)):
            technology = self.by_kind.get(proposal.kind.value)
            if technology is None:
                continue
            first = position == 0
            recommendation = Recommendation(
                assessment_id=assessment.id,
                person_id=person.id,
                technology_id=technology.id,
                position=position,
                reasons=[r.value for r in proposal.reasons],
                may_replace=[c.value for c in proposal.may_replace],
                rule_ids=list(proposal.rule_ids),
                sources=list(proposal.sources),
                status="accepted" if first else rng.choice(["proposed", "rejected"]),
                decision_reason=("Gir trygghet og kan erstatte besøk" if first else None),
                provider=(
                    None
                    if not first
                    else ("bought_by_person" if index % 9 == 8 else "municipal_loan")
                ),
                decided_by_name=self.team if first else None,
                decided_on=assessed if first else None,
                trial_evaluation_on=assessed + timedelta(weeks=8)
                if first and index % 3 == 1
                else None,
            )
            if recommendation.status == "rejected":
                recommendation.decision_reason = "Ikke aktuelt nå"
                recommendation.decided_by_name, recommendation.decided_on = self.team, assessed
            self.session.add(recommendation)
            await self.session.flush()
            if first and recommendation.provider == "municipal_loan":
                await self.lend(index, person, recommendation, technology, assessed)

    async def lend(
        self,
        index: int,
        person: PersonSummary,
        recommendation: Recommendation,
        technology: Technology,
        assessed: date,
    ) -> None:
        devices = self.stock.get(technology.kind) or []
        if not devices:
            return
        device = devices.pop()
        installed = assessed + timedelta(days=self.rng.randint(2, 10))
        kind = TechnologyKind(technology.kind)
        days = interval_days(kind, technology.check_interval_days)
        alarm = kind in (TechnologyKind.safety_alarm, TechnologyKind.fall_sensor)
        failed = alarm and index % 8 == 5
        ended = index % 10 in (3, 9)  # returned: to stock, or (index 3) to repair
        loan = Loan(
            device_id=device.id,
            person_id=person.id,
            recommendation_id=recommendation.id,
            unit=self.unit,
            installed_on=installed,
            installed_by="demo",
            installed_by_name=self.team,
            alarm_chain_tested=(not failed) if alarm else None,
            dispenser_checklist=(
                {
                    "who_fills": "Hjemmesykepleien fyller fra multidose",
                    "missed_dose_follow_up_by": "Hjemmesykepleien, dagvakt",
                    "missed_dose_response_minutes": 60,
                    "power_or_network_failure_plan": "Varsel til responssenteret; besøk",
                    "person_trained": True,
                    "staff_trained": True,
                    "gp_medication_list_is_source": True,
                }
                if kind == TechnologyKind.medication_dispenser
                else None
            ),
            is_trial=recommendation.trial_evaluation_on is not None,
            evaluation_on=recommendation.trial_evaluation_on,
            check_interval_days=days,
            # every fourth loan is overdue its check; the others were checked recently
            next_check_on=(
                self.today - timedelta(days=self.rng.randint(3, 30))
                if index % 4 == 2
                else self.today + timedelta(days=self.rng.randint(5, days))
            ),
            ended_on=self.today - timedelta(days=5) if ended else None,
            end_reason="Flyttet til omsorgsbolig med heldøgns tjenester" if ended else None,
        )
        if ended:
            loan.next_check_on = None
        self.session.add(loan)
        device.status = ("in_repair" if index % 10 == 3 else "in_stock") if ended else "on_loan"
        await self.session.flush()
        if alarm:
            check = LoanCheck(
                loan_id=loan.id,
                kind="alarm_test",
                performed_on=installed,
                performed_by_name=self.team,
                passed=not failed,
                note="Ved installasjon",
            )
            self.session.add(check)
            await self.session.flush()
            if failed:
                at = datetime.combine(installed, time(12), tzinfo=OSLO).astimezone(UTC)
                self.session.add(
                    DeviationReport(
                        loan_id=loan.id,
                        check_id=check.id,
                        status="pending",
                        attempts=0,
                        body={
                            "occurred_at": at.isoformat(),
                            "discovered_at": at.isoformat(),
                            "unit": self.unit,
                            "category": "welfare_technology",
                            "what_happened": f"Test av responskjeden feilet for "
                            f"{technology.name['nb']} (serienummer {device.serial}).",
                            "immediate_action": "Responskjeden må rettes og testes på nytt.",
                            "person_id": str(person.id),
                            "consequence": 3,
                            "probability": 2,
                            "links": [{"kind": "loan", "target_id": str(loan.id)}],
                        },
                    )
                )
        await self.measure(loan, installed)

    async def measure(self, loan: Loan, installed: date) -> None:
        """A baseline, and follow-ups after 4 and 12 weeks where that time has passed."""
        rng = self.rng
        visits = Decimal(rng.choice([7, 10, 14, 21]))
        nights = Decimal(rng.choice([0, 3, 7, 7]))
        minutes = (visits + nights) * rng.choice([15, 20, 25])
        falls, safety = rng.randint(0, 3), rng.randint(1, 3)
        self.session.add(
            BenefitMeasurement(
                loan_id=loan.id,
                kind="baseline",
                week=0,
                measured_on=installed - timedelta(days=1),
                planned_visits_per_week=visits,
                night_visits_per_week=nights,
                staff_minutes_per_week=minutes,
                falls_last_4_weeks=falls,
                admissions_last_4_weeks=rng.randint(0, 1),
                felt_safety=safety,
                staff_hour_cost_nok=620 if self.number == "3207" else 590,
                gain_owner=f"Hjemmetjenesten ({self.unit})",
                realisation="Frigjort tid brukes til nye brukere uten ny bemanning",
                recorded_by_name=self.team,
            )
        )
        for week in (4, 12):
            measured = installed + timedelta(weeks=week)
            if measured > self.today:
                break
            share = Decimal(rng.choice(["0.5", "0.6", "0.75", "0.9"]))
            self.session.add(
                BenefitMeasurement(
                    loan_id=loan.id,
                    kind="follow_up",
                    week=week,
                    measured_on=measured,
                    planned_visits_per_week=(visits * share).quantize(Decimal("1")),
                    night_visits_per_week=(nights * share / 2).quantize(Decimal("1")),
                    staff_minutes_per_week=(minutes * share).quantize(Decimal("1")),
                    falls_last_4_weeks=max(0, falls - rng.randint(0, 2)),
                    admissions_last_4_weeks=0,
                    felt_safety=min(5, safety + rng.randint(1, 2)),
                    recorded_by_name=self.team,
                )
            )
        await self.session.flush()


async def seed_municipality(
    session: AsyncSession, number: str, persons: Sequence[PersonSummary], today: date
) -> int:
    await set_tenant(session, number)
    if await session.scalar(select(func.count()).select_from(Technology)):
        return 0
    rng = random.Random(int(number) * 7)
    technologies = _technologies()
    session.add_all(technologies)
    await session.flush()
    by_kind = {t.kind: t for t in technologies}
    stock: dict[str, list[Device]] = {}
    for technology in technologies:
        for n in range(6 if technology.kind in ("safety_alarm", "medication_dispenser") else 3):
            device = Device(
                technology_id=technology.id,
                serial=f"{number}-{technology.code.upper()}-{n + 1:04d}",
                model=technology.model,
                status="in_stock",
                acquired_on=today - timedelta(days=400),
            )
            session.add(device)
            stock.setdefault(technology.kind, []).append(device)
        if technology.kind == "safety_alarm":  # one worn out and retired, never lent again
            session.add(
                Device(
                    technology_id=technology.id,
                    serial=f"{number}-{technology.code.upper()}-0099",
                    model=technology.model,
                    status="retired",
                    acquired_on=today - timedelta(days=2000),
                )
            )
    await session.flush()
    story = Story(session, number, rng, today, by_kind, stock)
    chosen = sorted(persons, key=lambda p: str(p.id))[: STORIES.get(number, 0)]
    for index, person in enumerate(chosen):
        await story.tell(index, person)
    return len(chosen)


async def seed(
    sessionmaker: async_sessionmaker[AsyncSession],
    persons: Mapping[str, Sequence[PersonSummary]],
    today: date | None = None,
) -> int:
    """Load each municipality's catalogue, inventory and the stories of `persons`."""
    added = 0
    for number, people in persons.items():
        async with sessionmaker() as session, session.begin():
            added += await seed_municipality(session, number, people, today or today_in_norway())
    return added


async def seed_url(database_url: str, persons: Mapping[str, Sequence[PersonSummary]]) -> int:
    engine = create_engine(database_url)
    try:
        return await seed(create_sessionmaker(engine), persons)
    finally:
        await engine.dispose()

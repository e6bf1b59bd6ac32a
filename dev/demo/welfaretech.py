"""Welfare technology in a generated municipality, for intake's generated persons.

The catalogue is the municipality's own (as the service's seed loads it: read
from the database, or loaded here the same way when the municipality has none).
Among those receiving home-based services, most aged 80 or more have a safety
alarm (about two thirds), fewer aged 67–79, few younger; others have a medication
dispenser, a stove guard, remote monitoring or video calls, and persons with
dementia who cannot consent have location technology on a time-limited decision
under pbrl § 4-6 a (renewed within the law's longest period while the loan runs).
Each case is a referral (from intake's screening or direct), an assessment
(needs, abilities, environment, consent capacity), the rules' recommendations
(the first accepted, others proposed or rejected), and a loan: running, ended,
or a trial with its evaluation date; checks on the technology's interval (a few
overdue), a baseline and follow-ups after 4, 12 and 26 weeks. Some referrals
wait unassessed. Every loan has its own device (on loan, or back in stock or in
repair once ended), so no device is ever lent twice at once; the inventory
holds some spare and retired devices too.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from dev.demo.bulk import DecisionFacts, Facts, PersonFacts, Tables, _instant, _uuid
from services.welfaretech.domain.legal import LAW
from services.welfaretech.domain.loans import interval_days, needs_alarm_test
from services.welfaretech.domain.recommendations import Abilities, Environment, propose
from services.welfaretech.seed import CONDITIONS, REFLECTION, _technologies
from shared.schemas.welfaretech import (
    CheckKind,
    ConsentCapacity,
    DeviceStatus,
    MeasurementKind,
    Need,
    Provider,
    RecommendationStatus,
    ReferralSource,
    ReferralStatus,
    TechnologyKind,
)

TECHNOLOGY_SHARE = ((80, 0.7), (67, 0.35), (0, 0.08))
"""(from age, share) of home-service recipients with a welfare-technology case."""
SCENARIOS: list[tuple[float, list[Need], bool]] = [
    (0.42, [Need.fall_risk], False),
    (0.22, [Need.fall_risk, Need.night_safety], False),
    (0.12, [Need.medication_management], False),
    (0.07, [Need.wandering, Need.cognitive_failure], True),
    (0.07, [Need.fall_risk, Need.fire_risk], False),
    (0.05, [Need.chronic_disease_follow_up], False),
    (0.05, [Need.loneliness], False),
]
"""(weight, needs, without consent capacity)."""
OPEN_SHARE = 0.08
"""Of the cases, the share whose referral waits to be assessed (received the last weeks)."""
TRIAL_WEEKS = 8
FOLLOW_UP_WEEKS = (4, 12, 26)
LEGAL_MONTHS = 12
DISPENSER_CHECKLIST = {
    "who_fills": "Hjemmesykepleien fyller fra multidose",
    "missed_dose_follow_up_by": "Hjemmesykepleien, dagvakt",
    "missed_dose_response_minutes": 60,
    "power_or_network_failure_plan": "Varsel til responssenteret; besøk",
    "person_trained": True,
    "staff_trained": True,
    "gp_medication_list_is_source": True,
}
TEAM = ["Jonas Berg", "Erik Moen", "Line Haug", "Sara Nilsen", "Per Lien"]
END_REASONS = [
    "Flyttet til langtidsplass med heldøgns tjenester",
    "Personen er død",
    "Behovet er borte etter rehabilitering",
    "Byttet til annen løsning",
]


@dataclass(frozen=True)
class Technology:
    id: uuid.UUID
    code: str
    kind: str
    name: str
    model: str | None
    check_interval_days: int | None
    is_alarm_or_location: bool


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


class WelfaretechGenerator:
    def __init__(
        self,
        facts: Facts,
        municipality: str,
        seed: int,
        today: date,
        technologies: list[Technology],
    ) -> None:
        self.facts, self.today = facts, today
        self.rng = random.Random(f"{seed}-{municipality}-welfaretech")
        self.tables = Tables(municipality)
        if not technologies:
            technologies = self.catalogue()
        self.by_kind = {t.kind: t for t in technologies}
        self.spares: dict[str, int] = defaultdict(int)

    def catalogue(self) -> list[Technology]:
        """The catalogue as the service's own seed loads it."""
        made = []
        for technology in _technologies():
            technology_id = _uuid(self.rng)
            columns = {c.name: getattr(technology, c.name) for c in technology.__table__.columns}
            values = {
                k: v
                for k, v in columns.items()
                if k not in ("id", "municipality", "created_at", "updated_at", "version")
            }
            self.tables.add("technologies", technology_id, _instant(self.today, self.rng), **values)
            made.append(
                Technology(
                    technology_id,
                    technology.code,
                    technology.kind,
                    technology.name["nb"],
                    technology.model,
                    technology.check_interval_days,
                    technology.is_alarm_or_location,
                )
            )
        return made

    def generate(self) -> Tables:
        rng, today = self.rng, self.today
        home: dict[uuid.UUID, list[DecisionFacts]] = defaultdict(list)
        for decision in self.facts.decisions:
            if decision.delivered and decision.service_type in self.facts.home_services:
                home[decision.person_id].append(decision)
        cases = []
        for person_id in sorted(home, key=str):
            person = self.facts.persons[person_id]
            age = person.age(today)
            share = next(s for low, s in TECHNOLOGY_SHARE if age >= low)
            if rng.random() < share:
                cases.append((person, sorted(home[person_id], key=lambda d: d.made_on)))
        self.devices: list[tuple[uuid.UUID, str, date, str]] = []
        for person, decisions in cases:
            self.case(person, decisions)
        self.inventory()
        return self.tables

    # --- one person's case -------------------------------------------------------------------

    def case(self, person: PersonFacts, decisions: list[DecisionFacts]) -> None:
        rng, today = self.rng, self.today
        first = decisions[0]
        unit = first.unit
        start = first.starts_on or first.made_on
        running = any(d.running(today) for d in decisions)
        last_day = today if running else max(d.ended_on or d.ends_on or today for d in decisions)
        last_day = min(last_day, today)
        weights = [w for w, _, _ in SCENARIOS]
        _, needs, without_capacity = rng.choices(SCENARIOS, weights)[0]
        if without_capacity and person.age(today) < 67:
            needs, without_capacity = [Need.fall_risk], False
        open_referral = running and rng.random() < OPEN_SHARE
        if open_referral:
            received = today - timedelta(days=rng.randint(0, 25))
        else:
            latest = max(start, last_day - timedelta(days=20))
            received = start + timedelta(days=rng.randint(0, (latest - start).days))
        referral_id = self.tables.add(
            "referrals",
            _uuid(rng),
            _instant(received, rng),
            person_id=person.id,
            person_name=person.name,
            source=(
                ReferralSource.intake_screening if rng.random() < 0.6 else ReferralSource.direct
            ).value,
            source_event_id=None,
            application_id=None,
            requested=[],
            note=None,
            unit=unit,
            received_on=received,
            status=(ReferralStatus.open if open_referral else ReferralStatus.assessed).value,
            referred_by="demo-generator",
            referred_by_name="Tildelingskontoret",
        )
        if open_referral:
            return
        assessed = min(received + timedelta(days=rng.randint(2, 14)), last_day)
        abilities = Abilities(can_use_button=without_capacity or rng.random() > 0.1)
        environment = Environment(has_broadband=rng.random() < 0.7, has_key_box=rng.random() < 0.5)
        unclear = not without_capacity and rng.random() < 0.02
        capacity = (
            ConsentCapacity.no
            if without_capacity
            else ConsentCapacity.unclear
            if unclear
            else ConsentCapacity.yes
        )
        team = rng.choice(TEAM)
        assessment_id = self.tables.add(
            "assessments",
            _uuid(rng),
            _instant(assessed, rng),
            person_id=person.id,
            referral_id=referral_id,
            assessed_on=assessed,
            assessed_by="demo-generator",
            assessed_by_name=team,
            needs=[n.value for n in needs],
            abilities={
                "can_use_button": abilities.can_use_button,
                "hears_alarm": True,
                "sees_display": True,
                "understands_device": not without_capacity,
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
            consent_capacity=capacity.value,
            consent_given=True if capacity == ConsentCapacity.yes else None,
            ethical_reflection=(
                {k.value: v for k, v in REFLECTION.items()} if without_capacity else None
            ),
            unit=unit,
            note=None,
        )
        proposals = [p for p in propose(needs, abilities, environment) if p.kind in self.by_kind]
        accepted: tuple[Technology, uuid.UUID, date | None, Provider] | None = None
        for position, proposal in enumerate(proposals):
            technology = self.by_kind[proposal.kind]
            chosen = position == 0 and not unclear
            status = (
                RecommendationStatus.accepted
                if chosen
                else RecommendationStatus.proposed
                if unclear or rng.random() < 0.5
                else RecommendationStatus.rejected
            )
            provider = (
                (Provider.bought_by_person if rng.random() < 0.05 else Provider.municipal_loan)
                if chosen
                else None
            )
            trial_on = (
                assessed + timedelta(weeks=TRIAL_WEEKS)
                if chosen and (today - assessed).days < 120 and rng.random() < 0.5
                else None
            )
            recommendation_id = self.tables.add(
                "recommendations",
                _uuid(rng),
                _instant(assessed, rng),
                assessment_id=assessment_id,
                person_id=person.id,
                technology_id=technology.id,
                position=position,
                reasons=[r.value for r in proposal.reasons],
                may_replace=[c.value for c in proposal.may_replace],
                rule_ids=list(proposal.rule_ids),
                sources=list(proposal.sources),
                status=status.value,
                decision_reason=(
                    "Gir trygghet og kan erstatte besøk"
                    if chosen
                    else "Ikke aktuelt nå"
                    if status == RecommendationStatus.rejected
                    else None
                ),
                provider=provider.value if provider else None,
                decided_by_name=team if status != RecommendationStatus.proposed else None,
                decided_on=assessed if status != RecommendationStatus.proposed else None,
                trial_evaluation_on=trial_on,
            )
            if chosen and provider is not None:
                accepted = (technology, recommendation_id, trial_on, provider)
        if accepted is None or accepted[3] != Provider.municipal_loan:
            return
        technology, recommendation_id, trial_on, _ = accepted
        installed = min(assessed + timedelta(days=rng.randint(1, 10)), last_day)
        ended_on = None
        if not running:
            ended_on = last_day
        elif trial_on is None and rng.random() < 0.08:
            ended_on = installed + timedelta(
                days=rng.randint(30, max(31, (today - installed).days))
            )
            ended_on = min(ended_on, today)
        if without_capacity and technology.is_alarm_or_location:
            self.legal_decisions(assessment_id, person, technology, assessed, ended_on or today)
        self.loan(person, unit or "ukjent", technology, recommendation_id, installed, trial_on,
                  ended_on, team)  # fmt: skip

    def legal_decisions(
        self,
        assessment_id: uuid.UUID,
        person: PersonFacts,
        technology: Technology,
        decided: date,
        until: date,
    ) -> None:
        """The decision, and renewals before each runs out, covering the loan to `until`."""
        rng = self.rng
        valid_from = decided
        while True:
            valid_until = _add_months(valid_from, rng.choice([6, LEGAL_MONTHS])) - timedelta(days=1)
            self.tables.add(
                "legal_decisions",
                _uuid(rng),
                _instant(valid_from, rng),
                assessment_id=assessment_id,
                person_id=person.id,
                kinds=[technology.kind],
                conditions={k.value: v for k, v in CONDITIONS.items()},
                person_does_not_resist=True,
                decided_on=valid_from,
                valid_from=valid_from,
                valid_until=valid_until,
                decided_by="demo-generator",
                decided_by_name=rng.choice(TEAM),
                law=LAW,
            )
            if valid_until >= until:
                return
            valid_from = valid_until + timedelta(days=1)

    def loan(
        self,
        person: PersonFacts,
        unit: str,
        technology: Technology,
        recommendation_id: uuid.UUID,
        installed: date,
        trial_on: date | None,
        ended_on: date | None,
        team: str,
    ) -> None:
        rng, today = self.rng, self.today
        kind = TechnologyKind(technology.kind)
        device_id = _uuid(rng)
        status = (
            DeviceStatus.on_loan
            if ended_on is None
            else DeviceStatus.in_repair
            if rng.random() < 0.1
            else DeviceStatus.in_stock
        )
        self.devices.append((device_id, technology.kind, installed, status.value))
        days = interval_days(kind, technology.check_interval_days)
        alarm = needs_alarm_test(kind)
        checks = [installed]
        last = ended_on or today
        while checks[-1] + timedelta(days=days) <= last:
            checks.append(checks[-1] + timedelta(days=days))
        if ended_on is None and len(checks) > 1 and rng.random() < 0.08:
            checks.pop()  # the last check is overdue
        loan_id = self.tables.add(
            "loans",
            _uuid(rng),
            _instant(installed, rng),
            device_id=device_id,
            person_id=person.id,
            recommendation_id=recommendation_id,
            unit=unit,
            installed_on=installed,
            installed_by="demo-generator",
            installed_by_name=team,
            alarm_chain_tested=True if alarm else None,
            dispenser_checklist=(
                DISPENSER_CHECKLIST if kind == TechnologyKind.medication_dispenser else None
            ),
            is_trial=trial_on is not None,
            evaluation_on=trial_on,
            check_interval_days=days,
            next_check_on=None if ended_on else checks[-1] + timedelta(days=days),
            ended_on=ended_on,
            end_reason=rng.choice(END_REASONS) if ended_on else None,
        )
        for on in checks:
            self.tables.add(
                "loan_checks",
                _uuid(rng),
                _instant(on, rng),
                loan_id=loan_id,
                kind=(CheckKind.alarm_test if alarm else CheckKind.service).value,
                performed_on=on,
                performed_by_name=team,
                passed=True,
                note="Ved installasjon" if on == installed else None,
            )
        self.benefits(loan_id, unit, installed, last, team)

    def benefits(
        self, loan_id: uuid.UUID, unit: str, installed: date, last: date, team: str
    ) -> None:
        rng = self.rng
        visits = Decimal(rng.choice([7, 10, 14, 21]))
        nights = Decimal(rng.choice([0, 3, 7, 7]))
        minutes = (visits + nights) * rng.choice([15, 20, 25])
        falls, safety = rng.randint(0, 3), rng.randint(1, 3)
        self.tables.add(
            "benefit_measurements",
            _uuid(rng),
            _instant(installed, rng),
            loan_id=loan_id,
            kind=MeasurementKind.baseline.value,
            week=0,
            measured_on=installed - timedelta(days=1),
            planned_visits_per_week=visits,
            night_visits_per_week=nights,
            staff_minutes_per_week=minutes,
            falls_last_4_weeks=falls,
            admissions_last_4_weeks=rng.randint(0, 1),
            felt_safety=safety,
            staff_hour_cost_nok=620,
            gain_owner=f"Hjemmetjenesten ({unit})",
            realisation="Frigjort tid brukes til nye brukere uten ny bemanning",
            recorded_by_name=team,
        )
        for week in FOLLOW_UP_WEEKS:
            measured = installed + timedelta(weeks=week)
            if measured > last:
                break
            share = Decimal(rng.choice(["0.5", "0.6", "0.75", "0.9", "1"]))
            self.tables.add(
                "benefit_measurements",
                _uuid(rng),
                _instant(measured, rng),
                loan_id=loan_id,
                kind=MeasurementKind.follow_up.value,
                week=week,
                measured_on=measured,
                planned_visits_per_week=(visits * share).quantize(Decimal("1")),
                night_visits_per_week=(nights * share / 2).quantize(Decimal("1")),
                staff_minutes_per_week=(minutes * share).quantize(Decimal("1")),
                falls_last_4_weeks=max(0, falls - rng.randint(0, 2)),
                admissions_last_4_weeks=0,
                felt_safety=min(5, safety + rng.randint(0, 2)),
                staff_hour_cost_nok=None,
                gain_owner=None,
                realisation=None,
                recorded_by_name=team,
            )

    # --- the inventory ---------------------------------------------------------------------

    def inventory(self) -> None:
        """The lent devices (written before the loans), spares in stock and a few retired."""
        rng, today = self.rng, self.today
        municipality = self.tables.municipality
        lent: dict[str, int] = defaultdict(int)
        rows = []
        for device_id, kind, installed, status in self.devices:
            lent[kind] += 1
            acquired = installed - timedelta(days=rng.randint(10, 400))
            rows.append((device_id, kind, acquired, status))
        for kind in self.by_kind:
            for _ in range(3 + lent[kind] // 10):
                rows.append((_uuid(rng), kind, today - timedelta(days=rng.randint(30, 900)),
                             DeviceStatus.in_stock.value))  # fmt: skip
            for _ in range(lent[kind] // 25):
                rows.append((_uuid(rng), kind, today - timedelta(days=rng.randint(1500, 2500)),
                             DeviceStatus.retired.value))  # fmt: skip
        devices = []
        for device_id, kind, acquired, status in rows:
            technology = self.by_kind[kind]
            serial = f"{municipality}-{technology.code.upper()}-{rng.getrandbits(40):010X}"
            devices.append(
                {
                    "id": device_id,
                    "municipality": municipality,
                    "created_at": _instant(acquired, rng),
                    "updated_at": _instant(acquired, rng),
                    "version": 1,
                    "technology_id": technology.id,
                    "serial": serial,
                    "model": technology.model,
                    "status": status,
                    "acquired_on": acquired,
                }
            )
        # devices before the loans that point at them (foreign-key order)
        ordered = {"technologies": self.tables.rows.pop("technologies", [])}
        ordered["devices"] = devices
        ordered.update(self.tables.rows)
        self.tables.rows = {k: v for k, v in ordered.items() if v}


async def technologies_of(database_url: str, municipality: str) -> list[Technology]:
    from dev.demo.bulk import fetch

    rows = await fetch(
        database_url,
        municipality,
        "SELECT id, code, kind, name->>'nb' AS name, model, check_interval_days, "
        "is_alarm_or_location FROM technologies WHERE is_active ORDER BY code",
    )
    return [
        Technology(
            r["id"],
            r["code"],
            r["kind"],
            r["name"],
            r["model"],
            r["check_interval_days"],
            r["is_alarm_or_location"],
        )  # fmt: skip
        for r in rows
    ]


def generate(
    facts: Facts, municipality: str, seed: int, today: date, technologies: list[Technology]
) -> Tables:
    return WelfaretechGenerator(facts, municipality, seed, today, technologies).generate()

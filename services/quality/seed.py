"""Demo deviations for Nordre Follo and Selbu over two years; safe to run twice.

Everything is synthetic. Units are the demo catalogue's unit codes (written out
here: quality reads no other service's code), reporters and leaders the demo
users (`sub` = their username). Every category and state is present, with a
few serious events, samhandlingsavvik, anonymous reports, causes, corrective
actions (some overdue) and learning summaries. Dates are relative to the day
the data is loaded, so the queues always have something due.
"""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.quality.demo.surveys import seed_surveys
from services.quality.demo.system import seed_system
from services.quality.domain.deadlines import (
    DEFAULT_ACKNOWLEDGE_WORKING_DAYS,
    acknowledge_by,
    working_days,
)
from services.quality.domain.guidance import checklist_codes
from services.quality.models import CorrectiveAction, Deviation, DeviationStep
from shared.clock import today_in_norway
from shared.db import create_engine, create_sessionmaker, set_tenant
from shared.schemas.quality import ActionStatus, CauseCategory, DeviationCategory, DeviationStatus

COUNTS = {"3207": 260, "5032": 90}
UNITS = {
    "3207": [
        "hjemmetjenesten-ski",
        "hjemmetjenesten-kolbotn",
        "hjemmetjenesten-langhus",
        "ski-sykehjem",
        "langhus-bo-og-servicesenter",
        "sofiemyr-sykehjem",
        "dagsenter-ski",
    ],
    "5032": [
        "hjemmetjenesten-selbu",
        "selbu-helse-og-omsorgssenter",
        "nestansringen-67",
        "dagsenter-selbu",
    ],
}
REPORTERS = {
    "3207": [
        ("helsepersonell-nordrefollo", "Aisha Rahman"),
        ("koordinator-nordrefollo", "Martin Haugen"),
        ("velferdsteknolog-nordrefollo", "Jonas Berg"),
    ],
    "5032": [
        ("helsepersonell-selbu", "Tone Kjøsnes"),
        ("koordinator-selbu", "Ola Flønes"),
        ("velferdsteknolog-selbu", "Erik Moen"),
    ],
}
LEADERS = {"3207": ("leder-nordrefollo", "Kari Nordby"), "5032": ("leder-selbu", "Randi Selboe")}
PARTIES = {
    "3207": ["Akershus universitetssykehus", "Ski legesenter"],
    "5032": ["St. Olavs hospital", "Selbu legekontor"],
}

WHAT = {
    DeviationCategory.medication: (
        "Kveldsmedisin ble ikke gitt; dosetten var urørt ved morgenbesøket.",
        "Lege kontaktet, medisin gitt etter avtale.",
    ),
    DeviationCategory.fall: (
        "Bruker falt på badet om natten og ble funnet på gulvet.",
        "Undersøkt for skader, lege varslet, pårørende informert.",
    ),
    DeviationCategory.documentation: (
        "Endret medisinliste var ikke ført inn i journalen etter legebesøk.",
        "Journalen oppdatert.",
    ),
    DeviationCategory.privacy: (
        "Rapport med helseopplysninger ble liggende framme på fellesrommet.",
        "Rapporten fjernet og makulert.",
    ),
    DeviationCategory.collaboration: (
        "Utskrevet fra sykehuset uten oppdatert medisinliste og epikrise.",
        "Sykehuset kontaktet, liste mottatt samme kveld.",
    ),
    DeviationCategory.welfare_technology: (
        "Trygghetsalarmen utløste ikke ved test; batteriet var tomt.",
        "Batteri byttet, alarmen testet.",
    ),
    DeviationCategory.service_not_delivered: (
        "Planlagt besøk hos bruker ble ikke gjennomført på grunn av sykdom i personalgruppen.",
        "Bruker ringt og besøkt senere samme dag.",
    ),
    DeviationCategory.hse: (
        "Ansatt skadet ryggen ved forflytning uten løftehjelpemiddel.",
        "Ansatt fulgt opp, verneombud varslet.",
    ),
    DeviationCategory.violence: (
        "Ansatt ble slått av bruker under stell.",
        "Avbrøt stellet, kollega tilkalt, samtale med leder.",
    ),
    DeviationCategory.other: (
        "Nøkkel til brukers bolig kom bort.",
        "Nøkkelboks skiftet samme dag.",
    ),
}
CAUSES = {
    CauseCategory.routines: "Rutinen var ikke kjent for alle på vakt",
    CauseCategory.competence: "Manglende opplæring i prosedyren",
    CauseCategory.communication: "Beskjed ble ikke gitt videre ved vaktskifte",
    CauseCategory.equipment: "Utstyret var ikke kontrollert",
    CauseCategory.staffing: "Lav bemanning og mange nyansatte",
    CauseCategory.other: "Uklart ansvar mellom enhetene",
}
ACTIONS = [
    "Gjennomgå rutinen på personalmøte",
    "Opplæring i legemiddelhåndtering for nyansatte",
    "Innføre sjekkliste ved vaktskifte",
    "Ukentlig test av alarmer",
    "Avklare ansvar i samarbeidsavtalen med sykehuset",
]
LEARNING = [
    "Vi har innført sjekkliste ved vaktskifte, og den følges opp på personalmøtene.",
    "Rutinen er oppdatert og gjennomgått med alle; slike avvik følges opp i kvalitetsutvalget.",
    "Tettere dialog med sykehuset om utskrivning; samhandlingsavviket er meldt til sykehuset.",
]


def _categories(rng: random.Random) -> DeviationCategory:
    weights = [22, 16, 12, 6, 8, 7, 10, 7, 6, 6]
    return rng.choices(list(DeviationCategory), weights)[0]


def _status_for(age_days: int, rng: random.Random) -> DeviationStatus:
    if age_days > 120:
        return DeviationStatus.closed if rng.random() < 0.93 else DeviationStatus.investigated
    if age_days > 30:
        return rng.choice(
            [
                DeviationStatus.closed,
                DeviationStatus.closed,
                DeviationStatus.investigated,
                DeviationStatus.acknowledged,
            ]
        )
    if age_days > 7:
        return rng.choice(
            [DeviationStatus.investigated, DeviationStatus.acknowledged, DeviationStatus.reported]
        )
    return rng.choice(
        [DeviationStatus.reported, DeviationStatus.reported, DeviationStatus.acknowledged]
    )


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=UTC)


def build(municipality: str, today: date, rng: random.Random) -> list[Deviation]:
    calendar = working_days()
    leader_sub, leader_name = LEADERS[municipality]
    deviations = []
    for index in range(COUNTS[municipality]):
        age = rng.randint(0, 730)
        reported_on = today - timedelta(days=age)
        category = (
            list(DeviationCategory)[index] if index < len(DeviationCategory) else _categories(rng)
        )
        status = _status_for(age, rng)
        is_serious = index % 61 == 5
        consequence = 5 if is_serious else rng.choices([1, 2, 3, 4], [30, 35, 25, 10])[0]
        probability = rng.choices([1, 2, 3, 4, 5], [15, 30, 30, 15, 10])[0]
        anonymous = index % 17 == 3
        reporter = rng.choice(REPORTERS[municipality])
        what, immediate = WHAT[category]
        deviation = Deviation(
            municipality=municipality,
            occurred_at=_at(reported_on - timedelta(days=rng.randint(0, 1)), rng.randint(6, 22)),
            discovered_at=_at(reported_on, rng.randint(6, 12)),
            reported_on=reported_on,
            unit=rng.choice(UNITS[municipality]),
            place=rng.choice(["Hos bruker", "Bad", "Fellesstue", "Medisinrom", "Korridor", None]),
            category=category.value,
            collaboration_party=rng.choice(PARTIES[municipality])
            if category is DeviationCategory.collaboration
            else None,
            what_happened=what,
            immediate_action=immediate,
            consequence=consequence,
            probability=probability,
            risk_score=consequence * probability,
            is_serious=is_serious,
            notification_checklist=[
                {
                    "code": code,
                    "done_at": _at(reported_on, 14).isoformat(),
                    "done_by_name": leader_name,
                }
                for code in checklist_codes()
            ]
            if is_serious
            else [],
            is_anonymous=anonymous,
            reporter_sub=None if anonymous else reporter[0],
            reporter_name=None if anonymous else reporter[1],
            status=status.value,
            acknowledge_by=acknowledge_by(reported_on, DEFAULT_ACKNOWLEDGE_WORKING_DAYS, calendar),
            causes=[],
            links=[],
            actions=[],
            steps=[
                DeviationStep(
                    municipality=municipality,
                    at=_at(reported_on, 13),
                    action="reported",
                    from_status=None,
                    to_status=DeviationStatus.reported.value,
                    actor_sub=None if anonymous else reporter[0],
                    actor_name=None if anonymous else reporter[1],
                )
            ],
        )
        _handle(deviation, status, today, rng, leader_sub, leader_name)
        deviations.append(deviation)
    return deviations


def _step(
    deviation: Deviation,
    day: date,
    action: str,
    before: DeviationStatus,
    after: DeviationStatus,
    who: tuple[str, str],
    note: str | None = None,
) -> None:
    deviation.steps.append(
        DeviationStep(
            municipality=deviation.municipality,
            at=_at(day, 15),
            action=action,
            from_status=before.value,
            to_status=after.value,
            actor_sub=who[0],
            actor_name=who[1],
            note=note,
        )
    )


def _handle(
    deviation: Deviation,
    status: DeviationStatus,
    today: date,
    rng: random.Random,
    leader_sub: str,
    leader_name: str,
) -> None:
    if status is DeviationStatus.reported:
        return
    who = (leader_sub, leader_name)
    acknowledged = min(today, deviation.reported_on + timedelta(days=rng.choice([1, 2, 3, 5, 9])))
    deviation.acknowledged_on = acknowledged
    deviation.handler_name = leader_name
    _step(
        deviation,
        acknowledged,
        "acknowledged",
        DeviationStatus.reported,
        DeviationStatus.acknowledged,
        who,
    )
    if status is DeviationStatus.acknowledged:
        return
    investigated = min(today, acknowledged + timedelta(days=rng.randint(2, 14)))
    direct, underlying = rng.sample(list(CauseCategory), 2)
    deviation.investigation = "Gjennomgått med de involverte og i journalen."
    deviation.causes = [
        {"category": direct.value, "is_underlying": False, "description": CAUSES[direct]},
        {"category": underlying.value, "is_underlying": True, "description": CAUSES[underlying]},
    ]
    deviation.status = DeviationStatus.investigated.value
    _step(
        deviation,
        investigated,
        "investigated",
        DeviationStatus.acknowledged,
        DeviationStatus.investigated,
        who,
    )
    due = investigated + timedelta(days=rng.choice([14, 30, 60]))
    action_status = (
        ActionStatus.done
        if status is DeviationStatus.closed and rng.random() < 0.8
        else rng.choice([ActionStatus.planned, ActionStatus.in_progress])
    )
    deviation.actions.append(
        CorrectiveAction(
            municipality=deviation.municipality,
            description=rng.choice(ACTIONS),
            responsible=leader_name,
            due_on=due,
            status=action_status.value,
            done_on=min(today, due) if action_status is ActionStatus.done else None,
            overdue_reported=False,
        )
    )
    _step(
        deviation,
        investigated,
        "action_added",
        DeviationStatus.investigated,
        DeviationStatus.investigated,
        who,
    )
    if status is DeviationStatus.investigated:
        return
    closed = min(today, investigated + timedelta(days=rng.randint(3, 30)))
    deviation.learning_summary = rng.choice(LEARNING)
    deviation.outcome_for_reporter = (
        "Takk for meldingen. Vi har gått gjennom hendelsen og endret rutinen."
    )
    deviation.closed_on = closed
    deviation.status = DeviationStatus.closed.value
    _step(deviation, closed, "closed", DeviationStatus.investigated, DeviationStatus.closed, who)


async def seed(sessionmaker: async_sessionmaker[AsyncSession], today: date | None = None) -> int:
    """Load the demo deviations of each municipality that has none yet, and the quality
    system's demo data (ROS, procedures, audits, supervision); returns how many were added."""
    today = today or today_in_norway()
    added = 0
    for municipality in COUNTS:
        async with sessionmaker() as session, session.begin():
            await set_tenant(session, municipality)
            if not await session.scalar(select(func.count()).select_from(Deviation)):
                deviations = build(municipality, today, random.Random(f"quality-{municipality}"))
                session.add_all(deviations)
                added += len(deviations)
                await session.flush()
            added += await seed_system(session, municipality, today)
            added += await seed_surveys(session, municipality, today)
    return added


async def seed_url(database_url: str) -> int:
    engine = create_engine(database_url)
    try:
        return await seed(create_sessionmaker(engine))
    finally:
        await engine.dispose()


if __name__ == "__main__":
    import os

    print(f"quality: {asyncio.run(seed_url(os.environ['QUALITY_DATABASE_URL']))} deviations added")

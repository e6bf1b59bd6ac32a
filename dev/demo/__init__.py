"""`make demo INHABITANTS=N [SEED=S]`: a municipality of N inhabitants, generated in bulk.

Every inhabitant is in intake's person register, with an age distribution like
a Norwegian municipality's (SSB, 2024: a fifth under 18, about 18 % aged 67 or
more, 1 % aged 90 or more). Services are used per age group like the national
figures (KPR/SSB): about one in ten aged 67+ receives home-based services, a
sixth of those aged 80–89 and a third of those 90+; about 3 in 10 aged 90+ live
in a long-term place, 7 % of those aged 80–89. Under-67s receive close to half
of the home-based services, as nationally. Their case histories are spread over
five years: applications, assessments, decisions (granted, refused, ended),
appeals, the waiting list for long-term places, and the applications and drafts
on the caseworkers' desks today.

The rows are the ones the services themselves would write: national ids in
the synthetic Tenor convention (month + 80, valid check digits), service types
and their rules as the municipality's catalogue names them (read through the
catalogue's API), dates in the order casework happens, and every row written
under the municipality's row-level security setting. The bulk path is COPY into
a temporary table and one INSERT … SELECT per table, so row-level security's
`WITH CHECK` applies (COPY straight into a table with row-level security is
refused by PostgreSQL).

After intake, the other services get what they would hold about the same
persons and decisions (same ids), each generated from the facts intake's
generator recorded and written through the service's own database URL:
coordination (`dev/demo/coordination.py`), welfare technology
(`dev/demo/welfaretech.py`) and quality (`dev/demo/quality.py`); the command
prints the time each service took.

The same seed, size and day give the same municipality. Bulk rows write no
outbox events and no access log (nothing was read).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg

from dev.demo.bulk import (
    DecisionFacts,
    Facts,
    PersonFacts,
    _asyncpg_dsn,
    _instant,
    _uuid,
)
from dev.postgres import EmbeddedPostgres
from services.intake.domain.assessments import (
    Observations,
    Potential,
    Risk,
    criteria_facts,
    follow_ups,
)
from services.intake.domain.deadlines import appeal_deadline, is_appeal_late, norwegian_calendar
from services.intake.domain.functional import NEED_LEVEL_RULE, SPEC_VERSION, derive
from services.intake.domain.persons import search_key
from services.intake.seed import (
    CONTACTS,
    GOALS,
    HOME_SERVICES,
    LONG_TERM,
    STREETS,
    _scores,
    _service_index,
)
from shared.clock import today_in_norway
from shared.db import TENANT_SETTING
from shared.national_id import make_synthetic
from shared.schemas.catalogue import ServiceTypeRead

ROOT = Path(__file__).resolve().parents[1]
GENERATED_BY = "demo-generator"
"""`registered_by` / `drafted_by` of every generated application and decision."""
YEARS = 5


@dataclass(frozen=True)
class AgeBand:
    """An age group: its share of the inhabitants and the share of it using each service."""

    low: int
    high: int
    share: float
    home: float
    """Receiving home-based services (hjemmesykepleie, praktisk bistand, …) today."""
    long_term: float
    """Living in a long-term place (langtidsopphold, skjermet enhet) today."""
    pending: float
    """With an application being handled today."""
    past: float
    """With a case that ended or was refused in the five years (rehabilitation, refusals)."""


AGE_BANDS = (
    AgeBand(0, 5, 0.062, 0, 0, 0, 0),
    AgeBand(6, 17, 0.137, 0, 0, 0, 0),
    AgeBand(18, 29, 0.155, 0.015, 0, 0.001, 0.003),
    AgeBand(30, 49, 0.264, 0.018, 0, 0.0015, 0.004),
    AgeBand(50, 66, 0.205, 0.03, 0.001, 0.003, 0.008),
    AgeBand(67, 79, 0.122, 0.05, 0.007, 0.008, 0.03),
    AgeBand(80, 89, 0.045, 0.17, 0.07, 0.03, 0.08),
    AgeBand(90, 103, 0.010, 0.33, 0.30, 0.05, 0.10),
)
"""SSB's population by age (2024, rounded) and KPR's users per age group (2023, rounded)."""
WAITING_SHARE = 0.08
"""Of those granted a long-term place, the share still waiting for one (hol § 3-2 a)."""

FEMALE = [
    "Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Bjørg",
    "Randi", "Solveig", "Ragnhild", "Gerd", "Aud", "Åse", "Turid", "Sigrid", "Else", "Jorunn",
    "Hilde", "Nina", "Silje", "Ida", "Nora", "Emma", "Sara", "Maria", "Fatima", "Tone",
    "Kristin", "Heidi", "Linn", "Ingeborg", "Wenche", "Gunhild", "Synnøve", "Mette", "Aisha",
    "Oddbjørg",
]  # fmt: skip
MALE = [
    "Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Arne", "Svein", "Hans", "Odd",
    "Tor", "Rolf", "Terje", "Geir", "Nils", "Einar", "Leif", "Gunnar", "Harald", "Jonas",
    "Emil", "Magnus", "Henrik", "Kristian", "Anders", "Martin", "Ahmed", "Piotr", "Mohammed",
    "Tore", "Steinar", "Øyvind", "Trond", "Eirik", "Sindre", "Halvard", "Asbjørn", "Ivar",
    "Sverre",
]  # fmt: skip
FAMILY = [
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
    "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen",
    "Lund", "Sørensen", "Moen", "Aune", "Bakken", "Solberg", "Strand", "Lie", "Iversen",
    "Martinsen", "Kristoffersen", "Paulsen", "Knutsen", "Gundersen", "Ellingsen", "Mathisen",
    "Amundsen", "Ødegård", "Græsli", "Nguyen", "Khan", "Ali", "Nowak", "Kowalski",
]  # fmt: skip
FARM_FIRST = [
    "Aas", "Bjør", "Eng", "Fjell", "Grøn", "Haug", "Holm", "Kvam", "Li", "Mo", "Nord", "Ros",
    "Sand", "Skog", "Stor", "Vest", "Øde", "Ås", "Brekk", "Flø", "Kjøs", "Sel", "Tøm", "Ulv",
    "Rønn", "Hov", "Jord", "Myr", "Bø", "Gjer",
]  # fmt: skip
FARM_LAST = [
    "li", "rud", "heim", "dal", "berg", "stad", "land", "vik", "nes", "bakken", "haug",
    "gård", "seth", "bø", "voll", "aker", "eng", "mo",
]  # fmt: skip
FARMS = [first + last for first in FARM_FIRST for last in FARM_LAST]
"""Farm names (gårdsnavn): many, each borne by few, as in the register."""
STREET_NAMES = ["Storgata", "Kirkeveien", "Skolevegen", "Parkveien", "Bjørkeveien", "Lia"]


def _zipf(count: int, exponent: float = 1.0) -> list[float]:
    return [1 / (rank + 1) ** exponent for rank in range(count)]


_FAMILY_WEIGHTS = _zipf(len(FAMILY), 0.9)
_FEMALE_WEIGHTS = _zipf(len(FEMALE), 0.7)
_MALE_WEIGHTS = _zipf(len(MALE), 0.7)


@dataclass
class Rows:
    """The generated rows per table, as tuples in `COLUMNS` order."""

    persons: list[tuple[Any, ...]] = field(default_factory=list)
    relatives: list[tuple[Any, ...]] = field(default_factory=list)
    applications: list[tuple[Any, ...]] = field(default_factory=list)
    application_items: list[tuple[Any, ...]] = field(default_factory=list)
    assessments: list[tuple[Any, ...]] = field(default_factory=list)
    decisions: list[tuple[Any, ...]] = field(default_factory=list)
    waiting_list: list[tuple[Any, ...]] = field(default_factory=list)
    appeals: list[tuple[Any, ...]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in vars(self).items()}


COMMON = ("id", "municipality", "created_at", "updated_at")
COLUMNS: dict[str, tuple[str, ...]] = {
    "persons": (
        *COMMON, "national_id", "given_name", "family_name", "birth_date", "search_text",
        "address", "phone", "preferred_language", "needs_interpreter", "interpreter_language",
        "gp",
    ),
    "relatives": (
        *COMMON, "person_id", "name", "relation", "phone", "is_next_of_kin",
        "information_scope", "can_help_with",
    ),
    "applications": (
        *COMMON, "person_id", "channel", "received_on", "applicant_kind", "what_matters",
        "urgency", "consent_to_obtain_information", "status", "registered_by",
    ),
    "application_items": (
        *COMMON, "application_id", "position", "service_type", "service_name",
        "care_level_rank", "requires_decision",
    ),
    "assessments": (
        *COMMON, "person_id", "application_id", "assessed_on", "assessed_by",
        "assessed_by_name", "place", "what_matters", "spec_version", "scores", "derived",
        "housing", "rehabilitation_potential", "welfare_technology", "nutrition_risk",
        "fall_risk", "facts", "diagnoses", "network",
    ),
    "decisions": (
        *COMMON, "person_id", "application_id", "service_type", "service_name",
        "care_level_rank", "is_long_term_place", "purpose", "outcome", "scope_amount",
        "scope_unit", "starts_on", "ends_on", "review_on", "unit", "contact", "facts",
        "considerations", "legal_basis", "criteria", "user_fee", "lower_levels", "rights",
        "language", "status", "drafted_by", "made_by", "made_by_name", "made_on", "delivery",
        "sent_on", "received_on", "appeal_deadline", "ended_on", "ended_note",
    ),
    "waiting_list": (
        *COMMON, "decision_id", "person_id", "service_type", "listed_on", "priority", "status",
        "history",
    ),
    "appeals": (
        *COMMON, "decision_id", "person_id", "received_on", "appellant", "grounds", "late",
        "status", "reassessment", "forwarded_on", "outcome", "outcome_on",
    ),
}  # fmt: skip
JSON_COLUMNS = {
    "address", "gp", "service_name", "what_matters", "scores", "derived", "housing",
    "welfare_technology", "facts", "diagnoses", "contact", "legal_basis", "criteria",
    "user_fee", "lower_levels", "rights", "history",
}  # fmt: skip
TABLES = tuple(COLUMNS)
"""In foreign-key order."""


class Generator:
    """One municipality's inhabitants and their cases, built in memory."""

    def __init__(
        self,
        municipality: str,
        services: Sequence[ServiceTypeRead],
        seed: int,
        today: date,
    ) -> None:
        self.municipality = municipality
        self.rng = random.Random(f"{seed}-{municipality}")
        self.today = today
        self.start = today - timedelta(days=365 * YEARS)
        self.services = _service_index(services)
        self.home = [code for code in HOME_SERVICES if code in self.services]
        self.long_term = [code for code in LONG_TERM if code in self.services]
        if not self.home or not self.long_term:
            raise SystemExit(
                f"the catalogue of {municipality} lacks the home or long-term services"
            )
        self.contacts = CONTACTS.get(municipality, ["Kari Nordmann", "Ola Nordmann"])
        self.streets = STREETS.get(municipality) or [
            (street, f"{municipality[:2]}00", "Sentrum") for street in STREET_NAMES
        ]
        self.serials: dict[date, int] = {}
        self.taken: set[str] = set()
        self.calendar = norwegian_calendar()
        self.rows = Rows()
        self.facts = Facts(
            units=sorted(
                {unit["code"] for service in self.services.values() for unit in service["units"]}
            ),
            home_services=set(self.home),
        )

    def _row(self, table: str, row_id: uuid.UUID, at: datetime, **values: Any) -> None:
        columns = COLUMNS[table]
        full = {"id": row_id, "municipality": self.municipality, "created_at": at} | values
        full["updated_at"] = at
        getattr(self.rows, table).append(
            tuple(
                json.dumps(full.get(c), ensure_ascii=False)
                if c in JSON_COLUMNS and full.get(c) is not None
                else full.get(c)
                for c in columns
            )
        )

    # --- people ---------------------------------------------------------------------------

    def national_id(self, born: date) -> str:
        """The next free synthetic number for a birth date (individual numbers in turn)."""
        while True:
            serial = self.serials.get(born, self.rng.randint(0, 499))
            self.serials[born] = serial + 1
            number = make_synthetic(born, serial)
            if number and number not in self.taken:
                self.taken.add(number)
                return number

    def band(self) -> AgeBand:
        return self.rng.choices(AGE_BANDS, weights=[band.share for band in AGE_BANDS])[0]

    def person(self, band: AgeBand) -> tuple[uuid.UUID, dict[str, Any]]:
        rng = self.rng
        age = rng.randint(band.low, band.high)
        born = self.today - timedelta(days=365 * age + rng.randint(0, 364))
        born = max(born, date(1923, 1, 1))
        female = rng.random() < (0.5 if age < 80 else 0.62)
        given = rng.choices(
            FEMALE if female else MALE, weights=_FEMALE_WEIGHTS if female else _MALE_WEIGHTS
        )[0]
        family = (
            rng.choice(FARMS)
            if rng.random() < 0.3
            else rng.choices(FAMILY, weights=_FAMILY_WEIGHTS)[0]
        )
        street, postcode, city = rng.choice(self.streets)
        person_id = _uuid(rng)
        foreign = given in ("Ahmed", "Fatima", "Piotr", "Mohammed", "Aisha")
        language = "nn" if self.municipality == "5032" and rng.random() < 0.1 else "nb"
        values = {
            "national_id": self.national_id(born),
            "given_name": given,
            "family_name": family,
            "birth_date": born,
            "search_text": search_key(family, given),
            "address": {
                "street": f"{street} {rng.randint(1, 120)}",
                "postcode": postcode,
                "city": city,
            },
            "phone": f"9{rng.randint(1000000, 9999999)}",
            "preferred_language": language,
            "needs_interpreter": foreign and age >= 67 and rng.random() < 0.5,
            "interpreter_language": ("polsk" if given == "Piotr" else "arabisk")
            if foreign
            else None,
            "gp": {"name": f"Dr. {rng.choice(FAMILY)}", "practice": f"{city} legesenter"},
        }
        self.facts.persons[person_id] = PersonFacts(person_id, given, family, born, city)
        registered = max(self.start, born)
        self._row("persons", person_id, _instant(registered, rng), **values)
        return person_id, values

    def relative(self, person_id: uuid.UUID, person: dict[str, Any], on: date) -> None:
        rng = self.rng
        self._row(
            "relatives",
            _uuid(rng),
            _instant(on, rng),
            person_id=person_id,
            name=f"{rng.choice(FEMALE + MALE)} {person['family_name']}",
            relation=rng.choice(["datter", "sønn", "ektefelle", "niese", "nabo"]),
            phone=f"4{rng.randint(1000000, 9999999)}",
            is_next_of_kin=True,
            information_scope=rng.choice(["health", "practical", "none"]),
            can_help_with=rng.choice(
                ["Handler på lørdager", "Følger til lege", "Kan ikke hjelpe i hverdagen", None]
            ),
        )

    # --- casework -------------------------------------------------------------------------

    def application(
        self, person_id: uuid.UUID, codes: list[str], received: date, status: str
    ) -> tuple[uuid.UUID, str]:
        rng = self.rng
        application_id = _uuid(rng)
        at = _instant(received, rng)
        what_matters = rng.choice(GOALS)
        self._row(
            "applications",
            application_id,
            at,
            person_id=person_id,
            channel=rng.choice(["digital", "phone", "hospital_message", "relative", "gp"]),
            received_on=received,
            applicant_kind=rng.choice(["self", "relative", "hospital", "gp"]),
            what_matters=what_matters,
            urgency="urgent" if rng.random() < 0.1 else "normal",
            consent_to_obtain_information=True,
            status=status,
            registered_by=GENERATED_BY,
        )
        for position, code in enumerate(codes):
            service = self.services[code]
            self._row(
                "application_items",
                _uuid(rng),
                at,
                application_id=application_id,
                position=position,
                service_type=code,
                service_name=service["name"],
                care_level_rank=service["rank"],
                requires_decision=service["requires_decision"],
            )
        return application_id, what_matters

    def assessment(
        self,
        person_id: uuid.UUID,
        person: dict[str, Any],
        application_id: uuid.UUID,
        what_matters: str,
        on: date,
        level: int,
        *,
        needs_24h: bool = False,
        has_relatives: bool = True,
    ) -> None:
        rng = self.rng
        scores = _scores(rng, level)
        derived = derive(scores)
        seen = Observations(
            born=person["birth_date"],
            assessed_on=on,
            rehabilitation_potential=rng.choice([Potential.yes, Potential.no, Potential.uncertain]),
            nutrition_risk=rng.choice([Risk.none, Risk.none, Risk.some]),
            fall_risk=rng.choice([Risk.none, Risk.some, Risk.high]),
            needs_24h_care=needs_24h,
            has_dementia=needs_24h and rng.random() < 0.6,
            is_palliative=False,
            relative_care_burden=rng.random() < 0.2,
            acute_need=False,
            is_discharge_ready=False,
            expected_duration_months=rng.choice([6, 12, 36]),
            assessed_hours_per_week=None,
        )
        positive = rng.random() < 0.4
        self._row(
            "assessments",
            _uuid(rng),
            _instant(on, rng),
            person_id=person_id,
            application_id=application_id,
            assessed_on=on,
            assessed_by=GENERATED_BY,
            assessed_by_name=rng.choice(self.contacts),
            place="home",
            what_matters=[{"text": what_matters, "priority": 1}],
            spec_version=SPEC_VERSION,
            scores=scores,
            derived={
                **asdict(derived),
                "rule": NEED_LEVEL_RULE.source,
                "follow_ups": follow_ups(seen, positive),
            },
            housing={"kind": "own_home", "stairs": rng.random() < 0.4},
            rehabilitation_potential=seen.rehabilitation_potential.value,
            welfare_technology={
                "positive": positive,
                "needs": ["safety_alarm"] if positive else [],
            },
            nutrition_risk=seen.nutrition_risk.value,
            fall_risk=seen.fall_risk.value,
            facts=criteria_facts(derived, seen),
            diagnoses=[],
            network="Har familie i nærheten." if has_relatives else "Lite nettverk.",
        )

    def decision(
        self,
        person_id: uuid.UUID,
        person: dict[str, Any],
        application_id: uuid.UUID,
        what_matters: str,
        code: str,
        made: date,
        *,
        outcome: str = "granted",
        status: str = "in_force",
        review_on: date | None = None,
        ends_on: date | None = None,
        ended_on: date | None = None,
        place_available: bool = True,
    ) -> tuple[uuid.UUID, date | None]:
        """A decision on `code`; `status` "draft" is one not made yet (a caseworker's desk)."""
        rng, service = self.rng, self.services[code]
        criteria = service["criteria"][-1] if service["criteria"] else None
        unit = rng.choice(service["units"])["code"] if service["units"] else None
        granting = outcome != "refused"
        draft = status == "draft"
        scope = None
        if granting and service["scope_unit"] not in ("place", "none"):
            scope = {
                "hours_per_week": rng.choice([1.5, 2, 3, 4.5, 6]),
                "visits_per_day": rng.choice([1, 2, 3, 4]),
                "visits_per_week": rng.choice([2, 3, 5]),
                "days_per_week": rng.choice([1, 2, 3, 5]),
            }.get(service["scope_unit"])
        received = made + timedelta(days=rng.randint(1, 4))
        deadline = None if draft else appeal_deadline(received, self.calendar)
        decision_id = _uuid(rng)
        contact = rng.choice(self.contacts)
        self.facts.decisions.append(
            DecisionFacts(
                id=decision_id,
                person_id=person_id,
                service_type=code,
                unit=unit,
                outcome=outcome,
                status=status,
                made_on=made,
                starts_on=made + timedelta(days=7) if granting else None,
                ends_on=ends_on if granting else None,
                ended_on=ended_on,
                is_long_term_place=bool(service["is_long_term_place"]),
            )
        )
        self._row(
            "decisions",
            decision_id,
            _instant(made, rng),
            person_id=person_id,
            application_id=application_id,
            service_type=code,
            service_name=service["name"],
            care_level_rank=service["rank"],
            is_long_term_place=service["is_long_term_place"],
            purpose=service["purpose"],
            outcome=outcome,
            scope_amount=scope,
            scope_unit=service["scope_unit"],
            starts_on=made + timedelta(days=7) if granting else None,
            ends_on=ends_on if granting else None,
            review_on=(review_on or made + timedelta(days=180)) if granting else None,
            unit=unit,
            contact={"name": contact, "unit": unit} if granting else None,
            facts=f"Kartlagt i hjemmet. {what_matters} er det viktigste for "
            f"{person['given_name']}.",
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
                    "service_type": self.home[0],
                    "status": "tried",
                    "why_not_enough": "Utrygg om natten tross flere besøk i døgnet.",
                }
            ]
            if service["requires_lower_level_review"] and granting
            else [],
            rights={
                "requires_lower_level_review": service["requires_lower_level_review"],
                "place_available": place_available,
            },
            language=person["preferred_language"],
            status=status,
            drafted_by=GENERATED_BY,
            made_by=None if draft else GENERATED_BY,
            made_by_name=None if draft else contact,
            made_on=None if draft else made,
            delivery=None if draft else "digital",
            sent_on=None if draft else made,
            received_on=None if draft else received,
            appeal_deadline=deadline,
            ended_on=ended_on,
            ended_note="Avsluttet etter plan." if ended_on else None,
        )
        return decision_id, deadline

    def appeal(
        self, decision_id: uuid.UUID, person_id: uuid.UUID, person: dict[str, Any], made: date,
        deadline: date | None,
    ) -> None:  # fmt: skip
        rng = self.rng
        appealed = min(made + timedelta(days=rng.randint(10, 35)), self.today)
        settled = (self.today - appealed).days > 45
        self._row(
            "appeals",
            _uuid(rng),
            _instant(appealed, rng),
            decision_id=decision_id,
            person_id=person_id,
            received_on=appealed,
            appellant=f"{person['given_name']} {person['family_name']}",
            grounds="Jeg trenger mer hjelp enn vedtaket gir.",
            late=is_appeal_late(deadline, appealed) if deadline else False,
            status="closed" if settled else "received",
            reassessment="Kommunen opprettholder vedtaket." if settled else None,
            forwarded_on=appealed + timedelta(days=21) if settled else None,
            outcome="upheld" if settled else None,
            outcome_on=appealed + timedelta(days=90) if settled else None,
        )

    def waiting(self, decision_id: uuid.UUID, person_id: uuid.UUID, code: str, on: date) -> None:
        rng = self.rng
        self._row(
            "waiting_list",
            _uuid(rng),
            _instant(on, rng),
            decision_id=decision_id,
            person_id=person_id,
            service_type=code,
            listed_on=on,
            priority=rng.choice([1, 2, 2, 3]),
            status="waiting",
            history=[{"on": on.isoformat(), "event": "listed"}],
        )

    def _day_within(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max((last - first).days, 0)))

    # --- one inhabitant's story ---------------------------------------------------------------

    def inhabitant(self) -> None:
        rng, today = self.rng, self.today
        band = self.band()
        person_id, person = self.person(band)
        # A case decided before today needs room before today: someone who came of age in the
        # last two months applied as a minor.
        adult_since = min(
            max(self.start, person["birth_date"] + timedelta(days=365 * 18)),
            today - timedelta(days=60),
        )
        long_term = rng.random() < band.long_term
        home = not long_term and rng.random() < band.home
        pending = rng.random() < band.pending
        past = rng.random() < band.past
        if not (long_term or home or pending or past):
            return
        with_relatives = rng.random() < 0.8
        first_contact = self._day_within(adult_since, today - timedelta(days=60))
        if with_relatives:
            self.relative(person_id, person, first_contact)
        if past:
            self.past_case(person_id, person, adult_since, with_relatives)
        if home:
            self.home_services(person_id, person, adult_since, with_relatives)
        if long_term:
            self.long_term_place(person_id, person, with_relatives)
        if pending:
            self.pending_case(person_id, person, with_relatives)

    def _decided_application(
        self, person_id: uuid.UUID, person: dict[str, Any], codes: list[str], received: date,
        level: int, with_relatives: bool, *, needs_24h: bool = False,
    ) -> tuple[uuid.UUID, str, date]:  # fmt: skip
        rng = self.rng
        application_id, what_matters = self.application(person_id, codes, received, "decided")
        assessed = received + timedelta(days=rng.randint(3, 12))
        self.assessment(
            person_id, person, application_id, what_matters, assessed, level,
            needs_24h=needs_24h, has_relatives=with_relatives,
        )  # fmt: skip
        made = assessed + timedelta(days=rng.randint(2, 16))
        return application_id, what_matters, made

    def past_case(
        self, person_id: uuid.UUID, person: dict[str, Any], since: date, with_relatives: bool
    ) -> None:
        """Rehabilitation that ended, or a refusal (sometimes appealed), in the five years."""
        rng, today = self.rng, self.today
        code = rng.choice(self.home)
        received = self._day_within(since, today - timedelta(days=60))
        application_id, what_matters, made = self._decided_application(
            person_id, person, [code], received, rng.choice([1, 2, 2, 3]), with_relatives
        )
        if rng.random() < 0.3:
            decision_id, deadline = self.decision(
                person_id, person, application_id, what_matters, code, made,
                outcome="refused", status="sent",
            )  # fmt: skip
            if rng.random() < 0.3:
                self.appeal(decision_id, person_id, person, made, deadline)
            return
        ended = min(made + timedelta(days=rng.choice([42, 90, 180])), today - timedelta(days=1))
        self.decision(
            person_id, person, application_id, what_matters, code, made,
            status="ended", review_on=ended, ended_on=ended,
        )  # fmt: skip

    def home_services(
        self, person_id: uuid.UUID, person: dict[str, Any], since: date, with_relatives: bool
    ) -> None:
        rng, today = self.rng, self.today
        codes = rng.sample(self.home, k=min(len(self.home), rng.choice([1, 1, 2])))
        received = self._day_within(since, today - timedelta(days=45))
        application_id, what_matters, made = self._decided_application(
            person_id, person, codes, received, rng.choice([2, 3, 3, 4]), with_relatives
        )
        for code in codes:
            review_on = today + timedelta(days=rng.randint(-20, 365))
            ends_on = today + timedelta(days=rng.randint(5, 60)) if rng.random() < 0.05 else None
            self.decision(
                person_id, person, application_id, what_matters, code, made,
                review_on=max(review_on, made + timedelta(days=30)), ends_on=ends_on,
            )  # fmt: skip

    def long_term_place(
        self, person_id: uuid.UUID, person: dict[str, Any], with_relatives: bool
    ) -> None:
        rng, today = self.rng, self.today
        code = rng.choice(self.long_term)
        waiting = rng.random() < WAITING_SHARE
        first = today - timedelta(days=120 if waiting else 3 * 365)
        received = self._day_within(max(first, self.start), today - timedelta(days=45))
        application_id, what_matters, made = self._decided_application(
            person_id, person, [code], received, 4, with_relatives, needs_24h=True
        )
        review_on = made + timedelta(days=365)
        while review_on < today - timedelta(days=20):
            review_on += timedelta(days=365)
        decision_id, _ = self.decision(
            person_id, person, application_id, what_matters, code, made,
            review_on=review_on, place_available=not waiting,
        )  # fmt: skip
        if waiting:
            self.waiting(decision_id, person_id, code, made)

    def pending_case(
        self, person_id: uuid.UUID, person: dict[str, Any], with_relatives: bool
    ) -> None:
        """An application on the desk: received, being assessed, or with a draft decision."""
        rng, today = self.rng, self.today
        code = rng.choice(self.home)
        received = today - timedelta(days=rng.randint(1, 45))
        stage = rng.random()
        status = "received" if stage < 0.4 else "in_assessment"
        application_id, what_matters = self.application(person_id, [code], received, status)
        if status == "received":
            return
        assessed = min(received + timedelta(days=rng.randint(2, 10)), today)
        self.assessment(
            person_id, person, application_id, what_matters, assessed, rng.choice([2, 3]),
            has_relatives=with_relatives,
        )  # fmt: skip
        if stage > 0.7:
            self.decision(
                person_id, person, application_id, what_matters, code, today,
                status="draft", review_on=today + timedelta(days=180),
            )  # fmt: skip

    def generate(self, inhabitants: int) -> Rows:
        for _ in range(inhabitants):
            self.inhabitant()
        return self.rows


BATCH = 5000


async def _column_types(connection: asyncpg.Connection, table: str) -> dict[str, str]:
    rows = await connection.fetch(
        "SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute "
        "WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped",
        table,
    )
    return {row["attname"]: row["type"] for row in rows}


NAME_PREFIXES_TRIGGER = "persons_name_prefixes"
"""Intake's trigger that writes a person's name entries (`person_name_prefixes`, ADR 0004)
one person at a time; the bulk write writes the same entries in one statement instead."""

PREFIXES_OF = """
SELECT DISTINCT left(word, length) AS prefix
  FROM regexp_split_to_table({text}, '[ -]+') AS word,
       generate_series(1, least(length(word), 100)) AS length
 WHERE word <> ''
"""
"""Every beginning of every word of a folded name: the trigger's own SELECT (intake's
migration `name_prefixes_in_name_order`), checked against the trigger's source before use."""

TRIGGER_SELECT = (
    "SELECT NEW.id, prefixes.prefix, NEW.search_text, NEW.municipality "
    f"FROM ({PREFIXES_OF.format(text='NEW.search_text')}) AS prefixes"
)
"""What the trigger inserts for the person it fires for (`NEW`)."""

NAME_PREFIXES = (
    "INSERT INTO person_name_prefixes (person_id, prefix, search_text, municipality) "
    "SELECT persons.id, prefixes.prefix, persons.search_text, persons.municipality "
    f"FROM persons, LATERAL ({PREFIXES_OF.format(text='persons.search_text')}) AS prefixes "
    "WHERE persons.id = ANY($1::uuid[])"
)
"""The trigger's entries for every given person, in one statement."""


def _squeezed(sql: str) -> str:
    return " ".join(sql.split())


async def _name_prefixes_in_bulk(connection: asyncpg.Connection) -> bool:
    """Whether the name-prefix trigger is on and writes exactly `TRIGGER_SELECT` (so
    `NAME_PREFIXES` writes what it would): then it is turned off for this transaction, and
    the caller writes the entries and turns it on again before the commit."""
    source = await connection.fetchval(
        "SELECT p.prosrc FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
        "WHERE t.tgrelid = 'persons'::regclass AND t.tgname = $1 AND t.tgenabled = 'O'",
        NAME_PREFIXES_TRIGGER,
    )
    if source is None or _squeezed(TRIGGER_SELECT) not in _squeezed(source):
        return False
    # Transactional: no other session ever sees the trigger off. The lock it takes (SHARE ROW
    # EXCLUSIVE on persons) lets readers through and holds writers of persons until the commit.
    await connection.execute(f"ALTER TABLE persons DISABLE TRIGGER {NAME_PREFIXES_TRIGGER}")
    return True


async def write(
    database_url: str, municipality: str, rows: Rows, *, owner_url: str | None = None
) -> None:
    """All rows in one transaction under the municipality's row-level security setting, as
    multi-row INSERTs (one `INSERT … SELECT FROM unnest(…)` per batch), so the policies'
    `WITH CHECK` applies to every row.

    With intake's owner URL (row-level security is forced for the owner too), the persons'
    name entries are written in one statement after the persons, with the trigger that writes
    them per person turned off inside the transaction; without it (the runtime role may not
    alter a table), or when the trigger no longer writes what `NAME_PREFIXES` does, the
    trigger writes them."""
    connection = await asyncpg.connect(_asyncpg_dsn(owner_url or database_url))
    try:
        async with connection.transaction():
            await connection.execute(
                "SELECT set_config($1, $2, true)", TENANT_SETTING, municipality
            )
            in_bulk = owner_url is not None and await _name_prefixes_in_bulk(connection)
            for table in TABLES:
                records = getattr(rows, table)
                columns = COLUMNS[table]
                types = await _column_types(connection, table)
                arrays = ", ".join(
                    f"${n}::{types[column]}[]" for n, column in enumerate(columns, start=1)
                )
                statement = (
                    f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM unnest({arrays})"
                )
                for start in range(0, len(records), BATCH):
                    batch = records[start : start + BATCH]
                    await connection.execute(
                        statement, *(list(column) for column in zip(*batch, strict=True))
                    )
            if in_bulk:
                await connection.execute(NAME_PREFIXES, [person[0] for person in rows.persons])
                await connection.execute(
                    f"ALTER TABLE persons ENABLE TRIGGER {NAME_PREFIXES_TRIGGER}"
                )
    finally:
        await connection.close()


async def registered_national_ids(database_url: str, municipality: str) -> set[str]:
    """The national ids already in the register (the demo persons), which stay theirs."""
    connection = await asyncpg.connect(_asyncpg_dsn(database_url))
    try:
        async with connection.transaction():
            await connection.execute(
                "SELECT set_config($1, $2, true)", TENANT_SETTING, municipality
            )
            return {row[0] for row in await connection.fetch("SELECT national_id FROM persons")}
    finally:
        await connection.close()


async def already_generated(database_url: str, municipality: str) -> int:
    connection = await asyncpg.connect(_asyncpg_dsn(database_url))
    try:
        async with connection.transaction():
            await connection.execute(
                "SELECT set_config($1, $2, true)", TENANT_SETTING, municipality
            )
            return int(await connection.fetchval("SELECT count(*) FROM persons"))
    finally:
        await connection.close()


async def generate(
    database_url: str,
    municipality: str,
    services: Sequence[ServiceTypeRead],
    inhabitants: int,
    *,
    seed: int = 1,
    today: date | None = None,
    others: Mapping[str, str] | None = None,
    timings: dict[str, float] | None = None,
    owner_url: str | None = None,
) -> dict[str, int]:
    """Generate and write one municipality; returns the row count per table (the other
    services' tables as `service.table`). With `others` (the coordination, welfaretech and
    quality database URLs), their data is generated too, from intake's; `timings` gets the
    seconds each service took (generating and writing). With intake's `owner_url`, intake's
    rows are written as its owner, the name entries in bulk (`write`)."""
    today = today or today_in_norway()
    timings = timings if timings is not None else {}
    started = time.monotonic()
    generator = Generator(municipality, services, seed, today)
    generator.taken |= await registered_national_ids(database_url, municipality)
    rows = generator.generate(inhabitants)
    await write(database_url, municipality, rows, owner_url=owner_url)
    counts = rows.counts()
    timings["intake"] = time.monotonic() - started
    if others:
        counts |= await generate_services(
            generator.facts, municipality, seed, today, others, timings
        )
    return counts


async def generate_services(
    facts: Facts,
    municipality: str,
    seed: int,
    today: date,
    urls: Mapping[str, str],
    timings: dict[str, float],
) -> dict[str, int]:
    """Coordination, welfare technology and quality from intake's facts, each into its own
    database in one transaction."""
    from dev.demo import coordination, quality, welfaretech
    from dev.demo.bulk import write_tables

    counts: dict[str, int] = {}

    def count(service: str, tables: Any) -> None:
        counts.update({f"{service}.{table}": n for table, n in tables.counts().items()})

    started = time.monotonic()
    plans = coordination.generate(facts, municipality, seed, today)
    await write_tables(urls["coordination"], plans)
    count("coordination", plans)
    timings["coordination"] = time.monotonic() - started

    started = time.monotonic()
    catalogue = await welfaretech.technologies_of(urls["welfaretech"], municipality)
    loans = welfaretech.generate(facts, municipality, seed, today, catalogue)
    await write_tables(urls["welfaretech"], loans)
    count("welfaretech", loans)
    timings["welfaretech"] = time.monotonic() - started

    started = time.monotonic()
    deviations = quality.generate(
        facts,
        municipality,
        seed,
        today,
        plans=[(row["id"], row["person_id"]) for row in plans.rows.get("plans", [])],
        loans=[(row["id"], row["person_id"], row["unit"]) for row in loans.rows.get("loans", [])],
    )
    await write_tables(urls["quality"], deviations)
    count("quality", deviations)
    timings["quality"] = time.monotonic() - started
    return counts


def prepare(data_dir: Path) -> tuple[EmbeddedPostgres | None, dict[str, str]]:
    """The databases of a `make run` in `data_dir` (or the given URLs): migrated, demo loaded.
    Returns the embedded PostgreSQL it started (None when URLs were given) and the runtime
    URLs, with intake's owner URL (`INTAKE_OWNER_DATABASE_URL`) for the bulk write."""
    from dev.postgres import service_databases, start_embedded
    from dev.run import (
        database_env,
        load_demo_data,
        migrate,
        migration_env,
        uses_external_databases,
    )

    pg = None
    if not uses_external_databases():
        pg = start_embedded(data_dir / "pg")
        pg.ensure_databases(service_databases())
    env = database_env(pg)
    owners = migration_env(pg)
    migrate(owners)
    load_demo_data(env)
    return pg, env | {"INTAKE_OWNER_DATABASE_URL": owners["INTAKE_OWNER_DATABASE_URL"]}


def catalogue_of(catalogue_url: str, municipality: str) -> list[ServiceTypeRead]:
    from dev.run import demo_catalogues

    catalogues = asyncio.run(demo_catalogues(catalogue_url))
    if municipality not in catalogues:
        raise SystemExit(
            f"no catalogue for {municipality}; choose one of {', '.join(sorted(catalogues))}"
        )
    return catalogues[municipality]


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inhabitants", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--municipality", default="3207", help="a municipality with a catalogue (3207, 5032)"
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("MESTRING_DATA_DIR", ROOT / ".data")),
        help="the data folder of `make run` (MESTRING_DATA_DIR)",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    started = time.monotonic()
    pg, env = prepare(args.data.resolve())
    try:
        status = _generate_into(env, args, started)
        if pg is not None and status == 0:
            vacuum(pg)
        return status
    finally:
        if pg is not None:
            pg.stop()


def vacuum(pg: EmbeddedPostgres) -> None:
    """Each service's database vacuumed and analysed once after a bulk load, so that
    autovacuum does not catch up on it (the name entries' table: 1.8 GB at 700,000) while
    the system is first used or measured (`make bench`)."""
    from dev.postgres import service_databases

    started = time.monotonic()
    for database in service_databases().values():
        pg.admin("VACUUM (ANALYZE)", database=database)
    print(f"demo: vacuumed and analysed in {time.monotonic() - started:.0f} s")


def _generate_into(env: dict[str, str], args: argparse.Namespace, started: float) -> int:
    intake_url = env["INTAKE_DATABASE_URL"]
    present = asyncio.run(already_generated(intake_url, args.municipality))
    if present >= args.inhabitants:
        print(f"demo: {args.municipality} already has {present} persons; nothing generated")
        return 0
    services = catalogue_of(env["CATALOGUE_DATABASE_URL"], args.municipality)
    print(f"demo: the system is ready ({time.monotonic() - started:.0f} s); generating")
    timings: dict[str, float] = {}
    others = {
        service: env[f"{service.upper()}_DATABASE_URL"]
        for service in ("coordination", "welfaretech", "quality")
    }
    counts = asyncio.run(
        generate(
            intake_url,
            args.municipality,
            services,
            args.inhabitants,
            seed=args.seed,
            others=others,
            timings=timings,
            owner_url=env.get("INTAKE_OWNER_DATABASE_URL"),
        )
    )
    took = time.monotonic() - started
    for service, seconds in timings.items():
        mine = {t.split(".", 1)[-1]: n for t, n in counts.items()
                if (t.split(".", 1)[0] if "." in t else "intake") == service}  # fmt: skip
        listed = ", ".join(f"{table} {count}" for table, count in mine.items())
        print(f"demo: {service} in {seconds:.1f} s: {listed}")
    print(f"demo: {args.municipality} +{args.inhabitants} inhabitants in {took:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

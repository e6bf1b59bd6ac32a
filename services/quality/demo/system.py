"""Demo data of the quality system for Nordre Follo and Selbu: ROS analyses, procedures
with versions and read-and-understood receipts, internal audits and supervision findings,
with their measures, and a few deviations that confirm a hazard or name a procedure not
followed. Synthetic; dates relative to the day it is loaded; loaded once per municipality.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.quality.models import (
    Deviation,
    DeviationReference,
    InternalAudit,
    Measure,
    Procedure,
    ProcedureReceipt,
    ProcedureVersion,
    RiskAnalysis,
    RosHazard,
    StaffMember,
    SupervisionFinding,
)
from shared.schemas.quality import (
    ActionStatus,
    AuditStatus,
    DeviationCategory,
    FindingKind,
    FindingStatus,
    RosStatus,
    SupervisionAuthority,
)


@dataclass(frozen=True)
class Place:
    home_care: str
    nursing_home: str
    slug: str
    leader: str
    quality_lead: str
    clinician: str
    coordinator: str
    technologist: str
    caseworker: str


PLACES = {
    "3207": Place(
        "hjemmetjenesten-ski",
        "ski-sykehjem",
        "nordrefollo",
        "Kari Nordby",
        "Per Ødegård",
        "Aisha Rahman",
        "Martin Haugen",
        "Jonas Berg",
        "Ingrid Solberg",
    ),
    "5032": Place(
        "hjemmetjenesten-selbu",
        "selbu-helse-og-omsorgssenter",
        "selbu",
        "Randi Selboe",
        "Hans Græsli",
        "Tone Kjøsnes",
        "Ola Flønes",
        "Erik Moen",
        "Marit Aune",
    ),
}


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=UTC)


def _measure(
    m: str, unit: str | None, text: str, who: str, due: date, status: ActionStatus, **source: object
) -> Measure:
    return Measure(
        municipality=m,
        unit=unit,
        description=text,
        responsible=who,
        due_on=due,
        status=status.value,
        done_on=due - timedelta(days=3) if status is ActionStatus.done else None,
        **source,
    )


def _hazard(m: str, text: str, barriers: str | None, c: int, p: int) -> RosHazard:
    return RosHazard(
        municipality=m,
        description=text,
        existing_barriers=barriers,
        consequence=c,
        probability=p,
        risk_score=c * p,
    )


def _ros(m: str, place: Place, today: date) -> list[RiskAnalysis]:
    medication = RiskAnalysis(
        municipality=m,
        unit=place.home_care,
        title="ROS legemiddelhåndtering i hjemmetjenesten",
        scope="Fra multidose og dosett til utdeling og dokumentasjon hos bruker.",
        analysed_on=today - timedelta(days=180),
        participants=[place.leader, place.clinician, "Farmasøyt fra apoteket", "Verneombud"],
        status=RosStatus.approved.value,
        approved_on=today - timedelta(days=170),
        approved_by=place.leader,
        hazards=[
            _hazard(m, "Feil dose ved bytte av multidoseleverandør", "Legemiddelliste i EPJ", 4, 3),
            _hazard(m, "Dosett ikke gitt fordi bruker ikke åpner døren", "Ringerutine", 3, 4),
            _hazard(m, "Legemiddelliste ikke oppdatert etter legebesøk", None, 3, 3),
            _hazard(m, "Nøkkel til medisinskap borte", "Ekstra nøkkel på kontoret", 2, 2),
        ],
    )
    alarm = RiskAnalysis(
        municipality=m,
        unit=place.home_care,
        title="ROS trygghetsalarm og responssenter",
        scope="Alarmkjeden fra utløst alarm til hjelp er fremme, også ved strømbrudd.",
        analysed_on=today - timedelta(days=14),
        participants=[place.leader, place.technologist, "Responssenteret"],
        status=RosStatus.draft.value,
        hazards=[
            _hazard(m, "Alarmen virker ikke etter strømbrudd", "Batteri i basestasjon", 5, 2),
            _hazard(m, "Responssenteret når ikke hjemmetjenesten om natten", None, 4, 2),
            _hazard(m, "Bruker bærer ikke alarmknappen", "Opplæring ved installasjon", 3, 3),
        ],
    )
    falls = RiskAnalysis(
        municipality=m,
        unit=place.nursing_home,
        title="ROS fall og fallforebygging",
        scope="Fall på rom, bad og fellesareal, særlig om natten.",
        analysed_on=today - timedelta(days=300),
        participants=[place.leader, "Fysioterapeut", "Sykepleier natt"],
        status=RosStatus.approved.value,
        approved_on=today - timedelta(days=290),
        approved_by=place.leader,
        hazards=[
            _hazard(m, "Fall ved toalettbesøk om natten", "Sensorlys på rom", 4, 3),
            _hazard(m, "Glatt gulv etter rengjøring", "Skilt", 2, 3),
        ],
    )
    return [medication, alarm, falls]


def _ros_measures(m: str, analyses: list[RiskAnalysis], today: date) -> list[Measure]:
    medication, _alarm, falls = analyses
    dose, door = medication.hazards[0], medication.hazards[1]
    night_fall = falls.hazards[0]
    return [
        _measure(
            m,
            medication.unit,
            "Dobbeltkontroll av første multidoserull etter bytte",
            "Kari Nordby" if m == "3207" else "Randi Selboe",
            today - timedelta(days=60),
            ActionStatus.done,
            hazard_id=dose.id,
        ),
        _measure(
            m,
            medication.unit,
            "Avtale med pårørende om nøkkelboks ved dør",
            "Teamleder dag",
            today - timedelta(days=10),
            ActionStatus.in_progress,
            hazard_id=door.id,
        ),
        _measure(
            m,
            falls.unit,
            "Sengealarm og fast tilsyn kl. 02 for brukere med fallrisiko",
            "Avdelingssykepleier",
            today + timedelta(days=30),
            ActionStatus.planned,
            hazard_id=night_fall.id,
        ),
    ]


VERSIONS = {
    "legemidler": [
        (
            "Første versjon.",
            "1. Kontroller navn og fødselsdato.\n2. Kontroller dosett mot "
            "legemiddelliste.\n3. Observer at legemiddelet tas.\n4. Dokumenter i EPJ.",
        ),
        (
            "Dokumentasjon samme vakt.",
            "1. Kontroller navn og fødselsdato.\n2. Kontroller dosett "
            "mot legemiddelliste.\n3. Observer at legemiddelet tas.\n"
            "4. Dokumenter i EPJ samme vakt.",
        ),
        (
            "Dobbeltkontroll ved bytte av multidose (etter ROS).",
            "1. Kontroller navn og "
            "fødselsdato.\n2. Kontroller dosett mot legemiddelliste; ved ny multidoserull: "
            "dobbeltkontroll med en kollega.\n3. Observer at legemiddelet tas.\n"
            "4. Dokumenter i EPJ samme vakt.",
        ),
    ],
}


def _procedure(
    m: str,
    unit: str | None,
    title: str,
    owner: str,
    approved_by: str,
    first_valid: date,
    review_by: date,
    texts: list[tuple[str, str]] | None = None,
    link: str | None = None,
) -> Procedure:
    versions = []
    entries = texts or [("Første versjon.", "")]
    for index, (note, text) in enumerate(entries):
        valid_from = first_valid + timedelta(days=200 * index)
        versions.append(
            ProcedureVersion(
                municipality=m,
                number=index + 1,
                valid_from=valid_from,
                review_by=review_by if index == len(entries) - 1 else valid_from + timedelta(365),
                approved_by=approved_by,
                text=text or None,
                link=link if not text else None,
                change_note=None if index == 0 else note,
                written_by_name=owner,
            )
        )
    return Procedure(
        municipality=m,
        unit=unit,
        title=title,
        owner=owner,
        current_number=len(versions),
        review_by=review_by,
        versions=versions,
    )


def _procedures(m: str, place: Place, today: date) -> list[Procedure]:
    doc = f"https://kvalitet.{place.slug}.kommune.example/dokument"
    return [
        _procedure(
            m,
            place.home_care,
            "Legemiddelhåndtering i hjemmetjenesten",
            place.leader,
            "Kommuneoverlege",
            today - timedelta(days=700),
            today + timedelta(days=200),
            VERSIONS["legemidler"],
        ),
        _procedure(
            m,
            place.home_care,
            "Bruk av trygghetsalarm og responssenter",
            place.leader,
            "Enhetsleder",
            today - timedelta(days=400),
            today + timedelta(days=60),
            link=f"{doc}/trygghetsalarm",
        ),
        _procedure(
            m,
            place.nursing_home,
            "Fallforebygging i sykehjem",
            "Avdelingssykepleier",
            "Enhetsleder",
            today - timedelta(days=500),
            today - timedelta(days=20),
            [
                (
                    "Første versjon.",
                    "1. Kartlegg fallrisiko ved innkomst.\n2. Tilpass "
                    "hjelpemidler.\n3. Sensorlys og sengealarm ved høy risiko.",
                )
            ],
        ),
        _procedure(
            m,
            None,
            "Melding og behandling av avvik",
            place.quality_lead,
            "Kommunedirektør",
            today - timedelta(days=600),
            today + timedelta(days=300),
            [
                ("Første versjon.", "Alle ansatte melder avvik i kvalitetssystemet samme dag."),
                (
                    "Leder kvitterer innen fem virkedager.",
                    "Alle ansatte melder avvik i "
                    "kvalitetssystemet samme dag. Leder kvitterer ut meldingen innen fem "
                    "virkedager og gir melder tilbakemelding.",
                ),
            ],
        ),
        _procedure(
            m,
            None,
            "Taushetsplikt og informasjonssikkerhet",
            place.quality_lead,
            "Kommunedirektør",
            today - timedelta(days=900),
            today - timedelta(days=45),
            link=f"{doc}/taushetsplikt",
        ),
        _procedure(
            m,
            None,
            "Varsel om alvorlig hendelse til Helsetilsynet",
            place.quality_lead,
            "Kommunedirektør",
            today - timedelta(days=300),
            today + timedelta(days=400),
            [
                (
                    "Første versjon.",
                    "Ved dødsfall eller svært alvorlig skade: varsle Statens "
                    "helsetilsyn straks (helse- og omsorgstjenesteloven § 12-3 a), og informer "
                    "pasient eller pårørende.",
                )
            ],
        ),
    ]


def _staff(m: str, place: Place, today: date) -> list[StaffMember]:
    seen = _at(today - timedelta(days=2))
    return [
        StaffMember(
            municipality=m, sub=f"{role}-{place.slug}", name=name, units=units, last_seen_at=seen
        )
        for role, name, units in [
            ("helsepersonell", place.clinician, [place.home_care]),
            ("leder", place.leader, [place.home_care]),
            ("koordinator", place.coordinator, []),
            ("velferdsteknolog", place.technologist, []),
            ("saksbehandler", place.caseworker, []),
        ]
    ]


def _receipts(
    m: str, place: Place, procedures: list[Procedure], today: date
) -> list[ProcedureReceipt]:
    medication, alarm, _falls, deviations_procedure, _privacy, _serious = procedures
    plan = [
        (medication, 3, "helsepersonell", place.clinician),
        (medication, 3, "leder", place.leader),
        (medication, 2, "koordinator", place.coordinator),
        (alarm, 1, "leder", place.leader),
        (deviations_procedure, 2, "helsepersonell", place.clinician),
        (deviations_procedure, 2, "leder", place.leader),
        (deviations_procedure, 1, "saksbehandler", place.caseworker),
    ]
    receipts = []
    for procedure, number, role, name in plan:
        version = next(v for v in procedure.versions if v.number == number)
        receipts.append(
            ProcedureReceipt(
                municipality=m,
                procedure_id=procedure.id,
                version_id=version.id,
                number=number,
                employee_sub=f"{role}-{place.slug}",
                employee_name=name,
                confirmed_at=_at(max(version.valid_from, today - timedelta(days=30))),
            )
        )
    return receipts


def _audits(m: str, place: Place, procedures: list[Procedure], today: date) -> list[InternalAudit]:
    medication, alarm, falls = procedures[0], procedures[1], procedures[2]
    done = InternalAudit(
        municipality=m,
        procedure_id=medication.id,
        procedure_number=3,
        unit=place.home_care,
        planned_on=today - timedelta(days=60),
        auditor=place.quality_lead,
        sample_plan="Ti tilfeldige legemiddelutdelinger fra forrige uke",
        status=AuditStatus.completed.value,
        performed_on=today - timedelta(days=58),
        sample="Ti utdelinger, fem brukere, dag og kveld",
        findings="Åtte av ti fulgt helt. To uten dokumentasjon samme vakt.",
    )
    planned = InternalAudit(
        municipality=m,
        procedure_id=falls.id,
        unit=place.nursing_home,
        planned_on=today + timedelta(days=21),
        auditor=place.quality_lead,
        sample_plan="Kartlegging av fallrisiko hos de fem sist innkomne",
        status=AuditStatus.planned.value,
    )
    late = InternalAudit(
        municipality=m,
        procedure_id=alarm.id,
        unit=place.home_care,
        planned_on=today - timedelta(days=5),
        auditor=place.leader,
        sample_plan="Fem siste installasjoner: er alarmkjeden testet?",
        status=AuditStatus.planned.value,
    )
    return [done, planned, late]


def _audit_measures(m: str, audit: InternalAudit, place: Place, today: date) -> list[Measure]:
    return [
        _measure(
            m,
            audit.unit,
            "Påminnelse om dokumentasjon i morgenmøtet i fire uker",
            place.leader,
            today - timedelta(days=30),
            ActionStatus.done,
            audit_id=audit.id,
            non_conformity="To utdelinger ikke dokumentert samme vakt",
        ),
        _measure(
            m,
            audit.unit,
            "Ny stikkprøve om tre måneder",
            place.quality_lead,
            today + timedelta(days=30),
            ActionStatus.planned,
            audit_id=audit.id,
            non_conformity="Legemiddelliste ikke signert ved endring",
        ),
    ]


def _findings(m: str, place: Place, today: date) -> list[SupervisionFinding]:
    findings = [
        SupervisionFinding(
            municipality=m,
            authority=SupervisionAuthority.statsforvalteren.value,
            case_reference=f"{today.year}/{4711 if m == '3207' else 3120}",
            unit=place.home_care,
            kind=FindingKind.breach.value,
            title="Forsvarlig legemiddelhåndtering i hjemmetjenesten",
            description="Kommunen sikrer ikke at legemiddellister oppdateres etter endringer fra "
            "fastlege, og følger ikke systematisk opp avvik i legemiddelhåndteringen.",
            received_on=today - timedelta(days=50),
            deadline=today + timedelta(days=40),
            status=FindingStatus.open.value,
        ),
    ]
    if m == "3207":
        findings.append(
            SupervisionFinding(
                municipality=m,
                authority=SupervisionAuthority.helsetilsynet.value,
                case_reference=f"{today.year - 1}/188",
                unit=None,
                kind=FindingKind.remark.value,
                title="Varsling av alvorlige hendelser",
                description="Rutinen for varsel etter § 12-3 a var ikke kjent i alle enheter.",
                received_on=today - timedelta(days=200),
                deadline=today - timedelta(days=20),
                status=FindingStatus.open.value,
            )
        )
    return findings


async def seed_system(session: AsyncSession, municipality: str, today: date) -> int:
    """Load the quality system's demo data into one municipality if it has none; returns
    how many documents (analyses, procedures, audits, findings) were added."""
    if municipality not in PLACES or await session.scalar(
        select(func.count()).select_from(Procedure)
    ):
        return 0
    m, place = municipality, PLACES[municipality]
    analyses = _ros(m, place, today)
    procedures = _procedures(m, place, today)
    findings = _findings(m, place, today)
    session.add_all([*analyses, *procedures, *findings, *_staff(m, place, today)])
    await session.flush()
    audits = _audits(m, place, procedures, today)
    session.add_all(audits)
    await session.flush()
    measures = _ros_measures(m, analyses, today) + _audit_measures(m, audits[0], place, today)
    measures += [
        _measure(
            m,
            findings[0].unit,
            "Rutine: legemiddelliste oppdateres samme dag som melding fra fastlege",
            place.leader,
            today + timedelta(days=20),
            ActionStatus.in_progress,
            finding_id=findings[0].id,
        ),
        _measure(
            m,
            findings[0].unit,
            "Svar til Statsforvalteren med dokumentasjon",
            place.quality_lead,
            today + timedelta(days=38),
            ActionStatus.planned,
            finding_id=findings[0].id,
        ),
    ]
    if len(findings) > 1:
        measures.append(
            _measure(
                m,
                None,
                "Opplæring i varselrutinen i alle enheter",
                place.quality_lead,
                today - timedelta(days=40),
                ActionStatus.in_progress,
                finding_id=findings[1].id,
            )
        )
    session.add_all([*measures, *_receipts(m, place, procedures, today)])
    medication_deviations = (
        await session.scalars(
            select(Deviation.id)
            .where(
                Deviation.unit == place.home_care,
                Deviation.category == DeviationCategory.medication.value,
            )
            .order_by(Deviation.reported_on.desc(), Deviation.id)
            .limit(3)
        )
    ).all()
    session.add_all(
        DeviationReference(
            municipality=m,
            deviation_id=deviation_id,
            hazard_id=analyses[0].hazards[index % 3].id,
            procedure_id=procedures[0].id,
            procedure_number=procedures[0].current_number,
        )
        for index, deviation_id in enumerate(medication_deviations)
    )
    return len(analyses) + len(procedures) + len(audits) + len(findings)

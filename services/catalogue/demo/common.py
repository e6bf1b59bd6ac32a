"""Shared building blocks of the demo catalogue: texts, legal bases, fees, levels.

Both municipalities draw on these so that their own files hold only what is
their own: names, criteria, sources and units. Legal references follow
helse- og omsorgstjenesteloven (hol), pasient- og brukerrettighetsloven (pbrl),
folkehelseloven and forskrift om egenandel for kommunale helse- og
omsorgstjenester (egenandelsforskriften).
"""

from __future__ import annotations

from typing import Any


def t(nb: str, nn: str, en: str) -> dict[str, str]:
    """A text in bokmål, nynorsk and English."""
    return {"nb": nb, "nn": nn, "en": en}


def c(metric: str, op: str, value: Any) -> dict[str, Any]:
    """One condition of the criteria language."""
    return {"metric": metric, "op": op, "value": value}


def any_of(*conditions: dict[str, Any]) -> dict[str, Any]:
    """A condition that holds when one of `conditions` does."""
    return {"any": list(conditions)}


# Laws ------------------------------------------------------------------------

HOL = "helse- og omsorgstjenesteloven"
PBRL = "pasient- og brukerrettighetsloven"
FHL = "folkehelseloven"


def hol(section: str) -> dict[str, str]:
    return {"law": HOL, "short": "hol", "section": section}


def pbrl(section: str) -> dict[str, str]:
    return {"law": PBRL, "short": "pbrl", "section": section}


HOL_3_1 = hol("§ 3-1")
HOL_3_2_A = hol("§ 3-2 a")  # forskrift om tildeling av langtidsopphold, venteliste
HOL_3_2_5 = hol("§ 3-2 første ledd nr. 5")  # habilitering og rehabilitering
HOL_3_2_6A = hol("§ 3-2 første ledd nr. 6 bokstav a")  # helsetjenester i hjemmet
HOL_3_2_6B = hol(
    "§ 3-2 første ledd nr. 6 bokstav b"
)  # personlig assistanse, praktisk bistand, opplæring, støttekontakt
HOL_3_2_6C = hol("§ 3-2 første ledd nr. 6 bokstav c")  # plass i institusjon, herunder sykehjem
HOL_3_2_6D = hol("§ 3-2 første ledd nr. 6 bokstav d")  # avlastningstiltak
HOL_3_2_7 = hol(
    "§ 3-2 første ledd nr. 7"
)  # dagaktivitetstilbud til hjemmeboende personer med demens
HOL_3_3 = hol("§ 3-3")  # helsefremmende og forebyggende arbeid
HOL_3_5_3 = hol("§ 3-5 tredje ledd")  # døgnopphold for øyeblikkelig hjelp
HOL_3_6_1 = hol("§ 3-6 første ledd nr. 1")  # opplæring og veiledning til pårørende
HOL_3_6_2 = hol("§ 3-6 første ledd nr. 2")  # avlastningstiltak til pårørende
HOL_3_6_3 = hol("§ 3-6 første ledd nr. 3")  # omsorgsstønad
BOLIGSOSIALLOVEN = "boligsosialloven"
BSL_6 = {"law": BOLIGSOSIALLOVEN, "short": "boligsosialloven", "section": "§ 6"}
"""Individuelt tilpasset bistand til vanskeligstilte på boligmarkedet; in force 1 July 2023,
when it replaced hol § 3-7 (repealed). Criteria citing it take effect on that date at the
earliest (`BSL_IN_FORCE`)."""
BSL_IN_FORCE = "2023-07-01"
HOL_3_8 = hol("§ 3-8")  # brukerstyrt personlig assistanse
PBRL_2_1A = pbrl("§ 2-1 a andre ledd")  # rett til nødvendige helse- og omsorgstjenester
PBRL_2_1D = pbrl("§ 2-1 d")  # rett til brukerstyrt personlig assistanse
PBRL_2_1E = pbrl("§ 2-1 e")  # rett til langtidsopphold i sykehjem eller tilsvarende bolig
PBRL_2_8 = pbrl("§ 2-8")  # tiltak ved særlig tyngende omsorgsarbeid
FHL_7 = {"law": FHL, "short": "fhl", "section": "§ 7"}  # folkehelsetiltak

# User fees (egenandelsforskriften) --------------------------------------------

FEE_NONE = {
    "kind": "none",
    "description": t(
        "Tjenesten er gratis.",
        "Tenesta er gratis.",
        "The service is free of charge.",
    ),
}
FEE_NONE_HEALTH = {
    "kind": "none",
    "description": t(
        "Helsetjenester i hjemmet er gratis etter egenandelsforskriften.",
        "Helsetenester i heimen er gratis etter eigendelsforskrifta.",
        "Health care at home is free of charge under the user-fee regulations.",
    ),
}
FEE_NONE_RESPITE = {
    "kind": "none",
    "description": t(
        "Avlastning er gratis; kommunen kan ikke ta egenandel for avlastningstiltak.",
        "Avlasting er gratis; kommunen kan ikkje ta eigendel for avlastingstiltak.",
        "Respite care is free; the municipality may not charge for respite measures.",
    ),
}
FEE_INCOME_BASED = {
    "kind": "income_based",
    "description": t(
        "Egenandel per time etter husstandens inntekt, med et månedlig tak etter "
        "egenandelsforskriften. Husstander med inntekt under 2G betaler høyst en lav fast sats.",
        "Eigendel per time etter inntekta til hushaldet, med eit månadleg tak etter "
        "eigendelsforskrifta. Hushald med inntekt under 2G betalar høgst ein låg fast sats.",
        "A fee per hour based on household income, with a monthly cap under the user-fee "
        "regulations. Households with income below 2G pay at most a low flat rate.",
    ),
}
FEE_SHORT_STAY = {
    "kind": "fixed",
    "description": t(
        "Fast døgnpris etter egenandelsforskriften, for inntil 60 døgn per kalenderår.",
        "Fast døgnpris etter eigendelsforskrifta, for inntil 60 døgn per kalenderår.",
        "A fixed daily charge set by the user-fee regulations, for up to 60 days a calendar year.",
    ),
}
FEE_LONG_STAY = {
    "kind": "regulated",
    "description": t(
        "Vederlag etter egenandelsforskriften: en andel av inntekten din, "
        "slik at du alltid beholder et fribeløp.",
        "Vederlag etter eigendelsforskrifta: ein del av inntekta di, "
        "slik at du alltid har eit fribeløp att.",
        "A charge under the user-fee regulations: a share of your income, "
        "so that you always keep a protected amount.",
    ),
}
FEE_ALARM = {
    "kind": "fixed",
    "description": t(
        "Fast månedspris for leie av alarm og responstjeneste, vedtatt av kommunestyret.",
        "Fast månadspris for leige av alarm og responsteneste, vedteken av kommunestyret.",
        "A fixed monthly price for the alarm and response service, set by the municipal council.",
    ),
}
FEE_DEVICE = {
    "kind": "fixed",
    "description": t(
        "Fast månedspris for leie av utstyret, vedtatt av kommunestyret.",
        "Fast månadspris for leige av utstyret, vedteken av kommunestyret.",
        "A fixed monthly price for renting the equipment, set by the municipal council.",
    ),
}
FEE_MEALS = {
    "kind": "fixed",
    "description": t(
        "Fast pris per middag, vedtatt av kommunestyret.",
        "Fast pris per middag, vedteken av kommunestyret.",
        "A fixed price per meal, set by the municipal council.",
    ),
}
FEE_DAY_CENTRE = {
    "kind": "fixed",
    "description": t(
        "Fast pris per dag for måltider; selve tilbudet er gratis.",
        "Fast pris per dag for måltid; sjølve tilbodet er gratis.",
        "A fixed daily price for meals; the service itself is free.",
    ),
}
FEE_RENT = {
    "kind": "fixed",
    "description": t(
        "Du betaler husleie etter leiekontrakt og kan søke bostøtte. "
        "Tjenester i boligen betales etter egne regler.",
        "Du betalar husleige etter leigekontrakt og kan søkje bustøtte. "
        "Tenester i bustaden betalar du etter eigne reglar.",
        "You pay rent under a tenancy agreement and may apply for housing allowance. "
        "Services in the home are charged under their own rules.",
    ),
}
FEE_TRANSPORT = {
    "kind": "fixed",
    "description": t(
        "Fast pris per tur, tilsvarende en bussbillett.",
        "Fast pris per tur, om lag som ein bussbillett.",
        "A fixed price per trip, about the price of a bus ticket.",
    ),
}

# Care levels: the common five-step pattern (rank 1 lowest) ----------------------

CARE_LEVELS = [
    {
        "code": "1",
        "rank": 1,
        "name": t(
            "Selvhjulpenhet og forebygging",
            "Sjølvhjelp og førebygging",
            "Self-reliance and prevention",
        ),
        "description": t(
            "Åpne tilbud uten vedtak: frisklivssentral, seniorsenter, frivillighet, "
            "informasjon og kurs for brukere og pårørende.",
            "Opne tilbod utan vedtak: frisklivssentral, seniorsenter, frivilligheit, "
            "informasjon og kurs for brukarar og pårørande.",
            "Open services without a decision: healthy-life centre, senior centre, "
            "volunteering, information and courses for users and relatives.",
        ),
    },
    {
        "code": "2",
        "rank": 2,
        "name": t(
            "Tidlig innsats og lavterskeltilbud",
            "Tidleg innsats og lågterskeltilbod",
            "Early help and low-threshold services",
        ),
        "description": t(
            "Enkle tiltak som gjør hverdagen tryggere: trygghetsalarm og annen "
            "velferdsteknologi, matombringing og dagaktivitet.",
            "Enkle tiltak som gjer kvardagen tryggare: tryggleiksalarm og anna "
            "velferdsteknologi, matombringing og dagaktivitet.",
            "Simple measures that make daily life safer: safety alarm and other welfare "
            "technology, meal delivery and day activities.",
        ),
    },
    {
        "code": "3",
        "rank": 3,
        "name": t("Hjemmebaserte tjenester", "Heimebaserte tenester", "Home-based services"),
        "description": t(
            "Hjelp i eget hjem: praktisk bistand, hjemmesykepleie, hverdagsrehabilitering, "
            "støttekontakt, avlastning og brukerstyrt personlig assistanse.",
            "Hjelp i eigen heim: praktisk bistand, heimesjukepleie, kvardagsrehabilitering, "
            "støttekontakt, avlasting og brukarstyrt personleg assistanse.",
            "Help in your own home: practical assistance, home nursing, everyday "
            "rehabilitation, a support contact, respite care and user-controlled "
            "personal assistance.",
        ),
    },
    {
        "code": "4",
        "rank": 4,
        "name": t("Tilrettelagt bolig", "Tilrettelagd bustad", "Adapted housing"),
        "description": t(
            "Omsorgsbolig med eller uten bemanning, bofellesskap og bolig med heldøgns tjenester.",
            "Omsorgsbustad med eller utan bemanning, bufellesskap og bustad med heildøgnstenester.",
            "Sheltered housing with or without staff, shared housing and housing with "
            "round-the-clock services.",
        ),
    },
    {
        "code": "5",
        "rank": 5,
        "name": t("Institusjon", "Institusjon", "Institution"),
        "description": t(
            "Korttidsopphold, akutt døgnopphold, langtidsopphold i sykehjem og "
            "skjermet enhet for personer med demens.",
            "Korttidsopphald, akutt døgnopphald, langtidsopphald i sjukeheim og "
            "skjerma eining for personar med demens.",
            "Short-term stays, acute 24-hour care, long-term stays in a nursing home and "
            "dementia care units.",
        ),
    },
]


def service(
    code: str,
    care_level: str,
    name: dict[str, str],
    description: dict[str, str],
    *,
    requires_decision: bool,
    legal_basis: list[dict[str, str]],
    scope_unit: str,
    user_fee: dict[str, Any],
    criteria: list[dict[str, Any]],
    kpr_code: str | None = None,
    requires_lower_level_review: bool = False,
    is_long_term_place: bool = False,
    is_bpa: bool = False,
    appeal_body: str = "statsforvalteren",
    caregiver_is_party: bool = False,
    purpose: str | None = None,
    published: bool = True,
    active_from: str = "2021-01-01",
) -> dict[str, Any]:
    """One service type in the demo format, with the usual defaults filled in."""
    return {
        "code": code,
        "care_level": care_level,
        "name": name,
        "description": description,
        "requires_decision": requires_decision,
        "legal_basis": legal_basis,
        "scope_unit": scope_unit,
        "user_fee": user_fee,
        "kpr_code": kpr_code,
        "requires_lower_level_review": requires_lower_level_review,
        "is_long_term_place": is_long_term_place,
        "is_bpa": is_bpa,
        "appeal_body": appeal_body,
        "caregiver_is_party": caregiver_is_party,
        "purpose": purpose,
        "published": published,
        "active_from": active_from,
        "criteria": criteria,
    }


def criteria(
    version: int,
    effective_from: str,
    text: dict[str, str],
    conditions: list[dict[str, Any]],
    source: str,
) -> dict[str, Any]:
    """One version of a service type's allocation criteria."""
    return {
        "version": version,
        "effective_from": effective_from,
        "text": text,
        "conditions": conditions,
        "source": source,
    }


def delivers(
    service_type: str, capacity: float | None, capacity_unit: str | None
) -> dict[str, Any]:
    """A unit's delivery of one service type."""
    return {"service_type": service_type, "capacity": capacity, "capacity_unit": capacity_unit}

"""Selbu (5032): the demo service catalogue.

Built on «Helse- og omsorgsplan 2020–2028 – Livskvalitet og mestring» (Selbu
kommune). Services are placed on the omsorgstrapp and allocated by the LEON
principle (laveste effektive omsorgsnivå): «et trinn i omsorgstrappen ikke skal
benyttes før tjenester på et lavere nivå er prøvd eller åpenbart uaktuelle».
Selbu left the intermunicipal DMS and forvaltningskontor in Værnesregionen from
01.01.2021, so allocation is done by the municipality's own office from then.
The plan gives no counts of places; capacities below are plausible for about
4,200 inhabitants and are demo data only.
"""

from __future__ import annotations

from services.catalogue.demo.common import (
    BSL_6,
    BSL_IN_FORCE,
    CARE_LEVELS,
    FEE_ALARM,
    FEE_DAY_CENTRE,
    FEE_INCOME_BASED,
    FEE_LONG_STAY,
    FEE_MEALS,
    FEE_NONE,
    FEE_NONE_HEALTH,
    FEE_NONE_RESPITE,
    FEE_RENT,
    FEE_SHORT_STAY,
    FHL_7,
    HOL_3_2_5,
    HOL_3_2_6A,
    HOL_3_2_6B,
    HOL_3_2_6C,
    HOL_3_2_6D,
    HOL_3_2_7,
    HOL_3_2_A,
    HOL_3_3,
    HOL_3_5_3,
    HOL_3_6_1,
    HOL_3_6_2,
    HOL_3_6_3,
    HOL_3_8,
    PBRL_2_1A,
    PBRL_2_1D,
    PBRL_2_1E,
    PBRL_2_8,
    any_of,
    c,
    criteria,
    delivers,
    service,
    t,
)

PLAN = "Helse- og omsorgsplan 2020–2028"
V1 = "2021-01-01"
V2 = "2025-01-01"
LEON_NB = (
    "Et trinn i omsorgstrappen skal ikke benyttes før tjenester på et lavere nivå er prøvd "
    "eller åpenbart uaktuelle."
)
LEON_NN = (
    "Eit trinn i omsorgstrappa skal ikkje nyttast før tenester på eit lågare nivå er prøvde "
    "eller openbert uaktuelle."
)
LEON_EN = (
    "A step on the care staircase is not used until services at a lower level have been "
    "tried or are clearly unsuitable."
)

SERVICE_TYPES = [
    # Trinn 1: egenmestring, frivillighet og forebygging -----------------------------
    service(
        "frisklivssentral",
        "1",
        t(
            "Frisklivssentralen i Værnesregionen",
            "Frisklivssentralen i Værnesregionen",
            "Værnes Region Healthy Life Centre",
        ),
        t(
            "Individuell veiledning, treningsgrupper og kurs for deg som vil endre levevaner "
            "eller lære å mestre en helseutfordring. Selbu samarbeider om tilbudet med de andre "
            "kommunene i Værnesregionen.",
            "Individuell rettleiing, treningsgrupper og kurs for deg som vil endre levevanar "
            "eller lære å meistre ei helseutfordring. Selbu samarbeider om tilbodet med dei "
            "andre kommunane i Værnesregionen.",
            "Individual guidance, exercise groups and courses for people who want to change "
            "their habits or learn to cope with a health problem. Selbu runs it together with "
            "the other Værnes Region municipalities.",
        ),
        requires_decision=False,
        legal_basis=[HOL_3_3, FHL_7],
        scope_unit="none",
        user_fee=FEE_NONE,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "Åpent for personer i alle aldersgrupper som vil endre levevaner eller "
                    "mestre helseutfordringer. Du kan ta kontakt selv eller bli henvist.",
                    "Ope for personar i alle aldersgrupper som vil endre levevanar eller "
                    "meistre helseutfordringar. Du kan ta kontakt sjølv eller bli tilvist.",
                    "Open to people of all ages who want to change habits or cope with health "
                    "problems. You can get in touch yourself or be referred.",
                ),
                [],
                f"{PLAN}, «Forebygging»",
            )
        ],
    ),
    service(
        "eldresenter",
        "1",
        t("Eldresenteret", "Eldresenteret", "The senior centre"),
        t(
            "Møteplass med kafé, trim, turer og kulturtilbud for eldre i Selbu, drevet i "
            "samarbeid med frivillige.",
            "Møtestad med kafé, trim, turar og kulturtilbod for eldre i Selbu, driven i "
            "samarbeid med frivillige.",
            "A meeting place with a café, exercise, outings and cultural events for older "
            "people in Selbu, run together with volunteers.",
        ),
        requires_decision=False,
        legal_basis=[HOL_3_3],
        scope_unit="none",
        user_fee=FEE_NONE,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "Åpent for alle eldre uten søknad.",
                    "Ope for alle eldre utan søknad.",
                    "Open to all older people without an application.",
                ),
                [],
                f"{PLAN}, «Samhandling med frivillige»",
            )
        ],
    ),
    service(
        "frivilligsentral",
        "1",
        t(
            "Frivilligsentralen og aktivitetstilbud",
            "Frivilligsentralen og aktivitetstilbod",
            "Volunteer centre and activities",
        ),
        t(
            "Frivilligsentralen formidler besøksvenner, turvenner, skyss og aktiviteter, og er "
            "kontaktpunkt mellom kommunen og frivillige lag og foreninger.",
            "Frivilligsentralen formidlar besøksvener, turvener, skyss og aktivitetar, og er "
            "kontaktpunkt mellom kommunen og frivillige lag og foreiningar.",
            "The volunteer centre arranges visiting friends, walking partners, lifts and "
            "activities, and links the municipality with voluntary groups.",
        ),
        requires_decision=False,
        legal_basis=[HOL_3_3],
        scope_unit="none",
        user_fee=FEE_NONE,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "Åpent for alle innbyggere; ta kontakt med Frivilligsentralen.",
                    "Ope for alle innbyggjarar; ta kontakt med Frivilligsentralen.",
                    "Open to all residents; contact the volunteer centre.",
                ),
                [],
                f"{PLAN}, «Samhandling med frivillige»",
            )
        ],
    ),
    service(
        "mestringskurs",
        "1",
        t(
            "Mestringskurs og pårørendeskole",
            "Meistringskurs og pårørandeskule",
            "Coping courses and school for relatives",
        ),
        t(
            "Kurs for deg som lever med kronisk sykdom, og pårørendeskole for deg som har en "
            "nær person med demens eller annen langvarig sykdom.",
            "Kurs for deg som lever med kronisk sjukdom, og pårørandeskule for deg som har ein "
            "nær person med demens eller anna langvarig sjukdom.",
            "Courses for people living with a chronic illness, and a school for relatives of "
            "someone with dementia or another long-term illness.",
        ),
        requires_decision=False,
        legal_basis=[HOL_3_3, HOL_3_6_1],
        scope_unit="none",
        user_fee=FEE_NONE,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "Åpent for innbyggere og pårørende; påmelding direkte.",
                    "Ope for innbyggjarar og pårørande; påmelding direkte.",
                    "Open to residents and relatives; sign up directly.",
                ),
                [],
                f"{PLAN}, «Samhandling med pårørende og brukers nettverk»",
            )
        ],
    ),
    service(
        "boligradgivning",
        "1",
        t("Boligrådgivning", "Bustadrådgjeving", "Housing advice"),
        t(
            "Råd om hvordan du kan tilrettelegge din egen bolig for å bo trygt hjemme, og "
            "informasjon om Husbankens lån og tilskudd.",
            "Råd om korleis du kan leggje til rette din eigen bustad for å bu trygt heime, og "
            "informasjon om lån og tilskot frå Husbanken.",
            "Advice on adapting your own home so you can live there safely, and information "
            "about loans and grants from the Housing Bank.",
        ),
        requires_decision=False,
        legal_basis=[BSL_6],
        scope_unit="none",
        user_fee=FEE_NONE,
        criteria=[
            criteria(
                1,
                BSL_IN_FORCE,
                t(
                    "Åpent for alle. Hensiktsmessig bolig er i utgangspunktet et privat ansvar, "
                    "og kommunen hjelper deg å planlegge i god tid.",
                    "Ope for alle. Tenleg bustad er i utgangspunktet eit privat ansvar, og "
                    "kommunen hjelper deg å planleggje i god tid.",
                    "Open to all. Suitable housing is in principle a private responsibility, "
                    "and the municipality helps you plan ahead.",
                ),
                [],
                f"{PLAN}, vedlegg 1 «Mestringsfokus»",
            )
        ],
    ),
    # Trinn 2: tidlig innsats og velferdsteknologi ------------------------------------
    service(
        "trygghetsalarm",
        "2",
        t("Trygghetsalarm", "Tryggleiksalarm", "Safety alarm"),
        t(
            "En alarm som kobler deg til responssenteret i Værnesregionen, som sender hjelp "
            "når du trykker.",
            "Ein alarm som koplar deg til responssenteret i Værnesregionen, som sender hjelp "
            "når du trykkjer.",
            "An alarm linked to the Værnes Region response centre, which sends help when you "
            "press it.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6A, PBRL_2_1A],
        scope_unit="none",
        user_fee=FEE_ALARM,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For hjemmeboende med risiko for fall eller akutt sykdom som selv kan "
                    "utløse alarmen.",
                    "For heimebuande med risiko for fall eller akutt sjukdom som sjølv kan "
                    "utløyse alarmen.",
                    "For people at home at risk of falls or sudden illness who can trigger the "
                    "alarm themselves.",
                ),
                [any_of(c("has_fall_risk", "==", True), c("adl_mean", ">=", 2))],
                f"{PLAN}, vedlegg 1 «Mestringsfokus»",
            ),
            criteria(
                2,
                V2,
                t(
                    "Trygghetsalarm gis som del av en trygghetspakke etter en systematisk "
                    "kartlegging av velferdsteknologi. Faglige, etiske og juridiske vurderinger "
                    "gjøres før teknologien tas i bruk, og du oppfordres til å kjøpe enkle "
                    "løsninger selv før kommunen yter tjenester.",
                    "Tryggleiksalarm blir gitt som del av ein tryggleikspakke etter ei systematisk "
                    "kartlegging av velferdsteknologi. Faglege, etiske og juridiske vurderingar "
                    "blir gjorde før teknologien blir teken i bruk, og du blir oppmoda til å "
                    "kjøpe enkle løysingar sjølv før kommunen yter tenester.",
                    "A safety alarm is given as part of a safety package after a systematic "
                    "welfare technology assessment. Professional, ethical and legal assessments "
                    "come first, and you are encouraged to buy simple solutions yourself before "
                    "the municipality provides services.",
                ),
                [
                    any_of(c("has_fall_risk", "==", True), c("adl_mean", ">=", 2.5)),
                    c("cognitive_mean", "<", 4),
                ],
                f"{PLAN}, vedlegg 1 «Mestringsfokus» og «Velferdsteknologi»",
            ),
        ],
    ),
    service(
        "digitalt-tilsyn",
        "2",
        t("Digitalt tilsyn", "Digitalt tilsyn", "Digital supervision"),
        t(
            "Sensorer i boligen som varsler personalet ved fall eller uro, slik "
            "det brukes i Nestansringen 67. Du slipper unødige nattbesøk.",
            "Sensorar i bustaden som varslar personalet ved fall eller uro, slik "
            "det blir brukt i Nestansringen 67. Du slepp unødvendige nattbesøk.",
            "Sensors in your home that alert staff if you fall or are restless, "
            "as used at Nestansringen 67. You avoid needless night visits.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6A],
        scope_unit="none",
        user_fee=FEE_NONE_HEALTH,
        kpr_code="28",
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For personer med fallrisiko eller kognitiv svikt som trenger tilsyn. "
                    "Faglige, etiske og juridiske vurderinger gjøres før teknologien tas i bruk.",
                    "For personar med fallrisiko eller kognitiv svikt som treng tilsyn. "
                    "Faglege, etiske og juridiske vurderingar blir gjorde før teknologien blir "
                    "teken i bruk.",
                    "For people with a fall risk or cognitive impairment who need supervision. "
                    "Professional, ethical and legal assessments are made before the technology "
                    "is used.",
                ),
                [
                    any_of(
                        c("has_fall_risk", "==", True),
                        c("has_dementia", "==", True),
                        c("cognitive_mean", ">=", 2.5),
                    )
                ],
                f"{PLAN}, vedlegg 1 «Mestringsfokus»",
            )
        ],
    ),
    service(
        "medisineringsstotte",
        "2",
        t(
            "Elektronisk medisineringsstøtte",
            "Elektronisk medisineringsstøtte",
            "Electronic medication support",
        ),
        t(
            "En medisindispenser som minner deg på medisinene og varsler hjemmetjenesten "
            "om en dose ikke blir tatt.",
            "Ein medisindispenser som minner deg på medisinane og varslar heimetenesta "
            "om ein dose ikkje blir teken.",
            "A medicine dispenser that reminds you to take your medicines and alerts home care "
            "if a dose is missed.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6A],
        scope_unit="none",
        user_fee=FEE_NONE_HEALTH,
        kpr_code="27",
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For deg som trenger påminnelse om medisiner og kan ta dem selv når "
                    "dispenseren varsler. Vurderes før besøk fra hjemmetjenesten.",
                    "For deg som treng påminning om medisinar og kan ta dei sjølv når "
                    "dispenseren varslar. Blir vurdert før besøk frå heimetenesta.",
                    "For people who need reminders to take medicines and can take them when "
                    "the dispenser alerts. Considered before home care visits.",
                ),
                [c("cognitive_mean", ">=", 1.5), c("cognitive_mean", "<=", 3.5)],
                f"{PLAN}, «Velferdsteknologi»",
            )
        ],
    ),
    service(
        "matombringing",
        "2",
        t("Matombringing", "Matombringing", "Meal delivery"),
        t(
            "Ferdig middag levert hjem til deg, tilpasset deg som ikke klarer å lage varm "
            "mat selv.",
            "Ferdig middag levert heim til deg, tilpassa deg som ikkje klarer å lage varm "
            "mat sjølv.",
            "A ready-made dinner delivered to your home, for those who cannot cook a hot meal.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6B],
        scope_unit="days_per_week",
        user_fee=FEE_MEALS,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For hjemmeboende som ikke klarer å lage middag selv eller har risiko for "
                    "underernæring.",
                    "For heimebuande som ikkje klarer å lage middag sjølv eller har risiko for "
                    "underernæring.",
                    "For people at home who cannot make dinner themselves or are at risk of "
                    "malnutrition.",
                ),
                [any_of(c("has_nutrition_risk", "==", True), c("iadl_mean", ">=", 3))],
                f"{PLAN}, vedlegg 1 «Mestringsfokus»",
            )
        ],
    ),
    service(
        "dagaktivitet",
        "2",
        t(
            "Dagaktivitetstilbud og dagavlastning",
            "Dagaktivitetstilbod og dagavlasting",
            "Day activities and daytime respite",
        ),
        t(
            "Aktiviteter, måltider og fellesskap på dagtid for hjemmeboende eldre og personer "
            "med demens, som også gir pårørende avlastning.",
            "Aktivitetar, måltid og fellesskap på dagtid for heimebuande eldre og personar "
            "med demens, som også gir pårørande avlasting.",
            "Activities, meals and company in the daytime for older people and people with "
            "dementia living at home, also giving relatives a break.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6B, HOL_3_2_7],
        scope_unit="days_per_week",
        user_fee=FEE_DAY_CENTRE,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For hjemmeboende med demens eller nedsatt funksjon som trenger aktivitet og "
                    "struktur på dagtid, eller der pårørende trenger avlastning.",
                    "For heimebuande med demens eller nedsett funksjon som treng aktivitet og "
                    "struktur på dagtid, eller der pårørande treng avlasting.",
                    "For people at home with dementia or reduced function who need activity and "
                    "structure in the daytime, or whose relatives need a break.",
                ),
                [
                    any_of(
                        c("has_dementia", "==", True),
                        c("relative_care_burden", "==", True),
                        c("iadl_mean", ">=", 2.5),
                    )
                ],
                f"{PLAN}, vedlegg 1 «Aktivitet»",
            )
        ],
    ),
    service(
        "tilrettelagt-arbeid",
        "2",
        t(
            "Tilrettelagt arbeid og VTA",
            "Tilrettelagt arbeid og VTA",
            "Adapted work and sheltered employment (VTA)",
        ),
        t(
            "Meningsfullt arbeid tilpasset dine forutsetninger, som plass i varig tilrettelagt "
            "arbeid (VTA) i samarbeid med NAV eller arbeid i kommunal sektor.",
            "Meiningsfullt arbeid tilpassa føresetnadene dine, som plass i varig tilrettelagt "
            "arbeid (VTA) i samarbeid med NAV eller arbeid i kommunal sektor.",
            "Meaningful work suited to your abilities, such as a place in sheltered employment "
            "(VTA) together with NAV, or work in the municipal sector.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6B],
        scope_unit="days_per_week",
        user_fee=FEE_NONE,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For voksne med varig funksjonsnedsettelse som ikke kan ha ordinært arbeid. "
                    "Plass i VTA tildeles av NAV; kommunen hjelper med søknad og tilrettelegging.",
                    "For vaksne med varig funksjonsnedsetjing som ikkje kan ha ordinært arbeid. "
                    "Plass i VTA blir tildelt av NAV; kommunen hjelper med søknad og "
                    "tilrettelegging.",
                    "For adults with a lasting disability who cannot hold ordinary work. NAV "
                    "grants VTA places; the municipality helps with the application and "
                    "adaptations.",
                ),
                [c("age", ">=", 18), c("expected_duration_months", ">=", 12)],
                f"{PLAN}, vedlegg 1 «Aktivitet»",
            )
        ],
    ),
    # Trinn 3: hjemmebaserte tjenester -------------------------------------------------
    service(
        "hverdagsrehabilitering",
        "3",
        t("Hverdagsrehabilitering", "Kvardagsrehabilitering", "Everyday rehabilitation"),
        t(
            "Tidsavgrenset, intensiv trening hjemme med utgangspunkt i spørsmålet «Hva er "
            "viktig for deg?». Tilbudet har vært en del av tjenestene i Selbu siden 2018.",
            "Tidsavgrensa, intensiv trening heime med utgangspunkt i spørsmålet «Kva er "
            "viktig for deg?». Tilbodet har vore ein del av tenestene i Selbu sidan 2018.",
            "Time-limited, intensive training at home, starting from the question «What "
            "matters to you?». Selbu has offered it since 2018.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_5],
        scope_unit="visits_per_week",
        user_fee=FEE_NONE_HEALTH,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For hjemmeboende med nylig funksjonsfall og potensial for bedring. Vurderes "
                    "alltid før praktisk bistand, i tråd med LEON.",
                    "For heimebuande med nyleg funksjonsfall og potensial for betring. Blir alltid "
                    "vurdert før praktisk bistand, i tråd med LEON.",
                    "For people at home with a recent loss of function and potential to improve. "
                    "Always considered before practical assistance, in line with LEON.",
                ),
                [c("has_rehabilitation_potential", "==", True), c("adl_mean", "<=", 3.5)],
                f"{PLAN}, vedlegg 1 «Mestringsfokus»",
            )
        ],
    ),
    service(
        "praktisk-bistand",
        "3",
        t(
            "Praktisk bistand (hjemmehjelp)",
            "Praktisk bistand (heimehjelp)",
            "Practical assistance (home help)",
        ),
        t(
            "Hjelp til nødvendige gjøremål i hjemmet, som rengjøring og klesvask, når du ikke "
            "klarer dem selv og ikke har andre som kan hjelpe.",
            "Hjelp til naudsynte gjeremål i heimen, som reingjering og klesvask, når du ikkje "
            "klarer dei sjølv og ikkje har andre som kan hjelpe.",
            "Help with necessary household tasks such as cleaning and laundry when you cannot "
            "do them yourself and have no one else to help.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6B, PBRL_2_1A],
        scope_unit="hours_per_week",
        user_fee=FEE_INCOME_BASED,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For deg som ikke kan utføre nødvendige gjøremål i hjemmet. Egenomsorg, "
                    "nærmiljø og sosialt nettverk tas med i vurderingen.",
                    "For deg som ikkje kan utføre naudsynte gjeremål i heimen. Eigenomsorg, "
                    "nærmiljø og sosialt nettverk blir tekne med i vurderinga.",
                    "For people who cannot do necessary household tasks. Self-care, the local "
                    "community and social network are part of the assessment.",
                ),
                [c("iadl_mean", ">=", 2)],
                f"{PLAN}, «Bærekraftig utvikling» (omsorgstrappen og LEON)",
            ),
            criteria(
                2,
                V2,
                t(
                    "For deg med moderat til stort behov for hjelp til nødvendige gjøremål. "
                    "Hverdagsrehabilitering, hjelpemidler og velferdsteknologi skal være prøvd "
                    "eller vurdert først. Tildeling prioriteres etter nytte, ressursbruk og "
                    "alvorlighet.",
                    "For deg med moderat til stort behov for hjelp til naudsynte gjeremål. "
                    "Kvardagsrehabilitering, hjelpemiddel og velferdsteknologi skal vere prøvde "
                    "eller vurderte først. Tildeling blir prioritert etter nytte, ressursbruk og "
                    "alvor.",
                    "For people with a moderate to large need for help with necessary tasks. "
                    "Everyday rehabilitation, aids and welfare technology must be tried or "
                    "considered first. Allocation is prioritised by benefit, resource use and "
                    "severity.",
                ),
                [
                    c("iadl_mean", ">=", 2.5),
                    c("need_level", "in", ["moderate_to_large", "extensive"]),
                    c("lower_levels_tried", "==", True),
                ],
                f"{PLAN}, «Økonomi» (prioritering etter NOU 2018:16) og LEON",
            ),
        ],
    ),
    service(
        "praktisk-bistand-opplaering",
        "3",
        t(
            "Opplæring i dagliglivets gjøremål",
            "Opplæring i daglege gjeremål",
            "Training in everyday tasks",
        ),
        t(
            "Veiledning og trening i matlaging, innkjøp, økonomi og husarbeid, slik at du kan "
            "klare mer selv.",
            "Rettleiing og trening i matlaging, innkjøp, økonomi og husarbeid, slik at du kan "
            "klare meir sjølv.",
            "Guidance and training in cooking, shopping, money and housework, so you can do "
            "more yourself.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6B],
        scope_unit="hours_per_week",
        user_fee=FEE_INCOME_BASED,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For deg som kan lære eller gjenvinne ferdigheter i daglige gjøremål. "
                    "Tjenesten bygger på ditt potensial for egenmestring.",
                    "For deg som kan lære eller vinne att dugleikar i daglege gjeremål. "
                    "Tenesta byggjer på potensialet ditt for eigenmeistring.",
                    "For people who can learn or regain skills in daily tasks. The service "
                    "builds on your potential to manage yourself.",
                ),
                [c("iadl_mean", ">=", 2), c("has_rehabilitation_potential", "==", True)],
                f"{PLAN}, vedlegg 1 «Mestringsfokus»",
            )
        ],
    ),
    service(
        "hjemmesykepleie",
        "3",
        t("Hjemmesykepleie", "Heimesjukepleie", "Home nursing"),
        t(
            "Helsehjelp i ditt eget hjem, som hjelp med medisiner, sårstell, personlig stell "
            "og oppfølging etter sykehusopphold.",
            "Helsehjelp i din eigen heim, som hjelp med medisinar, sårstell, personleg stell "
            "og oppfølging etter sjukehusopphald.",
            "Health care in your own home, such as help with medicines, wound care, personal "
            "care and follow-up after a hospital stay.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6A, PBRL_2_1A],
        scope_unit="visits_per_day",
        user_fee=FEE_NONE_HEALTH,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For deg som trenger helsehjelp i hjemmet og ikke kan oppsøke lege eller "
                    "annen helsetjeneste selv. Velferdsteknologi vurderes som del av tildelingen.",
                    "For deg som treng helsehjelp i heimen og ikkje kan oppsøkje lege eller "
                    "anna helseteneste sjølv. Velferdsteknologi blir vurdert som del av "
                    "tildelinga.",
                    "For people who need health care at home and cannot visit a doctor or other "
                    "health service themselves. Welfare technology is considered as part of the "
                    "allocation.",
                ),
                [
                    any_of(
                        c("adl_mean", ">=", 2),
                        c("cognitive_mean", ">=", 2.5),
                        c("is_palliative", "==", True),
                        c("is_discharge_ready", "==", True),
                    )
                ],
                f"{PLAN}, vedlegg 1 «Mestringsfokus»",
            )
        ],
    ),
    service(
        "psykisk-helse-rus-oppfolging",
        "3",
        t(
            "Oppfølging innen rus og psykisk helse",
            "Oppfølging innan rus og psykisk helse",
            "Mental health and addiction follow-up",
        ),
        t(
            "Samtaler, veiledning og praktisk støtte fra rus- og psykisk helsetjenesten, "
            "hjemme hos deg eller på kontoret.",
            "Samtalar, rettleiing og praktisk støtte frå rus- og psykisk helsetenesta, "
            "heime hos deg eller på kontoret.",
            "Talks, guidance and practical support from the mental health and addiction "
            "service, at your home or at the office.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6A, HOL_3_2_6B],
        scope_unit="visits_per_week",
        user_fee=FEE_NONE_HEALTH,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For personer med psykiske plager eller rusproblemer som trenger oppfølging "
                    "over tid, utover det fastlegen kan gi.",
                    "For personar med psykiske plager eller rusproblem som treng oppfølging over "
                    "tid, utover det fastlegen kan gi.",
                    "For people with mental health or substance problems who need follow-up "
                    "over time beyond what their GP can give.",
                ),
                [c("need_level", "in", ["moderate_to_large", "extensive"])],
                f"{PLAN}, vedlegg 1 «Mestringsfokus»",
            )
        ],
    ),
    service(
        "stottekontakt",
        "3",
        t("Støttekontakt", "Støttekontakt", "Support contact"),
        t(
            "En person som følger deg til aktiviteter og hjelper deg å ha et sosialt liv.",
            "Ein person som følgjer deg til aktivitetar og hjelper deg å ha eit sosialt liv.",
            "A person who goes with you to activities and helps you have a social life.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6B],
        scope_unit="hours_per_week",
        user_fee=FEE_NONE,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For deg som ikke kan delta i fritidsaktiviteter uten hjelp. Tilbud fra "
                    "Frivilligsentralen og lag og foreninger vurderes først.",
                    "For deg som ikkje kan delta i fritidsaktivitetar utan hjelp. Tilbod frå "
                    "Frivilligsentralen og lag og foreiningar blir vurderte først.",
                    "For people who cannot join leisure activities without help. Offers from the "
                    "volunteer centre and local clubs are considered first.",
                ),
                [any_of(c("cognitive_mean", ">=", 2), c("iadl_mean", ">=", 2))],
                f"{PLAN}, vedlegg 1 «Aktivitet»",
            )
        ],
    ),
    service(
        "avlastning",
        "3",
        t("Avlastning", "Avlasting", "Respite care"),
        t(
            "Avlastning i hjemmet eller på dagtid for deg som har et særlig tyngende "
            "omsorgsarbeid, slik at du får hvile og tid til egne gjøremål.",
            "Avlasting i heimen eller på dagtid for deg som har eit særleg tyngjande "
            "omsorgsarbeid, slik at du får kvile og tid til eigne gjeremål.",
            "Respite at home or in the daytime for people with especially heavy caring work, "
            "so they get rest and time for themselves.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_6_2, HOL_3_2_6D, PBRL_2_8],
        caregiver_is_party=True,
        scope_unit="days_per_week",
        user_fee=FEE_NONE_RESPITE,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For pårørende med særlig tyngende omsorgsarbeid. Pårørende er en viktig "
                    "ressurs, og behovet deres vurderes sammen med behovet til den som får omsorg.",
                    "For pårørande med særleg tyngjande omsorgsarbeid. Pårørande er ein viktig "
                    "ressurs, og behovet deira blir vurdert saman med behovet til den som får "
                    "omsorg.",
                    "For relatives with especially heavy caring work. Relatives are an important "
                    "resource, and their needs are assessed together with those of the person "
                    "cared for.",
                ),
                [c("relative_care_burden", "==", True)],
                f"{PLAN}, «Samhandling med pårørende og brukers nettverk»",
            )
        ],
    ),
    service(
        "omsorgsstonad",
        "3",
        t("Omsorgsstønad", "Omsorgsstønad", "Carer's allowance"),
        t(
            "Økonomisk godtgjøring til pårørende som utfører et særlig tyngende omsorgsarbeid "
            "som kommunen ellers måtte gjort.",
            "Økonomisk godtgjering til pårørande som utfører eit særleg tyngjande omsorgsarbeid "
            "som kommunen elles måtte ha gjort.",
            "Payment to relatives doing especially heavy caring work that the municipality "
            "would otherwise have had to do.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_6_3, PBRL_2_8],
        caregiver_is_party=True,
        scope_unit="hours_per_week",
        user_fee=FEE_NONE,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For pårørende med særlig tyngende omsorgsarbeid over tid, når stønaden er "
                    "det beste tiltaket både for omsorgsyteren og den som får omsorg.",
                    "For pårørande med særleg tyngjande omsorgsarbeid over tid, når stønaden er "
                    "det beste tiltaket både for omsorgsytaren og den som får omsorg.",
                    "For relatives with especially heavy caring work over time, when the "
                    "allowance is the best measure for both the carer and the person cared for.",
                ),
                [
                    c("relative_care_burden", "==", True),
                    c("expected_duration_months", ">=", 3),
                    c("assessed_hours_per_week", ">=", 5),
                ],
                f"{PLAN}, «Samhandling med pårørende og brukers nettverk»",
            )
        ],
    ),
    service(
        "bpa",
        "3",
        t(
            "Brukerstyrt personlig assistanse (BPA)",
            "Brukarstyrt personleg assistanse (BPA)",
            "User-controlled personal assistance (BPA)",
        ),
        t(
            "En annen måte å organisere praktisk og personlig hjelp på, i og utenfor hjemmet, "
            "der du selv er arbeidsleder. BPA kan erstatte hjelp fra hjemmetjenesten, "
            "personalet i en omsorgsbolig eller en institusjonsplass.",
            "Ein annan måte å organisere praktisk og personleg hjelp på, i og utanfor heimen, "
            "der du sjølv er arbeidsleiar. BPA kan erstatte hjelp frå heimetenesta, "
            "personalet i ein omsorgsbustad eller ein institusjonsplass.",
            "Another way to organise practical and personal help, at home and outside, where "
            "you supervise your own assistants. BPA can replace home care, staff in sheltered "
            "housing or an institutional place.",
        ),
        requires_decision=True,
        is_bpa=True,
        legal_basis=[HOL_3_8, PBRL_2_1D],
        scope_unit="hours_per_week",
        user_fee=FEE_INCOME_BASED,
        requires_lower_level_review=True,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "Retten begrenser seg til personer under 67 år og som har behov for "
                    "tjenester utover 2 år i minst 32 timer pr. uke. Personer med behov for "
                    "25 til 32 timer per uke har også rett, med mindre BPA vil koste kommunen "
                    "vesentlig mer (pasient- og brukerrettighetsloven § 2-1 d).",
                    "Retten er avgrensa til personar under 67 år som har behov for tenester "
                    "utover 2 år i minst 32 timar per veke. Personar med behov for 25 til 32 "
                    "timar per veke har òg rett, med mindre BPA vil koste kommunen vesentleg "
                    "meir (pasient- og brukarrettslova § 2-1 d).",
                    "The right is limited to people under 67 who need services for more than "
                    "2 years for at least 32 hours a week. People needing 25 to 32 hours a week "
                    "also have a right unless BPA would cost the municipality significantly more "
                    "(section 2-1 d of the Patients' and Users' Rights Act).",
                ),
                [
                    c("age", "<", 67),
                    c("expected_duration_months", ">", 24),
                    c("assessed_hours_per_week", ">=", 32),
                ],
                f"{PLAN}, vedlegg 1 «Mestringsfokus»",
            ),
            criteria(
                2,
                V2,
                t(
                    "Du har rett til BPA hvis behovet varer over 2 år og er minst 32 timer i "
                    "uken. Er behovet mellom 25 og 32 timer i uken, har du også rett, med mindre "
                    "kommunen dokumenterer at BPA vil koste vesentlig mer. Retten gjelder for "
                    "personer under 67 år, og den fortsetter etter 67 år for den som fikk BPA "
                    "før fylte 67 (pasient- og brukerrettighetsloven § 2-1 d). Bare timer med "
                    "personlig assistanse teller.",
                    "Du har rett til BPA dersom behovet varer over 2 år og er minst 32 timar i "
                    "veka. Er behovet mellom 25 og 32 timar i veka, har du òg rett, med mindre "
                    "kommunen dokumenterer at BPA vil koste vesentleg meir. Retten gjeld for "
                    "personar under 67 år, og han held fram etter 67 år for den som fekk BPA før "
                    "fylte 67 (pasient- og brukarrettslova § 2-1 d). Berre timar med personleg "
                    "assistanse tel.",
                    "You have a right to BPA if the need lasts more than 2 years and is at least "
                    "32 hours a week. From 25 to 32 hours a week you also have a right, unless "
                    "the municipality documents that BPA would cost significantly more. The "
                    "right is for people under 67, and it continues after 67 for those granted "
                    "BPA before turning 67 (section 2-1 d of the Patients' and Users' Rights "
                    "Act). Only hours of personal assistance count.",
                ),
                [
                    c("expected_duration_months", ">", 24),
                    c("assessed_hours_per_week", ">=", 25),
                ],
                f"{PLAN}, vedlegg 1 «Mestringsfokus»; pbrl § 2-1 d as amended from 1 July 2020",
            ),
        ],
    ),
    # Trinn 4: tilrettelagt bolig --------------------------------------------------------
    service(
        "omsorgsbolig",
        "4",
        t("Omsorgsbolig", "Omsorgsbustad", "Sheltered housing"),
        t(
            "En tilrettelagt kommunal leilighet, for eksempel i Nestansringen 67, med "
            "hjemmetjenester og digitalt tilsyn etter behov.",
            "Ei tilrettelagd kommunal leilegheit, til dømes i Nestansringen 67, med "
            "heimetenester og digitalt tilsyn etter behov.",
            "An adapted municipal flat, for example at Nestansringen 67, with home care and "
            "digital supervision as needed.",
        ),
        requires_decision=True,
        legal_basis=[BSL_6, HOL_3_2_6A, HOL_3_2_6B],
        scope_unit="place",
        user_fee=FEE_RENT,
        requires_lower_level_review=True,
        appeal_body="klagenemnd",
        criteria=[
            criteria(
                1,
                BSL_IN_FORCE,
                t(
                    "Omsorgsboliger skal bare tilbys personer med omfattende omsorgsbehov "
                    "gjennom hele døgnet. Kommunale boliger er forbeholdt vanskeligstilte, og "
                    "hensiktsmessig bolig er i utgangspunktet et privat ansvar.",
                    "Omsorgsbustader skal berre tilbydast personar med omfattande omsorgsbehov "
                    "gjennom heile døgnet. Kommunale bustader er førehalde vanskelegstilte, og "
                    "tenleg bustad er i utgangspunktet eit privat ansvar.",
                    "Sheltered housing is offered only to people with extensive care needs "
                    "around the clock. Municipal housing is reserved for the disadvantaged, and "
                    "suitable housing is in principle a private responsibility.",
                ),
                [
                    c("needs_24h_care", "==", True),
                    c("need_level", "==", "extensive"),
                    c("lower_levels_tried", "==", True),
                ],
                f"{PLAN}, vedlegg 1 «Mestringsfokus»",
            )
        ],
    ),
    service(
        "heldogns-omsorgsbolig",
        "4",
        t(
            "Bolig med heldøgns omsorg",
            "Bustad med heildøgns omsorg",
            "Housing with round-the-clock care",
        ),
        t(
            "Boliger med personale hele døgnet for eldre, et trinn mellom omsorgsbolig og "
            "sykehjem. Boligene skal bygges når dagens sykehjem bygges om, og kan ikke søkes ennå.",
            "Bustader med personale heile døgnet for eldre, eit trinn mellom omsorgsbustad og "
            "sjukeheim. Bustadene skal byggjast når dagens sjukeheim blir bygd om, og kan "
            "ikkje søkjast enno.",
            "Housing for older people with staff day and night, a step between sheltered "
            "housing and a nursing home. It will be built when the current nursing home is "
            "converted and is not yet open for applications.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_A, PBRL_2_1E, HOL_3_2_6A],
        scope_unit="place",
        user_fee=FEE_RENT,
        requires_lower_level_review=True,
        is_long_term_place=True,
        published=False,
        active_from="2027-01-01",
        criteria=[
            criteria(
                1,
                "2027-01-01",
                t(
                    "Utkast: for eldre med varig behov for tilsyn og hjelp gjennom hele døgnet "
                    "som ikke trenger sykehjemmets medisinske oppfølging. Lavere trinn skal være "
                    "prøvd eller åpenbart uaktuelle.",
                    "Utkast: for eldre med varig behov for tilsyn og hjelp gjennom heile døgnet "
                    "som ikkje treng den medisinske oppfølginga på sjukeheimen. Lågare trinn skal "
                    "vere prøvde eller openbert uaktuelle.",
                    "Draft: for older people with a lasting need for supervision and help day and "
                    "night who do not need nursing-home medical care. Lower steps must have been "
                    "tried or be clearly unsuitable.",
                ),
                [c("needs_24h_care", "==", True), c("lower_levels_tried", "==", True)],
                f"{PLAN}, «Bygg og boliger» og «Fremtidsperspektiv»",
            )
        ],
    ),
    # Trinn 5: institusjon -----------------------------------------------------------------
    service(
        "korttidsopphold-rehabilitering",
        "5",
        t(
            "Korttidsopphold for rehabilitering",
            "Korttidsopphald for rehabilitering",
            "Short-term stay for rehabilitation",
        ),
        t(
            "Et tidsavgrenset opphold på Selbu helse- og omsorgssenter med trening og "
            "oppfølging, med mål om at du skal kunne bo hjemme igjen.",
            "Eit tidsavgrensa opphald på Selbu helse- og omsorgssenter med trening og "
            "oppfølging, med mål om at du skal kunne bu heime att.",
            "A time-limited stay at Selbu health and care centre with training and follow-up, "
            "aiming for you to live at home again.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6C, HOL_3_2_5],
        scope_unit="place",
        user_fee=FEE_SHORT_STAY,
        purpose="rehabilitation",
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For deg med rehabiliteringspotensial, for eksempel etter sykehusopphold, "
                    "når hverdagsrehabilitering hjemme ikke er nok.",
                    "For deg med rehabiliteringspotensial, til dømes etter sjukehusopphald, "
                    "når kvardagsrehabilitering heime ikkje er nok.",
                    "For people with rehabilitation potential, for example after a hospital stay, "
                    "when everyday rehabilitation at home is not enough.",
                ),
                [c("has_rehabilitation_potential", "==", True)],
                f"{PLAN}, «Oppgaveforskyving fra spesialisthelsetjenesten»",
            )
        ],
    ),
    service(
        "korttidsopphold-utredning",
        "5",
        t(
            "Korttidsopphold for utredning",
            "Korttidsopphald for utgreiing",
            "Short-term stay for assessment",
        ),
        t(
            "Et kort opphold der vi kartlegger helse og funksjon for å finne riktig hjelp videre.",
            "Eit kort opphald der vi kartlegg helse og funksjon for å finne rett hjelp vidare.",
            "A short stay where we assess your health and function to find the right help next.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6C],
        scope_unit="place",
        user_fee=FEE_SHORT_STAY,
        purpose="assessment",
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For deg med uavklart helsetilstand eller funksjon når kartleggingen ikke "
                    "kan gjøres forsvarlig i hjemmet.",
                    "For deg med uavklart helsetilstand eller funksjon når kartlegginga ikkje "
                    "kan gjerast forsvarleg i heimen.",
                    "For people whose health or function is unclear when the assessment cannot "
                    "be done safely at home.",
                ),
                [c("need_level", "in", ["moderate_to_large", "extensive"])],
                f"{PLAN}, «Oppgaveforskyving fra spesialisthelsetjenesten»",
            )
        ],
    ),
    service(
        "korttidsopphold-avlastning",
        "5",
        t(
            "Korttidsopphold for avlastning",
            "Korttidsopphald for avlasting",
            "Short-term respite stay",
        ),
        t(
            "Planlagte opphold på sykehjemmet som gir pårørende med tung omsorg en pause.",
            "Planlagde opphald på sjukeheimen som gir pårørande med tung omsorg ein pause.",
            "Planned nursing home stays that give relatives with heavy caring work a break.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_6_2, HOL_3_2_6D, PBRL_2_8],
        caregiver_is_party=True,
        scope_unit="place",
        user_fee=FEE_NONE_RESPITE,
        purpose="respite",
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For pårørende med særlig tyngende omsorgsarbeid når den som får omsorg "
                    "trenger tilsyn og pleie som ikke kan gis av andre hjemme.",
                    "For pårørande med særleg tyngjande omsorgsarbeid når den som får omsorg "
                    "treng tilsyn og pleie som ikkje kan givast av andre heime.",
                    "For relatives with especially heavy caring work when the person cared for "
                    "needs supervision and care that others cannot give at home.",
                ),
                [
                    c("relative_care_burden", "==", True),
                    c("need_level", "in", ["moderate_to_large", "extensive"]),
                ],
                f"{PLAN}, «Samhandling med pårørende og brukers nettverk»",
            )
        ],
    ),
    service(
        "korttidsopphold-palliasjon",
        "5",
        t(
            "Korttidsopphold for lindrende behandling",
            "Korttidsopphald for lindrande behandling",
            "Short-term stay for palliative care",
        ),
        t(
            "Lindrende behandling og omsorg i livets siste fase, nær familie og hjemsted.",
            "Lindrande behandling og omsorg i den siste fasen av livet, nær familie og heimstad.",
            "Palliative treatment and care at the end of life, close to family and home.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6C],
        scope_unit="place",
        user_fee=FEE_SHORT_STAY,
        purpose="palliative",
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For deg i palliativ fase som trenger lindring og tilsyn som ikke kan gis "
                    "forsvarlig hjemme, eller når du selv ønsker det.",
                    "For deg i palliativ fase som treng lindring og tilsyn som ikkje kan givast "
                    "forsvarleg heime, eller når du sjølv ønskjer det.",
                    "For people in the palliative phase who need relief and supervision that "
                    "cannot be given safely at home, or who wish it.",
                ),
                [c("is_palliative", "==", True)],
                f"{PLAN}, vedlegg 1 «Mestringsfokus»",
            )
        ],
    ),
    service(
        "kad",
        "5",
        t(
            "Øyeblikkelig hjelp døgnopphold (KAD)",
            "Augeblikkeleg hjelp døgnopphald (KAD)",
            "Emergency 24-hour stay (KAD)",
        ),
        t(
            "Døgnopphold for observasjon og behandling før eller i stedet for sykehus. Lege "
            "eller den interkommunale legevakten i Værnesregionen legger deg inn; du søker "
            "ikke selv.",
            "Døgnopphald for observasjon og behandling før eller i staden for sjukehus. Lege "
            "eller den interkommunale legevakta i Værnesregionen legg deg inn; du søkjer "
            "ikkje sjølv.",
            "A 24-hour stay for observation and treatment before or instead of hospital. A "
            "doctor or the intermunicipal emergency clinic in the Værnes Region admits you; "
            "you do not apply.",
        ),
        requires_decision=False,
        legal_basis=[HOL_3_5_3],
        scope_unit="place",
        user_fee=FEE_NONE_HEALTH,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For pasienter med akutt behov for observasjon eller behandling som ikke "
                    "krever sykehusinnleggelse, etter vurdering av lege.",
                    "For pasientar med akutt behov for observasjon eller behandling som ikkje "
                    "krev sjukehusinnlegging, etter vurdering av lege.",
                    "For patients with an acute need for observation or treatment that does not "
                    "require hospital admission, as judged by a doctor.",
                ),
                [c("acute_need", "==", True)],
                f"{PLAN}, «Samhandling eksternt»",
            )
        ],
    ),
    service(
        "langtidsopphold",
        "5",
        t(
            "Langtidsopphold i sykehjem",
            "Langtidsopphald i sjukeheim",
            "Long-term stay in a nursing home",
        ),
        t(
            "Fast plass på Selbu helse- og omsorgssenter med pleie og tilsyn hele døgnet, når "
            "du ikke lenger kan bo trygt hjemme.",
            "Fast plass på Selbu helse- og omsorgssenter med pleie og tilsyn heile døgnet, når "
            "du ikkje lenger kan bu trygt heime.",
            "A permanent place at Selbu health and care centre with care and supervision day and "
            "night, when you can no longer live safely at home.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6C, HOL_3_2_A, PBRL_2_1E],
        scope_unit="place",
        user_fee=FEE_LONG_STAY,
        requires_lower_level_review=True,
        is_long_term_place=True,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    f"For deg med varig behov for helsehjelp og tilsyn hele døgnet. {LEON_NB}",
                    f"For deg med varig behov for helsehjelp og tilsyn heile døgnet. {LEON_NN}",
                    f"For people with a lasting need for care and supervision around the clock. "
                    f"{LEON_EN}",
                ),
                [c("needs_24h_care", "==", True), c("lower_levels_tried", "==", True)],
                f"{PLAN}, «Bærekraftig utvikling» (omsorgstrappen og LEON)",
            ),
            criteria(
                2,
                V2,
                t(
                    "For deg med varig og omfattende behov for helsehjelp og tilsyn hele døgnet, "
                    "når tjenester i hjemmet og i omsorgsbolig er prøvd eller åpenbart uaktuelle. "
                    "Fyller du kriteriene mens du venter på plass, får du vedtak om det og "
                    "forsvarlige tjenester i ventetiden.",
                    "For deg med varig og omfattande behov for helsehjelp og tilsyn heile døgnet, "
                    "når tenester i heimen og i omsorgsbustad er prøvde eller openbert uaktuelle. "
                    "Fyller du kriteria medan du ventar på plass, får du vedtak om det og "
                    "forsvarlege tenester i ventetida.",
                    "For people with a lasting, extensive need for care and supervision around "
                    "the clock, when services at home and in sheltered housing have been tried "
                    "or are clearly unsuitable. If you meet the criteria while waiting, you get "
                    "a decision saying so and safe services while you wait.",
                ),
                [
                    c("needs_24h_care", "==", True),
                    c("lower_levels_tried", "==", True),
                    c("need_level", "==", "extensive"),
                ],
                f"{PLAN}, LEON; lokal forskrift etter hol § 3-2 a",
            ),
        ],
    ),
    service(
        "skjermet-enhet",
        "5",
        t(
            "Skjermet enhet for personer med demens",
            "Skjerma eining for personar med demens",
            "Dementia care unit",
        ),
        t(
            "Langtidsplass i en liten, rolig avdeling tilpasset personer med demens.",
            "Langtidsplass i ei lita, roleg avdeling tilpassa personar med demens.",
            "A long-term place in a small, calm unit adapted for people with dementia.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6C, HOL_3_2_A, PBRL_2_1E],
        scope_unit="place",
        user_fee=FEE_LONG_STAY,
        requires_lower_level_review=True,
        is_long_term_place=True,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For personer med demens som har varig behov for tilsyn hele døgnet og ikke "
                    "kan få et forsvarlig tilbud i ordinær avdeling eller omsorgsbolig.",
                    "For personar med demens som har varig behov for tilsyn heile døgnet og ikkje "
                    "kan få eit forsvarleg tilbod i ordinær avdeling eller omsorgsbustad.",
                    "For people with dementia who need supervision around the clock and cannot "
                    "be cared for safely in an ordinary ward or sheltered housing.",
                ),
                [
                    c("has_dementia", "==", True),
                    c("needs_24h_care", "==", True),
                    c("lower_levels_tried", "==", True),
                ],
                f"{PLAN}, «Bærekraftig utvikling» (omsorgstrappen og LEON)",
            )
        ],
    ),
]

# The plan gives no counts of places or users: capacities below are plausible
# for about 4,200 inhabitants and are demo data only. Nestansringen 67 (2018,
# digitalt tilsyn) and the 8-apartment building for people with disabilities
# (2018) are named in the plan; the number of flats at Nestansringen is not.
UNITS = [
    {
        "code": "forvaltningskontoret-selbu",
        "name": "Forvaltningskontoret i Selbu",
        "kind": "allocation_office",
        "address": "7580 Selbu",
        "services": [
            delivers("omsorgsstonad", 8, "persons"),
            delivers("bpa", 120, "hours_per_week"),
            delivers("boligradgivning", None, None),
        ],
    },
    {
        "code": "hjemmetjenesten-selbu",
        "name": "Hjemmetjenesten i Selbu",
        "kind": "home_care_zone",
        "address": "7580 Selbu",
        "services": [
            delivers("hjemmesykepleie", 110, "persons"),
            delivers("praktisk-bistand", 160, "hours_per_week"),
            delivers("praktisk-bistand-opplaering", 15, "hours_per_week"),
            delivers("hverdagsrehabilitering", 6, "persons"),
            delivers("trygghetsalarm", 140, "persons"),
            delivers("digitalt-tilsyn", 20, "persons"),
            delivers("medisineringsstotte", 25, "persons"),
            delivers("matombringing", 45, "persons"),
            delivers("avlastning", 5, "persons"),
            delivers("stottekontakt", 20, "persons"),
        ],
    },
    {
        "code": "selbu-helse-og-omsorgssenter",
        "name": "Selbu helse- og omsorgssenter",
        "kind": "nursing_home",
        "address": "7580 Selbu",
        "services": [
            delivers("langtidsopphold", 36, "places"),
            delivers("skjermet-enhet", 10, "places"),
            delivers("korttidsopphold-rehabilitering", 4, "places"),
            delivers("korttidsopphold-utredning", 2, "places"),
            delivers("korttidsopphold-avlastning", 2, "places"),
            delivers("korttidsopphold-palliasjon", 1, "places"),
            delivers("kad", 1, "places"),
        ],
    },
    {
        "code": "nestansringen-67",
        "name": "Nestansringen 67 omsorgsboliger",
        "kind": "care_housing",
        "address": "Nestansringen 67, 7580 Selbu",
        "services": [
            delivers("omsorgsbolig", 16, "places"),
            delivers("digitalt-tilsyn", 16, "persons"),
        ],
    },
    {
        "code": "leilighetsbygg-funksjonshemmede",
        "name": "Leilighetsbygg for personer med funksjonsnedsettelse",
        "kind": "care_housing",
        "address": "7580 Selbu",
        "services": [
            delivers("omsorgsbolig", 8, "places"),
            delivers("praktisk-bistand-opplaering", 30, "hours_per_week"),
        ],
    },
    {
        "code": "dagsenter-selbu",
        "name": "Dagsenteret i Selbu",
        "kind": "day_centre",
        "address": "7580 Selbu",
        "services": [
            delivers("dagaktivitet", 15, "places"),
            delivers("tilrettelagt-arbeid", 10, "places"),
        ],
    },
    {
        "code": "frisklivssentralen-varnesregionen",
        "name": "Frisklivssentralen i Værnesregionen",
        "kind": "health_centre",
        "address": "Værnesregionen (tilbud også i Selbu)",
        "services": [
            delivers("frisklivssentral", 60, "persons"),
            delivers("mestringskurs", 40, "persons"),
        ],
    },
    {
        "code": "rus-og-psykisk-helse",
        "name": "Rus- og psykisk helsetjenesten",
        "kind": "other",
        "address": "7580 Selbu",
        "services": [delivers("psykisk-helse-rus-oppfolging", 60, "persons")],
    },
    {
        "code": "eldresenteret-og-frivilligsentralen",
        "name": "Eldresenteret og Frivilligsentralen",
        "kind": "other",
        "address": "7580 Selbu",
        "services": [
            delivers("eldresenter", 150, "persons"),
            delivers("frivilligsentral", 200, "persons"),
        ],
    },
]

SELBU = {
    "number": "5032",
    "name": "Selbu",
    "written_language": "nb",
    # Where appeals are sent (demo addresses in the municipality's own form).
    "appeals_to": {
        "name": "Selbu kommune, Forvaltningskontoret helse og omsorg",
        "postal_address": "Gjelbakken 15, 7580 Selbu",
        "digital_address": "Skjema «Klage» på selbu.kommune.no (eDialog)",
    },
    "appeals_board": {
        "name": "Klagenemnda i Selbu kommune",
        "postal_address": "Gjelbakken 15, 7580 Selbu",
        "digital_address": "Skjema «Klage» på selbu.kommune.no (eDialog)",
    },
    "staircase_name": t("Omsorgstrappen", "Omsorgstrappa", "The care staircase"),
    "staircase_description": t(
        "Omsorgstrappen viser tjenestene fra egenmestring til sykehjem. Etter LEON-prinsippet "
        "(laveste effektive omsorgsnivå) skal et trinn ikke benyttes før tjenester på et lavere "
        "nivå er prøvd eller åpenbart uaktuelle. Du kan få tjenester fra flere trinn samtidig.",
        "Omsorgstrappa viser tenestene frå eigenmeistring til sjukeheim. Etter LEON-prinsippet "
        "(lågaste effektive omsorgsnivå) skal eit trinn ikkje nyttast før tenester på eit lågare "
        "nivå er prøvde eller openbert uaktuelle. Du kan få tenester frå fleire trinn samstundes.",
        "The care staircase shows services from self-management to nursing home. Under the "
        "LEON principle (lowest effective level of care) a step is not used until services at "
        "a lower level have been tried or are clearly unsuitable. You can receive services "
        "from several steps at once.",
    ),
    "care_levels": CARE_LEVELS,
    "service_types": SERVICE_TYPES,
    "units": UNITS,
}

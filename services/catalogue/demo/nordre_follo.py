"""Nordre Follo (3207): the demo service catalogue.

Built on «Temaplan helse og omsorg» (Nordre Follo kommune). The plan ranks
services on the innsatstrapp «etter hvor inngripende tjenesten er i
innbyggerens liv» (5.1) and allocates by the BEON principle (beste effektive
omsorgsnivå, 6.4). The plan names services but gives no counts of places or
users; the unit capacities below are plausible figures for a municipality of
about 60,000 inhabitants, not figures from the plan.
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
    FEE_TRANSPORT,
    FHL_7,
    HOL_3_1,
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

PLAN = "Temaplan helse og omsorg"
V1 = "2021-01-01"
V2 = "2025-01-01"

SERVICE_TYPES = [
    # Trinn 1: selvhjulpenhet og forebygging (åpne tilbud) -----------------------
    service(
        "frisklivssentral",
        "1",
        t("Frisklivssentral", "Frisklivssentral", "Healthy life centre"),
        t(
            "Hjelp til å endre levevaner: fysisk aktivitet, kosthold, søvn, snus og røyk. "
            "Du får en helsesamtale og kan delta i grupper og kurs i 12 uker.",
            "Hjelp til å endre levevanar: fysisk aktivitet, kosthald, søvn, snus og røyk. "
            "Du får ein helsesamtale og kan delta i grupper og kurs i 12 veker.",
            "Help to change habits: physical activity, diet, sleep, snuff and smoking. "
            "You get a health talk and can join groups and courses for 12 weeks.",
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
                    "Åpent for voksne som ønsker å endre levevaner. Du kan ta kontakt selv "
                    "eller bli henvist av fastlege eller annet helsepersonell.",
                    "Ope for vaksne som ønskjer å endre levevanar. Du kan ta kontakt sjølv "
                    "eller bli tilvist av fastlege eller anna helsepersonell.",
                    "Open to adults who want to change their habits. You can get in touch "
                    "yourself or be referred by your GP or other health personnel.",
                ),
                [],
                f"{PLAN}, kap. 5.3 og 5.5",
            )
        ],
    ),
    service(
        "seniorsenter",
        "1",
        t("Seniorsenter", "Seniorsenter", "Senior centre"),
        t(
            "Møteplass for seniorer med kafé, trening, kurs og sosiale aktiviteter. "
            "Alle kan komme innom uten søknad.",
            "Møtestad for seniorar med kafé, trening, kurs og sosiale aktivitetar. "
            "Alle kan kome innom utan søknad.",
            "A meeting place for older people with a café, exercise, courses and social "
            "activities. Anyone can drop in without applying.",
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
                    "Åpent tilbud for hjemmeboende seniorer. Seniorsenteret ligger lavt i "
                    "innsatstrappa og skal bidra til aktivitet og fellesskap.",
                    "Ope tilbod for heimebuande seniorar. Seniorsenteret ligg lågt i "
                    "innsatstrappa og skal bidra til aktivitet og fellesskap.",
                    "An open service for older people living at home. The senior centre is "
                    "low on the service staircase and supports activity and community.",
                ),
                [],
                f"{PLAN}, kap. 5.3",
            )
        ],
    ),
    service(
        "aktivitetstilbud",
        "1",
        t(
            "Åpne aktivitetstilbud og frivillighet",
            "Opne aktivitetstilbod og frivilligheit",
            "Open activities and volunteering",
        ),
        t(
            "Turgrupper, treningsgrupper, besøksvenner og andre aktiviteter drevet av frivillige "
            "og kommunen, også åpne grupper innen psykisk helse og rus.",
            "Turgrupper, treningsgrupper, besøksvener og andre aktivitetar drivne av frivillige "
            "og kommunen, også opne grupper innan psykisk helse og rus.",
            "Walking groups, exercise groups, visiting friends and other activities run by "
            "volunteers and the municipality, including open groups in mental health and "
            "addiction.",
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
                    "Åpent for alle innbyggere uten søknad.",
                    "Ope for alle innbyggjarar utan søknad.",
                    "Open to all residents without an application.",
                ),
                [],
                f"{PLAN}, kap. 5.2 og 5.3",
            )
        ],
    ),
    service(
        "mestringskurs",
        "1",
        t(
            "Mestringskurs og pårørendekurs",
            "Meistringskurs og pårørandekurs",
            "Coping courses and courses for relatives",
        ),
        t(
            "Kurs for deg som lever med sykdom eller funksjonsnedsettelse, og for pårørende. "
            "Du lærer om sykdommen, om egne ressurser og om hvor du kan få hjelp.",
            "Kurs for deg som lever med sjukdom eller funksjonsnedsetjing, og for pårørande. "
            "Du lærer om sjukdommen, om eigne ressursar og om kvar du kan få hjelp.",
            "Courses for people living with an illness or disability, and for their relatives. "
            "You learn about the illness, your own resources and where to get help.",
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
                    "Åpent for innbyggere og pårørende; påmelding direkte til kurset.",
                    "Ope for innbyggjarar og pårørande; påmelding direkte til kurset.",
                    "Open to residents and relatives; sign up directly for the course.",
                ),
                [],
                f"{PLAN}, kap. 5.1",
            )
        ],
    ),
    service(
        "rask-psykisk-helsehjelp",
        "1",
        t("Rask psykisk helsehjelp", "Rask psykisk helsehjelp", "Prompt mental health care"),
        t(
            "Kortvarig hjelp ved lett til moderat angst, depresjon, søvnvansker eller "
            "begynnende rusproblemer. Du kan ta kontakt selv, uten henvisning.",
            "Kortvarig hjelp ved lett til moderat angst, depresjon, søvnvanskar eller "
            "byrjande rusproblem. Du kan ta kontakt sjølv, utan tilvising.",
            "Short-term help with mild to moderate anxiety, depression, sleep problems or "
            "early substance problems. You can get in touch yourself, without a referral.",
        ),
        requires_decision=False,
        legal_basis=[HOL_3_1, HOL_3_3],
        scope_unit="none",
        user_fee=FEE_NONE,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For innbyggere fra 16 år med lette til moderate psykiske plager. "
                    "Tilbudet er gratis og krever ikke henvisning eller vedtak.",
                    "For innbyggjarar frå 16 år med lette til moderate psykiske plager. "
                    "Tilbodet er gratis og krev ikkje tilvising eller vedtak.",
                    "For residents aged 16 and over with mild to moderate mental health "
                    "problems. It is free and needs no referral or decision.",
                ),
                [],
                f"{PLAN}, kap. 5.5",
            )
        ],
    ),
    # Trinn 2: tidlig innsats, velferdsteknologi og lavterskeltilbud -------------
    service(
        "trygghetsalarm",
        "2",
        t("Trygghetsalarm", "Tryggleiksalarm", "Safety alarm"),
        t(
            "En alarm du bærer på armen eller rundt halsen. Når du trykker, får du kontakt "
            "med en responstjeneste som sender hjelp ved behov.",
            "Ein alarm du ber på armen eller rundt halsen. Når du trykkjer, får du kontakt "
            "med ei responsteneste som sender hjelp ved behov.",
            "An alarm you wear on your wrist or around your neck. When you press it, you "
            "reach a response service that sends help if needed.",
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
                    "Tildeles hjemmeboende som har risiko for fall eller akutt sykdom og "
                    "som selv kan utløse alarmen.",
                    "Blir tildelt heimebuande som har risiko for fall eller akutt sjukdom og "
                    "som sjølv kan utløyse alarmen.",
                    "Granted to people living at home who are at risk of falls or sudden "
                    "illness and can trigger the alarm themselves.",
                ),
                [any_of(c("has_fall_risk", "==", True), c("adl_mean", ">=", 2))],
                f"{PLAN}, kap. 5.1",
            ),
            criteria(
                2,
                V2,
                t(
                    "Tildeles hjemmeboende med fallrisiko eller nedsatt funksjon som selv kan "
                    "utløse alarmen. Alle søkere vurderes for annen velferdsteknologi samtidig, "
                    "og alarmen er digital med mobil tilkobling.",
                    "Blir tildelt heimebuande med fallrisiko eller nedsett funksjon som sjølv kan "
                    "utløyse alarmen. Alle søkjarar blir vurderte for anna velferdsteknologi "
                    "samstundes, og alarmen er digital med mobilt samband.",
                    "Granted to people at home with a fall risk or reduced function who can "
                    "trigger the alarm themselves. Every applicant is assessed for other welfare "
                    "technology at the same time, and the alarm is digital with a mobile link.",
                ),
                [
                    any_of(c("has_fall_risk", "==", True), c("adl_mean", ">=", 2)),
                    c("cognitive_mean", "<", 4),
                ],
                f"{PLAN}, kap. 5.1 og 6.4",
            ),
        ],
    ),
    service(
        "digitalt-tilsyn",
        "2",
        t("Digitalt tilsyn", "Digitalt tilsyn", "Digital supervision"),
        t(
            "Sensorer i boligen varsler hjemmetjenesten ved fall, uro om natten eller når du "
            "forlater boligen. Tilsynet kan erstatte eller supplere fysiske besøk.",
            "Sensorar i bustaden varslar heimetenesta ved fall, uro om natta eller når du "
            "forlèt bustaden. Tilsynet kan erstatte eller supplere fysiske besøk.",
            "Sensors in your home alert the home care service if you fall, are restless at "
            "night or leave the home. It can replace or add to physical visits.",
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
                    "For hjemmeboende med fallrisiko, kognitiv svikt eller behov for tilsyn om "
                    "natten. Samtykke innhentes; mangler du samtykkekompetanse, vurderes tiltaket "
                    "etter pasient- og brukerrettighetsloven § 4-6 a.",
                    "For heimebuande med fallrisiko, kognitiv svikt eller behov for tilsyn om "
                    "natta. Samtykke blir henta inn; manglar du samtykkekompetanse, blir tiltaket "
                    "vurdert etter pasient- og brukarrettslova § 4-6 a.",
                    "For people at home with a fall risk, cognitive impairment or a need for "
                    "night-time supervision. Consent is obtained; without capacity to consent, "
                    "the measure is assessed under section 4-6 a of the Patients' Rights Act.",
                ),
                [
                    any_of(
                        c("has_fall_risk", "==", True),
                        c("has_dementia", "==", True),
                        c("cognitive_mean", ">=", 2.5),
                    )
                ],
                f"{PLAN}, kap. 5.1 og 6.4",
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
            "En medisindispenser som gir deg riktig dose til riktig tid og varsler "
            "hjemmesykepleien hvis en dose ikke blir tatt.",
            "Ein medisindispenser som gir deg rett dose til rett tid og varslar "
            "heimesjukepleia dersom ein dose ikkje blir teken.",
            "A medicine dispenser that gives you the right dose at the right time and alerts "
            "home nursing if a dose is not taken.",
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
                    "For deg som trenger hjelp til å huske medisinene, men som kan ta dem selv "
                    "når dispenseren varsler. Vurderes før besøk fra hjemmesykepleien.",
                    "For deg som treng hjelp til å hugse medisinane, men som kan ta dei sjølv "
                    "når dispenseren varslar. Blir vurdert før besøk frå heimesjukepleia.",
                    "For people who need help remembering their medicines but can take them "
                    "when the dispenser alerts them. Considered before home nursing visits.",
                ),
                [c("cognitive_mean", ">=", 1.5), c("cognitive_mean", "<=", 3.5)],
                f"{PLAN}, kap. 5.1 og 6.4",
            )
        ],
    ),
    service(
        "matombringing",
        "2",
        t("Matombringing", "Matombringing", "Meal delivery"),
        t(
            "Ferdige middager levert hjem, tilpasset deg som ikke klarer å lage varm mat selv.",
            "Ferdige middagar leverte heim, tilpassa deg som ikkje klarer å lage varm mat sjølv.",
            "Ready-made dinners delivered to your home, for those who cannot cook a hot meal "
            "themselves.",
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
                    "For hjemmeboende som ikke kan lage middag selv eller som har risiko for "
                    "underernæring. Ernæringsstatus kartlegges.",
                    "For heimebuande som ikkje kan lage middag sjølv eller som har risiko for "
                    "underernæring. Ernæringsstatus blir kartlagd.",
                    "For people at home who cannot make dinner themselves or are at risk of "
                    "malnutrition. Nutritional status is assessed.",
                ),
                [any_of(c("has_nutrition_risk", "==", True), c("iadl_mean", ">=", 3))],
                f"{PLAN}, kap. 5.4",
            )
        ],
    ),
    service(
        "dagsenter",
        "2",
        t(
            "Dagsenter og dagaktivitetstilbud",
            "Dagsenter og dagaktivitetstilbod",
            "Day centre and day activities",
        ),
        t(
            "Aktiviteter, måltider og fellesskap på dagtid, også tilpasset personer med demens. "
            "Tilbudet gir deg en meningsfull dag og avlaster pårørende.",
            "Aktivitetar, måltid og fellesskap på dagtid, også tilpassa personar med demens. "
            "Tilbodet gir deg ein meiningsfull dag og avlastar pårørande.",
            "Activities, meals and company in the daytime, also for people with dementia. "
            "It gives you a meaningful day and a break for your relatives.",
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
                    "For hjemmeboende eldre og personer med demens som trenger struktur, "
                    "aktivitet og fellesskap, eller der pårørende trenger avlastning.",
                    "For heimebuande eldre og personar med demens som treng struktur, "
                    "aktivitet og fellesskap, eller der pårørande treng avlasting.",
                    "For older people and people with dementia living at home who need "
                    "structure, activity and company, or whose relatives need a break.",
                ),
                [
                    any_of(
                        c("has_dementia", "==", True),
                        c("relative_care_burden", "==", True),
                        c("iadl_mean", ">=", 2.5),
                    )
                ],
                f"{PLAN}, kap. 5.3",
            )
        ],
    ),
    service(
        "transport-dagsenter",
        "2",
        t("Transport til dagsenter", "Transport til dagsenter", "Transport to the day centre"),
        t(
            "Henting og hjemkjøring når du har plass på dagsenter og ikke kan reise dit selv.",
            "Henting og heimkøyring når du har plass på dagsenter og ikkje kan reise dit sjølv.",
            "Pick-up and drop-off when you have a day centre place and cannot travel there "
            "yourself.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6B],
        scope_unit="days_per_week",
        user_fee=FEE_TRANSPORT,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "Gis sammen med vedtak om dagsenter når du ikke kan bruke buss, "
                    "TT-kort eller få skyss av familie.",
                    "Blir gitt saman med vedtak om dagsenter når du ikkje kan nytte buss, "
                    "TT-kort eller få skyss av familie.",
                    "Given together with a day centre decision when you cannot use the bus, "
                    "a TT card or a lift from family.",
                ),
                [any_of(c("iadl_mean", ">=", 3), c("has_dementia", "==", True))],
                f"{PLAN}, kap. 5.2 og vedlegg (innspill om transport)",
            )
        ],
    ),
    service(
        "tilrettelagt-arbeid",
        "2",
        t(
            "Tilrettelagt arbeid og aktivitet",
            "Tilrettelagt arbeid og aktivitet",
            "Adapted work and activities",
        ),
        t(
            "Arbeid eller aktivitet på dagtid tilpasset den enkeltes ressurser, for voksne med "
            "utviklingshemming eller annen funksjonsnedsettelse.",
            "Arbeid eller aktivitet på dagtid tilpassa ressursane til kvar enkelt, for vaksne "
            "med utviklingshemming eller anna funksjonsnedsetjing.",
            "Daytime work or activities adapted to each person's abilities, for adults with "
            "learning disabilities or other disabilities.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_5, HOL_3_2_6B],
        scope_unit="days_per_week",
        user_fee=FEE_NONE,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "For voksne med varig funksjonsnedsettelse som ikke kan delta i ordinært "
                    "arbeid eller arbeidsmarkedstiltak fra NAV.",
                    "For vaksne med varig funksjonsnedsetjing som ikkje kan delta i ordinært "
                    "arbeid eller arbeidsmarknadstiltak frå NAV.",
                    "For adults with a lasting disability who cannot take part in ordinary "
                    "work or NAV employment schemes.",
                ),
                [c("age", ">=", 18), c("expected_duration_months", ">=", 12)],
                f"{PLAN}, kap. 5.3",
            )
        ],
    ),
    # Trinn 3: hjemmebaserte tjenester --------------------------------------------
    service(
        "hverdagsrehabilitering",
        "3",
        t("Hverdagsrehabilitering", "Kvardagsrehabilitering", "Everyday rehabilitation"),
        t(
            "Intensiv trening i eget hjem i noen uker, med mål du setter selv, slik at du igjen "
            "kan klare det som er viktig for deg i hverdagen.",
            "Intensiv trening i eigen heim i nokre veker, med mål du set sjølv, slik at du igjen "
            "kan klare det som er viktig for deg i kvardagen.",
            "Intensive training at home for a few weeks, with goals you set yourself, so that "
            "you can again manage what matters to you in daily life.",
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
                    "For hjemmeboende med nylig funksjonsfall og potensial for bedring, som er "
                    "motivert for å trene. Vurderes før praktisk bistand.",
                    "For heimebuande med nyleg funksjonsfall og potensial for betring, som er "
                    "motivert for å trene. Blir vurdert før praktisk bistand.",
                    "For people at home with a recent loss of function and potential to improve, "
                    "who are motivated to train. Considered before practical assistance.",
                ),
                [c("has_rehabilitation_potential", "==", True), c("adl_mean", "<=", 3.5)],
                f"{PLAN}, kap. 5.1",
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
            "Hjelp til rengjøring, klesvask og innkjøp når du ikke klarer det selv og ikke har "
            "andre som kan hjelpe.",
            "Hjelp til reingjering, klesvask og innkjøp når du ikkje klarer det sjølv og ikkje "
            "har andre som kan hjelpe.",
            "Help with cleaning, laundry and shopping when you cannot manage yourself and "
            "have no one else to help.",
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
                    "For deg som på grunn av sykdom, funksjonsnedsettelse eller alder ikke kan "
                    "utføre nødvendige gjøremål i hjemmet. Det skal ikke tildeles hverken flere "
                    "eller færre tjenester enn du har behov for.",
                    "For deg som på grunn av sjukdom, funksjonsnedsetjing eller alder ikkje kan "
                    "utføre naudsynte gjeremål i heimen. Det skal ikkje tildelast verken fleire "
                    "eller færre tenester enn du har behov for.",
                    "For people who cannot do necessary household tasks because of illness, "
                    "disability or age. You get neither more nor fewer services than you need.",
                ),
                [c("iadl_mean", ">=", 2)],
                f"{PLAN}, kap. 5.1 og 5.5",
            ),
            criteria(
                2,
                V2,
                t(
                    "For deg som ikke kan utføre nødvendige gjøremål i hjemmet. Før tildeling "
                    "vurderes hverdagsrehabilitering, opplæring og hjelpemidler, slik at du kan "
                    "klare mest mulig selv (BEON).",
                    "For deg som ikkje kan utføre naudsynte gjeremål i heimen. Før tildeling "
                    "blir kvardagsrehabilitering, opplæring og hjelpemiddel vurderte, slik at du "
                    "kan klare mest mogleg sjølv (BEON).",
                    "For people who cannot do necessary household tasks. Before it is granted, "
                    "everyday rehabilitation, training and aids are considered so that you can "
                    "do as much as possible yourself (BEON).",
                ),
                [c("iadl_mean", ">=", 2.5), c("lower_levels_tried", "==", True)],
                f"{PLAN}, kap. 5.1 og 6.4",
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
            "Veiledning og trening i å lage mat, handle, ordne økonomi og holde orden hjemme, "
            "slik at du blir mer selvstendig.",
            "Rettleiing og trening i å lage mat, handle, ordne økonomi og halde orden heime, "
            "slik at du blir meir sjølvstendig.",
            "Guidance and training in cooking, shopping, managing money and keeping the home "
            "in order, so you become more independent.",
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
                    "For deg som har mulighet til å lære eller gjenvinne ferdigheter i daglige "
                    "gjøremål, for eksempel etter sykdom eller ved psykisk utviklingshemming.",
                    "For deg som har høve til å lære eller vinne att dugleikar i daglege "
                    "gjeremål, til dømes etter sjukdom eller ved psykisk utviklingshemming.",
                    "For people who can learn or regain skills in daily tasks, for example "
                    "after an illness or with a learning disability.",
                ),
                [c("iadl_mean", ">=", 2), c("has_rehabilitation_potential", "==", True)],
                f"{PLAN}, kap. 5.1 og 5.5",
            )
        ],
    ),
    service(
        "hjemmesykepleie",
        "3",
        t("Hjemmesykepleie", "Heimesjukepleie", "Home nursing"),
        t(
            "Sykepleie i ditt eget hjem, for eksempel hjelp med medisiner, sårstell, "
            "personlig stell og oppfølging av sykdom. Omsorgsbolig og samlokalisert bolig "
            "regnes også som eget hjem.",
            "Sjukepleie i din eigen heim, til dømes hjelp med medisinar, sårstell, "
            "personleg stell og oppfølging av sjukdom. Omsorgsbustad og samlokalisert bustad "
            "blir òg rekna som eigen heim.",
            "Nursing care in your own home, such as help with medicines, wound care, personal "
            "care and follow-up of illness. Sheltered and shared housing also count as your "
            "own home.",
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
                    "For deg som har behov for helsehjelp i hjemmet og ikke kan oppsøke "
                    "fastlege eller annen poliklinisk helsehjelp.",
                    "For deg som har behov for helsehjelp i heimen og ikkje kan oppsøkje "
                    "fastlege eller anna poliklinisk helsehjelp.",
                    "For people who need health care at home and cannot go to their GP or "
                    "another outpatient service.",
                ),
                [
                    any_of(
                        c("adl_mean", ">=", 2),
                        c("cognitive_mean", ">=", 2.5),
                        c("is_palliative", "==", True),
                        c("is_discharge_ready", "==", True),
                    )
                ],
                f"{PLAN}, kap. 5.5",
            )
        ],
    ),
    service(
        "psykisk-helse-rus-oppfolging",
        "3",
        t(
            "Oppfølging i hjemmet innen psykisk helse og rus",
            "Oppfølging i heimen innan psykisk helse og rus",
            "Mental health and addiction follow-up at home",
        ),
        t(
            "Samtaler, praktisk støtte og hjelp til å mestre hverdagen for deg som har psykiske "
            "lidelser eller rusproblemer, i hjemmet eller der du ønsker å møtes.",
            "Samtalar, praktisk støtte og hjelp til å meistre kvardagen for deg som har psykiske "
            "lidingar eller rusproblem, i heimen eller der du ønskjer å møtast.",
            "Talks, practical support and help to cope with daily life for people with mental "
            "illness or substance problems, at home or wherever you prefer to meet.",
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
                    "For voksne med moderate til alvorlige psykiske lidelser eller rusproblemer "
                    "som trenger oppfølging i mer enn to uker.",
                    "For vaksne med moderate til alvorlege psykiske lidingar eller rusproblem "
                    "som treng oppfølging i meir enn to veker.",
                    "For adults with moderate to severe mental illness or substance problems "
                    "who need follow-up for more than two weeks.",
                ),
                [c("age", ">=", 18), c("need_level", "in", ["moderate_to_large", "extensive"])],
                f"{PLAN}, kap. 5.3 og 5.5",
            )
        ],
    ),
    service(
        "stottekontakt",
        "3",
        t("Støttekontakt", "Støttekontakt", "Support contact"),
        t(
            "En person som hjelper deg å delta i fritidsaktiviteter og sosialt liv, alene "
            "eller i en gruppe.",
            "Ein person som hjelper deg å delta i fritidsaktivitetar og sosialt liv, åleine "
            "eller i ei gruppe.",
            "A person who helps you take part in leisure activities and social life, alone "
            "or in a group.",
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
                    "For deg som på grunn av funksjonsnedsettelse, psykisk lidelse eller "
                    "rusproblemer ikke kan delta i fritidsaktiviteter uten hjelp. Frivillige "
                    "og åpne tilbud vurderes først.",
                    "For deg som på grunn av funksjonsnedsetjing, psykisk liding eller "
                    "rusproblem ikkje kan delta i fritidsaktivitetar utan hjelp. Frivillige "
                    "og opne tilbod blir vurderte først.",
                    "For people who cannot join leisure activities without help because of a "
                    "disability, mental illness or substance problems. Volunteer and open "
                    "services are considered first.",
                ),
                [any_of(c("cognitive_mean", ">=", 2), c("iadl_mean", ">=", 2))],
                f"{PLAN}, kap. 5.2 og 5.3",
            )
        ],
    ),
    service(
        "avlastning",
        "3",
        t("Avlastning", "Avlasting", "Respite care"),
        t(
            "Pauser for deg som har et særlig tyngende omsorgsarbeid for en av dine nærmeste. "
            "Avlastning kan gis i bolig, i private hjem, som dagtilbud eller som kortere "
            "avlastning i hjemmet.",
            "Pausar for deg som har eit særleg tyngjande omsorgsarbeid for ein av dine "
            "nærmaste. Avlasting kan givast i bustad, i private heimar, som dagtilbod eller "
            "som kortare avlasting i heimen.",
            "Breaks for people with especially heavy caring work for someone close to them. "
            "Respite can be given in a residence, in private homes, as a day service or as "
            "short respite at home.",
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
                    "For pårørende med særlig tyngende omsorgsarbeid. Det vurderes hvor mye tid "
                    "omsorgen tar, hvor lenge den har vart og hvor belastende den er.",
                    "For pårørande med særleg tyngjande omsorgsarbeid. Det blir vurdert kor mykje "
                    "tid omsorga tek, kor lenge ho har vart og kor krevjande ho er.",
                    "For relatives with especially heavy caring work. The assessment considers "
                    "how much time the care takes, how long it has lasted and how demanding it is.",
                ),
                [c("relative_care_burden", "==", True)],
                f"{PLAN}, kap. 5.5",
            )
        ],
    ),
    service(
        "omsorgsstonad",
        "3",
        t("Omsorgsstønad", "Omsorgsstønad", "Carer's allowance"),
        t(
            "Økonomisk godtgjøring til deg som har et særlig tyngende omsorgsarbeid som "
            "ellers måtte vært utført av kommunen.",
            "Økonomisk godtgjering til deg som har eit særleg tyngjande omsorgsarbeid som "
            "kommunen elles måtte ha utført.",
            "Payment to people with especially heavy caring work that the municipality would "
            "otherwise have had to do.",
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
                    "For pårørende med særlig tyngende omsorgsarbeid over tid, når omsorgsstønad "
                    "er det beste tiltaket for den som trenger hjelp og for omsorgsyteren.",
                    "For pårørande med særleg tyngjande omsorgsarbeid over tid, når omsorgsstønad "
                    "er det beste tiltaket for den som treng hjelp og for omsorgsytaren.",
                    "For relatives with especially heavy caring work over time, when the "
                    "allowance is the best measure for the person cared for and the carer.",
                ),
                [
                    c("relative_care_burden", "==", True),
                    c("expected_duration_months", ">=", 3),
                    c("assessed_hours_per_week", ">=", 5),
                ],
                f"{PLAN}, kap. 5.5",
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
            "Du organiserer selv hjelpen du trenger i hverdagen, i og utenfor hjemmet, "
            "med faste assistenter som du er arbeidsleder for.",
            "Du organiserer sjølv hjelpa du treng i kvardagen, i og utanfor heimen, med faste "
            "assistentar som du er arbeidsleiar for.",
            "You organise the help you need in daily life, at home and outside, with "
            "regular assistants whom you supervise.",
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
                    "Rett til BPA har personer under 67 år med langvarig behov (over to år) for "
                    "minst 32 timer hjelp per uke. Ved 25 til 32 timer er det også rett, med "
                    "mindre det vil koste kommunen vesentlig mer. Andre som kan ha nytte av "
                    "BPA kan også få tilbudet.",
                    "Rett til BPA har personar under 67 år med langvarig behov (over to år) for "
                    "minst 32 timar hjelp per veke. Ved 25 til 32 timar er det òg rett, med "
                    "mindre det vil koste kommunen vesentleg meir. Andre som kan ha nytte av "
                    "BPA kan òg få tilbodet.",
                    "People under 67 with a long-term need (over two years) for at least 32 hours "
                    "of help a week have a right to BPA. From 25 to 32 hours there is also a "
                    "right unless it costs the municipality significantly more. Others who "
                    "would benefit may also be offered it.",
                ),
                [
                    c("age", "<", 67),
                    c("expected_duration_months", ">", 24),
                    c("assessed_hours_per_week", ">=", 25),
                ],
                "Pasient- og brukerrettighetsloven § 2-1 d",
            )
        ],
    ),
    # Trinn 4: tilrettelagt bolig -------------------------------------------------
    service(
        "omsorgsbolig",
        "4",
        t("Omsorgsbolig", "Omsorgsbustad", "Sheltered housing"),
        t(
            "En tilrettelagt leilighet du leier av kommunen, med hjelp fra hjemmetjenesten "
            "etter behov. Omsorgsboligen er ditt eget hjem.",
            "Ei tilrettelagd leilegheit du leiger av kommunen, med hjelp frå heimetenesta "
            "etter behov. Omsorgsbustaden er din eigen heim.",
            "An adapted flat you rent from the municipality, with help from the home care "
            "service as needed. The flat is your own home.",
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
                    "For deg som på grunn av sykdom eller funksjonsnedsettelse ikke kan bo trygt "
                    "i egen bolig, selv med hjelpemidler, tilrettelegging og hjemmetjenester.",
                    "For deg som på grunn av sjukdom eller funksjonsnedsetjing ikkje kan bu trygt "
                    "i eigen bustad, sjølv med hjelpemiddel, tilrettelegging og heimetenester.",
                    "For people who, because of illness or disability, cannot live safely in "
                    "their own home, even with aids, adaptations and home care.",
                ),
                [
                    c("need_level", "in", ["moderate_to_large", "extensive"]),
                    c("lower_levels_tried", "==", True),
                ],
                f"{PLAN}, kap. 5.5",
            )
        ],
    ),
    service(
        "bofellesskap-heldogn",
        "4",
        t(
            "Bofellesskap med heldøgns tjenester",
            "Bufellesskap med heildøgnstenester",
            "Shared housing with round-the-clock services",
        ),
        t(
            "Egen leilighet i et bofellesskap med personale til stede hele døgnet, som "
            "alternativ til sykehjem for deg med varig behov for tilsyn og pleie.",
            "Eiga leilegheit i eit bufellesskap med personale til stades heile døgnet, som "
            "alternativ til sjukeheim for deg med varig behov for tilsyn og pleie.",
            "Your own flat in shared housing with staff present day and night, as an "
            "alternative to a nursing home for those with a lasting need for supervision "
            "and care.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_A, PBRL_2_1E, HOL_3_2_6A],
        scope_unit="place",
        user_fee=FEE_RENT,
        requires_lower_level_review=True,
        is_long_term_place=True,
        criteria=[
            criteria(
                1,
                V1,
                t(
                    "Langtidsplass i bofellesskap gis til personer med varig behov for "
                    "døgnkontinuerlig helsehjelp som medisinsk behandling, pleie, miljøterapi "
                    "eller tilsyn. Før tildeling skal andre alternativer være prøvd ut eller "
                    "vurdert og ikke funnet hensiktsmessig eller forsvarlig.",
                    "Langtidsplass i bufellesskap blir gitt til personar med varig behov for "
                    "døgnkontinuerleg helsehjelp som medisinsk behandling, pleie, miljøterapi "
                    "eller tilsyn. Før tildeling skal andre alternativ vere prøvde ut eller "
                    "vurderte og ikkje funne tenlege eller forsvarlege.",
                    "A long-term place in shared housing is for people with a lasting need for "
                    "round-the-clock care such as medical treatment, nursing, milieu therapy or "
                    "supervision. Other options must first have been tried or considered and "
                    "found unsuitable or unsafe.",
                ),
                [c("needs_24h_care", "==", True), c("lower_levels_tried", "==", True)],
                f"{PLAN}, kap. 5.5",
            )
        ],
    ),
    # Trinn 5: institusjon --------------------------------------------------------
    service(
        "korttidsopphold-rehabilitering",
        "5",
        t(
            "Korttidsopphold for rehabilitering",
            "Korttidsopphald for rehabilitering",
            "Short-term stay for rehabilitation",
        ),
        t(
            "Et tidsavgrenset opphold med daglig trening og tverrfaglig oppfølging, for eksempel "
            "etter sykehusopphold, slik at du kan flytte hjem igjen.",
            "Eit tidsavgrensa opphald med dagleg trening og tverrfagleg oppfølging, til dømes "
            "etter sjukehusopphald, slik at du kan flytte heim att.",
            "A time-limited stay with daily training and multidisciplinary follow-up, for "
            "example after a hospital stay, so that you can move back home.",
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
                    "For deg som har rehabiliteringspotensial og trenger tett oppfølging som "
                    "ikke kan gis i hjemmet. Plassene brukes målrettet for god sirkulasjon.",
                    "For deg som har rehabiliteringspotensial og treng tett oppfølging som "
                    "ikkje kan givast i heimen. Plassane blir brukte målretta for god sirkulasjon.",
                    "For people with rehabilitation potential who need close follow-up that "
                    "cannot be given at home. Places are used purposefully to keep them moving.",
                ),
                [c("has_rehabilitation_potential", "==", True)],
                f"{PLAN}, kap. 5.5",
            ),
            criteria(
                2,
                V2,
                t(
                    "For deg som har rehabiliteringspotensial, har mål for oppholdet og trenger "
                    "tett oppfølging som ikke kan gis med hverdagsrehabilitering i hjemmet. "
                    "Oppholdet varer normalt inntil seks uker og evalueres underveis.",
                    "For deg som har rehabiliteringspotensial, har mål for opphaldet og treng "
                    "tett oppfølging som ikkje kan givast med kvardagsrehabilitering i heimen. "
                    "Opphaldet varer normalt inntil seks veker og blir evaluert undervegs.",
                    "For people with rehabilitation potential and goals for the stay who need "
                    "close follow-up that everyday rehabilitation at home cannot give. A stay "
                    "normally lasts up to six weeks and is evaluated along the way.",
                ),
                [
                    c("has_rehabilitation_potential", "==", True),
                    c("lower_levels_tried", "==", True),
                    c("expected_duration_months", "<=", 2),
                ],
                f"{PLAN}, kap. 5.1 og 5.5",
            ),
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
            "Et kort opphold der helsepersonell kartlegger helse og funksjon, for å finne "
            "ut hvilken hjelp du trenger videre.",
            "Eit kort opphald der helsepersonell kartlegg helse og funksjon, for å finne "
            "ut kva hjelp du treng vidare.",
            "A short stay where health staff assess your health and function, to find out "
            "what help you need next.",
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
                    "For deg med uavklart helsetilstand eller funksjon, for eksempel etter "
                    "sykehusopphold, når kartleggingen ikke kan gjøres forsvarlig i hjemmet.",
                    "For deg med uavklart helsetilstand eller funksjon, til dømes etter "
                    "sjukehusopphald, når kartlegginga ikkje kan gjerast forsvarleg i heimen.",
                    "For people whose health or function is unclear, for example after a "
                    "hospital stay, when the assessment cannot be done safely at home.",
                ),
                [c("need_level", "in", ["moderate_to_large", "extensive"])],
                f"{PLAN}, kap. 5.5",
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
            "Planlagte opphold i sykehjem, for eksempel én uke av fire, slik at pårørende som "
            "gir mye omsorg får hvile.",
            "Planlagde opphald i sjukeheim, til dømes éi veke av fire, slik at pårørande som "
            "gir mykje omsorg får kvile.",
            "Planned stays in a nursing home, for example one week in four, so that relatives "
            "who give a lot of care can rest.",
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
                    "trenger tilsyn og pleie som ikke kan gis av andre i hjemmet.",
                    "For pårørande med særleg tyngjande omsorgsarbeid når den som får omsorg "
                    "treng tilsyn og pleie som ikkje kan givast av andre i heimen.",
                    "For relatives with especially heavy caring work when the person cared for "
                    "needs supervision and care that others cannot give at home.",
                ),
                [
                    c("relative_care_burden", "==", True),
                    c("need_level", "in", ["moderate_to_large", "extensive"]),
                ],
                f"{PLAN}, kap. 5.5",
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
            "Lindrende behandling og omsorg i livets siste fase, med plass for pårørende "
            "som vil være til stede.",
            "Lindrande behandling og omsorg i den siste fasen av livet, med plass for "
            "pårørande som vil vere til stades.",
            "Palliative treatment and care at the end of life, with room for relatives who "
            "want to be present.",
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
                    "For people in the palliative phase who need symptom relief and supervision "
                    "that cannot be given safely at home, or who wish it.",
                ),
                [c("is_palliative", "==", True)],
                f"{PLAN}, kap. 5.5",
            )
        ],
    ),
    service(
        "kad",
        "5",
        t(
            "Kommunal akutt døgnenhet (KAD)",
            "Kommunal akutt døgneining (KAD)",
            "Municipal acute 24-hour unit (KAD)",
        ),
        t(
            "Døgnopphold for observasjon, behandling og tilsyn før eller i stedet for et "
            "sykehusopphold. Lege eller legevakt legger deg inn; du søker ikke selv.",
            "Døgnopphald for observasjon, behandling og tilsyn før eller i staden for eit "
            "sjukehusopphald. Lege eller legevakt legg deg inn; du søkjer ikkje sjølv.",
            "A 24-hour stay for observation, treatment and supervision before or instead of "
            "a hospital stay. A doctor or the emergency clinic admits you; you do not apply.",
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
                    "For pasienter med akutt behov for observasjon eller behandling der "
                    "sykehusinnleggelse ikke er nødvendig, etter vurdering av lege.",
                    "For pasientar med akutt behov for observasjon eller behandling der "
                    "sjukehusinnlegging ikkje er naudsynt, etter vurdering av lege.",
                    "For patients with an acute need for observation or treatment where "
                    "hospital admission is not needed, as judged by a doctor.",
                ),
                [c("acute_need", "==", True)],
                f"{PLAN}, kap. 5.5",
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
            "Fast plass i sykehjem med pleie, behandling og tilsyn hele døgnet, når du ikke "
            "lenger kan bo trygt hjemme.",
            "Fast plass i sjukeheim med pleie, behandling og tilsyn heile døgnet, når du ikkje "
            "lenger kan bu trygt heime.",
            "A permanent place in a nursing home with care, treatment and supervision day and "
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
                    "Langtidsplass gis til personer som har varig behov for døgnkontinuerlig "
                    "helsehjelp som medisinsk behandling, pleie, miljøterapi eller tilsyn. "
                    "Før tildeling av langtidsopphold i sykehjem skal andre alternativer være "
                    "prøvd ut eller vurdert og ikke funnet hensiktsmessig eller forsvarlig.",
                    "Langtidsplass blir gitt til personar som har varig behov for "
                    "døgnkontinuerleg helsehjelp som medisinsk behandling, pleie, miljøterapi "
                    "eller tilsyn. Før tildeling av langtidsopphald i sjukeheim skal andre "
                    "alternativ vere prøvde ut eller vurderte og ikkje funne tenlege eller "
                    "forsvarlege.",
                    "A long-term place is for people with a lasting need for round-the-clock "
                    "care such as medical treatment, nursing, milieu therapy or supervision. "
                    "Before a long-term stay is granted, other options must have been tried or "
                    "considered and found unsuitable or unsafe.",
                ),
                [c("needs_24h_care", "==", True), c("lower_levels_tried", "==", True)],
                f"{PLAN}, kap. 5.5",
            ),
            criteria(
                2,
                V2,
                t(
                    "Som før: varig behov for døgnkontinuerlig helsehjelp, og andre alternativer "
                    "er prøvd ut eller vurdert. I tillegg må bistandsbehovet være omfattende. "
                    "Den som fyller kriteriene, men venter på plass, får vedtak om det og "
                    "forsvarlige tjenester i ventetiden.",
                    "Som før: varig behov for døgnkontinuerleg helsehjelp, og andre alternativ "
                    "er prøvde ut eller vurderte. I tillegg må bistandsbehovet vere omfattande. "
                    "Den som fyller kriteria, men ventar på plass, får vedtak om det og "
                    "forsvarlege tenester i ventetida.",
                    "As before: a lasting need for round-the-clock care, and other options have "
                    "been tried or considered. In addition, the need for help must be extensive. "
                    "Anyone who meets the criteria but is waiting gets a decision saying so and "
                    "safe services while waiting.",
                ),
                [
                    c("needs_24h_care", "==", True),
                    c("lower_levels_tried", "==", True),
                    c("need_level", "==", "extensive"),
                ],
                f"{PLAN}, kap. 5.5; lokal forskrift etter hol § 3-2 a",
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
            "Langtidsplass i en liten, oversiktlig avdeling med personale som har særlig "
            "kompetanse på demens.",
            "Langtidsplass i ei lita, oversiktleg avdeling med personale som har særleg "
            "kompetanse på demens.",
            "A long-term place in a small, calm unit with staff who have special expertise "
            "in dementia.",
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
                    "For personer med demens som har varig behov for døgnkontinuerlig tilsyn "
                    "og som ikke kan få et forsvarlig tilbud i ordinær sykehjemsavdeling eller "
                    "bofellesskap.",
                    "For personar med demens som har varig behov for døgnkontinuerleg tilsyn "
                    "og som ikkje kan få eit forsvarleg tilbod i ordinær sjukeheimsavdeling "
                    "eller bufellesskap.",
                    "For people with dementia who have a lasting need for round-the-clock "
                    "supervision and cannot be cared for safely in an ordinary nursing home "
                    "ward or shared housing.",
                ),
                [
                    c("has_dementia", "==", True),
                    c("needs_24h_care", "==", True),
                    c("lower_levels_tried", "==", True),
                ],
                f"{PLAN}, kap. 5.5",
            )
        ],
    ),
    service(
        "helsehus",
        "5",
        t("Helsehus", "Helsehus", "Health centre"),
        t(
            "Et planlagt helsehus som samler korttidsplasser, KAD og rehabilitering med felles "
            "fagmiljø. Tilbudet er under utredning og kan ikke søkes ennå.",
            "Eit planlagt helsehus som samlar korttidsplassar, KAD og rehabilitering med felles "
            "fagmiljø. Tilbodet er under utgreiing og kan ikkje søkjast enno.",
            "A planned health centre bringing short-term places, acute care and rehabilitation "
            "together with shared expertise. It is under investigation and not yet open for "
            "applications.",
        ),
        requires_decision=True,
        legal_basis=[HOL_3_2_6C, HOL_3_5_3],
        scope_unit="place",
        user_fee=FEE_SHORT_STAY,
        published=False,
        active_from="2027-01-01",
        criteria=[
            criteria(
                1,
                "2027-01-01",
                t(
                    "Utkast: for innbyggere som trenger et tidsavgrenset døgnopphold etter "
                    "sykehusopphold eller ved akutt forverring, med mål om å komme hjem igjen.",
                    "Utkast: for innbyggjarar som treng eit tidsavgrensa døgnopphald etter "
                    "sjukehusopphald eller ved akutt forverring, med mål om å kome heim att.",
                    "Draft: for residents who need a time-limited 24-hour stay after a hospital "
                    "stay or a sudden deterioration, with the aim of returning home.",
                ),
                [any_of(c("is_discharge_ready", "==", True), c("acute_need", "==", True))],
                f"{PLAN}, kap. 5.5 og tiltak «Utrede gevinster ved etablering av helsehus»",
            )
        ],
    ),
]

# The plan gives no counts of places, zones or users: the units and capacities
# below are plausible for about 60,000 inhabitants and are demo data only.
UNITS = [
    {
        "code": "forvaltningskontoret",
        "name": "Forvaltningskontoret for helse og omsorg",
        "kind": "allocation_office",
        "address": "1400 Ski",
        "services": [
            delivers("omsorgsstonad", 45, "persons"),
            delivers("bpa", 1400, "hours_per_week"),
        ],
    },
    {
        "code": "hjemmetjenesten-ski",
        "name": "Hjemmetjenesten Ski",
        "kind": "home_care_zone",
        "address": "1400 Ski",
        "services": [
            delivers("hjemmesykepleie", 180, "persons"),
            delivers("praktisk-bistand", 420, "hours_per_week"),
            delivers("praktisk-bistand-opplaering", 40, "hours_per_week"),
            delivers("hverdagsrehabilitering", 15, "persons"),
            delivers("trygghetsalarm", 380, "persons"),
            delivers("digitalt-tilsyn", 60, "persons"),
            delivers("medisineringsstotte", 70, "persons"),
            delivers("matombringing", 110, "persons"),
            delivers("avlastning", 12, "persons"),
        ],
    },
    {
        "code": "hjemmetjenesten-kolbotn",
        "name": "Hjemmetjenesten Kolbotn",
        "kind": "home_care_zone",
        "address": "1410 Kolbotn",
        "services": [
            delivers("hjemmesykepleie", 200, "persons"),
            delivers("praktisk-bistand", 460, "hours_per_week"),
            delivers("praktisk-bistand-opplaering", 40, "hours_per_week"),
            delivers("hverdagsrehabilitering", 15, "persons"),
            delivers("trygghetsalarm", 420, "persons"),
            delivers("digitalt-tilsyn", 60, "persons"),
            delivers("medisineringsstotte", 80, "persons"),
            delivers("matombringing", 120, "persons"),
            delivers("avlastning", 12, "persons"),
        ],
    },
    {
        "code": "hjemmetjenesten-langhus",
        "name": "Hjemmetjenesten Langhus og Siggerud",
        "kind": "home_care_zone",
        "address": "1405 Langhus",
        "services": [
            delivers("hjemmesykepleie", 130, "persons"),
            delivers("praktisk-bistand", 300, "hours_per_week"),
            delivers("praktisk-bistand-opplaering", 25, "hours_per_week"),
            delivers("hverdagsrehabilitering", 10, "persons"),
            delivers("trygghetsalarm", 260, "persons"),
            delivers("digitalt-tilsyn", 40, "persons"),
            delivers("medisineringsstotte", 50, "persons"),
            delivers("matombringing", 80, "persons"),
            delivers("avlastning", 8, "persons"),
        ],
    },
    {
        "code": "ski-sykehjem",
        "name": "Ski sykehjem",
        "kind": "nursing_home",
        "address": "1400 Ski",
        "services": [
            delivers("langtidsopphold", 72, "places"),
            delivers("skjermet-enhet", 16, "places"),
            delivers("korttidsopphold-rehabilitering", 14, "places"),
            delivers("korttidsopphold-utredning", 6, "places"),
            delivers("korttidsopphold-palliasjon", 4, "places"),
            delivers("kad", 8, "places"),
        ],
    },
    {
        "code": "langhus-bo-og-servicesenter",
        "name": "Langhus bo- og servicesenter",
        "kind": "nursing_home",
        "address": "1405 Langhus",
        "services": [
            delivers("langtidsopphold", 48, "places"),
            delivers("skjermet-enhet", 16, "places"),
            delivers("korttidsopphold-avlastning", 6, "places"),
            delivers("bofellesskap-heldogn", 24, "places"),
        ],
    },
    {
        "code": "sofiemyr-sykehjem",
        "name": "Sofiemyr sykehjem",
        "kind": "nursing_home",
        "address": "1412 Sofiemyr",
        "services": [
            delivers("langtidsopphold", 64, "places"),
            delivers("skjermet-enhet", 8, "places"),
            delivers("korttidsopphold-rehabilitering", 8, "places"),
            delivers("korttidsopphold-utredning", 4, "places"),
            delivers("korttidsopphold-avlastning", 4, "places"),
            delivers("korttidsopphold-palliasjon", 2, "places"),
        ],
    },
    {
        "code": "kolbotn-omsorgsboliger",
        "name": "Kolbotn omsorgsboliger",
        "kind": "care_housing",
        "address": "1410 Kolbotn",
        "services": [
            delivers("omsorgsbolig", 40, "places"),
            delivers("bofellesskap-heldogn", 16, "places"),
        ],
    },
    {
        "code": "ski-omsorgsboliger",
        "name": "Ski omsorgsboliger",
        "kind": "care_housing",
        "address": "1400 Ski",
        "services": [delivers("omsorgsbolig", 36, "places")],
    },
    {
        "code": "dagsenter-ski",
        "name": "Ski dagsenter",
        "kind": "day_centre",
        "address": "1400 Ski",
        "services": [
            delivers("dagsenter", 40, "places"),
            delivers("transport-dagsenter", 30, "persons"),
        ],
    },
    {
        "code": "dagsenter-kolbotn",
        "name": "Kolbotn dagsenter",
        "kind": "day_centre",
        "address": "1410 Kolbotn",
        "services": [
            delivers("dagsenter", 35, "places"),
            delivers("transport-dagsenter", 25, "persons"),
        ],
    },
    {
        "code": "arbeids-og-aktivitetssenter",
        "name": "Arbeids- og aktivitetssenteret",
        "kind": "day_centre",
        "address": "1400 Ski",
        "services": [delivers("tilrettelagt-arbeid", 45, "places")],
    },
    {
        "code": "frisklivssentralen",
        "name": "Frisklivssentralen i Nordre Follo",
        "kind": "health_centre",
        "address": "1400 Ski",
        "services": [
            delivers("frisklivssentral", 250, "persons"),
            delivers("mestringskurs", 150, "persons"),
        ],
    },
    {
        "code": "psykisk-helse-og-rus",
        "name": "Psykisk helse og rus",
        "kind": "other",
        "address": "1410 Kolbotn",
        "services": [
            delivers("rask-psykisk-helsehjelp", 300, "persons"),
            delivers("psykisk-helse-rus-oppfolging", 260, "persons"),
            delivers("stottekontakt", 110, "persons"),
            delivers("aktivitetstilbud", 80, "persons"),
        ],
    },
    {
        "code": "seniorsentrene",
        "name": "Seniorsentrene i Ski og Kolbotn",
        "kind": "other",
        "address": "1400 Ski",
        "services": [
            delivers("seniorsenter", 600, "persons"),
            delivers("aktivitetstilbud", 300, "persons"),
        ],
    },
]

NORDRE_FOLLO = {
    "number": "3207",
    "name": "Nordre Follo",
    "written_language": "nb",
    # Where appeals are sent (demo addresses in the municipality's own form).
    "appeals_to": {
        "name": "Nordre Follo kommune, Tildelingskontoret",
        "postal_address": "Postboks 10, 1401 Ski",
        "digital_address": "Skjema «Klage på vedtak» på nordrefollo.kommune.no (eDialog)",
    },
    "appeals_board": {
        "name": "Klagenemnda i Nordre Follo kommune",
        "postal_address": "Postboks 10, 1401 Ski",
        "digital_address": "Skjema «Klage på vedtak» på nordrefollo.kommune.no (eDialog)",
    },
    "staircase_name": t("Innsatstrappen", "Innsatstrappa", "The service staircase"),
    "staircase_description": t(
        "Tjenestene er rangert i innsatstrappen etter hvor inngripende de er i livet ditt. "
        "Vi finner sammen med deg det beste effektive omsorgsnivået (BEON): verken flere "
        "eller færre tjenester enn du har behov for. Velferdsteknologi og rehabilitering skal "
        "hjelpe deg å klare deg selv lenger.",
        "Tenestene er rangerte i innsatstrappa etter kor inngripande dei er i livet ditt. "
        "Vi finn saman med deg det beste effektive omsorgsnivået (BEON): verken fleire "
        "eller færre tenester enn du har behov for. Velferdsteknologi og rehabilitering skal "
        "hjelpe deg å klare deg sjølv lenger.",
        "Services are ranked on the staircase by how much they intervene in your life. "
        "Together with you we find the best effective level of care (BEON): neither more "
        "nor fewer services than you need. Welfare technology and rehabilitation help you "
        "manage on your own for longer.",
    ),
    "care_levels": CARE_LEVELS,
    "service_types": SERVICE_TYPES,
    "units": UNITS,
}

"""Decision letters as the law asks (fvl §§ 24, 25, 27, 30, 31; pbrl § 7-5; hol § 3-2 a),
read back from the PDF the person gets."""

import io
from collections.abc import Callable
from datetime import date
from typing import Any

import httpx
from pypdf import PdfReader

from dev.testing import auth
from services.intake.tests.conftest import (
    API,
    application_body,
    register_person,
    synthetic_national_id,
)
from services.intake.tests.test_assessments_api import assessment_body
from services.intake.tests.test_decisions_api import application_for, decision_body, draft, make


async def pdf_text(client: httpx.AsyncClient, headers: dict[str, str], decision_id: str) -> str:
    pdf = await client.get(
        f"{API}/decisions/{decision_id}/letter", headers={**headers, "Accept": "application/pdf"}
    )
    assert pdf.status_code == 200, pdf.text
    return " ".join(
        " ".join((page.extract_text() or "").split())
        for page in PdfReader(io.BytesIO(pdf.content)).pages
    )


def refusal(application: dict[str, Any], service_type: str = "hjemmesykepleie") -> dict[str, Any]:
    return decision_body(
        application,
        service_type,
        outcome="refused",
        scope_amount=None,
        starts_on=None,
        review_on=None,
        unit=None,
        contact=None,
    )


async def test_a_refusal_has_no_fee_and_says_how_to_appeal_in_writing_with_help(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    application = await application_for(client, caseworker, ["hjemmesykepleie"])
    decision = await draft(client, caseworker, refusal(application))
    await make(client, caseworker, decision)

    text = await pdf_text(client, caseworker, decision["id"])

    assert "Du får ikke hjemmesykepleie" in text
    assert "Egenandel" not in text
    assert "Klagen må være skriftlig" in text
    assert "hjelper deg gjerne med å skrive klagen" in text
    assert "ikke kan lastes for at den kom for sent" in text and "særlige grunner" in text
    assert "postlagt eller sendt innen fristen" in text
    assert "fire uker fra den dagen du fikk vedtaket" in text
    assert "Helsetjenester i hjemmet er gratis" in text  # the rule, explained in plain words


async def test_a_nynorsk_letter_names_the_law_in_nynorsk_and_explains_it(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    application = await application_for(
        client, caseworker, ["hjemmesykepleie"], preferred_language="nn"
    )
    decision = await draft(client, caseworker, decision_body(application))
    await make(client, caseworker, decision)

    text = await pdf_text(client, caseworker, decision["id"])

    assert "helse- og omsorgstenestelova" in text
    assert "helse- og omsorgstjenesteloven" not in text
    assert "Helsetenester i heimen er gratis" in text
    assert "Klaga må vere skriftleg" in text


async def test_an_omsorgsbolig_is_appealed_to_the_municipal_appeals_board_not_statsforvalteren(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    application = await application_for(client, caseworker, ["omsorgsbolig"])
    decision = await draft(client, caseworker, refusal(application, "omsorgsbolig"))

    text = await pdf_text(client, caseworker, decision["id"])

    assert "klagenemnd" in text
    assert "Statsforvalteren" not in text
    assert decision["rights"]["long_term_stay"] is None
    assert "boligsosialloven" in text and "§ 6" in text


async def test_a_long_term_place_with_none_free_is_a_waiting_list_letter(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 3, 20))
    application = await application_for(client, caseworker, ["langtidsopphold"])
    body = decision_body(
        application,
        "langtidsopphold",
        scope_amount=None,
        place_available=False,
        lower_levels=[
            {
                "service_type": "hjemmesykepleie",
                "status": "tried",
                "why_not_enough": "Utrygg om natten.",
            }
        ],
    )
    decision = await draft(client, caseworker, body)
    await make(client, caseworker, decision)

    text = await pdf_text(client, caseworker, decision["id"])

    assert "fyller kriteriene for langtidsopphold i sykehjem" in text
    assert "står på venteliste fra 20. mars 2026" in text
    assert "forsvarlige tjenester" in text
    assert "Du får langtidsopphold" not in text
    assert "Hjemmesykepleie: Utrygg om natten" in text  # a service name, never its code


async def test_bpa_granted_at_66_gives_a_right_that_continues_at_70(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
) -> None:
    """pbrl § 2-1 d as amended from 1 July 2020: the right continues after 67 for a person
    granted BPA before turning 67."""
    person = await register_person(
        client, caseworker, national_id=synthetic_national_id(date(1956, 6, 1))
    )
    lower = [
        {
            "service_type": "hjemmesykepleie",
            "status": "considered",
            "why_not_enough": "Stort behov.",
        }
    ]

    async def bpa_decision(on: date) -> dict[str, Any]:
        today_is(on)
        body = application_body(
            person["id"], received_on=on.isoformat(), services=[{"service_type": "bpa"}]
        )
        application = (
            await client.post(f"{API}/applications", json=body, headers=caseworker)
        ).json()
        await client.post(
            f"{API}/applications/{application['id']}/assessments",
            json=assessment_body(
                assessed_on=on.isoformat(), assessed_hours_per_week=35, expected_duration_months=60
            ),
            headers=caseworker,
        )
        decision = await draft(
            client,
            caseworker,
            decision_body(
                application,
                "bpa",
                scope_amount=35,
                starts_on=on.isoformat(),
                review_on=date(on.year + 1, 1, 15).isoformat(),
                lower_levels=lower,
            ),
        )
        await make(client, caseworker, decision)
        return decision

    at_66 = await bpa_decision(date(2022, 9, 1))
    at_70 = await bpa_decision(date(2026, 9, 1))

    assert at_66["rights"]["bpa"]["reason_code"] == "under_67_32_hours"
    assert at_70["rights"]["bpa"]["right"] == "applies"
    assert at_70["rights"]["bpa"]["reason_code"] == "continues_after_67"
    text = await pdf_text(client, caseworker, at_70["id"])
    assert "retten fortsetter etter 67" in text


async def test_bpa_hours_needing_two_helpers_are_left_out_of_the_right_and_the_letter_says_so(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    """pbrl § 2-1 d: 30 hours of which 8 need two helpers at a time: 22 count, below 25, no
    right; the letter says which hours counted and why the rest did not."""
    application = await application_for(
        client, caseworker, ["bpa"], national_id=synthetic_national_id(date(1990, 3, 4))
    )
    on = application["received_on"]
    too_many = await client.post(
        f"{API}/applications/{application['id']}/assessments",
        json=assessment_body(
            assessed_on=on,
            assessed_hours_per_week=30,
            two_helper_hours_per_week=25,
            night_hours_per_week=6,
            expected_duration_months=60,
        ),
        headers=caseworker,
    )
    assert too_many.status_code == 422, too_many.text
    assert too_many.headers["content-type"].startswith("application/problem+json")
    recorded = await client.post(
        f"{API}/applications/{application['id']}/assessments",
        json=assessment_body(
            assessed_on=on,
            assessed_hours_per_week=30,
            two_helper_hours_per_week=8,
            expected_duration_months=60,
        ),
        headers=caseworker,
    )
    assert recorded.status_code == 201, recorded.text
    assert recorded.json()["two_helper_hours_per_week"] == 8

    decision = await draft(client, caseworker, refusal(application, "bpa") | {"lower_levels": []})

    bpa = decision["rights"]["bpa"]
    assert (bpa["hours_assessed"], bpa["hours_counted"], bpa["hours_two_helpers"]) == (30, 22, 8)
    assert bpa["right"] == "does_not_apply" and bpa["reason_code"] == "under_25_hours"
    await make(client, caseworker, decision)
    text = await pdf_text(client, caseworker, decision["id"])
    assert "Av 30 timer personlig assistanse i uken teller 22 timer med" in text
    assert "8 timer der du trenger mer enn én hjelper samtidig, teller ikke med" in text


async def test_bpa_applied_for_first_at_70_gives_no_right(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    person = await register_person(
        client, caseworker, national_id=synthetic_national_id(date(1955, 1, 10))
    )
    body = application_body(person["id"], services=[{"service_type": "bpa"}])
    application = (await client.post(f"{API}/applications", json=body, headers=caseworker)).json()
    await client.post(
        f"{API}/applications/{application['id']}/assessments",
        json=assessment_body(assessed_hours_per_week=40, expected_duration_months=60),
        headers=auth(token_factory("saksbehandler", municipality=municipality)),
    )
    decision = await draft(
        client,
        caseworker,
        refusal(application, "bpa")
        | {
            "lower_levels": [
                {"service_type": "praktisk-bistand", "status": "tried", "why_not_enough": "x"}
            ]
        },
    )

    assert decision["rights"]["bpa"]["right"] == "does_not_apply"
    assert decision["rights"]["bpa"]["reason_code"] == "over_67"


async def test_a_foreløpig_svar_is_stored_printed_and_renewed_when_its_date_passes(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
) -> None:
    """fvl § 11 a: the reason and the expected date are kept, printed in the person's
    language, and when the date comes without a decision the worklist asks for a new reply."""
    application = await application_for(
        client, caseworker, ["hjemmesykepleie"], preferred_language="nn"
    )
    early = await client.get(
        f"{API}/applications/{application['id']}/interim-reply/letter", headers=caseworker
    )
    recorded = await client.post(
        f"{API}/applications/{application['id']}/interim-reply",
        json={
            "sent_on": "2026-04-08",
            "expected_decision_by": "2026-05-06",
            "reason": "Vi ventar på epikrise frå sjukehuset.",
        },
        headers={**caseworker, "If-Match": f'"{application["version"]}"'},
    )
    text = await interim_pdf_text(client, caseworker, application["id"])
    today_is(date(2026, 5, 7))
    worklist = (await client.get(f"{API}/worklist", headers=caseworker)).json()["items"]

    assert early.status_code == 409
    assert recorded.json()["interim_reply_reason"] == "Vi ventar på epikrise frå sjukehuset."
    assert recorded.json()["expected_decision_by"] == "2026-05-06"
    assert "Førebels svar" in text and "6. mai 2026" in text
    assert "forvaltningslova § 11 a" in text
    renewals = [
        item
        for item in worklist
        if item["kind"] == "interim_reply_renewal_due" and item["subject_id"] == application["id"]
    ]
    assert renewals and renewals[0]["overdue"] is True


async def interim_pdf_text(
    client: httpx.AsyncClient, headers: dict[str, str], application_id: str
) -> str:
    pdf = await client.get(
        f"{API}/applications/{application_id}/interim-reply/letter",
        headers={**headers, "Accept": "application/pdf"},
    )
    assert pdf.status_code == 200, pdf.text
    return " ".join(
        " ".join((page.extract_text() or "").split())
        for page in PdfReader(io.BytesIO(pdf.content)).pages
    )


async def test_in_avlastning_the_caregiver_is_the_party_who_gets_the_decision(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    """pbrl § 2-8: the person with the especially heavy caring work is the party."""
    person = await register_person(client, caseworker, given_name="Lars", family_name="Berg")
    without = await client.post(
        f"{API}/applications",
        json=application_body(person["id"], services=[{"service_type": "avlastning"}]),
        headers=caseworker,
    )
    body = application_body(
        person["id"],
        services=[{"service_type": "avlastning"}],
        caregiver={
            "name": "Mona Berg",
            "relation": "kone",
            "address": {"street": "Fjellveien 2", "postcode": "1400", "city": "Ski"},
            "phone": "+47 41 23 45 67",
        },
    )
    application = (await client.post(f"{API}/applications", json=body, headers=caseworker)).json()
    decision = await draft(
        client, caseworker, decision_body(application, "avlastning", scope_amount=2)
    )

    text = await pdf_text(client, caseworker, decision["id"])

    assert without.status_code == 422
    assert without.json()["errors"][0]["field"] == "body.caregiver"
    assert application["caregiver"]["name"] == "Mona Berg"
    assert decision["addressee"]["name"] == "Mona Berg"
    assert "Mona Berg Fjellveien 2" in text
    assert "Vedtaket gjelder omsorgsarbeidet ditt for Lars Berg" in text

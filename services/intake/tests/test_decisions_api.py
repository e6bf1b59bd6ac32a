"""Decisions over HTTP: drafted against the catalogue, made once, delivered, with deadlines."""

from collections.abc import Callable
from datetime import date
from typing import Any

import httpx
import pytest

from dev.testing import auth, walk_pages
from services.intake.tests.conftest import (
    API,
    application_body,
    register_person,
    synthetic_national_id,
)
from services.intake.tests.test_assessments_api import assessment_body, scores


async def application_for(
    client: httpx.AsyncClient, caseworker: dict[str, str], services: list[str], **person: Any
) -> dict[str, Any]:
    registered = await register_person(client, caseworker, **person)
    body = application_body(registered["id"], services=[{"service_type": s} for s in services])
    created = await client.post(f"{API}/applications", json=body, headers=caseworker)
    assert created.status_code == 201, created.text
    return created.json()  # type: ignore[no-any-return]


def decision_body(
    application: dict[str, Any], service_type: str = "hjemmesykepleie", **overrides: Any
) -> dict[str, Any]:
    body = {
        "application_id": application["id"],
        "service_type": service_type,
        "outcome": "granted",
        "scope_amount": 3.5,
        "starts_on": "2026-04-01",
        "review_on": "2026-10-01",
        "unit": "hjemmetjenesten-ski",
        "contact": {"name": "Aisha Rahman", "unit": "Hjemmetjenesten Ski", "phone": "64 87 00 00"},
        "facts": "Bor alene i egen bolig. ADL-gjennomsnitt 3. Datteren handler på lørdager.",
        "considerations": "Trenger hjelp morgen og kveld for å kunne bo hjemme, som er det viktigste for henne.",
    }
    return {**body, **overrides}


async def make(
    client: httpx.AsyncClient, headers: dict[str, str], decision: dict[str, Any]
) -> httpx.Response:
    return await client.post(
        f"{API}/decisions/{decision['id']}/make",
        headers={**headers, "If-Match": f'"{decision["version"]}"'},
    )


async def draft(
    client: httpx.AsyncClient, headers: dict[str, str], body: dict[str, Any]
) -> dict[str, Any]:
    response = await client.post(f"{API}/decisions", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def test_a_decision_cites_the_criteria_version_and_legal_basis_from_the_catalogue(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    application = await application_for(client, caseworker, ["hjemmesykepleie"])

    decision = await draft(client, caseworker, decision_body(application))

    assert decision["status"] == "draft"
    assert decision["criteria"]["version"] == 1
    assert decision["legal_basis"][0]["short"] == "hol"
    assert decision["appeal_deadline"] is None
    assert decision["review_due"] == "2026-10-01"


async def test_made_delivered_decision_gets_its_appeal_deadline_and_closes_the_application(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 3, 5))
    application = await application_for(client, caseworker, ["hjemmesykepleie"])
    decision = await draft(client, caseworker, decision_body(application))

    made = await make(client, caseworker, decision)
    delivered = await client.post(
        f"{API}/decisions/{decision['id']}/delivery",
        json={"method": "post", "sent_on": "2026-03-06", "received_on": "2026-03-09"},
        headers={**caseworker, "If-Match": f'"{made.json()["version"]}"'},
    )

    assert made.status_code == 200 and made.json()["status"] == "made"
    assert delivered.status_code == 200
    assert delivered.json()["appeal_deadline"] == "2026-04-07"  # 6 April 2026 is Easter Monday
    assert (await client.get(f"{API}/applications/{application['id']}", headers=caseworker)).json()[
        "status"
    ] == "decided"


async def test_a_made_decision_is_immutable_and_a_change_is_a_new_decision(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    application = await application_for(client, caseworker, ["hjemmesykepleie"])
    decision = await draft(client, caseworker, decision_body(application))
    made = (await make(client, caseworker, decision)).json()

    edit = await client.patch(
        f"{API}/decisions/{decision['id']}",
        json={
            k: v
            for k, v in decision_body(application, scope_amount=5).items()
            if k not in ("application_id", "service_type")
        },
        headers={**caseworker, "If-Match": f'"{made["version"]}"'},
    )
    second = await client.post(
        f"{API}/decisions", json=decision_body(application), headers=caseworker
    )
    change = await client.post(
        f"{API}/decisions",
        json=decision_body(application, scope_amount=5, replaces_id=decision["id"]),
        headers=caseworker,
    )

    assert edit.status_code == 409
    assert second.status_code == 409
    assert change.status_code == 201 and change.json()["replaces_id"] == decision["id"]


async def test_a_stale_edit_of_a_draft_is_a_412(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    application = await application_for(client, caseworker, ["hjemmesykepleie"])
    decision = await draft(client, caseworker, decision_body(application))
    fields = {
        k: v
        for k, v in decision_body(application, scope_amount=4).items()
        if k not in ("application_id", "service_type")
    }

    first = await client.patch(
        f"{API}/decisions/{decision['id']}", json=fields, headers={**caseworker, "If-Match": '"1"'}
    )
    stale = await client.patch(
        f"{API}/decisions/{decision['id']}", json=fields, headers={**caseworker, "If-Match": '"1"'}
    )

    assert first.status_code == 200 and first.json()["scope_amount"] == 4
    assert stale.status_code == 412


async def test_a_long_term_place_without_lower_levels_documented_is_refused(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    application = await application_for(client, caseworker, ["langtidsopphold"])
    body = decision_body(application, "langtidsopphold", scope_amount=None, unit="ski-sykehjem")

    refused = await client.post(f"{API}/decisions", json=body, headers=caseworker)
    documented = await client.post(
        f"{API}/decisions",
        json={
            **body,
            "place_available": False,
            "lower_levels": [
                {
                    "service_type": "hjemmesykepleie",
                    "status": "tried",
                    "why_not_enough": "Falt tre ganger om natten tross fire besøk i døgnet.",
                },
                {
                    "service_type": "korttidsopphold-rehabilitering",
                    "status": "tried",
                    "why_not_enough": "Ikke bedring etter tre uker.",
                },
            ],
        },
        headers=caseworker,
    )

    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "body.lower_levels"
    assert documented.status_code == 201
    assert "long_term_stay" in documented.json()["rights"]


async def test_a_granted_long_term_place_with_none_free_goes_on_the_waiting_list(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
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

    feed = (
        await client.get(
            f"{API}/events",
            headers=auth(token_factory("systemintegrasjon", municipality=municipality)),
        )
    ).json()
    types = [e["type"] for e in feed["items"]]
    assert "decision.made" in types and "waiting_list.changed" in types


async def test_a_short_stay_states_its_end(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    application = await application_for(client, caseworker, ["korttidsopphold-rehabilitering"])

    response = await client.post(
        f"{API}/decisions",
        json=decision_body(application, "korttidsopphold-rehabilitering", scope_amount=None),
        headers=caseworker,
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.ends_on"


async def test_the_bpa_right_is_shown_from_the_assessment(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    from services.intake.tests.conftest import synthetic_national_id

    application = await application_for(
        client, caseworker, ["bpa"], national_id=synthetic_national_id(date(1980, 2, 1))
    )
    await client.post(
        f"{API}/applications/{application['id']}/assessments",
        json=assessment_body(assessed_hours_per_week=35, expected_duration_months=60),
        headers=caseworker,
    )
    body = decision_body(
        application,
        "bpa",
        scope_amount=35,
        lower_levels=[
            {
                "service_type": "hjemmesykepleie",
                "status": "considered",
                "why_not_enough": "Ønsker å styre hjelpen selv; behovet er stort og langvarig.",
            }
        ],
    )

    decision = await draft(client, caseworker, body)

    assert decision["rights"]["bpa"]["right"] == "applies"
    assert decision["rights"]["bpa"]["law"] == "pbrl § 2-1 d"


async def test_four_eyes_needs_a_second_caseworker(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    admin = auth(token_factory("admin", municipality=municipality))
    settings = await client.put(
        f"{API}/settings", json={"four_eyes": True}, headers={**admin, "If-Match": '"0"'}
    )
    application = await application_for(client, caseworker, ["hjemmesykepleie"])
    decision = await draft(client, caseworker, decision_body(application))
    alone = await make(client, caseworker, decision)
    submitted = (
        await client.post(
            f"{API}/decisions/{decision['id']}/submit",
            headers={**caseworker, "If-Match": '"1"'},
        )
    ).json()
    self_approval = await make(client, caseworker, submitted)
    colleague = auth(token_factory("saksbehandler", municipality=municipality, sub="kollega"))
    approved = await make(client, colleague, submitted)

    assert settings.status_code == 200 and settings.json()["four_eyes"] is True
    assert alone.status_code == 409
    assert submitted["status"] == "ready_for_approval"
    # The screen hides «Godkjenn» from whoever drafted or sent it; the read says who that is.
    assert submitted["submitted_by"] == submitted["drafted_by"] is not None
    assert submitted["submitted_by"] != "kollega"
    assert self_approval.status_code == 403
    assert approved.status_code == 200 and approved.json()["made_by_name"] == "Test Testesen"


async def test_the_four_eyes_setting_is_data_an_admin_changes_with_if_match(
    client: httpx.AsyncClient, token_factory: Callable[..., str], municipality: str
) -> None:
    admin = auth(token_factory("admin", municipality=municipality))
    caseworker = auth(token_factory("saksbehandler", municipality=municipality))

    before = (await client.get(f"{API}/settings", headers=caseworker)).json()
    by_caseworker = await client.put(
        f"{API}/settings", json={"four_eyes": True}, headers={**caseworker, "If-Match": '"0"'}
    )
    saved = await client.put(
        f"{API}/settings", json={"four_eyes": True}, headers={**admin, "If-Match": '"0"'}
    )
    stale = await client.put(
        f"{API}/settings", json={"four_eyes": False}, headers={**admin, "If-Match": '"0"'}
    )

    assert before["four_eyes"] is False and before["version"] == 0
    assert before["need_level_rule"]["version"] == 0
    assert before["need_level_rule"]["source"].startswith("Kommunens egen regel")
    assert by_caseworker.status_code == 403
    assert saved.json()["four_eyes"] is True and saved.json()["version"] == 1
    assert stale.status_code == 412


async def test_suggestions_put_the_lowest_fitting_level_first(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    application = await application_for(client, caseworker, ["hjemmesykepleie"])
    await client.post(
        f"{API}/applications/{application['id']}/assessments",
        json=assessment_body(scores=scores(3), fall_risk="high"),
        headers=caseworker,
    )

    suggestions = (
        await client.get(f"{API}/applications/{application['id']}/suggestions", headers=caseworker)
    ).json()

    met = [s for s in suggestions if s["met"]]
    assert met[0]["service_type"] == "trygghetsalarm" and met[0]["lowest"] is True
    assert "hjemmesykepleie" in [s["service_type"] for s in met]
    assert "praktisk-bistand" not in [s["service_type"] for s in suggestions]
    assert met[0]["reasons"][0]["metric"] == "has_fall_risk"


@pytest.mark.parametrize("role", ["koordinator", "leder"])
async def test_other_roles_read_decisions_but_never_decide(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    headers_for: Callable[[str], dict[str, str]],
    role: str,
) -> None:
    application = await application_for(client, caseworker, ["hjemmesykepleie"])
    decision = await draft(client, caseworker, decision_body(application))

    read = await client.get(f"{API}/decisions/{decision['id']}", headers=headers_for(role))
    write = await make(client, headers_for(role), decision)

    assert read.status_code == 200
    assert write.status_code == 403


async def test_an_integration_reads_a_decision_without_its_facts_or_considerations(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    headers_for: Callable[[str], dict[str, str]],
) -> None:
    application = await application_for(client, caseworker, ["hjemmesykepleie"])
    body = decision_body(application)
    decision = await draft(client, caseworker, body)
    integration = headers_for("systemintegrasjon")

    whole = await client.get(f"{API}/decisions/{decision['id']}", headers=integration)
    one = await client.get(f"{API}/integration/decisions/{decision['id']}", headers=integration)
    listed = await client.get(
        f"{API}/integration/decisions",
        params={"person_id": decision["person"]["id"]},
        headers=integration,
    )

    assert whole.status_code == 403
    assert one.status_code == 200, one.text
    assert one.json()["service_type"] == "hjemmesykepleie"
    assert one.json()["person_id"] == decision["person"]["id"]
    assert one.json()["scope_amount"] == 3.5 and one.json()["starts_on"] == "2026-04-01"
    assert [d["id"] for d in listed.json()["items"]] == [decision["id"]]
    for answer in (one.text, listed.text):
        for text in (body["facts"], body["considerations"], "Aisha Rahman"):
            assert text not in answer
    assert not {"facts", "considerations", "purpose", "person", "contact"} & set(one.json())


async def test_the_decisions_list_shows_each_decision_without_its_justification(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    """A list item is who, what and when (`DecisionListItem`); the facts, considerations,
    legal basis and rights are on the decision itself, which the list links to."""
    application = await application_for(client, caseworker, ["hjemmesykepleie"])
    body = decision_body(application)
    decision = await draft(client, caseworker, body)
    made = (await make(client, caseworker, decision)).json()

    listed = await client.get(
        f"{API}/decisions", params={"person_id": decision["person"]["id"]}, headers=caseworker
    )
    whole = await client.get(f"{API}/decisions/{decision['id']}", headers=caseworker)

    assert listed.status_code == 200, listed.text
    [item] = listed.json()["items"]
    assert item["person_id"] == item["person"]["id"] == made["person"]["id"]
    assert {k: item[k] for k in ("status", "outcome", "service_name", "version")} == {
        k: made[k] for k in ("status", "outcome", "service_name", "version")
    }
    assert item["scope_amount"] == 3.5 and item["starts_on"] == "2026-04-01"
    assert not {"facts", "considerations", "legal_basis", "rights", "contact"} & set(item)
    # the person as the decision shows them, the national id masked (the list reads it whole)
    assert item["person"] == made["person"] and item["review_due"] == made["review_due"]
    person = (await client.get(f"{API}/persons/{made['person']['id']}", headers=caseworker)).json()
    assert person["national_id"] not in listed.text
    for text in (body["facts"], body["considerations"]):
        assert text not in listed.text
        assert text in whole.text


async def test_admin_reads_no_person_s_data(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    headers_for: Callable[[str], dict[str, str]],
) -> None:
    application = await application_for(client, caseworker, ["hjemmesykepleie"])
    decision = await draft(client, caseworker, decision_body(application))
    admin = headers_for("admin")
    person = decision["person"]["id"]

    answers = [
        await client.get(path, headers=admin)
        for path in (
            f"{API}/persons/{person}",
            f"{API}/persons",
            f"{API}/applications/{application['id']}",
            f"{API}/decisions/{decision['id']}",
            f"{API}/integration/decisions/{decision['id']}",
            f"{API}/events",
        )
    ]

    assert [a.status_code for a in answers] == [403] * len(answers)


async def test_a_clinician_sees_only_decisions_of_their_unit(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    application = await application_for(client, caseworker, ["hjemmesykepleie", "praktisk-bistand"])
    ours = await draft(client, caseworker, decision_body(application))
    theirs = await draft(
        client,
        caseworker,
        decision_body(application, "praktisk-bistand", unit="hjemmetjenesten-kolbotn"),
    )
    nurse = auth(
        token_factory("helsepersonell", municipality=municipality, units=["hjemmetjenesten-ski"])
    )

    async def listed() -> list[str]:
        return [
            d["id"] for d in (await client.get(f"{API}/decisions", headers=nurse)).json()["items"]
        ]

    # A draft names the unit but does not yet make it serve the person: need to know comes
    # with the made decision (or the unit being asked to assess).
    assert await listed() == []
    assert (await make(client, caseworker, ours)).status_code == 200
    other = await client.get(f"{API}/decisions/{theirs['id']}", headers=nurse)

    assert await listed() == [ours["id"]]
    assert other.status_code == 403


async def test_the_letter_pdf_holds_the_appeal_deadline_the_appeal_body_and_the_justification(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
) -> None:
    import io

    from pypdf import PdfReader

    today_is(date(2026, 3, 5))
    application = await application_for(client, caseworker, ["hjemmesykepleie"])
    decision = await draft(client, caseworker, decision_body(application))
    made = (await make(client, caseworker, decision)).json()
    await client.post(
        f"{API}/decisions/{decision['id']}/delivery",
        json={"method": "digital", "sent_on": "2026-03-06", "received_on": "2026-03-09"},
        headers={**caseworker, "If-Match": f'"{made["version"]}"'},
    )

    pdf = await client.get(
        f"{API}/decisions/{decision['id']}/letter",
        headers={**caseworker, "Accept": "application/pdf"},
    )
    html = await client.get(f"{API}/decisions/{decision['id']}/letter", headers=caseworker)

    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = " ".join(
        " ".join((page.extract_text() or "").split())
        for page in PdfReader(io.BytesIO(pdf.content)).pages
    )
    assert "Klagefristen er 7. april 2026" in text
    assert "Statsforvalteren" in text
    assert "ADL-gjennomsnitt 3" in text
    assert "helse- og omsorgstjenesteloven" in text
    assert "versjon 1" in text
    assert "Aisha Rahman" in text
    assert "Hjemmetjenesten Ski" in text and "hjemmetjenesten-ski" not in text  # never a code
    assert "forvaltningsloven § 18" in text
    assert html.headers["content-type"].startswith("text/html")
    assert "<h1>Vedtak om hjemmesykepleie</h1>" in html.text


async def test_a_draft_letter_is_marked_as_a_draft_and_states_the_deadline_rule(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    application = await application_for(
        client, caseworker, ["hjemmesykepleie"], preferred_language="nn"
    )
    decision = await draft(client, caseworker, decision_body(application))

    html = (await client.get(f"{API}/decisions/{decision['id']}/letter", headers=caseworker)).text

    assert "UTKAST" in html
    assert "fire veker frå den dagen du fekk vedtaket" in html
    assert decision["language"] == "nn"


async def _walk(
    client: httpx.AsyncClient, headers: dict[str, str], path: str, **params: Any
) -> list[str]:
    return await walk_pages(client, f"{API}{path}", headers, **params)


async def test_lists_built_once_page_each_filter_with_its_own_values(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    """The decisions list and the searches by birth date and national id are statements
    built once, their filters, cursor and limit bound when run: each page holds what its
    own request asked for, in order, and the cursors walk the whole list without repeats."""
    born = date(1941, 5, 17)
    application = await application_for(
        client,
        caseworker,
        ["hjemmesykepleie", "praktisk-bistand", "trygghetsalarm"],
        national_id=synthetic_national_id(born),
        family_name="Brekke",
    )
    ski, kolbotn = "hjemmetjenesten-ski", "hjemmetjenesten-kolbotn"
    drafts = [
        await draft(client, caseworker, decision_body(application, service, unit=unit))
        for service, unit in (
            ("hjemmesykepleie", ski),
            ("praktisk-bistand", kolbotn),
            ("trygghetsalarm", ski),
        )
    ]
    for decision in drafts[:2]:
        assert (await make(client, caseworker, decision)).status_code == 200
    other = await application_for(client, caseworker, ["hjemmesykepleie"])
    made_elsewhere = await draft(client, caseworker, decision_body(other))
    assert (await make(client, caseworker, made_elsewhere)).status_code == 200
    person = drafts[0]["person"]["id"]
    ids = [d["id"] for d in drafts]
    nurse = auth(token_factory("helsepersonell", municipality=municipality, units=[ski]))

    assert await _walk(client, caseworker, "/decisions", person_id=person) == ids
    assert await _walk(client, caseworker, "/decisions", person_id=person, status="made") == ids[:2]
    assert await _walk(client, caseworker, "/decisions") == [*ids, made_elsewhere["id"]]
    # the nurse's unit delivers the first and the draft; the person is served by a made one
    assert await _walk(client, nurse, "/decisions") == [ids[0], ids[2], made_elsewhere["id"]]
    assert await _walk(client, nurse, "/decisions", person_id=person) == [ids[0], ids[2]]

    twins = [
        await register_person(
            client,
            caseworker,
            national_id=synthetic_national_id(born),
            family_name=family,
            given_name="Eli",
        )
        for family in ("Aas", "Zahl")
    ]
    by_birth_date = await _walk(client, caseworker, "/persons", q=born.strftime("%d%m%y"))
    national_id = twins[1]["national_id"]

    assert by_birth_date == [twins[0]["id"], person, twins[1]["id"]]
    assert await _walk(client, caseworker, "/persons", q=national_id) == [twins[1]["id"]]
    assert await _walk(client, caseworker, "/persons", q=born.strftime("%d.%m.%Y")) == by_birth_date

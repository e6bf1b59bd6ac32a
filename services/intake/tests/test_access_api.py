"""Need to know that expires, reviewed emergency access, and who reads a person's access log."""

import csv
import io
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import text

from dev.testing import auth, tenant_connection
from services.intake.tests.conftest import API, application_body, register_person
from services.intake.tests.test_decisions_api import application_for, decision_body, draft, make
from shared.need_to_know import RELATION_WINDOW

UNIT = "hjemmetjenesten-ski"
REASON = "Funnet falt i gangen, trenger medisinlisten nå"


def clinician(token_factory: Callable[..., str], municipality: str, sub: str) -> dict[str, str]:
    return auth(
        token_factory(
            "helsepersonell",
            municipality=municipality,
            units=[UNIT],
            sub=sub,
            name=f"Sykepleier {sub}",
        )
    )


async def log_of(
    client: httpx.AsyncClient, person_id: str, leader: dict[str, str]
) -> list[dict[str, Any]]:
    page = await client.get(f"{API}/persons/{person_id}/access-log", headers=leader)
    assert page.status_code == 200, page.text
    return page.json()["items"]  # type: ignore[no-any-return]


async def latest_events(
    client: httpx.AsyncClient, token_factory: Callable[..., str], municipality: str, count: int
) -> list[dict[str, Any]]:
    """The feed's newest `count` events, oldest first, as an integration reads them."""
    reader = auth(token_factory("systemintegrasjon", municipality=municipality))
    first = (await client.get(f"{API}/events", params={"limit": 1}, headers=reader)).json()
    after = max(0, first["last_sequence"] - count)
    page = await client.get(f"{API}/events", params={"after": after}, headers=reader)
    return page.json()["items"]  # type: ignore[no-any-return]


async def test_a_decided_service_opens_the_person_from_its_start_until_the_window_after_its_end(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
    headers_for: Callable[[str], dict[str, str]],
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 3, 5))
    application = await application_for(client, caseworker, ["hjemmesykepleie"])
    person_id = application["person"]["id"]
    ends = date(2026, 6, 30)
    body = decision_body(application, ends_on=ends.isoformat(), review_on="2026-05-01")
    drafted = await draft(client, caseworker, body)
    assert (await make(client, caseworker, drafted)).status_code == 200
    nurse = clinician(token_factory, municipality, "sykepleier-vindu")

    async def reads_on(day: date) -> httpx.Response:
        today_is(day)
        return await client.get(f"{API}/persons/{person_id}", headers=nurse)

    before_start = await reads_on(date(2026, 3, 31))
    running = await reads_on(date(2026, 4, 1))
    last_day = await reads_on(ends + timedelta(days=RELATION_WINDOW.days_after_end - 1))
    expired = await reads_on(ends + timedelta(days=RELATION_WINDOW.days_after_end))

    assert before_start.status_code == 403
    assert running.status_code == 200
    assert last_day.status_code == 200
    assert expired.status_code == 403
    assert expired.headers["content-type"] == "application/problem+json"
    assert "tjenstlig behov" in expired.json()["detail"]
    actions = [
        (e["action"], e["actor"]) for e in await log_of(client, person_id, headers_for("leder"))
    ]
    # Refusals are logged (their own transaction survives the 403's rollback), newest first.
    assert actions[:4] == [
        ("refused", "sykepleier-vindu"),
        ("read", "sykepleier-vindu"),
        ("read", "sykepleier-vindu"),
        ("refused", "sykepleier-vindu"),
    ]

    # The unit's decision itself, and its letter, follow the same window: the unit's
    # clinician reads it while the unit serves the person, not once the window has passed.
    decision_url = f"{API}/decisions/{drafted['id']}"

    async def listed() -> list[str]:
        page = await client.get(f"{API}/decisions", params={"person_id": person_id}, headers=nurse)
        assert page.status_code == 200, page.text
        return [item["id"] for item in page.json()["items"]]

    today_is(ends + timedelta(days=RELATION_WINDOW.days_after_end - 1))
    assert (await client.get(decision_url, headers=nurse)).status_code == 200
    assert await listed() == [drafted["id"]]
    today_is(ends + timedelta(days=RELATION_WINDOW.days_after_end))
    assert await listed() == []
    late_decision = await client.get(decision_url, headers=nurse)
    late_letter = await client.get(f"{decision_url}/letter", headers=nurse)
    assert late_decision.status_code == 403
    assert late_decision.headers["content-type"] == "application/problem+json"
    assert late_letter.status_code == 403
    refused = [
        e["resource"]
        for e in await log_of(client, person_id, headers_for("leder"))
        if e["action"] == "refused"
    ]
    assert refused[:2] == ["decision_letter", "decision"]


async def test_the_municipality_chooses_how_long_an_ended_service_keeps_the_relation(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
    headers_for: Callable[[str], dict[str, str]],
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 3, 5))
    application = await application_for(client, caseworker, ["hjemmesykepleie"])
    person_id = application["person"]["id"]
    ends = date(2026, 6, 30)
    body = decision_body(application, ends_on=ends.isoformat(), review_on="2026-05-01")
    assert (
        await make(client, caseworker, await draft(client, caseworker, body))
    ).status_code == 200
    nurse = clinician(token_factory, municipality, "sykepleier-innstilling")
    admin = headers_for("admin")
    today_is(ends + timedelta(days=45))

    defaults = await client.get(f"{API}/settings", headers=admin)
    refused = await client.get(f"{API}/persons/{person_id}", headers=nurse)
    too_long = await client.put(
        f"{API}/settings",
        json={"four_eyes": False, "need_to_know_days_after_end": 181},
        headers={**admin, "If-Match": '"0"'},
    )
    saved = await client.put(
        f"{API}/settings",
        json={"four_eyes": False, "need_to_know_days_after_end": 60},
        headers={**admin, "If-Match": '"0"'},
    )
    opened = await client.get(f"{API}/persons/{person_id}", headers=nurse)
    published = await latest_events(client, token_factory, municipality, 1)

    assert defaults.json()["need_to_know"] == {
        "days_after_end": RELATION_WINDOW.days_after_end,
        "source": RELATION_WINDOW.source,
        "municipality_own": False,
    }
    assert refused.status_code == 403
    assert too_long.status_code == 422
    assert too_long.headers["content-type"] == "application/problem+json"
    assert saved.status_code == 200, saved.text
    assert saved.json()["need_to_know"]["days_after_end"] == 60
    assert saved.json()["need_to_know"]["municipality_own"] is True
    assert opened.status_code == 200, opened.text
    # Coordination and welfare technology follow the same number: it is in the feed.
    assert [(e["type"], e["data"]) for e in published] == [
        ("municipality_settings.changed", {"need_to_know_days_after_end": 60})
    ]


async def test_a_refused_decision_and_a_decided_application_do_not_open_the_person(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 3, 5))
    person = await register_person(client, caseworker)
    body = application_body(person["id"], assessment_unit=UNIT)
    created = await client.post(f"{API}/applications", json=body, headers=caseworker)
    nurse = clinician(token_factory, municipality, "sykepleier-avslag")
    while_open = await client.get(f"{API}/persons/{person['id']}", headers=nurse)
    refused = decision_body(created.json(), outcome="refused", unit=UNIT)
    assert (
        await make(client, caseworker, await draft(client, caseworker, refused))
    ).status_code == 200

    after_refusal = await client.get(f"{API}/persons/{person['id']}", headers=nurse)

    assert while_open.status_code == 200
    assert after_refusal.status_code == 403


async def test_emergency_access_opens_the_person_for_four_hours_with_a_reason_and_is_reviewed(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    token_factory: Callable[..., str],
    municipality: str,
    headers_for: Callable[[str], dict[str, str]],
    database_urls: dict[str, str],
) -> None:
    stranger = await register_person(client, caseworker)
    nurse = clinician(token_factory, municipality, "sykepleier-blalys")
    url = f"{API}/persons/{stranger['id']}"

    without = await client.get(url, headers=nurse)
    too_short = await client.post(
        f"{url}/emergency-access",
        json={"category": "acute_help", "reason": "trenger"},
        headers=nurse,
    )
    few_words = await client.post(
        f"{url}/emergency-access",
        json={"category": "acute_help", "reason": "Akuttsituasjon-medisinliste"},
        headers=nurse,
    )
    by_caseworker = await client.post(
        f"{url}/emergency-access", json={"category": "other", "reason": REASON}, headers=caseworker
    )
    opened = await client.post(
        f"{url}/emergency-access", json={"category": "acute_help", "reason": REASON}, headers=nurse
    )
    during = await client.get(url, headers=nurse)

    assert without.status_code == 403
    assert too_short.status_code == 422
    assert few_words.status_code == 422
    assert few_words.headers["content-type"] == "application/problem+json"
    assert by_caseworker.status_code == 403
    assert opened.status_code == 201, opened.text
    access = opened.json()
    granted = date.fromisoformat(access["granted_at"][:10])
    assert access["review_status"] == "pending"
    assert access["person_name"] == f"{stranger['given_name']} {stranger['family_name']}"
    assert during.status_code == 200
    log = await log_of(client, stranger["id"], headers_for("leder"))
    assert log[1]["reason"] == f"NØDTILGANG (acute_help): {REASON}"
    published = await latest_events(client, token_factory, municipality, 1)
    # The other services learn of it with ids and codes only: no reason in the feed.
    assert [(e["type"], e["subject"], e["data"]) for e in published] == [
        (
            "emergency_access.granted",
            access["id"],
            {
                "access_id": access["id"],
                "person_id": stranger["id"],
                "employee_sub": "sykepleier-blalys",
                "category": "acute_help",
                "valid_until": published[0]["data"]["valid_until"],
            },
        )
    ]
    assert published[0]["data"]["valid_until"][:19] == access["expires_at"][:19]
    assert granted <= date.today() + timedelta(days=1)

    # After four hours it lapses: the same read is refused again.
    async with tenant_connection(database_urls["intake"], municipality) as connection:
        await connection.execute(
            text(
                "UPDATE emergency_accesses SET expires_at = now() - interval '1 second' WHERE id = :id"
            ),
            {"id": access["id"]},
        )
    after = await client.get(url, headers=nurse)
    assert after.status_code == 403

    # The leader of the nurse's unit reviews it; a leader elsewhere does not see it.
    leader = auth(token_factory("leder", municipality=municipality, units=[UNIT], sub="leder-ski"))
    elsewhere = auth(token_factory("leder", municipality=municipality, units=["sykehjem-b"]))
    listed = (await client.get(f"{API}/emergency-accesses", headers=leader)).json()
    not_listed = (await client.get(f"{API}/emergency-accesses", headers=elsewhere)).json()
    review = f"{API}/emergency-accesses/{access['id']}/review"
    stale = await client.post(
        review, json={"decision": "approved"}, headers={**leader, "If-Match": '"99"'}
    )
    no_note = await client.post(
        review,
        json={"decision": "explanation_requested"},
        headers={**leader, "If-Match": f'"{access["version"]}"'},
    )
    not_theirs = await client.post(
        review,
        json={"decision": "approved"},
        headers={**elsewhere, "If-Match": f'"{access["version"]}"'},
    )
    asked = await client.post(
        review,
        json={"decision": "explanation_requested", "note": "Hvem ba deg om å se journalen?"},
        headers={**leader, "If-Match": f'"{access["version"]}"'},
    )
    approved = await client.post(
        review,
        json={"decision": "approved"},
        headers={**leader, "If-Match": f'"{asked.json()["version"]}"'},
    )

    assert access["id"] in [a["id"] for a in listed["items"]]
    assert access["id"] not in [a["id"] for a in not_listed["items"]]
    assert stale.status_code == 412
    assert no_note.status_code == 422
    assert not_theirs.status_code == 403
    assert asked.status_code == 200 and asked.json()["review_status"] == "explanation_requested"
    assert approved.status_code == 200 and approved.json()["review_status"] == "approved"
    assert approved.json()["reviewed_by_name"]


async def test_the_access_log_is_for_leaders_and_the_caseworker_of_the_open_case_paged_and_exported(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
    headers_for: Callable[[str], dict[str, str]],
) -> None:
    own = auth(token_factory("saksbehandler", municipality=municipality, sub="saksbehandler-egen"))
    other = auth(
        token_factory("saksbehandler", municipality=municipality, sub="saksbehandler-annen")
    )
    person = await register_person(client, own)
    url = f"{API}/persons/{person['id']}/access-log"

    before_case = await client.get(url, headers=own)
    body = application_body(person["id"])
    assert (await client.post(f"{API}/applications", json=body, headers=own)).status_code == 201
    for _ in range(3):
        await client.get(f"{API}/persons/{person['id']}", headers=own)
    first = await client.get(url, params={"limit": 2}, headers=own)
    second = await client.get(
        url, params={"limit": 2, "cursor": first.json()["next_cursor"]}, headers=own
    )
    refused = await client.get(url, headers=other)
    as_csv = await client.get(
        f"{url}/export", params={"format": "csv"}, headers=headers_for("leder")
    )
    as_pdf = await client.get(
        f"{url}/export", params={"format": "pdf"}, headers=headers_for("leder")
    )
    latest = await log_of(client, person["id"], headers_for("leder"))

    assert before_case.status_code == 403
    assert first.status_code == 200
    assert len(first.json()["items"]) == 2
    firsts = [e["occurred_at"] for e in first.json()["items"]]
    seconds = [e["occurred_at"] for e in second.json()["items"]]
    assert firsts == sorted(firsts, reverse=True) and max(seconds) <= min(firsts)
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    assert as_csv.status_code == 200
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(as_csv.text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:2] == ["occurred_at", "actor"]
    assert ("saksbehandler-annen", "refused") in {(r[1], r[4]) for r in rows[1:]}
    assert rows[1][4] == "create"
    assert as_pdf.status_code == 200 and as_pdf.content.startswith(b"%PDF")
    assert [(e["action"], e["resource"]) for e in latest[:2]] == [
        ("export", "access_log"),
        ("export", "access_log"),
    ]
    assert all(e["actor"] != "saksbehandler-annen" or e["action"] == "refused" for e in latest)


async def test_a_list_looks_up_its_persons_in_one_call_each_read_logged_and_none_unseen(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
    headers_for: Callable[[str], dict[str, str]],
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 3, 5))
    application = await application_for(client, caseworker, ["hjemmesykepleie"])
    served = application["person"]["id"]
    body = decision_body(application, ends_on="2026-12-31", review_on="2026-09-01")
    assert (
        await make(client, caseworker, await draft(client, caseworker, body))
    ).status_code == 200
    other = (await register_person(client, caseworker))["id"]
    unknown = "00000000-0000-4000-8000-000000000000"
    today_is(date(2026, 4, 2))
    ids = {"ids": [served, other, unknown, served]}

    as_caseworker = await client.post(f"{API}/person-lookups", json=ids, headers=caseworker)
    nurse = clinician(token_factory, municipality, "sykepleier-liste")
    as_nurse = await client.post(f"{API}/person-lookups", json=ids, headers=nurse)
    elsewhere = await client.post(
        f"{API}/person-lookups",
        json=ids,
        headers=auth(token_factory("saksbehandler", municipality="0301")),
    )
    too_many = await client.post(
        f"{API}/person-lookups", json={"ids": [unknown] * 101}, headers=caseworker
    )
    admin = await client.post(f"{API}/person-lookups", json=ids, headers=headers_for("admin"))

    assert as_caseworker.status_code == 200, as_caseworker.text
    assert sorted(p["id"] for p in as_caseworker.json()) == sorted([served, other])
    assert [p["id"] for p in as_nurse.json()] == [served]
    assert elsewhere.status_code == 200 and elsewhere.json() == []
    assert too_many.status_code == 422
    assert too_many.headers["content-type"] == "application/problem+json"
    assert admin.status_code == 403
    served_log = await log_of(client, served, headers_for("leder"))
    assert {e["actor"] for e in served_log if e["reason"] == "navn i en liste"} >= {
        "sykepleier-liste"
    }
    other_log = await log_of(client, other, headers_for("leder"))
    assert "sykepleier-liste" not in {e["actor"] for e in other_log}

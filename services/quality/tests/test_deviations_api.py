"""Deviations over HTTP against real PostgreSQL: the report, the handling, who sees what."""

from collections.abc import Callable
from datetime import date
from typing import Any

import httpx
from sqlalchemy import text

from dev.testing import tenant_connection
from services.quality.tests.conftest import (
    API,
    CLOSING,
    INVESTIGATION,
    OTHER_UNIT,
    UNIT,
    report,
    report_body,
    step,
)

Headers = Callable[..., dict[str, str]]


async def events_of(client: httpx.AsyncClient, headers_for: Headers) -> list[dict[str, Any]]:
    response = await client.get(f"{API}/events", headers=headers_for("systemintegrasjon"))
    assert response.status_code == 200
    return response.json()["items"]  # type: ignore[no-any-return]


async def test_a_nurse_reports_and_the_leader_sees_who_reported_it(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str], today_is: Any
) -> None:
    today_is(date(2026, 3, 12))

    created = await report(client, nurse)
    response = await client.get(f"{API}/deviations/{created['id']}", headers=leader)

    assert response.status_code == 200
    seen = response.json()
    assert response.headers["ETag"] == f'"{seen["version"]}"'
    assert seen["reporter"] == {"sub": "nurse-1", "name": "Aisha Rahman"}
    assert seen["status"] == "reported"
    assert seen["risk_score"] == 6 and seen["risk_level"] == "medium"
    assert seen["acknowledge_by"] == "2026-03-19"
    assert seen["may_handle"] is True
    assert seen["steps"][0]["action"] == "reported"


async def test_a_system_reports_and_lists_its_reports_but_reads_no_deviation_whole(
    client: httpx.AsyncClient, nurse: dict[str, str], headers_for: Headers
) -> None:
    system = headers_for("systemintegrasjon")
    created = await report(client, system)
    colleague_s = await report(client, nurse)

    mine = await client.get(f"{API}/deviations/mine", headers=system)
    reads = [
        await client.get(f"{API}/deviations/{created['id']}", headers=system),
        await client.get(f"{API}/deviations/{colleague_s['id']}", headers=system),
        await client.get(f"{API}/deviations/{created['id']}/references", headers=system),
    ]

    assert [d["id"] for d in mine.json()["items"]] == [created["id"]]
    assert [r.status_code for r in reads] == [403, 403, 403]


async def test_the_whole_handling_and_the_reporter_sees_the_outcome(
    client: httpx.AsyncClient,
    nurse: dict[str, str],
    leader: dict[str, str],
    headers_for: Headers,
) -> None:
    deviation = await report(client, nurse)

    acknowledged = await step(client, leader, deviation, "acknowledge", {"note": "Mottatt"})
    assert acknowledged.status_code == 200, acknowledged.text
    investigated = await step(
        client, leader, acknowledged.json(), "investigation", INVESTIGATION, method="PUT"
    )
    assert investigated.status_code == 200, investigated.text
    action = await client.post(
        f"{API}/deviations/{deviation['id']}/actions",
        json={"description": "Ny rutine", "responsible": "Kari Nordby", "due_on": "2099-01-31"},
        headers=leader,
    )
    assert action.status_code == 201, action.text
    current = (await client.get(f"{API}/deviations/{deviation['id']}", headers=leader)).json()
    closed = await step(client, leader, current, "close", CLOSING)
    assert closed.status_code == 200, closed.text

    mine = (await client.get(f"{API}/deviations/mine", headers=nurse)).json()["items"]
    assert [d["status"] for d in mine if d["id"] == deviation["id"]] == ["closed"]
    seen = (await client.get(f"{API}/deviations/{deviation['id']}", headers=nurse)).json()
    assert seen["outcome_for_reporter"] == CLOSING["outcome_for_reporter"]
    assert seen["may_handle"] is False
    assert [s["action"] for s in seen["steps"]] == [
        "reported",
        "acknowledged",
        "investigated",
        "action_added",
        "closed",
    ]
    assert all(s["actor_name"] for s in seen["steps"])
    types = [e["type"] for e in await events_of(client, headers_for)]
    assert types.count("deviation.reported") == 1
    assert "deviation.acknowledged" in types and "deviation.closed" in types


async def test_a_reported_deviation_cannot_be_closed_without_acknowledgement(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str]
) -> None:
    deviation = await report(client, nurse)

    response = await step(client, leader, deviation, "close", CLOSING)

    assert response.status_code == 409
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_an_acknowledged_deviation_cannot_be_closed_without_an_investigation(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str]
) -> None:
    deviation = await report(client, nurse)
    acknowledged = (await step(client, leader, deviation, "acknowledge", {})).json()

    response = await step(client, leader, acknowledged, "close", CLOSING)

    assert response.status_code == 409


async def test_closing_without_a_learning_summary_is_a_422(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str]
) -> None:
    deviation = await report(client, nurse)
    deviation = (await step(client, leader, deviation, "acknowledge", {})).json()
    deviation = (
        await step(client, leader, deviation, "investigation", INVESTIGATION, method="PUT")
    ).json()

    response = await step(client, leader, deviation, "close", {**CLOSING, "learning_summary": ""})

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.learning_summary"


async def test_an_investigation_without_a_direct_cause_is_a_422(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str]
) -> None:
    deviation = (await step(client, leader, await report(client, nurse), "acknowledge", {})).json()
    body = {
        "investigation": "x",
        "causes": [{"category": "staffing", "is_underlying": True, "description": "x"}],
    }

    response = await step(client, leader, deviation, "investigation", body, method="PUT")

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.causes"


async def test_an_unknown_cause_category_is_a_422(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str]
) -> None:
    deviation = (await step(client, leader, await report(client, nurse), "acknowledge", {})).json()
    body = {"investigation": "x", "causes": [{"category": "bad luck", "description": "x"}]}

    response = await step(client, leader, deviation, "investigation", body, method="PUT")

    assert response.status_code == 422


async def test_reopening_needs_a_reason_and_goes_back_to_investigated(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str]
) -> None:
    deviation = (await step(client, leader, await report(client, nurse), "acknowledge", {})).json()
    deviation = (
        await step(client, leader, deviation, "investigation", INVESTIGATION, method="PUT")
    ).json()
    deviation = (await step(client, leader, deviation, "close", CLOSING)).json()

    without = await step(client, leader, deviation, "reopen", {"reason": ""})
    reopened = await step(client, leader, deviation, "reopen", {"reason": "Skjedde igjen"})

    assert without.status_code == 422
    assert reopened.status_code == 200
    assert reopened.json()["status"] == "investigated"
    assert reopened.json()["steps"][-1]["note"] == "Skjedde igjen"


async def test_a_stale_if_match_is_a_412_and_a_missing_one_a_428(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str], quality_lead: Any
) -> None:
    deviation = await report(client, nurse)
    first = await step(client, leader, deviation, "acknowledge", {})
    assert first.status_code == 200

    stale = await client.patch(
        f"{API}/deviations/{deviation['id']}",
        json={"consequence": 4},
        headers={**quality_lead, "If-Match": f'"{deviation["version"]}"'},
    )
    missing = await client.patch(
        f"{API}/deviations/{deviation['id']}", json={"consequence": 4}, headers=quality_lead
    )

    assert stale.status_code == 412
    assert missing.status_code == 428


async def test_a_handler_regrades_the_risk_and_the_step_records_it(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str]
) -> None:
    deviation = await report(client, nurse)

    response = await client.patch(
        f"{API}/deviations/{deviation['id']}",
        json={"consequence": 4, "probability": 4},
        headers={**leader, "If-Match": f'"{deviation["version"]}"'},
    )

    assert response.status_code == 200
    assert response.json()["risk_level"] == "high"
    assert response.json()["steps"][-1]["note"] == "consequence: 2 → 4, probability: 3 → 4"


async def test_a_colleague_in_the_unit_sees_the_deviation_without_the_reporter(
    client: httpx.AsyncClient,
    nurse: dict[str, str],
    headers_for: Headers,
    database_urls: Any,
    municipality: str,
) -> None:
    person = "6a1f2b1e-0000-4000-8000-000000000001"
    deviation = await report(client, nurse, person_id=person)
    colleague = headers_for("helsepersonell", units=[UNIT], sub="nurse-2")

    response = await client.get(f"{API}/deviations/{deviation['id']}", headers=colleague)

    assert response.status_code == 200
    seen = response.json()
    assert seen["reporter"] is None and seen["reporter_hidden"] is True
    assert seen["person_id"] is None
    assert seen["steps"][0]["actor_name"] is None
    assert "nurse-1" not in response.text and "Aisha" not in response.text


async def test_a_colleague_may_not_handle_and_an_outsider_sees_nothing(
    client: httpx.AsyncClient, nurse: dict[str, str], headers_for: Headers
) -> None:
    deviation = await report(client, nurse)
    colleague = headers_for("helsepersonell", units=[UNIT], sub="nurse-2")
    other_leader = headers_for("leder", units=[OTHER_UNIT], sub="leader-2")
    other_nurse = headers_for("helsepersonell", units=[OTHER_UNIT], sub="nurse-3")

    assert (await step(client, colleague, deviation, "acknowledge", {})).status_code == 403
    assert (await step(client, other_leader, deviation, "acknowledge", {})).status_code == 404
    url = f"{API}/deviations/{deviation['id']}"
    assert (await client.get(url, headers=other_leader)).status_code == 404
    assert (await client.get(url, headers=other_nurse)).status_code == 404


async def test_nobody_outside_the_municipality_sees_anything(
    client: httpx.AsyncClient, nurse: dict[str, str], token_factory: Callable[..., str]
) -> None:
    deviation = await report(client, nurse)
    elsewhere = {"Authorization": f"Bearer {token_factory('kvalitetsleder', municipality='9999')}"}

    response = await client.get(f"{API}/deviations/{deviation['id']}", headers=elsewhere)
    queue = await client.get(f"{API}/deviations/queue", headers=elsewhere)

    assert response.status_code == 404
    assert deviation["id"] not in queue.text


async def test_an_anonymous_report_stores_no_identity_and_answers_a_receipt_code(
    client: httpx.AsyncClient,
    nurse: dict[str, str],
    quality_lead: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    created = await report(client, nurse, is_anonymous=True)
    code = created["receipt_code"]

    seen = (await client.get(f"{API}/deviations/{created['id']}", headers=quality_lead)).json()
    by_code = await client.get(f"{API}/deviations/receipts/{code.lower()}", headers=nurse)
    wrong = await client.get(f"{API}/deviations/receipts/AAAA-BBBB-CCCC", headers=nurse)
    async with tenant_connection(database_urls["quality"], municipality) as connection:
        row = (
            await connection.execute(
                text(
                    "SELECT reporter_sub, reporter_name, receipt_hash, "
                    "(SELECT count(*) FROM deviation_steps WHERE actor_sub IS NOT NULL "
                    " AND deviation_id = d.id) FROM deviations d WHERE id = :id"
                ),
                {"id": created["id"]},
            )
        ).one()

    assert seen["reporter"] is None and seen["is_anonymous"] is True
    assert row[0] is None and row[1] is None and row[3] == 0
    assert code.replace("-", "") not in row[2]
    assert by_code.status_code == 200 and by_code.json()["status"] == "reported"
    assert wrong.status_code == 404
    mine = (await client.get(f"{API}/deviations/mine", headers=nurse)).json()["items"]
    assert created["id"] not in [d["id"] for d in mine]


async def test_an_anonymous_report_naming_a_person_is_a_422(
    client: httpx.AsyncClient, nurse: dict[str, str]
) -> None:
    body = report_body(is_anonymous=True, person_id="6a1f2b1e-0000-4000-8000-000000000001")

    response = await client.post(f"{API}/deviations", json=body, headers=nurse)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.person_id"


async def test_a_samhandlingsavvik_without_the_other_party_is_a_422(
    client: httpx.AsyncClient, nurse: dict[str, str]
) -> None:
    response = await client.post(
        f"{API}/deviations", json=report_body(category="collaboration"), headers=nurse
    )
    kept = await report(client, nurse, category="collaboration", collaboration_party="St. Olavs")

    assert response.status_code == 422
    assert kept["is_collaboration"] is True and kept["collaboration_party"] == "St. Olavs"


async def test_bad_input_is_a_422_problem_never_a_500(
    client: httpx.AsyncClient, nurse: dict[str, str]
) -> None:
    for body in [
        report_body(consequence=6),
        report_body(category="unknown"),
        report_body(occurred_at="2026-03-01T10:00:00"),
        report_body(unit="Not A Unit"),
        report_body(what_happened=""),
        {"unit": UNIT},
    ]:
        response = await client.post(f"{API}/deviations", json=body, headers=nurse)
        assert response.status_code == 422, body
        assert response.headers["content-type"].startswith("application/problem+json")
    bad_id = await client.get(f"{API}/deviations/not-a-uuid", headers=nurse)
    assert bad_id.status_code == 422


async def test_a_serious_event_shows_the_helsetilsynet_checklist_and_is_announced(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str], headers_for: Headers
) -> None:
    deviation = await report(client, nurse, is_serious=True, consequence=5, probability=1)
    checklist = deviation["notification_checklist"]
    assert checklist[0]["code"] == "notify_helsetilsynet"
    assert checklist[0]["deadline"] == "straks"
    assert "§ 12-3 a" in checklist[0]["basis"]

    response = await step(
        client, leader, deviation, "checklist/notify_helsetilsynet", {"done": True}
    )
    unknown = await step(client, leader, response.json(), "checklist/nonsense", {"done": True})

    assert response.status_code == 200
    assert response.json()["notification_checklist"][0]["done_by_name"] == "Kari Nordby"
    assert unknown.status_code == 404
    types = [e["type"] for e in await events_of(client, headers_for)]
    assert "serious_event.flagged" in types
    feed = await events_of(client, headers_for)
    assert all("nurse-1" not in str(event["data"]) for event in feed)


async def test_a_report_naming_a_person_is_in_the_access_log(
    client: httpx.AsyncClient,
    nurse: dict[str, str],
    leader: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    person = "6a1f2b1e-0000-4000-8000-000000000002"
    deviation = await report(client, nurse, person_id=person)
    await client.get(f"{API}/deviations/{deviation['id']}", headers=leader)

    async with tenant_connection(database_urls["quality"], municipality) as connection:
        rows = (
            await connection.execute(
                text("SELECT actor, action FROM access_log WHERE person_id = :p ORDER BY sequence"),
                {"p": person},
            )
        ).all()

    assert [tuple(r) for r in rows] == [("nurse-1", "create"), ("leader-1", "read")]


async def test_the_leader_queue_holds_their_units_serious_and_riskiest_first(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str], headers_for: Headers
) -> None:
    low = await report(client, nurse, consequence=1, probability=1)
    high = await report(client, nurse, consequence=4, probability=4)
    serious = await report(client, nurse, consequence=2, probability=1, is_serious=True)
    elsewhere = await report(
        client, headers_for("helsepersonell", units=[OTHER_UNIT]), unit=OTHER_UNIT
    )

    items = (await client.get(f"{API}/deviations/queue", headers=leader)).json()["items"]

    assert [i["id"] for i in items] == [serious["id"], high["id"], low["id"]]
    assert elsewhere["id"] not in [i["id"] for i in items]


async def test_overdue_acknowledgement_shows_in_the_queue(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str], today_is: Any
) -> None:
    today_is(date(2026, 3, 2))
    await report(client, nurse)
    today_is(date(2026, 3, 10))

    items = (await client.get(f"{API}/deviations/queue", headers=leader)).json()["items"]

    assert items[0]["acknowledge_by"] == "2026-03-09"
    assert items[0]["is_acknowledgement_late"] is True


async def test_the_committee_queue_is_for_the_quality_lead_and_holds_high_and_serious(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str], quality_lead: Any
) -> None:
    await report(client, nurse, consequence=1, probability=1)
    high = await report(client, nurse, consequence=5, probability=2)
    serious = await report(client, nurse, is_serious=True)

    committee = await client.get(f"{API}/deviations/committee", headers=quality_lead)
    refused = await client.get(f"{API}/deviations/committee", headers=leader)

    assert [i["id"] for i in committee.json()["items"]] == [serious["id"], high["id"]]
    assert refused.status_code == 403


async def test_the_municipality_sets_its_own_acknowledgement_deadline(
    client: httpx.AsyncClient,
    nurse: dict[str, str],
    quality_lead: dict[str, str],
    leader: dict[str, str],
    today_is: Any,
) -> None:
    today_is(date(2026, 3, 12))
    assert (await client.get(f"{API}/handling-rules", headers=leader)).json()["is_default"]

    response = await client.put(
        f"{API}/handling-rules", json={"acknowledge_working_days": 2}, headers=quality_lead
    )
    refused = await client.put(
        f"{API}/handling-rules", json={"acknowledge_working_days": 2}, headers=leader
    )
    deviation = await report(client, nurse)

    assert response.status_code == 200 and refused.status_code == 403
    assert deviation["acknowledge_by"] == "2026-03-16"


async def test_a_retried_report_with_the_same_idempotency_key_is_stored_once(
    client: httpx.AsyncClient, nurse: dict[str, str]
) -> None:
    body = report_body()
    headers = {**nurse, "Idempotency-Key": "tablet-retry-1"}

    first = await client.post(f"{API}/deviations", json=body, headers=headers)
    again = await client.post(f"{API}/deviations", json=body, headers=headers)

    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert first.json()["id"] == again.json()["id"]


async def test_corrective_actions_change_with_if_match_and_overdue_ones_are_announced_once(
    client: httpx.AsyncClient,
    nurse: dict[str, str],
    leader: dict[str, str],
    quality_lead: dict[str, str],
    headers_for: Headers,
    today_is: Any,
) -> None:
    today_is(date(2026, 3, 2))
    deviation = (await step(client, leader, await report(client, nurse), "acknowledge", {})).json()
    past = await client.post(
        f"{API}/deviations/{deviation['id']}/actions",
        json={"description": "x", "responsible": "y", "due_on": "2026-03-01"},
        headers=leader,
    )
    action = (
        await client.post(
            f"{API}/deviations/{deviation['id']}/actions",
            json={"description": "Opplæring", "responsible": "Kari", "due_on": "2026-03-05"},
            headers=leader,
        )
    ).json()
    today_is(date(2026, 3, 10))

    seen = (await client.get(f"{API}/deviations/{deviation['id']}", headers=leader)).json()
    first = await client.post(f"{API}/corrective-actions/overdue-check", headers=quality_lead)
    second = await client.post(f"{API}/corrective-actions/overdue-check", headers=quality_lead)
    stale = await client.patch(
        f"{API}/corrective-actions/{action['id']}",
        json={"status": "done"},
        headers={**leader, "If-Match": '"99"'},
    )
    done = await client.patch(
        f"{API}/corrective-actions/{action['id']}",
        json={"status": "done"},
        headers={**leader, "If-Match": f'"{action["version"]}"'},
    )

    assert past.status_code == 422
    assert seen["actions"][0]["is_overdue"] is True
    assert first.json() == {"announced": 1} and second.json() == {"announced": 0}
    assert stale.status_code == 412
    assert done.status_code == 200 and done.json()["done_on"] == "2026-03-10"
    assert done.json()["is_overdue"] is False
    types = [e["type"] for e in await events_of(client, headers_for)]
    assert types.count("corrective_action.overdue") == 1


async def test_actions_are_not_added_before_the_deviation_is_acknowledged(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str]
) -> None:
    deviation = await report(client, nurse)

    response = await client.post(
        f"{API}/deviations/{deviation['id']}/actions",
        json={"description": "x", "responsible": "y", "due_on": "2099-01-01"},
        headers=leader,
    )

    assert response.status_code == 409


async def test_the_risk_guidance_is_served_to_every_employee(
    client: httpx.AsyncClient, headers_for: Headers
) -> None:
    response = await client.get(
        f"{API}/reference/risk-guidance", headers=headers_for("saksbehandler")
    )

    assert response.status_code == 200
    assert len(response.json()["consequence"]) == 5
    assert "medication" in response.json()["examples"]

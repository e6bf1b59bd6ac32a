"""Appeals, the waiting list, interim replies and the deadline worklist over HTTP."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import httpx

from dev.testing import auth
from services.intake.api.worklist import count_cap
from services.intake.tests.conftest import API
from services.intake.tests.test_decisions_api import application_for, decision_body, draft, make


async def delivered_decision(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    service: str = "hjemmesykepleie",
    sent_on: str = "2026-03-06",
    received_on: str = "2026-03-09",
    **overrides: Any,
) -> dict[str, Any]:
    application = await application_for(client, caseworker, [service])
    decision = await draft(client, caseworker, decision_body(application, service, **overrides))
    made = (await make(client, caseworker, decision)).json()
    response = await client.post(
        f"{API}/decisions/{decision['id']}/delivery",
        json={"method": "post", "sent_on": sent_on, "received_on": received_on},
        headers={**caseworker, "If-Match": f'"{made["version"]}"'},
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def if_match(headers: dict[str, str], body: dict[str, Any]) -> dict[str, str]:
    return {**headers, "If-Match": f'"{body["version"]}"'}


async def test_a_late_appeal_is_registered_and_flagged(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 3, 5))
    decision = await delivered_decision(client, caseworker)

    on_time = await client.post(
        f"{API}/appeals",
        json={
            "decision_id": decision["id"],
            "received_on": "2026-04-07",
            "appellant": "Åse Ødegård",
            "grounds": "For lite hjelp.",
        },
        headers=caseworker,
    )
    late = await client.post(
        f"{API}/appeals",
        json={
            "decision_id": decision["id"],
            "received_on": "2026-04-08",
            "appellant": "Åse Ødegård",
            "grounds": "For lite hjelp.",
            "late_reason": "Var innlagt på sykehus.",
        },
        headers=caseworker,
    )

    assert on_time.status_code == late.status_code == 201
    assert on_time.json()["late"] is False
    assert late.json()["late"] is True
    assert late.json()["county_governor"].startswith("Statsforvalteren")


async def test_an_appeal_posted_on_the_deadline_day_and_received_later_is_in_time(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
) -> None:
    """fvl § 30: a deadline is kept when the appeal is posted or sent before it ends."""
    today_is(date(2026, 3, 5))
    decision = await delivered_decision(client, caseworker)
    deadline = decision["appeal_deadline"]

    posted = await client.post(
        f"{API}/appeals",
        json={
            "decision_id": decision["id"],
            "sent_on": deadline,
            "received_on": (date.fromisoformat(deadline) + timedelta(days=2)).isoformat(),
            "appellant": "Åse Ødegård",
            "grounds": "For lite hjelp.",
        },
        headers=caseworker,
    )
    sent_after_receipt = await client.post(
        f"{API}/appeals",
        json={
            "decision_id": decision["id"],
            "sent_on": "2026-04-10",
            "received_on": "2026-04-09",
            "appellant": "Åse Ødegård",
            "grounds": "For lite hjelp.",
        },
        headers=caseworker,
    )

    assert posted.status_code == 201
    assert posted.json()["late"] is False
    assert posted.json()["sent_on"] == deadline
    assert sent_after_receipt.status_code == 422
    assert sent_after_receipt.json()["errors"][0]["field"] == "body.sent_on"


async def test_an_upheld_appeal_is_forwarded_and_its_outcome_recorded(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 3, 5))
    decision = await delivered_decision(client, caseworker)
    appeal = (
        await client.post(
            f"{API}/appeals",
            json={
                "decision_id": decision["id"],
                "received_on": "2026-03-20",
                "appellant": "Datter",
                "grounds": "Trenger mer.",
            },
            headers=caseworker,
        )
    ).json()
    url = f"{API}/appeals/{appeal['id']}"

    too_early = await client.post(
        f"{url}/forward", json={"forwarded_on": "2026-04-01"}, headers=if_match(caseworker, appeal)
    )
    upheld = (
        await client.post(
            f"{url}/reassessment",
            json={"result": "upheld_by_municipality", "reassessment": "Vurderingen står seg."},
            headers=if_match(caseworker, appeal),
        )
    ).json()
    forwarded = (
        await client.post(
            f"{url}/forward",
            json={"forwarded_on": "2026-04-01"},
            headers=if_match(caseworker, upheld),
        )
    ).json()
    closed = await client.post(
        f"{url}/outcome",
        json={"outcome": "upheld", "outcome_on": "2026-06-01"},
        headers=if_match(caseworker, forwarded),
    )

    assert too_early.status_code == 409
    assert upheld["status"] == "upheld_by_municipality"
    assert forwarded["status"] == "forwarded"
    assert closed.status_code == 200 and closed.json()["outcome"] == "upheld"


async def test_an_appeal_decided_in_the_persons_favour_names_the_new_decision(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 3, 5))
    decision = await delivered_decision(client, caseworker)
    appeal = (
        await client.post(
            f"{API}/appeals",
            json={
                "decision_id": decision["id"],
                "received_on": "2026-03-20",
                "appellant": "Selv",
                "grounds": "Trenger kveldsbesøk.",
            },
            headers=caseworker,
        )
    ).json()
    new = await draft(
        client,
        caseworker,
        decision_body(
            {"id": decision["application_id"]}, scope_amount=6, replaces_id=decision["id"]
        ),
    )

    missing = await client.post(
        f"{API}/appeals/{appeal['id']}/reassessment",
        json={"result": "changed_by_municipality", "reassessment": "Medhold."},
        headers=if_match(caseworker, appeal),
    )
    changed = await client.post(
        f"{API}/appeals/{appeal['id']}/reassessment",
        json={
            "result": "changed_by_municipality",
            "reassessment": "Medhold.",
            "new_decision_id": new["id"],
        },
        headers=if_match(caseworker, appeal),
    )

    assert missing.status_code == 422
    assert changed.status_code == 200 and changed.json()["new_decision_id"] == new["id"]


async def test_offering_and_declining_a_place_on_the_waiting_list(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    headers_for: Callable[[str], dict[str, str]],
) -> None:
    application = await application_for(client, caseworker, ["langtidsopphold"])
    decision = await draft(
        client,
        caseworker,
        decision_body(
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
        ),
    )
    await make(client, caseworker, decision)

    listed = (await client.get(f"{API}/waiting-list", headers=headers_for("leder"))).json()
    entry = listed[0]
    no_unit = await client.post(
        f"{API}/waiting-list/{entry['id']}/steps",
        json={"action": "offer", "on": "2026-05-01"},
        headers=if_match(caseworker, entry),
    )
    offered = (
        await client.post(
            f"{API}/waiting-list/{entry['id']}/steps",
            json={"action": "offer", "on": "2026-05-01", "unit": "Ski sykehjem"},
            headers=if_match(caseworker, entry),
        )
    ).json()
    declined = (
        await client.post(
            f"{API}/waiting-list/{entry['id']}/steps",
            json={
                "action": "decline",
                "on": "2026-05-03",
                "note": "Vil vente på plass nær datteren.",
            },
            headers=if_match(caseworker, offered),
        )
    ).json()
    by_leader = await client.post(
        f"{API}/waiting-list/{entry['id']}/steps",
        json={"action": "remove", "on": "2026-05-04"},
        headers=if_match(headers_for("leder"), declined),
    )
    by_clinician = await client.post(
        f"{API}/waiting-list/{entry['id']}/steps",
        json={"action": "remove", "on": "2026-05-04"},
        headers=if_match(headers_for("helsepersonell"), declined),
    )

    assert [e["decision_id"] for e in listed] == [decision["id"]]
    assert no_unit.status_code == 422
    assert offered["status"] == "offered"
    assert declined["status"] == "waiting"
    assert [h["action"] for h in declined["history"][1:]] == ["offer", "decline"]
    assert by_leader.status_code == 200 and by_leader.json()["status"] == "removed"
    assert by_clinician.status_code == 403


async def test_the_worklist_shows_what_is_overdue_first(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 3, 5))
    ending = await delivered_decision(
        client, caseworker, ends_on="2026-04-01", review_on="2026-03-25", starts_on="2026-03-10"
    )
    application = await application_for(client, caseworker, ["praktisk-bistand"])
    today_is(date(2026, 4, 15))

    items = (await client.get(f"{API}/worklist", headers=caseworker)).json()["items"]

    kinds = [(i["kind"], i["due"], i["overdue"]) for i in items]
    assert ("interim_reply_due", "2026-04-10", True) in kinds
    assert ("review_due", "2026-03-25", True) in kinds
    assert ("decision_ending", "2026-04-01", True) in kinds
    assert kinds[0][1] == "2026-03-25"
    assert all(i["overdue"] for i in items[:3])
    assert {i["subject_id"] for i in items} >= {ending["id"], application["id"]}


async def test_an_interim_reply_takes_the_application_off_the_worklist(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
) -> None:
    application = await application_for(client, caseworker, ["praktisk-bistand"])
    today_is(date(2026, 4, 8))

    replied = await client.post(
        f"{API}/applications/{application['id']}/interim-reply",
        json={
            "sent_on": "2026-04-08",
            "expected_decision_by": "2026-05-01",
            "reason": "Venter på kartlegging.",
        },
        headers=if_match(caseworker, application),
    )
    items = (await client.get(f"{API}/worklist", headers=caseworker)).json()["items"]

    assert replied.status_code == 200 and replied.json()["interim_reply_sent_on"] == "2026-04-08"
    assert application["id"] not in [i["subject_id"] for i in items]


async def test_the_timeline_holds_the_whole_case_in_order(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 3, 12))
    decision = await delivered_decision(
        client, caseworker, sent_on="2026-03-12", received_on="2026-03-13"
    )
    await client.post(
        f"{API}/appeals",
        json={
            "decision_id": decision["id"],
            "received_on": "2026-03-20",
            "appellant": "Selv",
            "grounds": "Uenig.",
        },
        headers=caseworker,
    )

    timeline = (
        await client.get(f"{API}/persons/{decision['person']['id']}/timeline", headers=caseworker)
    ).json()

    assert [e["kind"] for e in timeline] == [
        "application.received",
        "decision.granted",
        "decision.delivered",
        "appeal.received",
    ]


async def test_a_partly_changed_decision_sends_the_rest_of_the_appeal_on(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
) -> None:
    """fvl § 33: what the municipality does not grant goes on to the appeal body."""
    today_is(date(2026, 3, 5))
    decision = await delivered_decision(client, caseworker)
    appeal = (
        await client.post(
            f"{API}/appeals",
            json={
                "decision_id": decision["id"],
                "received_on": "2026-03-20",
                "appellant": "Selv",
                "grounds": "Trenger kveldsbesøk og mer hjelp om natten.",
            },
            headers=caseworker,
        )
    ).json()
    new = await draft(
        client,
        caseworker,
        decision_body(
            {"id": decision["application_id"]}, scope_amount=5, replaces_id=decision["id"]
        ),
    )

    partly = await client.post(
        f"{API}/appeals/{appeal['id']}/reassessment",
        json={
            "result": "partly_changed_by_municipality",
            "reassessment": "Kveldsbesøk innvilget; nattbehovet opprettholdes.",
            "new_decision_id": new["id"],
        },
        headers=if_match(caseworker, appeal),
    )
    forwarded = await client.post(
        f"{API}/appeals/{appeal['id']}/forward",
        json={"forwarded_on": "2026-04-01"},
        headers=if_match(caseworker, partly.json()),
    )

    assert partly.status_code == 200
    assert partly.json()["status"] == "partly_changed_by_municipality"
    assert forwarded.status_code == 200 and forwarded.json()["status"] == "forwarded"
    assert forwarded.json()["appeal_body"] == "statsforvalteren"


async def test_an_evaluation_is_a_record_and_the_timeline_shows_every_case_event(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 3, 5))
    decision = await delivered_decision(client, caseworker)
    in_force = (
        await client.post(
            f"{API}/decisions/{decision['id']}/status",
            json={"status": "in_force"},
            headers=if_match(caseworker, decision),
        )
    ).json()
    today_is(date(2026, 9, 20))
    future = await client.post(
        f"{API}/decisions/{decision['id']}/status",
        json={"status": "evaluated", "on": "2026-12-01"},
        headers=if_match(caseworker, in_force),
    )
    evaluated = (
        await client.post(
            f"{API}/decisions/{decision['id']}/status",
            json={
                "status": "evaluated",
                "on": "2026-09-18",
                "note": "Klarer morgenstellet selv nå.",
                "next_review_on": "2027-03-18",
            },
            headers=if_match(caseworker, in_force),
        )
    ).json()
    ended = (
        await client.post(
            f"{API}/decisions/{decision['id']}/status",
            json={"status": "ended", "note": "Flyttet til datteren i Bergen."},
            headers=if_match(caseworker, evaluated),
        )
    ).json()
    timeline = (
        await client.get(f"{API}/persons/{decision['person']['id']}/timeline", headers=caseworker)
    ).json()

    assert future.status_code == 422 and future.json()["errors"][0]["field"] == "body.on"
    assert evaluated["evaluations"][0]["note"] == "Klarer morgenstellet selv nå."
    assert evaluated["review_due"] == "2027-03-18"
    assert ended["ended_on"] == "2026-09-20" and ended["ended_note"].startswith("Flyttet")
    kinds = [entry["kind"] for entry in timeline]
    assert {"decision.delivered", "decision.evaluated", "decision.ended"} <= set(kinds)


async def test_the_worklist_shows_mine_my_units_or_all_and_filters_by_kind(
    client: httpx.AsyncClient,
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 3, 5))
    ingrid = auth(token_factory("saksbehandler", municipality=municipality, sub="ingrid"))
    ola = auth(token_factory("saksbehandler", municipality=municipality, sub="ola"))
    hers = await delivered_decision(client, ingrid)
    await delivered_decision(client, ola, unit="hjemmetjenesten-langhus")
    today_is(date(2026, 9, 1))
    leader = auth(
        token_factory(
            "leder", municipality=municipality, sub="leder", units=["hjemmetjenesten-ski"]
        )
    )

    async def worklist(headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
        response = await client.get(f"{API}/worklist", params=params, headers=headers)
        assert response.status_code == 200, response.text
        return response.json()["items"]  # type: ignore[no-any-return]

    mine = await worklist(ingrid, scope="mine")
    everything = await worklist(ingrid, scope="all")
    unit = await worklist(leader, scope="unit")
    reviews = await worklist(ingrid, kind="review_due")

    assert {item["subject_id"] for item in mine} == {hers["id"]}
    assert all(item["mine"] for item in mine)
    assert len(everything) >= 2
    assert {item["unit"] for item in unit} == {"hjemmetjenesten-ski"}
    assert reviews and all(item["kind"] == "review_due" for item in reviews)


async def test_the_worklist_pages_counts_each_kind_and_logs_only_the_persons_shown(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    headers_for: Callable[[str], dict[str, str]],
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 3, 5))
    applications = [
        await application_for(client, caseworker, ["praktisk-bistand"]) for _ in range(3)
    ]
    await delivered_decision(client, caseworker, review_on="2026-04-20", starts_on="2026-03-10")
    today_is(date(2026, 4, 15))

    async def log_of(application: dict[str, Any]) -> list[str]:
        url = f"{API}/persons/{application['person']['id']}/access-log"
        entries = (await client.get(url, headers=headers_for("leder"))).json()["items"]
        return [e["resource"] for e in entries if e["action"] == "search"]

    first = (
        await client.get(
            f"{API}/worklist",
            params={"limit": 2, "kind": "interim_reply_due"},
            headers=caseworker,
        )
    ).json()
    logged_before_second = [await log_of(a) for a in applications]
    second = (
        await client.get(
            f"{API}/worklist",
            params={"limit": 2, "kind": "interim_reply_due", "cursor": first["next_cursor"]},
            headers=caseworker,
        )
    ).json()
    bad_cursor = await client.get(f"{API}/worklist", params={"cursor": "x"}, headers=caseworker)

    listed = [i["subject_id"] for i in first["items"] + second["items"]]
    assert listed == sorted(listed) and set(listed) == {a["id"] for a in applications}
    assert len(first["items"]) == 2 and second["next_cursor"] is None
    assert [i["title"] for i in second["items"]] == ["Praktisk bistand"]
    counts = {c["kind"]: c for c in first["counts"]}
    assert counts["interim_reply_due"] == {
        "kind": "interim_reply_due",
        "total": 3,
        "total_is_lower_bound": False,
        "overdue": 3,
        "overdue_is_lower_bound": False,
        "due_within_a_week": 0,
        "due_within_a_week_is_lower_bound": False,
    }
    assert first["count_cap"] == 99
    assert (counts["review_due"]["overdue"], counts["review_due"]["due_within_a_week"]) == (0, 1)
    shown_first = {i["person"]["id"] for i in first["items"]}
    assert [bool(log) for log in logged_before_second] == [
        a["person"]["id"] in shown_first for a in applications
    ]
    assert bad_cursor.status_code == 422


async def test_the_worklist_counts_exactly_up_to_the_cap_and_says_more_than_beyond_it(
    client: httpx.AsyncClient,
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
    today_is: Callable[[date], None],
) -> None:
    """Each bucket is counted up to the cap (lowered here to 2 and 3 rather than making a
    hundred tasks): at the cap it is exact, beyond it the cap and «more», and a total with a
    bound in it is a bound; «mine» counts only the caller's."""
    app = client._transport.app  # type: ignore[attr-defined]
    today_is(date(2026, 3, 5))
    anne = auth(token_factory("saksbehandler", municipality=municipality, sub="anne"))
    other = auth(token_factory("saksbehandler", municipality=municipality, sub="other"))
    for _ in range(3):
        await application_for(client, anne, ["praktisk-bistand"])
    await application_for(client, other, ["praktisk-bistand"])
    await delivered_decision(client, anne, review_on="2026-04-20", starts_on="2026-03-10")
    today_is(date(2026, 4, 15))

    async def counts(cap: int, scope: str) -> dict[str, Any]:
        app.dependency_overrides[count_cap] = lambda: cap
        try:
            response = await client.get(f"{API}/worklist", params={"scope": scope}, headers=anne)
        finally:
            app.dependency_overrides.pop(count_cap, None)
        assert response.status_code == 200, response.text
        assert response.json()["count_cap"] == cap
        return {c["kind"]: c for c in response.json()["counts"]}

    def shown(count: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(count[k] for k in ("total", "total_is_lower_bound", "overdue",
                                        "overdue_is_lower_bound", "due_within_a_week",
                                        "due_within_a_week_is_lower_bound"))  # fmt: skip

    mine_at_3 = await counts(3, "mine")
    mine_at_2 = await counts(2, "mine")
    all_at_3 = await counts(3, "all")

    assert shown(mine_at_3["interim_reply_due"]) == (3, False, 3, False, 0, False)
    assert shown(mine_at_2["interim_reply_due"]) == (2, True, 2, True, 0, False)
    assert shown(mine_at_2["review_due"]) == (1, False, 0, False, 1, False)
    assert shown(all_at_3["interim_reply_due"]) == (3, True, 3, True, 0, False)


async def test_a_leader_offers_a_place_on_the_waiting_list(
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
            {"service_type": "hjemmesykepleie", "status": "tried", "why_not_enough": "Utrygg."}
        ],
    )
    decision = await draft(client, caseworker, body)
    await make(client, caseworker, decision)
    leader = auth(token_factory("leder", municipality=municipality))
    entry = (await client.get(f"{API}/waiting-list", headers=leader)).json()[0]

    offered = await client.post(
        f"{API}/waiting-list/{entry['id']}/steps",
        json={"action": "offer", "on": "2026-03-20", "unit": "sykehjem-ski"},
        headers=if_match(leader, entry),
    )

    assert offered.status_code == 200 and offered.json()["status"] == "offered"

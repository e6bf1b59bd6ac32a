"""Loans: install, the legal guard, the double-loan constraint, checks, deviations, return."""

import asyncio
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError

from dev.testing import (
    HeldUpstream,
    RunningServer,
    open_client,
    settings_kwargs,
    tenant_connection,
    walk_pages,
)
from services.welfaretech.app import create_app
from services.welfaretech.settings import WelfaretechSettings
from services.welfaretech.tests.conftest import (
    API,
    CONDITIONS,
    REFLECTION,
    accept,
    add_device,
    assess,
    lend_alarm,
    loan_body,
    recommended,
    register_person,
)
from shared.errors import PROBLEM_BASE as PROBLEMS

DISPENSER_CHECKLIST = {
    "who_fills": "Apoteket multidoserer, hjemmesykepleien fyller dispenseren",
    "missed_dose_follow_up_by": "Hjemmesykepleien, dagvakt",
    "missed_dose_response_minutes": 60,
    "power_or_network_failure_plan": "Varsel til responssenter; besøk innen to timer",
    "person_trained": True,
    "staff_trained": True,
    "gp_medication_list_is_source": True,
}
"""A medication dispenser's checklist with every point answered."""


async def test_installing_a_safety_alarm_starts_the_loan(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    loan = await lend_alarm(client, team, person["id"])

    assert (loan["status"], loan["device"]["status"], loan["alarm_chain_tested"]) == (
        "active",
        "on_loan",
        True,
    )
    assert loan["installed_by_name"] == "Jonas Berg"
    assert loan["next_check_on"] == "2026-06-16"
    assert [c["kind"] for c in loan["checks"]] == ["alarm_test"]


async def test_an_alarm_must_have_its_chain_tested_at_installation(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    assessment = await assess(client, team, person["id"])
    alarm = await accept(client, team, recommended(assessment, "trygghetsalarm"))
    device = await add_device(client, team, "trygghetsalarm")

    response = await client.post(
        f"{API}/loans",
        json=loan_body(alarm["id"], device["id"], alarm_chain_tested=None),
        headers=team,
    )

    assert response.json()["errors"][0]["field"] == "body.alarm_chain_tested"


async def test_two_concurrent_loans_of_one_device_one_wins_the_other_is_409(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    first = await accept(
        client, team, recommended(await assess(client, team, person["id"]), "trygghetsalarm")
    )
    second = await accept(
        client, team, recommended(await assess(client, team, person["id"]), "trygghetsalarm")
    )
    device = await add_device(client, team, "trygghetsalarm")

    responses = await asyncio.gather(
        client.post(f"{API}/loans", json=loan_body(first["id"], device["id"]), headers=team),
        client.post(f"{API}/loans", json=loan_body(second["id"], device["id"]), headers=team),
    )

    assert sorted(r.status_code for r in responses) == [201, 409]
    loser = next(r for r in responses if r.status_code == 409)
    assert loser.headers["content-type"] == "application/problem+json"
    assert loser.json()["type"] == f"{PROBLEMS}device-on-loan"


async def test_the_database_refuses_a_second_open_loan_of_a_device(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    loan = await lend_alarm(client, team, person["id"])

    with pytest.raises(IntegrityError, match="uq_loans_device_id_not_ended"):
        async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
            await connection.execute(
                text(
                    "INSERT INTO loans (device_id, person_id, recommendation_id, unit, "
                    "installed_on, installed_by, installed_by_name, is_trial, "
                    "check_interval_days) SELECT device_id, person_id, recommendation_id, unit, "
                    "installed_on, installed_by, installed_by_name, is_trial, "
                    "check_interval_days FROM loans WHERE id = :id"
                ),
                {"id": loan["id"]},
            )


async def test_gps_without_capacity_and_without_a_decision_cannot_be_activated(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    assessment = await assess(
        client,
        team,
        person["id"],
        consent_capacity="no",
        consent_given=None,
        needs=["wandering"],
        ethical_reflection=REFLECTION,
    )
    gps = await accept(client, team, recommended(assessment, "gps-klokke"))
    device = await add_device(client, team, "gps-klokke")

    refused = await client.post(
        f"{API}/loans",
        json=loan_body(gps["id"], device["id"], alarm_chain_tested=None),
        headers=team,
    )
    decision = {
        "kinds": ["location_technology"],
        "conditions": CONDITIONS,
        "person_does_not_resist": True,
        "decided_on": "2026-03-16",
        "valid_from": "2026-03-16",
        "valid_until": "2026-09-16",
    }
    await client.post(
        f"{API}/assessments/{assessment['id']}/legal-decisions", json=decision, headers=team
    )
    allowed = await client.post(
        f"{API}/loans",
        json=loan_body(gps["id"], device["id"], alarm_chain_tested=None),
        headers=team,
    )

    assert refused.status_code == 409
    assert refused.json()["type"].endswith("/legal-basis-missing")
    assert allowed.status_code == 201, allowed.text


async def test_a_medication_dispenser_needs_the_complete_checklist(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    assessment = await assess(client, team, person["id"], needs=["medication_management"])
    dispenser = await accept(client, team, recommended(assessment, "medisindispenser"))
    device = await add_device(client, team, "medisindispenser")
    checklist = {**DISPENSER_CHECKLIST, "staff_trained": False}
    url = f"{API}/loans"

    missing = await client.post(url, json=loan_body(dispenser["id"], device["id"]), headers=team)
    untrained = await client.post(
        url,
        json=loan_body(dispenser["id"], device["id"], dispenser_checklist=checklist),
        headers=team,
    )
    complete = await client.post(
        url,
        json=loan_body(dispenser["id"], device["id"], dispenser_checklist=DISPENSER_CHECKLIST),
        headers=team,
    )

    assert missing.json()["errors"][0]["field"] == "body.dispenser_checklist"
    assert untrained.json()["errors"][0]["field"] == "body.dispenser_checklist.staff_trained"
    assert complete.status_code == 201, complete.text


async def test_a_rejected_or_bought_technology_starts_no_loan(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    assessment = await assess(client, team, person["id"])
    bought = await accept(
        client, team, recommended(assessment, "trygghetsalarm"), provider="bought_by_person"
    )
    proposed = recommended(assessment, "fallsensor")
    alarm = await add_device(client, team, "trygghetsalarm")
    sensor = await add_device(client, team, "fallsensor")

    by_person = await client.post(
        f"{API}/loans", json=loan_body(bought["id"], alarm["id"]), headers=team
    )
    not_accepted = await client.post(
        f"{API}/loans", json=loan_body(proposed["id"], sensor["id"]), headers=team
    )
    wrong_device = await client.post(
        f"{API}/loans", json=loan_body(bought["id"], sensor["id"]), headers=team
    )

    assert (by_person.status_code, not_accepted.status_code) == (409, 409)
    assert by_person.json()["type"] == f"{PROBLEMS}provided-otherwise"
    assert not_accepted.json()["type"] == f"{PROBLEMS}recommendation-not-accepted"
    assert wrong_device.status_code == 409


async def test_a_failed_alarm_test_with_quality_down_is_recorded_and_retried_never_lost(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    loan = await lend_alarm(client, team, person["id"], alarm_chain_tested=False)

    retried = await client.post(f"{API}/deviation-reports/retry", headers=team)
    again = (await client.get(f"{API}/loans/{loan['id']}", headers=team)).json()

    assert loan["deviations"][0]["status"] == "pending"
    assert loan["deviations"][0]["last_error"]
    assert retried.json() == {"attempted": 1, "delivered": 0, "still_pending": 1}
    assert again["deviations"][0]["attempts"] == 2


async def test_a_pending_deviation_reaches_quality_once_it_is_up(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    quality_up: RunningServer,
) -> None:
    if "/api/quality/v1/deviations" not in quality_up.app.openapi()["paths"]:
        pytest.skip("The quality service takes no deviations yet (its API is being built)")
    loan = await lend_alarm(client, team, person["id"], alarm_chain_tested=False)

    await client.post(f"{API}/deviation-reports/retry", headers=team)

    again = (await client.get(f"{API}/loans/{loan['id']}", headers=team)).json()
    assert again["deviations"][0]["status"] == "delivered"
    assert again["deviations"][0]["quality_deviation_id"]


async def test_checks_move_the_schedule_and_overdue_ones_are_listed(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    today_is: Callable[[Any], None],
) -> None:
    from datetime import date

    today_is(date(2026, 7, 1))
    loan = await lend_alarm(client, team, person["id"])
    overdue = (await client.get(f"{API}/loans/overdue-checks", headers=team)).json()

    checked = await client.post(
        f"{API}/loans/{loan['id']}/checks",
        json={"kind": "battery", "performed_on": "2026-06-30", "passed": True},
        headers=team,
    )
    after = (await client.get(f"{API}/loans/overdue-checks", headers=team)).json()

    assert [item["id"] for item in overdue] == [loan["id"]]
    assert checked.json()["next_check_on"] == "2026-09-28"
    assert after == []


async def test_check_errors(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    loan = await lend_alarm(client, team, person["id"])
    url = f"{API}/loans/{loan['id']}/checks"

    before = await client.post(
        url, json={"kind": "battery", "performed_on": "2026-03-01", "passed": True}, headers=team
    )
    bad_kind = await client.post(
        url, json={"kind": "coffee", "performed_on": "2026-03-20", "passed": True}, headers=team
    )

    assert before.json()["errors"][0]["field"] == "body.performed_on"
    assert bad_kind.status_code == 422


async def test_returning_the_device_ends_the_loan_and_frees_the_device(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    loan = await lend_alarm(client, team, person["id"])
    url = f"{API}/loans/{loan['id']}/end"
    body = {"ended_on": "2026-04-01", "reason": "Flyttet på sykehjem"}

    stale = await client.post(url, json=body, headers={**team, "If-Match": '"99"'})
    ended = await client.post(url, json=body, headers={**team, "If-Match": f'"{loan["version"]}"'})
    twice = await client.post(
        url, json=body, headers={**team, "If-Match": f'"{ended.json()["version"]}"'}
    )
    checked = await client.post(
        f"{API}/loans/{loan['id']}/checks",
        json={"kind": "battery", "performed_on": "2026-04-01", "passed": True},
        headers=team,
    )

    assert stale.status_code == 412
    assert ended.status_code == 200, ended.text
    assert (ended.json()["status"], ended.json()["device"]["status"]) == ("ended", "in_stock")
    assert twice.status_code == 409
    assert twice.json()["type"] == f"{PROBLEMS}loan-ended"
    assert checked.json()["type"] == f"{PROBLEMS}loan-ended"


async def test_home_care_keeps_a_returned_loan_open_only_for_the_window_after_its_end(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    today_is: Callable[[date], None],
) -> None:
    today_is(date(2026, 4, 1))
    loan = await lend_alarm(client, team, person["id"])
    ended = await client.post(
        f"{API}/loans/{loan['id']}/end",
        json={"ended_on": "2026-04-01", "reason": "Flyttet på sykehjem"},
        headers={**team, "If-Match": f'"{loan["version"]}"'},
    )
    assert ended.status_code == 200, ended.text
    nurse = headers_for("helsepersonell", units=["hjemmetjenesten-ski"])

    today_is(date(2026, 4, 30))
    last_day = await client.get(f"{API}/loans/{loan['id']}", headers=nurse)
    today_is(date(2026, 5, 1))
    lapsed = await client.get(f"{API}/loans/{loan['id']}", headers=nurse)
    team_reads = await client.get(f"{API}/loans/{loan['id']}", headers=team)

    assert last_day.status_code == 200, last_day.text
    assert lapsed.status_code == 403
    assert lapsed.headers["content-type"] == "application/problem+json"
    assert team_reads.status_code == 200
    log = await client.get(
        f"{API}/persons/{person['id']}/access-log", headers=headers_for("leder", sub="leder-1")
    )
    refused = [row for row in log.json()["items"] if row["action"] == "refused"]
    assert [(row["resource"], row["resource_id"]) for row in refused] == [("loan", loan["id"])]


async def test_a_retired_device_is_not_lent_again(
    client: httpx.AsyncClient, catalogue: list[str], person: dict[str, Any], team: dict[str, str]
) -> None:
    loan = await lend_alarm(client, team, person["id"])
    await client.post(
        f"{API}/loans/{loan['id']}/end",
        json={"ended_on": "2026-04-01", "reason": "Knust", "device_to": "retired"},
        headers={**team, "If-Match": f'"{loan["version"]}"'},
    )
    again = await accept(
        client, team, recommended(await assess(client, team, person["id"]), "trygghetsalarm")
    )

    refused = await client.post(
        f"{API}/loans", json=loan_body(again["id"], loan["device"]["id"]), headers=team
    )

    assert refused.status_code == 409
    assert refused.json()["type"] == f"{PROBLEMS}device-not-available"


async def test_every_read_of_a_loan_is_in_the_access_log(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    loan = await lend_alarm(client, team, person["id"])

    await client.get(f"{API}/loans/{loan['id']}", headers=headers_for("saksbehandler"))
    await client.get(f"{API}/loans?person_id={person['id']}", headers=team)

    async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
        rows = (
            (
                await connection.execute(
                    text(
                        "SELECT action FROM access_log WHERE resource = 'loan' AND resource_id = :id "
                        "ORDER BY sequence"
                    ),
                    {"id": loan["id"]},
                )
            )
            .scalars()
            .all()
        )
    assert rows == ["create", "read", "search"]


async def test_the_access_log_cannot_be_changed(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    await lend_alarm(client, team, person["id"])

    with pytest.raises(Exception, match="append-only|permission denied"):
        async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
            await connection.execute(text("DELETE FROM access_log"))


async def test_an_unknown_loan_is_404(client: httpx.AsyncClient, team: dict[str, str]) -> None:
    response = await client.get(f"{API}/loans/00000000-0000-4000-8000-000000000000", headers=team)

    assert response.status_code == 404


async def test_the_openapi_names_each_conflict_type_a_loan_can_answer(
    client: httpx.AsyncClient,
) -> None:
    spec = (await client.get("/api/welfaretech/openapi.json")).json()
    conflict = spec["paths"]["/api/welfaretech/v1/loans"]["post"]["responses"]["409"]

    for slug in ("device-on-loan", "device-not-available", "legal-basis-missing"):
        assert f"{PROBLEMS}{slug}" in conflict["description"]
    assert "application/problem+json" in conflict["content"]


async def test_the_loan_list_names_the_person_from_intake_and_loads_without_it(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    intake_server: RunningServer,
) -> None:
    loan = await lend_alarm(client, team, person["id"])
    url = f"{API}/loans?person_id={person['id']}"

    named = (await client.get(url, headers=team)).json()["items"]
    await intake_server.stop()
    try:
        down = await client.get(url, headers=team)
        overdue = await client.get(f"{API}/loans/overdue-checks", headers=team)
    finally:
        await intake_server.start()

    assert [(i["id"], i["person_name"], i["person_name_available"]) for i in named] == [
        (loan["id"], "Åse Ødegård", True)
    ]
    assert loan["person_name"] == "Åse Ødegård"
    assert down.status_code == 200, down.text
    assert [(i["person_name"], i["person_name_available"]) for i in down.json()["items"]] == [
        (None, False)
    ]
    assert overdue.status_code == 200


async def test_a_loan_on_a_decision_shows_its_time_limit_and_when_it_has_lapsed(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    today_is: Callable[[Any], None],
) -> None:
    from datetime import date

    today_is(date(2026, 4, 1))
    assessment = await assess(
        client,
        team,
        person["id"],
        consent_capacity="no",
        consent_given=None,
        needs=["wandering"],
        ethical_reflection=REFLECTION,
    )
    gps = await accept(client, team, recommended(assessment, "gps-klokke"))
    device = await add_device(client, team, "gps-klokke")
    decision = {
        "kinds": ["location_technology"],
        "conditions": CONDITIONS,
        "person_does_not_resist": True,
        "decided_on": "2026-03-16",
        "valid_from": "2026-03-16",
        "valid_until": "2026-09-16",
    }
    await client.post(
        f"{API}/assessments/{assessment['id']}/legal-decisions", json=decision, headers=team
    )
    started = await client.post(
        f"{API}/loans",
        json=loan_body(gps["id"], device["id"], alarm_chain_tested=None),
        headers=team,
    )
    alarm = await lend_alarm(client, team, person["id"])  # consent: no decision needed

    today_is(date(2026, 10, 1))
    lapsed = (await client.get(f"{API}/loans/{started.json()['id']}", headers=team)).json()
    listed = (await client.get(f"{API}/loans?person_id={person['id']}", headers=team)).json()

    assert started.status_code == 201, started.text
    assert started.json()["needs_legal_decision"] is True
    assert started.json()["legal_decision_until"] == "2026-09-16"
    assert started.json()["legal_basis_lapsed"] is False
    assert (lapsed["legal_decision_until"], lapsed["legal_basis_lapsed"]) == (None, True)
    flags = {i["id"]: (i["needs_legal_decision"], i["legal_basis_lapsed"]) for i in listed["items"]}
    assert flags == {started.json()["id"]: (True, True), alarm["id"]: (False, False)}


async def _gps_on_a_decision(
    client: httpx.AsyncClient, team: dict[str, str], person_id: str, until: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A person without capacity, a § 4-6 a decision for GPS until `until`, the GPS lent."""
    assessment = await assess(
        client,
        team,
        person_id,
        consent_capacity="no",
        consent_given=None,
        needs=["wandering"],
        ethical_reflection=REFLECTION,
    )
    gps = await accept(client, team, recommended(assessment, "gps-klokke"))
    device = await add_device(client, team, "gps-klokke")
    decision = {
        "kinds": ["location_technology"],
        "conditions": CONDITIONS,
        "person_does_not_resist": True,
        "decided_on": "2026-03-16",
        "valid_from": "2026-03-16",
        "valid_until": until,
    }
    recorded = await client.post(
        f"{API}/assessments/{assessment['id']}/legal-decisions", json=decision, headers=team
    )
    assert recorded.status_code == 201, recorded.text
    loan = await client.post(
        f"{API}/loans",
        json=loan_body(gps["id"], device["id"], alarm_chain_tested=None),
        headers=team,
    )
    assert loan.status_code == 201, loan.text
    return recorded.json()["legal_decisions"][0], loan.json()


async def test_a_lapsing_decision_is_renewed_with_each_condition_again_and_a_new_limit(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    today_is: Callable[[Any], None],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    from datetime import date

    today_is(date(2026, 9, 1))
    decision, loan = await _gps_on_a_decision(client, team, person["id"], "2026-09-16")
    soon = (await client.get(f"{API}/loans/{loan['id']}", headers=team)).json()
    url = f"{API}/legal-decisions/{decision['id']}/renew"
    body = {
        "conditions": CONDITIONS,
        "person_does_not_resist": True,
        "decided_on": "2026-09-01",
        "valid_from": "2026-09-17",
        "valid_until": "2027-09-16",
    }
    match = {**team, "If-Match": f'"{decision["version"]}"'}

    no_match = await client.post(url, json=body, headers=team)
    stale = await client.post(url, json=body, headers={**team, "If-Match": '"99"'})
    too_long = await client.post(url, json={**body, "valid_until": "2027-09-17"}, headers=match)
    missing = await client.post(
        url, json={**body, "conditions": {**CONDITIONS, "relatives_heard": " "}}, headers=match
    )
    renewed = await client.post(url, json=body, headers=match)
    twice = await client.post(
        url, json=body, headers={**team, "If-Match": f'"{decision["version"] + 1}"'}
    )
    today_is(date(2026, 10, 1))
    later = (await client.get(f"{API}/loans/{loan['id']}", headers=team)).json()

    assert soon["legal_decision_lapses_soon"] is True
    assert soon["legal_decision_id"] == decision["id"]
    assert (no_match.status_code, stale.status_code) == (428, 412)
    assert too_long.json()["errors"][0]["field"] == "body.valid_until"
    assert missing.json()["errors"][0]["field"] == "body.conditions.relatives_heard"
    assert renewed.status_code == 201, renewed.text
    old, new = renewed.json()["legal_decisions"]
    assert (old["status"], old["renewed_by_id"]) == ("renewed", new["id"])
    assert (new["renews_id"], new["kinds"]) == (decision["id"], ["location_technology"])
    assert renewed.json()["legal_basis"]["max_months"] == 12
    assert twice.json()["type"] == f"{PROBLEMS}decision-closed"
    assert (later["legal_decision_until"], later["legal_basis_lapsed"]) == ("2027-09-16", False)
    assert (later["legal_decision_lapses_soon"], later["legal_decision_id"]) == (False, new["id"])
    async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
        types = (await connection.execute(text("SELECT type FROM events"))).scalars().all()
    assert "wt_legal_decision.renewed" in types


async def test_ending_a_decision_ends_the_loans_resting_on_it_in_one_go(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    today_is: Callable[[Any], None],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    from datetime import date

    today_is(date(2026, 10, 1))
    decision, loan = await _gps_on_a_decision(client, team, person["id"], "2026-09-16")
    lapsed = (await client.get(f"{API}/loans/{loan['id']}", headers=team)).json()
    url = f"{API}/legal-decisions/{decision['id']}/end"
    body = {"ended_on": "2026-10-01", "reason": "Datteren flytter inn.", "device_to": "in_repair"}
    match = {**team, "If-Match": f'"{decision["version"]}"'}

    ahead = await client.post(url, json={**body, "ended_on": "2026-10-02"}, headers=match)
    ended = await client.post(url, json=body, headers=match)
    again = await client.post(
        url, json=body, headers={**team, "If-Match": f'"{decision["version"] + 1}"'}
    )
    after = (await client.get(f"{API}/loans/{loan['id']}", headers=team)).json()
    renew = await client.post(
        f"{API}/legal-decisions/{decision['id']}/renew",
        json={
            "conditions": CONDITIONS,
            "person_does_not_resist": True,
            "decided_on": "2026-10-01",
            "valid_from": "2026-10-01",
            "valid_until": "2027-01-01",
        },
        headers={**team, "If-Match": f'"{decision["version"] + 1}"'},
    )

    assert lapsed["legal_basis_lapsed"] is True
    assert ahead.json()["errors"][0]["field"] == "body.ended_on"
    assert ended.status_code == 200, ended.text
    assert ended.json()["loans_ended"] == [loan["id"]]
    [shown] = ended.json()["assessment"]["legal_decisions"]
    assert (shown["status"], shown["ended_on"], shown["ended_by_name"]) == (
        "ended",
        "2026-10-01",
        "Jonas Berg",
    )
    assert (after["status"], after["ended_on"], after["device"]["status"]) == (
        "ended",
        "2026-10-01",
        "in_repair",
    )
    assert after["end_reason"].endswith("Datteren flytter inn.")
    assert after["legal_basis_lapsed"] is False
    assert again.json()["type"] == f"{PROBLEMS}decision-closed"
    assert renew.json()["type"] == f"{PROBLEMS}decision-closed"
    async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
        types = (await connection.execute(text("SELECT type FROM events"))).scalars().all()
    assert {"wt_legal_decision.ended", "loan.ended"} <= set(types)


async def test_an_unknown_decision_is_404(client: httpx.AsyncClient, team: dict[str, str]) -> None:
    url = f"{API}/legal-decisions/00000000-0000-4000-8000-000000000000/end"
    body = {"ended_on": "2026-10-01", "reason": "x"}

    response = await client.post(url, json=body, headers={**team, "If-Match": '"1"'})

    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.fixture
def statements(client: httpx.AsyncClient) -> Iterator[list[str]]:
    """The SQL statements the welfaretech app issues during the test."""
    app: FastAPI = client._transport.app  # type: ignore[attr-defined]
    issued: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        issued.append(statement)

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    yield issued
    event.remove(engine, "before_cursor_execute", record)


async def test_the_loans_list_issues_the_same_statements_for_one_loan_as_for_three(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    statements: list[str],
) -> None:
    """The page's devices, checks, deviations, § 4-6 a decisions and access-log rows are read
    and written in batches, not once per loan."""
    url = f"{API}/loans?person_id={person['id']}"
    await lend_alarm(client, team, person["id"])
    statements.clear()
    assert len((await client.get(url, headers=team)).json()["items"]) == 1
    for_one = len(statements)

    await lend_alarm(client, team, person["id"])
    await lend_alarm(client, team, person["id"])
    statements.clear()
    assert len((await client.get(url, headers=team)).json()["items"]) == 3

    assert len(statements) == for_one, "\n".join(statements)


async def test_the_loans_list_reads_neither_checks_nor_findings(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    statements: list[str],
) -> None:
    """A list item is a `LoanSummary`: the checks and deviations are on the loan itself, and
    the § 4-6 a basis is judged from the assessment's capacity and decisions, not from its
    findings and recommendations."""
    loan = await lend_alarm(client, team, person["id"])
    statements.clear()

    listed = (await client.get(f"{API}/loans?person_id={person['id']}", headers=team)).json()

    [item] = listed["items"]
    assert "checks" not in item and "deviations" not in item
    assert item["id"] == loan["id"] and item["needs_legal_decision"] is False
    read = "\n".join(s for s in statements if s.lstrip().upper().startswith("SELECT"))
    assert "loan_checks" not in read and "deviation_reports" not in read, read
    assert "assessments.abilities" not in read and "recommendations.reasons" not in read, read
    one = (await client.get(f"{API}/loans/{loan['id']}", headers=team)).json()
    assert [check["kind"] for check in one["checks"]] == ["alarm_test"]  # at installation
    assert one["deviations"] == []


async def test_while_intake_is_slow_the_loan_reads_hold_no_database_connection(
    client: httpx.AsyncClient,
    database_urls: dict[str, str],
    signing_key: Any,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    intake_server: RunningServer,
) -> None:
    """Intake behind a hop that holds each name lookup until the test lets it on: while the
    loans list and a loan wait for the person's name, welfaretech's pool has nothing checked
    out (a slow intake must not run the pool dry), and the answers still carry the name."""
    loan = await lend_alarm(client, team, person["id"])
    held: list[int] = []
    answers: list[httpx.Response] = []
    async with HeldUpstream(intake_server.url) as slow_intake:
        settings = WelfaretechSettings(
            **settings_kwargs("welfaretech", database_urls, signing_key),
            intake_url=slow_intake.url,
            http_retries=0,
        )
        app = create_app(settings)
        async for http in open_client(app):
            for url in (f"{API}/loans?person_id={person['id']}", f"{API}/loans/{loan['id']}"):
                checked_out, answer = await slow_intake.held_while(app, http, url, team)
                held.append(checked_out)
                answers.append(answer)

    assert held == [0, 0]
    assert [a.status_code for a in answers] == [200, 200], [a.text for a in answers]
    assert answers[0].json()["items"][0]["person_name"] == "Åse Ødegård"
    assert answers[1].json()["person_name"] == "Åse Ødegård"


async def test_a_clinicians_list_shows_each_loan_as_the_loan_itself_shows_it(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    today_is: Callable[[date], None],
) -> None:
    """The list reads its loans as columns, a loan is read whole: each listed loan of the
    clinician's unit (on a § 4-6 a decision that lapses soon, ended without one, a dispenser
    with its checklist) is the loan as its own page shows it, without checks and deviations;
    another unit's loan is not listed."""
    today_is(date(2026, 4, 1))
    _, gps = await _gps_on_a_decision(client, team, person["id"], "2026-04-20")
    alarm = await lend_alarm(client, team, person["id"], installed_on="2026-03-19")
    ended = await client.post(
        f"{API}/loans/{alarm['id']}/end",
        json={"ended_on": "2026-04-01", "reason": "Flyttet på sykehjem"},
        headers={**team, "If-Match": f'"{alarm["version"]}"'},
    )
    assessment = await assess(client, team, person["id"], needs=["medication_management"])
    dispenser = await accept(client, team, recommended(assessment, "medisindispenser"))
    device = await add_device(client, team, "medisindispenser")
    dispensing = await client.post(
        f"{API}/loans",
        json=loan_body(
            dispenser["id"],
            device["id"],
            installed_on="2026-03-20",
            dispenser_checklist=DISPENSER_CHECKLIST,
        ),
        headers=team,
    )
    await lend_alarm(client, team, person["id"], unit="hjemmetjenesten-as")
    nurse = headers_for("helsepersonell", units=["hjemmetjenesten-ski"])

    listed = (await client.get(f"{API}/loans?person_id={person['id']}", headers=nurse)).json()
    shown = [
        (await client.get(f"{API}/loans/{i['id']}", headers=nurse)).json() for i in listed["items"]
    ]

    assert ended.status_code == 200 and dispensing.status_code == 201, dispensing.text
    assert [i["id"] for i in listed["items"]] == [gps["id"], alarm["id"], dispensing.json()["id"]]
    assert listed["items"] == [
        {k: v for k, v in one.items() if k not in ("checks", "deviations")} for one in shown
    ]
    assert [one["legal_decision_lapses_soon"] for one in shown] == [True, False, False]
    assert [one["status"] for one in shown] == ["active", "ended", "active"]


async def test_the_loans_list_pages_each_choice_of_filters_with_its_own_values(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    intake_server: RunningServer,
) -> None:
    """The list's statement is built once for each choice of status, person and units, their
    values bound when run: one loan a page, the cursors walk each choice in installation
    order without repeats, and each page holds only what its own request asked for."""
    other = await register_person(intake_server, headers_for("saksbehandler"))
    first = await lend_alarm(client, team, person["id"], installed_on="2026-03-18")
    elsewhere = await lend_alarm(
        client, team, person["id"], installed_on="2026-03-19", unit="hjemmetjenesten-as"
    )
    theirs = await lend_alarm(client, team, other["id"], installed_on="2026-03-20")
    ended = await client.post(
        f"{API}/loans/{first['id']}/end",
        json={"ended_on": "2026-04-01", "reason": "Flyttet på sykehjem"},
        headers={**team, "If-Match": f'"{first["version"]}"'},
    )
    assert ended.status_code == 200, ended.text
    nurse = headers_for("helsepersonell", units=["hjemmetjenesten-ski"])

    async def walk(headers: dict[str, str], **params: str) -> list[str]:
        return await walk_pages(client, f"{API}/loans", headers, **params)

    ours = [first["id"], elsewhere["id"]]
    assert await walk(team) == [*ours, theirs["id"]]
    assert await walk(team, status="active") == [elsewhere["id"], theirs["id"]]
    assert await walk(team, status="ended") == [first["id"]]
    assert await walk(team, person_id=person["id"]) == ours
    assert await walk(team, person_id=other["id"], status="active") == [theirs["id"]]
    assert await walk(nurse) == [first["id"], theirs["id"]]
    assert await walk(nurse, person_id=person["id"], status="active") == []

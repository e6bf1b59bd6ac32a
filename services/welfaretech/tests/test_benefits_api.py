"""Benefit realisation over HTTP: baseline, follow-ups, the ledger and the dashboard."""

from collections.abc import Callable
from typing import Any

import httpx

from services.welfaretech.tests.conftest import API, lend_alarm

BASELINE = {
    "kind": "baseline",
    "week": 0,
    "measured_on": "2026-03-17",
    "planned_visits_per_week": "14",
    "night_visits_per_week": "7",
    "staff_minutes_per_week": "420",
    "falls_last_4_weeks": 2,
    "admissions_last_4_weeks": 1,
    "felt_safety": 2,
    "staff_hour_cost_nok": 600,
    "gain_owner": "Hjemmetjenesten Ski",
    "realisation": "Frigjort tid brukes til nye brukere uten ny bemanning",
}
FOLLOW_UP = {
    **{
        k: v
        for k, v in BASELINE.items()
        if k not in ("staff_hour_cost_nok", "gain_owner", "realisation")
    },
    "kind": "follow_up",
    "week": 8,
    "measured_on": "2026-05-13",
    "planned_visits_per_week": "7",
    "night_visits_per_week": "0",
    "staff_minutes_per_week": "180",
    "falls_last_4_weeks": 0,
    "admissions_last_4_weeks": 0,
    "felt_safety": 4,
}


async def test_a_follow_up_against_the_baseline_gives_a_ledger_per_measure(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
) -> None:
    loan = await lend_alarm(client, team, person["id"])
    url = f"{API}/loans/{loan['id']}/measurements"
    home_care = headers_for("helsepersonell", units=["hjemmetjenesten-ski"])

    baseline = await client.post(url, json=BASELINE, headers=team)
    follow_up = await client.post(url, json=FOLLOW_UP, headers=home_care)
    other_unit = headers_for("helsepersonell", units=["hjemmetjenesten-kolbotn"])
    elsewhere = await client.post(url, json={**FOLLOW_UP, "week": 12}, headers=other_unit)
    benefits = (await client.get(f"{API}/loans/{loan['id']}/benefits", headers=team)).json()

    assert (baseline.status_code, follow_up.status_code) == (201, 201), follow_up.text
    assert elsewhere.status_code == 403  # home care records follow-ups for the persons it serves
    ledger = {line["measure"]: line for line in benefits["ledger"]}
    assert ledger["staff_hours"]["gain"] == "4.00"
    assert ledger["night_visits"]["gain_per_year"] == "364.00"
    assert ledger["net_cost"]["formula"].startswith("4.00 h × 600 NOK")
    assert benefits["gain_owner"] == "Hjemmetjenesten Ski"
    assert benefits["follow_up_week"] == 8


async def test_the_dashboard_sums_per_technology_and_municipality(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    municipality: str,
) -> None:
    for _ in range(2):
        loan = await lend_alarm(client, team, person["id"])
        url = f"{API}/loans/{loan['id']}/measurements"
        await client.post(url, json=BASELINE, headers=team)
        await client.post(url, json=FOLLOW_UP, headers=team)
    earlier = {**FOLLOW_UP, "week": 4, "staff_minutes_per_week": "360"}
    assert (await client.post(url, json=earlier, headers=team)).status_code == 201
    baseline_only = await lend_alarm(client, team, person["id"])
    await client.post(
        f"{API}/loans/{baseline_only['id']}/measurements", json=BASELINE, headers=team
    )

    board = (await client.get(f"{API}/benefits/dashboard", headers=headers_for("leder"))).json()

    assert (board["municipality"], board["loans_measured"]) == (municipality, 2)
    totals = {t["measure"]: t for t in board["totals"]}
    assert totals["staff_hours"]["gain"] == "8.00"
    assert len(totals["staff_hours"]["loans"]) == 2
    parts = totals["staff_hours"]["parts"]  # the numbers behind the figure, loan by loan
    assert [p["gain"] for p in parts] == ["4.00", "4.00"]
    assert {p["loan_id"] for p in parts} == set(totals["staff_hours"]["loans"])
    assert all(p["baseline"] and p["follow_up"] and p["formula"] for p in parts)
    assert board["by_technology"][0]["technology_code"] == "trygghetsalarm"
    assert board["active_loans"] == 3


async def test_measurement_errors(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
) -> None:
    loan = await lend_alarm(client, team, person["id"])
    url = f"{API}/loans/{loan['id']}/measurements"

    early = await client.post(url, json=FOLLOW_UP, headers=team)
    by_home_care = await client.post(
        url, json=BASELINE, headers=headers_for("helsepersonell", units=["hjemmetjenesten-ski"])
    )
    wrong_week = await client.post(url, json={**BASELINE, "week": 3}, headers=team)
    unsafe = await client.post(url, json={**BASELINE, "felt_safety": 9}, headers=team)
    await client.post(url, json=BASELINE, headers=team)
    twice = await client.post(url, json=BASELINE, headers=team)

    assert early.json()["type"].endswith("/baseline-missing")
    assert by_home_care.status_code == 403
    assert wrong_week.json()["errors"][0]["field"] == "body.week"
    assert unsafe.json()["errors"][0]["field"] == "body.felt_safety"
    assert twice.json()["type"].endswith("/measurement-exists")


async def test_caseworkers_do_not_see_the_dashboard(
    client: httpx.AsyncClient, headers_for: Callable[..., dict[str, str]]
) -> None:
    response = await client.get(f"{API}/benefits/dashboard", headers=headers_for("saksbehandler"))

    assert response.status_code == 403

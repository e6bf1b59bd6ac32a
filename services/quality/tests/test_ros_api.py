"""ROS analyses over HTTP against real PostgreSQL: hazards on the risk matrix, each high
risk turned into a measure before approval, and deviations that confirm a hazard."""

from collections.abc import Callable
from typing import Any

import httpx

from services.quality.tests.conftest import API, OTHER_UNIT, UNIT, report

Headers = Callable[..., dict[str, str]]

ROS = {
    "unit": UNIT,
    "title": "ROS legemiddelhåndtering 2026",
    "scope": "Legemiddelhåndtering i hjemmetjenesten, fra multidose til utdeling.",
    "analysed_on": "2026-11-20",
    "participants": ["Kari Nordby", "Aisha Rahman", "Farmasøyt Lund"],
}
HIGH = {"description": "Feil dose ved bytte av multidose", "consequence": 4, "probability": 4}
LOW = {"description": "Dosett mistet på gulvet", "consequence": 1, "probability": 2}
MEASURE = {
    "description": "Dobbeltkontroll ved bytte",
    "responsible": "Kari Nordby",
    "due_on": "2027-03-01",
}


def if_match(headers: dict[str, str], version: int) -> dict[str, str]:
    return {**headers, "If-Match": f'"{version}"'}


async def create(client: httpx.AsyncClient, headers: dict[str, str], **overrides: Any) -> Any:
    response = await client.post(f"{API}/ros-analyses", json={**ROS, **overrides}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


async def add_hazard(
    client: httpx.AsyncClient, headers: dict[str, str], analysis: Any, hazard: dict[str, Any]
) -> Any:
    response = await client.post(
        f"{API}/ros-analyses/{analysis['id']}/hazards",
        json=hazard,
        headers=if_match(headers, analysis["version"]),
    )
    assert response.status_code == 200, response.text
    return response.json()


async def test_a_leader_grades_hazards_and_approves_once_each_high_risk_has_a_measure(
    client: httpx.AsyncClient, leader: dict[str, str]
) -> None:
    analysis = await create(client, leader)
    assert analysis["status"] == "draft" and analysis["participants"][0] == "Kari Nordby"

    analysis = await add_hazard(client, leader, analysis, LOW)
    analysis = await add_hazard(client, leader, analysis, HIGH)
    high = analysis["hazards"][0]
    assert high["risk_score"] == 16 and high["risk_level"] == "high"
    assert high["needs_measure"] is True
    assert analysis["hazards"][1]["risk_level"] == "low"

    refused = await client.post(
        f"{API}/ros-analyses/{analysis['id']}/approve",
        headers=if_match(leader, analysis["version"]),
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "hazards.0"

    measure = await client.post(
        f"{API}/ros-analyses/{analysis['id']}/hazards/{high['id']}/measures",
        json=MEASURE,
        headers=leader,
    )
    assert measure.status_code == 201, measure.text
    assert measure.json()["source"] == "ros_hazard" and measure.json()["status"] == "planned"

    approved = await client.post(
        f"{API}/ros-analyses/{analysis['id']}/approve",
        headers=if_match(leader, analysis["version"]),
    )
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved"
    assert approved.json()["approved_by"] == "Kari Nordby"
    assert approved.json()["hazards"][0]["needs_measure"] is False

    again = await client.post(
        f"{API}/ros-analyses/{analysis['id']}/approve",
        headers=if_match(leader, approved.json()["version"]),
    )
    assert again.status_code == 409

    listed = (await client.get(f"{API}/ros-analyses", headers=leader)).json()["items"]
    summary = next(a for a in listed if a["id"] == analysis["id"])
    assert summary["hazards"] == 2 and summary["high_risks"] == 1
    assert summary["without_measure"] == 0


async def test_a_stale_copy_is_a_412_and_a_missing_if_match_a_428(
    client: httpx.AsyncClient, leader: dict[str, str]
) -> None:
    analysis = await create(client, leader)
    await add_hazard(client, leader, analysis, LOW)

    stale = await client.post(
        f"{API}/ros-analyses/{analysis['id']}/hazards",
        json=HIGH,
        headers=if_match(leader, analysis["version"]),
    )
    missing = await client.patch(
        f"{API}/ros-analyses/{analysis['id']}", json={"title": "Ny"}, headers=leader
    )

    assert stale.status_code == 412
    assert missing.status_code == 428


async def test_bad_grades_and_a_future_date_are_422(
    client: httpx.AsyncClient, leader: dict[str, str]
) -> None:
    analysis = await create(client, leader)
    bad_grade = await client.post(
        f"{API}/ros-analyses/{analysis['id']}/hazards",
        json={**HIGH, "consequence": 6},
        headers=if_match(leader, analysis["version"]),
    )
    future = await client.post(
        f"{API}/ros-analyses", json={**ROS, "analysed_on": "2099-01-01"}, headers=leader
    )
    nobody = await client.post(
        f"{API}/ros-analyses", json={**ROS, "participants": [" "]}, headers=leader
    )

    assert bad_grade.status_code == 422
    assert future.status_code == 422 and future.json()["errors"][0]["field"] == "body.analysed_on"
    assert nobody.status_code == 422


async def test_a_leader_sees_only_their_units_and_an_employee_none(
    client: httpx.AsyncClient,
    leader: dict[str, str],
    nurse: dict[str, str],
    headers_for: Headers,
    quality_lead: dict[str, str],
) -> None:
    analysis = await create(client, leader)
    other_leader = headers_for("leder", units=[OTHER_UNIT], sub="leader-2")

    assert (
        await client.get(f"{API}/ros-analyses/{analysis['id']}", headers=other_leader)
    ).status_code == 404
    assert (
        await client.post(f"{API}/ros-analyses", json=ROS, headers=other_leader)
    ).status_code == 403
    assert (await client.get(f"{API}/ros-analyses", headers=nurse)).status_code == 403
    assert (
        await client.get(f"{API}/ros-analyses/{analysis['id']}", headers=quality_lead)
    ).status_code == 200
    other_list = (await client.get(f"{API}/ros-analyses", headers=other_leader)).json()["items"]
    assert analysis["id"] not in {a["id"] for a in other_list}


async def test_nobody_outside_the_municipality_sees_an_analysis(
    client: httpx.AsyncClient, leader: dict[str, str], token_factory: Callable[..., str]
) -> None:
    analysis = await create(client, leader)
    elsewhere = {"Authorization": f"Bearer {token_factory('kvalitetsleder', municipality='9999')}"}

    assert (
        await client.get(f"{API}/ros-analyses/{analysis['id']}", headers=elsewhere)
    ).status_code == 404
    assert analysis["id"] not in (await client.get(f"{API}/ros-analyses", headers=elsewhere)).text


async def test_a_deviation_points_to_the_hazard_it_confirms(
    client: httpx.AsyncClient, leader: dict[str, str], nurse: dict[str, str], headers_for: Headers
) -> None:
    analysis = await add_hazard(client, leader, await create(client, leader), HIGH)
    hazard = analysis["hazards"][0]
    deviation = await report(client, nurse)

    choices = await client.get(f"{API}/ros-hazards", params={"unit": UNIT}, headers=leader)
    assert hazard["id"] in {h["id"] for h in choices.json()}
    linked = await client.put(
        f"{API}/deviations/{deviation['id']}/references",
        json={"hazard_id": hazard["id"]},
        headers=leader,
    )
    assert linked.status_code == 200, linked.text
    assert linked.json()["hazard"]["description"] == HIGH["description"]

    seen_by_reporter = await client.get(
        f"{API}/deviations/{deviation['id']}/references", headers=nurse
    )
    assert seen_by_reporter.json()["hazard"]["id"] == hazard["id"]
    reread = (await client.get(f"{API}/ros-analyses/{analysis['id']}", headers=leader)).json()
    assert reread["hazards"][0]["confirmed_by_deviations"] == 1
    steps = (await client.get(f"{API}/deviations/{deviation['id']}", headers=leader)).json()[
        "steps"
    ]
    assert steps[-1]["action"] == "references"

    by_nurse = await client.put(
        f"{API}/deviations/{deviation['id']}/references",
        json={"hazard_id": None},
        headers=nurse,
    )
    assert by_nurse.status_code == 403


async def test_a_hazard_of_another_unit_or_unknown_is_a_422(
    client: httpx.AsyncClient,
    leader: dict[str, str],
    nurse: dict[str, str],
    quality_lead: dict[str, str],
) -> None:
    elsewhere = await create(client, quality_lead, unit=OTHER_UNIT)
    hazard = (await add_hazard(client, quality_lead, elsewhere, LOW))["hazards"][0]
    deviation = await report(client, nurse)

    wrong_unit = await client.put(
        f"{API}/deviations/{deviation['id']}/references",
        json={"hazard_id": hazard["id"]},
        headers=leader,
    )
    unknown = await client.put(
        f"{API}/deviations/{deviation['id']}/references",
        json={"hazard_id": "00000000-0000-4000-8000-000000000000"},
        headers=leader,
    )

    assert wrong_unit.status_code == 422
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "body.hazard_id"


async def test_a_measure_is_followed_up_with_if_match_and_shows_overdue(
    client: httpx.AsyncClient, leader: dict[str, str], today_is: Any
) -> None:
    from datetime import date

    analysis = await add_hazard(client, leader, await create(client, leader), HIGH)
    hazard = analysis["hazards"][0]
    created = (
        await client.post(
            f"{API}/ros-analyses/{analysis['id']}/hazards/{hazard['id']}/measures",
            json=MEASURE,
            headers=leader,
        )
    ).json()

    today_is(date(2027, 3, 2))
    overdue = (await client.get(f"{API}/measures", headers=leader)).json()["items"]
    assert next(m for m in overdue if m["id"] == created["id"])["is_overdue"] is True

    done = await client.patch(
        f"{API}/measures/{created['id']}",
        json={"status": "done"},
        headers=if_match(leader, created["version"]),
    )
    stale = await client.patch(
        f"{API}/measures/{created['id']}",
        json={"status": "cancelled"},
        headers=if_match(leader, created["version"]),
    )

    assert done.status_code == 200 and done.json()["done_on"] == "2027-03-02"
    assert done.json()["is_overdue"] is False
    assert stale.status_code == 412
    past = await client.post(
        f"{API}/ros-analyses/{analysis['id']}/hazards/{hazard['id']}/measures",
        json={**MEASURE, "due_on": "2027-01-01"},
        headers=leader,
    )
    assert past.status_code == 422


async def test_the_analyses_are_cursor_paged_newest_first(
    client: httpx.AsyncClient, leader: dict[str, str]
) -> None:
    days = ["2026-11-20", "2026-10-01", "2026-11-20", "2026-06-15"]
    for day in days:
        await create(client, leader, analysed_on=day)

    seen: list[Any] = []
    cursor = None
    for _ in range(5):  # one a page, so two of the same day fall on two pages
        params: dict[str, Any] = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        page = (await client.get(f"{API}/ros-analyses", params=params, headers=leader)).json()
        seen += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert [a["analysed_on"] for a in seen] == sorted(days, reverse=True)
    assert len({a["id"] for a in seen}) == 4

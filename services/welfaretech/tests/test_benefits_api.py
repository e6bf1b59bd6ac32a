"""Benefit realisation over HTTP: baseline, follow-ups, the ledger and the dashboard."""

import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncSession

from dev.demo.bulk import Tables, write_tables
from dev.testing import tenant_connection
from services.welfaretech.domain.benefits import Sums
from services.welfaretech.repositories.benefits import BenefitRepo
from services.welfaretech.tests.conftest import API, add_device, lend_alarm


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
    assert (totals["staff_hours"]["baseline"], totals["staff_hours"]["follow_up"]) == (
        "14.00",
        "6.00",  # the latest follow-up (week 8: 180 min), not the earlier week 4
    )
    assert totals["staff_hours"]["loans_measured"] == 2
    assert totals["felt_safety"]["gain"] == "2.00"  # the mean
    assert "parts" not in totals["staff_hours"] and "loans" not in totals["staff_hours"]
    assert board["by_technology"][0]["technology_code"] == "trygghetsalarm"
    assert board["active_loans"] == 3


async def test_the_dashboards_figures_are_the_sums_of_the_loans_ledgers(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
) -> None:
    """Summed in PostgreSQL and rounded by the ledger's rules, each figure equals the sum of
    the loans' own ledger lines (odd minutes and costs, a worse follow-up included)."""
    odd: list[tuple[dict[str, Any], dict[str, Any]]] = [
        ({"staff_minutes_per_week": "37.50", "staff_hour_cost_nok": 613}, {"week": 3}),
        ({"staff_minutes_per_week": "100.10"}, {"staff_minutes_per_week": "210.70"}),
        ({"staff_minutes_per_week": "7.50", "staff_hour_cost_nok": None}, {"felt_safety": 1}),
    ]
    ledgers = []
    for baseline, follow_up in odd:
        loan = await lend_alarm(client, team, person["id"])
        url = f"{API}/loans/{loan['id']}/measurements"
        created = [
            await client.post(url, json={**BASELINE, **baseline}, headers=team),
            await client.post(url, json={**FOLLOW_UP, **follow_up}, headers=team),
        ]
        assert [r.status_code for r in created] == [201, 201], created[-1].text
        benefits = await client.get(f"{API}/loans/{loan['id']}/benefits", headers=team)
        ledgers.append({line["measure"]: line for line in benefits.json()["ledger"]})

    board = (await client.get(f"{API}/benefits/dashboard", headers=team)).json()

    for figure in board["totals"]:
        lines = [ledger[figure["measure"]] for ledger in ledgers]
        gains = sum((Decimal(line["gain"]) for line in lines), Decimal(0))
        if figure["measure"] == "felt_safety":
            assert Decimal(figure["gain"]) == (gains / 3).quantize(Decimal("0.01"))
            continue
        assert Decimal(figure["gain"]) == gains, figure
        assert Decimal(figure["gain_per_year"]) == sum(
            Decimal(line["gain_per_year"]) for line in lines
        )
        assert Decimal(figure["baseline"]) == sum(Decimal(line["baseline"]) for line in lines)
        assert Decimal(figure["follow_up"]) == sum(Decimal(line["follow_up"]) for line in lines)
    assert board["by_technology"][0]["totals"] == board["totals"]


async def test_the_dashboard_issues_the_same_statements_and_size_for_one_loan_as_for_three(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    statements: list[str],
) -> None:
    async def measured() -> None:
        loan = await lend_alarm(client, team, person["id"])
        url = f"{API}/loans/{loan['id']}/measurements"
        await client.post(url, json=BASELINE, headers=team)
        await client.post(url, json=FOLLOW_UP, headers=team)

    await measured()
    statements.clear()
    one = await client.get(f"{API}/benefits/dashboard", headers=team)
    for_one = len(statements)
    await measured()
    await measured()
    statements.clear()
    three = await client.get(f"{API}/benefits/dashboard", headers=team)

    assert (one.json()["loans_measured"], three.json()["loans_measured"]) == (1, 3)
    assert len(statements) == for_one, "\n".join(statements)
    assert abs(len(three.content) - len(one.content)) < 100  # only the numbers differ


async def test_the_loans_behind_a_figure_page_by_page_in_the_access_log(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    headers_for: Callable[..., dict[str, str]],
    database_urls: dict[str, str],
    municipality: str,
    statements: list[str],
) -> None:
    loans = []
    for minutes in ("420", "300", "240"):
        loan = await lend_alarm(client, team, person["id"])
        url = f"{API}/loans/{loan['id']}/measurements"
        await client.post(url, json={**BASELINE, "staff_minutes_per_week": minutes}, headers=team)
        await client.post(url, json=FOLLOW_UP, headers=team)
        loans.append(loan["id"])
    not_measured = await lend_alarm(client, team, person["id"])
    url = f"{API}/benefits/dashboard/loans"

    statements.clear()
    first = await client.get(url, params={"limit": 2, "technology": "trygghetsalarm"}, headers=team)
    per_page = len(statements)
    second = await client.get(
        url,
        params={"limit": 2, "technology": "trygghetsalarm", "cursor": first.json()["next_cursor"]},
        headers=team,
    )
    municipal = await client.get(url, headers=headers_for("leder"))
    other_unit = await client.get(
        url, headers=headers_for("helsepersonell", units=["hjemmetjenesten-kolbotn"])
    )
    bad_cursor = await client.get(url, params={"cursor": "not-a-cursor"}, headers=team)
    unknown = await client.get(url, params={"technology": "no-such-thing"}, headers=team)
    refused = await client.get(url, headers=headers_for("admin"))

    assert first.status_code == 200, first.text
    items = [*first.json()["items"], *second.json()["items"]]
    assert [item["loan_id"] for item in items] == sorted(loans)  # one day: in id order
    assert second.json()["next_cursor"] is None
    hours = {
        item["loan_id"]: next(x["gain"] for x in item["ledger"] if x["measure"] == "staff_hours")
        for item in items
    }
    assert [hours[loan] for loan in loans] == ["4.00", "2.00", "1.00"]
    assert items[0]["follow_up_week"] == 8 and items[0]["unit"] == "hjemmetjenesten-ski"
    assert not_measured["id"] not in {i["loan_id"] for i in municipal.json()["items"]}
    assert other_unit.json()["items"] == []  # home care sees the loans of its own units
    assert (bad_cursor.status_code, bad_cursor.json()["errors"][0]["field"]) == (
        422,
        "query.cursor",
    )
    assert (unknown.status_code, unknown.json()["errors"][0]["field"]) == (
        422,
        "query.technology",
    )
    assert unknown.headers["content-type"].startswith("application/problem+json")
    assert refused.status_code == 403
    inserts = [s for s in statements[:per_page] if s.lstrip().upper().startswith("INSERT")]
    assert len(inserts) == 1, "\n".join(statements[:per_page])  # the page's log, one statement
    async with tenant_connection(database_urls["welfaretech"], municipality) as connection:
        logged = (
            (
                await connection.execute(
                    text(
                        "SELECT resource_id FROM access_log WHERE resource = 'loan_benefits' "
                        "AND action = 'search' ORDER BY sequence"
                    )
                )
            )
            .scalars()
            .all()
        )
    assert [str(x) for x in logged[:3]] == sorted(loans)


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


async def kept_and_worked_out(
    database_url: str, municipality: str
) -> tuple[list[tuple[str, Sums]], list[tuple[str, Sums]]]:
    """The sums the dashboard reads (kept per technology) and the same worked out from every
    measurement (the query the dashboard ran before the sums were kept: the oracle)."""
    async with tenant_connection(database_url, municipality) as connection:
        repo = BenefitRepo(AsyncSession(bind=connection))
        kept = await repo.sums_by_technology(default_staff_hour_cost_nok=600)
        worked_out = await repo.sums_by_technology_from_the_measurements(
            default_staff_hour_cost_nok=600
        )
    return [(t.code, s) for t, s in kept], [(t.code, s) for t, s in worked_out]


async def test_the_kept_sums_equal_the_sums_worked_out_from_the_measurements(
    client: httpx.AsyncClient,
    catalogue: list[str],
    person: dict[str, Any],
    team: dict[str, str],
    database_urls: dict[str, str],
    municipality: str,
) -> None:
    """Whatever writes the measurements (the API, a correction in SQL, a bulk insert of a
    baseline with its follow-ups in one statement as the demo generator writes them), and
    when a loan's device or a device's technology changes, the sums the dashboard reads
    equal those worked out from the measurements."""
    url = database_urls["welfaretech"]
    replaced, ended, baseline_only, uncosted, bulk = [
        await lend_alarm(client, team, person["id"]) for _ in range(5)
    ]

    async def record(loan: dict[str, Any], *bodies: dict[str, Any]) -> None:
        for body in bodies:
            response = await client.post(
                f"{API}/loans/{loan['id']}/measurements", json=body, headers=team
            )
            assert response.status_code == 201, response.text

    await record(replaced, BASELINE, {**FOLLOW_UP, "week": 4, "staff_minutes_per_week": "360"})
    await record(replaced, {**FOLLOW_UP, "week": 12})  # replaces week 4 as the latest
    await record(ended, {**BASELINE, "staff_minutes_per_week": "37.50", "staff_hour_cost_nok": 613})
    await record(ended, {**FOLLOW_UP, "staff_minutes_per_week": "7.70"})
    end = await client.post(
        f"{API}/loans/{ended['id']}/end",
        json={"ended_on": "2026-06-01", "reason": "Flyttet på sykehjem"},
        headers={**team, "If-Match": f'"{ended["version"]}"'},
    )
    assert end.status_code == 200, end.text
    await record(baseline_only, BASELINE)
    await record(uncosted, {**BASELINE, "staff_hour_cost_nok": None}, FOLLOW_UP)

    kept, worked_out = await kept_and_worked_out(url, municipality)
    assert kept == worked_out
    assert [(code, sums.loans) for code, sums in kept] == [("trygghetsalarm", 3)]
    board = (await client.get(f"{API}/benefits/dashboard", headers=team)).json()
    staff_hours = next(t for t in board["totals"] if t["measure"] == "staff_hours")
    assert (board["loans_measured"], staff_hours["follow_up"]) == (3, "6.13")  # 3 + 0.13 + 3

    # Corrections no flow makes: a follow-up changed, the latest follow-up taken away (the
    # earlier one counts again), a loan moved to another technology's device, a device's
    # technology changed.
    other_device = await add_device(client, team, "medisindispenser")
    async with tenant_connection(url, municipality) as connection:
        await connection.execute(
            text(
                "UPDATE benefit_measurements SET staff_minutes_per_week = 100.10, felt_safety = 5 "
                "WHERE loan_id = :loan AND kind = 'follow_up'"
            ),
            {"loan": uncosted["id"]},
        )
        await connection.execute(
            text("DELETE FROM benefit_measurements WHERE loan_id = :loan AND week = 12"),
            {"loan": replaced["id"]},
        )
        await connection.execute(
            text("UPDATE loans SET device_id = :device WHERE id = :loan"),
            {"device": other_device["id"], "loan": ended["id"]},
        )
        await connection.execute(
            text(
                "UPDATE devices SET technology_id = "
                "(SELECT id FROM technologies WHERE code = 'fallsensor') "
                "WHERE id = (SELECT device_id FROM loans WHERE id = :loan)"
            ),
            {"loan": uncosted["id"]},
        )

    kept, worked_out = await kept_and_worked_out(url, municipality)
    assert kept == worked_out
    assert [(code, sums.loans) for code, sums in kept] == [
        ("fallsensor", 1),
        ("medisindispenser", 1),
        ("trygghetsalarm", 1),
    ]

    # A baseline and its follow-ups in one statement, and the loan with only a baseline
    # followed up in the same statement, as the demo generator writes them.
    tables = Tables(municipality)
    rows = [
        (bulk, {**BASELINE, "staff_minutes_per_week": "90.5"}),
        (bulk, {**FOLLOW_UP, "week": 4, "staff_minutes_per_week": "30"}),
        (bulk, {**FOLLOW_UP, "week": 12, "staff_minutes_per_week": "45"}),
        (baseline_only, {**FOLLOW_UP, "week": 26}),
    ]
    for loan, body in rows:
        tables.add(
            "benefit_measurements",
            uuid.uuid4(),
            datetime.now(UTC),
            **{
                "staff_hour_cost_nok": None,
                "gain_owner": None,
                "realisation": None,
                **body,
                "measured_on": date.fromisoformat(body["measured_on"]),
                **{
                    key: Decimal(body[key])
                    for key in (
                        "planned_visits_per_week",
                        "night_visits_per_week",
                        "staff_minutes_per_week",
                    )
                },
                "loan_id": uuid.UUID(loan["id"]),
                "recorded_by_name": "Demo",
            },
        )
    await write_tables(url, tables)

    kept, worked_out = await kept_and_worked_out(url, municipality)
    assert kept == worked_out
    assert [(code, sums.loans) for code, sums in kept] == [
        ("fallsensor", 1),
        ("medisindispenser", 1),
        ("trygghetsalarm", 3),
    ]

"""The demo data: a catalogue, an inventory and stories with real numbers, loaded twice safely."""

import uuid
from collections.abc import Callable
from datetime import date

import httpx

from dev.testing import auth
from services.welfaretech.seed import seed_url
from services.welfaretech.tests.conftest import API
from shared.schemas.intake import PersonSummary


def persons(count: int) -> list[PersonSummary]:
    return [
        PersonSummary(
            id=uuid.uuid4(),
            given_name="Demo",
            family_name=f"Person {n}",
            birth_date=date(1940, 1, 1),
            national_id_masked="010140*****",
            city="Ski",
        )
        for n in range(count)
    ]


async def test_the_demo_data_gives_the_dashboard_real_numbers_and_loads_once(
    client: httpx.AsyncClient, database_urls: dict[str, str], token_factory: Callable[..., str]
) -> None:
    demo = {"3207": persons(20), "5032": persons(10)}

    first = await seed_url(database_urls["welfaretech"], demo)
    second = await seed_url(database_urls["welfaretech"], demo)

    assert (first, second) == (22, 0)
    for number in ("3207", "5032"):
        leader = auth(token_factory("leder", municipality=number))
        board = (await client.get(f"{API}/benefits/dashboard", headers=leader)).json()
        assert board["loans_measured"] >= 3, board
        staff_hours = next(t for t in board["totals"] if t["measure"] == "staff_hours")
        assert float(staff_hours["gain"]) > 0
    team = auth(token_factory("velferdsteknolog", municipality="3207"))
    loans = (await client.get(f"{API}/loans?limit=100", headers=team)).json()["items"]
    assert {loan["status"] for loan in loans} == {"active", "ended"}
    for number in ("3207", "5032"):
        team_there = auth(token_factory("velferdsteknolog", municipality=number))
        devices = (await client.get(f"{API}/devices?limit=100", headers=team_there)).json()
        assert {d["status"] for d in devices["items"]} == {
            "in_stock",
            "on_loan",
            "in_repair",
            "retired",
        }
        there = (await client.get(f"{API}/loans?limit=100", headers=team_there)).json()["items"]
        assert {loan["status"] for loan in there} == {"active", "ended"}
    assert any(loan["is_trial"] for loan in loans)
    assert any(loan["is_check_overdue"] for loan in loans)
    assert all("checks" not in loan and "deviations" not in loan for loan in loans)
    pending = False
    for loan in loans:  # a loan's deviations are on the loan itself
        shown = (await client.get(f"{API}/loans/{loan['id']}", headers=team)).json()
        if any(d["status"] == "pending" for d in shown["deviations"]):
            pending = True
            break
    assert pending
    public = (await client.get(f"{API}/public/5032/technologies")).json()["items"]
    assert {t["kpr_service_code"] for t in public} >= {"26", "27", "28"}

"""Statistics, the heat map, the trend, the CSV export and similar earlier deviations."""

import csv
import io
from datetime import date
from typing import Any

import httpx

from services.quality.tests.conftest import API, OTHER_UNIT, report


async def test_statistics_count_by_category_unit_risk_and_month_with_a_heat_map(
    client: httpx.AsyncClient,
    nurse: dict[str, str],
    quality_lead: dict[str, str],
    headers_for: Any,
    today_is: Any,
) -> None:
    today_is(date(2026, 1, 15))
    await report(client, nurse, consequence=4, probability=3)
    today_is(date(2026, 3, 2))
    await report(client, nurse, category="fall", consequence=1, probability=2, is_serious=True)
    await report(client, headers_for("helsepersonell", units=[OTHER_UNIT]), unit=OTHER_UNIT)

    response = await client.get(
        f"{API}/statistics",
        params={"first": "2026-01-01", "last": "2026-03-31"},
        headers=quality_lead,
    )

    stats = response.json()
    assert response.status_code == 200
    assert stats["total"] == 3 and stats["serious"] == 1 and stats["open"] == 3
    assert {c["key"]: c["count"] for c in stats["by_category"]}["medication"] == 2
    assert {c["key"]: c["count"] for c in stats["by_unit"]} == {
        "hjemmetjenesten-ski": 2,
        OTHER_UNIT: 1,
    }
    assert {c["key"]: c["count"] for c in stats["by_risk_level"]} == {
        "low": 1,
        "medium": 1,
        "high": 1,
    }
    assert len(stats["heat_map"]) == 25
    cell = next(c for c in stats["heat_map"] if (c["consequence"], c["probability"]) == (4, 3))
    assert cell == {"consequence": 4, "probability": 3, "risk_level": "high", "count": 1}
    assert [(p["period"], p["count"]) for p in stats["trend"]] == [
        ("2026-01", 1),
        ("2026-02", 0),
        ("2026-03", 2),
    ]


async def test_statistics_and_the_export_count_only_the_asked_unit_category_and_days(
    client: httpx.AsyncClient,
    nurse: dict[str, str],
    quality_lead: dict[str, str],
    headers_for: Any,
    today_is: Any,
) -> None:
    """The filters are values of statements built once: each choice of them counts what it
    names, and the period's first and last days are in it."""
    other_nurse = headers_for("helsepersonell", units=[OTHER_UNIT])
    today_is(date(2026, 4, 30))
    await report(client, nurse, category="fall")
    today_is(date(2026, 5, 1))
    await report(client, nurse, category="fall")
    await report(client, nurse)
    await report(client, other_nurse, unit=OTHER_UNIT, category="fall")
    today_is(date(2026, 5, 31))
    await report(client, other_nurse, unit=OTHER_UNIT)
    today_is(date(2026, 6, 1))
    await report(client, nurse, category="fall")
    may = {"first": "2026-05-01", "last": "2026-05-31"}

    async def total(**params: str) -> int:
        response = await client.get(
            f"{API}/statistics", params={**may, **params}, headers=quality_lead
        )
        assert response.status_code == 200, response.text
        return int(response.json()["total"])

    export = await client.get(
        f"{API}/statistics/export.csv", params={**may, "category": "fall"}, headers=quality_lead
    )
    rows = list(csv.reader(io.StringIO(export.text.lstrip("\ufeff")), delimiter=";"))

    assert await total() == 4
    assert await total(unit=OTHER_UNIT) == 2
    assert await total(category="fall") == 2
    assert await total(unit="hjemmetjenesten-ski", category="fall") == 1
    assert await total(unit=OTHER_UNIT, category="medication") == 1
    assert sorted((r[1], r[2]) for r in rows[1:]) == sorted(
        [("2026-05-01", "hjemmetjenesten-ski"), ("2026-05-01", OTHER_UNIT)]
    )


async def test_a_leader_sees_statistics_of_their_own_units_only(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str], headers_for: Any
) -> None:
    await report(client, nurse)
    await report(client, headers_for("helsepersonell", units=[OTHER_UNIT]), unit=OTHER_UNIT)
    period = {"first": "2024-01-01", "last": "2028-12-31"}

    own = await client.get(f"{API}/statistics", params=period, headers=leader)
    other = await client.get(
        f"{API}/statistics",
        params={**period, "unit": OTHER_UNIT},
        headers=leader,
    )
    nurse_asks = await client.get(f"{API}/statistics", params=period, headers=nurse)

    assert own.json()["total"] == 1 and own.json()["units"] == ["hjemmetjenesten-ski"]
    assert other.status_code == 422
    assert nurse_asks.status_code == 403


async def test_a_period_that_ends_before_it_starts_is_a_422(
    client: httpx.AsyncClient, quality_lead: dict[str, str]
) -> None:
    response = await client.get(
        f"{API}/statistics",
        params={"first": "2026-03-01", "last": "2026-01-01"},
        headers=quality_lead,
    )
    missing = await client.get(f"{API}/statistics", headers=quality_lead)

    assert response.status_code == 422 and missing.status_code == 422


async def test_the_csv_export_has_one_row_per_deviation_and_no_free_text(
    client: httpx.AsyncClient, nurse: dict[str, str], quality_lead: dict[str, str]
) -> None:
    created = await report(client, nurse, what_happened="Hemmelig fritekst")

    response = await client.get(
        f"{API}/statistics/export.csv",
        params={"first": "2024-01-01", "last": "2028-12-31"},
        headers=quality_lead,
    )

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["id", "reported_on", "unit"]
    assert [r[0] for r in rows[1:]] == [created["id"]]
    assert "Hemmelig" not in response.text and "nurse-1" not in response.text


async def test_similar_earlier_deviations_of_the_same_category_and_unit_are_shown(
    client: httpx.AsyncClient, nurse: dict[str, str], leader: dict[str, str], headers_for: Any
) -> None:
    earlier = await report(client, nurse)
    await report(client, nurse, category="fall")
    await report(client, headers_for("helsepersonell", units=[OTHER_UNIT]), unit=OTHER_UNIT)
    current = await report(client, nurse)

    response = await client.get(f"{API}/deviations/{current['id']}/similar", headers=leader)
    refused = await client.get(f"{API}/deviations/{current['id']}/similar", headers=nurse)

    assert [d["id"] for d in response.json()] == [earlier["id"]]
    assert refused.status_code == 403

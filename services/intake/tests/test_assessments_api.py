"""Recording assessments: what matters first, every score, computed need level, follow-ups."""

from collections.abc import Callable
from typing import Any

import httpx

from dev.testing import auth
from services.intake.domain.functional import VARIABLES, Group
from services.intake.tests.conftest import API, application_body, register_person


def scores(value: int, **overrides: int) -> dict[str, int]:
    return {
        v.code: (min(value, 4) if v.group == Group.sensory else value) for v in VARIABLES
    } | overrides


def assessment_body(**overrides: Any) -> dict[str, Any]:
    body = {
        "what_matters": [
            {"text": "Å gå tur med hunden hver dag", "priority": 1},
            {"text": "Bo hjemme så lenge jeg kan", "priority": 2},
        ],
        "assessed_on": "2026-03-16",
        "place": "home",
        "scores": scores(3),
        "own_resources": "Klarer lett matlaging selv.",
        "network": "Datter i nærheten, nabo ser innom.",
        "relatives_contribution": "Datteren kan handle på lørdager.",
        "housing": {"kind": "own_home", "accessible": False, "stairs": True},
        "rehabilitation_potential": "yes",
        "welfare_technology": {"positive": True, "needs": ["safety_alarm", "fall_sensor"]},
        "nutrition_risk": "some",
        "fall_risk": "high",
        "expected_duration_months": 12,
        "diagnoses": [{"system": "ICPC-2", "code": "K77", "text": "Hjertesvikt"}],
    }
    return {**body, **overrides}


async def new_application(
    client: httpx.AsyncClient, caseworker: dict[str, str], **overrides: Any
) -> dict[str, Any]:
    person = await register_person(client, caseworker)
    response = await client.post(
        f"{API}/applications", json=application_body(person["id"], **overrides), headers=caseworker
    )
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def test_an_assessment_derives_the_need_level_and_the_criteria_facts(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    application = await new_application(client, caseworker)

    response = await client.post(
        f"{API}/applications/{application['id']}/assessments",
        json=assessment_body(),
        headers=caseworker,
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["what_matters"][0]["text"] == "Å gå tur med hunden hver dag"
    assert body["derived"]["need_level"] == "moderate_to_large"
    assert body["derived"]["adl_mean"] == 3
    assert body["facts"]["has_rehabilitation_potential"] is True
    assert body["facts"]["has_fall_risk"] is True
    assert set(body["follow_ups"]) == {
        "consider_everyday_rehabilitation",
        "nutrition_follow_up",
        "fall_prevention",
        "welfare_technology_assessment",
    }
    again = (await client.get(f"{API}/applications/{application['id']}", headers=caseworker)).json()
    assert again["status"] == "in_assessment"


async def test_a_missing_or_off_scale_score_is_a_422_naming_the_variable(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    application = await new_application(client, caseworker)
    missing = scores(2)
    del missing["toalett"]

    first = await client.post(
        f"{API}/applications/{application['id']}/assessments",
        json=assessment_body(scores=missing),
        headers=caseworker,
    )
    second = await client.post(
        f"{API}/applications/{application['id']}/assessments",
        json=assessment_body(scores=scores(2, spise=7)),
        headers=caseworker,
    )
    third = await client.post(
        f"{API}/applications/{application['id']}/assessments",
        json=assessment_body(what_matters=[]),
        headers=caseworker,
    )

    assert first.status_code == second.status_code == third.status_code == 422
    assert first.json()["errors"][0]["field"] == "body.scores.toalett"
    assert second.json()["errors"][0]["field"] == "body.scores.spise"
    assert third.json()["errors"][0]["field"] == "body.what_matters"


async def test_a_positive_welfare_technology_screening_becomes_a_request_in_the_feed(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    application = await new_application(client, caseworker)
    await client.post(
        f"{API}/applications/{application['id']}/assessments",
        json=assessment_body(),
        headers=caseworker,
    )

    feed = (
        await client.get(
            f"{API}/events",
            headers=auth(token_factory("systemintegrasjon", municipality=municipality)),
        )
    ).json()

    requested = [e for e in feed["items"] if e["type"] == "welfare_technology.requested"]
    assert requested[0]["data"]["needs"] == ["safety_alarm", "fall_sensor"]
    assert [e["type"] for e in feed["items"]].count("assessment.completed") == 1


async def test_a_clinician_assesses_only_where_their_unit_was_asked(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    asked = await new_application(client, caseworker, assessment_unit="hjemmetjenesten-nord")
    other = await new_application(client, caseworker, assessment_unit="hjemmetjenesten-sor")
    nurse = auth(
        token_factory("helsepersonell", municipality=municipality, units=["hjemmetjenesten-nord"])
    )

    allowed = await client.post(
        f"{API}/applications/{asked['id']}/assessments", json=assessment_body(), headers=nurse
    )
    refused = await client.post(
        f"{API}/applications/{other['id']}/assessments", json=assessment_body(), headers=nurse
    )
    read_refused = await client.get(f"{API}/applications/{other['id']}/assessments", headers=nurse)

    assert allowed.status_code == 201
    assert refused.status_code == 403
    assert read_refused.status_code == 403


async def test_assessments_are_history_and_show_in_the_timeline(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    application = await new_application(client, caseworker)
    url = f"{API}/applications/{application['id']}/assessments"
    await client.post(url, json=assessment_body(scores=scores(2)), headers=caseworker)
    await client.post(
        url, json=assessment_body(assessed_on="2026-03-20", scores=scores(4)), headers=caseworker
    )

    listed = (await client.get(url, headers=caseworker)).json()
    timeline = (
        await client.get(
            f"{API}/persons/{application['person']['id']}/timeline", headers=caseworker
        )
    ).json()

    assert [a["derived"]["need_level"] for a in listed] == ["limited", "extensive"]
    assert [e["kind"] for e in timeline].count("assessment.completed") == 2


async def test_the_functional_variables_are_served_with_their_scales(
    client: httpx.AsyncClient, caseworker: dict[str, str]
) -> None:
    variables = (await client.get(f"{API}/functional-variables", headers=caseworker)).json()

    by_code = {v["code"]: v for v in variables}
    assert by_code["spise"]["scale"] == [1, 2, 3, 4, 5, 9]
    assert by_code["syn"]["scale"] == [1, 2, 3, 4, 9]
    assert by_code["hukommelse"]["name"]["nn"] == "Hugs"


async def test_the_need_level_follows_the_municipality_s_own_rule_and_shows_how(
    client: httpx.AsyncClient,
    caseworker: dict[str, str],
    catalogue_services: list[str],
    token_factory: Callable[..., str],
    municipality: str,
) -> None:
    admin = auth(token_factory("admin", municipality=municipality))
    application = await new_application(client, caseworker)
    before = (
        await client.post(
            f"{API}/applications/{application['id']}/assessments",
            json=assessment_body(scores=scores(2)),
            headers=caseworker,
        )
    ).json()
    wrong = await client.put(
        f"{API}/settings",
        json={
            "four_eyes": False,
            "need_level_rule": {"moderate_from": 3.5, "extensive_from": 2.0, "source": "Vedtak"},
        },
        headers={**admin, "If-Match": '"0"'},
    )
    changed = await client.put(
        f"{API}/settings",
        json={
            "four_eyes": False,
            "need_level_rule": {
                "moderate_from": 2.0,
                "extensive_from": 3.0,
                "source": "Kommunestyrets vedtak 2026/14 om tildeling",
            },
        },
        headers={**admin, "If-Match": '"0"'},
    )
    after = (
        await client.post(
            f"{API}/applications/{application['id']}/assessments",
            json=assessment_body(scores=scores(2)),
            headers=caseworker,
        )
    ).json()

    assert before["derived"]["need_level"] == "limited"
    assert before["derived"]["rule_version"] == 0 and before["derived"]["moderate_from"] == 2.5
    assert wrong.status_code == 422
    assert changed.json()["need_level_rule"]["version"] == 1
    assert after["derived"]["need_level"] == "moderate_to_large"
    assert after["derived"]["rule_version"] == 1
    assert after["derived"]["rule"] == "Kommunestyrets vedtak 2026/14 om tildeling"
    assert after["derived"]["scored"] >= 10


async def test_an_assessment_draft_is_saved_as_you_go_and_goes_away_when_recorded(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    application = await new_application(client, caseworker)
    url = f"{API}/applications/{application['id']}/assessment-draft"

    none_yet = await client.get(url, headers=caseworker)
    first = await client.put(
        url, json={"content": {"what_matters": "Gå tur"}}, headers={**caseworker, "If-Match": '"0"'}
    )
    second = await client.put(
        url,
        json={"content": {"what_matters": "Gå tur med hunden", "scores": {"syn": 1}}},
        headers={**caseworker, "If-Match": '"1"'},
    )
    stale = await client.put(url, json={"content": {}}, headers={**caseworker, "If-Match": '"1"'})
    reopened = await client.get(url, headers=caseworker)
    await client.post(
        f"{API}/applications/{application['id']}/assessments",
        json=assessment_body(),
        headers=caseworker,
    )
    after = await client.get(url, headers=caseworker)

    assert none_yet.status_code == 404
    assert first.status_code == 200 and second.json()["version"] == 2
    assert stale.status_code == 412
    assert reopened.json()["content"]["scores"] == {"syn": 1}
    assert after.status_code == 404


async def test_a_draft_save_retried_with_its_idempotency_key_gets_the_first_answer_again(
    client: httpx.AsyncClient, caseworker: dict[str, str], catalogue_services: list[str]
) -> None:
    """A tablet whose answer was lost on a weak connection sends the same save again; the
    key makes it the same save, not a 412 from its own first one."""
    application = await new_application(client, caseworker)
    url = f"{API}/applications/{application['id']}/assessment-draft"
    headers = {**caseworker, "If-Match": '"0"', "Idempotency-Key": "draft-save-1"}
    body = {"content": {"what_matters": [{"text": "Gå tur"}]}}

    first = await client.put(url, json=body, headers=headers)
    retried = await client.put(url, json=body, headers=headers)
    other_body = await client.put(url, json={"content": {}}, headers=headers)
    next_save = await client.put(
        url,
        json={"content": {"what_matters": [{"text": "Gå tur med hunden"}]}},
        headers={**caseworker, "If-Match": first.headers["ETag"], "Idempotency-Key": "draft-2"},
    )

    assert first.status_code == 200 and first.headers["ETag"] == '"1"'
    assert retried.status_code == 200 and retried.json() == first.json()
    assert retried.headers["ETag"] == '"1"'
    assert other_body.status_code == 409
    assert next_save.status_code == 200 and next_save.json()["version"] == 2


async def test_a_users_language_follows_them_not_the_browser(
    client: httpx.AsyncClient, token_factory: Callable[..., str], municipality: str
) -> None:
    nurse = auth(token_factory("helsepersonell", municipality=municipality, sub="tone"))
    colleague = auth(token_factory("helsepersonell", municipality=municipality, sub="aisha"))

    before = (await client.get(f"{API}/me/preferences", headers=nurse)).json()
    saved = await client.put(
        f"{API}/me/preferences", json={"language": "nn"}, headers={**nurse, "If-Match": '"0"'}
    )
    wrong = await client.put(
        f"{API}/me/preferences", json={"language": "xx"}, headers={**nurse, "If-Match": '"1"'}
    )
    again = (await client.get(f"{API}/me/preferences", headers=nurse)).json()
    other = (await client.get(f"{API}/me/preferences", headers=colleague)).json()

    assert before == {"language": None, "version": 0}
    assert saved.status_code == 200
    assert wrong.status_code == 422
    assert again["language"] == "nn"
    assert other["language"] is None

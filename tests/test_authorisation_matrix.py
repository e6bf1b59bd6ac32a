"""The authorisation matrix, as documented and as enforced.

`docs/authorisation.md` is generated from the routes' declarations; it must be current. Then
every route of all five services, running on real ports against real PostgreSQL with the
demo municipalities loaded, is called without a token (401), with a token of every role it
does not declare (403), and, with the ids a role of one demo municipality sees, by the same
role of the other municipality: it gets a 404, or exactly the answer an id that does not
exist gets (some per-person lists answer an empty 200 for any id; the run lists them).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from dev.issuer import SigningKey
from dev.routes import RouteAccess, authorisation_document, route_accesses
from dev.testing import auth
from dev.users import DemoUser, demo_users
from services.intake.tests.test_assessments_api import assessment_body as intake_assessment
from services.welfaretech.tests.conftest import assessment_body
from shared.clock import today_in_norway
from shared.schemas.roles import Role
from tests.running_system import System, running_system

ROOT = Path(__file__).resolve().parents[1]
OWN, OTHER = "3207", "5032"
PARAM = re.compile(r"\{([^}]+)\}")


def test_the_authorisation_document_is_current() -> None:
    written = (ROOT / "docs" / "authorisation.md").read_text(encoding="utf-8")

    assert written == authorisation_document(), (
        "docs/authorisation.md is stale: run `python -m dev.routes --write docs/authorisation.md`"
    )


def test_the_document_has_a_row_for_every_route_and_a_column_for_every_role() -> None:
    document = authorisation_document()
    rows = route_accesses()

    for row in rows:
        assert f"| {row.method} | `{row.path}` |" in document
    for role in Role:
        assert (
            f" {role.value} |"
            in document.splitlines()[document.splitlines().index("## intake") + 2]
        )
    assert "row-level security" in document and "tjenstlig behov" in document


# --- the matrix against the running services -----------------------------------------


def user_for(role: Role, municipality: str) -> DemoUser:
    return next(u for u in demo_users() if u.municipality == municipality and role in u.roles)


@pytest.fixture(scope="module")
async def system(
    database_urls: dict[str, str],
    signing_key: SigningKey,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[System]:
    async with running_system(
        database_urls, signing_key, tmp_path_factory.mktemp("matrix")
    ) as system:
        yield system


@pytest.fixture(scope="module")
async def demo_loaded(
    database_urls: dict[str, str], system: System, token_factory: Callable[..., str]
) -> None:
    """Every service's demo data for both demo municipalities, by each service's own loader
    (as `make run` loads it); loading twice adds nothing."""
    from services.catalogue.seed import seed_url as seed_catalogue
    from services.coordination.seed import read_intake
    from services.coordination.seed import seed_url as seed_coordination
    from services.intake.seed import PERSONS, read_catalogue
    from services.intake.seed import seed as seed_intake
    from services.quality.seed import seed_url as seed_quality
    from services.welfaretech.seed import read_persons
    from services.welfaretech.seed import seed_url as seed_welfaretech
    from shared.db import create_engine, create_sessionmaker

    await seed_catalogue(database_urls["catalogue"])
    catalogues: dict[str, Any] = {}
    intake_data: dict[str, Any] = {}
    persons: dict[str, Any] = {}
    for number in PERSONS:
        headers = auth(token_factory("saksbehandler", municipality=number))
        async with httpx.AsyncClient(
            base_url=system.services["catalogue"].url, headers=headers, timeout=30
        ) as client:
            catalogues[number] = await read_catalogue(client)
    engine = create_engine(database_urls["intake"])
    await seed_intake(create_sessionmaker(engine), catalogues, today=date.today())
    await engine.dispose()
    for number in PERSONS:
        headers = auth(token_factory("saksbehandler", municipality=number))
        async with httpx.AsyncClient(
            base_url=system.services["intake"].url, headers=headers, timeout=30
        ) as client:
            intake_data[number] = await read_intake(client, number)
            persons[number] = await read_persons(client)
    coordinators = {
        number: (
            user_for(Role.coordinator, number).username,
            user_for(Role.coordinator, number).name,
        )
        for number in PERSONS
    }
    await seed_coordination(database_urls["coordination"], intake_data, coordinators)
    await seed_welfaretech(database_urls["welfaretech"], persons)
    await seed_quality(database_urls["quality"])


@dataclass
class Walk:
    """What the walk saw, and what broke the matrix."""

    requests: int = 0
    broken: list[str] = field(default_factory=list)
    ids: dict[str, set[str]] = field(default_factory=dict)
    isolated: int = 0
    unknown_is_2xx: set[str] = field(default_factory=set)


def token(token_factory: Callable[..., str], role: Role, municipality: str) -> dict[str, str]:
    user = user_for(role, municipality)
    return auth(
        token_factory(
            role, municipality=municipality, sub=user.username, name=user.name, units=user.units
        )
    )


def placeholder(name: str) -> str:
    if name == "municipality":
        return OWN
    if name.endswith("id") or name.endswith("_sub"):
        return str(uuid.uuid4())
    return "x-unknown"


def singular(segment: str) -> str:
    word = segment.replace("-", "_")
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def harvest(value: Any, resource: str | None, ids: dict[str, set[str]]) -> None:
    """Collect ids by the path parameter they would fill: an item of `/decisions` gives
    `decision_id`, and any `<x>_id` field gives `<x>_id`."""
    if isinstance(value, list):
        for item in value:
            harvest(item, resource, ids)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and item:
                if key == "id" and resource:
                    ids.setdefault(f"{resource}_id", set()).add(item)
                elif key.endswith("_id"):
                    ids.setdefault(key, set()).add(item)
                elif key == "code" and resource:
                    ids.setdefault("code", set()).add(item)
            elif isinstance(item, dict | list):
                harvest(item, singular(key) if key != "items" else resource, ids)


def filled(path: str, ids: dict[str, set[str]]) -> list[str]:
    """The path with harvested ids in its parameters (a few combinations), or nothing."""
    names = PARAM.findall(path)
    if any(name not in ids and name != "municipality" for name in names):
        return []
    paths = []
    for attempt in range(2):
        result = path
        for name in names:
            values = sorted(ids.get(name, {OWN}))
            result = result.replace(f"{{{name}}}", values[attempt % len(values)])
        paths.append(result)
    return sorted(set(paths))


def same_answer(theirs: httpx.Response, path: str, probe: httpx.Response, unknown: str) -> bool:
    """The other municipality's answer for our ids is the one for ids that do not exist
    (the path in the body aside): it learns nothing, not even that the ids exist."""
    return theirs.status_code == probe.status_code and theirs.text.replace(
        path, "<path>"
    ) == probe.text.replace(unknown, "<path>")


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
OWN_STAFF = {u.username for u in demo_users() if u.municipality == OWN} | {
    u.name for u in demo_users() if u.municipality == OWN
}


def leaks(mine: httpx.Response, theirs: httpx.Response, path: str) -> set[str]:
    """Ids of the own municipality's rows (other than those in the path) or the names of its
    staff that the other municipality's answer shows."""
    own = {value for value in UUID.findall(mine.text) if value not in path}
    own |= {value for value in OWN_STAFF if value in mine.text}
    return {value for value in own if value in theirs.text}


def declared(row: RouteAccess) -> frozenset[Role]:
    assert row.access is not None, f"{row.method} {row.path} declares no access"
    return row.access.roles


async def call(client: httpx.AsyncClient, method: str, path: str, **kwargs: Any) -> httpx.Response:
    if method in ("POST", "PUT", "PATCH"):
        kwargs.setdefault("json", {})
    return await client.request(method, path, timeout=60, **kwargs)


async def test_every_route_refuses_without_a_token_and_without_a_declared_role(
    system: System, token_factory: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    walk = Walk()
    rows = [row for row in route_accesses() if row.access is None or not row.access.public]
    async with httpx.AsyncClient(base_url=system.gateway.url) as client:
        for row in rows:
            path = PARAM.sub(lambda m: placeholder(m.group(1)), row.path)
            anonymous = await call(client, row.method, path)
            walk.requests += 1
            if anonymous.status_code != 401:
                walk.broken.append(
                    f"{row.method} {row.path} without a token: {anonymous.status_code}"
                )
            for role in set(Role) - declared(row):
                refused = await call(
                    client, row.method, path, headers=token(token_factory, role, OWN)
                )
                walk.requests += 1
                if refused.status_code != 403:
                    walk.broken.append(
                        f"{row.method} {row.path} as {role.value}: {refused.status_code}, not 403"
                    )

    with capsys.disabled():
        print(f"\nauthorisation matrix: {len(rows)} routes, {walk.requests} requests refused")
    assert not walk.broken, "\n".join(walk.broken[:50])


async def test_another_municipalitys_ids_are_never_found(
    system: System,
    demo_loaded: None,
    token_factory: Callable[..., str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each role reads what it may in the own municipality, collecting ids; every route that
    takes ids is then called with them, in the own municipality and by the same role of the
    other one. Where the own municipality gets a 2xx, the other gets a 404, or the very answer
    an id that does not exist gets: it learns nothing, not even that the id exists."""
    walk = Walk()
    rows = [row for row in route_accesses() if row.access and not row.access.public]
    reads = [row for row in rows if row.method == "GET"]
    async with httpx.AsyncClient(base_url=system.gateway.url) as client:
        for role in Role:
            ids: dict[str, set[str]] = {}
            own, other = token(token_factory, role, OWN), token(token_factory, role, OTHER)
            for row in reads:
                if role in declared(row) and not PARAM.search(row.path):
                    listed = await client.get(row.path, headers=own, timeout=60)
                    walk.requests += 1
                    if listed.status_code == 200 and "json" in listed.headers["content-type"]:
                        segment = [s for s in row.path.split("/") if s][-1]
                        harvest(listed.json(), singular(segment), ids)
            for row in reads:
                if role not in declared(row) or not PARAM.search(row.path):
                    continue
                unknown = PARAM.sub(lambda m: placeholder(m.group(1)), row.path)
                probe = await client.get(unknown, headers=other, timeout=60)
                walk.requests += 1
                for path in filled(row.path, ids):
                    mine = await client.get(path, headers=own, timeout=60)
                    theirs = await client.get(path, headers=other, timeout=60)
                    walk.requests += 2
                    label = f"GET {row.path} as {role.value}"
                    if mine.status_code >= 500 or theirs.status_code >= 500:
                        walk.broken.append(f"{label}: {mine.status_code}/{theirs.status_code}")
                    if not 200 <= mine.status_code < 300:
                        continue
                    walk.isolated += 1
                    if theirs.status_code == 404:
                        continue
                    leaked = leaks(mine, theirs, path)
                    if leaked:
                        walk.broken.append(
                            f"{label} of {OTHER} with {OWN}'s ids: {theirs.status_code}, "
                            f"showing {OWN}'s {sorted(leaked)[:3]}"
                        )
                    elif not same_answer(theirs, path, probe, unknown):
                        walk.unknown_is_2xx.add(f"{label}: {theirs.status_code}, its own rows")
                    else:
                        walk.unknown_is_2xx.add(f"{label}: {theirs.status_code}")

    with capsys.disabled():
        print(
            f"\nmunicipality isolation: {walk.requests} requests; {walk.isolated} reads that "
            f"{OWN} gets, none of them found by {OTHER}"
        )
        for note in sorted(walk.unknown_is_2xx):
            print(f"  not a 404, but nothing of {OWN}'s: {note}")
    assert not walk.broken, "\n".join(walk.broken[:50])
    assert walk.isolated >= 20, "too few reads with real ids: the walk proved little"


# --- with and without a relation to the person -------------------------------------------


@dataclass(frozen=True)
class Owned:
    """A record as a relation check sees it: whose it is, and the unit it names, if any."""

    person: str
    unit: str | None
    itself: bool = True
    """Read as the record itself (from its own list), not as a reference from another."""
    names_unit: bool = False
    """The record has a unit of its own (`unit`, or an application's `assessment_unit`)."""


@dataclass
class Seed:
    """What the own municipality's demo data says about who serves whom, read through the
    services' APIs by roles that read across: the ground truth the relation walk checks
    the services' answers against."""

    today: date
    persons: set[str] = field(default_factory=set)
    in_force: dict[str, set[str]] = field(default_factory=dict)
    """Per person, the units delivering a granted decision in force today."""
    assessing: dict[str, set[str]] = field(default_factory=dict)
    """Per person, the units asked to assess one of their applications."""
    welfare: dict[str, set[str]] = field(default_factory=dict)
    """Per person, the units of their welfare-technology referrals and running loans."""
    touched: dict[str, set[str]] = field(default_factory=dict)
    """Per person, every unit and employee any record of theirs names, in any service."""
    coordinators: dict[str, set[str]] = field(default_factory=dict)
    consent: dict[str, bool] = field(default_factory=dict)
    """Per plan, whether a consent in force covers the units that serve the person."""
    records: dict[str, dict[str, dict[str, Owned]]] = field(default_factory=dict)
    """Per service and path parameter, the ids a cross reader found, and whose they are."""
    units: list[str] = field(default_factory=list)

    def touch(self, person: str, *names: str | None) -> None:
        self.touched.setdefault(person, set()).update(n for n in names if n)


async def pages(client: httpx.AsyncClient, path: str, headers: dict[str, str]) -> list[Any]:
    """Every item of a paginated list (or the list itself)."""
    items: list[Any] = []
    cursor: str | None = None
    for _ in range(40):
        params: dict[str, str | int] = {"limit": 100}
        if cursor:
            params["cursor"] = cursor
        answer = await client.get(path, headers=headers, params=params, timeout=60)
        assert answer.status_code == 200, f"{path}: {answer.status_code} {answer.text[:300]}"
        body = answer.json()
        if isinstance(body, list) or "items" not in body:
            return body if isinstance(body, list) else [body]
        items += body["items"]
        cursor = body.get("next_cursor")
        if not cursor:
            break
    return items


def owner_of(value: dict[str, Any]) -> str | None:
    person = value.get("person")
    if isinstance(person, dict) and isinstance(person.get("id"), str):
        return str(person["id"])
    found = value.get("person_id")
    return found if isinstance(found, str) else None


def harvest_owned(
    value: Any, resource: str | None, found: dict[str, dict[str, Owned]], person: str | None
) -> None:
    """Like `harvest`, keeping each id's person (and its own unit, where the record names
    one): `id` of an item of `/loans` is a `loan_id` of that loan's person."""
    if isinstance(value, list):
        for item in value:
            harvest_owned(item, resource, found, person)
        return
    if not isinstance(value, dict):
        return
    own = owner_of(value) or person
    unit = value.get("unit") or value.get("assessment_unit")
    names_unit = "unit" in value or "assessment_unit" in value
    if own:
        found.setdefault("person_id", {})[own] = Owned(own, None)
    for key, item in value.items():
        if isinstance(item, str) and item and own and UUID.fullmatch(item):
            if key == "id" and resource:
                found.setdefault(f"{resource}_id", {})[item] = Owned(own, unit, True, names_unit)
            elif key.endswith("_id") and key != "person_id":
                found.setdefault(key, {}).setdefault(item, Owned(own, None, itself=False))
        elif isinstance(item, dict | list) and key != "person":
            harvest_owned(item, singular(key) if key != "items" else resource, found, own)


async def read_seed(
    client: httpx.AsyncClient, token_factory: Callable[..., str], today: date
) -> Seed:
    seed = Seed(today=today)
    caseworker = token(token_factory, Role.caseworker, OWN)
    coordinator = token(token_factory, Role.coordinator, OWN)
    for person in await pages(client, "/api/intake/v1/persons", caseworker):
        seed.persons.add(person["id"])
    integration = token(token_factory, Role.integration, OWN)
    for decision in await pages(client, "/api/intake/v1/integration/decisions", integration):
        person, unit = decision["person_id"], decision["unit"]
        seed.touch(person, unit)
        end = decision["ended_on"] or decision["ends_on"]
        if (
            unit
            and decision["outcome"] == "granted"
            and decision["status"] == "in_force"
            and (
                decision["starts_on"] is None or date.fromisoformat(decision["starts_on"]) <= today
            )
            and (end is None or date.fromisoformat(end) >= today)
        ):
            seed.in_force.setdefault(person, set()).add(unit)
    for application in await pages(client, "/api/intake/v1/applications", caseworker):
        person, unit = application["person"]["id"], application["assessment_unit"]
        seed.touch(person, unit)
        if unit:
            seed.assessing.setdefault(person, set()).add(unit)
    technologist = token(token_factory, Role.welfare_technologist, OWN)
    for referral in await pages(client, "/api/welfaretech/v1/referrals", technologist):
        seed.touch(referral["person_id"], referral["unit"])
        seed.welfare.setdefault(referral["person_id"], set()).add(referral["unit"])
    for loan in await pages(client, "/api/welfaretech/v1/loans", technologist):
        seed.touch(loan["person_id"], loan["unit"])
        if loan["ended_on"] is None:
            seed.welfare.setdefault(loan["person_id"], set()).add(loan["unit"])
    for plan in await pages(client, "/api/coordination/v1/plans", coordinator):
        person = plan["person"]["id"]
        named = await pages(
            client, f"/api/coordination/v1/persons/{person}/coordinators", coordinator
        )
        contacts = await pages(
            client, f"/api/coordination/v1/persons/{person}/primary-contacts", coordinator
        )
        seed.coordinators[person] = {c["coordinator_sub"] for c in named if not c.get("to_date")}
        seed.touch(person, *(c["coordinator_sub"] for c in named))
        seed.touch(
            person, *(c.get("employee_sub") for c in contacts), *(c["unit"] for c in contacts)
        )
        content = await client.get(f"/api/coordination/v1/plans/{plan['id']}", headers=coordinator)
        if content.status_code == 200:
            body = content.json()
            seed.touch(person, *(m.get("employee_sub") for m in body.get("team", [])))
            seed.consent[plan["id"]] = any(
                c["in_force"] and "serving_units" in c["audiences"] for c in body["consents"]
            )
    seed.units = [u["code"] for u in await pages(client, "/api/catalogue/v1/units", caseworker)]
    manager = token(token_factory, Role.manager, OWN)
    lists = {
        "intake": [
            ("persons", caseworker),
            ("applications", caseworker),
            ("decisions", caseworker),
        ],
        "coordination": [("plans", coordinator), ("requests", coordinator), ("overview", manager)],
        "welfaretech": [("referrals", technologist), ("loans", technologist)],
    }
    for service, reads in lists.items():
        found = seed.records.setdefault(service, {})
        for segment, headers in reads:
            path = f"/api/{service}/v1/{segment}"
            listed = await pages(client, path, headers)
            harvest_owned(listed, singular(segment), found, None)
        for records in found.values():
            if any(record.itself for record in records.values()):
                for key in [k for k, record in records.items() if not record.itself]:
                    del records[key]
    return seed


def serves(seed: Seed, service: str, user: DemoUser, key: str, record: Owned, path: str) -> bool:
    """Whether the seed gives `user` a relation to the record's person, as `service` sees it:
    a unit of theirs delivers a decision in force, assesses the person's application, refers
    or lends to the person; on a plan, the koordinator of it, or a serving unit with a consent
    in force that covers the serving units. A record that names a unit must name theirs."""
    units = set(user.units)
    if record.names_unit and record.unit not in units:
        return False
    person = record.person
    if "{plan_id}" in path:
        if Role.coordinator in user.roles:
            return user.username in seed.coordinators.get(person, set())
        return bool(units & seed.in_force.get(person, set())) and seed.consent.get(key, False)
    in_intake = units & (seed.in_force.get(person, set()) | seed.assessing.get(person, set()))
    if service == "welfaretech":
        # welfaretech shows the person's name as intake lets the caller see them
        return bool(units & seed.welfare.get(person, set())) and bool(in_intake)
    if service == "intake":
        return bool(in_intake)
    return bool(units & seed.in_force.get(person, set()))


def unrelated(seed: Seed, user: DemoUser, person: str) -> bool:
    """No record of the person, in any service, names a unit of `user` or `user` itself."""
    return person in seed.persons and not (
        (set(user.units) | {user.username}) & seed.touched.get(person, set())
    )


def colleague(token_factory: Callable[..., str], role: Role, unit: str | None) -> dict[str, str]:
    """The same role in `unit`: the demo user's colleague there."""
    return auth(
        token_factory(
            role, municipality=OWN, sub=f"{role.value}-{unit}", name="Kollega", units=[unit]
        )
    )


def stranger(
    token_factory: Callable[..., str], role: Role, seed: Seed, person: str
) -> dict[str, str]:
    """The same role in a unit of the municipality that no record of the person names: a
    colleague without a relation to the person."""
    unit = next(u for u in seed.units if u not in seed.touched.get(person, set()))
    return auth(
        token_factory(
            role,
            municipality=OWN,
            sub=f"{role.value}-uten-relasjon",
            name="Uten Relasjon",
            units=[unit] if role != Role.coordinator else [],
        )
    )


async def ask_to_assess(
    client: httpx.AsyncClient, token_factory: Callable[..., str], today: date
) -> tuple[str, Owned]:
    """The demo data asks no unit to assess an application: the allocation office registers
    one for the demo clinician's unit to assess, for a person the unit already serves; and
    the welfare-technology team refers and assesses that person for the same unit."""
    caseworker = token(token_factory, Role.caseworker, OWN)
    unit = user_for(Role.clinician, OWN).units[0]
    integration = token(token_factory, Role.integration, OWN)
    served = sorted(
        d["person_id"]
        for d in await pages(client, "/api/intake/v1/integration/decisions", integration)
        if d["unit"] == unit and d["status"] == "in_force"
    )
    answer = await client.post(
        "/api/intake/v1/applications",
        headers={**caseworker, "Idempotency-Key": str(uuid.uuid4())},
        json={
            "person_id": served[0],
            "channel": "phone",
            "received_on": today.isoformat(),
            "services": [{"service_type": "hjemmesykepleie"}],
            "assessment_unit": unit,
        },
    )
    assert answer.status_code == 201, answer.text
    # Welfare technology: the demo data's referrals and assessments name the demo unit for
    # persons picked by the generator, which the clinician's unit may not serve in intake on
    # a given day; refer and assess the same served person for that unit, as the team would.
    technologist = token(token_factory, Role.welfare_technologist, OWN)
    referral = await client.post(
        "/api/welfaretech/v1/referrals",
        headers={**technologist, "Idempotency-Key": str(uuid.uuid4())},
        json={
            "person_id": served[0],
            "requested": ["safety_alarm"],
            "unit": unit,
            "received_on": today.isoformat(),
        },
    )
    assert referral.status_code == 201, referral.text
    assessment = await client.post(
        "/api/welfaretech/v1/assessments",
        headers={**technologist, "Idempotency-Key": str(uuid.uuid4())},
        json=assessment_body(
            served[0],
            referral_id=referral.json()["id"],
            assessed_on=today.isoformat(),
            unit=unit,
        ),
    )
    assert assessment.status_code == 201, assessment.text
    # No list names an assessment as itself (loans refer to theirs): the walk adds this one.
    return assessment.json()["id"], Owned(served[0], unit, itself=True, names_unit=True)


QUERY: dict[str, dict[str, str]] = {
    "/api/coordination/v1/plans/{plan_id}/compare": {"from": "1", "to": "1"}
}
FIXED: dict[str, str] = {"number": "1"}
MAY_BE_MISSING = {"/api/intake/v1/applications/{application_id}/assessment-draft"}
"""A draft exists only while someone writes one: with a relation it is the draft or a 404."""
LOG_ROUTES = {
    service: f"/api/{service}/v1/persons/{{person_id}}/access-log"
    for service in ("intake", "coordination", "welfaretech", "quality")
}
"""Each service's log of a person: every refusal for want of a relation must be in it."""


def _measurement() -> dict[str, Any]:
    return {
        "kind": "follow_up",
        "week": 4,
        "measured_on": today_in_norway().isoformat(),
        "planned_visits_per_week": "7",
        "night_visits_per_week": "0",
        "staff_minutes_per_week": "140",
        "falls_last_4_weeks": 0,
        "admissions_last_4_weeks": 0,
        "felt_safety": 4,
    }


def _conversation() -> dict[str, Any]:
    return {
        "relative_id": str(uuid.uuid4()),
        "phase": "introduction",
        "planned_on": today_in_norway().isoformat(),
    }


WRITES: dict[str, Callable[[], dict[str, Any]]] = {
    "/api/intake/v1/applications/{application_id}/assessment-draft": lambda: {
        "content": {"what_matters": "Å bo hjemme"}
    },
    "/api/intake/v1/applications/{application_id}/assessments": lambda: intake_assessment(
        assessed_on=today_in_norway().isoformat()
    ),
    "/api/welfaretech/v1/loans/{loan_id}/measurements": _measurement,
    "/api/coordination/v1/persons/{person_id}/relative-conversations": _conversation,
}
"""A valid body for each relation-bound write the walk sends: without a relation it must be
a 403 (nothing written); with one, past the check (done, or the route's own 409/422: the
conversation's relative is not the person's)."""


async def send(
    client: httpx.AsyncClient, row: RouteAccess, path: str, headers: dict[str, str]
) -> httpx.Response:
    if row.method == "GET":
        return await client.get(path, headers=headers, params=QUERY.get(row.path))
    return await client.request(
        row.method,
        path,
        headers={**headers, "Idempotency-Key": str(uuid.uuid4()), "If-Match": '"0"'},
        json=WRITES[row.path](),
    )


def concrete(path: str, param: str, value: str) -> str:
    result = path.replace(f"{{{param}}}", value)
    for name, fixed in FIXED.items():
        result = result.replace(f"{{{name}}}", fixed)
    return result


async def test_a_relation_bound_role_reads_a_person_only_with_a_relation(
    system: System,
    demo_loaded: None,
    token_factory: Callable[..., str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every route that declares a relation check (`allow(..., relation=...)`), about one
    person or one of their records, is called by each role it binds: with a relation the seed
    gives that role's demo user (a unit of theirs serves the person) it is a 2xx; for a person
    of the same municipality that no record of theirs connects to the user, a 403 problem,
    and a refusal in that service's access log of the person. Where the demo
    data has no unrelated record for a route (welfaretech's records are all the demo unit's),
    the same record is called by a colleague of the same role in a unit that serves nobody
    there. A route that drops its check answers the unrelated call with a 2xx and fails."""
    rows = [
        row
        for row in route_accesses()
        if row.access and row.access.relation and PARAM.search(row.path)
    ]
    walked, broken, notes = 0, [], []
    async with httpx.AsyncClient(base_url=system.gateway.url, timeout=60) as client:
        assessment_id, assessment = await ask_to_assess(client, token_factory, today_in_norway())
        seed = await read_seed(client, token_factory, today_in_norway())
        seed.records.setdefault("welfaretech", {}).setdefault("assessment_id", {})[
            assessment_id
        ] = assessment
        for row in rows:
            if row.method != "GET" and row.path not in WRITES:
                notes.append(f"{row.method} {row.path}: a write, declared, not walked")
                continue
            assert row.access is not None
            param = next(p for p in PARAM.findall(row.path) if p not in FIXED)
            records = seed.records.get(row.service, {}).get(param, {})
            for role in sorted(row.access.relation):
                user = user_for(role, OWN)
                mine = token(token_factory, role, OWN)
                with_relation = sorted(
                    i for i, r in records.items() if serves(seed, row.service, user, i, r, row.path)
                )[:2]
                without = sorted(i for i, r in records.items() if unrelated(seed, user, r.person))[
                    :2
                ]
                label = f"{row.method} {row.path} as {role.value}"
                insiders = {value: mine for value in with_relation}
                if not insiders:
                    # the demo user's units serve no such record: a colleague in the unit
                    # the record names (an application's assessing unit) has the relation
                    named = {
                        i: r.unit if r.names_unit else min(seed.in_force.get(r.person, {""}))
                        for i, r in sorted(records.items())
                        if (r.names_unit and r.unit)
                        or (seed.consent.get(i) and seed.in_force.get(r.person))
                    }
                    insiders = {
                        i: colleague(token_factory, role, unit)
                        for i, unit in list(named.items())[:1]
                    }
                    notes.append(f"{label}: with a relation as a colleague of the record's unit")
                if not insiders:
                    broken.append(f"{label}: no record with a relation in the demo data")
                    continue
                with_relation = list(insiders)
                for value, headers in insiders.items():
                    answer = await send(client, row, concrete(row.path, param, value), headers)
                    walked += 1
                    found = 200 <= answer.status_code < 300 or (
                        answer.status_code == 404 and row.path in MAY_BE_MISSING
                    )
                    if row.method != "GET":
                        # past the relation check: done, or the route's own rules say why not
                        found = answer.status_code != 403 and answer.status_code < 500
                    if not found:
                        broken.append(
                            f"{label} with a relation ({value}): {answer.status_code} "
                            f"{answer.text[:120]}"
                        )
                calls = [(value, mine, user.username) for value in without]
                if not calls:
                    value = with_relation[0]
                    other = stranger(token_factory, role, seed, records[value].person)
                    calls = [(value, other, f"{role.value}-uten-relasjon")]
                    notes.append(f"{label}: without a relation as a colleague of another unit")
                for value, headers, actor in calls:
                    answer = await send(client, row, concrete(row.path, param, value), headers)
                    walked += 1
                    if answer.status_code != 403 or not answer.headers.get(
                        "content-type", ""
                    ).startswith("application/problem+json"):
                        broken.append(
                            f"{label} without a relation: {answer.status_code}, not a 403 problem"
                        )
                        continue
                    log = LOG_ROUTES.get(row.service)
                    if log is None:
                        continue
                    person = records[value].person
                    entries = await pages(
                        client,
                        log.replace("{person_id}", person),
                        token(token_factory, Role.manager, OWN),
                    )
                    refused = [
                        e for e in entries if e["action"] == "refused" and e["actor"] == actor
                    ]
                    if not refused:
                        broken.append(f"{label}: the 403 is not in the access log as refused")

    with capsys.disabled():
        print(f"\nneed to know: {len(rows)} routes, {walked} calls with and without a relation")
        for note in sorted(set(notes)):
            print(f"  {note}")
    assert not broken, "\n".join(broken[:50])

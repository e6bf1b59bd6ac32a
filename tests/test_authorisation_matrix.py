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

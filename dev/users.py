"""The demo users: one per role in each demo municipality, and a second caseworker in each, so
four eyes can be shown (one sends a decision for approval, the other approves it); synthetic
people."""

from __future__ import annotations

from pydantic import BaseModel

from shared.schemas.roles import Role


class DemoUser(BaseModel):
    username: str
    name: str
    municipality: str
    municipality_name: str
    roles: list[Role]
    units: list[str] = []


_MUNICIPALITIES = {
    "3207": ("nordrefollo", "Nordre Follo"),
    "5032": ("selbu", "Selbu"),
}

_NAMES = {
    "3207": {
        Role.caseworker: "Ingrid Solberg",
        Role.coordinator: "Martin Haugen",
        Role.clinician: "Aisha Rahman",
        Role.welfare_technologist: "Jonas Berg",
        Role.manager: "Kari Nordby",
        Role.quality_lead: "Per Ødegård",
        Role.integration: "Fagsystem EPJ (Nordre Follo)",
        Role.admin: "Silje Bakke",
    },
    "5032": {
        Role.caseworker: "Marit Aune",
        Role.coordinator: "Ola Flønes",
        Role.clinician: "Tone Kjøsnes",
        Role.welfare_technologist: "Erik Moen",
        Role.manager: "Randi Selboe",
        Role.quality_lead: "Hans Græsli",
        Role.integration: "Fagsystem EPJ (Selbu)",
        Role.admin: "Guri Stokke",
    },
}

_SECOND = {
    "3207": {Role.caseworker: "Henrik Lunde"},
    "5032": {Role.caseworker: "Siri Rolseth"},
}
"""A second person in the role: username `<role>2-<municipality>` (saksbehandler2-selbu)."""

_UNITS = {
    "3207": {Role.clinician: ["hjemmetjenesten-ski"], Role.manager: ["hjemmetjenesten-ski"]},
    "5032": {Role.clinician: ["hjemmetjenesten-selbu"], Role.manager: ["hjemmetjenesten-selbu"]},
}


def demo_users() -> list[DemoUser]:
    users = []
    for number, (slug, municipality_name) in _MUNICIPALITIES.items():
        for role, name in _NAMES[number].items():
            users.append(
                DemoUser(
                    username=f"{role.value}-{slug}",
                    name=name,
                    municipality=number,
                    municipality_name=municipality_name,
                    roles=[role],
                    units=_UNITS[number].get(role, []),
                )
            )
        for role, name in _SECOND[number].items():
            users.append(
                DemoUser(
                    username=f"{role.value}2-{slug}",
                    name=name,
                    municipality=number,
                    municipality_name=municipality_name,
                    roles=[role],
                    units=_UNITS[number].get(role, []),
                )
            )
    return users


def demo_user(username: str) -> DemoUser | None:
    return next((user for user in demo_users() if user.username == username), None)

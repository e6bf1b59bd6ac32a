"""The person's access log as a printable page (PDF) for their innsyn request."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from services.intake.letters.render import HERE
from shared.clock import OSLO

ACTIONS = {
    "read": "lest",
    "search": "funnet i søk",
    "create": "registrert",
    "update": "endret",
    "export": "eksportert",
    "refused": "nektet tilgang",
}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(HERE), autoescape=select_autoescape(["html"]))


def access_log_html(person: Any, rows: Sequence[Any], today: date) -> str:
    return (
        _environment()
        .get_template("access_log.html")
        .render(
            name=f"{person.given_name} {person.family_name}",
            born=person.birth_date.strftime("%d.%m.%Y"),
            printed=today.strftime("%d.%m.%Y"),
            rows=[
                {
                    "at": row.occurred_at.astimezone(OSLO).strftime("%d.%m.%Y %H:%M"),
                    "actor_name": row.actor_name,
                    "roles": ", ".join(row.actor_roles),
                    "action": ACTIONS.get(row.action, row.action),
                    "resource": row.resource,
                    "reason": row.reason or "",
                }
                for row in rows
            ],
        )
    )

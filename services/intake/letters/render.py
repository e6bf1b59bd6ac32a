"""Render a decision letter; its texts are reference data (texts.json), by date and language."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def _texts() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HERE / "texts.json").read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(HERE),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )


def texts_for(language: str, on: date) -> dict[str, Any]:
    versions = sorted(_texts()["versions"], key=lambda v: v["effective_from"], reverse=True)
    version = next(v for v in versions if date.fromisoformat(v["effective_from"]) <= on)
    return {**version[language], "_governors": version["county_governors"]}


def long_date(day: date | None, language: str) -> str:
    if day is None:
        return ""
    return f"{day.day}. {_texts()['months'][language][day.month - 1]} {day.year}"


def county_governor(municipality: str, governors: dict[str, str]) -> str:
    return governors.get(municipality[:2], "Statsforvalteren")


def format_amount(amount: float) -> str:
    return f"{amount:g}".replace(".", ",")


def letter_html(decision: Any, municipality_name: str, today: date) -> str:
    """The letter for a decision (a Decision row), in its language; a draft is marked as such."""
    language = decision.language if decision.language in ("nb", "nn") else "nb"
    made_on = decision.made_on or today
    t = texts_for(language, made_on)
    service = decision.service_name.get(language) or decision.service_name["nb"]
    service_lower = (
        service[0].lower() + service[1:] if service[:2].lower() != service[:2] else service
    )
    granting = decision.outcome in ("granted", "partly_granted")
    unit_words = _texts()["scope_units"][language].get(decision.scope_unit, "")
    scope = (
        f"{format_amount(decision.scope_amount)} {unit_words}".strip()
        if decision.scope_amount is not None
        else ""
    )
    start, end = long_date(decision.starts_on, language), long_date(decision.ends_on, language)
    rights_notes = []
    if "bpa" in decision.rights:
        rights_notes.append(f"{decision.rights['bpa']['law']}: {decision.rights['bpa']['reason']}")
    if "long_term_stay" in decision.rights:
        rights_notes.append(f"{decision.rights['long_term_stay']['law']}")
    fee = None
    if decision.user_fee:
        description = decision.user_fee.get("description") or {}
        fee = (
            t["no_fee"]
            if decision.user_fee.get("kind") == "none"
            else description.get(language) or description.get("nb") or ""
        )
    criteria = None
    if decision.criteria:
        criteria = {
            "title": t["criteria"].format(
                service=service_lower,
                version=decision.criteria["version"],
                date=long_date(
                    date.fromisoformat(str(decision.criteria["effective_from"])), language
                ),
            ),
            "text": decision.criteria["text"].get(language) or decision.criteria["text"]["nb"],
        }
    deadline_text = (
        t["appeal_deadline_date"].format(deadline=long_date(decision.appeal_deadline, language))
        if decision.appeal_deadline
        else t["appeal_deadline_rule"]
    )
    person = decision.person
    address = person.address or {}
    purposes = _texts()["purposes"][language]
    context = {
        "language": language,
        "t": t,
        "is_draft": decision.status in ("draft", "ready_for_approval"),
        "municipality": municipality_name,
        "made_on": long_date(made_on, language),
        "reference": str(decision.id)[:8].upper(),
        "person": {
            "name": f"{person.given_name} {person.family_name}",
            "street": address.get("street", ""),
            "postcode": address.get("postcode", ""),
            "city": address.get("city", ""),
        },
        "service": service_lower,
        "outcome_text": t["outcome"][decision.outcome].format(service=service_lower),
        "granting": granting,
        "scope": scope,
        "period": t["period_to"].format(start=start, end=end)
        if end
        else t["period"].format(start=start),
        "purpose": purposes.get(decision.purpose) if decision.purpose else None,
        "unit": (decision.contact or {}).get("unit") or decision.unit,
        "review": long_date(decision.review_on, language),
        "facts": decision.facts,
        "considerations": decision.considerations,
        "lower_levels": decision.lower_levels,
        "legal_basis": decision.legal_basis,
        "criteria": criteria,
        "rights": rights_notes,
        "fee": fee,
        "contact": decision.contact,
        "appeal_deadline_text": deadline_text,
        "governor": county_governor(decision.municipality, t["_governors"]),
        "signed_by": decision.made_by_name or "",
    }
    return _environment().get_template("letter.html").render(**context)


def letter_pdf(html: str) -> bytes:
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, base_url=str(HERE)).write_pdf()
    return pdf

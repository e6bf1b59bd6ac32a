"""Render a decision letter; its texts are reference data (texts.json), by date and language."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from shared.schemas.catalogue import AppealAddress
from shared.schemas.common import LocalizedText

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


@dataclass(frozen=True)
class LetterContext:
    """What a letter needs beyond the decision: names from the catalogue, where appeals go,
    who signs, and for a waiting-list decision the date listed and the services meanwhile."""

    municipality_name: str
    appeals_to: AppealAddress | None = None
    appeals_board: AppealAddress | None = None
    service_names: Mapping[str, LocalizedText] = field(default_factory=dict)
    unit_names: Mapping[str, str] = field(default_factory=dict)
    signer: str = ""
    waiting_since: date | None = None
    meanwhile: Sequence[str] = ()


def _name(names: Mapping[str, LocalizedText], code: str, language: str) -> str:
    found = names.get(code)
    if found is None:
        return code
    return str(getattr(found, language, "") or found.nb)


_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _unit_name(unit: str | None, context: LetterContext) -> str | None:
    """The unit's name from the catalogue; a name typed by the caseworker as it is; never a
    code the person cannot read."""
    if not unit:
        return None
    return context.unit_names.get(unit) or (None if _SLUG.match(unit) else unit)


def _rules(decision: Any, language: str) -> list[str]:
    """Each provision with its law's name in the letter's language and its content in plain
    words (fvl § 25: the rules the decision rests on, explained)."""
    lines = []
    for basis in decision.legal_basis:
        law = (basis.get("law_name") or {}).get(language) or basis.get("law", "")
        explanation = (basis.get("explanation") or {}).get(language) or ""
        line = f"{law} {basis.get('section', '')}".strip()
        lines.append(f"{line}: {explanation}" if explanation else line)
    return lines


def _bpa_hours_notes(bpa: dict[str, Any], t: dict[str, Any]) -> list[str]:
    """Which of the assessed hours count toward the BPA right and which the law leaves out."""
    two, night = bpa.get("hours_two_helpers"), bpa.get("hours_night_excluded")
    if not (two or night) or bpa.get("hours_assessed") is None:
        return []
    notes = [
        t["bpa_hours_counted"].format(
            assessed=format_amount(bpa["hours_assessed"]),
            counted=format_amount(bpa.get("hours_counted") or 0),
        )
    ]
    if two:
        notes.append(t["bpa_hours_two_helpers"].format(hours=format_amount(two)))
    if night:
        notes.append(t["bpa_hours_night"].format(hours=format_amount(night)))
    return notes


def letter_html(decision: Any, context: LetterContext, today: date) -> str:
    """The letter for a decision (a Decision row), in its language; a draft is marked as such."""
    language = decision.language if decision.language in ("nb", "nn") else "nb"
    made_on = decision.made_on or today
    t = texts_for(language, made_on)
    service = decision.service_name.get(language) or decision.service_name["nb"]
    service_lower = (
        service[0].lower() + service[1:] if service[:2].lower() != service[:2] else service
    )
    granting = decision.outcome in ("granted", "partly_granted")
    waiting = granting and context.waiting_since is not None
    unit_words = _texts()["scope_units"][language].get(decision.scope_unit, "")
    scope = (
        f"{format_amount(decision.scope_amount)} {unit_words}".strip()
        if decision.scope_amount is not None
        else ""
    )
    start, end = long_date(decision.starts_on, language), long_date(decision.ends_on, language)
    rights_notes = []
    bpa = decision.rights.get("bpa")
    if bpa:
        rights_notes.append(t["bpa_reason"][bpa.get("reason_code") or "unknown"])
        rights_notes.extend(_bpa_hours_notes(bpa, t))
    if decision.rights.get("long_term_stay"):
        rights_notes.append(t["long_term_right"])
    fee = None
    if decision.user_fee and granting:
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
    send_to = (
        t["appeal_send_to"].format(
            name=context.appeals_to.name,
            postal=context.appeals_to.postal_address,
            digital=context.appeals_to.digital_address,
        )
        if context.appeals_to
        else t["appeal_send_to_municipality"].format(municipality=context.municipality_name)
    )
    if decision.appeal_body == "klagenemnd":
        board = context.appeals_board.name if context.appeals_board else None
        where = t["appeal_where_board"].format(board=board or t["appeals_board_generic"])
    else:
        where = t["appeal_where_governor"].format(
            governor=county_governor(decision.municipality, t["_governors"])
        )
    person = decision.person
    cared_for = f"{person.given_name} {person.family_name}"
    recipient = decision.addressee or {
        "name": cared_for,
        "address": person.address or {},
    }
    address = recipient.get("address") or {}
    purposes = _texts()["purposes"][language]
    outcome_text = (
        t["waiting_outcome"].format(
            service=service_lower, listed=long_date(context.waiting_since, language)
        )
        if waiting
        else t["outcome"][decision.outcome].format(service=service_lower)
    )
    unit_name = _unit_name(decision.unit, context)
    return (
        _environment()
        .get_template("letter.html")
        .render(
            language=language,
            t=t,
            is_draft=decision.status in ("draft", "ready_for_approval"),
            municipality=context.municipality_name,
            made_on=long_date(made_on, language),
            reference=str(decision.id)[:8].upper(),
            person={
                "name": recipient["name"],
                "street": address.get("street", ""),
                "postcode": address.get("postcode", ""),
                "city": address.get("city", ""),
            },
            concerns=t["concerns_caregiver"].format(person=cared_for)
            if decision.addressee
            else None,
            service=service_lower,
            outcome_text=outcome_text,
            granting=granting and not waiting,
            waiting=waiting,
            meanwhile=list(context.meanwhile),
            scope=scope,
            period=t["period_to"].format(start=start, end=end)
            if end
            else t["period"].format(start=start),
            purpose=purposes.get(decision.purpose) if decision.purpose else None,
            unit=unit_name,
            review=long_date(decision.review_on, language),
            facts=decision.facts,
            considerations=decision.considerations,
            lower_levels=[
                {
                    "name": _name(context.service_names, item["service_type"], language),
                    "why_not_enough": item["why_not_enough"],
                }
                for item in decision.lower_levels
            ],
            rules=_rules(decision, language),
            criteria=criteria,
            rights=rights_notes,
            fee=fee,
            contact=decision.contact if granting else None,
            contact_unit=_unit_name((decision.contact or {}).get("unit"), context),
            appeal_deadline_text=deadline_text,
            appeal_send_to=send_to,
            appeal_where=where,
            signed_by=decision.made_by_name or context.signer,
        )
    )


def letter_pdf(html: str) -> bytes:
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, base_url=str(HERE)).write_pdf()
    return pdf


def interim_reply_html(application: Any, municipality_name: str, signer: str) -> str:
    """The foreløpig svar (fvl § 11 a) as recorded on the application, in the person's
    language (nn or nb)."""
    person = application.person
    language = "nn" if person.preferred_language == "nn" else "nb"
    t = texts_for(language, application.interim_reply_sent_on)
    address = person.address or {}
    services = ", ".join(
        (item.service_name.get(language) or item.service_name["nb"]).lower()
        for item in application.items
    )
    return (
        _environment()
        .get_template("interim.html")
        .render(
            language=language,
            t=t,
            municipality=municipality_name,
            sent_on=long_date(application.interim_reply_sent_on, language),
            reference=str(application.id)[:8].upper(),
            person={
                "name": f"{person.given_name} {person.family_name}",
                "street": address.get("street", ""),
                "postcode": address.get("postcode", ""),
                "city": address.get("city", ""),
            },
            services=services,
            received=long_date(application.received_on, language),
            reason=application.interim_reply_reason or "",
            expected=long_date(application.expected_decision_by, language),
            signed_by=signer,
        )
    )

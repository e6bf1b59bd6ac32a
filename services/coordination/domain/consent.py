"""Consent to an individual plan, as data: who, when, to what, until when, and withdrawal.

An individual plan is made only with the person's consent (pbrl § 2-5 and
chapter 4; forskrift om habilitering og rehabilitering, individuell plan og
koordinator). The person consents, or someone entitled to act for them within
the scope of that authority: a guardian (verge, vergemålsloven § 21) or the
holder of a fremtidsfullmakt/fullmakt covering personal and health matters.
Consent says what it covers: the plan itself, and sharing it with named members
of the ansvarsgruppe, with the units that serve the person, or with the
allocation office. A consent that is withdrawn or has expired closes the
sharing it covered at once; the plan stays for the person and the koordinator.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from shared.errors import Conflict, RuleViolation


class ConsentGiver(StrEnum):
    person = "person"
    guardian = "guardian"
    power_of_attorney = "power_of_attorney"


class Audience(StrEnum):
    """Who, beyond the person and the koordinator, a consent lets see the plan."""

    serving_units = "serving_units"
    """Employees of the units that deliver decided services to the person."""
    allocation_office = "allocation_office"
    """The tildelingskontor (saksbehandlere)."""
    team_members = "team_members"
    """The ansvarsgruppe members named in `member_ids` who may see the plan."""


@dataclass(frozen=True)
class ConsentFacts:
    """A recorded consent as the rules see it."""

    id: uuid.UUID
    given_on: date
    valid_until: date | None
    withdrawn_on: date | None
    audiences: frozenset[Audience] = frozenset()
    member_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)


def is_in_force(consent: ConsentFacts, today: date) -> bool:
    """Given, not yet expired, not withdrawn."""
    if consent.given_on > today:
        return False
    if consent.withdrawn_on is not None and consent.withdrawn_on <= today:
        return False
    return consent.valid_until is None or consent.valid_until >= today


def in_force(consents: list[ConsentFacts], today: date) -> list[ConsentFacts]:
    return [consent for consent in consents if is_in_force(consent, today)]


def covers(consents: list[ConsentFacts], audience: Audience, today: date) -> bool:
    return any(audience in consent.audiences for consent in in_force(consents, today))


def shared_members(consents: list[ConsentFacts], today: date) -> set[uuid.UUID]:
    """The team members a consent in force lets see the plan."""
    members: set[uuid.UUID] = set()
    for consent in in_force(consents, today):
        if Audience.team_members in consent.audiences:
            members |= consent.member_ids
    return members


@dataclass(frozen=True)
class Representative:
    """A guardian or power of attorney as intake registers it for the person: the kind and
    the validity are typed; the mandate (`scope`) is the wording of the appointment."""

    id: uuid.UUID
    kind: ConsentGiver
    name: str
    scope: str
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True)
class AuthorityRule:
    """What coordination may rely on for a kind of representative, and where it comes from."""

    kind: ConsentGiver
    source: str
    mandate_from: str


AUTHORITY_RULES: dict[ConsentGiver, AuthorityRule] = {
    ConsentGiver.guardian: AuthorityRule(
        kind=ConsentGiver.guardian,
        source="vergemålsloven §§ 20–21",
        mandate_from="Statsforvalteren's decision; it may cover economic matters only",
    ),
    ConsentGiver.power_of_attorney: AuthorityRule(
        kind=ConsentGiver.power_of_attorney,
        source="vergemålsloven §§ 78–81 (fremtidsfullmakt)",
        mandate_from="the wording of the fullmakt; it covers what it says",
    ),
}
"""Neither kind covers personal and health matters by its kind alone, and intake registers
the mandate as wording, not as typed matters. So a representative's consent needs the
koordinator's recorded confirmation that the registered wording covers them."""


def check_representative(
    giver: ConsentGiver,
    representative: Representative | None,
    today: date,
    *,
    scope_confirmed: bool,
) -> None:
    """A guardian or fullmakt consents only for the person it is registered for, as the kind
    registered, while it is valid (typed data from intake), and within its mandate: the
    koordinator has read the registered wording and confirms it covers personal or health
    matters (see `AUTHORITY_RULES`)."""
    if giver == ConsentGiver.person:
        return
    if representative is None:
        raise RuleViolation(
            "body.representative_id", "Name the guardian or fullmakt registered for the person"
        )
    if representative.kind != giver:
        raise RuleViolation(
            "body.representative_id",
            f"The registered representative is a {representative.kind.value}",
        )
    if (representative.valid_from and representative.valid_from > today) or (
        representative.valid_to and representative.valid_to < today
    ):
        raise RuleViolation("body.representative_id", "The authority is not valid today")
    if not scope_confirmed:
        rule = AUTHORITY_RULES[giver]
        raise RuleViolation(
            "body.scope_confirmed",
            f"Confirm that the mandate «{representative.scope}» covers personal or health "
            f"matters ({rule.source}: {rule.mandate_from})",
        )


def check_new_consent(
    given_on: date,
    valid_until: date | None,
    member_ids: set[uuid.UUID],
    team: set[uuid.UUID],
    today: date,
) -> None:
    if given_on > today:
        raise RuleViolation("body.given_on", "A consent cannot be given in the future")
    if valid_until is not None and valid_until < given_on:
        raise RuleViolation("body.valid_until", "Ends before it was given")
    unknown = member_ids - team
    if unknown:
        raise RuleViolation("body.member_ids", "Every member named must be in the care team")


def check_withdrawal(withdrawn_on: date | None, on: date, given_on: date) -> None:
    if withdrawn_on is not None:
        raise Conflict("The consent is already withdrawn")
    if on < given_on:
        raise RuleViolation("body.withdrawn_on", "Withdrawn before it was given")

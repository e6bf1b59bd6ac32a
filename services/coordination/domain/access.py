"""Need to know (tjenstlig behov) and consent decide who may see an individual plan.

Health data may be read only with a need in the service (helsepersonelloven
§ 21 a, pasientjournalloven § 16, Normen), and an individual plan is shared
only as far as the person's consent goes (pbrl § 2-5 and chapter 4). So:

- the person's koordinator sees and edits the plan, with or without a
  consent in force (the plan stays for the person and the koordinator);
- a member of the coordinating unit (role koordinator) sees that a plan
  exists (lists, overview), not its content, unless they coordinate it;
- an employee named in the ansvarsgruppe may see it when the member is marked
  `may_see_plan` and a consent in force names that member;
- helsepersonell and leaders of a unit that serves the person may see it when a
  consent in force covers the serving units;
- the allocation office (saksbehandler) may see it when a consent covers it.

A draft without consent is for the koordinator alone.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from services.coordination.domain.consent import (
    Audience,
    ConsentFacts,
    covers,
    shared_members,
)
from services.coordination.domain.plans import TeamMember
from shared.errors import Forbidden
from shared.principal import Principal
from shared.schemas.roles import Role

NO_RELATION = "You have no need to know for this plan, or the person's consent does not cover you"


@dataclass(frozen=True)
class PlanRelation:
    """What connects the caller to the person of a plan."""

    is_coordinator: bool
    serves_through_unit: bool


def why_may_read(
    principal: Principal,
    relation: PlanRelation,
    team: list[TeamMember],
    consents: list[ConsentFacts],
    today: date,
) -> str:
    """The reason to log for a plan read, or `Forbidden`."""
    if relation.is_coordinator:
        return "koordinator"
    members = shared_members(consents, today)
    for member in team:
        if member.employee_sub == principal.sub and member.may_see_plan and member.id in members:
            return "ansvarsgruppe"
    if (
        principal.has_any(Role.clinician, Role.manager)
        and relation.serves_through_unit
        and covers(consents, Audience.serving_units, today)
    ):
        return "tjenesteyter med samtykke"
    if principal.has_any(Role.caseworker) and covers(consents, Audience.allocation_office, today):
        return "tildelingskontor med samtykke"
    raise Forbidden(NO_RELATION)


def handles_open_case(relation: PlanRelation) -> bool:
    """Who counts as handling the person's open case for the shared rule on reading a
    person's access log (`shared.access_log.check_may_read_person_log`: leaders, and the
    caseworker or koordinator of the person's open case): in coordination the person's
    koordinator, the one who follows the person's coordination and plan. Members of the
    coordinating unit who do not coordinate this person do not."""
    return relation.is_coordinator


def check_may_edit(relation: PlanRelation) -> None:
    """Only the person's koordinator changes the plan."""
    if not relation.is_coordinator:
        raise Forbidden("Only the person's koordinator changes the plan")


def visible_member_ids(
    team: list[TeamMember], consents: list[ConsentFacts], today: date
) -> set[uuid.UUID]:
    """The members who may see the plan today: marked so, and named by a consent in force."""
    members = shared_members(consents, today)
    return {member.id for member in team if member.may_see_plan and member.id in members}


def check_unit_leader(principal: Principal, unit: str) -> None:
    """A leader names the primærkontakt in their own units; the coordinating unit in any."""
    if principal.has_any(Role.coordinator):
        return
    if principal.has_any(Role.manager) and unit in principal.units:
        return
    raise Forbidden("You may name a primærkontakt only in your own unit")

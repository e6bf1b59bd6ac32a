"""The law a service type rests on: which provisions exist, when they are in force, and what
they allow.

Provisions are reference data (`reference/law.json`, with their source and
validity dates), never strings matched in code. A service type cites them as
(short name, section); a criteria version is decided under the provisions in
force on its effective date, so citing a repealed provision then is refused
(hol § 3-7 was repealed on 1 July 2023 when boligsosialloven took over).
A user fee (egenandel) needs a basis in law (hol § 11-2 and the egenandel
regulation): helsetjenester i hjemmet and avlastning are free, so a fee on a
service whose every basis is free of charge is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from shared.errors import RuleViolation


@dataclass(frozen=True)
class Provision:
    short: str
    section: str
    law: Mapping[str, str]
    """The law's name by language (nb, nn)."""
    in_force_from: date
    in_force_to: date | None
    fee_allowed: bool
    explanation: Mapping[str, str]
    source: str

    def in_force_on(self, day: date) -> bool:
        return self.in_force_from <= day and (self.in_force_to is None or day <= self.in_force_to)


@dataclass(frozen=True)
class LawBook:
    """Every provision a service may cite, keyed by (short name, section)."""

    provisions: Mapping[tuple[str, str], Provision]

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> LawBook:
        laws = data["laws"]
        provisions = {}
        for item in data["provisions"]:
            law = laws[item["short"]]
            provisions[(item["short"], item["section"])] = Provision(
                short=item["short"],
                section=item["section"],
                law={"nb": law["nb"], "nn": law["nn"]},
                in_force_from=date.fromisoformat(item["in_force_from"]),
                in_force_to=date.fromisoformat(item["in_force_to"])
                if item["in_force_to"]
                else None,
                fee_allowed=bool(item["fee_allowed"]),
                explanation=item["explanation"],
                source=law["source"],
            )
        return cls(provisions)

    def find(self, short: str, section: str) -> Provision | None:
        return self.provisions.get((short, section))

    def check_in_force(
        self, legal_basis: Sequence[Mapping[str, str]], on: date, field: str
    ) -> list[Provision]:
        """The cited provisions, each known and in force on `on`; else a 422 on `field`.N."""
        found = []
        for index, basis in enumerate(legal_basis):
            provision = self.find(basis.get("short", ""), basis.get("section", ""))
            if provision is None:
                raise RuleViolation(
                    f"{field}.{index}",
                    f"{basis.get('short', '')} {basis.get('section', '')} is not a provision "
                    "Mestring knows; cite one from the law reference data",
                )
            if not provision.in_force_on(on):
                raise RuleViolation(
                    f"{field}.{index}",
                    f"{provision.short} {provision.section} is not in force on {on.isoformat()}",
                )
            found.append(provision)
        return found

    def check_fee(
        self, legal_basis: Sequence[Mapping[str, str]], fee_kind: str, field: str
    ) -> None:
        """A fee needs a basis that allows one; health care at home and respite are free."""
        if fee_kind == "none" or not legal_basis:
            return
        cited = [self.find(b.get("short", ""), b.get("section", "")) for b in legal_basis]
        if not any(p is not None and p.fee_allowed for p in cited):
            raise RuleViolation(
                field,
                "None of the service's legal bases allows a user fee (helsetjenester i hjemmet "
                "and avlastning are free); remove the fee or cite the basis it is charged under",
            )

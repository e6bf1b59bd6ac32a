"""The law service types cite: provisions in force on a date, and fees that need a basis."""

from datetime import date

import httpx
import pytest

from services.catalogue.reference import law_book
from services.catalogue.tests.conftest import level_body, make_service, service_body
from shared.errors import RuleViolation

API = "/api/catalogue/v1"
HOL_3_7 = {"law": "helse- og omsorgstjenesteloven", "short": "hol", "section": "§ 3-7"}
HOME_HEALTH_CARE = {
    "law": "helse- og omsorgstjenesteloven",
    "short": "hol",
    "section": "§ 3-2 første ledd nr. 6 bokstav a",
}
PRACTICAL_ASSISTANCE = {**HOME_HEALTH_CARE, "section": "§ 3-2 første ledd nr. 6 bokstav b"}
BSL_6 = {"law": "boligsosialloven", "short": "boligsosialloven", "section": "§ 6"}


def test_hol_3_7_was_repealed_on_1_july_2023_and_boligsosialloven_took_over() -> None:
    law = law_book()

    law.check_in_force([HOL_3_7], date(2023, 6, 30), "basis")
    law.check_in_force([BSL_6], date(2023, 7, 1), "basis")
    with pytest.raises(RuleViolation) as repealed:
        law.check_in_force([HOME_HEALTH_CARE, HOL_3_7], date(2023, 7, 1), "basis")
    with pytest.raises(RuleViolation):
        law.check_in_force([BSL_6], date(2023, 6, 30), "basis")

    assert repealed.value.errors[0]["field"] == "basis.1"


def test_an_unknown_provision_is_refused() -> None:
    with pytest.raises(RuleViolation):
        law_book().check_in_force([{"short": "hol", "section": "§ 99"}], date(2025, 1, 1), "b")


def test_home_health_care_is_free_so_a_fee_on_it_alone_is_refused() -> None:
    """Forskrift om egenandel: helsetjenester i hjemmet (hol § 3-2 nr. 6 a) are free."""
    law = law_book()

    with pytest.raises(RuleViolation):
        law.check_fee([HOME_HEALTH_CARE], "fixed", "fee")
    law.check_fee([HOME_HEALTH_CARE], "none", "fee")
    law.check_fee([HOME_HEALTH_CARE, PRACTICAL_ASSISTANCE], "income_based", "fee")


async def test_criteria_citing_a_repealed_provision_on_their_date_are_a_422(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await client.post(f"{API}/care-levels", json=level_body(), headers=admin)
    body = service_body("bolig", legal_basis=[HOL_3_7])

    response = await client.post(f"{API}/service-types", json=body, headers=admin)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.legal_basis.0"


async def test_a_new_criteria_version_after_the_repeal_is_a_422_on_its_date(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    old = service_body("bolig", legal_basis=[HOL_3_7])
    old["criteria"]["effective_from"] = "2022-01-01"
    await make_service(client, admin, "bolig", **{k: v for k, v in old.items() if k != "code"})
    version = {"effective_from": "2024-01-01", "text": {"nb": "Nye kriterier"}, "conditions": []}

    response = await client.post(f"{API}/service-types/bolig/criteria", json=version, headers=admin)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.effective_from"


async def test_a_fee_on_home_health_care_is_a_422(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    await client.post(f"{API}/care-levels", json=level_body(), headers=admin)
    body = service_body(user_fee={"kind": "fixed"})

    response = await client.post(f"{API}/service-types", json=body, headers=admin)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.user_fee"


async def test_a_service_type_shows_its_law_in_plain_words_and_its_appeal_body(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    created = await make_service(
        client, admin, "omsorgsbolig", legal_basis=[BSL_6], appeal_body="klagenemnd"
    )

    basis = created["legal_basis"][0]
    assert basis["law_name"]["nn"].startswith("bustadsosiallova")
    assert "vanskeligstilt" in basis["explanation"]["nb"]
    assert created["appeal_body"] == "klagenemnd"
    assert created["is_long_term_place"] is False


@pytest.mark.parametrize("number", ["3207", "5032"])
def test_the_demo_catalogues_cite_law_in_force_and_charge_only_where_the_law_allows(
    number: str,
) -> None:
    from services.catalogue.demo import MUNICIPALITIES

    law = law_book()
    data = next(m for m in MUNICIPALITIES if m["number"] == number)
    for service in data["service_types"]:
        for criteria in service["criteria"]:
            law.check_in_force(
                service["legal_basis"], date.fromisoformat(criteria["effective_from"]), "basis"
            )
        law.check_fee(service["legal_basis"], service["user_fee"]["kind"], "fee")


@pytest.mark.parametrize("number", ["3207", "5032"])
def test_omsorgsbolig_is_no_long_term_place_and_is_appealed_to_the_appeals_board(
    number: str,
) -> None:
    """pbrl § 2-1 e covers sykehjem and housing with round-the-clock services, not an ordinary
    omsorgsbolig; its allocation is appealed to the municipality's klagenemnd (fvl § 28)."""
    from services.catalogue.demo import MUNICIPALITIES

    data = next(m for m in MUNICIPALITIES if m["number"] == number)
    omsorgsbolig = next(s for s in data["service_types"] if s["code"] == "omsorgsbolig")
    long_term = {s["code"] for s in data["service_types"] if s["is_long_term_place"]}

    assert omsorgsbolig["is_long_term_place"] is False
    assert omsorgsbolig["appeal_body"] == "klagenemnd"
    assert "langtidsopphold" in long_term
    assert data["appeals_board"]["postal_address"]

"""Name search folds accents and Nordic letters; eleven digits are a national id."""

from datetime import date

from services.intake.domain.persons import (
    birth_dates,
    looks_like_national_id,
    query_tokens,
    search_key,
    spelled_tokens,
)


def test_search_key_folds_nordic_letters_and_accents_and_keeps_their_spelled_form() -> None:
    assert search_key("Åse", "Ødegård-Bæk") == "ase odegard-bak aase oedegaard-baek"
    assert search_key("José", "Müller") == "jose muller"
    assert search_key("Kari", "Hansen") == "kari hansen"


def test_query_is_split_into_folded_tokens() -> None:
    assert query_tokens("  øde  ÅSE ") == ["ode", "ase"]
    assert spelled_tokens("Åse") == ["aase"]


def test_a_name_is_found_with_or_without_its_diacritics() -> None:
    """«grasli» finds Græsli, «græsli» finds Grasli, «aase» finds Åse."""
    graesli, grasli, ase = search_key("Græsli"), search_key("Grasli"), search_key("Åse")

    assert query_tokens("grasli")[0] in graesli.split()
    assert query_tokens("græsli")[0] in grasli.split()
    assert "aase" in ase.split()


def test_six_digits_are_a_birth_date_in_either_century_not_in_the_future() -> None:
    today = date(2026, 11, 30)

    assert birth_dates("120438", today) == [date(1938, 4, 12)]
    assert birth_dates("12.04.1938", today) == [date(1938, 4, 12)]
    assert birth_dates("010120", today) == [date(1920, 1, 1), date(2020, 1, 1)]
    assert birth_dates("310299", today) == []
    # The first six digits of a D-number (day + 40), an H-number (month + 40) and a
    # synthetic Tenor id (month + 80) are the same birth date.
    assert birth_dates("520438", today) == [date(1938, 4, 12)]
    assert birth_dates("124438", today) == [date(1938, 4, 12)]
    assert birth_dates("128438", today) == [date(1938, 4, 12)]
    assert birth_dates("12.84.38", today) == []
    assert birth_dates("Kari", today) == []


def test_eleven_digits_with_spaces_look_like_a_national_id() -> None:
    assert looks_like_national_id("170541 12345")
    assert not looks_like_national_id("Kari")
    assert not looks_like_national_id("1705411234")

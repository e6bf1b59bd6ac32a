"""Name search folds accents and Nordic letters; eleven digits are a national id."""

from services.intake.domain.persons import looks_like_national_id, query_tokens, search_key


def test_search_key_folds_nordic_letters_and_accents() -> None:
    assert search_key("Åse", "Ødegård-Bæk") == "ase odegard-baek"
    assert search_key("José", "Müller") == "jose muller"


def test_query_is_split_into_folded_tokens() -> None:
    assert query_tokens("  øde  ÅSE ") == ["ode", "ase"]


def test_eleven_digits_with_spaces_look_like_a_national_id() -> None:
    assert looks_like_national_id("170541 12345")
    assert not looks_like_national_id("Kari")
    assert not looks_like_national_id("1705411234")

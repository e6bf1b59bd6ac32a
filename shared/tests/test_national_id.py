"""Fødselsnummer validation with python-stdnum, and the Tenor synthetic convention."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.national_id import InvalidNationalId, make_synthetic, mask, parse_national_id


def test_a_synthetic_number_is_accepted_outside_production_only() -> None:
    number = make_synthetic(date(1941, 5, 17), 123) or make_synthetic(date(1941, 5, 17), 124)

    parsed = parse_national_id(number, allow_synthetic=True)

    assert parsed.birth_date == date(1941, 5, 17)
    assert parsed.is_synthetic
    with pytest.raises(InvalidNationalId):
        parse_national_id(number, allow_synthetic=False)


def test_a_wrong_check_digit_is_refused() -> None:
    number = make_synthetic(date(1950, 1, 2), 201) or make_synthetic(date(1950, 1, 2), 202)
    wrong = number[:10] + str((int(number[10]) + 1) % 10)

    with pytest.raises(InvalidNationalId, match="check digits"):
        parse_national_id(wrong, allow_synthetic=True)


@pytest.mark.parametrize("raw", ["", "123", "1234567890a", "123456789012"])
def test_malformed_numbers_are_refused(raw: str) -> None:
    with pytest.raises(InvalidNationalId):
        parse_national_id(raw, allow_synthetic=True)


def test_lists_show_the_number_masked() -> None:
    assert mask("17854112345") == "178541*****"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)), st.integers(0, 499))
def test_every_generated_synthetic_number_parses_back_to_its_birth_date(
    born: date, individual: int
) -> None:
    number = make_synthetic(born, individual)
    if number:
        assert parse_national_id(number, allow_synthetic=True).birth_date == born

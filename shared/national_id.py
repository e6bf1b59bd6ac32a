"""Fødselsnummer and D-nummer: validated with python-stdnum (mod 11), shown masked.

Test and demo data use Skatteetaten's Tenor convention (month + 80, same
check digits), which can never belong to a real person; python-stdnum rejects
those dates, so they are accepted only when `allow_synthetic` (never in
production).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from stdnum.exceptions import ValidationError
from stdnum.no import fodselsnummer

SYNTHETIC_MONTH_OFFSET = 80


class InvalidNationalId(ValueError):
    """Not a fødselsnummer or D-nummer; the message says why, in plain words."""


@dataclass(frozen=True)
class NationalId:
    value: str
    birth_date: date
    is_d_number: bool
    is_synthetic: bool

    @property
    def masked(self) -> str:
        return mask(self.value)


def _is_synthetic(number: str) -> bool:
    return int(number[2:4]) > SYNTHETIC_MONTH_OFFSET


def _real_form(number: str) -> str:
    """The number with a Tenor month brought back to a calendar month (for the birth date)."""
    month = int(number[2:4]) - SYNTHETIC_MONTH_OFFSET
    return f"{number[:2]}{month:02d}{number[4:]}"


def parse_national_id(raw: str, *, allow_synthetic: bool, today: date | None = None) -> NationalId:
    number = fodselsnummer.compact(raw or "")
    if len(number) != 11 or not number.isdigit():
        raise InvalidNationalId("A national id has 11 digits")
    if number[9] != fodselsnummer.calc_check_digit1(number) or number[
        10
    ] != fodselsnummer.calc_check_digit2(number):
        raise InvalidNationalId("The check digits are wrong; check the number for typing errors")
    synthetic = _is_synthetic(number)
    if synthetic and not allow_synthetic:
        raise InvalidNationalId("Synthetic test numbers are not accepted here")
    try:
        born = fodselsnummer.get_birth_date(_real_form(number) if synthetic else number)
    except ValidationError as exc:
        raise InvalidNationalId("The number holds no valid birth date") from exc
    if born > (today or date.today()):
        raise InvalidNationalId("The birth date in the number is in the future")
    return NationalId(
        value=number, birth_date=born, is_d_number=int(number[0]) >= 4, is_synthetic=synthetic
    )


def mask(national_id: str) -> str:
    """Birth date shown, personal number hidden: 150589*****."""
    return f"{national_id[:6]}*****" if len(national_id) == 11 else "***********"


def make_synthetic(born: date, serial: int) -> str:
    """A Tenor-style synthetic number (month + 80) with valid check digits, or '' if none exists.

    The individual number's range tells the century: 000–499 for 1900–1999,
    500–999 for 2000–2039.
    """
    if not 1900 <= born.year <= 2039:
        raise ValueError("Synthetic numbers are made for births 1900–2039")
    individual = serial % 500 + (500 if born.year >= 2000 else 0)
    month = born.month + SYNTHETIC_MONTH_OFFSET
    base = f"{born.day:02d}{month:02d}{born.year % 100:02d}{individual:03d}"
    first = fodselsnummer.calc_check_digit1(base)
    if first == "10":
        return ""
    second = fodselsnummer.calc_check_digit2(base + first)
    if second == "10":
        return ""
    return base + first + second

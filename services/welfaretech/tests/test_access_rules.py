"""A clinician's relation through a loan, a referral or an assessment expires as the shared
need-to-know rule says, by the municipality's window."""

from datetime import date, timedelta

import pytest

from services.welfaretech.domain.access import (
    assessment_period,
    loan_period,
    may_read_person,
    referral_period,
)
from shared.need_to_know import RELATION_WINDOW, window_for
from shared.principal import Principal
from shared.schemas.roles import Role

TODAY = date(2026, 12, 1)
NURSE = Principal(sub="n", municipality="3201", roles=[Role.clinician], units=["alarm-sentral"])


@pytest.mark.parametrize(
    ("ended_days_ago", "may_read"),
    [(None, True), (0, True), (RELATION_WINDOW.days_after_end - 1, True)]
    + [(RELATION_WINDOW.days_after_end, False), (365, False)],
)
def test_a_returned_loan_opens_the_person_for_the_window_only(
    ended_days_ago: int | None, may_read: bool
) -> None:
    ended = None if ended_days_ago is None else TODAY - timedelta(days=ended_days_ago)
    loan = loan_period("alarm-sentral", TODAY - timedelta(days=400), ended)

    assert may_read_person(NURSE, [loan], TODAY) is may_read


def test_a_loan_not_yet_installed_and_another_unit_s_loan_do_not() -> None:
    coming = loan_period("alarm-sentral", TODAY + timedelta(days=2), None)
    other = loan_period("hjemmetjenesten-sor", TODAY - timedelta(days=10), None)

    assert not may_read_person(NURSE, [coming, other], TODAY)
    assert may_read_person(NURSE, ["alarm-sentral"])
    with pytest.raises(TypeError, match="pass today"):
        may_read_person(NURSE, [other])


@pytest.mark.parametrize(
    ("days_after_close", "may_read"),
    [
        (0, True),
        (RELATION_WINDOW.days_after_end - 1, True),
        (RELATION_WINDOW.days_after_end, False),
    ],
)
def test_a_closed_referral_opens_its_unit_until_the_window_after_it_closed(
    days_after_close: int, may_read: bool
) -> None:
    closed = TODAY - timedelta(days=days_after_close)
    referral = referral_period("alarm-sentral", closed - timedelta(days=20), closed)

    assert may_read_person(NURSE, [referral], TODAY) is may_read


def test_a_referral_opens_its_unit_from_the_day_it_was_received() -> None:
    assert not may_read_person(
        NURSE, [referral_period("alarm-sentral", TODAY, None)], TODAY - timedelta(days=1)
    )
    assert may_read_person(NURSE, [referral_period("alarm-sentral", TODAY, None)], TODAY)


@pytest.mark.parametrize(
    ("has_referral", "referral_closed_days_ago", "assessed_days_ago", "may_read"),
    [
        (True, None, 400, True),  # its referral still open
        (True, RELATION_WINDOW.days_after_end - 1, 400, True),  # the last day in
        (True, RELATION_WINDOW.days_after_end, 400, False),  # the day after out
        (False, None, RELATION_WINDOW.days_after_end - 1, True),  # no referral: its own day
        (False, None, RELATION_WINDOW.days_after_end, False),
    ],
)
def test_an_assessment_opens_its_unit_until_the_window_after_its_referral_closed(
    has_referral: bool,
    referral_closed_days_ago: int | None,
    assessed_days_ago: int,
    may_read: bool,
) -> None:
    closed = (
        None
        if referral_closed_days_ago is None
        else TODAY - timedelta(days=referral_closed_days_ago)
    )
    assessment = assessment_period(
        "alarm-sentral", TODAY - timedelta(days=assessed_days_ago), has_referral, closed
    )

    assert may_read_person(NURSE, [assessment], TODAY) is may_read


def test_the_municipality_s_own_window_decides() -> None:
    loan = loan_period("alarm-sentral", TODAY - timedelta(days=400), TODAY - timedelta(days=1))

    assert not may_read_person(NURSE, [loan], TODAY, window_for(0))
    assert may_read_person(NURSE, [loan], TODAY - timedelta(days=1), window_for(0))
    assert may_read_person(NURSE, [loan], TODAY, window_for(2))

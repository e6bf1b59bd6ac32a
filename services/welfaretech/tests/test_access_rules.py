"""A clinician's relation through a loan expires as the shared need-to-know rule says."""

from datetime import date, timedelta

import pytest

from services.welfaretech.domain.access import loan_period, may_read_person
from shared.need_to_know import RELATION_WINDOW
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

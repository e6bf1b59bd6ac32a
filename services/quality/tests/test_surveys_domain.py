"""The survey rules: what an answer must be, small groups suppressed, single-use codes, who
manages and reads."""

from datetime import date

import pytest

from services.quality.domain import surveys as rules
from shared.errors import Conflict, Forbidden, RuleViolation
from shared.principal import Principal
from shared.schemas.quality import QuestionKind
from shared.schemas.roles import Role

QUESTIONS = [
    rules.Question("trygg", QuestionKind.scale, required=True),
    rules.Question("tid", QuestionKind.yes_no),
    rules.Question("annet", QuestionKind.text),
]
DAY = date(2026, 5, 4)


def given(n: int, unit: str = "ski", **responses: object) -> list[rules.Given]:
    return [
        rules.Given(id=f"a{i}", unit=unit, answered_on=DAY, responses=responses) for i in range(n)
    ]


def test_an_answer_keeps_one_value_of_each_question_s_kind() -> None:
    kept = rules.clean_answer(QUESTIONS, {"trygg": 4, "tid": False, "annet": "  Hyggelige  "})
    assert kept == {"trygg": 4, "tid": False, "annet": "Hyggelige"}
    assert rules.clean_answer(QUESTIONS, {"trygg": 5, "tid": None, "annet": "   "}) == {"trygg": 5}


@pytest.mark.parametrize(
    ("responses", "field"),
    [
        ({"trygg": 6}, "body.responses.trygg"),
        ({"trygg": 0}, "body.responses.trygg"),
        ({"trygg": True}, "body.responses.trygg"),
        ({"trygg": 3, "tid": "ja"}, "body.responses.tid"),
        ({"trygg": 3, "annet": 7}, "body.responses.annet"),
        ({"trygg": 3, "annet": "x" * 2001}, "body.responses.annet"),
        ({"trygg": 3, "ukjent": 1}, "body.responses.ukjent"),
        ({"tid": True}, "body.responses.trygg"),
    ],
)
def test_a_wrong_answer_names_the_question(responses: dict[str, object], field: str) -> None:
    with pytest.raises(RuleViolation) as raised:
        rules.clean_answer(QUESTIONS, responses)
    assert field in [e["field"] for e in raised.value.errors]


def test_fewer_than_five_answers_show_their_number_only() -> None:
    results = rules.summarise(QUESTIONS, given(4, trygg=5, tid=True, annet="Navn Navnesen var sur"))

    assert results.n == 4 and results.suppressed
    for question in results.questions:
        assert question.suppressed
        assert question.distribution == {} and question.mean is None and question.texts == []


def test_five_answers_show_the_numbers_behind_them() -> None:
    answers = given(3, trygg=5, tid=True) + given(2, unit="kolbotn", trygg=2, annet="For sent")
    results = rules.summarise(QUESTIONS, answers)

    assert results.n == 5 and not results.suppressed
    assert results.by_unit == {"kolbotn": 2, "ski": 3}
    scale, yes_no, text = results.questions
    assert scale.distribution == {"1": 0, "2": 2, "3": 0, "4": 0, "5": 3}
    assert scale.mean == 3.8
    assert yes_no.n == 3 and yes_no.suppressed and yes_no.distribution == {}
    assert text.n == 2 and text.suppressed and text.texts == []


def test_a_question_answered_by_five_shows_its_free_texts() -> None:
    results = rules.summarise(QUESTIONS, given(5, trygg=3, annet="Kom for sent"))
    text = results.questions[2]
    assert not text.suppressed and [t.text for t in text.texts] == ["Kom for sent"] * 5


def test_a_single_use_code_gives_one_answer() -> None:
    rules.check_token_unused(None)
    with pytest.raises(Conflict):
        rules.check_token_unused(DAY)


def test_a_closed_survey_or_link_takes_no_answers() -> None:
    rules.check_may_answer(True, True)
    with pytest.raises(Conflict):
        rules.check_may_answer(False, True)
    with pytest.raises(Conflict):
        rules.check_may_answer(True, False)


def test_the_code_is_hashed_the_same_however_it_is_typed() -> None:
    assert rules.token_hash(" ABCD-EFGH ") == rules.token_hash("ABCD-EFGH")
    assert rules.token_hash("ABCD-EFGH") != rules.token_hash("ABCD-EFGJ")


def test_a_survey_is_for_a_service_type_or_a_unit() -> None:
    rules.check_scope("hjemmesykepleie", None)
    rules.check_scope(None, "ski")
    with pytest.raises(RuleViolation):
        rules.check_scope("hjemmesykepleie", "ski")
    with pytest.raises(RuleViolation):
        rules.check_scope(None, None)


def test_questions_have_their_own_ids() -> None:
    with pytest.raises(RuleViolation) as raised:
        rules.check_questions([QUESTIONS[0], QUESTIONS[0]])
    assert raised.value.errors[0]["field"] == "body.questions.1.id"
    with pytest.raises(RuleViolation):
        rules.check_questions([])


def test_answers_make_a_change_a_new_version() -> None:
    assert rules.must_version(True) and not rules.must_version(False)


def test_only_free_text_becomes_a_deviation_and_only_once() -> None:
    assert rules.check_routable(QuestionKind.text, "Fikk ikke hjelp", None) == "Fikk ikke hjelp"
    with pytest.raises(RuleViolation):
        rules.check_routable(QuestionKind.scale, "3", None)
    with pytest.raises(Conflict):
        rules.check_routable(QuestionKind.text, "Fikk ikke hjelp", "some-deviation")


def person(*roles: Role, units: list[str] | None = None) -> Principal:
    return Principal(sub="x", municipality="3401", roles=list(roles), units=units or [])


def test_the_quality_lead_manages_all_and_a_leader_their_units() -> None:
    lead, leader = person(Role.quality_lead), person(Role.manager, units=["ski"])
    rules.check_may_manage(lead, None)
    rules.check_may_manage(leader, "ski")
    with pytest.raises(Forbidden):
        rules.check_may_manage(leader, "kolbotn")
    with pytest.raises(Forbidden):
        rules.check_may_manage(leader, None)
    assert (
        rules.sees(leader, None) and rules.sees(leader, "ski") and not rules.sees(leader, "kolbotn")
    )
    assert not rules.sees(person(Role.clinician, units=["ski"]), "ski")


def test_a_leader_collects_and_reads_in_their_units_only() -> None:
    leader = person(Role.manager, units=["ski"])
    rules.check_may_collect(leader, None, "ski")
    with pytest.raises(Forbidden):
        rules.check_may_collect(leader, None, "kolbotn")
    with pytest.raises(RuleViolation):
        rules.check_may_collect(person(Role.quality_lead), "ski", "kolbotn")
    assert rules.result_units(leader, None) == ["ski"]
    assert rules.result_units(person(Role.quality_lead), None) is None
    with pytest.raises(RuleViolation):
        rules.result_units(leader, "kolbotn")

"""Demo user and relatives' surveys: home care and a nursing home in each demo municipality,
with a collection link per unit and anonymous answers over two periods (last year's survey
round and this autumn's), so the results, the suppression of small groups and the free texts
show something real. Everything is synthetic; safe to run twice."""

from __future__ import annotations

import random
import secrets
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.quality.models import Survey, SurveyAnswer, SurveyLink, SurveyVersion
from shared.schemas.quality import QuestionKind

PLACES: dict[str, dict[str, str]] = {
    "3207": {"home_care": "hjemmetjenesten-ski", "nursing_home": "ski-sykehjem"},
    "5032": {"home_care": "hjemmetjenesten-selbu", "nursing_home": "selbu-helse-og-omsorgssenter"},
}
LOW = {"nb": "Svært dårlig", "nn": "Svært dårleg", "en": ""}
HIGH = {"nb": "Svært godt", "nn": "Svært godt", "en": ""}


def _q(qid: str, kind: QuestionKind, nb: str, nn: str, required: bool = False) -> dict[str, Any]:
    question: dict[str, Any] = {
        "id": qid,
        "kind": kind.value,
        "text": {"nb": nb, "nn": nn, "en": ""},
        "low_label": None,
        "high_label": None,
        "required": required,
    }
    if kind is QuestionKind.scale:
        question["low_label"], question["high_label"] = LOW, HIGH
    return question


SURVEYS: dict[str, dict[str, Any]] = {
    "home_care": {
        "respondent": "both",
        "title": {
            "nb": "Hvordan opplever du hjemmetjenesten?",
            "nn": "Korleis opplever du heimetenesta?",
            "en": "",
        },
        "intro": {
            "nb": "Svarene hjelper oss å gjøre tjenesten bedre. Svaret er anonymt.",
            "nn": "Svara hjelper oss å gjere tenesta betre. Svaret er anonymt.",
            "en": "",
        },
        "questions": [
            _q(
                "trygg",
                QuestionKind.scale,
                "Føler du deg trygg når vi hjelper deg?",
                "Kjenner du deg trygg når vi hjelper deg?",
                required=True,
            ),
            _q(
                "respekt",
                QuestionKind.scale,
                "Blir du møtt med respekt?",
                "Blir du møtt med respekt?",
            ),
            _q("tid", QuestionKind.yes_no, "Kommer vi til avtalt tid?", "Kjem vi til avtalt tid?"),
            _q(
                "medvirkning",
                QuestionKind.scale,
                "Får du være med å bestemme hvordan hjelpen gis?",
                "Får du vere med og bestemme korleis hjelpa blir gitt?",
            ),
            _q(
                "annet",
                QuestionKind.text,
                "Er det noe du vil fortelle oss?",
                "Er det noko du vil fortelje oss?",
            ),
        ],
    },
    "nursing_home": {
        "respondent": "relatives",
        "title": {
            "nb": "Pårørendeundersøkelse på sykehjemmet",
            "nn": "Pårørandeundersøking på sjukeheimen",
            "en": "",
        },
        "intro": {
            "nb": "Vi vil vite hvordan du som pårørende opplever oppholdet. Svaret er anonymt.",
            "nn": "Vi vil vite korleis du som pårørande opplever opphaldet. Svaret er anonymt.",
            "en": "",
        },
        "questions": [
            _q(
                "stell",
                QuestionKind.scale,
                "Hvor fornøyd er du med stellet og omsorgen?",
                "Kor nøgd er du med stellet og omsorga?",
                required=True,
            ),
            _q(
                "informasjon",
                QuestionKind.scale,
                "Får du god nok informasjon?",
                "Får du god nok informasjon?",
            ),
            _q(
                "aktivitet",
                QuestionKind.yes_no,
                "Får beboeren nok aktivitet og tid ute?",
                "Får bebuaren nok aktivitet og tid ute?",
            ),
            _q(
                "annet",
                QuestionKind.text,
                "Er det noe du vil fortelle oss?",
                "Er det noko du vil fortelje oss?",
            ),
        ],
    },
}

TEXTS = {
    "home_care": [
        "Veldig hyggelige folk som kommer.",
        "Det kommer for mange forskjellige, jeg vet ikke hvem som kommer.",
        "Ingen kom søndag formiddag, og jeg fikk ikke medisinene før kl. 14.",
        "Takk for god hjelp etter sykehusoppholdet.",
        "De har dårlig tid og går før jeg har spist.",
        "Trygghetsalarmen svarte ikke da jeg testet den.",
    ],
    "nursing_home": [
        "Mor har det godt, personalet er varme og tålmodige.",
        "Vi får sjelden vite hva legen har sagt.",
        "Far lå lenge i våt bleie da vi kom på besøk.",
        "Fine aktiviteter på dagtid, men lite om kveldene.",
        "Savner at noen tar kontakt når det skjer endringer.",
    ],
}
ROUNDS = [(400, 340, 22), (75, 15, 26)]
"""(days ago the round opened, days ago it closed, answers per unit)."""


def _grade(rng: random.Random, mean: float) -> int:
    return max(1, min(5, round(rng.gauss(mean, 0.9))))


def _answers(
    rng: random.Random, kind: str, survey: Survey, version: SurveyVersion, unit: str, today: date
) -> list[SurveyAnswer]:
    answers: list[SurveyAnswer] = []
    for round_index, (opened, closed, count) in enumerate(ROUNDS):
        mean = 3.6 + 0.3 * round_index
        for _ in range(count):
            responses: dict[str, Any] = {}
            for question in version.questions:
                if not question["required"] and rng.random() < 0.12:
                    continue
                if question["kind"] == QuestionKind.scale.value:
                    responses[question["id"]] = _grade(rng, mean)
                elif question["kind"] == QuestionKind.yes_no.value:
                    responses[question["id"]] = rng.random() < 0.75
                elif rng.random() < 0.3:
                    responses[question["id"]] = rng.choice(TEXTS[kind])
            answers.append(
                SurveyAnswer(
                    municipality=survey.municipality,
                    survey_id=survey.id,
                    version_id=version.id,
                    unit=unit,
                    answered_on=today - timedelta(days=rng.randint(closed, opened)),
                    language="nn" if rng.random() < 0.1 else "nb",
                    responses=responses,
                    routed=[],
                )
            )
    return answers


async def seed_surveys(session: AsyncSession, municipality: str, today: date) -> int:
    """Load the demo surveys into one municipality if it has none; returns how many answers
    were added."""
    if municipality not in PLACES or await session.scalar(select(func.count()).select_from(Survey)):
        return 0
    rng = random.Random(f"surveys-{municipality}")
    added = 0
    for kind, unit in PLACES[municipality].items():
        spec = SURVEYS[kind]
        version = SurveyVersion(
            municipality=municipality,
            number=1,
            title=spec["title"],
            intro=spec["intro"],
            questions=spec["questions"],
            has_answers=True,
        )
        survey = Survey(
            municipality=municipality,
            unit=unit,
            respondent=spec["respondent"],
            is_open=True,
            current_version=1,
            created_by_name="Per Ødegård" if municipality == "3207" else "Randi Selboe",
            versions=[version],
        )
        session.add(survey)
        await session.flush()
        session.add(
            SurveyLink(
                municipality=municipality,
                survey_id=survey.id,
                unit=unit,
                token=secrets.token_urlsafe(16),
                is_active=True,
            )
        )
        answers = _answers(rng, kind, survey, version, unit, today)
        session.add_all(answers)
        added += len(answers)
    await session.flush()
    return added

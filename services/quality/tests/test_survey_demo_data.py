"""The demo surveys: home care and a nursing home per demo municipality, answered over two
periods with enough answers to show; loaded once."""

from datetime import date, timedelta

from sqlalchemy import select

from services.quality.demo.surveys import PLACES
from services.quality.domain import surveys as rules
from services.quality.models import Survey, SurveyAnswer, SurveyLink, SurveyVersion
from services.quality.seed import seed
from shared.db import create_engine, create_sessionmaker, set_tenant

TODAY = date(2026, 11, 30)


async def test_each_demo_municipality_has_surveys_answered_in_two_periods(
    database_urls: dict[str, str],
) -> None:
    engine = create_engine(database_urls["quality"])
    sessionmaker = create_sessionmaker(engine)
    try:
        await seed(sessionmaker, today=TODAY)
        for municipality, places in PLACES.items():
            async with sessionmaker() as session, session.begin():
                await set_tenant(session, municipality)
                surveys = (await session.scalars(select(Survey))).all()
                assert {s.unit for s in surveys} == set(places.values())
                links = (await session.scalars(select(SurveyLink))).all()
                assert {link.unit for link in links} == set(places.values())
                for survey in surveys:
                    version = await session.scalar(
                        select(SurveyVersion).where(SurveyVersion.survey_id == survey.id)
                    )
                    assert version is not None and version.has_answers
                    answers = (
                        await session.scalars(
                            select(SurveyAnswer).where(SurveyAnswer.survey_id == survey.id)
                        )
                    ).all()
                    for first, last in (
                        (TODAY - timedelta(days=400), TODAY - timedelta(days=300)),
                        (TODAY - timedelta(days=90), TODAY),
                    ):
                        given = [
                            rules.Given(a.id, a.unit, a.answered_on, a.responses)
                            for a in answers
                            if first <= a.answered_on <= last
                        ]
                        results = rules.summarise(rules.questions_of(version.questions), given)
                        assert results.n >= 20 and not results.suppressed
                        assert results.questions[0].mean is not None
        assert await seed(sessionmaker, today=TODAY) == 0
    finally:
        await engine.dispose()

"""The demo deviations load twice without duplicates and cover every category and state."""

from datetime import date

from sqlalchemy import func, select

from services.quality.models import Deviation
from services.quality.seed import COUNTS, seed
from shared.db import create_engine, create_sessionmaker, set_tenant
from shared.schemas.quality import DeviationCategory, DeviationStatus


async def test_the_demo_data_covers_every_category_and_state_and_loads_once(
    database_urls: dict[str, str],
) -> None:
    engine = create_engine(database_urls["quality"])
    sessionmaker = create_sessionmaker(engine)
    try:
        await seed(sessionmaker, today=date(2026, 11, 30))
        again = await seed(sessionmaker, today=date(2026, 11, 30))
        async with sessionmaker() as session, session.begin():
            await set_tenant(session, "3207")
            rows = (await session.scalars(select(Deviation))).all()
            count = await session.scalar(select(func.count()).select_from(Deviation))
    finally:
        await engine.dispose()

    assert again == 0 and count == COUNTS["3207"]
    assert {r.category for r in rows} == {c.value for c in DeviationCategory}
    assert {r.status for r in rows} == {s.value for s in DeviationStatus}
    assert any(r.is_serious for r in rows) and any(r.is_anonymous for r in rows)
    assert all(r.reporter_sub is None for r in rows if r.is_anonymous)
    assert any(r.closed_on and r.learning_summary for r in rows)

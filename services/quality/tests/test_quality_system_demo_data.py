"""The quality system's demo data: both municipalities get ROS analyses, procedures with
versions and receipts, audits and a supervision finding, once."""

from datetime import date

from sqlalchemy import func, select

from services.quality.models import (
    DeviationReference,
    InternalAudit,
    Measure,
    Procedure,
    ProcedureReceipt,
    ProcedureVersion,
    RiskAnalysis,
    SupervisionFinding,
)
from services.quality.seed import seed
from shared.db import create_engine, create_sessionmaker, set_tenant
from shared.schemas.quality import AuditStatus, RosStatus


async def test_both_demo_municipalities_get_a_quality_system_once(
    database_urls: dict[str, str],
) -> None:
    engine = create_engine(database_urls["quality"])
    sessionmaker = create_sessionmaker(engine)
    counts: dict[str, dict[str, int]] = {}
    try:
        await seed(sessionmaker, today=date(2026, 11, 30))
        again = await seed(sessionmaker, today=date(2026, 11, 30))
        for municipality in ("3207", "5032"):
            async with sessionmaker() as session, session.begin():
                await set_tenant(session, municipality)
                counts[municipality] = {
                    model.__tablename__: await session.scalar(
                        select(func.count()).select_from(model)
                    )
                    or 0
                    for model in (
                        RiskAnalysis,
                        Procedure,
                        ProcedureVersion,
                        ProcedureReceipt,
                        InternalAudit,
                        SupervisionFinding,
                        Measure,
                        DeviationReference,
                    )
                }
                statuses = set((await session.scalars(select(RiskAnalysis.status))).all())
                audits = set((await session.scalars(select(InternalAudit.status))).all())
                assert statuses == {s.value for s in RosStatus}
                assert audits == {s.value for s in AuditStatus}
    finally:
        await engine.dispose()

    assert again == 0
    for found in counts.values():
        assert found["ros_analyses"] >= 2 and found["procedures"] >= 4
        assert found["procedure_versions"] > found["procedures"]
        assert found["procedure_receipts"] > 0 and found["quality_measures"] > 0
        assert found["internal_audits"] >= 2 and found["supervision_findings"] >= 1
        assert found["deviation_references"] > 0

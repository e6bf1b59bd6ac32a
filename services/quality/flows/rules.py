"""The municipality's handling rules: how many working days a leader has to acknowledge."""

from __future__ import annotations

from services.quality.domain.deadlines import DEFAULT_ACKNOWLEDGE_WORKING_DAYS
from services.quality.flows import Work
from services.quality.models import HandlingRules
from services.quality.schemas import HandlingRulesIn


async def read(work: Work) -> tuple[int, bool]:
    stored = await work.rules.get()
    if stored is None:
        return DEFAULT_ACKNOWLEDGE_WORKING_DAYS, True
    return stored.acknowledge_working_days, False


async def set_rules(work: Work, body: HandlingRulesIn) -> tuple[int, bool]:
    """Applies to deviations reported from now on; earlier deadlines stay as they were."""
    stored = await work.rules.get()
    if stored is None:
        await work.rules.add(HandlingRules(acknowledge_working_days=body.acknowledge_working_days))
    else:
        stored.acknowledge_working_days = body.acknowledge_working_days
        await work.session.flush()
    return body.acknowledge_working_days, False

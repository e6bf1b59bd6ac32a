"""Reference data for the report form, and the municipality's handling rules."""

from __future__ import annotations

from fastapi import APIRouter

from services.quality.api.deps import HANDLER, REPORTER, RULES_OWNER, WorkDep
from services.quality.domain.guidance import guidance
from services.quality.flows import rules as flow
from services.quality.schemas import GuidanceRead, HandlingRulesIn, HandlingRulesRead

router = APIRouter(tags=["reference"])


@router.get(
    "/reference/risk-guidance",
    response_model=GuidanceRead,
    operation_id="get_risk_guidance",
    dependencies=[REPORTER],
)
async def get_risk_guidance() -> GuidanceRead:
    """What each consequence and probability level means, examples per category, the
    serious-event checklist, and the sources."""
    return guidance()


@router.get(
    "/handling-rules",
    response_model=HandlingRulesRead,
    operation_id="get_handling_rules",
    dependencies=[HANDLER],
)
async def get_handling_rules(work: WorkDep) -> HandlingRulesRead:
    days, is_default = await flow.read(work)
    return HandlingRulesRead(acknowledge_working_days=days, is_default=is_default)


@router.put(
    "/handling-rules",
    response_model=HandlingRulesRead,
    operation_id="set_handling_rules",
    dependencies=[RULES_OWNER],
)
async def set_handling_rules(body: HandlingRulesIn, work: WorkDep) -> HandlingRulesRead:
    """The acknowledgement deadline in working days, for deviations reported from now on."""
    days, is_default = await flow.set_rules(work, body)
    return HandlingRulesRead(acknowledge_working_days=days, is_default=is_default)

"""The municipality's intake settings: read by case roles, changed by an admin."""

from __future__ import annotations

from fastapi import APIRouter, Response

from services.intake.api.deps import SETTINGS_ADMIN, SETTINGS_READER, WorkDep
from services.intake.flows import rule_from
from services.intake.flows import settings as flow
from services.intake.models import IntakeSetting
from services.intake.schemas import (
    IntakeSettingsRead,
    IntakeSettingsUpdate,
    NeedLevelRuleRead,
    NeedToKnowWindowRead,
)
from shared import need_to_know
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses

router = APIRouter(tags=["settings"])


def _read(setting: IntakeSetting) -> IntakeSettingsRead:
    rule = rule_from(setting.need_level_rule)
    window = need_to_know.window_for(setting.need_to_know_days_after_end)
    return IntakeSettingsRead(
        four_eyes=setting.four_eyes,
        need_level_rule=NeedLevelRuleRead(
            moderate_from=rule.moderate_from,
            extensive_from=rule.extensive_from,
            source=rule.source,
            version=rule.version,
        ),
        need_to_know=NeedToKnowWindowRead(
            days_after_end=window.days_after_end,
            source=window.source,
            municipality_own=setting.need_to_know_days_after_end is not None,
        ),
        version=setting.version,
    )


@router.get(
    "/settings",
    response_model=IntakeSettingsRead,
    operation_id="get_intake_settings",
    dependencies=[SETTINGS_READER],
)
async def get_intake_settings(work: WorkDep, response: Response) -> IntakeSettingsRead:
    """Whether a second caseworker approves every decision, the need-level rule, and how long a
    unit keeps its need to know after a service ended."""
    setting = await flow.read(work)
    set_etag(response, setting.version)
    return _read(setting)


@router.put(
    "/settings",
    response_model=IntakeSettingsRead,
    responses=problem_responses(412, 428),
    operation_id="update_intake_settings",
    dependencies=[SETTINGS_ADMIN],
)
async def update_intake_settings(
    body: IntakeSettingsUpdate, work: WorkDep, if_match: IfMatchVersion, response: Response
) -> IntakeSettingsRead:
    """Change the settings; needs `If-Match` (`"0"` before the first save)."""
    setting = await flow.update(work, body, if_match)
    set_etag(response, setting.version)
    return _read(setting)

"""The municipality's intake settings, kept as data and changed by an admin."""

from __future__ import annotations

from services.intake.flows import Work
from services.intake.models import IntakeSetting
from services.intake.schemas import IntakeSettingsUpdate
from shared.concurrency import check_version


async def read(work: Work) -> IntakeSetting:
    """The saved settings, or the defaults (version 0) when none are saved yet."""
    return await work.settings.current() or IntakeSetting(four_eyes=False, version=0)


async def update(work: Work, body: IntakeSettingsUpdate, if_match: int) -> IntakeSetting:
    setting = await work.settings.current()
    check_version(if_match, setting.version if setting else 0)
    if setting is None:
        setting = IntakeSetting(four_eyes=body.four_eyes)
    else:
        setting.four_eyes = body.four_eyes
    return await work.settings.save(setting)

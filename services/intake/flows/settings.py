"""The municipality's intake settings, kept as data and changed by an admin."""

from __future__ import annotations

from dataclasses import asdict

from services.intake.domain.functional import NeedLevelRule, check_rule
from services.intake.flows import Work, rule_from
from services.intake.models import IntakeSetting
from services.intake.schemas import IntakeSettingsUpdate
from shared.concurrency import check_version
from shared.errors import RuleViolation
from shared.schemas.intake import MunicipalitySettingsChanged


async def read(work: Work) -> IntakeSetting:
    """The saved settings, or the defaults (version 0) when none are saved yet."""
    return await work.settings.current() or IntakeSetting(
        four_eyes=False, need_level_rule=None, need_to_know_days_after_end=None, version=0
    )


async def update(work: Work, body: IntakeSettingsUpdate, if_match: int) -> IntakeSetting:
    """Change the settings; a new need-level rule gets the next version number, so every
    assessment says which version of the municipality's rule derived its level. The need-to-know
    window is published (`municipality_settings.changed`) in the same transaction."""
    setting = await work.settings.current()
    check_version(if_match, setting.version if setting else 0)
    if setting is None:
        setting = IntakeSetting(four_eyes=body.four_eyes, need_level_rule=None)
    else:
        setting.four_eyes = body.four_eyes
    if body.need_level_rule is not None:
        current = rule_from(setting.need_level_rule)
        rule = NeedLevelRule(
            source=body.need_level_rule.source,
            moderate_from=body.need_level_rule.moderate_from,
            extensive_from=body.need_level_rule.extensive_from,
            version=current.version + 1,
        )
        try:
            check_rule(rule)
        except ValueError as exc:
            raise RuleViolation("body.need_level_rule.extensive_from", str(exc)) from exc
        setting.need_level_rule = asdict(rule)
    if body.need_to_know_days_after_end is not None:
        setting.need_to_know_days_after_end = body.need_to_know_days_after_end
    saved = await work.settings.save(setting)
    if body.need_to_know_days_after_end is not None:
        # Coordination and welfare technology judge their relations by the same number.
        # Published whenever the admin saves it, so a save also brings them up to date.
        await work.publish(
            MunicipalitySettingsChanged(
                need_to_know_days_after_end=body.need_to_know_days_after_end
            ),
            subject=saved.id,
        )
    return saved

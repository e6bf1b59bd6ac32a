"""A user's own preferences (the UI language), kept per user so they follow them anywhere."""

from __future__ import annotations

from services.intake.flows import Work
from services.intake.models import UserPreference
from services.intake.schemas import PreferencesIn
from shared.concurrency import check_version


async def read(work: Work) -> UserPreference | None:
    return await work.preferences.of(work.user.sub)


async def save(work: Work, body: PreferencesIn, if_match: int) -> UserPreference:
    found = await work.preferences.of(work.user.sub)
    check_version(if_match, found.version if found else 0)
    if found is None:
        found = UserPreference(user_sub=work.user.sub, language=body.language)
    else:
        found.language = body.language
    return await work.preferences.save(found)

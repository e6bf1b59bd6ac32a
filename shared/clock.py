"""Today's date in Norway, as a dependency so rules and tests can be given any day."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends

OSLO = ZoneInfo("Europe/Oslo")


def today_in_norway() -> date:
    return datetime.now(OSLO).date()


async def today() -> date:
    """The request's day, as a dependency: a coroutine, so FastAPI calls it on the event loop
    rather than sending it through the thread pool as it does a plain function (a hop on every
    request). Tests give the app another day with `app.dependency_overrides[today]`."""
    return today_in_norway()


Today = Annotated[date, Depends(today)]

"""Today's date in Norway, as a dependency so rules and tests can be given any day."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends

OSLO = ZoneInfo("Europe/Oslo")


def today_in_norway() -> date:
    return datetime.now(OSLO).date()


Today = Annotated[date, Depends(today_in_norway)]

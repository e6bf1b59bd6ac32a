"""A clinician's need to know for a person in coordination: a unit of theirs serves the
person by the municipality's window, or they opened emergency access in intake."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from services.coordination.flows import Work
from services.coordination.repositories.services import RELATION_FACTS
from shared.errors import Forbidden

NOT_SERVED = "Your unit does not serve this person (tjenstlig behov)"


async def check_serves(work: Work, person_id: uuid.UUID) -> str | None:
    """Pass when one of the caller's units serves the person today (`serves`, by the
    municipality's window), or while the caller's emergency access from intake has not
    lapsed: then the reason to log, naming that access. `Forbidden` otherwise."""
    if await work.services.serves(person_id, work.user.units, work.today):
        return None
    emergency = await RELATION_FACTS.emergency(
        work.session, person_id, work.user.sub, datetime.now(UTC)
    )
    if emergency is not None:
        return emergency.log_reason
    raise Forbidden(NOT_SERVED)

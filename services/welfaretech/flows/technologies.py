"""The technology catalogue: what the municipality offers, also to citizens."""

from __future__ import annotations

from services.welfaretech.flows import Work
from services.welfaretech.models import Technology
from services.welfaretech.schemas import TechnologyCreate


async def add(work: Work, body: TechnologyCreate) -> Technology:
    technology = Technology(**body.model_dump(mode="json"), is_active=True)
    return await work.technologies.add(technology)


async def retire(work: Work, code: str) -> Technology:
    """Take a technology out of the catalogue; loans of it go on."""
    technology = await work.technologies.get(code)
    technology.is_active = False
    await work.flush()
    return technology

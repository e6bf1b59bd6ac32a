"""The signed-in user's own preferences."""

from __future__ import annotations

from fastapi import APIRouter, Response

from services.intake.api.deps import ANY_ROLE, WorkDep
from services.intake.flows import preferences as flow
from services.intake.schemas import PreferencesIn, PreferencesRead
from shared.auth import CurrentPrincipal, Principal
from shared.concurrency import IfMatchVersion, set_etag
from shared.errors import problem_responses

router = APIRouter(tags=["me"])


@router.get("/me", response_model=Principal, operation_id="get_me", dependencies=[ANY_ROLE])
async def get_me(principal: CurrentPrincipal) -> Principal:
    """Who the token says the caller is (name, municipality, roles, units); no database read.
    The bench's framework floor: what any authenticated request costs before its SQL."""
    return principal


@router.get(
    "/me/preferences",
    response_model=PreferencesRead,
    operation_id="get_my_preferences",
    dependencies=[ANY_ROLE],
)
async def get_my_preferences(work: WorkDep, response: Response) -> PreferencesRead:
    """The caller's chosen UI language (none until chosen: the municipality's then applies)."""
    found = await flow.read(work)
    set_etag(response, found.version if found else 0)
    return PreferencesRead(
        language=found.language if found else None,
        version=found.version if found else 0,
    )


@router.put(
    "/me/preferences",
    response_model=PreferencesRead,
    responses=problem_responses(412, 428),
    operation_id="save_my_preferences",
    dependencies=[ANY_ROLE],
)
async def save_my_preferences(
    body: PreferencesIn, work: WorkDep, if_match: IfMatchVersion, response: Response
) -> PreferencesRead:
    """Choose the UI language; it follows the user to any browser or tablet."""
    found = await flow.save(work, body, if_match)
    set_etag(response, found.version)
    return PreferencesRead(language=found.language, version=found.version)

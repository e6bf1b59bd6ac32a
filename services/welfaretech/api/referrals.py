"""Referrals: the welfare-technology team's inbox, from intake's screening or direct."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from services.welfaretech.api.deps import PERSON_READER, REFERRER, TEAM, Idempotent, WorkDep
from services.welfaretech.api.problems import errors
from services.welfaretech.api.views import referral_detail, referral_read
from services.welfaretech.flows import referrals as flow
from services.welfaretech.schemas import ReferralCreate, ReferralDetail, ReferralRead
from shared.errors import Conflict, problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page
from shared.schemas.welfaretech import ReferralStatus

router = APIRouter(tags=["referrals"])


@router.get(
    "/referrals",
    response_model=Page[ReferralRead],
    operation_id="list_referrals",
    dependencies=[PERSON_READER],
)
async def list_referrals(
    work: WorkDep,
    status: ReferralStatus | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[ReferralRead]:
    """The inbox, oldest first; clinicians see their own units' referrals. Each listed
    referral is in the access log. Names as intake shows them now; when intake is down the
    inbox still loads, with the names stored when referred (a referral from the feed has
    none: `person_name_available` false)."""
    page = await work.referrals.page(
        status=status,
        units=flow.inbox_units(work),
        limit=limit,
        cursor=cursor,
        to_item=lambda referral: referral,
    )
    await flow.log_listed(work, page.items)
    await work.commit_before_waiting()
    names = await work.intake_api().names(r.person_id for r in page.items)
    return Page[ReferralRead](
        items=[referral_read(r, names.get(r.person_id)) for r in page.items],
        next_cursor=page.next_cursor,
    )


@router.post(
    "/referrals",
    status_code=201,
    response_model=ReferralRead,
    responses=errors(403, 404, 503, conflict=(Conflict,)),
    operation_id="create_referral",
    dependencies=[REFERRER],
)
async def create_referral(body: ReferralCreate, work: WorkDep, idempotent: Idempotent) -> Response:
    """Refer a person for a welfare-technology assessment (the person is looked up in intake)."""
    if (replayed := await idempotent.replay()) is not None:
        return replayed
    referral = await flow.refer(work, body)
    return await idempotent.respond(201, referral_read(referral))


@router.get(
    "/referrals/{referral_id}",
    response_model=ReferralDetail,
    responses=problem_responses(403, 404, 503),
    operation_id="get_referral",
    dependencies=[PERSON_READER],
)
async def get_referral(referral_id: uuid.UUID, work: WorkDep) -> ReferralDetail:
    """The referral with the person as intake shows them now."""
    referral, person = await flow.get(work, referral_id)
    return referral_detail(referral, person)


@router.post(
    "/referrals/{referral_id}/close",
    response_model=ReferralRead,
    responses=problem_responses(404),
    operation_id="close_referral",
    dependencies=[TEAM],
)
async def close_referral(referral_id: uuid.UUID, work: WorkDep) -> ReferralRead:
    """Close a referral that needs no (further) assessment."""
    return referral_read(await flow.close(work, referral_id))

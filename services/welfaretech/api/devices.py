"""The device inventory: instances by serial, model and status."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from services.welfaretech.api.deps import STAFF, TEAM, WorkDep
from services.welfaretech.api.problems import errors
from services.welfaretech.api.views import device_read
from services.welfaretech.domain.problems import SerialTaken
from services.welfaretech.flows import devices as flow
from services.welfaretech.schemas import DeviceCreate, DeviceRead
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit
from shared.schemas.common import Page
from shared.schemas.welfaretech import DeviceStatus

router = APIRouter(tags=["devices"])


@router.get(
    "/devices",
    response_model=Page[DeviceRead],
    operation_id="list_devices",
    dependencies=[STAFF],
)
async def list_devices(
    work: WorkDep,
    status: DeviceStatus | None = None,
    technology: str | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[DeviceRead]:
    """The inventory by serial; filter by status or technology code."""
    return await work.devices.page(
        status=status, technology=technology, limit=limit, cursor=cursor, to_item=device_read
    )


@router.post(
    "/devices",
    status_code=201,
    response_model=DeviceRead,
    responses=errors(404, conflict=(SerialTaken,)),
    operation_id="add_device",
    dependencies=[TEAM],
)
async def add_device(body: DeviceCreate, work: WorkDep) -> DeviceRead:
    """Register a device instance in stock."""
    return device_read(await flow.add(work, body))


@router.get(
    "/devices/{device_id}",
    response_model=DeviceRead,
    responses=problem_responses(404),
    operation_id="get_device",
    dependencies=[STAFF],
)
async def get_device(device_id: uuid.UUID, work: WorkDep) -> DeviceRead:
    return device_read(await work.devices.get(device_id))

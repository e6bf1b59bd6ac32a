"""The device inventory."""

from __future__ import annotations

from services.welfaretech.flows import Work
from services.welfaretech.models import Device
from services.welfaretech.schemas import DeviceCreate
from shared.schemas.welfaretech import DeviceStatus


async def add(work: Work, body: DeviceCreate) -> Device:
    technology = await work.technologies.get(body.technology)
    device = Device(
        technology_id=technology.id,
        serial=body.serial,
        model=body.model or technology.model,
        status=DeviceStatus.in_stock.value,
        acquired_on=body.acquired_on,
    )
    await work.devices.add(device)
    return await work.devices.get(device.id)

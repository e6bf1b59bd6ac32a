"""The device inventory."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.welfaretech.domain.problems import SerialTaken
from services.welfaretech.models import Device, Technology
from shared.errors import NotFound
from shared.pagination import paginate
from shared.schemas.common import Page

T = TypeVar("T")


class DeviceRepo:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, device: Device) -> Device:
        try:
            async with self.session.begin_nested():
                self.session.add(device)
                await self.session.flush()
        except IntegrityError as exc:
            raise SerialTaken(f"There is already a device with serial {device.serial!r}") from exc
        return device

    async def get(self, device_id: uuid.UUID, *, for_update: bool = False) -> Device:
        statement = select(Device).where(Device.id == device_id)
        if for_update:
            statement = statement.with_for_update(of=Device)
        found = await self.session.scalar(statement)
        if found is None:
            raise NotFound("There is no such device")
        return found

    async def page(
        self,
        *,
        status: str | None,
        technology: str | None,
        limit: int,
        cursor: str | None,
        to_item: Callable[[Device], T],
    ) -> Page[T]:
        statement = select(Device)
        if status is not None:
            statement = statement.where(Device.status == status)
        if technology is not None:
            statement = statement.join(Technology).where(Technology.code == technology)
        return await paginate(
            self.session,
            statement,
            order_by=[Device.serial],
            limit=limit,
            cursor=cursor,
            to_item=to_item,
        )

"""`Idempotency-Key` for creating POSTs: a retried request creates nothing twice.

The same key with the same body answers the first response again; the same
key with another body is a 409. The key is stored in the same transaction as
the change, so a rolled-back request leaves no key behind.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from sqlalchemy import DateTime, Integer, String, UniqueConstraint, func, select, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from shared.db import TENANT_SETTING, TenantSession
from shared.errors import Conflict, RuleViolation

MAX_KEY_LENGTH = 200


class IdempotencyKeyMixin:
    """Columns of a service's `idempotency_keys` table."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    municipality: Mapped[str] = mapped_column(
        String(4), server_default=text(f"current_setting('{TENANT_SETTING}', true)")
    )
    key: Mapped[str] = mapped_column(String(MAX_KEY_LENGTH))
    fingerprint: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    response_body: Mapped[Any] = mapped_column(JSONB)
    response_headers: Mapped[dict[str, str]] = mapped_column(JSONB, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Any, ...]:  # noqa: N805
        return (UniqueConstraint("municipality", "key"),)


class IdempotentRequest:
    """What a creating route needs: replay a stored answer, or remember a new one."""

    def __init__(
        self,
        model: type[IdempotencyKeyMixin],
        session: AsyncSession,
        key: str | None,
        fingerprint: str,
    ) -> None:
        self.model = model
        self.session = session
        self.key = key
        self.fingerprint = fingerprint

    async def replay(self) -> JSONResponse | None:
        if self.key is None:
            return None
        model: Any = self.model
        stored = await self.session.scalar(select(model).where(model.key == self.key))
        if stored is None:
            return None
        if stored.fingerprint != self.fingerprint:
            raise Conflict(
                "This Idempotency-Key was used with another request body",
                idempotency_key=self.key,
            )
        headers = {**stored.response_headers, "Idempotent-Replayed": "true"}
        return JSONResponse(stored.response_body, status_code=stored.status_code, headers=headers)

    async def respond(
        self, status_code: int, body: Any, headers: dict[str, str] | None = None
    ) -> JSONResponse:
        """Remember the response under the key (if any) and return it."""
        content = jsonable_encoder(body)
        if self.key is not None:
            self.session.add(
                self.model(  # type: ignore[call-arg]
                    key=self.key,
                    fingerprint=self.fingerprint,
                    status_code=status_code,
                    response_body=content,
                    response_headers=headers or {},
                )
            )
            try:
                async with self.session.begin_nested():
                    await self.session.flush()
            except IntegrityError as exc:
                raise Conflict(
                    "A request with this Idempotency-Key is already being processed; retry shortly"
                ) from exc
        return JSONResponse(content, status_code=status_code, headers=headers)


def idempotency_dependency(model: type[IdempotencyKeyMixin]) -> Any:
    """`Annotated[IdempotentRequest, idempotency_dependency(Model)]` for a creating POST."""

    async def _dependency(
        request: Request,
        session: TenantSession,
        idempotency_key: Annotated[
            str | None,
            Header(
                alias="Idempotency-Key",
                description="Any unique string; a retry with the same key creates nothing twice",
            ),
        ] = None,
    ) -> IdempotentRequest:
        if idempotency_key is not None and not (0 < len(idempotency_key) <= MAX_KEY_LENGTH):
            raise RuleViolation(
                "header.Idempotency-Key", f"Must be 1 to {MAX_KEY_LENGTH} characters"
            )
        raw = await request.body()
        try:
            canonical = json.dumps(json.loads(raw or b"null"), sort_keys=True).encode()
        except ValueError:
            canonical = raw
        digest = hashlib.sha256(
            request.method.encode() + b" " + request.url.path.encode() + b"\n" + canonical
        ).hexdigest()
        return IdempotentRequest(model, session, idempotency_key, digest)

    return Depends(_dependency)

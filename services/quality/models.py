"""Tables of the quality service."""

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from shared.db import NAMING_CONVENTION
from shared.idempotency import IdempotencyKeyMixin
from shared.outbox import EventMixin


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Event(EventMixin, Base):
    """The quality service's outbox."""

    __tablename__ = "events"


class IdempotencyKey(IdempotencyKeyMixin, Base):
    __tablename__ = "idempotency_keys"

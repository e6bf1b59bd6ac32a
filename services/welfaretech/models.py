"""Tables of the welfaretech service."""

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from shared.db import NAMING_CONVENTION
from shared.feed import FeedCursorMixin, ProcessedEventMixin
from shared.idempotency import IdempotencyKeyMixin
from shared.outbox import EventMixin


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Event(EventMixin, Base):
    """The welfaretech service's outbox."""

    __tablename__ = "events"


class IdempotencyKey(IdempotencyKeyMixin, Base):
    __tablename__ = "idempotency_keys"


class FeedCursor(FeedCursorMixin, Base):
    """How far this service has read other services' feeds, per municipality."""

    __tablename__ = "feed_cursors"


class ProcessedEvent(ProcessedEventMixin, Base):
    """Events from other services' feeds already handled (replay changes nothing)."""

    __tablename__ = "processed_events"

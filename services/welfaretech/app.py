"""The welfaretech service app."""

from __future__ import annotations

from fastapi import FastAPI

from services.welfaretech.api import (
    access_log,
    assessments,
    benefits,
    devices,
    loans,
    public,
    referrals,
    technologies,
)
from services.welfaretech.flows import ACCESS_LOG
from services.welfaretech.flows.referrals import handle_intake_event
from services.welfaretech.jobs import retrier_for
from services.welfaretech.models import Event, FeedCursor, ProcessedEvent
from services.welfaretech.settings import WelfaretechSettings
from shared.app import create_service_app
from shared.feed import FeedConsumer, consumer_for
from shared.outbox import Outbox

DESCRIPTION = (
    "Velferdsteknologi: the technology catalogue (also public), referrals from intake's "
    "screening, needs assessments and recommendations, consent and the legal basis "
    "(pbrl § 4-6 a), device loans and benefit realisation. Every read or write of a "
    "person's assessment or loan is written to the access log."
)


def _consumers(app: FastAPI) -> list[FeedConsumer | None]:
    return [
        consumer_for(
            app,
            source="intake",
            cursor_model=FeedCursor,
            processed_model=ProcessedEvent,
            handle=handle_intake_event,
        )
    ]


def create_app(settings: WelfaretechSettings | None = None) -> FastAPI:
    settings = settings or WelfaretechSettings()
    return create_service_app(
        "welfaretech",
        settings,
        routers=[
            technologies.router,
            referrals.router,
            assessments.router,
            devices.router,
            loans.router,
            benefits.router,
            access_log.router,
        ],
        public_routers=[public.router],
        outbox=Outbox(Event, source="welfaretech", access_log=ACCESS_LOG),
        description=DESCRIPTION,
        feed_consumers=_consumers,
        background_jobs=lambda app: [retrier_for(app)],
    )

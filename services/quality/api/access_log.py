"""A person's quality access log (deviations about the person are their data here), for
leaders and the kvalitetsleder; paged, and exported as CSV for the person's innsyn request
(the routes every service's person log has, `shared.access_log.add_person_log_routes`)."""

from __future__ import annotations

from fastapi import APIRouter

from services.quality.api.deps import WorkDep
from services.quality.flows import access_log as flow
from shared.access_log import add_person_log_routes
from shared.permissions import ALL_STAFF, allow

router = APIRouter(tags=["access log"])

ACCESS_LOG_READER = allow(*ALL_STAFF)
"""Any employee (one who may see a deviation about a person) asks; leaders and the
kvalitetsleder read the log; every other attempt is a 403 in the log (flows/access_log.py)."""

add_person_log_routes(
    router,
    work=WorkDep,
    allowed=ACCESS_LOG_READER,
    read=flow.read,
    export=flow.export,
    file_stem="tilgangslogg-kvalitet",
    read_description="""
    Who has looked at, changed or been refused the deviations about this person, newest
    first, a page at a time: for leaders and the kvalitetsleder; any other employee's attempt
    is a 403 in the log. A person no deviation is about is a 404. Reading it is logged.""",
    export_description="""
    The person's quality access log for their innsyn request (pbrl § 5-1,
    pasientjournalloven § 18: who has had access to their data), as CSV (semicolon-separated,
    Oslo time); the export is itself logged. The printable PDF is intake's.""",
)

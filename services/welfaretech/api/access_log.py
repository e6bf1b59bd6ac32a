"""A person's welfare-technology access log, for leaders and the velferdsteknolog of the
person's open case; paged, and exported as CSV for the person's innsyn request (the routes
every service's person log has, `shared.access_log.add_person_log_routes`)."""

from __future__ import annotations

from fastapi import APIRouter

from services.welfaretech.api.deps import WorkDep
from services.welfaretech.flows import access_log as flow
from shared.access_log import add_person_log_routes
from shared.permissions import allow
from shared.schemas.roles import Role

router = APIRouter(tags=["access log"])

ACCESS_LOG_READER = allow(Role.welfare_technologist, Role.clinician, Role.caseworker, Role.manager)
"""Those who may reach a person's data here ask; leaders, and the velferdsteknolog of the
person's open case, read the log; every other attempt is a 403 in the log
(flows/access_log.py)."""

add_person_log_routes(
    router,
    work=WorkDep,
    allowed=ACCESS_LOG_READER,
    read=flow.read,
    export=flow.export,
    file_stem="tilgangslogg-velferdsteknologi",
    read_description="""
    Who has looked at, changed or been refused this person's welfare-technology data,
    newest first, a page at a time: for leaders and the velferdsteknolog of the person's open
    referral, assessment or loan. A person this service has never seen is a 404. Reading it
    is logged.""",
    export_description="""
    The person's welfare-technology access log for their innsyn request (pbrl § 5-1,
    pasientjournalloven § 18: who has had access to their data), as CSV (semicolon-separated,
    Oslo time); the export is itself logged. The printable PDF is intake's.""",
)

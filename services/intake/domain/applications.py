"""The life of an application (søknad): received → in assessment → decided, or withdrawn."""

from __future__ import annotations

from enum import StrEnum

from shared.errors import Conflict
from shared.schemas.intake import ApplicationStatus


class Channel(StrEnum):
    digital = "digital"
    letter = "letter"
    phone = "phone"
    hospital_message = "hospital_message"
    gp = "gp"
    relative = "relative"
    in_person = "in_person"


class ApplicantKind(StrEnum):
    """Who applied: the person, or someone on their behalf."""

    self = "self"
    relative = "relative"
    guardian = "guardian"
    gp = "gp"
    hospital = "hospital"
    other = "other"


class Urgency(StrEnum):
    normal = "normal"
    urgent = "urgent"


_NEXT: dict[ApplicationStatus, set[ApplicationStatus]] = {
    ApplicationStatus.received: {ApplicationStatus.in_assessment, ApplicationStatus.withdrawn},
    ApplicationStatus.in_assessment: {ApplicationStatus.decided, ApplicationStatus.withdrawn},
    ApplicationStatus.decided: set(),
    ApplicationStatus.withdrawn: set(),
}


def move(current: ApplicationStatus, target: ApplicationStatus) -> ApplicationStatus:
    """The next status, or a 409 when the application cannot go there from where it is."""
    if target not in _NEXT[current]:
        raise Conflict(f"An application that is {current.value} cannot become {target.value}")
    return target


def is_open(status: ApplicationStatus) -> bool:
    return status in (ApplicationStatus.received, ApplicationStatus.in_assessment)

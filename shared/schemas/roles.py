"""The roles a token can carry."""

from enum import StrEnum


class Role(StrEnum):
    caseworker = "saksbehandler"
    coordinator = "koordinator"
    clinician = "helsepersonell"
    welfare_technologist = "velferdsteknolog"
    manager = "leder"
    quality_lead = "kvalitetsleder"
    integration = "systemintegrasjon"
    admin = "admin"

"""Welfaretech's conflicts (409), each its own problem type.

Each becomes `https://mestring.no/problems/<slug>`: a stable `type` a client can
tell apart and show in its own words (the SPA does), whatever the `detail`
says. The routes list the types they can answer in their OpenAPI responses.
"""

from __future__ import annotations

from shared.errors import Conflict


class DeviceAlreadyOnLoan(Conflict):
    """The device is lent to a person now (also the loser of two concurrent loans)."""

    slug, title = "device-on-loan", "The device is on loan to someone else"


class DeviceNotAvailable(Conflict):
    """The device is in repair or retired: not in stock, so it cannot be lent."""

    slug, title = "device-not-available", "The device is not in stock"


class LoanAlreadyEnded(Conflict):
    """The loan has ended: it takes no more checks and cannot end again."""

    slug, title = "loan-ended", "The loan has ended"


class RecommendationNotAccepted(Conflict):
    """Only an accepted recommendation starts a loan."""

    slug, title = "recommendation-not-accepted", "The recommendation is not accepted"


class ProvidedOtherwise(Conflict):
    """The technology is bought by the person or provided by NAV, not lent by the municipality."""

    slug, title = "provided-otherwise", "The municipality does not lend this technology here"


class RecommendationAlreadyDecided(Conflict):
    """The recommendation was accepted or rejected already."""

    slug, title = "recommendation-decided", "The recommendation is already decided"


class ReferralClosed(Conflict):
    """The referral is closed: it takes no assessment."""

    slug, title = "referral-closed", "The referral is closed"


class NotLegalDecisionCandidate(Conflict):
    """A § 4-6 a decision is only for a person assessed as lacking capacity to consent."""

    slug, title = "not-without-capacity", "The person is not assessed as lacking capacity"


class BaselineExists(Conflict):
    """The loan has its baseline (or this follow-up week) already."""

    slug, title = "measurement-exists", "The measurement is already recorded"


class BaselineMissing(Conflict):
    """A follow-up needs the baseline first."""

    slug, title = "baseline-missing", "Record the baseline first"


class TechnologyCodeTaken(Conflict):
    slug, title = "technology-exists", "There is already a technology with this code"


class SerialTaken(Conflict):
    slug, title = "serial-exists", "There is already a device with this serial number"

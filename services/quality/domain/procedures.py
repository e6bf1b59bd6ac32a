"""The procedure library: versions, reviews and read-and-understood receipts.

The forskrift om ledelse og kvalitetsforbedring § 6 bokstav e asks for
written procedures where needed, and § 8 that they are followed and kept up
to date. A procedure is never overwritten: a revision writes a new version,
valid from a day, approved by someone, with the date it must be reviewed by.
An employee confirms (lest og forstått) the version in force; a new version
needs a new confirmation.
"""

from __future__ import annotations

from datetime import date

from shared.errors import Conflict, RuleViolation


def check_version_content(
    valid_from: date, review_by: date, text: str | None, link: str | None
) -> None:
    if not (text and text.strip()) and not (link and link.strip()):
        raise RuleViolation("body.text", "Give the procedure's text or a link to the document")
    if review_by <= valid_from:
        raise RuleViolation("body.review_by", "The review date comes after the valid-from date")


def check_revision(valid_from: date, current_valid_from: date) -> None:
    """A revision takes over from the version in force; it cannot start before it."""
    if valid_from < current_valid_from:
        raise RuleViolation(
            "body.valid_from", "A revision cannot be valid before the version it replaces"
        )


def is_review_overdue(review_by: date, today: date) -> bool:
    return today > review_by


def check_confirmation(confirmed: int, current: int) -> None:
    """An employee confirms the version they read; a stale one is refused."""
    if confirmed != current:
        raise Conflict(
            f"You read version {confirmed}, but version {current} is now in force. "
            "Read it again and confirm that one."
        )


def expected_readers(unit: str | None, staff_units: list[str]) -> bool:
    """Whether an employee is expected to confirm: everyone for a municipality-wide
    procedure, else those with the procedure's unit in their token."""
    return unit is None or unit in staff_units

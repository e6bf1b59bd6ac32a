"""Deviations: the quick report, the handling steps, and reading them as the caller may."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from services.quality.clients import LinkChecker
from services.quality.domain import access, risk
from services.quality.domain import deviations as rules
from services.quality.domain.access import View
from services.quality.domain.deadlines import (
    DEFAULT_ACKNOWLEDGE_WORKING_DAYS,
    acknowledge_by,
    is_late,
    working_days,
)
from services.quality.domain.guidance import checklist_codes
from services.quality.flows import Work
from services.quality.models import Deviation, DeviationLink, DeviationStep
from services.quality.repositories.deviations import Chunk, SummaryChunk
from services.quality.schemas import (
    Acknowledgement,
    Closing,
    DeviationCreate,
    DeviationUpdate,
    Investigation,
    Reopening,
)
from shared.access_log import AccessAction
from shared.concurrency import check_version
from shared.errors import NotFound, RuleViolation
from shared.schemas.quality import (
    CauseCategory,
    DeviationAcknowledged,
    DeviationCategory,
    DeviationClosed,
    DeviationReopened,
    DeviationReported,
    DeviationStatus,
    LinkKind,
    LinkStatus,
    SeriousEventFlagged,
)

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
SIMILAR_LIMIT = 10


@dataclass(frozen=True)
class Seen:
    """A deviation and how the caller sees it."""

    deviation: Deviation
    view: View
    may_handle: bool
    receipt_code: str | None = None


def _now() -> datetime:
    return datetime.now(UTC)


def new_receipt_code() -> str:
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def record_step(
    work: Work,
    deviation: Deviation,
    action: str,
    from_status: str | None,
    note: str | None = None,
    *,
    anonymous: bool = False,
) -> None:
    deviation.steps.append(
        DeviationStep(
            at=_now(),
            action=action,
            from_status=from_status,
            to_status=deviation.status,
            actor_sub=None if anonymous else work.user.sub,
            actor_name=None if anonymous else work.user.name,
            note=note,
        )
    )


def _causes(deviation: Deviation) -> list[rules.Cause]:
    return [
        rules.Cause(CauseCategory(c["category"]), bool(c["is_underlying"]), c["description"])
        for c in deviation.causes
    ]


def _flag_serious(work: Work, deviation: Deviation) -> None:
    deviation.notification_checklist = [
        {"code": code, "done_at": None, "done_by_name": None} for code in checklist_codes()
    ]


async def _acknowledge_days(work: Work) -> int:
    stored = await work.rules.get()
    return stored.acknowledge_working_days if stored else DEFAULT_ACKNOWLEDGE_WORKING_DAYS


async def report(work: Work, body: DeviationCreate, checker: LinkChecker) -> Seen:
    """The quick report. Links are checked first: an unknown id is refused (422); a
    service that is down or has no such endpoint yet never blocks the report."""
    rules.check_report(
        rules.Report(
            occurred_at=body.occurred_at,
            discovered_at=body.discovered_at,
            category=body.category,
            collaboration_party=body.collaboration_party,
            is_anonymous=body.is_anonymous,
            names_a_person=body.person_id is not None,
        ),
        _now(),
    )
    score = risk.score(body.consequence, body.probability)
    statuses = []
    for index, link in enumerate(body.links):
        status = await checker.check(link.kind, link.target_id)
        if status is LinkStatus.not_found:
            raise RuleViolation(
                f"body.links.{index}.target_id", f"There is no such {link.kind.value}"
            )
        statuses.append(status)
    receipt = new_receipt_code() if body.is_anonymous else None
    deviation = Deviation(
        occurred_at=body.occurred_at,
        discovered_at=body.discovered_at,
        reported_on=work.today,
        unit=body.unit,
        place=body.place,
        category=body.category.value,
        collaboration_party=body.collaboration_party
        if body.category is DeviationCategory.collaboration
        else None,
        what_happened=body.what_happened,
        immediate_action=body.immediate_action,
        person_id=body.person_id,
        consequence=body.consequence,
        probability=body.probability,
        risk_score=score,
        is_serious=body.is_serious,
        notification_checklist=[],
        is_anonymous=body.is_anonymous,
        reporter_sub=None if body.is_anonymous else work.user.sub,
        reporter_name=None if body.is_anonymous else work.user.name,
        receipt_hash=rules.receipt_hash(receipt) if receipt else None,
        status=DeviationStatus.reported.value,
        acknowledge_by=acknowledge_by(work.today, await _acknowledge_days(work), working_days()),
        causes=[],
        links=[
            DeviationLink(
                kind=link.kind.value,
                target_id=link.target_id,
                status=status.value,
                checked_at=_now(),
            )
            for link, status in zip(body.links, statuses, strict=True)
        ],
        actions=[],
        steps=[],
    )
    if body.is_serious:
        _flag_serious(work, deviation)
    record_step(work, deviation, "reported", None, anonymous=body.is_anonymous)
    await work.deviations.add(deviation)
    await work.log(deviation.person_id, AccessAction.create, "deviation", deviation.id)
    await work.publish(
        DeviationReported(
            deviation_id=deviation.id,
            unit=deviation.unit,
            category=body.category,
            risk_score=score,
            risk_level=risk.level_of(score),
            is_serious=deviation.is_serious,
            reported_on=deviation.reported_on,
            acknowledge_by=deviation.acknowledge_by,
        ),
        deviation.id,
    )
    if deviation.is_serious:
        await _publish_serious(work, deviation)
    return Seen(deviation, View.full, access.is_handler(work.user, deviation.unit), receipt)


async def _publish_serious(work: Work, deviation: Deviation) -> None:
    await work.publish(
        SeriousEventFlagged(deviation_id=deviation.id, unit=deviation.unit, flagged_on=work.today),
        deviation.id,
    )


async def _visible(work: Work, deviation_id: uuid.UUID) -> tuple[Deviation, View]:
    deviation = await work.deviations.get(deviation_id)
    view = access.view_of(work.user, deviation.unit, deviation.reporter_sub)
    if view is None:
        raise NotFound("There is no such deviation")
    return deviation, view


async def _handled(work: Work, deviation_id: uuid.UUID, if_match: int) -> Deviation:
    deviation, _ = await _visible(work, deviation_id)
    await work.check_may_handle(deviation)
    check_version(if_match, deviation.version)
    return deviation


async def _recheck_links(work: Work, deviation: Deviation, checker: LinkChecker) -> None:
    """Links left unverified (a service was down, or the caller could not read the
    target) are checked again on each read, as this caller."""
    for link in deviation.links:
        if link.status == LinkStatus.unverified.value:
            status = await checker.check(LinkKind(link.kind), link.target_id)
            if status is not LinkStatus.unverified:
                link.status = status.value
            link.checked_at = _now()
    await work.session.flush()


async def read(work: Work, deviation_id: uuid.UUID, checker: LinkChecker) -> Seen:
    deviation, view = await _visible(work, deviation_id)
    await _recheck_links(work, deviation, checker)
    if view is View.full:
        await work.log(deviation.person_id, AccessAction.read, "deviation", deviation.id)
    return Seen(deviation, view, access.is_handler(work.user, deviation.unit))


async def _seen(work: Work, deviation: Deviation, action: AccessAction) -> Seen:
    await work.session.flush()
    await work.log(deviation.person_id, action, "deviation", deviation.id)
    return Seen(deviation, View.full, True)


async def update(work: Work, deviation_id: uuid.UUID, body: DeviationUpdate, if_match: int) -> Seen:
    """A handler corrects the category, place or grading; the step keeps what changed."""
    deviation = await _handled(work, deviation_id, if_match)
    if deviation.status == DeviationStatus.closed.value:
        raise RuleViolation("body", "Reopen the deviation before changing it")
    changes = body.model_dump(exclude_unset=True, exclude_none=True)
    before = {name: getattr(deviation, name) for name in changes}
    for name, value in changes.items():
        setattr(deviation, name, value.value if hasattr(value, "value") else value)
    deviation.risk_score = risk.score(deviation.consequence, deviation.probability)
    category = DeviationCategory(deviation.category)
    if category is DeviationCategory.collaboration and not deviation.collaboration_party:
        raise RuleViolation("body.collaboration_party", "A samhandlingsavvik names the other party")
    newly_serious = body.is_serious is True and not before.get("is_serious", True)
    if newly_serious:
        _flag_serious(work, deviation)
    note = ", ".join(f"{k}: {before[k]} → {getattr(deviation, k)}" for k in changes)
    record_step(work, deviation, "updated", deviation.status, note or None)
    if newly_serious:
        await _publish_serious(work, deviation)
    return await _seen(work, deviation, AccessAction.update)


async def acknowledge(
    work: Work, deviation_id: uuid.UUID, body: Acknowledgement, if_match: int
) -> Seen:
    """The unit's leader has received the report (mottatt); late if after the deadline."""
    deviation = await _handled(work, deviation_id, if_match)
    before = deviation.status
    deviation.status = rules.move(DeviationStatus(before), rules.Step.acknowledge).value
    deviation.acknowledged_on = work.today
    deviation.handler_name = work.user.name
    record_step(work, deviation, "acknowledged", before, body.note)
    await work.publish(
        DeviationAcknowledged(
            deviation_id=deviation.id,
            unit=deviation.unit,
            acknowledged_on=work.today,
            was_late=is_late(deviation.acknowledge_by, work.today),
        ),
        deviation.id,
    )
    return await _seen(work, deviation, AccessAction.update)


async def investigate(
    work: Work, deviation_id: uuid.UUID, body: Investigation, if_match: int
) -> Seen:
    """Record what happened and its direct and underlying causes (may be revised)."""
    deviation = await _handled(work, deviation_id, if_match)
    before = deviation.status
    deviation.status = rules.move(DeviationStatus(before), rules.Step.investigate).value
    causes = [rules.Cause(c.category, c.is_underlying, c.description) for c in body.causes]
    rules.check_investigation(causes)
    deviation.investigation = body.investigation
    deviation.causes = [c.model_dump(mode="json") for c in body.causes]
    record_step(work, deviation, "investigated", before)
    return await _seen(work, deviation, AccessAction.update)


async def close(work: Work, deviation_id: uuid.UUID, body: Closing, if_match: int) -> Seen:
    """Close with what was learnt; the reporter now sees the outcome."""
    deviation = await _handled(work, deviation_id, if_match)
    before = deviation.status
    deviation.status = rules.move(DeviationStatus(before), rules.Step.close).value
    rules.check_closing(body.learning_summary, body.outcome_for_reporter, _causes(deviation))
    deviation.learning_summary = body.learning_summary
    deviation.outcome_for_reporter = body.outcome_for_reporter
    deviation.closed_on = work.today
    record_step(work, deviation, "closed", before)
    await work.publish(
        DeviationClosed(
            deviation_id=deviation.id,
            unit=deviation.unit,
            category=DeviationCategory(deviation.category),
            closed_on=work.today,
            cause_categories=sorted({c.category for c in _causes(deviation)}),
        ),
        deviation.id,
    )
    return await _seen(work, deviation, AccessAction.update)


async def reopen(work: Work, deviation_id: uuid.UUID, body: Reopening, if_match: int) -> Seen:
    deviation = await _handled(work, deviation_id, if_match)
    rules.check_reopening(body.reason)
    before = deviation.status
    deviation.status = rules.move(DeviationStatus(before), rules.Step.reopen).value
    deviation.closed_on = None
    record_step(work, deviation, "reopened", before, body.reason)
    await work.publish(
        DeviationReopened(deviation_id=deviation.id, unit=deviation.unit, reopened_on=work.today),
        deviation.id,
    )
    return await _seen(work, deviation, AccessAction.update)


async def tick_checklist(
    work: Work, deviation_id: uuid.UUID, code: str, done: bool, if_match: int
) -> Seen:
    """Tick an item of the serious-event checklist (varsel til Helsetilsynet and the rest)."""
    deviation = await _handled(work, deviation_id, if_match)
    items = [dict(item) for item in deviation.notification_checklist]
    item = next((i for i in items if i["code"] == code), None)
    if item is None:
        raise NotFound("The deviation has no such checklist item")
    item["done_at"] = _now().isoformat() if done else None
    item["done_by_name"] = work.user.name if done else None
    deviation.notification_checklist = items
    record_step(
        work, deviation, "checklist", deviation.status, f"{code}: {'done' if done else 'undone'}"
    )
    return await _seen(work, deviation, AccessAction.update)


async def mine(work: Work, limit: int, cursor: str | None) -> Chunk:
    return await work.deviations.reported_by(work.user.sub, limit, cursor)


async def queue(work: Work, limit: int, cursor: str | None) -> SummaryChunk:
    """A page of the caller's queue, as the columns of a summary."""
    return await work.deviations.queue(access.handled_units(work.user), limit, cursor)


async def committee(work: Work, include_closed: bool, limit: int, cursor: str | None) -> Chunk:
    return await work.deviations.committee(include_closed, limit, cursor)


async def similar(work: Work, deviation_id: uuid.UUID) -> Sequence[Deviation]:
    """Earlier deviations of the same category and unit, for the handler to learn from."""
    deviation, _ = await _visible(work, deviation_id)
    await work.check_may_handle(deviation)
    return await work.deviations.similar(deviation, SIMILAR_LIMIT)


async def by_receipt(work: Work, code: str) -> Deviation:
    return await work.deviations.by_receipt(rules.receipt_hash(code))

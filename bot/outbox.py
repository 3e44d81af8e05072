"""The outbox dispatcher: delivers queued messages through per-platform notifiers, with retries."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot import metrics
from bot.clock import Clock, system_clock
from bot.messages import Message
from storage import conversations as conversation_store
from storage import outbox as outbox_store
from storage import staff as staff_store
from storage.db import Database
from storage.tables import OutboxMessage

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)
IDLE_WAIT_SECONDS = 30.0
CLAIM_LIMIT = 50
GATHER_SECONDS = 0.01  # far below what a person notices on a DM


@dataclass(frozen=True, slots=True)
class Recipient:
    """Who a message is for: a staff member (DM) or a channel."""

    key: str
    staff_id: int | None = None
    email: str | None = None
    name: str | None = None
    slack_user_id: str | None = None
    teams_user_id: str | None = None
    teams_reference: dict[str, Any] | None = None
    channel: str | None = None


@dataclass(frozen=True, slots=True)
class Delivery:
    outbox_id: int
    recipient: Recipient
    message: Message
    thread_key: str | None
    previous_ref: dict[str, Any] | None


class Sent(NamedTuple):
    delivery: Delivery
    platform: str
    ref: dict[str, Any] | None


class DeliveryError(Exception):
    """A delivery failed; `retry_after` (seconds) when the platform said when to come back."""

    def __init__(self, message: str, *, retry_after: float | None = None,
                 permanent: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.permanent = permanent


class Notifier(Protocol):
    platform: str

    def reaches(self, recipient: Recipient) -> bool: ...

    async def deliver(self, delivery: Delivery) -> dict[str, Any] | None:
        """Send (or update in place) and return where the message lives, for later updates."""


def staff_key(staff_id: int) -> str:
    return f"staff:{staff_id}"


def channel_key(channel: str) -> str:
    return f"channel:{channel}"


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    base_seconds: float = 2.0
    max_seconds: float = 600.0
    max_attempts: int = 8

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Exponential backoff with full jitter, never sooner than the platform asked."""
        ceiling = min(self.max_seconds, self.base_seconds * 2 ** max(0, attempt - 1))
        jittered = random.uniform(ceiling / 2, ceiling)
        return max(jittered, retry_after or 0.0)


class Dispatcher:
    """Delivers due outbox rows; `wake()` after a commit delivers at once, `drain()` on demand."""

    def __init__(self, database: Database, notifiers: Sequence[Notifier], *,
                 clock: Clock = system_clock, policy: RetryPolicy | None = None,
                 concurrency: int = 16, gather_seconds: float = GATHER_SECONDS,
                 wakeup: asyncio.Event | None = None) -> None:
        """`wakeup` is the event the application sets after each commit (see `wake`)."""
        self.database = database
        self.gather_seconds = gather_seconds
        self.notifiers = tuple(notifiers)
        self.clock = clock
        self.policy = policy or RetryPolicy()
        self._wake = wakeup or asyncio.Event()
        self._stopping = False
        self._parallel = asyncio.Semaphore(concurrency)
        self._drain_lock = asyncio.Lock()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        """Finish the delivery round in flight, then leave `run()`."""
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        """Deliver until stopped: on wake-up, or when the next retry comes due."""
        while not self._stopping:
            try:
                await self.drain(gather_seconds=self.gather_seconds)
                timeout = await self._seconds_until_next_due()
            except Exception:  # a database outage must not kill the loop; try again later
                log.exception("outbox dispatcher round failed")
                timeout = IDLE_WAIT_SECONDS
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for swallows a cancel that
            # lands as the event is set, and the server's shutdown then waits forever.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._wake.wait()
            self._wake.clear()

    async def drain(self, *, gather_seconds: float = 0.0) -> int:
        """Deliver everything due now (in order per recipient); the number delivered.

        `gather_seconds` lets each round's messages gather first: under load a round then
        delivers many at once, for one transaction, instead of one each.
        """
        delivered = 0
        async with self._drain_lock:
            sent: list[Sent] = []
            while True:
                if gather_seconds and not self._stopping:
                    await asyncio.sleep(gather_seconds)
                batch = await self._record_and_claim(sent)
                if not batch:
                    break
                results = await asyncio.gather(*(self._deliver(row) for row in batch))
                sent = [result for result in results if result is not None]
                delivered += len(sent)
        return delivered

    async def _seconds_until_next_due(self) -> float:
        if self._wake.is_set():
            return 0.0  # more arrived while delivering
        async with self.database.transaction() as session:
            waiting = await outbox_store.pending(session)
        metrics.OUTBOX_PENDING.set(waiting.count)
        if waiting.next_due_at is None:
            return IDLE_WAIT_SECONDS
        return min(IDLE_WAIT_SECONDS,
                   max(0.0, (waiting.next_due_at - self.clock()).total_seconds()))

    async def _record_and_claim(self, sent: list[Sent]) -> list[Delivery]:
        """Mark the last round sent and lease the next, in one transaction (one writer)."""
        now = self.clock()
        async with self.database.transaction() as session:
            await _record_sent(session, sent, now)
            rows = await outbox_store.claim_due(session, now=now, lease=LEASE, limit=CLAIM_LIMIT)
            recipients = await _recipients_of(session, rows)
            claimed = [await self._prepare(session, row, recipients[row.recipient_key])
                       for row in rows]
        for _delivery, platform, _ref in sent:
            metrics.OUTBOX_DELIVERED.labels(platform).inc()
        return claimed

    async def _prepare(self, session: AsyncSession, row: OutboxMessage,
                       recipient: Recipient) -> Delivery:
        previous = None
        if row.replaces_key:
            ref = await outbox_store.get_delivery_ref(session, thread_key=row.replaces_key,
                                                      recipient_key=row.recipient_key)
            previous = {"platform": ref.platform, **ref.ref} if ref else None
        return Delivery(outbox_id=row.id or 0, recipient=recipient,
                        message=Message.from_dict(row.payload),
                        thread_key=row.thread_key or row.replaces_key, previous_ref=previous)

    def _notifier_for(self, delivery: Delivery) -> Notifier | None:
        previous_platform = (delivery.previous_ref or {}).get("platform")
        reaching = [n for n in self.notifiers if n.reaches(delivery.recipient)]
        preferred = [n for n in reaching if n.platform == previous_platform]
        return next(iter(preferred or reaching), None)

    async def _deliver(self, delivery: Delivery) -> Sent | None:
        """Send one message; failures are recorded here, successes by the caller in a batch."""
        notifier = self._notifier_for(delivery)
        if notifier is None:
            await self._give_up(delivery, "unknown", "no chat platform reaches this recipient")
            return None
        async with self._parallel:
            try:
                with metrics.DELIVERY_SECONDS.labels(notifier.platform).time():
                    ref = await notifier.deliver(delivery)
            except DeliveryError as error:
                await self._after_failure(delivery, notifier.platform, error)
                return None
            except Exception as error:  # an unexpected notifier bug is retried, then given up
                log.exception("notifier %s crashed on outbox %s", notifier.platform,
                              delivery.outbox_id)
                await self._after_failure(delivery, notifier.platform, DeliveryError(repr(error)))
                return None
        return Sent(delivery, notifier.platform, ref)

    async def _after_failure(self, delivery: Delivery, platform: str,
                             error: DeliveryError) -> None:
        async with self.database.transaction() as session:
            row = await session.get(OutboxMessage, delivery.outbox_id)
            attempts = (row.attempts if row else 0) + 1
            if error.permanent or attempts >= self.policy.max_attempts:
                await outbox_store.mark_failed(session, outbox_id=delivery.outbox_id,
                                               error=str(error))
                metrics.OUTBOX_FAILED.labels(platform).inc()
                log.error("outbox %s to %s failed for good after %d attempts: %s",
                          delivery.outbox_id, delivery.recipient.key, attempts, error)
                return
            wait = self.policy.delay(attempts, error.retry_after)
            await outbox_store.mark_retry(session, outbox_id=delivery.outbox_id,
                                          at=self.clock() + timedelta(seconds=wait),
                                          error=str(error))
        metrics.OUTBOX_RETRIED.labels(platform).inc()
        log.warning("outbox %s to %s: attempt %d failed (%s); retrying in %.1fs",
                    delivery.outbox_id, delivery.recipient.key, attempts, error, wait)
        self.wake()

    async def _give_up(self, delivery: Delivery, platform: str, reason: str) -> None:
        async with self.database.transaction() as session:
            await outbox_store.mark_failed(session, outbox_id=delivery.outbox_id, error=reason)
        metrics.OUTBOX_FAILED.labels(platform).inc()
        log.error("outbox %s to %s: %s", delivery.outbox_id, delivery.recipient.key, reason)


async def _record_sent(session: AsyncSession, sent: list[Sent], now: datetime) -> None:
    by_platform: dict[str, list[int]] = {}
    for delivery, platform, _ref in sent:
        by_platform.setdefault(platform, []).append(delivery.outbox_id)
    for platform, outbox_ids in by_platform.items():
        await outbox_store.mark_sent(session, outbox_ids=outbox_ids, now=now, platform=platform)
    await outbox_store.save_delivery_refs(session, refs=[
        outbox_store.DeliveryRef(thread_key=delivery.thread_key,
                                 recipient_key=delivery.recipient.key, platform=platform,
                                 ref=ref, at=now)
        for delivery, platform, ref in sent if ref and delivery.thread_key])


async def _recipients_of(session: AsyncSession,
                         rows: list[OutboxMessage]) -> dict[str, Recipient]:
    """Each row's recipient by key, in two queries for the whole batch."""
    people = await staff_store.staff_by_ids(
        session, staff_ids=[row.recipient_id for row in rows if row.recipient_id is not None])
    references = await conversation_store.references_for(
        session, teams_user_ids=[p.teams_user_id for p in people.values() if p.teams_user_id])
    recipients = {}
    for row in rows:
        person = people.get(row.recipient_id) if row.recipient_id is not None else None
        if row.recipient_id is None:
            recipient = Recipient(key=row.recipient_key, channel=row.channel)
        elif person is None:
            recipient = Recipient(key=row.recipient_key, staff_id=row.recipient_id)
        else:
            recipient = Recipient(key=row.recipient_key, staff_id=person.id, email=person.email,
                                  name=person.name, slack_user_id=person.slack_user_id,
                                  teams_user_id=person.teams_user_id,
                                  teams_reference=references.get(person.teams_user_id or ""))
        recipients[row.recipient_key] = recipient
    return recipients


async def enqueue_message(session: AsyncSession, *, message: Message, dedupe_key: str,
                          now: datetime, staff_id: int | None = None, channel: str | None = None,
                          thread_key: str | None = None, replaces_key: str | None = None) -> bool:
    """Queue one message in the caller's transaction (the transactional outbox)."""
    if (staff_id is None) == (channel is None):
        raise ValueError("a message goes to exactly one staff member or one channel")
    key = staff_key(staff_id) if staff_id is not None else channel_key(channel or "")
    return await outbox_store.enqueue(session, dedupe_key=dedupe_key, recipient_key=key,
                                      payload=message.to_dict(), now=now,
                                      recipient_id=staff_id, channel=channel,
                                      thread_key=thread_key, replaces_key=replaces_key)

"""The transactional outbox: exactly-once delivery across crashes, retries and recovery."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.messages import Message
from bot.outbox import Delivery, DeliveryError, Dispatcher, RetryPolicy, enqueue_message
from storage.db import Database
from storage.outbox import list_messages
from tests.support import sample_bot

START = datetime(2027, 3, 2, 15, 0, tzinfo=UTC)


class RecordingNotifier:
    """Fails the first `failures` deliveries (asking to come back in 5 s), then records."""

    platform = "test"

    def __init__(self, failures: int = 0, permanent: bool = False) -> None:
        self.failures = failures
        self.permanent = permanent
        self.delivered: list[tuple[str, str]] = []

    def reaches(self, recipient: Any) -> bool:
        return True

    async def deliver(self, delivery: Delivery) -> dict[str, Any]:
        if self.failures:
            self.failures -= 1
            raise DeliveryError("slack said 429", retry_after=5, permanent=self.permanent)
        self.delivered.append((delivery.recipient.key, delivery.message.title))
        return {"ts": str(len(self.delivered))}


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


async def _enqueue(db: Database, *titles: str, staff_id: int = 1, now: datetime = START) -> None:
    async with db.transaction() as session:
        for title in titles:
            await enqueue_message(session, message=Message(title=title), now=now,
                                  dedupe_key=f"test:{title}", staff_id=staff_id)


async def test_crash_between_commit_and_delivery_delivers_once_after_restart(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        await _enqueue(bot.database, "offer", "reminder")
        # The first process died before its dispatcher ran: a new one picks the rows up.
        notifier = RecordingNotifier()
        restarted = Dispatcher(Database(database_url), [notifier], clock=clock)
        assert await restarted.drain() == 2
        assert await restarted.drain() == 0
        second = Dispatcher(Database(database_url), [notifier], clock=clock)
        assert await second.drain() == 0
        assert [title for _, title in notifier.delivered] == ["offer", "reminder"]
        await restarted.database.dispose()
        await second.database.dispose()


async def test_same_dedupe_key_is_queued_once(db: Database) -> None:
    async with sample_bot(db.url) as (bot, clock, out):
        await _enqueue(bot.database, "one")
        await _enqueue(bot.database, "one")
        async with bot.database.transaction() as session:
            assert len(await list_messages(session)) == 1


async def test_failing_notifier_recovers_in_order_per_recipient(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, manual, out):
        await _enqueue(bot.database, "first", "second", "third", staff_id=2)
        await _enqueue(bot.database, "other person", staff_id=3)
        clock = Clock()
        notifier = RecordingNotifier(failures=1)
        dispatcher = Dispatcher(bot.database, [notifier], clock=clock,
                                policy=RetryPolicy(base_seconds=1, max_seconds=2))
        await dispatcher.drain()
        # Recipient 2's head failed: nothing behind it overtakes; recipient 3 is unaffected.
        assert notifier.delivered == [("staff:3", "other person")]
        clock.now += timedelta(seconds=4)
        assert await dispatcher.drain() == 0  # Retry-After (5 s) is honoured over the backoff
        clock.now += timedelta(seconds=2)
        await dispatcher.drain()
        assert [t for k, t in notifier.delivered if k == "staff:2"] == ["first", "second", "third"]
        async with bot.database.transaction() as session:
            rows = await list_messages(session)
        assert {row.state for row in rows} == {"sent"}
        assert next(r for r in rows if r.payload["title"] == "first").attempts == 2


async def test_gives_up_after_bounded_attempts_and_marks_failed(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, manual, out):
        await _enqueue(bot.database, "doomed", "after", staff_id=2)
        clock = Clock()
        notifier = RecordingNotifier(failures=3)
        dispatcher = Dispatcher(bot.database, [notifier], clock=clock,
                                policy=RetryPolicy(base_seconds=1, max_seconds=1, max_attempts=3))
        for _ in range(4):
            await dispatcher.drain()
            clock.now += timedelta(seconds=10)
        async with bot.database.transaction() as session:
            rows = {row.payload["title"]: row for row in await list_messages(session)}
        assert rows["doomed"].state == "failed"
        assert "429" in (rows["doomed"].last_error or "")
        assert rows["after"].state == "sent"


async def test_permanent_error_fails_at_once(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, manual, out):
        await _enqueue(bot.database, "bad channel")
        dispatcher = Dispatcher(bot.database, [RecordingNotifier(failures=1, permanent=True)],
                                clock=Clock())
        await dispatcher.drain()
        async with bot.database.transaction() as session:
            (row,) = await list_messages(session)
        assert row.state == "failed" and row.attempts == 1


async def test_two_dispatchers_never_send_a_row_twice(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, manual, out):
        titles = [f"m{i}" for i in range(30)]
        for index, title in enumerate(titles):
            await _enqueue(bot.database, title, staff_id=1 + index % 5)
        notifier = RecordingNotifier()
        first = Dispatcher(Database(database_url), [notifier], clock=Clock())
        second = Dispatcher(Database(database_url), [notifier], clock=Clock())
        import asyncio

        await asyncio.gather(first.drain(), second.drain())
        await first.drain()
        assert sorted(t for _, t in notifier.delivered) == sorted(titles)
        await first.database.dispose()
        await second.database.dispose()

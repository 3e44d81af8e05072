"""Proactive delivery: edits in place, stale chats, throttling, pacing and outbox retries."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from sqlalchemy import select

from adapters.teams.app import sdk_configuration
from adapters.teams.notifier import TeamsNotifier
from adapters.teams.pacing import Busy, Pacer
from bot.conversations import Conversation, ConversationBook
from bot.messages import Action, Message
from bot.outbox import Delivery, DeliveryError, Recipient
from storage.db import Database
from storage.tables import ConversationRef, OutboxMessage
from tests.adapters.teams.fake_connector import FakeConnector
from tests.adapters.teams.harness import AVA, BEN, TENANT, dm, eventually, teams_bot
from tests.support import settings_for

OFFER = Message(title="New task", body="Why you: cheapest",
                actions=(Action("accept", "Accept", "7", style="primary"),))


class Harness:
    def __init__(self, notifier: TeamsNotifier, connector: FakeConnector,
                 book: ConversationBook, unreachable: list[tuple[int, str]]) -> None:
        self.notifier, self.connector, self.book = notifier, connector, book
        self.unreachable = unreachable

    def reference(self, user: str) -> dict[str, Any]:
        return {"channelId": "msteams", "serviceUrl": self.connector.url,
                "bot": {"id": "28:bot"}, "user": {"id": f"29:{user}", "aadObjectId": user},
                "conversation": {"id": dm(user), "conversationType": "personal"}}

    def delivery(self, user: str, *, stored: bool = True,
                 previous: dict[str, Any] | None = None) -> Delivery:
        recipient = Recipient(key="staff:2", staff_id=2, teams_user_id=user,
                              teams_reference=self.reference(user) if stored else None)
        return Delivery(outbox_id=1, recipient=recipient, message=OFFER, thread_key="offer:7",
                        previous_ref=previous)


@pytest.fixture
async def harness(db: Database) -> AsyncIterator[Harness]:
    connector = await FakeConnector().start()
    settings = settings_for(db.url, LPO_TEAMS_ALLOW_UNAUTHENTICATED=True)
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(sdk_configuration(settings)))
    book = ConversationBook(db)
    unreachable: list[tuple[int, str]] = []

    async def record(staff_id: int, reason: str) -> None:
        unreachable.append((staff_id, reason))

    notifier = TeamsNotifier(adapter, book, app_id=None, on_unreachable=record)
    yield Harness(notifier, connector, book, unreachable)
    await connector.stop()


async def test_sends_then_edits_in_place(harness: Harness) -> None:
    ref = await harness.notifier.deliver(harness.delivery(BEN))
    assert ref is not None and ref["activity_id"] == "act-1"
    edited = await harness.notifier.deliver(harness.delivery(BEN, previous=ref))
    assert edited == ref
    put = harness.connector.calls[-1]
    assert (put.method, put.path) == ("PUT", f"/v3/conversations/{dm(BEN)}/activities/act-1")
    assert put.cards[0]["actions"][0]["data"] == {"action": "accept", "value": "7",
                                                  "via": "outbox"}


async def test_a_card_that_cannot_be_edited_is_sent_anew(harness: Harness) -> None:
    ref = await harness.notifier.deliver(harness.delivery(BEN))
    harness.connector.fail("PUT", 404)
    again = await harness.notifier.deliver(harness.delivery(BEN, previous=ref))
    assert again is not None and again["activity_id"] == "act-2"
    assert [c.method for c in harness.connector.calls] == ["POST", "PUT", "POST"]


@pytest.mark.parametrize(("status", "headers", "retry_after"), [
    (429, {"Retry_After": "7"}, 7.0), (412, {}, None), (502, {}, None), (504, {}, None),
    (503, {"Retry_After": "Thu, 01 Jan 1970 00:00:00 GMT"}, 0.0)])
async def test_throttling_and_outages_are_retried(harness: Harness, status: int,
                                                  headers: dict[str, str],
                                                  retry_after: float | None) -> None:
    harness.connector.fail("POST", status, **headers)
    with pytest.raises(DeliveryError) as raised:
        await harness.notifier.deliver(harness.delivery(BEN))
    assert not raised.value.permanent
    assert raised.value.retry_after == retry_after


async def test_a_refused_message_is_not_retried(harness: Harness) -> None:
    harness.connector.fail("POST", 400)
    with pytest.raises(DeliveryError) as raised:
        await harness.notifier.deliver(harness.delivery(BEN))
    assert raised.value.permanent


async def test_a_gone_chat_is_forgotten_and_reopened_on_retry(harness: Harness) -> None:
    await harness.book.remember(Conversation(BEN, TENANT, harness.connector.url, dm(BEN),
                                             harness.reference(BEN)))
    harness.connector.fail("POST", 403)
    with pytest.raises(DeliveryError) as raised:
        await harness.notifier.deliver(harness.delivery(BEN))
    assert not raised.value.permanent
    async with harness.book.database.transaction() as session:
        assert (await session.execute(select(ConversationRef))).scalars().all() == []


async def test_nobody_to_copy_a_chat_from_means_unreachable(harness: Harness) -> None:
    with pytest.raises(DeliveryError) as raised:
        await harness.notifier.deliver(harness.delivery(BEN, stored=False))
    assert raised.value.permanent
    assert harness.unreachable == [(2, "nobody at the firm has opened lpo-bot in Teams yet")]
    assert harness.connector.calls == []


async def test_a_busy_conversation_is_retried_later(harness: Harness) -> None:
    # A frozen clock: the wait is the whole window however slow the machine is.
    harness.notifier.pacer = Pacer(((60.0, 1),), max_wait=0.0, clock=lambda: 1_000.0)
    await harness.notifier.deliver(harness.delivery(BEN))
    with pytest.raises(DeliveryError) as raised:
        await harness.notifier.deliver(harness.delivery(BEN))
    assert raised.value.retry_after == pytest.approx(60.0)
    assert len(harness.connector.calls) == 1


async def test_pacer_keeps_seven_per_second_per_conversation() -> None:
    now = [0.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = Pacer(clock=lambda: now[0], sleep=sleep)
    for _ in range(7):
        await pacer.acquire("a")
    await pacer.acquire("b")  # another conversation is not held up
    assert slept == []
    await pacer.acquire("a")  # the eighth in one second waits for the window to slide
    assert slept == [1.0]
    await pacer.acquire("a")  # and the ninth meets the 8-per-2-seconds window
    assert slept[-1] == pytest.approx(1.0)
    with pytest.raises(Busy) as busy:
        for _ in range(60):
            await pacer.acquire("a")
    assert busy.value.retry_after > pacer.max_wait


async def test_a_throttled_offer_goes_out_when_the_retry_comes_due(database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        await teams.install(BEN)
        teams.connector.fail("POST", 429, conversation=dm(BEN), Retry_After="7")
        mark = await teams.say(AVA, "delegate draft demand letter for 2027-0103 by Friday")
        await teams.connector.wait_for(lambda c: c.status == 429, after=mark)

        async def offer_row() -> OutboxMessage:
            async with teams.database.transaction() as session:
                return (await session.execute(select(OutboxMessage).where(
                    OutboxMessage.dedupe_key == "offer:1"))).scalars().one()

        row = await eventually(offer_row, lambda r: r.attempts == 1)
        assert row.state == "pending" and "429" in (row.last_error or "")
        assert row.next_attempt_at >= teams.clock() + timedelta(seconds=7)
        teams.clock.advance(seconds=7)
        teams.dispatcher.wake()
        await teams.connector.wait_for(
            lambda c: c.conversation_id == dm(BEN) and "New task" in c.text and c.status == 200,
            after=mark)
        assert (await eventually(offer_row, lambda r: r.state == "sent")).attempts == 2

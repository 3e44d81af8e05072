"""SlackNotifier against the fake Web API: DMs, updates in place, and which failures retry."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.notifier import SlackNotifier
from bot.messages import Action, Fact, Message
from bot.outbox import Delivery, DeliveryError, Recipient
from tests.adapters.slack.fake_slack import BOT_TOKEN, FakeSlack

BEN = Recipient(key="staff:2", staff_id=2, name="Ben Cho", slack_user_id="UBEN0001")
OFFER = Message(title="New task: demand letter", body="Why you: cheapest qualified",
                facts=(Fact("Due", "Fri Mar 5"),),
                actions=(Action("accept", "Accept", "7", style="primary"),), kind="offer")


@pytest.fixture
async def slack() -> AsyncIterator[tuple[FakeSlack, SlackNotifier]]:
    fake = FakeSlack()
    api = await fake.start()
    yield fake, SlackNotifier(AsyncWebClient(token=BOT_TOKEN, base_url=api))
    await fake.stop()
    assert fake.problems == []


def delivery(message: Message = OFFER, *, recipient: Recipient = BEN,
             previous: dict[str, str] | None = None) -> Delivery:
    return Delivery(outbox_id=1, recipient=recipient, message=message, thread_key="offer:7",
                    previous_ref=previous)


async def test_posts_a_dm_once_per_person_and_updates_in_place(slack) -> None:  # type: ignore[no-untyped-def]
    fake, notifier = slack
    ref = await notifier.deliver(delivery())
    assert ref == {"channel": "DUBEN0001", "ts": fake.to("chat.postMessage")[0].answer["ts"]}
    await notifier.deliver(delivery())
    assert len(fake.to("conversations.open")) == 1  # the DM channel is remembered

    closed = OFFER.without_actions("You accepted.")
    assert await notifier.deliver(delivery(closed, previous={"platform": "slack", **ref})) == ref
    update = fake.to("chat.update")[0].payload
    assert update["ts"] == ref["ts"] and "actions" not in str(update["blocks"])


async def test_a_message_that_can_no_longer_be_edited_is_posted_afresh(slack) -> None:  # type: ignore[no-untyped-def]
    fake, notifier = slack
    gone = {"platform": "slack", "channel": "DUBEN0001", "ts": "1.000"}
    ref = await notifier.deliver(delivery(previous=gone))
    assert ref and ref["ts"] != "1.000"
    assert [c.method for c in fake.calls][-1] == "chat.postMessage"


async def test_other_platforms_refs_are_not_slack_messages(slack) -> None:  # type: ignore[no-untyped-def]
    fake, notifier = slack
    await notifier.deliver(delivery(previous={"platform": "teams", "activity_id": "x"}))
    assert fake.to("chat.update") == [] and len(fake.to("chat.postMessage")) == 1


@pytest.mark.parametrize(("status", "error", "retry_after", "permanent"), [
    (429, "ratelimited", 7.0, False),
    (500, "internal_error", None, False),
    (503, "service_unavailable", None, False),
    (200, "fatal_error", None, False),
    (200, "user_not_found", None, True),
    (200, "invalid_blocks", None, True),
    (200, "account_inactive", None, True),
])
async def test_failures_say_whether_to_retry(slack, status: int, error: str,  # type: ignore[no-untyped-def]
                                             retry_after: float | None,
                                             permanent: bool) -> None:
    fake, notifier = slack
    fake.fail_next("conversations.open", status, error=error, headers={"Retry-After": "7"})
    with pytest.raises(DeliveryError) as raised:
        await notifier.deliver(delivery())
    assert raised.value.retry_after == retry_after
    assert raised.value.permanent is permanent


async def test_a_stale_dm_channel_is_reopened_on_the_retry(slack) -> None:  # type: ignore[no-untyped-def]
    fake, notifier = slack
    await notifier.deliver(delivery())
    fake.fail_next("chat.postMessage", 200, error="channel_not_found")
    with pytest.raises(DeliveryError) as raised:
        await notifier.deliver(delivery())
    assert not raised.value.permanent
    await notifier.deliver(delivery())
    assert len(fake.to("conversations.open")) == 2


async def test_an_unreachable_slack_is_retried() -> None:
    notifier = SlackNotifier(AsyncWebClient(token=BOT_TOKEN, base_url="http://127.0.0.1:9/api/"))
    with pytest.raises(DeliveryError) as raised:
        await notifier.deliver(delivery())
    assert not raised.value.permanent


def test_reaches_slack_people_and_slack_channels_only() -> None:
    notifier = SlackNotifier(AsyncWebClient(token=BOT_TOKEN))
    assert notifier.reaches(BEN)
    assert notifier.reaches(Recipient(key="channel:C0DIGEST", channel="C0DIGEST"))
    assert not notifier.reaches(Recipient(key="staff:9", staff_id=9, teams_user_id="aad-1"))
    assert not notifier.reaches(Recipient(key="channel:19:abc@thread.tacv2",
                                          channel="19:abc@thread.tacv2"))

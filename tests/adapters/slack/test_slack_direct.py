"""Typing to the bot in its Messages tab: the `message.im` event, answered in the same DM."""

from __future__ import annotations

import itertools
import logging
from typing import Any

import pytest

from bot.queries import task_rows
from tests.adapters.slack.fake_slack import BOT_TOKEN, BOT_USER, Call
from tests.adapters.slack.slack_world import (
    AVA,
    BEN,
    DELEGATION,
    SlackWorld,
    buttons,
    slack_world,
    texts,
)

_stamps = itertools.count(1)


def typed(user: str, text: str, **extra: Any) -> dict[str, Any]:
    """A `message.im` event as Slack sends it when `user` types `text` to the bot."""
    return {"type": "message", "channel_type": "im", "channel": f"D{user}", "user": user,
            "text": text, "ts": f"1790000100.{next(_stamps):06d}", **extra}


async def answer_to(world: SlackWorld, user: str, words: str) -> Call:
    """The first message posted in `user`'s DM whose readable text contains `words`."""
    channel = world.fake.dm_channel(user)

    def found() -> Call | None:
        return next((call for call in world.fake.to("chat.postMessage", channel=channel)
                     if words in texts(call.payload)), None)

    return await world.fake.wait_for(found)


def posts_in(world: SlackWorld, user: str) -> list[Call]:
    return world.fake.to("chat.postMessage", channel=world.fake.dm_channel(user))


async def test_delegate_typed_in_the_dm_is_answered_there(database_url: str) -> None:
    async with slack_world(database_url) as world:
        await world.event(typed(AVA, f"delegate {DELEGATION}"))
        answer = await answer_to(world, AVA, "offered to Ben Cho")
        assert "saves $" in texts(answer.payload["blocks"])
        offer = await world.fake.dm(BEN)
        assert set(buttons(offer.payload)) == {"Accept", "Decline"}

        await world.event(typed(BEN, "tasks"))
        listing = await answer_to(world, BEN, "Your tasks")
        assert {"Accept", "Decline"} <= set(buttons(listing.payload))

        await world.event(typed(BEN, "away until Friday"))
        await answer_to(world, BEN, "away")
        await world.event(typed(BEN, "back"))
        await answer_to(world, BEN, "back")


async def test_help_and_unknown_words_get_the_typed_commands(database_url: str) -> None:
    async with slack_world(database_url) as world:
        await world.event(typed(BEN, "help"))
        help_text = texts((await answer_to(world, BEN, "Type a command here")).payload)
        assert "delegate draft demand letter for 2027-0302 by Friday" in help_text
        await world.event(typed(BEN, "hello there"))
        await answer_to(world, BEN, "I don't know \u201chello\u201d.")


async def test_an_unsure_delegation_opens_the_confirmation_from_a_button(
        database_url: str) -> None:
    async with slack_world(database_url) as world:
        await world.event(typed(AVA, "delegate sort out the Garcia thing"))
        question = await answer_to(world, AVA, "Let's confirm the details.")
        await world.click(AVA, question, "Check the details")
        modal = await world.opened_view()
        assert modal["callback_id"] == "lpo_confirm"
        done = await world.submit(AVA, modal, {
            "task_type": {"selected_option": {"value": "demand_letter"}},
            "matter": {"selected_option": {"value": "2027-0101"}}})
        assert done["response_action"] == "update" and "offered to Ben Cho" in texts(done["view"])


@pytest.mark.parametrize("ignored", [
    typed(BEN, "tasks", subtype="bot_message", bot_id="BOTHER01"),
    typed(BEN, "tasks", bot_id="BOTHER01"),
    typed(BOT_USER, "tasks", bot_id="BBOT0001"),
    typed(BOT_USER, "tasks"),
    typed(BEN, "tasks", subtype="message_changed"),
    typed(BEN, "", subtype="message_deleted"),
    {**typed(BEN, "tasks"), "channel_type": "channel", "channel": "C0GENERAL"},
], ids=["bot_message", "another bot", "our bot", "our bot user", "edit", "delete", "channel"])
async def test_bots_edits_and_deletions_are_not_answered(database_url: str,
                                                          ignored: dict[str, Any]) -> None:
    async with slack_world(database_url) as world:
        await world.event(ignored)
        await world.event(typed(BEN, "help"))  # answered, after anything the first would cause
        await answer_to(world, BEN, "Type a command here")
        assert len(posts_in(world, BEN)) == 1
        if ignored["channel"] != world.fake.dm_channel(BEN):
            assert not world.fake.to("chat.postMessage", channel=ignored["channel"])


async def test_a_retried_event_never_applies_twice(database_url: str) -> None:
    async with slack_world(database_url) as world:
        message = typed(AVA, f"delegate {DELEGATION}")
        await world.event(message, event_id="Ev-delegate")
        for retry in ("1", "2"):
            await world.event(message, event_id="Ev-delegate",
                              headers={"X-Slack-Retry-Num": retry,
                                       "X-Slack-Retry-Reason": "http_timeout"})
        await answer_to(world, AVA, "offered to Ben Cho")
        await world.event(typed(AVA, "help"))
        await answer_to(world, AVA, "Type a command here")
        assert sum("offered to" in texts(call.payload) for call in posts_in(world, AVA)) == 1
        async with world.database.transaction() as session:
            assert len(await task_rows(session)) == 1


async def test_no_sdk_warning_when_the_token_is_in_the_environment(
        database_url: str, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)  # as a deployment sets it
    with caplog.at_level(logging.INFO):
        async with slack_world(database_url) as world:
            await world.event(typed(BEN, "help"))
            await answer_to(world, BEN, "Type a command here")
    assert "Slack is on" in caplog.text
    assert "will be unused" not in caplog.text
    assert not [record for record in caplog.records
                if record.name.startswith("adapters.slack") and record.levelno >= logging.WARNING]

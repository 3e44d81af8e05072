"""Slack: the hours asked after Mark done (one tap, or the Other modal), and /lpo rebalance with
its Apply button, through signed requests against a fake Slack."""

from __future__ import annotations

from bot.queries import task_detail
from tests.adapters.slack.slack_world import (
    AVA,
    BEN,
    CARA,
    DELEGATION,
    SlackWorld,
    buttons,
    slack_world,
    texts,
)

HOUR_BUTTONS = {"0.5 h", "1 h", "2 h", "4 h", "Other\u2026"}


async def _actual_hours(world: SlackWorld, task_id: int) -> object:
    async with world.database.transaction() as session:
        detail = await task_detail(session, task_id=task_id)
    assert detail is not None
    return [event["detail"].get("hours") for event in detail["history"]
            if event["action"] in ("actual_hours", "done")]


async def test_mark_done_asks_the_hours_and_one_tap_records_them(database_url: str) -> None:
    async with slack_world(database_url) as world:
        fake = world.fake
        await world.command(AVA, "/delegate", DELEGATION)
        await world.click(BEN, await fake.dm(BEN), "Accept")
        accepted = (await fake.nth("chat.update", channel=fake.dm_channel(BEN)))[0]
        await world.click(BEN, accepted, "Mark done")
        closed = (await fake.nth("chat.update", 2, channel=fake.dm_channel(BEN)))[1]
        assert set(buttons(closed.payload)) == HOUR_BUTTONS
        assert "How long did it take?" in texts(closed.payload["blocks"])

        assert await world.click(BEN, closed, "2 h") == {}
        noted = (await fake.nth("chat.update", 3, channel=fake.dm_channel(BEN)))[2]
        assert noted.payload["ts"] == closed.payload["ts"]  # the same card, edited
        assert buttons(noted.payload) == {}
        assert "Took 2 h: noted." in texts(noted.payload["blocks"])
        assert await _actual_hours(world, 1) == [None, 2.0]


async def test_other_opens_a_modal_that_checks_the_figure(database_url: str) -> None:
    async with slack_world(database_url) as world:
        fake = world.fake
        await world.command(AVA, "/delegate", DELEGATION)
        await world.click(BEN, await fake.dm(BEN), "Accept")
        typed = await world.command(BEN, "/lpo", "done 1")
        assert set(buttons(typed)) == HOUR_BUTTONS
        closed = (await fake.nth("chat.update", 2, channel=fake.dm_channel(BEN)))[1]

        assert await world.click(BEN, closed, "Other\u2026") == {}
        modal = await world.opened_view()
        assert modal["callback_id"] == "lpo_hours"
        refused = await world.submit(BEN, modal, {"hours": {"value": "999"}})
        assert refused["response_action"] == "errors"
        assert "isn't a number of hours" in refused["errors"]["hours"]
        assert await world.submit(BEN, modal, {"hours": {"value": "1.25"}}) == {}
        await fake.nth("chat.update", 3, channel=fake.dm_channel(BEN))
        assert await _actual_hours(world, 1) == [None, 1.25]

        again = await world.command(BEN, "/lpo", "hours 1 lots")
        assert "isn't a number of hours" in again["text"]


async def test_rebalance_shows_the_plan_and_the_button_applies_it(database_url: str) -> None:
    async with slack_world(database_url) as world:
        fake = world.fake
        await world.command(BEN, "/lpo", "away")
        await world.command(AVA, "/delegate", DELEGATION)  # to Cara: Ben is away
        to_cara = await fake.dm(CARA)
        await world.command(BEN, "/lpo", "back")

        refused = await world.command(BEN, "/lpo", "rebalance")
        assert refused["text"].endswith("Rebalancing is for managers.")

        plan = await world.command(AVA, "/lpo", "rebalance", trigger="plan-1")
        assert plan["response_type"] == "ephemeral"
        shown = texts(plan["blocks"])
        assert "#1 Demand letter \u00b7 2027-0101: Cara Diaz $105 \u2192 Ben Cho $82.50" in shown
        assert "Marisol Garcia" not in shown  # the client of 2027-0101
        assert set(buttons(plan)) == {"Apply"}

        url = fake.response_url("plan-1")
        assert await world.click(AVA, plan, "Apply", ephemeral_url=url) == {}
        answer = (await fake.nth("response_url", 1, name="plan-1"))[0]
        assert answer.payload["replace_original"] is True
        assert "Rebalanced: 1 move(s), saving $22.50" in answer.payload["text"]
        withdrawn = (await fake.nth("chat.update", 1, channel=fake.dm_channel(CARA)))[0]
        assert withdrawn.payload["ts"] == to_cara.answer["ts"] and buttons(withdrawn.payload) == {}
        assert "rebalanced" in texts(withdrawn.payload["blocks"])
        offer = await fake.dm(BEN)
        assert set(buttons(offer.payload)) == {"Accept", "Decline"}

        assert await world.click(AVA, plan, "Apply", ephemeral_url=url) == {}
        second = (await fake.nth("response_url", 2, name="plan-1"))[1]
        assert "Already handled" in second.payload["text"]
        assert len(fake.to("chat.postMessage", channel=fake.dm_channel(BEN))) == 1

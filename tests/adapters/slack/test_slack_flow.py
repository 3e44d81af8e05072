"""The delegation lifecycle through POST /slack/events with signed requests, against a fake Slack."""

from __future__ import annotations

from datetime import timedelta

from adapters.slack.blocks import message_payload
from bot.messages import Message
from bot.queries import task_rows
from bot.views import snooze_actions
from tests.adapters.slack.fake_slack import Call
from tests.adapters.slack.slack_world import AVA, BEN, CARA, DELEGATION, buttons, slack_world, texts


async def test_delegate_accept_done_approve(database_url: str) -> None:
    async with slack_world(database_url) as world:
        fake = world.fake
        answer = await world.command(AVA, "/delegate", DELEGATION)
        assert answer["response_type"] == "ephemeral"
        assert "offered to Ben Cho" in answer["text"]
        assert "saves $" in texts(answer["blocks"])
        assert "Due" in texts(answer["blocks"])

        offer = await fake.dm(BEN)
        assert fake.to("conversations.open", users=BEN)
        assert "New task #1 from Ava Stone" in offer.payload["text"]
        assert set(buttons(offer.payload)) == {"Accept", "Decline"}
        assert "Marisol Garcia" in texts(offer.payload["blocks"])  # Ben holds the task now

        assert await world.click(BEN, offer, "Accept") == {}
        accepted = (await fake.nth("chat.update", 1, channel=fake.dm_channel(BEN)))[0]
        assert accepted.payload["ts"] == offer.answer["ts"]
        assert set(buttons(accepted.payload)) == {"Mark done"}
        assert "You accepted" in texts(accepted.payload["blocks"])
        told = await fake.dm(AVA)
        assert "Ben Cho accepted task #1" in told.payload["text"]

        await world.click(BEN, accepted, "Mark done")
        closed = (await fake.nth("chat.update", 2, channel=fake.dm_channel(BEN)))[1]
        # Only the optional one-tap question of how long it took is left on the card.
        assert set(buttons(closed.payload)) == {"0.5 h", "1 h", "2 h", "4 h", "Other\u2026"}
        assert "review" in texts(closed.payload["blocks"])
        review = await fake.dm(AVA, 2)
        assert set(buttons(review.payload)) == {"Approve", "Request changes"}

        await world.click(AVA, review, "Approve")
        approved = (await fake.nth("chat.update", 1, channel=fake.dm_channel(AVA)))[0]
        assert buttons(approved.payload) == {}
        assert "approved it" in (await fake.dm(BEN, 2)).payload["text"] or \
            "approved it" in texts((await fake.dm(BEN, 2)).payload["blocks"])

        async with world.database.transaction() as session:
            rows = await task_rows(session)
        assert [(row["state"], row["assignee"]) for row in rows] == [
            ("completed", "ben.cho@firm.test")]


async def test_decline_modal_reoffers_to_the_next_person(database_url: str) -> None:
    async with slack_world(database_url) as world:
        fake = world.fake
        await world.command(AVA, "/delegate", DELEGATION)
        offer = await fake.dm(BEN)

        assert await world.click(BEN, offer, "Decline") == {}
        modal = await world.opened_view()
        assert modal["callback_id"] == "lpo_decline"
        assert await world.submit(BEN, modal, {}) == {
            "response_action": "errors", "errors": {"reason": "Pick a reason."}}

        answer = await world.submit(BEN, modal, {
            "reason": {"type": "static_select", "selected_option": {
                "value": "no_capacity", "text": {"type": "plain_text", "text": "No capacity"}}},
            "detail": {"type": "plain_text_input", "value": "trial prep all week"}})
        assert answer == {}  # the modal closes

        closed = (await fake.nth("chat.update", 1, channel=fake.dm_channel(BEN)))[0]
        assert buttons(closed.payload) == {}
        assert "You declined" in texts(closed.payload["blocks"])
        reoffer = await fake.dm(CARA)
        assert set(buttons(reoffer.payload)) == {"Accept", "Decline"}
        told = await fake.dm(AVA)
        assert "Ben Cho declined task #1" in told.payload["text"]
        assert "Cara Diaz" in texts(told.payload["blocks"])
        assert "trial prep all week" in texts(told.payload["blocks"])

        # The same modal submitted again (a double click on Decline) changes nothing.
        again = await world.submit(BEN, modal, {
            "reason": {"type": "static_select", "selected_option": {"value": "conflict"}}})
        assert again["response_action"] == "update"
        assert "Already handled" in texts(again["view"])
        assert len(fake.to("chat.postMessage", channel=fake.dm_channel(CARA))) == 1


async def test_unsure_parse_opens_a_prefilled_modal_and_creates_on_submit(
        database_url: str) -> None:
    async with slack_world(database_url) as world:
        fake = world.fake
        answer = await world.command(AVA, "/delegate", "sort out the Garcia thing by Friday")
        assert answer == {}  # the modal is the answer
        modal = await world.opened_view()
        assert modal["callback_id"] == "lpo_confirm"
        blocks = {block.get("block_id"): block for block in modal["blocks"]}
        assert {"task_type", "matter", "due", "priority", "notes"} <= set(blocks)
        assert "initial_date_time" in blocks["due"]["element"]  # "by Friday" was understood

        assert await world.submit(AVA, modal, {}) == {
            "response_action": "errors", "errors": {"task_type": "Pick a task type."}}
        past = int((world.clock() - timedelta(days=1)).timestamp())
        answer = await world.submit(AVA, modal, {
            "task_type": {"selected_option": {"value": "demand_letter"}},
            "due": {"selected_date_time": past}})
        assert answer["response_action"] == "errors" and "due" in answer["errors"]

        due = int((world.clock() + timedelta(days=3)).timestamp())
        answer = await world.submit(AVA, modal, {
            "task_type": {"selected_option": {"value": "demand_letter"}},
            "matter": {"selected_option": {"value": "2027-0102"}},
            "due": {"selected_date_time": due},
            "priority": {"selected_option": {"value": "high"}},
            "notes": {"value": "use the 1692g notice date"}})
        assert answer == {"response_action": "clear"}
        said = (await fake.nth("response_url"))[0]
        assert said.payload["response_type"] == "ephemeral"
        assert "offered to Ben Cho" in said.payload["text"]
        offer = await fake.dm(BEN)
        assert "Henry Garcia" in texts(offer.payload["blocks"])
        assert "high" in texts(offer.payload["blocks"])

        async with world.database.transaction() as session:
            rows = await task_rows(session)
        assert [(row["task_type"], row["matter"], row["priority"]) for row in rows] == [
            ("demand_letter", "2027-0102", "high")]


async def test_request_changes_modal_sends_the_work_back(database_url: str) -> None:
    async with slack_world(database_url) as world:
        fake = world.fake
        await world.command(AVA, "/delegate", DELEGATION)
        await world.click(BEN, await fake.dm(BEN), "Accept")
        accepted = (await fake.nth("chat.update", channel=fake.dm_channel(BEN)))[0]
        await world.click(BEN, accepted, "Mark done")
        review = next(call for call in await fake.nth("chat.postMessage", 2,
                                                         channel=fake.dm_channel(AVA))
                      if "review" in call.payload["text"])

        assert await world.click(AVA, review, "Request changes") == {}
        modal = await world.opened_view()
        assert modal["callback_id"] == "lpo_changes"
        assert (await world.submit(AVA, modal, {"note": {"value": "   "}}))["errors"] == {
            "note": "Say what should change."}
        assert await world.submit(AVA, modal, {"note": {"value": "cite the 1692g date"}}) == {}

        closed = (await fake.nth("chat.update", channel=fake.dm_channel(AVA)))[0]
        assert buttons(closed.payload) == {} and "cite the 1692g date" in texts(closed.payload)
        back = await fake.dm(BEN, 2)
        assert "Changes requested on task #1" in back.payload["text"]
        assert set(buttons(back.payload)) == {"Mark done"}

        await world.click(BEN, back, "Mark done")
        await fake.nth("chat.update", 1, ts=back.answer["ts"])
        again = next(call for call in await fake.nth("chat.postMessage", 3,
                                                        channel=fake.dm_channel(AVA))
                     if call is not review and "review" in call.payload["text"])
        assert set(buttons(again.payload)) == {"Approve", "Request changes"}


async def test_snooze_on_a_reminder_is_confirmed_to_the_clicker(database_url: str) -> None:
    async with slack_world(database_url) as world:
        fake = world.fake
        await world.command(AVA, "/delegate", DELEGATION)
        await world.click(BEN, await fake.dm(BEN), "Accept")
        await fake.nth("chat.update", channel=fake.dm_channel(BEN))
        reminder = Call("chat.postMessage", message_payload(Message(
            title="Task #1 is due tomorrow", actions=snooze_actions(1))),
            answer={"channel": fake.dm_channel(BEN), "ts": "1790000099.000001"})
        await world.click(BEN, reminder, "Tomorrow morning")
        said = (await fake.nth("response_url"))[0].payload
        assert said["replace_original"] is False and "Snoozed until" in said["text"]
        await world.click(CARA, reminder, "Snooze 1 hour")
        refused = (await fake.nth("response_url", 2))[1].payload
        assert "Only the person working on it" in refused["text"]

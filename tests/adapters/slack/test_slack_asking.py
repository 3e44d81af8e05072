"""Asking before offering, and "Wrong type?", through POST /slack/events against a fake Slack."""

from __future__ import annotations

from tests.adapters.slack.slack_world import AVA, BEN, DELEGATION, buttons, slack_world, texts


async def test_an_unsure_request_asks_with_labels_and_reasons_and_offers_only_once_confirmed(
        database_url: str) -> None:
    async with slack_world(database_url) as world:
        fake = world.fake
        assert await world.command(AVA, "/delegate", "please handle the thing for Whitley") == {}
        modal = await world.opened_view()
        blocks = {block.get("block_id"): block for block in modal["blocks"]}
        kinds = blocks["task_type"]["element"]
        assert kinds["option_groups"][0]["label"]["text"] == "Best guesses"
        shown = [option["text"]["text"] for group in kinds["option_groups"]
                 for option in group["options"]]
        assert "Demand letter" in shown and not any("_" in label for label in shown)  # labels
        assert "The request does not say what work" in texts(modal["blocks"])  # why it asks
        matter = blocks["matter"]["element"]
        assert matter["type"] == "external_select"
        assert matter["initial_option"]["value"] == "2027-0103"  # prefilled with what it read
        assert fake.to("chat.postMessage") == []  # nothing offered while the modal is open

        answer = await world.submit(AVA, modal, {
            "task_type": {"selected_option": {"value": "demand_letter"}},
            "matter": {"selected_option": {"value": "2027-0103"}}})
        assert answer == {"response_action": "clear"}
        offer = await fake.dm(BEN)
        assert "from Ava Stone" in offer.payload["text"]

        # The same words for another client are understood at once: no modal this time. (Her
        # given name alone, "for Marisol", would be asked about: DOMAIN.md names clients by
        # surname or full name.)
        again = await world.command(AVA, "/delegate", "please handle the thing for Marisol Garcia")
        assert " offered to " in again["text"]
        assert len(fake.to("views.open")) == 1


async def test_wrong_type_reoffers_and_updates_both_messages_in_place(database_url: str) -> None:
    async with slack_world(database_url) as world:
        fake = world.fake
        answer = await world.command(AVA, "/delegate", DELEGATION)
        assert "Wrong type?" in buttons(answer)
        offer = await fake.dm(BEN)

        ephemeral_url = fake.response_url("delegated")
        assert await world.click(AVA, answer, "Wrong type?", ephemeral_url=ephemeral_url) == {}
        modal = await world.opened_view()
        assert modal["callback_id"] == "lpo_retype"
        assert "Document collection" in texts(modal["blocks"])
        assert await world.submit(AVA, modal, {}) == {
            "response_action": "errors", "errors": {"task_type": "Pick a task type."}}
        assert await world.submit(AVA, modal, {
            "task_type": {"selected_option": {"value": "document_collection"}}}) == {}

        withdrawn = (await fake.nth("chat.update", 1, channel=fake.dm_channel(BEN)))[0]
        assert withdrawn.payload["ts"] == offer.answer["ts"] and buttons(withdrawn.payload) == {}
        assert "corrected the task type" in texts(withdrawn.payload["blocks"])
        # A new round: Ben, the cheapest for the right work too, is offered it afresh.
        reoffer = await fake.dm(BEN, 2)
        assert "Document collection" in texts(reoffer.payload["blocks"])
        replaced = (await fake.nth("response_url", 1, name="delegated"))[0]
        assert replaced.payload["replace_original"] is True
        assert "Task #1 is now document collection: offered to Ben Cho" in replaced.payload[
            "text"]

        typed = await world.command(AVA, "/lpo", "wrong 1 doc collection")
        assert "already document collection" in typed["text"]

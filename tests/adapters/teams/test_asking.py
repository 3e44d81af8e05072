"""Asking before offering, and "Wrong type?", through POST /api/messages with a fake connector."""

from __future__ import annotations

from sqlalchemy import select

from storage.tables import Offer, Task
from tests.adapters.teams.card_checks import assert_card_valid, assert_cards_valid
from tests.adapters.teams.harness import AVA, BEN, dm, teams_bot


def _in(conversation: str, text: str, method: str = "POST"):  # type: ignore[no-untyped-def]
    return lambda call: (call.conversation_id == conversation and text in call.text
                         and call.method == method)


async def test_an_unsure_request_asks_on_a_card_and_offers_only_once_confirmed(
        database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        await teams.install(BEN)
        mark = await teams.say(AVA, "delegate please handle the thing for Brown")
        card = await teams.connector.wait_for(_in(dm(AVA), "Let's confirm the details"),
                                              after=mark)
        form = card.cards[0]
        assert_card_valid(form)
        inputs = {e["id"]: e for e in form["body"] if e["type"].startswith("Input.")}
        kinds = inputs["task_type"]
        assert kinds["style"] == "filtered" and inputs["matter"]["style"] == "filtered"
        labels = [choice["title"] for choice in kinds["choices"]]
        assert "Demand letter" in labels and not any("_" in label for label in labels)
        assert "Best guesses:" in card.text and "does not say what work" in card.text
        assert inputs["matter"]["value"] == "2027-0103"
        async with teams.database.transaction() as session:
            assert (await session.execute(select(Task))).first() is None  # nothing yet

        mark = await teams.click(AVA, card.submit("Delegate"), card_id=card.answered_id,
                                 task_type="demand_letter", matter="2027-0103")
        await teams.connector.wait_for(_in(dm(BEN), "from Ava Stone"), after=mark)


async def test_a_message_that_delegates_nothing_is_answered_so_and_creates_nothing(
        database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        mark = await teams.say(AVA, "delegate thanks everyone, have a great weekend")
        card = await teams.connector.wait_for(
            _in(dm(AVA), "I don't see a task to delegate in that"), after=mark)
        assert_card_valid(card.cards[0])
        async with teams.database.transaction() as session:
            assert (await session.execute(select(Task))).first() is None


async def test_wrong_type_on_the_answer_card_reoffers_the_task(database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        await teams.install(BEN)
        mark = await teams.say(AVA, "delegate draft demand letter for 2027-0103 by Friday")
        answer = await teams.connector.wait_for(_in(dm(AVA), "offered to Ben Ortiz"), after=mark)
        offer = await teams.connector.wait_for(_in(dm(BEN), "New task"), after=mark)
        wrong = next(a for a in answer.cards[0]["actions"] if a["title"] == "Wrong type?")
        assert wrong["type"] == "Action.ShowCard"
        picker = wrong["card"]["body"][0]
        assert picker["style"] == "filtered"
        assert "Document collection" in [choice["title"] for choice in picker["choices"]]

        mark = await teams.click(AVA, answer.submit("Re-offer"), card_id=answer.answered_id,
                                 task_type="document_collection")
        fixed = await teams.connector.wait_for(
            _in(dm(AVA), "Task #1 is now document collection: offered to Ben Ortiz", "PUT"),
            after=mark)
        assert fixed.activity_id == answer.answered_id  # the answer updated in place
        withdrawn = await teams.connector.wait_for(
            _in(dm(BEN), "corrected the task type", "PUT"), after=mark)
        assert withdrawn.activity_id == offer.answered_id
        # A new round: Ben, the cheapest for the right work too, is offered it afresh.
        await teams.connector.wait_for(_in(dm(BEN), "Document collection"), after=mark)
        async with teams.database.transaction() as session:
            states = [o.state for o in (await session.execute(
                select(Offer).order_by(Offer.id))).scalars()]
        assert states == ["withdrawn", "pending"]

        mark = await teams.say(AVA, "wrong 1 doc collection")
        await teams.connector.wait_for(_in(dm(AVA), "already document collection"), after=mark)
        assert_cards_valid(teams.connector.calls)

"""Text commands, the confirmation card and Universal Actions, through POST /api/messages."""

from __future__ import annotations

from sqlalchemy import select

from storage.tables import AwayPeriod, ConversationRef, Task
from tests.adapters.teams.card_checks import assert_card_valid, assert_cards_valid
from tests.adapters.teams.harness import AVA, BEN, BOT_ID, EVE, TENANT, dm, teams_bot


def _in(conversation: str, text: str, method: str = "POST"):  # type: ignore[no-untyped-def]
    return lambda call: (call.conversation_id == conversation and text in call.text
                         and call.method == method)


async def test_help_tasks_away_back_digest_and_strangers(database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        connector = teams.connector
        mark = await teams.say(BEN, "help")
        help_card = await connector.wait_for(_in(dm(BEN), "Here's what I can do"), after=mark)
        assert "away [until WHEN]" in help_card.text
        mark = await teams.say(BEN, "make coffee")
        await connector.wait_for(_in(dm(BEN), "I don't know \u201cmake\u201d"), after=mark)

        mark = await teams.say(BEN, "tasks")
        await connector.wait_for(_in(dm(BEN), "Nothing on your plate"), after=mark)

        mark = await teams.say(BEN, "away until Friday")
        away = await connector.wait_for(_in(dm(BEN), "You're away until Fri"), after=mark)
        assert "No new offers" in away.text
        async with teams.database.transaction() as session:
            assert len((await session.execute(select(AwayPeriod))).scalars().all()) == 1
        mark = await teams.say(BEN, "away until the heat death of the universe")
        await connector.wait_for(_in(dm(BEN), "I couldn't read"), after=mark)
        mark = await teams.say(BEN, "back")
        await connector.wait_for(_in(dm(BEN), "Welcome back!"), after=mark)

        mark = await teams.say(BEN, "digest")
        await connector.wait_for(_in(dm(BEN), "The digest is for managers"), after=mark)
        mark = await teams.say(AVA, "digest")
        digest = await connector.wait_for(
            lambda c: c.conversation_id == dm(AVA) and c.cards, after=mark)
        assert "digest is for managers" not in digest.text

        mark = await teams.say(EVE, "tasks")
        await connector.wait_for(_in(dm(EVE), "not on the lpo-bot roster"), after=mark)
        assert_cards_valid(connector.calls)


async def test_channel_mention_is_stripped_and_not_stored_as_a_dm(database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        channel = "19:general@thread.tacv2;messageid=1"
        mark = len(teams.connector.calls)
        message = teams.activity(
            BEN, text="<at>lpo-bot</at> tasks",
            conversation={"id": channel, "conversationType": "channel", "tenantId": TENANT},
            entities=[{"type": "mention", "text": "<at>lpo-bot</at>",
                       "mentioned": {"id": BOT_ID, "name": "lpo-bot"}}])
        message["from"]["aadObjectId"] = BEN.upper()  # ids compare as GUIDs, not as text
        response = await teams.post(message)
        assert response.status == 200
        await teams.connector.wait_for(_in(channel, "Nothing on your plate"), after=mark)
        async with teams.database.transaction() as session:
            assert (await session.execute(select(ConversationRef))).scalars().all() == []


async def test_unsure_parse_asks_with_a_card_then_delegates(database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        await teams.install(BEN)
        mark = await teams.say(AVA, "delegate draft demand letter for Garcia by Friday")
        card = await teams.connector.wait_for(_in(dm(AVA), "Let's confirm the details"),
                                              after=mark)
        form = card.cards[0]
        inputs = {e["id"]: e for e in form["body"] if e["type"].startswith("Input.")}
        assert set(inputs) == {"task_type", "matter", "due_date", "priority", "notes"}
        assert inputs["task_type"]["value"] == "demand_letter"
        assert {"2027-0101", "2027-0102"} <= {c["value"] for c in inputs["matter"]["choices"]}
        assert inputs["due_date"]["value"] == "2027-03-05"
        assert "Garcia by Friday" in card.text
        assert_card_valid(form)

        mark = await teams.click(AVA, card.submit("Delegate"), card_id=card.answered_id,
                                 task_type="demand_letter", matter="2027-0102",
                                 due_date="2027-03-08", priority="high", notes="use the new form")
        done = await teams.connector.wait_for(_in(dm(AVA), "offered to Ben Ortiz", "PUT"),
                                              after=mark)
        assert done.activity_id == card.answered_id  # the form became the answer
        await teams.connector.wait_for(_in(dm(BEN), "New task #1 from Ava Stone"), after=mark)
        async with teams.database.transaction() as session:
            task = (await session.execute(select(Task))).scalars().one()
        assert (task.task_type, task.priority, task.source) == ("demand_letter", "high", "teams")
        assert task.due_at is not None and task.due_at.isoformat() == "2027-03-08T22:00:00+00:00"
        assert "use the new form" in task.text
        mark = await teams.click(AVA, card.submit("Delegate"), card_id=card.answered_id,
                                 task_type="demand_letter", matter="2027-0102")
        await teams.connector.wait_for(_in(dm(AVA), "Already handled"), after=mark)

        mark = await teams.say(AVA, "delegate draft demand letter for Garcia by Friday")
        card = await teams.connector.wait_for(_in(dm(AVA), "Let's confirm"), after=mark)
        mark = await teams.click(AVA, card.submit("Cancel"), card_id=card.answered_id)
        await teams.connector.wait_for(_in(dm(AVA), "Not delegated.", "PUT"), after=mark)
        assert_cards_valid(teams.connector.calls)


async def test_a_bad_date_on_the_card_is_answered_politely(database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        mark = await teams.say(AVA, "delegate draft demand letter for Garcia by Friday")
        card = await teams.connector.wait_for(_in(dm(AVA), "Let's confirm"), after=mark)
        mark = await teams.click(AVA, card.submit("Delegate"), card_id=card.answered_id,
                                 task_type="demand_letter", due_date="someday")
        await teams.connector.wait_for(_in(dm(AVA), "That due date doesn't look right"),
                                       after=mark)
        mark = await teams.click(AVA, {"action": "accept", "value": "not-a-number"})
        await teams.connector.wait_for(_in(dm(AVA), "I didn't understand that button"),
                                       after=mark)


async def test_action_execute_invoke_returns_the_card_in_the_http_response(
        database_url: str) -> None:
    """The stock CloudAdapter.process answers 500 to any invoke with a body."""
    async with teams_bot(database_url) as teams:
        await teams.install(BEN)
        mark = await teams.say(AVA, "delegate draft demand letter for 2027-0103 by Friday")
        offer = await teams.connector.wait_for(_in(dm(BEN), "New task"), after=mark)
        invoke = teams.activity(BEN, kind="invoke", name="adaptiveCard/action", value={
            "action": {"type": "Action.Execute", "verb": "accept",
                       "data": offer.submit("Accept")}, "trigger": "manual"})
        response = await teams.post(invoke)
        assert response.status == 200
        body = await response.json()
        assert body["statusCode"] == 200
        assert body["type"] == "application/vnd.microsoft.card.adaptive"
        assert_card_valid(body["value"])
        assert "You accepted" in str(body["value"])

        again = await (await teams.post(invoke | {"id": "in-again"})).json()
        assert again["type"] == "application/vnd.microsoft.activity.message"
        assert "Already handled" in again["value"]

        other = await teams.post(teams.activity(BEN, kind="invoke", name="task/fetch", value={}))
        assert other.status == 200
        bad = await teams.post(teams.activity(BEN, kind="invoke", name="adaptiveCard/action",
                                              value={"action": "nope"}))
        assert bad.status == 400


async def test_buttons_can_be_typed_too(database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        await teams.install(BEN)
        mark = await teams.say(AVA, "delegate draft demand letter for 2027-0103 by Friday")
        await teams.connector.wait_for(_in(dm(BEN), "New task"), after=mark)
        mark = await teams.say(BEN, "decline 1 no_capacity")
        await teams.connector.wait_for(_in(dm(BEN), "Declined task #1"), after=mark)
        await teams.connector.wait_for(_in(dm(AVA), "Ben Ortiz declined task #1 (no capacity)"),
                                       after=mark)
        mark = await teams.say(AVA, "cancel 1 client settled")
        await teams.connector.wait_for(_in(dm(AVA), "Cancelled task #1"), after=mark)
        mark = await teams.say(BEN, "done 99")
        await teams.connector.wait_for(_in(dm(BEN), "There is no task #99"), after=mark)
        mark = await teams.say(BEN, "accept")
        await teams.connector.wait_for(_in(dm(BEN), "I don't know \u201caccept\u201d"), after=mark)


async def test_odd_emulator_ids_are_answered_but_not_stored(database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        message = teams.activity(BEN, text="tasks", channelId="emulator")
        message["from"] = {"id": "u" * 300, "name": "Someone"}
        response = await teams.post(message)
        assert response.status == 200
        await teams.connector.wait_for(_in(dm(BEN), "not on the lpo-bot roster"))
        async with teams.database.transaction() as session:
            assert (await session.execute(select(ConversationRef))).scalars().all() == []


async def test_dashboard_gives_managers_a_link_and_refuses_others(database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        connector = teams.connector
        mark = await teams.say(BEN, "dashboard")
        await connector.wait_for(_in(dm(BEN), "The dashboard is for managers"), after=mark)
        mark = await teams.say(AVA, "dashboard")
        link = await connector.wait_for(_in(dm(AVA), "/dashboard/login?token="), after=mark)
        assert "Your dashboard sign-in link" in link.text
        assert_cards_valid(connector.calls)

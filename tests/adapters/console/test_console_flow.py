"""The whole delegation lifecycle played through the console adapter, on both databases."""

from __future__ import annotations

import json

from bot.app.commands.tasks import _history
from bot.queries import task_detail, task_rows
from tests.support import console, play, sample_bot

THEO = "theo.varga@sample-firm.test"      # associate, $320/h, manager Miriam
DMITRI = "dmitri.albescu@sample-firm.test"  # paralegal, $48/h, drafting 2
IMANI = "imani.sutherland@sample-firm.test"  # paralegal, $60/h, drafting 2


async def test_delegate_decline_accept_changes_approve(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        theo, dmitri, imani = (console(bot, e, out) for e in (THEO, DMITRI, IMANI))

        said = await play(theo, "/delegate draft demand letter for 2027-0302 by Friday")
        assert "offered to Dmitri Albescu" in said
        assert "-> DM to Dmitri Albescu: New task #1 from Theo Varga" in said
        assert "saves $" in said

        said = await play(dmitri, "decline 1 no_capacity")
        assert "Declined task #1" in said
        assert "-> updated DM to Dmitri Albescu" in said
        assert "-> DM to Imani Sutherland: New task #1 from Theo Varga" in said
        assert "Dmitri Albescu declined task #1 (no capacity)" in said

        said = await play(imani, "accept 1")
        assert "You accepted" in said
        assert "-> DM to Theo Varga: Imani Sutherland accepted task #1." in said

        said = await play(imani, "done 1")
        assert "submitted for review" in said
        assert "please review" in said

        said = await play(theo, "changes 1 cite the 1692g notice date")
        assert "Sent task #1 back" in said
        assert "-> DM to Imani Sutherland: Changes requested on task #1" in said

        said = await play(imani, "done 1", "/tasks")
        assert "please review" in said

        said = await play(theo, "approve 1")
        assert "Approved task #1" in said
        assert "approved it" in said

        async with bot.database.transaction() as session:
            rows = await task_rows(session)
            detail = await task_detail(session, task_id=1)
        assert rows[0]["state"] == "completed"
        assert rows[0]["assignee"] == IMANI
        actions = [event["action"] for event in detail["history"]]
        assert actions == ["created", "offered", "declined", "offered", "accepted", "done",
                           "changes_requested", "done", "approved"]
        assert [o["state"] for o in detail["offers"]] == ["declined", "accepted"]
        trail = _history(json.loads(json.dumps(detail)))
        assert "why:" in trail and "declined (no_capacity)" in trail


async def test_forbidden_and_repeated_actions_change_nothing(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        theo, dmitri, imani = (console(bot, e, out) for e in (THEO, DMITRI, IMANI))
        await play(theo, "/delegate draft demand letter for 2027-0302 by Friday")

        assert "Task #1 was not offered to you." in await play(imani, "accept 1")
        assert "Task #1 was not offered to you." in await play(theo, "decline 1 busy")
        assert "You accepted" in await play(dmitri, "accept 1")
        assert "Already handled" in await play(dmitri, "accept 1")
        assert "Only the person working on it" in await play(theo, "done 1")
        await play(dmitri, "done 1")
        assert "Only the delegating attorney" in await play(dmitri, "approve 1")
        assert "Approved" in await play(theo, "approve 1")
        assert "Already handled" in await play(theo, "approve 1")
        assert "Already handled" in await play(theo, "cancel 1")
        assert "no task #99" in await play(theo, "done 99")


async def test_cancelled_task_refuses_everything(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        theo, dmitri = console(bot, THEO, out), console(bot, DMITRI, out)
        await play(theo, "/delegate draft demand letter for 2027-0302 by Friday")
        said = await play(theo, "cancel 1 client settled")
        assert "Cancelled task #1" in said
        assert "-> updated DM to Dmitri Albescu" in said
        assert "Already handled" in await play(dmitri, "accept 1")
        assert "Already handled" in await play(theo, "approve 1")


async def test_unknown_person_gets_the_roster_message(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        stranger = console(bot, "who@nowhere.test", out)
        said = await play(stranger, "/delegate draft a demand letter")
        assert "not on the lpo-bot roster" in said
        async with bot.database.transaction() as session:
            assert await task_rows(session) == []


async def test_declines_chain_to_escalation_after_max_offers(database_url: str) -> None:
    async with sample_bot(database_url, LPO_MAX_OFFERS=3) as (bot, clock, out):
        theo = console(bot, THEO, out)
        await play(theo, "/delegate draft demand letter for 2027-0302 by Friday")
        for _offer in (1, 2, 3):
            async with bot.database.transaction() as session:
                detail = await task_detail(session, task_id=1)
            holder = detail["assignee"]
            said = await play(console(bot, holder, out), "decline 1 conflict")
        assert "-> DM to Miriam Castellanos: Task #1 needs an owner" in said
        assert "no acceptance after 3 offers: Dmitri Albescu declined (conflict);" in said
        async with bot.database.transaction() as session:
            detail = await task_detail(session, task_id=1)
        assert detail["state"] == "unassigned" and detail["assignee"] is None
        assert [o["state"] for o in detail["offers"]] == ["declined"] * 3
        assert len({o["to"] for o in detail["offers"]}) == 3
        assert detail["history"][-1]["action"] == "escalated"


async def test_nobody_eligible_escalates_with_reasons(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        await play(console(bot, "miriam.castellanos@sample-firm.test", out), "/lpo away")
        theo = console(bot, THEO, out)
        said = await play(theo, "/delegate appear at the hearing for 2027-0304 tomorrow")
        assert "nobody is eligible" in said.lower()
        assert "away" in said and "needs litigation support 3" in said
        assert "-> DM to Miriam Castellanos: Task #1 needs an owner" in said
        assert "Lorraine" not in said  # a different matter's client never leaks


async def test_unsure_parse_asks_for_confirmation_and_creates_nothing(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        theo = console(bot, THEO, out)
        said = await play(theo, "/delegate please handle the thing for 2027-0302")
        assert "Let's confirm the details" in said and "confirm TYPE" in said
        async with bot.database.transaction() as session:
            assert await task_rows(session) == []
        said = await play(theo, "confirm demand_letter")
        assert "offered to" in said
        async with bot.database.transaction() as session:
            (row,) = await task_rows(session)
        assert row["task_type"] == "demand_letter" and row["matter"] == "2027-0302"


async def test_a_message_that_delegates_nothing_creates_nothing_until_a_type_is_picked(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        theo = console(bot, THEO, out)
        said = await play(theo, "/delegate thanks all, have a lovely weekend")
        assert "I don't see a task to delegate in that" in said and "confirm TYPE" in said
        async with bot.database.transaction() as session:
            assert await task_rows(session) == []
        said = await play(theo, "confirm client update 2027-0302")
        assert "offered to" in said


async def test_confirm_takes_a_label_a_close_spelling_or_a_guess_number(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, out):
        theo = console(bot, THEO, out)
        said = await play(theo, "/delegate please handle the thing for Achebe by Friday")
        assert "Best guesses: 1. " in said and "Other task types: " in said
        assert "demand_letter" not in said  # labels, never ids
        assert "-> DM" not in said  # nothing offered until it is confirmed
        said = await play(theo, "confirm interpretive dance")
        assert "I don't know the task type" in said
        said = await play(theo, "/delegate please handle the thing for Achebe by Friday",
                          "confirm demand ltr 2027-0306")
        assert "offered to" in said and "-> DM to" in said
        said = await play(theo, "/delegate sort out the Kwan paperwork", "confirm 1")
        assert "offered to" in said
        async with bot.database.transaction() as session:
            rows = await task_rows(session)
        assert [(row["task_type"], row["matter"]) for row in rows][0] == (
            "demand_letter", "2027-0306")


async def test_wrong_reoffers_a_task_for_the_right_type(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, out):
        theo = console(bot, THEO, out)
        said = await play(theo, "/delegate draft demand letter for 2027-0302 by Friday")
        assert "offered to Dmitri Albescu" in said and "[Wrong type?: wrong 1 <type>]" in said
        said = await play(theo, "wrong 1 doc collection")
        assert "Task #1 is now document collection: offered to" in said
        assert "-> updated DM to Dmitri Albescu" in said
        async with bot.database.transaction() as session:
            (row,) = await task_rows(session)
        assert row["task_type"] == "document_collection"

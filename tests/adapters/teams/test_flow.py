"""The delegation lifecycle through POST /api/messages, against a fake Bot Framework connector."""

from __future__ import annotations

import json

from sqlalchemy import select

from storage.tables import ConversationRef, Task
from tests.adapters.teams.card_checks import assert_cards_valid
from tests.adapters.teams.fake_connector import Call
from tests.adapters.teams.harness import AVA, BEN, CARA, DAN, TENANT, Teams, dm, teams_bot


def _in(conversation: str, text: str, method: str = "POST"):  # type: ignore[no-untyped-def]
    return lambda call: (call.conversation_id == conversation and text in call.text
                         and call.method == method and call.status == 200)


def _titles(call: Call) -> list[str]:
    return [action.get("title", "") for action in call.actions()]


async def _task_state(teams: Teams, task_id: int) -> str:
    async with teams.database.transaction() as session:
        task = await session.get(Task, task_id)
        assert task is not None
        return task.state


async def test_delegate_offer_accept_done_approve(database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        await teams.install(BEN)
        mark = await teams.say(AVA, "delegate draft demand letter for 2027-0103 by Friday")
        answer = await teams.connector.wait_for(_in(dm(AVA), "offered to Ben Ortiz"), after=mark)
        assert answer.activity_id  # a reply in the chat, not a proactive message
        offer = await teams.connector.wait_for(_in(dm(BEN), "New task #1 from Ava Stone"),
                                               after=mark)
        assert offer.path == f"/v3/conversations/{dm(BEN)}/activities"  # proactive
        assert _titles(offer) == ["Accept", "Decline", "Send: Decline"]
        assert "Lee Brown" in offer.text  # Ben works the matter: he may see the client

        mark = await teams.click(BEN, offer.submit("Accept"), card_id=offer.answered_id)
        accepted = await teams.connector.wait_for(_in(dm(BEN), "You accepted", "PUT"), after=mark)
        assert accepted.activity_id == offer.answered_id  # the same card, edited in place
        assert _titles(accepted) == ["Mark done"]
        await teams.connector.wait_for(_in(dm(AVA), "Ben Ortiz accepted task #1"), after=mark)
        assert not [c for c in teams.connector.since(mark)
                    if c.conversation_id == dm(BEN) and c.method == "POST"]

        mark = await teams.click(BEN, accepted.submit("Mark done"), card_id=offer.answered_id)
        closed = await teams.connector.wait_for(_in(dm(BEN), "Sent to the attorney", "PUT"),
                                                after=mark)
        # Only the optional question of how long it took is left: one tap, or a figure.
        assert _titles(closed) == ["0.5 h", "1 h", "2 h", "4 h", "Other\u2026", "Save"]
        tapped = await teams.click(BEN, closed.submit("2 h"), card_id=offer.answered_id)
        noted = await teams.connector.wait_for(_in(dm(BEN), "Took 2 h: noted.", "PUT"),
                                               after=tapped)
        assert noted.activity_id == offer.answered_id and _titles(noted) == []
        tapped = await teams.click(BEN, {**closed.submit("Save"), "hours": 1.25},
                                   card_id=offer.answered_id)
        await teams.connector.wait_for(_in(dm(BEN), "Took 1.25 h: noted.", "PUT"), after=tapped)
        async with teams.database.transaction() as session:
            task = await session.get(Task, 1)
            assert task is not None and task.actual_hours == 1.25
        review = await teams.connector.wait_for(_in(dm(AVA), "please review"), after=mark)
        assert _titles(review) == ["Approve", "Request changes", "Send back"]
        assert await _task_state(teams, 1) == "submitted"

        mark = await teams.click(AVA, review.submit("Approve"), card_id=review.answered_id)
        approved = await teams.connector.wait_for(_in(dm(AVA), "Approved.", "PUT"), after=mark)
        assert approved.activity_id == review.answered_id and _titles(approved) == []
        await teams.connector.wait_for(_in(dm(BEN), "Ava Stone approved it"), after=mark)
        assert await _task_state(teams, 1) == "completed"

        mark = await teams.click(AVA, review.submit("Approve"), card_id=review.answered_id)
        again = await teams.connector.wait_for(_in(dm(AVA), "Already handled"), after=mark)
        assert again.activity_id  # answered in the chat; the card stays as it is
        assert_cards_valid(teams.connector.calls)


async def test_decline_with_reason_goes_to_the_next_person(database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        await teams.install(BEN)
        mark = await teams.say(AVA, "delegate draft demand letter for 2027-0103 by Friday")
        offer = await teams.connector.wait_for(_in(dm(BEN), "New task"), after=mark)

        mark = await teams.click(BEN, offer.submit("Send: Decline"), card_id=offer.answered_id,
                                 decline_reason="no_capacity", decline_note="trial prep all week")
        declined = await teams.connector.wait_for(_in(dm(BEN), "You declined", "PUT"), after=mark)
        assert "You declined (no capacity)" in declined.text
        assert _titles(declined) == []
        # Cara never talked to the bot: a 1:1 chat is opened with her (tenant + user).
        opened = await teams.connector.wait_for(
            lambda c: c.path == "/v3/conversations" and c.method == "POST", after=mark)
        assert opened.body["members"] == [{"id": CARA}]
        assert opened.body["channelData"] == {"tenant": {"id": TENANT}}
        reoffer = await teams.connector.wait_for(_in(f"a:opened-{CARA}", "New task"), after=mark)
        assert "Accept" in _titles(reoffer)
        told = await teams.connector.wait_for(_in(dm(AVA), "Ben Ortiz declined task #1"),
                                              after=mark)
        assert "Offered to Cara Diaz instead" in told.text
        assert "trial prep all week" in told.text  # the note reaches the delegator alone
        async with teams.database.transaction() as session:
            stored = (await session.execute(select(ConversationRef).where(
                ConversationRef.teams_user_id == CARA))).scalars().one()
        assert stored.conversation_id == f"a:opened-{CARA}"
        assert_cards_valid(teams.connector.calls)


async def test_installation_stores_the_reference_and_removal_forgets_it(database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        mark = len(teams.connector.calls)
        await teams.install(CARA)
        welcome = await teams.connector.wait_for(_in(dm(CARA), "Hi! I'm lpo-bot"), after=mark)
        assert "delegate TEXT" in welcome.text
        async with teams.database.transaction() as session:
            row = (await session.execute(select(ConversationRef))).scalars().one()
        assert (row.teams_user_id, row.conversation_id, row.tenant_id) == (CARA, dm(CARA), TENANT)
        assert row.service_url == teams.connector.url
        assert row.reference["conversation"]["id"] == dm(CARA)
        assert row.reference["user"]["aadObjectId"] == CARA
        assert row.reference["bot"]["id"] == "28:lpo-bot-test"

        response = await teams.post(teams.activity(CARA, kind="installationUpdate",
                                                   action="remove"))
        assert response.status == 200
        async with teams.database.transaction() as session:
            assert (await session.execute(select(ConversationRef))).scalars().all() == []


async def test_unreachable_staff_are_skipped_and_their_manager_is_told(
        database_url: str) -> None:
    async with teams_bot(database_url, with_dan=True) as teams:
        teams.connector.refuse.add(DAN)
        await teams.install(BEN)
        mark = await teams.say(AVA, "delegate draft demand letter for 2027-0103 by Friday")
        await teams.connector.wait_for(_in(dm(AVA), "offered to Dan Kim"), after=mark)
        await teams.connector.wait_for(lambda c: c.path == "/v3/conversations", after=mark)
        offer = await teams.connector.wait_for(_in(dm(BEN), "New task"), after=mark)
        assert "Accept" in _titles(offer)
        manager = await teams.connector.wait_for(
            _in(dm(AVA), "Dan Kim can't receive lpo-bot messages in Teams"), after=mark)
        assert "install lpo-bot for them" in manager.text
        await teams.connector.wait_for(_in(dm(AVA), "so task #1 moved on"), after=mark)

        mark = await teams.say(AVA, "delegate draft a demand letter for 2027-0101 by Friday")
        await teams.connector.wait_for(_in(dm(AVA), "offered to Ben Ortiz"), after=mark)
        assert not [c for c in teams.connector.since(mark) if c.path == "/v3/conversations"]

        # Dan opens the bot at last: he is reachable again, and the cheapest again.
        mark = await teams.say(DAN, "tasks")
        await teams.connector.wait_for(_in(dm(DAN), "Nothing on your plate"), after=mark)
        mark = await teams.say(AVA, "delegate draft a demand letter for 2027-0102 by Friday")
        await teams.connector.wait_for(_in(dm(AVA), "offered to Dan Kim"), after=mark)
        await teams.connector.wait_for(_in(dm(DAN), "New task #3 from Ava Stone"), after=mark)
        assert_cards_valid(teams.connector.calls)


async def test_a_manager_reassigns_from_the_queue_card(database_url: str) -> None:
    async with teams_bot(database_url, LPO_MAX_OFFERS=1) as teams:
        await teams.install(BEN)
        await teams.install(CARA)
        mark = await teams.say(AVA, "delegate draft demand letter for 2027-0101 by Friday")
        await teams.connector.wait_for(_in(dm(BEN), "New task #1 from Ava Stone"), after=mark)
        mark = await teams.say(BEN, "decline 1 no capacity")
        await teams.connector.wait_for(_in(dm(AVA), "Task #1 needs an owner"), after=mark)
        mark = await teams.say(AVA, "tasks")
        queued = await teams.connector.wait_for(_in(dm(AVA), "(max_offers), round 1"), after=mark)
        assert _titles(queued) == ["Reassign"]
        assert "Cara Diaz" in json.dumps(queued.body)
        mark = await teams.click(AVA, {"action": "reassign", "value": "1"},
                                 picked="cara.diaz@firm.test")
        await teams.connector.wait_for(_in(dm(CARA), "New task #1 from Ava Stone"), after=mark)
        assert await _task_state(teams, 1) == "offered"
        assert_cards_valid(teams.connector.calls)


async def test_rebalance_and_hours_typed(database_url: str) -> None:
    async with teams_bot(database_url) as teams:
        await teams.install(BEN)
        mark = await teams.say(BEN, "rebalance")
        await teams.connector.wait_for(_in(dm(BEN), "Rebalancing is for managers."), after=mark)
        mark = await teams.say(AVA, "delegate draft demand letter for 2027-0103 by Friday")
        offer = await teams.connector.wait_for(_in(dm(BEN), "New task"), after=mark)
        mark = await teams.say(AVA, "rebalance")
        await teams.connector.wait_for(_in(dm(AVA), "Nothing to rebalance"), after=mark)
        await teams.click(BEN, offer.submit("Accept"), card_id=offer.answered_id)
        mark = await teams.say(BEN, "done 1 1.5")
        await teams.connector.wait_for(_in(dm(BEN), "Took 1.5 h: noted."), after=mark)
        async with teams.database.transaction() as session:
            task = await session.get(Task, 1)
            assert task is not None and task.actual_hours == 1.5

"""Rebalancing: the plan a manager sees, what applying it sends, and what it never touches."""

from __future__ import annotations

from bot.app.bootstrap import Bot
from bot.replies import Actor, Reply
from storage import tasks as task_store
from storage.outbox import list_messages
from storage.tables import Offer, OutboxMessage
from tests.security.walls_support import import_screen
from tests.support import sample_bot

MIRIAM = Actor(email="miriam.castellanos@sample-firm.test")  # partner, manages Theo and June
THEO = Actor(email="theo.varga@sample-firm.test")  # associate: delegates
IMANI = Actor(email="imani.sutherland@sample-firm.test")  # paralegal, $60/h
DMITRI = Actor(email="dmitri.albescu@sample-firm.test")  # paralegal, $48/h: cheapest drafter
FELIX = Actor(email="felix.marchetti@sample-firm.test")  # screened from 2027-0301
LETTER = "draft demand letter for 2027-0302 by Friday"  # 1.5 h of drafting 2


async def _pending(bot: Bot, task_id: int) -> Offer:
    async with bot.database.transaction() as session:
        offer = await task_store.pending_offer(session, task_id=task_id)
    assert offer is not None
    return offer


async def _outbox(bot: Bot, after: int = 0) -> list[OutboxMessage]:
    async with bot.database.transaction() as session:
        return [row for row in await list_messages(session) if (row.id or 0) > after]


async def _lopsided(bot: Bot) -> tuple[int, int, int]:
    """Dmitri away while Theo delegates three letters: Imani is offered them all. She accepts
    one (work in hand: never moved) and declines another, which runs out of offers."""
    app = bot.application
    assert (await app.availability.away(DMITRI)).ok
    pending, accepted, declined = [(await app.delegation.delegate(THEO, LETTER)).task_id or 0
                                   for _ in range(3)]
    assert (await app.respond.accept(IMANI, (await _pending(bot, accepted)).id or 0)).ok
    assert (await app.respond.decline(IMANI, (await _pending(bot, declined)).id or 0,
                                      "no capacity")).ok
    assert (await app.availability.back(DMITRI)).ok
    return pending, accepted, declined


async def test_rebalance_proposes_then_applies_exactly_the_moves_shown(
        database_url: str) -> None:
    async with sample_bot(database_url, LPO_MAX_OFFERS=1) as (bot, _clock, _out):
        app = bot.application
        pending, accepted, unassigned = await _lopsided(bot)
        moved_offer = await _pending(bot, pending)
        proposal = await app.rebalancing.propose(MIRIAM)
        assert proposal.ok, proposal.message
        message = proposal.message
        assert message.title == "Rebalance your team's open work: saves $18"
        assert message.lines == (
            f"#{pending} Demand letter \u00b7 2027-0302: Imani Sutherland $90 \u2192 "
            "Dmitri Albescu $72 (saves $18)",
            f"#{unassigned} Demand letter \u00b7 2027-0302: unassigned \u2192 Dmitri Albescu $72")
        assert "Achebe" not in message.as_text()  # the client of 2027-0302
        token = message.actions[0].value.removeprefix("apply:")
        before = max(row.id or 0 for row in await _outbox(bot))

        applied = await app.rebalancing.apply(MIRIAM, token, event_key="click-1")
        assert applied.ok and applied.message.title == "Rebalanced: 2 move(s), saving $18"
        new_offer_a, new_offer_c = await _pending(bot, pending), await _pending(bot, unassigned)
        dmitri = (await app.queries.whoami(DMITRI))
        imani = (await app.queries.whoami(IMANI))
        assert dmitri and imani
        sent = [(row.dedupe_key, row.recipient_id, row.thread_key, row.replaces_key)
                for row in await _outbox(bot, before)]
        assert sent == [
            (f"offer:{moved_offer.id}:withdrawn", imani.id, None, f"offer:{moved_offer.id}"),
            (f"offer:{new_offer_a.id}", dmitri.id, f"offer:{new_offer_a.id}", None),
            (f"offer:{new_offer_c.id}", dmitri.id, f"offer:{new_offer_c.id}", None),
        ]
        assert new_offer_a.staff_id == new_offer_c.staff_id == dmitri.id
        async with bot.database.transaction() as session:
            kept = await task_store.get_task(session, task_id=accepted)
        assert kept is not None and kept.state == "accepted" and kept.assignee_id == imani.id

        # The same click again, and a second click on the same plan: nothing more moves.
        again = await app.rebalancing.apply(MIRIAM, token, event_key="click-1")
        assert again.status == "already_handled"
        second = await app.rebalancing.apply(MIRIAM, token, event_key="click-2")
        assert second.status == "already_handled"
        assert await _outbox(bot, before + 3) == []
        nothing = await app.rebalancing.propose(MIRIAM)
        assert nothing.message.title == "Nothing to rebalance: the plan would save nothing."
        assert nothing.message.actions == ()


async def test_a_plan_that_changed_is_shown_again_not_applied(database_url: str) -> None:
    async with sample_bot(database_url, LPO_MAX_OFFERS=1) as (bot, _clock, _out):
        app = bot.application
        pending, _accepted, _unassigned = await _lopsided(bot)
        token = (await app.rebalancing.propose(MIRIAM)).message.actions[0].value
        # Imani accepts the offer the plan would move: the plan shown is stale.
        assert (await app.respond.accept(IMANI, (await _pending(bot, pending)).id or 0)).ok
        before = max(row.id or 0 for row in await _outbox(bot))
        reply = await app.rebalancing.apply(MIRIAM, token.removeprefix("apply:"))
        assert reply.message.title == "The plan changed since it was shown; nothing moved"
        assert len(reply.message.lines) == 1  # only the unassigned letter is left to place
        assert await _outbox(bot, before) == []


async def test_nothing_to_save_says_so(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        app = bot.application
        assert (await app.delegation.delegate(THEO, LETTER)).ok  # to Dmitri, the cheapest
        reply = await app.rebalancing.propose(MIRIAM)
        assert reply.ok
        assert reply.message.title == "Nothing to rebalance: the plan would save nothing."
        assert reply.message.actions == ()
        applied = await app.rebalancing.apply(MIRIAM)
        assert applied.message.title == reply.message.title


async def test_only_managers_rebalance(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        for call in (bot.application.rebalancing.propose(THEO),
                     bot.application.rebalancing.apply(THEO)):
            reply: Reply = await call
            assert reply.status == "forbidden"
            assert reply.message.title == "Rebalancing is for managers."


async def test_a_screened_manager_plans_without_the_walled_matter(database_url: str) -> None:
    async with sample_bot(database_url, LPO_MAX_OFFERS=1) as (bot, _clock, _out):
        app = bot.application
        pending, _accepted, _unassigned = await _lopsided(bot)
        await import_screen(bot, "2027-0302", "miriam.castellanos@sample-firm.test")
        walled = await app.rebalancing.propose(MIRIAM)
        assert walled.message.title == "Nothing to rebalance: the plan would save nothing."
        assert "2027-0302" not in walled.message.as_text()
        assert (await app.rebalancing.apply(MIRIAM)).message.title == walled.message.title
        imani = await app.queries.whoami(IMANI)
        assert imani is not None and (await _pending(bot, pending)).staff_id == imani.id
        # June manages Imani and is not screened: her plan has the offer Imani holds.
        june = await app.rebalancing.propose(Actor(email="june.abernathy@sample-firm.test"))
        assert [line.split(":")[0] for line in june.message.lines] == [
            f"#{pending} Demand letter \u00b7 2027-0302"]

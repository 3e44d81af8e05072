"""Offer rounds in the offer engine, and the manager's queue that ends them.

Bankruptcy petition prep on the sample firm: only Imani Sutherland and June Abernathy are
qualified, so two answers end a round.
"""

from __future__ import annotations

from bot.app.bootstrap import Bot
from bot.queries import task_detail
from bot.replies import Actor, TaskList
from storage import tasks as task_store
from storage.tables import Offer, Task
from tests.security.walls_support import import_screen
from tests.support import sample_bot

FIRM = "@sample-firm.test"
NOOR, MIRIAM, IMANI, JUNE, THEO = (Actor(email=f"{name}{FIRM}") for name in (
    "noor.haddad", "miriam.castellanos", "imani.sutherland", "june.abernathy", "theo.varga"))
PETITION = "prepare the chapter 7 petition for Ferreira by Thursday"


async def _task(bot: Bot, task_id: int) -> tuple[Task, list[Offer]]:
    async with bot.database.transaction() as session:
        task = await task_store.get_task(session, task_id=task_id)
        offers = await task_store.offers_of(session, task_id=task_id)
    assert task is not None
    return task, offers


async def _queue(bot: Bot, manager: Actor) -> TaskList:
    listing = await bot.application.queries.my_tasks(manager)
    assert isinstance(listing, TaskList)
    return listing


async def test_a_conflict_holds_for_good_and_no_capacity_for_the_round(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        app = bot.application
        delegated = await app.delegation.delegate(NOOR, PETITION, confirmed=True)
        assert delegated.task_id == 1 and delegated.message.title.startswith(
            "Task #1 offered to Imani Sutherland")
        assert (await app.respond.decline(IMANI, 1, "conflict")).ok
        assert (await app.respond.decline(JUNE, 1, "no capacity")).ok
        task, offers = await _task(bot, 1)
        assert (task.state, task.escalation_code, task.offer_round) == (
            "unassigned", "everyone_tried", 1)
        assert [o.offer_round for o in offers] == [1, 1]
        async with bot.database.transaction() as session:
            shown = await task_detail(session, task_id=1)
        assert shown is not None
        assert (shown["escalation_code"], shown["offer_round"]) == ("everyone_tried", 1)
        assert [(o["round"], o["reason"]) for o in shown["offers"]] == [
            (1, "conflict"), (1, "no_capacity")]

        listing = await _queue(bot, MIRIAM)
        [item] = listing.queue
        assert item.title.startswith("Task #1:")
        assert any(f.value == "everyone eligible was tried (everyone_tried), round 1"
                   for f in item.facts)
        picker = item.actions[0]
        assert picker.id == "reassign" and picker.value == "1"
        # The conflict keeps Imani off the picker; June's full week was this round's only.
        assert [o.value for o in picker.options] == ["cheapest", f"june.abernathy{FIRM}"]
        assert listing.delegated == ()  # each task once: Miriam's queue, not twice

        reassigned = await app.manage.reassign(MIRIAM, 1)
        assert reassigned.ok, reassigned.message
        assert reassigned.message.title == (
            "Task #1 offered to June Abernathy (paralegal, $85/h), round 2.")
        task, offers = await _task(bot, 1)
        assert (task.state, task.escalation_code, task.offer_round) == ("offered", None, 2)
        assert offers[-1].offer_round == 2
        assert (await app.respond.accept(JUNE, 1)).ok
        assert (await _queue(bot, MIRIAM)).queue == ()


async def test_an_expired_round_is_lifted_by_a_reassign(database_url: str) -> None:
    """The issue's small team: everyone let it expire; reassign finds them again."""
    async with sample_bot(database_url) as (bot, clock, _out):
        app = bot.application
        await app.delegation.delegate(NOOR, PETITION, confirmed=True)
        for _ in range(2):
            clock.advance(hours=2)
            await app.respond.expire_due_offers(clock())
        task, _offers = await _task(bot, 1)
        assert task.escalation_code == "everyone_tried"
        reassigned = await app.manage.reassign(MIRIAM, 1, "cheapest")
        assert reassigned.message.title.startswith("Task #1 offered to Imani Sutherland")
        # Naming someone who can't take it refuses, and nothing changes.
        refused = await app.manage.reassign(MIRIAM, 1, f"theo.varga{FIRM}")
        assert refused.status == "invalid"
        assert (await _task(bot, 1))[0].offer_round == 2


async def test_accept_and_decline_take_the_task_number(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        app = bot.application
        await app.delegation.delegate(NOOR, PETITION, confirmed=True)
        assert (await app.respond.accept(JUNE, 1)).status == "forbidden"
        assert (await app.respond.accept(IMANI, 2)).status == "not_found"
        assert (await app.respond.accept(IMANI, 1)).message.footer == (
            "You accepted. Mark it done when it's finished.")
        again = await app.respond.accept(IMANI, 1)
        assert again.status == "already_handled"
        assert (await app.respond.decline(IMANI, 1, "other")).status == "already_handled"


async def test_a_screened_manager_does_not_see_the_task_in_the_queue(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        app = bot.application
        await app.delegation.delegate(NOOR, PETITION, confirmed=True)
        await app.respond.decline(IMANI, 1, "no_capacity")
        await app.respond.decline(JUNE, 1, "no_capacity")
        await import_screen(bot, "2027-0304", f"miriam.castellanos{FIRM}")
        listing = await _queue(bot, MIRIAM)
        assert listing.queue == ()
        assert listing.notes == ("1 task(s) not shown: you are screened from that matter.",)
        assert (await app.manage.reassign(MIRIAM, 1)).status == "forbidden"
        # Its escalations go around the wall to June, and so does the queue.
        assert [item.title[:8] for item in (await _queue(bot, JUNE)).queue] == ["Task #1:"]

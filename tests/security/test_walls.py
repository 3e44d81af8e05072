"""Ethical walls hold at every moment: after an offer, after an accept, for managers, for views."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.queries import task_detail
from bot.replies import Actor, Reply, TaskList
from bot.scheduler import run_due_jobs
from storage import tasks as task_store
from tests.security.walls_support import (
    CLIENTS,
    import_screen,
    outbox,
    screen_by_hand,
    staff_id,
    text_of,
    to,
)
from tests.support import console, play, sample_bot

THEO = "theo.varga@sample-firm.test"        # associate; manager Miriam
MIRIAM = "miriam.castellanos@sample-firm.test"  # partner, manager, no manager of her own
JUNE = "june.abernathy@sample-firm.test"    # paralegal, manager of the paralegals
DMITRI = "dmitri.albescu@sample-firm.test"  # paralegal, cheapest for a demand letter; manager June
IMANI = "imani.sutherland@sample-firm.test"  # next cheapest
DEMAND = "draft demand letter for 2027-0302 by Friday"  # Desmond Achebe's matter
MATTER = "2027-0302"
SCREENED = "You are screened from that matter."


async def _delegate(bot: Any, text: str = DEMAND, who: str = THEO) -> int:
    reply = await bot.application.delegation.delegate(Actor(email=who), text)
    assert reply.ok, reply.message
    await bot.dispatcher.drain()
    return reply.task_id or 0


async def _snapshot(bot: Any, task_id: int) -> dict[str, Any]:
    async with bot.database.transaction() as session:
        detail = await task_detail(session, task_id=task_id)
    assert detail is not None
    return detail


async def _pending(bot: Any, task_id: int) -> int:
    async with bot.database.transaction() as session:
        offer = await task_store.pending_offer(session, task_id=task_id)
    assert offer is not None
    return offer.id or 0


def _refused(reply: Reply) -> None:
    assert reply.status == "forbidden" and reply.message.title == SCREENED, reply.message


async def test_a_screen_after_the_offer_withdraws_it_and_offers_the_next(database_url: str
                                                                         ) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        task_id = await _delegate(bot)
        first = await _pending(bot, task_id)
        mark = max(row.id or 0 for row in await outbox(bot))

        summary = await import_screen(bot, MATTER, DMITRI)

        assert summary.walls.withdrawn == 1 and "1 pending offer(s) withdrawn" in str(summary)
        detail = await _snapshot(bot, task_id)
        assert [(o["to"], o["state"], o["reason"]) for o in detail["offers"]] == [
            (DMITRI, "withdrawn", "screened"), (IMANI, "pending", None)]
        rows = await outbox(bot)
        replaced = [row for row in rows if row.replaces_key == f"offer:{first}"]
        assert len(replaced) == 1 and replaced[0].payload["footer"] == "This offer was withdrawn."
        assert not any(client in text_of(replaced[0]) for client in CLIENTS)
        assert [p["kind"] for p in to(rows, await staff_id(bot, IMANI), mark)] == ["offer"]
        told = to(rows, await staff_id(bot, THEO), mark)
        assert any(MATTER in p["body"] for p in told)
        assert not any(client in str(told) for client in CLIENTS)

        # The withdrawn offer stays withdrawn: accepting it is refused by the wall.
        _refused(await bot.application.respond.accept(Actor(email=DMITRI), task_id))
        assert (await _snapshot(bot, task_id))["assignee"] == IMANI


async def test_a_screen_after_the_accept_takes_the_work_back(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        task_id = await _delegate(bot)
        accepted = await bot.application.respond.accept(Actor(email=DMITRI), task_id)
        assert accepted.ok
        await bot.dispatcher.drain()
        mark = max(row.id or 0 for row in await outbox(bot))

        summary = await import_screen(bot, MATTER, DMITRI)

        assert summary.walls.taken_back == 1
        detail = await _snapshot(bot, task_id)
        assert detail["state"] == "offered" and detail["assignee"] == IMANI
        assert detail["history"][-2]["action"] == "taken_back"
        rows = await outbox(bot)
        for reader in (THEO, JUNE):  # the delegator and the screened person's manager
            told = to(rows, await staff_id(bot, reader), mark)
            assert any("taken back from Dmitri Albescu" in p["title"] and MATTER in p["body"]
                       for p in told), told
            assert not any(client in str(told) for client in CLIENTS)
        mine = to(rows, await staff_id(bot, DMITRI), mark)
        assert [p["footer"] for p in mine] == ["This task was taken back."]
        assert not any(client in str(mine) for client in CLIENTS)
        _refused(await bot.application.review.done(Actor(email=DMITRI), task_id))


async def test_a_screened_manager_cannot_act_on_the_matter(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        task_id = await _delegate(bot)
        await bot.application.respond.accept(Actor(email=DMITRI), task_id)
        await bot.application.review.done(Actor(email=DMITRI), task_id)  # now awaiting review
        await import_screen(bot, MATTER, MIRIAM)
        before = await _snapshot(bot, task_id)
        miriam = Actor(email=MIRIAM)

        _refused(await bot.application.review.approve(miriam, task_id))
        _refused(await bot.application.review.request_changes(miriam, task_id, "tighten it"))
        _refused(await bot.application.manage.cancel(miriam, task_id))
        _refused(await bot.application.manage.reassign(miriam, task_id, IMANI))
        assert await _snapshot(bot, task_id) == before
        # An unscreened manager still can.
        assert (await bot.application.review.approve(Actor(email=JUNE), task_id)).ok


async def test_every_action_by_a_screened_actor_is_refused_and_changes_nothing(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        held = await _delegate(bot, "draft demand letter for 2027-0302 by next Friday")
        assert (await bot.application.respond.accept(Actor(email=DMITRI), held)).ok
        offered = await _delegate(bot)
        # The walls go up by hand: nothing was withdrawn, only the re-checks stand in the way.
        await screen_by_hand(bot, MATTER, DMITRI, THEO)
        before = [await _snapshot(bot, task_id) for task_id in (offered, held)]
        assert before[0]["assignee"] == DMITRI and before[1]["state"] == "accepted"
        dmitri, theo = Actor(email=DMITRI), Actor(email=THEO)

        for reply in (
                await bot.application.respond.accept(dmitri, offered),
                await bot.application.respond.decline(dmitri, offered, "conflict"),
                await bot.application.review.done(dmitri, held),
                await bot.application.availability.snooze(dmitri, held, "hour"),
                await bot.application.review.approve(theo, held),
                await bot.application.review.request_changes(theo, held, "again"),
                await bot.application.manage.cancel(theo, held),
                await bot.application.manage.reassign(theo, held)):
            _refused(reply)
        assert [await _snapshot(bot, task_id) for task_id in (offered, held)] == before

        # Views: the walled tasks are not listed, only counted.
        for who in (DMITRI, THEO):
            listing = await bot.application.queries.my_tasks(Actor(email=who))
            assert isinstance(listing, TaskList) and listing.empty, who
            assert listing.notes and "screened" in listing.notes[0]
        said = await play(console(bot, DMITRI, out), "/tasks")
        assert not any(client in said for client in CLIENTS)

        # Reminders: none to the screened offeree or holder (the walls job then takes it all back).
        mark = max(row.id or 0 for row in await outbox(bot))
        clock.set(clock() + timedelta(days=2))
        await run_due_jobs(bot.application, clock())
        rows = await outbox(bot)
        for who in (DMITRI, THEO):
            kinds = [p["kind"] for p in to(rows, await staff_id(bot, who), mark)]
            assert "reminder" not in kinds and "overdue" not in kinds, kinds


async def test_the_escalation_of_a_walled_matter_goes_to_an_unscreened_manager(
        database_url: str) -> None:
    async with sample_bot(database_url, LPO_MAX_OFFERS=1) as (bot, _clock, _out):
        await import_screen(bot, MATTER, MIRIAM)  # Theo's own manager is behind the wall
        task_id = await _delegate(bot)
        mark = max(row.id or 0 for row in await outbox(bot))
        offer_id = await _pending(bot, task_id)
        note = "conflict: I know Desmond Achebe personally"
        assert (await bot.application.respond.decline(Actor(email=DMITRI), offer_id, note)).ok

        rows = await outbox(bot)
        escalations = [row for row in rows if (row.id or 0) > mark
                       and row.payload["kind"] == "escalation"]
        june = await staff_id(bot, JUNE)
        assert {row.recipient_id for row in escalations} == {june, await staff_id(bot, THEO)}
        to_june = next(row for row in escalations if row.recipient_id == june)
        assert "Dmitri Albescu declined (conflict)" in to_june.payload["body"]
        assert "Achebe" not in text_of(to_june) and "personally" not in text_of(to_june)
        detail = await _snapshot(bot, task_id)
        assert detail["escalation_reason"] == (
            "no acceptance after 1 offers: Dmitri Albescu declined (conflict)")
        assert detail["offers"][0]["note"] == "I know Desmond Achebe personally"
        # The note reaches the delegator, in a DM.
        theo = to(rows, await staff_id(bot, THEO), mark)
        assert any("I know Desmond Achebe personally" in p["body"] for p in theo)

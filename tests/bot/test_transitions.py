"""Every state change goes through the lifecycle: its moves in the audit trail, its refusals."""

from __future__ import annotations

from typing import Any

from bot.app.bootstrap import Bot
from bot.queries import task_detail
from bot.replies import Actor
from tests.support import sample_bot

THEO = "theo.varga@sample-firm.test"  # associate: delegates
DMITRI = "dmitri.albescu@sample-firm.test"  # paralegal: first for a demand letter
IMANI = "imani.sutherland@sample-firm.test"  # paralegal: next
DEMAND = "draft demand letter for 2027-0302 by Friday"


async def _delegated(bot: Bot) -> int:
    reply = await bot.application.delegation.delegate(Actor(email=THEO), DEMAND)
    assert reply.ok, reply.message
    task_id = reply.task_id or 0
    return task_id


async def _moves(bot: Bot, task_id: int) -> list[tuple[Any, ...]]:
    async with bot.database.transaction() as session:
        detail = await task_detail(session, task_id=task_id)
    assert detail is not None
    return [(e["action"], e["from_state"], e["to_state"]) for e in detail["history"]]


async def test_a_decline_unassigns_and_the_next_offer_follows_in_the_same_breath(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        task_id = await _delegated(bot)
        declined = await bot.application.respond.decline(Actor(email=DMITRI), task_id,
                                                         "no_capacity")
        assert declined.ok, declined.message
        assert await _moves(bot, task_id) == [
            ("created", None, "unassigned"),
            ("offered", "unassigned", "offered"),
            ("declined", "offered", "unassigned"),
            ("offered", "unassigned", "offered"),
        ]


async def test_the_lifecycle_refuses_the_wrong_person_and_a_second_click(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        app = bot.application
        task_id = await _delegated(bot)
        assert (await app.respond.accept(Actor(email=DMITRI), task_id)).ok
        not_theirs = await app.review.done(Actor(email=IMANI), task_id)
        assert not_theirs.status == "forbidden"
        assert not_theirs.message.title == "Only the person working on it can mark it done."
        assert (await app.review.done(Actor(email=DMITRI), task_id)).ok
        not_a_supervisor = await app.review.approve(Actor(email=IMANI), task_id)
        assert not_a_supervisor.status == "forbidden"
        assert not_a_supervisor.message.title == (
            "Only the delegating attorney or a manager can approve.")
        assert (await app.review.approve(Actor(email=THEO), task_id)).ok
        again = await app.review.approve(Actor(email=THEO), task_id)
        assert again.status == "already_handled"
        assert "completed" in again.message.body
        cancelled = await app.manage.cancel(Actor(email=THEO), task_id)
        assert cancelled.status == "already_handled"
        assert [move[0] for move in await _moves(bot, task_id)][-3:] == [
            "accepted", "done", "approved"]

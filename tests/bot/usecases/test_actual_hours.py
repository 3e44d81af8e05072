"""Actual hours: given with `done` or one tap after it, stored on the task, and once a task type
has ten records, the firm's median replaces the catalogue's estimate in matching."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from bot.app.bootstrap import Bot
from bot.export import export_lines
from bot.firm import load_firm
from bot.replies import Actor
from storage import tasks as task_store
from storage.outbox import list_messages
from storage.tables import Task
from tests.support import TUESDAY_MORNING, sample_bot

THEO = Actor(email="theo.varga@sample-firm.test")
PRISCILLA = Actor(email="priscilla.yuen@sample-firm.test")  # cheapest reachable collector
COLLECT = "collect the client's statements for 2027-0302 by Friday"  # 1.5 h, no review


async def _task(bot: Bot, task_id: int) -> Task:
    async with bot.database.transaction() as session:
        task = await task_store.get_task(session, task_id=task_id)
    assert task is not None
    return task


async def _accepted(bot: Bot) -> int:
    app = bot.application
    task_id = (await app.delegation.delegate(THEO, COLLECT)).task_id or 0
    async with bot.database.transaction() as session:
        offer = await task_store.pending_offer(session, task_id=task_id)
    assert offer is not None and (await app.respond.accept(PRISCILLA, task_id)).ok
    return task_id


async def test_done_with_hours_stores_them(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        task_id = await _accepted(bot)
        reply = await bot.application.review.done(PRISCILLA, task_id, hours="1.5")
        assert reply.ok and reply.message.body == "Completed. Thank you! Took 1.5 h: noted."
        assert reply.message.actions == ()
        assert (await _task(bot, task_id)).actual_hours == 1.5


async def test_done_asks_in_one_tap_and_the_tap_updates_the_card(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        app = bot.application
        task_id = await _accepted(bot)
        reply = await app.review.done(PRISCILLA, task_id)
        assert [(a.label, a.value, a.needs) for a in reply.message.actions] == [
            ("0.5 h", f"{task_id}:0.5", None), ("1 h", f"{task_id}:1", None),
            ("2 h", f"{task_id}:2", None), ("4 h", f"{task_id}:4", None),
            ("Other\u2026", str(task_id), "hours")]
        assert (await _task(bot, task_id)).actual_hours is None
        tapped = await app.review.record_hours(PRISCILLA, task_id, "2", event_key="tap")
        assert tapped.ok and tapped.message.title == f"Noted: task #{task_id} took 2 h."
        assert (await _task(bot, task_id)).actual_hours == 2.0
        assert (await app.review.record_hours(PRISCILLA, task_id, "2", event_key="tap")
                ).status == "already_handled"
        async with bot.database.transaction() as session:
            rows = await list_messages(session)
        closed = [row for row in rows if row.replaces_key and ":done:" in row.dedupe_key]
        noted = [row for row in rows if row.dedupe_key.endswith(":hours:2")]
        assert len(closed) == 1 and len(noted) == 1
        assert noted[0].replaces_key == closed[0].replaces_key  # the same card, edited again
        assert [a["id"] for a in closed[0].payload["actions"]] == ["hours"] * 5
        assert noted[0].payload["actions"] == []


async def test_bad_hours_change_nothing_and_only_the_holder_says(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        app = bot.application
        task_id = await _accepted(bot)
        for text in ("lots", "0", "-1", "500", "nan"):
            refused = await app.review.done(PRISCILLA, task_id, hours=text)
            assert refused.status == "invalid", text
        assert (await _task(bot, task_id)).state == "accepted"
        early = await app.review.record_hours(PRISCILLA, task_id, "1")
        assert early.message.title == f"Task #{task_id} isn't done yet."
        assert (await app.review.done(PRISCILLA, task_id)).ok
        other = await app.review.record_hours(THEO, task_id, "1")
        assert other.status == "forbidden"
        assert (await _task(bot, task_id)).actual_hours is None


async def test_the_firms_median_replaces_the_estimate_at_ten_records(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, _out):
        app = bot.application
        theo = await app.queries.whoami(THEO)
        assert theo is not None
        async with bot.database.transaction() as session:
            for hours in (0.8, 0.9, 1.0, 1.1, 1.2, 1.2, 1.3, 1.4, 1.5):
                await task_store.add_task(session, task=Task(
                    text="done before", title="Document collection",
                    task_type="document_collection", delegator_id=theo.id or 0,
                    state="completed", est_hours=1.5, actual_hours=hours,
                    created_at=TUESDAY_MORNING, updated_at=TUESDAY_MORNING))
        ninth = await _accepted(bot)  # nine records: still the catalogue's 1.5 h
        assert (await _task(bot, ninth)).est_hours == 1.5
        assert (await app.review.done(PRISCILLA, ninth, hours="1.2")).ok  # the tenth
        clock.advance(minutes=5)
        reply = await app.delegation.delegate(THEO, COLLECT)
        assert reply.ok
        assert "Estimate: \u2248 1.2 h, the firm's median of 10." in reply.message.lines
        assert (await _task(bot, reply.task_id or 0)).est_hours == 1.2


async def test_the_export_carries_the_actual_hours(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, _out):
        task_id = await _accepted(bot)
        assert (await bot.application.review.done(PRISCILLA, task_id, hours="0.75")).ok
        async with bot.database.transaction() as session:
            firm = await load_firm(session, settings=bot.settings)
            lines = [line async for line in export_lines(
                session, firm=firm, taxonomy=bot.application.units.taxonomy,
                start=clock() - timedelta(days=1), end=clock() + timedelta(days=1),
                zone=bot.settings.zone)]
        rows = list(csv.DictReader(io.StringIO("".join(lines))))
        assert [(row["task number"], row["estimated hours"], row["actual hours"])
                for row in rows] == [(str(task_id), "1.5", "0.75")]

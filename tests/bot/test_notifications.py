"""The outbox key scheme: stable strings (stored rows depend on them), and review rounds stored."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot import notifications as keys
from bot.app.bootstrap import Bot
from bot.replies import Actor
from storage import tasks as task_store
from storage.outbox import list_messages
from tests.support import sample_bot

THEO = "theo.varga@sample-firm.test"  # associate: delegates
DMITRI = "dmitri.albescu@sample-firm.test"  # paralegal: first for a demand letter
DEMAND = "draft demand letter for 2027-0302 by Friday"  # a demand letter needs review
AT = datetime(2027, 3, 2, 15, 0, tzinfo=UTC)


def test_every_key_keeps_its_documented_shape() -> None:
    assert keys.offer_thread(7) == "offer:7"
    assert keys.offer_update_key(7, "accepted") == "offer:7:accepted"
    assert keys.task_update_key(3, "cancelled") == "task:3:cancelled"
    assert keys.task_update_key(3, "moved", 7) == "task:3:moved:7"
    assert keys.review_thread(3, 2) == "review:3:2"
    assert keys.review_request_key(3, 2) == "task:3:review:2"
    assert keys.review_closed_key(3, 2) == "review:3:2:closed"
    assert keys.changes_thread(3, 1) == "changes:3:1"
    assert keys.work_done_key("changes:3:1", AT) == "changes:3:1:done:2027-03-02T15:00:00+00:00"
    assert keys.escalation_key(3, 2, 9) == "escalated:3:r2:9"
    assert keys.unreachable_key(9, date(2027, 3, 2)) == "unreachable:9:2027-03-02"
    assert keys.deadline_reminder_key(3, 1, AT) == "task:3:remind:1:2027-03-02T15:00:00+00:00"
    assert keys.overdue_key(3, AT, 9) == "task:3:overdue:2027-03-02T15:00:00+00:00:9"
    assert keys.digest_run_key(date(2027, 3, 2)) == "digest:2027-03-02"
    assert keys.digest_key(date(2027, 3, 2), "channel") == "digest:2027-03-02:channel"


async def _keys(bot: Bot) -> list[tuple[str, str | None, str | None]]:
    async with bot.database.transaction() as session:
        return [(row.dedupe_key, row.thread_key, row.replaces_key)
                for row in await list_messages(session)]


async def test_each_review_round_has_its_own_thread(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        app, theo, dmitri = bot.application, Actor(email=THEO), Actor(email=DMITRI)
        task_id = (await app.delegation.delegate(theo, DEMAND)).task_id or 0
        async with bot.database.transaction() as session:
            offer = await task_store.pending_offer(session, task_id=task_id)
        assert offer is not None
        assert (await app.respond.accept(dmitri, task_id)).ok
        assert (await app.review.done(dmitri, task_id)).ok
        assert (await app.review.request_changes(theo, task_id, "cite the statute")).ok
        assert (await app.review.done(dmitri, task_id)).ok
        assert (await app.review.approve(theo, task_id)).ok
        sent = await _keys(bot)
        async with bot.database.transaction() as session:
            task = await task_store.get_task(session, task_id=task_id)
        assert task is not None and task.review_round == 2
    offer_thread = f"offer:{offer.id}"
    review = [row for row in sent if "review" in row[0] or row[0].startswith("changes")]
    assert [(key.split(":done:")[0], thread, replaces) for key, thread, replaces in review] == [
        (f"task:{task_id}:review:1", f"review:{task_id}:1", None),
        (f"review:{task_id}:1:closed", None, f"review:{task_id}:1"),
        (f"changes:{task_id}:1", f"changes:{task_id}:1", None),
        (f"changes:{task_id}:1", None, f"changes:{task_id}:1"),  # closed when done again
        (f"task:{task_id}:review:2", f"review:{task_id}:2", None),
        (f"review:{task_id}:2:closed", None, f"review:{task_id}:2"),
    ]
    first_done = next(key for key, _thread, _replaces in sent if ":done:" in key)
    assert first_done.startswith(f"{offer_thread}:done:")  # the offer card, closed

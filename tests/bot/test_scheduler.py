"""Scheduler jobs on the sample firm, driven by a manual clock: offers, deadlines, the digest."""

from __future__ import annotations

import asyncio
import io
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from adapters.console.notifier import ConsoleNotifier
from bot import scheduler
from bot.app.bootstrap import Bot, bootstrap
from bot.app.cli import main
from bot.clock import ManualClock
from bot.queries import task_detail
from bot.replies import Actor
from bot.sample import sample_file
from bot.scheduler import run_due_jobs, scheduler_context
from bot.usecases import digest as digest_jobs
from storage import tasks as task_store
from storage.outbox import list_messages
from storage.tables import AuditEvent, JobRun, Offer
from tests.support import NEW_YORK, console, play, sample_bot

THEO = "theo.varga@sample-firm.test"        # associate, $320/h; manager Miriam
NOOR = "noor.haddad@sample-firm.test"       # associate, $275/h, Chicago; manager Miriam
DMITRI = "dmitri.albescu@sample-firm.test"  # paralegal, $48/h, Phoenix 07:00-13:00; manager June
IMANI = "imani.sutherland@sample-firm.test"  # paralegal, $60/h, Chicago; manager June
FELIX = "felix.marchetti@sample-firm.test"  # paralegal, $70/h, New York; manager June
PRISCILLA = "priscilla.yuen@sample-firm.test"  # legal assistant, $36/h, Chicago
DEMAND = "draft demand letter for 2027-0302 by Friday"          # Dmitri first, then Imani, Felix
ANSWER = "draft answer to complaint for 2027-0302 by next Wednesday"  # Felix first, then June
CHANNEL = "C0DIGEST"


def ny(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=NEW_YORK)  # type: ignore[misc]


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def since(out: io.StringIO, mark: int) -> str:
    return out.getvalue()[mark:]


async def tick(bot: Bot, clock: ManualClock, out: io.StringIO, at: datetime) -> str:
    """Run every due job at `at`, deliver, and return what was delivered meanwhile."""
    clock.set(at)
    mark = len(out.getvalue())
    done = await run_due_jobs(bot.application, at)
    assert all(count >= 0 for count in done.values()), done
    await bot.dispatcher.drain()
    return since(out, mark)


async def delegate(bot: Bot, out: io.StringIO, text: str, who: str = THEO) -> int:
    reply = await bot.application.delegation.delegate(Actor(email=who), text)
    assert reply.ok, reply.message
    await bot.dispatcher.drain()
    return reply.task_id or 0


async def pending_offer(bot: Bot, task_id: int) -> Offer:
    async with bot.database.transaction() as session:
        offer = await task_store.pending_offer(session, task_id=task_id)
    assert offer is not None
    return offer


async def accept(bot: Bot, task_id: int, who: str) -> None:
    reply = await bot.application.respond.accept(Actor(email=who), task_id)
    assert reply.ok, reply.message
    await bot.dispatcher.drain()


async def detail(bot: Bot, task_id: int) -> dict[str, Any]:
    async with bot.database.transaction() as session:
        found = await task_detail(session, task_id=task_id)
    assert found is not None
    return found


DIGEST_TITLES = ("Daily digest", "Weekly summary")


def dms(text: str) -> list[str]:
    """The delivery lines (`-> DM to X: title`) of a transcript, digests left out."""
    return [line for line in text.splitlines()
            if line.startswith("-> ") and not any(title in line for title in DIGEST_TITLES)]


def digests(text: str) -> list[str]:
    return [line for line in text.splitlines()
            if line.startswith("-> ") and any(title in line for title in DIGEST_TITLES)]


def blocks(text: str) -> list[str]:
    """Each delivered message with its body, without the leading `-> `."""
    return [block for block in re.split(r"^-> ", text, flags=re.MULTILINE) if block]


# --- offer timers ---------------------------------------------------------------------------


async def test_the_offeree_is_reminded_at_half_the_timeout(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        await delegate(bot, out, DEMAND)  # Tuesday 10:00 in New York, 08:00 for Dmitri
        assert dms(await tick(bot, clock, out, ny(2027, 3, 2, 10, 14, 59))) == []
        said = await tick(bot, clock, out, ny(2027, 3, 2, 10, 15))
        assert dms(said) == [("-> DM to Dmitri Albescu: Reminder: task #1 is waiting for your "
                              "answer")]
        assert "It moves to someone else at Tue Mar 2, 8:30 AM MST." in said
        assert "[Accept: accept 1]" in said
        assert dms(await tick(bot, clock, out, ny(2027, 3, 2, 10, 16))) == []


async def test_an_expired_offer_goes_to_the_next_cheapest_person(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        await delegate(bot, out, DEMAND)
        assert "expired" not in await tick(bot, clock, out, ny(2027, 3, 2, 10, 29, 59))
        said = await tick(bot, clock, out, ny(2027, 3, 2, 10, 30))
        assert "-> updated DM to Dmitri Albescu: Task #1" in said
        assert "This offer expired and went to someone else." in said
        assert "-> DM to Imani Sutherland: New task #1 from Theo Varga" in said
        assert "-> DM to Theo Varga: Dmitri Albescu didn't answer in time on task #1" in said
        assert "Offered to Imani Sutherland instead." in said
        found = await detail(bot, 1)
        assert [(o["to"], o["state"]) for o in found["offers"]] == [(DMITRI, "expired"),
                                                                   (IMANI, "pending")]
        assert found["offers"][0]["reason"] == "expired"
        # Imani works 9-5 in Chicago: her 30 minutes end at 11:00 in New York.
        assert found["offers"][1]["expires_at"] == ny(2027, 3, 2, 11, 0).astimezone(
            UTC).isoformat()


async def test_the_chain_escalates_to_the_manager_after_max_offers(database_url: str) -> None:
    async with sample_bot(database_url, LPO_MAX_OFFERS=3) as (bot, clock, out):
        await delegate(bot, out, DEMAND)
        await tick(bot, clock, out, ny(2027, 3, 2, 10, 30))   # Dmitri -> Imani
        await tick(bot, clock, out, ny(2027, 3, 2, 11, 0))    # Imani -> Felix
        said = await tick(bot, clock, out, ny(2027, 3, 2, 11, 30))  # Felix -> nobody
        assert "-> DM to Miriam Castellanos: Task #1 needs an owner" in said
        assert "-> DM to Theo Varga: Task #1 needs an owner" in said
        assert ("no acceptance after 3 offers: Dmitri Albescu didn't answer in time; "
                "Imani Sutherland didn't answer in time; Felix Marchetti didn't answer in time."
                in said)
        assert "New task" not in said
        found = await detail(bot, 1)
        assert found["state"] == "unassigned" and found["assignee"] is None
        assert found["escalation_reason"].startswith("no acceptance after 3 offers")
        assert [e["action"] for e in found["history"]] == [
            "created", "offered", "expired", "offered", "expired", "offered", "expired",
            "escalated"]
        assert dms(await tick(bot, clock, out, ny(2027, 3, 2, 12, 0))) == []


async def test_a_manager_can_reassign_an_escalated_task(database_url: str) -> None:
    async with sample_bot(database_url, LPO_MAX_OFFERS=3) as (bot, clock, out):
        await delegate(bot, out, DEMAND)
        for minute in (30, 60, 90):
            await tick(bot, clock, out, ny(2027, 3, 2, 10, 0) + timedelta(minutes=minute))
        reply = await bot.application.manage.reassign(Actor(email="miriam.castellanos@sample-firm.test"), 1)
        assert reply.ok, reply.message
        # A new round: letting an offer expire kept people off the last round only, so the
        # cheapest qualified person is asked again.
        assert reply.message.title == (
            "Task #1 offered to Dmitri Albescu (paralegal, $48/h), round 2.")
        assert (await detail(bot, 1))["state"] == "offered"


@pytest.mark.parametrize(("start", "expires"), [
    (ny(2027, 3, 5, 16, 50), utc(2027, 3, 8, 14, 20)),    # Friday -> Monday 09:20 EST
    (ny(2027, 3, 12, 16, 50), utc(2027, 3, 15, 13, 20)),  # over the spring DST change: EDT
    (ny(2027, 11, 5, 16, 50), utc(2027, 11, 8, 14, 20)),  # over the autumn DST change: EST
    (ny(2027, 1, 15, 16, 50), utc(2027, 1, 19, 14, 20)),  # over MLK day to Tuesday
], ids=["friday", "spring-dst", "autumn-dst", "holiday"])
async def test_an_offer_at_1650_on_friday_runs_on_the_next_business_day(
        database_url: str, start: datetime, expires: datetime) -> None:
    async with sample_bot(database_url, start=start) as (bot, clock, out):
        await delegate(bot, out, ANSWER)  # Felix, who works 9-5 in New York
        offer = await pending_offer(bot, 1)
        assert offer.expires_at == expires
        assert offer.remind_at == expires - timedelta(minutes=15)
        for moment in (start + timedelta(hours=1), start + timedelta(days=1),
                       start + timedelta(days=2), expires - timedelta(minutes=15, seconds=1)):
            assert dms(await tick(bot, clock, out, moment)) == [], moment
        said = await tick(bot, clock, out, expires - timedelta(minutes=15))
        assert dms(said) == [("-> DM to Felix Marchetti: Reminder: task #1 is waiting for your "
                              "answer")]
        assert "expired" not in await tick(bot, clock, out, expires - timedelta(seconds=1))
        said = await tick(bot, clock, out, expires)
        assert "This offer expired" in said
        assert "-> DM to June Abernathy: New task #1 from Theo Varga" in said


async def test_urgent_offers_get_half_the_timeout(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        await delegate(bot, out, "urgent: " + DEMAND)
        offer = await pending_offer(bot, 1)
        assert offer.expires_at - offer.offered_at == timedelta(minutes=15)
        assert offer.remind_at - offer.offered_at == timedelta(minutes=7, seconds=30)
        assert dms(await tick(bot, clock, out, ny(2027, 3, 2, 10, 7))) == []
        assert "Reminder: task #1" in await tick(bot, clock, out, ny(2027, 3, 2, 10, 7, 30))
        said = await tick(bot, clock, out, ny(2027, 3, 2, 10, 15))
        assert "-> DM to Imani Sutherland: New task #1 from Theo Varga" in said


async def test_expired_offers_found_late_are_processed_in_order(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        for minute in (0, 5, 10):
            clock.set(ny(2027, 3, 2, 10, minute))
            await delegate(bot, out, f"draft demand letter for 2027-030{2 + minute // 5} by Friday")
        # No instance ran from 10:00 to 14:00: every timer of the three offers is overdue.
        said = await tick(bot, clock, out, ny(2027, 3, 2, 14, 0))
        assert "Reminder:" not in said  # an offer that is gone is not chased
        headlines = re.findall(r"didn't answer in time on task #(\d)", said)
        assert headlines == ["1", "2", "3"]
        async with bot.database.transaction() as session:
            expired = (await session.execute(
                select(AuditEvent.task_id).where(AuditEvent.action == "expired")
                .order_by(AuditEvent.id))).scalars().all()
            offers = (await session.execute(
                select(Offer.task_id, Offer.staff_id, Offer.offered_at)
                .where(Offer.state == "pending").order_by(Offer.id))).all()
        assert list(expired) == [1, 2, 3]
        assert [task for task, _, _ in offers] == [1, 2, 3]
        assert {at for _, _, at in offers} == {ny(2027, 3, 2, 14, 0)}


async def test_an_offer_already_answered_is_not_expired(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        await delegate(bot, out, DEMAND)
        await accept(bot, 1, DMITRI)
        said = await tick(bot, clock, out, ny(2027, 3, 2, 11, 0))
        assert dms(said) == []
        assert (await detail(bot, 1))["state"] == "accepted"


# --- deadline reminders -----------------------------------------------------------------------


async def _accepted_demand(bot: Bot, out: io.StringIO) -> None:
    """Task #1, due Friday 5 pm New York (3 pm for Dmitri, who leaves at 1 pm), in his hands."""
    await delegate(bot, out, DEMAND)
    await accept(bot, 1, DMITRI)


async def test_deadline_reminders_come_in_the_assignees_working_time(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        await _accepted_demand(bot, out)
        for moment in (ny(2027, 3, 3, 12, 0), ny(2027, 3, 4, 8, 59)):
            assert dms(await tick(bot, clock, out, moment)) == []
        # Thursday at the start of Dmitri's day (07:00 in Phoenix).
        said = await tick(bot, clock, out, ny(2027, 3, 4, 9, 0))
        assert dms(said) == ["-> DM to Dmitri Albescu: Due tomorrow: task #1"]
        assert "is due Fri Mar 5, 3:00 PM MST." in said
        assert "[Snooze 1 hour: snooze 1:hour]  [Tomorrow morning: snooze 1:morning]" in said
        assert dms(await tick(bot, clock, out, ny(2027, 3, 4, 9, 1))) == []
        assert dms(await tick(bot, clock, out, ny(2027, 3, 5, 12, 59))) == []
        # Two of his working hours before the deadline: 11:00 in Phoenix, before he leaves.
        said = await tick(bot, clock, out, ny(2027, 3, 5, 13, 0))
        assert dms(said) == ["-> DM to Dmitri Albescu: Due soon: task #1"]
        assert dms(await tick(bot, clock, out, ny(2027, 3, 5, 16, 59))) == []
        said = await tick(bot, clock, out, ny(2027, 3, 5, 17, 0))
        assert sorted(dms(said)) == ["-> DM to Dmitri Albescu: Overdue: task #1",
                                     "-> DM to Theo Varga: Overdue: task #1"]
        assert "was due Fri Mar 5, 5:00 PM EST." in said
        assert dms(await tick(bot, clock, out, ny(2027, 3, 8, 9, 0))) == []


@pytest.mark.parametrize(("start", "due_day"), [
    (ny(2027, 3, 11, 10, 0), 15),   # spring forward on Sunday 14 March
    (ny(2027, 11, 4, 10, 0), 8),    # fall back on Sunday 7 November
], ids=["spring-dst", "autumn-dst"])
async def test_deadline_reminders_across_a_dst_weekend(database_url: str, start: datetime,
                                                       due_day: int) -> None:
    async with sample_bot(database_url, start=start) as (bot, clock, out):
        await delegate(bot, out, "draft answer to complaint for 2027-0302 by Monday")
        await accept(bot, 1, FELIX)
        sent: list[tuple[datetime, str]] = []
        moment = start.astimezone(UTC)
        while moment < start + timedelta(days=5):  # every half hour, through the DST Sunday
            moment += timedelta(minutes=30)
            sent += [(moment, line) for line in dms(await tick(bot, clock, out, moment))]
        monday = start.replace(day=due_day)
        assert sorted(sent) == [
            (start.replace(day=due_day - 3, hour=9).astimezone(UTC),
             "-> DM to Felix Marchetti: Due Monday: task #1"),
            (monday.replace(hour=15).astimezone(UTC),
             "-> DM to Felix Marchetti: Due soon: task #1"),
            (monday.replace(hour=17).astimezone(UTC),
             "-> DM to Felix Marchetti: Overdue: task #1"),
            (monday.replace(hour=17).astimezone(UTC), "-> DM to Theo Varga: Overdue: task #1")]


async def test_a_missed_reminder_is_not_sent_late_when_a_later_one_is_due(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        await _accepted_demand(bot, out)
        # Nothing ran from Tuesday until Friday 13:30: only the "soon" reminder goes out.
        said = await tick(bot, clock, out, ny(2027, 3, 5, 13, 30))
        assert dms(said) == ["-> DM to Dmitri Albescu: Due soon: task #1"]


async def test_nobody_away_is_reminded_and_the_manager_gets_the_overdue_alert(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        await _accepted_demand(bot, out)
        reply = await bot.application.availability.set_away(Actor(email=DMITRI), ny(2027, 3, 8, 9, 0))
        assert reply.ok
        for moment in (ny(2027, 3, 4, 9, 0), ny(2027, 3, 5, 13, 0)):
            assert dms(await tick(bot, clock, out, moment)) == [], moment
        said = await tick(bot, clock, out, ny(2027, 3, 5, 17, 0))
        assert sorted(dms(said)) == ["-> DM to June Abernathy: Overdue: task #1",
                                     "-> DM to Theo Varga: Overdue: task #1"]
        assert "Dmitri Albescu is away." in said


async def test_snooze_brings_the_reminder_back(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        await _accepted_demand(bot, out)
        await tick(bot, clock, out, ny(2027, 3, 4, 9, 0))
        clock.set(ny(2027, 3, 4, 9, 2))
        # The button's console hint, typed as shown on the reminder.
        said = await play(console(bot, DMITRI, out), "snooze 1:hour")
        assert "Snoozed until Thu Mar 4, 8:02 AM MST." in said
        assert dms(await tick(bot, clock, out, ny(2027, 3, 4, 10, 1))) == []
        said = await tick(bot, clock, out, ny(2027, 3, 4, 10, 2))
        assert dms(said) == ["-> DM to Dmitri Albescu: Due tomorrow: task #1"]
        clock.set(ny(2027, 3, 4, 10, 3))
        reply = await bot.application.availability.snooze(Actor(email=DMITRI), 1, "morning")
        assert reply.message.title == "Snoozed until Fri Mar 5, 7:00 AM MST."
        assert dms(await tick(bot, clock, out, ny(2027, 3, 4, 16, 0))) == []
        assert dms(await tick(bot, clock, out, ny(2027, 3, 5, 8, 59))) == []
        said = await tick(bot, clock, out, ny(2027, 3, 5, 9, 0))
        assert dms(said) == ["-> DM to Dmitri Albescu: Due today: task #1"]
        said = await tick(bot, clock, out, ny(2027, 3, 5, 13, 0))
        assert dms(said) == ["-> DM to Dmitri Albescu: Due soon: task #1"]


async def test_snoozing_past_the_deadline_does_not_hold_back_the_overdue_alert(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        await _accepted_demand(bot, out)
        await tick(bot, clock, out, ny(2027, 3, 5, 13, 0))
        clock.set(ny(2027, 3, 5, 13, 1))
        assert (await bot.application.availability.snooze(Actor(email=DMITRI), 1, "morning")).ok
        said = await tick(bot, clock, out, ny(2027, 3, 5, 17, 0))
        assert "-> DM to Theo Varga: Overdue: task #1" in said


async def test_only_the_assignee_can_snooze(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, out):
        await _accepted_demand(bot, out)
        reply = await bot.application.availability.snooze(Actor(email=THEO), 1, "hour")
        assert reply.status == "forbidden"


async def test_finished_work_is_not_chased(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        await _accepted_demand(bot, out)
        assert (await bot.application.review.done(Actor(email=DMITRI), 1)).ok
        await bot.dispatcher.drain()
        for moment in (ny(2027, 3, 4, 9, 0), ny(2027, 3, 5, 13, 0), ny(2027, 3, 5, 17, 0)):
            assert dms(await tick(bot, clock, out, moment)) == [], moment


# --- the daily digest -------------------------------------------------------------------------


CLIENT_WORDS = {word.lower() for line in sample_file("sample_matters.csv").decode().splitlines()[1:]
                for word in line.split(",")[1].split()}


async def _populated_firm(bot: Bot, clock: ManualClock, out: io.StringIO) -> None:
    """Tuesday 2 March: an escalated task, finished work, work due Wednesday, work overdue."""
    await delegate(bot, out, "draft demand letter for 2027-0306 by next Friday")  # 1
    for minute in (30, 60, 90):
        await tick(bot, clock, out, ny(2027, 3, 2, 10, 0) + timedelta(minutes=minute))
    clock.set(ny(2027, 3, 2, 12, 0))
    await delegate(bot, out, DEMAND)                                       # 2: completed
    await accept(bot, 2, DMITRI)
    assert (await bot.application.review.done(Actor(email=DMITRI), 2)).ok
    await bot.application.review.approve(Actor(email=THEO), 2)
    await delegate(bot, out, "draft answer to complaint for 2027-0302 by Wednesday")  # 3
    await accept(bot, 3, FELIX)
    await delegate(bot, out, "collect bank statements for 2027-0304 by tomorrow 6am",
                   who=NOOR)                                               # 4: overdue
    await accept(bot, 4, PRISCILLA)
    await tick(bot, clock, out, ny(2027, 3, 2, 17, 0))
    clock.set(ny(2027, 3, 3, 7, 30))
    await delegate(bot, out, "draft demand letter for 2027-0303 by next Friday")  # 5: offered


async def test_the_digest_content_on_a_populated_firm(database_url: str) -> None:
    async with sample_bot(database_url, LPO_DIGEST_CHANNEL=CHANNEL) as (bot, clock, out):
        await _populated_firm(bot, clock, out)
        assert "Daily digest" not in await tick(bot, clock, out, ny(2027, 3, 3, 7, 59))
        said = await tick(bot, clock, out, ny(2027, 3, 3, 8, 0))
        posts = blocks(said)
        channel = next(p for p in posts if p.startswith(f"post in #{CHANNEL}"))
        assert channel.startswith(f"post in #{CHANNEL}: Daily digest — the firm — Wed Mar 3")
        assert "Saved yesterday: $408" in channel      # (320 - 48) x 1.5 h, approved Tuesday
        assert "Saved this week: $408" in channel and "Saved this month: $408" in channel
        assert ("Tasks: unassigned 1, offered 1, in progress 2, completed 1" in channel)
        assert "New since yesterday: 5" in channel
        assert "Due today (1):" in channel and "#3 Answer" in channel
        assert "Overdue (1):" in channel and "#4 Document collection" in channel
        assert "Priscilla Yuen" in channel
        assert "Unassigned (1):" in channel
        assert "why: no acceptance after 3 offers: Dmitri Albescu" in channel
        assert "Load (open hours / weekly capacity):" in channel
        assert "Felix Marchetti: 3 / 40 h" in channel
        assert "Weekly" not in channel
        words = set(re.findall(r"[a-z]+", channel.lower()))
        assert not words & CLIENT_WORDS, words & CLIENT_WORDS
        assert "2027-0306" in channel  # matter numbers are fine
        # Each manager gets their own team's view as a DM.
        june = next(p for p in posts if p.startswith("DM to June Abernathy: Daily digest"))
        assert "your team (June Abernathy)" in june
        assert "Theo Varga: " not in june  # not her report
        miriam = next(p for p in posts if p.startswith("DM to Miriam Castellanos: Daily digest"))
        assert "Theo Varga: " in miriam and "Dmitri Albescu: " not in miriam
        assert len([p for p in posts if "Daily digest" in p.splitlines()[0]]) == 3
        # Once a day, whatever else ticks.
        assert digests(await tick(bot, clock, out, ny(2027, 3, 3, 8, 0, 30))) == []


async def test_monday_brings_the_weekly_summary(database_url: str) -> None:
    async with sample_bot(database_url, LPO_DIGEST_CHANNEL=CHANNEL) as (bot, clock, out):
        await _populated_firm(bot, clock, out)
        said = await tick(bot, clock, out, ny(2027, 3, 8, 8, 0))
        channel = next(p for p in blocks(said) if f"#{CHANNEL}" in p.splitlines()[0])
        assert "Weekly summary and daily digest — the firm — Mon Mar 8" in channel
        assert "Last week: 5 new, 1 completed, $408 saved" in channel
        assert "Saved last week: $408" in channel
        assert "Saved yesterday: $0" in channel and "Saved this week: $0" in channel
        assert "New since Friday: 0" in channel


@pytest.mark.parametrize(("day", "expected"), [
    (ny(2027, 3, 6, 8, 0), None),                                     # Saturday
    (ny(2027, 3, 14, 8, 0), None),                                    # Sunday, spring DST day
    (ny(2027, 11, 7, 8, 0), None),                                    # Sunday, autumn DST day
    (ny(2027, 1, 18, 8, 0), None),                                    # MLK day
    (ny(2027, 1, 19, 8, 0), "Weekly summary and daily digest"),       # the Tuesday after it
    (ny(2027, 7, 5, 8, 0), None),                                     # Independence Day observed
])
async def test_no_digest_on_weekends_and_holidays(database_url: str, day: datetime,
                                                  expected: str | None) -> None:
    async with sample_bot(database_url, start=day - timedelta(hours=1),
                          LPO_DIGEST_CHANNEL=CHANNEL) as (bot, clock, out):
        said = ""
        for minutes in range(0, 24 * 60, 30):
            said += await tick(bot, clock, out, day - timedelta(hours=8) + timedelta(
                minutes=minutes))
        posts = [line for line in digests(said) if f"#{CHANNEL}" in line]
        if expected is None:
            assert posts == []
        else:
            assert len(posts) == 1 and expected in posts[0]


@pytest.mark.parametrize(("due", "before"), [
    (utc(2027, 3, 15, 12, 0), utc(2027, 3, 15, 11, 59)),  # 08:00 EDT, the day after spring DST
    (utc(2027, 11, 8, 13, 0), utc(2027, 11, 8, 12, 59)),  # 08:00 EST, the day after autumn DST
])
async def test_the_digest_keeps_local_time_across_dst(database_url: str, due: datetime,
                                                       before: datetime) -> None:
    async with sample_bot(database_url, start=before - timedelta(days=2),
                          LPO_DIGEST_CHANNEL=CHANNEL) as (bot, clock, out):
        for moment in (before - timedelta(days=1), before - timedelta(hours=1), before):
            assert "Daily digest" not in await tick(bot, clock, out, moment)
        said = await tick(bot, clock, out, due)
        assert f"-> post in #{CHANNEL}: Weekly summary and daily digest" in said


async def test_a_missed_digest_is_sent_once_within_the_grace_period(database_url: str) -> None:
    async with sample_bot(database_url, start=ny(2027, 3, 3, 6, 0),
                          LPO_DIGEST_CHANNEL=CHANNEL) as (bot, clock, out):
        # No instance ran at 08:00; one starts at 10:30 and sends the day's digest then.
        said = await tick(bot, clock, out, ny(2027, 3, 3, 10, 30))
        assert len(digests(said)) == 3
        # A second instance, started a minute later, finds it sent.
        later = io.StringIO()
        other = bootstrap(bot.settings, notifiers=[ConsoleNotifier(later)],
                          clock=ManualClock(ny(2027, 3, 3, 10, 31)))
        try:
            assert (await run_due_jobs(other.application, ny(2027, 3, 3, 10, 31)))["digest"] == 0
            await other.dispatcher.drain()
        finally:
            await other.close()
        assert later.getvalue() == ""
        assert "Daily digest" not in await tick(bot, clock, out, ny(2027, 3, 3, 11, 59))
        # Thursday: the first instance to run is past the grace period; no stale digest.
        assert "Daily digest" not in await tick(bot, clock, out, ny(2027, 3, 4, 12, 0))
        assert "Daily digest" not in await tick(bot, clock, out, ny(2027, 3, 4, 16, 0))
        # Friday: in time again.
        assert "Daily digest" in await tick(bot, clock, out, ny(2027, 3, 5, 11, 59))
        async with bot.database.transaction() as session:
            runs = (await session.execute(select(JobRun.key).order_by(JobRun.key))).scalars()
            assert list(runs) == ["digest:2027-03-03", "digest:2027-03-05"]


async def test_ticks_after_the_digest_went_out_build_no_reports(
        database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    async with sample_bot(database_url, start=ny(2027, 3, 3, 7, 0),
                          LPO_DIGEST_CHANNEL=CHANNEL) as (bot, clock, out):
        assert len(digests(await tick(bot, clock, out, ny(2027, 3, 3, 8, 0)))) == 3
        built: list[object] = []
        original = digest_jobs.build_digest

        async def counting(*args: Any, **kwargs: Any) -> Any:
            built.append(kwargs["scope"])
            return await original(*args, **kwargs)

        monkeypatch.setattr(digest_jobs, "build_digest", counting)
        for minute in (1, 30, 90, 200):  # still inside the grace period: digest_due says yes
            assert digests(await tick(bot, clock, out, ny(2027, 3, 3, 8, 0) +
                                      timedelta(minutes=minute))) == []
        assert built == []


# --- several instances ------------------------------------------------------------------------


async def test_two_instances_send_every_message_exactly_once(database_url: str) -> None:
    async with sample_bot(database_url, LPO_DIGEST_CHANNEL=CHANNEL) as (first, clock, out):
        # Tuesday: four pending offers, and work due Wednesday morning and Thursday.
        for text in (DEMAND, "draft demand letter for 2027-0303 by Friday",
                     "draft demand letter for 2027-0306 by Friday",
                     "collect bank statements for 2027-0304 by Friday"):
            await delegate(first, out, text)
        await delegate(first, out, "draft answer to complaint for 2027-0302 by Thursday")  # 5
        await accept(first, 5, FELIX)
        await delegate(first, out, "draft answer to complaint for 2027-0308 by tomorrow 10am",
                       who="miriam.castellanos@sample-firm.test")                     # 6
        await accept(first, 6, FELIX)
        async with first.database.transaction() as session:
            before = len(await list_messages(session))
        # Nothing ran overnight. Wednesday 10:30 both instances start at the same moment:
        # four expired offers, a day-before reminder, an overdue task, and the missed digest.
        moment = ny(2027, 3, 3, 10, 30)
        clock.set(moment)
        second_out = io.StringIO()
        second = bootstrap(first.settings, notifiers=[ConsoleNotifier(second_out)],
                           clock=ManualClock(moment))
        try:
            mark = len(out.getvalue())
            for _ in range(2):  # a second round finds nothing left to do
                results = await asyncio.gather(run_due_jobs(first.application, moment),
                                               run_due_jobs(second.application, moment))
                assert all(n >= 0 for done in results for n in done.values()), results
                await asyncio.gather(first.dispatcher.drain(), second.dispatcher.drain())
            delivered = [line for line in (since(out, mark) + second_out.getvalue()).splitlines()
                         if line.startswith("-> ")]
        finally:
            await second.close()
        async with first.database.transaction() as session:
            rows = (await list_messages(session))[before:]
            expired = (await session.execute(
                select(AuditEvent.task_id, func.count()).where(AuditEvent.action == "expired")
                .group_by(AuditEvent.task_id))).all()
            pending = (await session.execute(
                select(Offer.task_id, func.count()).where(Offer.state == "pending")
                .group_by(Offer.task_id))).all()
        assert {row.state for row in rows} == {"sent"}
        assert len(delivered) == len(rows)
        assert len(set(delivered)) == len(delivered), delivered
        assert sorted(expired) == [(1, 1), (2, 1), (3, 1), (4, 1)]
        assert sorted(pending) == [(1, 1), (2, 1), (3, 1), (4, 1)]
        titles = [line.split(": ", 1)[1] for line in delivered]
        assert titles.count("Due tomorrow: task #5") == 1
        assert titles.count("Overdue: task #6") == 2  # Felix and Miriam
        assert len([t for t in titles if t.startswith("Daily digest")]) == 3


async def test_three_instances_share_a_burst_of_expiries(database_url: str) -> None:
    texts = [f"draft demand letter for 2027-030{n % 8 + 1} by Friday" for n in range(12)]
    texts += [f"collect bank statements for 2027-030{n % 8 + 1} by Friday" for n in range(12)]
    async with sample_bot(database_url) as (first, clock, out):
        for n, text in enumerate(texts):
            await delegate(first, out, text, who=(THEO, NOOR)[n % 2])
        moment = ny(2027, 3, 2, 16, 0)  # long after every offer timed out; no digest due
        clock.set(moment)
        outputs = [out] + [io.StringIO() for _ in range(2)]
        others = [bootstrap(first.settings, notifiers=[ConsoleNotifier(o)],
                            clock=ManualClock(moment)) for o in outputs[1:]]
        bots = [first, *others]
        marks = [len(o.getvalue()) for o in outputs]
        async with first.database.transaction() as session:
            before = len(await list_messages(session))
        try:
            results = await asyncio.gather(*(run_due_jobs(b.application, moment) for b in bots))
            await asyncio.gather(*(b.dispatcher.drain() for b in bots))
        finally:
            for other in others:
                await other.close()
        assert all(n >= 0 for done in results for n in done.values()), results
        assert sum(done["expire_offers"] for done in results) == len(texts)
        delivered = [block for o, mark in zip(outputs, marks, strict=True)
                     for block in blocks(since(o, mark))]
        async with first.database.transaction() as session:
            rows = (await list_messages(session))[before:]
            expired = (await session.execute(
                select(AuditEvent.task_id, func.count()).where(AuditEvent.action == "expired")
                .group_by(AuditEvent.task_id))).all()
            pending = (await session.execute(
                select(Offer.task_id, func.count()).where(Offer.state == "pending")
                .group_by(Offer.task_id))).all()
        assert {row.state for row in rows} == {"sent"} and len(delivered) == len(rows)
        assert len(set(delivered)) == len(delivered), delivered
        assert [count for _, count in expired] == [1] * len(texts)
        assert all(count == 1 for _, count in pending)



async def test_an_accept_racing_the_expiry_has_one_winner(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        await delegate(bot, out, DEMAND)
        other = bootstrap(bot.settings, notifiers=[ConsoleNotifier(io.StringIO())], clock=clock)
        clock.set(ny(2027, 3, 2, 10, 30))
        try:
            reply, done = await asyncio.gather(bot.application.respond.accept(Actor(email=DMITRI), 1),
                                               run_due_jobs(other.application, clock()))
        finally:
            await other.close()
        found = await detail(bot, 1)
        if reply.ok:  # the click won: nothing expired
            assert done["expire_offers"] == 0
            assert [o["state"] for o in found["offers"]] == ["accepted"]
        else:         # the timer won: the click is told, the task moved on
            assert reply.status == "already_handled" and done["expire_offers"] == 1
            assert [o["state"] for o in found["offers"]] == ["expired", "pending"]

# --- wiring -------------------------------------------------------------------------------------


async def test_a_failing_job_does_not_stop_the_others(database_url: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(_bot: object, _now: datetime) -> int:
        raise RuntimeError("boom")

    async with sample_bot(database_url) as (bot, clock, out):
        await delegate(bot, out, DEMAND)
        monkeypatch.setattr(scheduler, "JOBS", (("broken", broken),) + scheduler.JOBS)
        clock.set(ny(2027, 3, 2, 10, 30))
        done = await run_due_jobs(bot.application, clock())
        assert done["broken"] == -1 and done["expire_offers"] == 1


async def test_the_scheduler_runs_with_the_server_and_stops_with_it(
        database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    async with sample_bot(database_url, start=datetime.now(UTC)) as (bot, clock, _out):
        ticked = asyncio.Event()
        # run_due_jobs wakes the dispatcher after every tick
        monkeypatch.setattr(bot.application.units, "wake", ticked.set)
        clock.set(datetime.now(UTC))  # the first tick is due at once, by APScheduler's own clock
        context = scheduler_context(bot.application)(None)  # type: ignore[arg-type]
        await anext(context)
        await asyncio.wait_for(ticked.wait(), timeout=10)
        with pytest.raises(StopAsyncIteration):
            await anext(context)


async def test_one_broken_row_does_not_hold_up_the_others(database_url: str,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    async with sample_bot(database_url) as (bot, clock, out):
        for text in (DEMAND, ANSWER):
            await delegate(bot, out, text)
        await accept(bot, 2, FELIX)
        # Task #1's type leaves the catalogue (a firm edited LPO_TAXONOMY): it can't be shown.
        async with bot.database.transaction() as session:
            broken = await task_store.get_task(session, task_id=1)
            assert broken is not None
            broken.task_type = "retired_type"
            session.add(broken)
        await delegate(bot, out, "draft demand letter for 2027-0303 by Friday")  # 3, 10:00 too
        said = await tick(bot, clock, out, ny(2027, 3, 10, 17, 0))
        assert "-> DM to Imani Sutherland: New task #3 from Theo Varga" in said  # #3 moved on
        assert "-> DM to Felix Marchetti: Overdue: task #2" in said
        assert "could not handle offer 1; the next tick retries it" in caplog.text
        assert "task #1" not in said
        assert (await detail(bot, 1))["state"] == "offered"  # retried at the next tick

# --- the command line ---------------------------------------------------------------------------


@pytest.fixture
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> str:
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN",
                 "MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "LPO_MAX_OFFERS",
                 "LPO_OFFER_TIMEOUT_MINUTES", "LPO_TIMEZONE", "LPO_DIGEST_TIME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LPO_DATABASE_URL", database_url)
    monkeypatch.setenv("LPO_DIGEST_CHANNEL", CHANNEL)
    return database_url


def test_tick_and_digest_commands_on_the_sample_firm(cli_env: str, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["init", "--sample"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(f"/delegate {DEMAND}\n"))
    # Tuesday noon in New York: past the digest's grace period; Dmitri is at work until 3 pm.
    assert main(["chat", "--as", THEO, "--now", "2027-03-02T17:00:00Z"]) == 0
    assert "-> DM to Dmitri Albescu: New task #1 from Theo Varga" in capsys.readouterr().out

    assert main(["tick", "--now", "2027-03-02T17:10:00Z"]) == 0
    assert capsys.readouterr().out.strip() == (
        "tick at 2027-03-02T17:10:00+00:00: hold_walls 0, expire_offers 0, remind_offers 0, "
        "remind_deadlines 0, digest 0, forget_old_events 0, retrain_model 0; delivered 0")
    assert main(["tick", "--now", "2027-03-02T17:30:00Z"]) == 0
    said = capsys.readouterr().out
    assert "-> DM to Imani Sutherland: New task #1 from Theo Varga" in said
    assert "expire_offers 1" in said

    assert main(["digest", "--now", "2027-03-03T13:00:00Z"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Daily digest — the firm — Wed Mar 3")
    assert "Tasks: offered 1" in said and "Achebe" not in said
    assert main(["tick", "--now", "2027-03-03T13:00:00Z"]) == 0
    said = capsys.readouterr().out
    assert f"-> post in #{CHANNEL}: Daily digest — the firm — Wed Mar 3" in said
    assert "digest 3" in said
    assert main(["digest", "--now", "2027-03-03T14:00:00Z", "--post"]) == 0
    assert capsys.readouterr().out.strip() == "Today's digest was already sent."
    assert main(["digest", "--now", "2027-03-04T07:00:00Z", "--post"]) == 0
    said = capsys.readouterr().out
    assert "Digest sent: 3 messages queued, 3 delivered." in said
    assert main(["tick", "--now", "2027-03-04T13:00:00Z"]) == 0
    assert "digest 0" in capsys.readouterr().out


def test_tick_and_digest_need_an_initialised_database(cli_env: str,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Any) -> None:
    monkeypatch.setenv("LPO_DATABASE_URL", f"sqlite:///{tmp_path}/none.db")
    assert main(["tick"]) == 2
    assert "lpo-bot init" in capsys.readouterr().err
    assert main(["digest"]) == 2
    assert "lpo-bot init" in capsys.readouterr().err


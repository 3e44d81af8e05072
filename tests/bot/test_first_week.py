"""A firm's first week on the sample firm, played in the console with an injected clock.

A small team, offers left to expire overnight and run out of people, declines for good and for
the round, a manager reassigning from the queue, `accept`/`done` by task number and digests in
the console. It must end without one unassigned task that someone eligible could take. The
transcript goes to artifacts/first-week.txt (gitignored) for people to read.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlmodel import col

from adapters.console.repl import ConsoleSession
from bot.app.bootstrap import Bot
from bot.clock import ManualClock
from bot.replies import Actor, TaskList
from bot.scheduler import run_due_jobs
from storage import staff as staff_store
from storage import tasks as task_store
from storage.tables import Offer
from tests.support import console, sample_bot

NEW_YORK = ZoneInfo("America/New_York")
ARTIFACT = Path(__file__).resolve().parents[2] / "artifacts" / "first-week.txt"
FIRM = "@sample-firm.test"
THEO, NOOR, MIRIAM, JUNE = (f"{name}{FIRM}" for name in (
    "theo.varga", "noor.haddad", "miriam.castellanos", "june.abernathy"))
DMITRI, IMANI = f"dmitri.albescu{FIRM}", f"imani.sutherland{FIRM}"
MANAGERS = (MIRIAM, JUNE)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of the week of Monday March 1, 2027, New York time."""
    return datetime(2027, 3, day, hour, minute, tzinfo=NEW_YORK)


class Week:
    """One console for the whole firm (`as EMAIL` switches), ticks in between."""

    def __init__(self, bot: Bot, clock: ManualClock, out: io.StringIO) -> None:
        self.bot, self.clock, self.out = bot, clock, out
        self.session: ConsoleSession = console(bot, MIRIAM, out)

    def note(self, text: str) -> None:
        self.out.write(f"\n=== {text} ===\n")

    async def type(self, email: str, *lines: str) -> None:
        """Lines typed by one person (the transcript shows the prompt as a person sees it)."""
        if self.session.state.email != email:
            await self.session.handle(f"as {email}")
        for line in lines:
            self.session.say(f"{email}> {line}")
            await self.session.handle(line)

    async def tick(self, moment: datetime) -> dict[str, int]:
        """`lpo-bot tick --now ...`: every due job once, then the outbox delivered."""
        self.clock.set(moment)
        self.note(f"{moment:%a %b %d %H:%M} ET — lpo-bot tick")
        jobs = await run_due_jobs(self.bot.application, moment)
        await self.bot.dispatcher.drain()
        done = {name: count for name, count in jobs.items() if count}
        self.out.write(f"(jobs: {done or 'nothing due'})\n")
        return done

    async def pending(self) -> list[tuple[int, str]]:
        """(task number, offeree email) of every offer waiting for an answer."""
        async with self.bot.database.transaction() as session:
            query = select(Offer).where(col(Offer.state) == "pending").order_by(
                col(Offer.task_id))
            offers = (await session.execute(query)).scalars().all()
            emails = {person.id: person.email
                      for person in await staff_store.list_staff(session, active_only=False)}
        return [(offer.task_id, emails[offer.staff_id]) for offer in offers]

    async def tasks(self, *states: str) -> list[tuple[int, str, str]]:
        """(task number, holder email, delegator email) of the tasks in these states."""
        async with self.bot.database.transaction() as session:
            tasks = await task_store.list_tasks(session, states=states)
            emails = {person.id: person.email
                      for person in await staff_store.list_staff(session, active_only=False)}
        return [(task.id or 0, emails.get(task.assignee_id, ""), emails[task.delegator_id])
                for task in tasks]

    async def accept_everything(self) -> None:
        for task_id, offeree in await self.pending():
            await self.type(offeree, f"accept {task_id}")

    async def finish_everything(self) -> None:
        """Holders mark their work done; delegators approve what comes back for review."""
        for task_id, holder, _delegator in await self.tasks("accepted", "changes_requested"):
            await self.type(holder, f"done {task_id}")
        for task_id, _holder, delegator in await self.tasks("submitted"):
            await self.type(delegator, f"approve {task_id}")

    async def queue(self, manager: str) -> TaskList:
        listing = await self.bot.application.queries.my_tasks(Actor(email=manager))
        assert isinstance(listing, TaskList)
        return listing

    async def clear_queue(self, manager: str, *, name_second_choice: bool = False) -> int:
        """The manager reads /tasks and reassigns each task from the queue's picker."""
        await self.type(manager, "/tasks")
        listing = await self.queue(manager)
        for item in listing.queue:
            if not item.actions:
                continue
            picker = item.actions[0]
            choice = picker.options[2].value if name_second_choice and len(
                picker.options) > 2 else ""
            await self.type(manager, f"reassign {picker.value} {choice}".strip())
        return len(listing.queue)


async def play_week(week: Week) -> None:
    """Monday to Friday; each step is what a new firm would do, nothing staged behind it."""
    week.clock.set(at(1, 17, 45))
    week.note("Mon Mar 01 17:45 ET — the first delegations, late in the day")
    await week.type(THEO, "/delegate draft demand letter for Achebe by Friday",
                    "/delegate collect bank statements from Kwan for 2027-0303 by Wednesday")
    await week.type(NOOR, "/delegate prepare the chapter 7 petition for Ferreira by Thursday")
    await week.type(DMITRI, "/tasks")

    # Nobody answers overnight: the offers expire in each offeree's working time and move on
    # until each round has tried everyone eligible (or made its three offers).
    for moment in (at(2, 8), at(2, 10, 30), at(2, 11, 30), at(2, 12, 30), at(2, 13, 30)):
        await week.tick(moment)
    week.clock.set(at(2, 14))
    week.note("Tue Mar 02 14:00 ET — the managers' queue")
    await week.clear_queue(MIRIAM)
    await week.type(MIRIAM, "/lpo digest")
    await week.accept_everything()

    week.clock.set(at(3, 9, 15))
    week.note("Wed Mar 03 09:15 ET — a conflict (for good) and a full week (this round only)")
    await week.tick(at(3, 9, 15))
    await week.type(THEO, "/delegate draft demand letter for Whitfield on 2027-0301 by Friday")
    await week.type(DMITRI, "decline 4 conflict")
    await week.type(IMANI, "decline 4 no_capacity")
    await week.tick(at(3, 11))
    await week.clear_queue(MIRIAM)
    await week.accept_everything()
    await week.finish_everything()
    await week.type(JUNE, "/tasks", "/lpo digest")

    week.note("Thu Mar 04 — the work gets done")
    await week.tick(at(4, 9, 30))
    await week.type(NOOR, "/delegate research memo on the statute of limitations for Teague, "
                          "matter 2027-0307, by next Wednesday")
    await week.tick(at(4, 13))
    await week.clear_queue(MIRIAM, name_second_choice=True)
    await week.accept_everything()
    await week.finish_everything()

    week.note("Fri Mar 05 — end of the week")
    await week.tick(at(5, 9, 30))
    await week.clear_queue(MIRIAM)
    await week.clear_queue(JUNE)
    await week.accept_everything()
    await week.finish_everything()
    await week.type(MIRIAM, "/tasks", "/lpo digest")


async def test_first_week_leaves_no_task_someone_could_take(database_url: str) -> None:
    async with sample_bot(database_url, start=at(1, 9)) as (bot, clock, out):
        week = Week(bot, clock, out)
        await play_week(week)
        transcript = out.getvalue()
        if database_url.startswith("sqlite"):
            ARTIFACT.parent.mkdir(exist_ok=True)
            ARTIFACT.write_text(transcript, encoding="utf-8")
        for manager in MANAGERS:
            listing = await week.queue(manager)
            placeable = [item.title for item in listing.queue if item.actions]
            assert placeable == [], f"{manager} could still place {placeable}"
        assert await week.tasks("unassigned", "offered") == []
    # The week used what it claims to: expiries, an escalation, reassigns, numbers, digests.
    assert "(everyone_tried), round 1" in transcript or "(max_offers), round 1" in transcript
    assert "reassign " in transcript and "round 2" in transcript
    assert "accept 1" in transcript and "done 1" in transcript
    assert "Daily digest" in transcript
    assert "Traceback" not in transcript

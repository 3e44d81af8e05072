"""Scheduler jobs: walls, offer reminders and expiry, deadline reminders, the daily digest.

Each job takes `now`, asks the database what is due, and is safe to run on every server
instance at once: claims (FOR UPDATE SKIP LOCKED, conditional updates, job-run keys) and the
outbox dedupe keys make every message go out exactly once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import TypeVar
from zoneinfo import ZoneInfo

from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot import metrics, views, walls
from bot.digest import Scope, build_digest, manager_scopes
from bot.messages import Action, Message
from bot.outbox import enqueue_message
from bot.services import Services, Snapshot
from bot.views import TaskView
from matching.calendar import is_business_day, is_first_business_day_of_week
from matching.model import StaffProfile
from matching.reminders import DAY_BEFORE, OVERDUE, due_reminder, next_reminder
from storage import reports
from storage import tasks as task_store
from storage.events import claim_job_run, job_ran, prune_events
from storage.tables import Offer, Task

log = logging.getLogger(__name__)

TICK_SECONDS = 30
ROWS_PER_TICK = 500  # per job: a long outage's backlog drains over a few ticks
SHUTDOWN_GRACE_SECONDS = 10
DIGEST_GRACE = timedelta(hours=4)
EVENT_MEMORY = timedelta(days=1)

Job = Callable[[Services, datetime], Awaitable[int]]
Row = TypeVar("Row", Offer, Task)
Claim = Callable[[AsyncSession, Collection[int]], Awaitable[Row | None]]


async def _one_at_a_time(services: Services, claim: Claim[Row],
                         handle: Callable[[AsyncSession, Row], Awaitable[int]]) -> int:
    """Claim and handle due rows oldest first, one transaction each, at most ROWS_PER_TICK.

    A row whose handling fails is logged and left for the next tick, so one broken row (say,
    a task whose type left the catalogue) never holds up everybody else's timers.
    """
    done, seen = 0, set[int]()
    while len(seen) < ROWS_PER_TICK:
        claimed = None
        try:
            async with services.database.transaction() as session:
                row = await claim(session, seen)
                if row is None:
                    break
                claimed = f"{type(row).__name__.lower()} {row.id}"
                seen.add(row.id or 0)
                done += await handle(session, row)
        except Exception:
            if claimed is None:
                raise  # the claim itself failed (database down): the whole job is retried
            log.exception("scheduler could not handle %s; the next tick retries it", claimed)
    return done


async def remind_offers(services: Services, now: datetime) -> int:
    """Nudge offerees halfway through the timeout (their working time)."""
    async def claim(session: AsyncSession, seen: Collection[int]) -> Offer | None:
        return _first(await task_store.offers_to_remind(session, now=now, limit=1, exclude=seen))

    return await _one_at_a_time(services, claim, partial(_remind_offer, services, now=now))


async def _remind_offer(services: Services, session: AsyncSession, offer: Offer, *,
                        now: datetime) -> int:
    claimed = await session.execute(
        update(Offer).where(Offer.id == offer.id, Offer.remind_at.is_not(None))
        .values(remind_at=None))
    if claimed.rowcount != 1:
        return 0  # another instance got there first
    task = await task_store.get_task(session, task_id=offer.task_id)
    snap = await services.snapshot(session)
    person = snap.firm.by_id(offer.staff_id)
    if task is None or person is None or walls.screened(snap.firm, person.email, task.matter_id):
        return 0  # a wall raised since the offer: the walls job withdraws it
    view = services.view(snap, task)
    message = views.offer(view, person, offer.id or 0, offer.explanation or "")
    reminder = Message(title=f"Reminder: task #{task.id} is waiting for your answer",
                       body=f"It moves to someone else at "
                            f"{views.when(offer.expires_at, person.timezone)}.",
                       facts=message.facts, actions=message.actions, kind="reminder")
    await enqueue_message(session, message=reminder, dedupe_key=f"offer:{offer.id}:remind",
                          now=now, staff_id=person.id)
    return 1


async def expire_offers(services: Services, now: datetime) -> int:
    """Time out offers in expiry order; each one moves on to the next cheapest person."""
    async def claim(session: AsyncSession, seen: Collection[int]) -> Offer | None:
        return _first(await task_store.due_offers(session, now=now, limit=1, exclude=seen))

    async def expire(session: AsyncSession, offer: Offer) -> int:
        return int(await services.expire_offer(session, offer))

    return await _one_at_a_time(services, claim, expire)


async def remind_deadlines(services: Services, now: datetime) -> int:
    """Business-morning-before, two-hours-before and overdue reminders, once each."""
    async def claim(session: AsyncSession, seen: Collection[int]) -> Task | None:
        return _first(await reports.tasks_due_for_reminder(session, now=now, limit=1,
                                                           exclude=seen))

    async def remind(session: AsyncSession, task: Task) -> int:
        return await _remind_one(services, session, await services.snapshot(session), task, now)

    return await _one_at_a_time(services, claim, remind)


def _first(rows: list[Row]) -> Row | None:
    return rows[0] if rows else None


async def _remind_one(services: Services, session: AsyncSession, snap: Snapshot, task: Task,
                      now: datetime) -> int:
    person = snap.firm.by_id(task.assignee_id)
    if (person is None or task.due_at is None
            or walls.screened(snap.firm, person.email, task.matter_id)):
        task.next_reminder_at = None  # nobody to remind; a screened holder loses the work
        session.add(task)
        return 0
    plan = services.reminder_plan(task.due_at, person)
    reminder = due_reminder(plan, after_stage=task.reminder_stage, now=now)
    scheduled_for = task.next_reminder_at or now
    if reminder is None:
        upcoming = next_reminder(plan, after_stage=task.reminder_stage)
        task.next_reminder_at = upcoming.at if upcoming else None
        session.add(task)
        return 0
    following = next_reminder(plan, after_stage=reminder.stage)
    task.reminder_stage = reminder.stage
    task.next_reminder_at = following.at if following else None
    session.add(task)
    view = services.view(snap, task)
    away = person.away_at(now) is not None
    if reminder.stage == OVERDUE:
        return await _overdue(session, snap, view, person, away, now)
    if away:
        return 0
    when = views.when(task.due_at, person.timezone)
    message = Message(title=_reminder_title(task, reminder.stage, person.timezone, now),
                      body=f"{task.title} is due {when}.",
                      facts=view.facts(person), actions=snooze_actions(task.id or 0)
                      + (views.done_action(task.id or 0),), kind="reminder")
    await enqueue_message(session, message=message, now=now, staff_id=person.id,
                          dedupe_key=f"task:{task.id}:remind:{reminder.stage}:"
                                     f"{scheduled_for.isoformat()}")
    return 1


def _reminder_title(task: Task, stage: int, zone: str, now: datetime) -> str:
    """`Due tomorrow`, or `Due Monday` from Friday, or `Due today` after a snooze."""
    if stage != DAY_BEFORE or task.due_at is None:
        return f"Due soon: task #{task.id}"
    local = ZoneInfo(zone)
    due_day, today = task.due_at.astimezone(local).date(), now.astimezone(local).date()
    day = ("today" if due_day == today else "tomorrow" if due_day == today + timedelta(days=1)
           else f"{due_day:%A}")
    return f"Due {day}: task #{task.id}"


async def _overdue(session: AsyncSession, snap: Snapshot, view: TaskView, person: StaffProfile,
                   away: bool, now: datetime) -> int:
    """To the delegator, and to the assignee or, while they are away, to their manager
    (walking around any wall on the matter)."""
    readers = [view.delegator, walls.unscreened_manager(snap.firm, person, view.matter)
               if away else person]
    recipients = {reader.email: reader for reader in readers
                  if reader and not (view.matter and reader.email in view.matter.screened)}
    for reader in recipients.values():
        note = f" {person.name} is away." if away else ""
        message = Message(title=f"Overdue: task #{view.task_id}",
                          body=f"{view.title} was due {views.when(view.due_at, reader.timezone)}."
                               f"{note}",
                          facts=view.facts(reader), kind="overdue",
                          actions=(views.done_action(view.task_id),) if reader is person else ())
        await enqueue_message(session, message=message, now=now, staff_id=reader.id,
                              dedupe_key=f"task:{view.task_id}:overdue:{view.due_at.isoformat()}:"
                                         f"{reader.id}")
    return len(recipients)


async def hold_walls(services: Services, now: datetime) -> int:
    """Withdraw offers and take back work behind any wall that went up without an import
    (one cheap read when there is nothing to do)."""
    async with services.database.read_session() as session:
        if not await task_store.tasks_behind_walls(session):
            return 0
    report = await services.enforce_screens()
    return report.withdrawn + report.taken_back


def snooze_actions(task_id: int) -> tuple[Action, ...]:
    return (Action("snooze", "Snooze 1 hour", f"{task_id}:hour"),
            Action("snooze", "Tomorrow morning", f"{task_id}:morning"))


def digest_due(services: Services, now: datetime) -> bool:
    """A business day in the firm's zone, at or after the digest time, within the grace period."""
    settings = services.settings
    local = now.astimezone(settings.zone)
    scheduled = datetime.combine(local.date(), settings.digest_at, tzinfo=settings.zone)
    return is_business_day(local.date()) and scheduled <= local < scheduled + DIGEST_GRACE


async def send_digest(services: Services, now: datetime, *, force: bool = False) -> int:
    """Post today's digest to the channel and each manager, once per day across instances.

    The digests are read first, each in a read-only session, then claimed and queued in one
    short transaction: a big firm's reports never hold SQLite's single writer, and if two
    instances race, the one that claims the day sends it.
    """
    if not force and not digest_due(services, now):
        return 0
    day = now.astimezone(services.settings.zone).date()
    key = f"digest:{day.isoformat()}"
    async with services.database.read_session() as session:
        if await job_ran(session, key=key):
            return 0  # the usual answer for the rest of the grace period: no reports built
    messages = await _digests(services, now, day)
    async with services.database.transaction() as session:
        if not await claim_job_run(session, key=key, now=now):
            return 0
        for recipient, message in messages:
            await enqueue_message(session, message=message, now=now,
                                  dedupe_key=f"{key}:{recipient.dedupe}",
                                  channel=recipient.channel, staff_id=recipient.staff_id)
    return len(messages)


@dataclass(frozen=True, slots=True)
class _DigestReader:
    dedupe: str
    channel: str | None = None
    staff_id: int | None = None


async def _digests(services: Services, now: datetime,
                   day: date) -> list[tuple[_DigestReader, Message]]:
    """Today's digest for the channel (if set) and for each manager, one read at a time."""
    zone: ZoneInfo = services.settings.zone
    weekly = is_first_business_day_of_week(day)
    async with services.database.read_session() as session:
        firm = (await services.snapshot(session)).firm
    readers: list[tuple[_DigestReader, Scope]] = []
    channel = services.settings.digest_channel
    if channel:
        readers.append((_DigestReader("channel", channel=channel),
                        Scope(title="the firm", staff_ids=None)))
    readers.extend((_DigestReader(str(manager_id), staff_id=manager_id), scope)
                   for manager_id, scope in manager_scopes(firm))
    digests = []
    for reader, scope in readers:
        async with services.database.read_session() as session:
            digests.append((reader, await build_digest(session, firm=firm, now=now, zone=zone,
                                                       scope=scope, weekly=weekly,
                                                       type_names=services.type_names)))
    return digests


async def forget_old_events(services: Services, now: datetime) -> int:
    async with services.database.transaction() as session:
        return await prune_events(session, older_than=now - EVENT_MEMORY)


JOBS: tuple[tuple[str, Job], ...] = (
    ("hold_walls", hold_walls),
    ("expire_offers", expire_offers),
    ("remind_offers", remind_offers),
    ("remind_deadlines", remind_deadlines),
    ("digest", send_digest),
    ("forget_old_events", forget_old_events),
)


async def run_due_jobs(services: Services, now: datetime) -> dict[str, int]:
    """Every job once at `now`; one failing job does not stop the others."""
    done: dict[str, int] = {}
    for name, job in JOBS:
        try:
            done[name] = await job(services, now)
            metrics.JOB_RUNS.labels(name).inc()
        except Exception:  # keep the other jobs running; the next tick retries this one
            log.exception("scheduler job %s failed", name)
            done[name] = -1
    services.wake()
    return done


def scheduler_context(services: Services) -> Callable[[web.Application], AsyncIterator[None]]:
    """Start APScheduler with the server; on the way out stop it and finish the running tick."""

    async def context(_app: web.Application) -> AsyncIterator[None]:
        running: set[asyncio.Task[None]] = set()
        scheduler = AsyncIOScheduler(timezone="UTC")
        scheduler.add_job(_tick, "interval", seconds=TICK_SECONDS, args=(services, running),
                          id="lpo-tick", max_instances=1, coalesce=True,
                          next_run_time=services.clock())
        scheduler.start()
        yield
        scheduler.shutdown(wait=False)
        if running:  # let a tick in flight finish its transaction; cancel only a stuck one
            _done, stuck = await asyncio.wait(list(running), timeout=SHUTDOWN_GRACE_SECONDS)
            for tick in stuck:
                tick.cancel()

    return context


async def _tick(services: Services, running: set[asyncio.Task[None]]) -> None:
    current = asyncio.current_task()
    if current is not None:
        running.add(current)  # type: ignore[arg-type]
    try:
        await run_due_jobs(services, services.clock())
    except asyncio.CancelledError:
        # Shutdown interrupted the tick: its transaction rolled back, the next start redoes it.
        log.info("scheduler tick interrupted by shutdown")
    finally:
        running.discard(current)  # type: ignore[arg-type]

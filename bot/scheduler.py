"""Scheduler jobs: walls, offer reminders and expiry, deadline reminders, the daily digest, and
the request model's nightly retraining.

Each job is a use case that takes `now`, asks the database what is due, and is safe to run on
every server instance at once: claims (FOR UPDATE SKIP LOCKED, conditional updates, job-run
keys) and the outbox dedupe keys make every message go out exactly once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime, timedelta

from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot import metrics
from bot.application import Application

log = logging.getLogger(__name__)

TICK_SECONDS = 30
SHUTDOWN_GRACE_SECONDS = 10
EVENT_MEMORY = timedelta(days=1)

Job = Callable[[Application, datetime], Awaitable[int]]


async def hold_walls(bot: Application, now: datetime) -> int:
    return await bot.screens.hold(now)


async def expire_offers(bot: Application, now: datetime) -> int:
    return await bot.respond.expire_due_offers(now)


async def remind_offers(bot: Application, now: datetime) -> int:
    return await bot.reminders.remind_offers(now)


async def remind_deadlines(bot: Application, now: datetime) -> int:
    return await bot.reminders.remind_deadlines(now)


async def send_digest(bot: Application, now: datetime) -> int:
    return await bot.digest.send(now)


async def forget_old_events(bot: Application, now: datetime) -> int:
    return await bot.units.forget_events(older_than=now - EVENT_MEMORY)


async def retrain_model(bot: Application, now: datetime) -> int:
    return await bot.learning.nightly(now)


JOBS: tuple[tuple[str, Job], ...] = (
    ("hold_walls", hold_walls),
    ("expire_offers", expire_offers),
    ("remind_offers", remind_offers),
    ("remind_deadlines", remind_deadlines),
    ("digest", send_digest),
    ("forget_old_events", forget_old_events),
    ("retrain_model", retrain_model),  # last: a night's training takes a while
)


async def run_due_jobs(bot: Application, now: datetime) -> dict[str, int]:
    """Every job once at `now`; one failing job does not stop the others."""
    done: dict[str, int] = {}
    for name, job in JOBS:
        try:
            done[name] = await job(bot, now)
            metrics.JOB_RUNS.labels(name).inc()
        except Exception:  # keep the other jobs running; the next tick retries this one
            log.exception("scheduler job %s failed", name)
            done[name] = -1
    bot.wake()
    return done


def scheduler_context(bot: Application) -> Callable[[web.Application], AsyncIterator[None]]:
    """Start APScheduler with the server; on the way out stop it and finish the running tick."""

    async def context(_app: web.Application) -> AsyncIterator[None]:
        running: set[asyncio.Task[None]] = set()
        scheduler = AsyncIOScheduler(timezone="UTC")
        scheduler.add_job(_tick, "interval", seconds=TICK_SECONDS, args=(bot, running),
                          id="lpo-tick", max_instances=1, coalesce=True,
                          next_run_time=bot.clock())
        scheduler.start()
        yield
        scheduler.shutdown(wait=False)
        if running:  # let a tick in flight finish its transaction; cancel only a stuck one
            _done, stuck = await asyncio.wait(list(running), timeout=SHUTDOWN_GRACE_SECONDS)
            for tick in stuck:
                tick.cancel()

    return context


async def _tick(bot: Application, running: set[asyncio.Task[None]]) -> None:
    current = asyncio.current_task()
    if current is not None:
        running.add(current)
    try:
        await run_due_jobs(bot, bot.clock())
    except asyncio.CancelledError:
        # Shutdown interrupted the tick: its transaction rolled back, the next start redoes it.
        log.info("scheduler tick interrupted by shutdown")
    finally:
        running.discard(current)

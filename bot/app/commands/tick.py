"""`lpo-bot tick [--now ISO]`: run every scheduler job due at that instant, deliver, and exit."""

from __future__ import annotations

import argparse
import sys
from functools import partial

from bot.app.bootstrap import bootstrap, platform_notifiers
from bot.app.commands._shared import run_on_database
from bot.clock import ManualClock, parse_instant
from bot.scheduler import run_due_jobs
from bot.settings import Settings
from storage.db import Database


async def _tick(args: argparse.Namespace, settings: Settings, database: Database) -> int:
    clock = ManualClock(parse_instant(args.now))
    bot = bootstrap(settings, notifiers=platform_notifiers(settings, out=sys.stdout), clock=clock,
                    database=database)
    done = await run_due_jobs(bot.application, clock())
    delivered = await bot.dispatcher.drain()
    summary = ", ".join(f"{name} {count}" for name, count in done.items())
    print(f"tick at {clock().isoformat()}: {summary}; delivered {delivered}")
    return 1 if any(count < 0 for count in done.values()) else 0


def run(args: argparse.Namespace, settings: Settings) -> int:
    return run_on_database(settings, partial(_tick, args, settings))

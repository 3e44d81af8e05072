"""`lpo-bot digest [--now ISO] [--post]`: print today's digest, or send it now."""

from __future__ import annotations

import argparse
import sys
from functools import partial

from bot.app.bootstrap import Bot, bootstrap, platform_notifiers
from bot.app.commands._shared import run_on_database
from bot.clock import ManualClock, parse_instant
from bot.settings import Settings
from storage.db import Database


async def _digest(args: argparse.Namespace, settings: Settings, database: Database) -> int:
    clock = ManualClock(parse_instant(args.now))
    bot = bootstrap(settings, notifiers=platform_notifiers(settings, out=sys.stdout), clock=clock,
                    database=database)
    if args.post:
        await _post(bot, clock)
    else:
        print((await bot.application.queries.firm_digest()).as_text())
    return 0


async def _post(bot: Bot, clock: ManualClock) -> None:
    """Send today's digest unless it went out already (by the scheduler or an earlier --post)."""
    sent = await bot.application.digest.send(clock(), force=True)
    delivered = await bot.dispatcher.drain()
    if not sent:
        print("Today's digest was already sent.")
    else:
        print(f"Digest sent: {sent} messages queued, {delivered} delivered.")


def run(args: argparse.Namespace, settings: Settings) -> int:
    return run_on_database(settings, partial(_digest, args, settings))

"""`lpo-bot digest [--now ISO] [--post]`: print today's digest, or send it now."""

from __future__ import annotations

import argparse
import sys
from functools import partial

from bot.bootstrap import Bot, bootstrap, platform_notifiers
from bot.clock import ManualClock, parse_instant
from bot.commands._shared import run_on_database
from bot.digest import Scope, build_digest
from bot.scheduler import send_digest
from bot.settings import Settings
from matching.calendar import is_first_business_day_of_week
from storage.db import Database


async def _digest(args: argparse.Namespace, settings: Settings, database: Database) -> int:
    clock = ManualClock(parse_instant(args.now))
    bot = bootstrap(settings, notifiers=platform_notifiers(settings, out=sys.stdout), clock=clock,
                    database=database)
    if args.post:
        await _post(bot, clock)
    else:
        await _preview(bot, clock)
    return 0


async def _post(bot: Bot, clock: ManualClock) -> None:
    """Send today's digest unless it went out already (by the scheduler or an earlier --post)."""
    sent = await send_digest(bot.services, clock(), force=True)
    delivered = await bot.dispatcher.drain()
    if not sent:
        print("Today's digest was already sent.")
    else:
        print(f"Digest sent: {sent} messages queued, {delivered} delivered.")


async def _preview(bot: Bot, clock: ManualClock) -> None:
    """The firm-wide digest, as the channel would get it; nothing is sent or recorded."""
    zone = bot.settings.zone
    async with bot.database.transaction() as session:
        snap = await bot.services.snapshot(session)
        message = await build_digest(
            session, firm=snap.firm, now=clock(), zone=zone,
            scope=Scope(title="the firm", staff_ids=None), type_names=bot.services.type_names,
            weekly=is_first_business_day_of_week(clock().astimezone(zone).date()))
    print(message.as_text())


def run(args: argparse.Namespace, settings: Settings) -> int:
    return run_on_database(settings, partial(_digest, args, settings))

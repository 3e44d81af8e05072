"""`lpo-bot digest [--now ISO] [--post]`: print today's digest, or send it now."""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.bootstrap import bootstrap, platform_notifiers
from bot.clock import ManualClock, parse_instant
from bot.digest import Scope, build_digest
from bot.scheduler import send_digest
from bot.settings import Settings
from matching.calendar import is_first_business_day_of_week


async def _digest(args: argparse.Namespace, settings: Settings) -> int:
    clock = ManualClock(parse_instant(args.now))
    bot = bootstrap(settings, notifiers=platform_notifiers(settings, out=sys.stdout), clock=clock)
    try:
        if args.post:
            sent = await send_digest(bot.services, clock(), force=True)
            delivered = await bot.dispatcher.drain()
            if not sent:
                print("Today's digest was already sent.")
            else:
                print(f"Digest sent: {sent} messages queued, {delivered} delivered.")
            return 0
        async with bot.database.transaction() as session:
            snap = await bot.services.snapshot(session)
            message = await build_digest(session, firm=snap.firm, now=clock(),
                                         zone=settings.zone,
                                         scope=Scope(title="the firm", staff_ids=None),
                                         weekly=is_first_business_day_of_week(
                                             clock().astimezone(settings.zone).date()))
        print(message.as_text())
        return 0
    finally:
        await bot.close()


def run(args: argparse.Namespace, settings: Settings) -> int:
    return asyncio.run(_digest(args, settings))

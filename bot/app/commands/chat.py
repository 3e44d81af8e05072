"""`lpo-bot chat --as EMAIL`: play the whole flow in the terminal (console adapter)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from adapters.console.notifier import ConsoleNotifier
from adapters.console.repl import ConsoleSession, run_console
from bot.app.bootstrap import bootstrap
from bot.app.commands import fail
from bot.clock import ManualClock, parse_instant, system_clock
from bot.settings import Settings, SettingsError


async def _chat(args: argparse.Namespace, settings: Settings) -> int:
    clock = ManualClock(parse_instant(args.now)) if args.now else system_clock
    bot = bootstrap(settings, notifiers=[ConsoleNotifier(sys.stdout)], clock=clock)
    try:
        session = ConsoleSession(bot.application, bot.dispatcher.drain, email=args.as_email,
                                 out=sys.stdout)
        return await run_console(session, sys.stdin)
    finally:
        await bot.close()


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        return asyncio.run(_chat(args, settings))
    except SettingsError as error:
        return fail(str(error))

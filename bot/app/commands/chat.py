"""`lpo-bot chat --as EMAIL`: play the whole flow in the terminal (console adapter)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from adapters.console.notifier import ConsoleNotifier
from adapters.console.repl import ConsoleSession, run_console
from bot.app.bootstrap import bootstrap
from bot.app.commands import fail
from bot.app.commands._shared import ready_database
from bot.clock import ManualClock, parse_instant, system_clock
from bot.replies import Actor
from bot.settings import Settings, SettingsError


async def _chat(args: argparse.Namespace, settings: Settings) -> int:
    clock = ManualClock(parse_instant(args.now)) if args.now else system_clock
    email = args.as_email.strip().lower()
    async with ready_database(settings) as database:
        bot = bootstrap(settings, notifiers=[ConsoleNotifier(sys.stdout)], clock=clock,
                        database=database)
        if await bot.application.queries.whoami(Actor(email=email)) is None:
            return fail(f"{email} is not on the roster (see `lpo-bot roster list`)")
        session = ConsoleSession(bot.application, bot.dispatcher.drain, email=email,
                                 out=sys.stdout)
        return await run_console(session, sys.stdin)


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        return asyncio.run(_chat(args, settings))
    except SettingsError as error:
        return fail(str(error))

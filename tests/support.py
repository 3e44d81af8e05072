"""Test helpers: a wired bot on a test database with a manual clock and a console notifier."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from zoneinfo import ZoneInfo

from adapters.console.notifier import ConsoleNotifier
from adapters.console.repl import ConsoleSession
from bot.app.bootstrap import Bot, bootstrap
from bot.clock import ManualClock
from bot.outbox import Notifier
from bot.sample import load_sample_firm
from bot.settings import Settings

NEW_YORK = ZoneInfo("America/New_York")
# A Tuesday morning, well clear of holidays.
TUESDAY_MORNING = datetime(2027, 3, 2, 10, 0, tzinfo=NEW_YORK)


def settings_for(database_url: str, **overrides: object) -> Settings:
    values = {"LPO_DATABASE_URL": database_url, "LPO_DIGEST_CHANNEL": None, **overrides}
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


@asynccontextmanager
async def sample_bot(database_url: str, *, start: datetime = TUESDAY_MORNING,
                     notifiers: list[Notifier] | None = None, **overrides: object
                     ) -> AsyncIterator[tuple[Bot, ManualClock, io.StringIO]]:
    """The sample firm on a fresh database, a clock stopped at `start`, DMs into a buffer."""
    out = io.StringIO()
    settings = settings_for(database_url, **overrides)
    clock = ManualClock(start)
    bot = bootstrap(settings, notifiers=notifiers or [ConsoleNotifier(out)], clock=clock)
    await load_sample_firm(bot.database, settings=settings)
    try:
        yield bot, clock, out
    finally:
        await bot.close()


def console(bot: Bot, email: str, out: io.StringIO) -> ConsoleSession:
    return ConsoleSession(bot.application, bot.dispatcher.drain, email=email, out=out)


async def play(session: ConsoleSession, *lines: str) -> str:
    """Run console lines; return what was printed meanwhile."""
    start = session.out.tell()
    for line in lines:
        session.say(f"> {line}")
        await session.handle(line)
    session.out.seek(start)
    text = session.out.read()
    session.out.seek(0, io.SEEK_END)
    return text

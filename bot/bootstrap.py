"""Composition root: wires settings, database, services, notifiers and workers together."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TextIO

from aiohttp import web

from adapters.console.notifier import ConsoleNotifier
from adapters.slack.server import mount_slack, slack_notifier
from adapters.teams.app import mount_teams
from bot.catalogue import load_taxonomy
from bot.clock import Clock, system_clock
from bot.conversations import ConversationBook
from bot.outbox import Dispatcher, Notifier
from bot.scheduler import scheduler_context
from bot.server import init_app
from bot.services import Services
from bot.settings import Settings
from storage.db import Database

log = logging.getLogger(__name__)

DISPATCHER_GRACE_SECONDS = 10
SERVICES_KEY = web.AppKey("services", Services)
DISPATCHER_KEY = web.AppKey("dispatcher", Dispatcher)


@dataclass
class Bot:
    """Everything a front end needs: the services and the dispatcher that delivers for them."""

    settings: Settings
    database: Database
    services: Services
    dispatcher: Dispatcher

    async def close(self) -> None:
        await self.database.dispose()


def platform_notifiers(settings: Settings, *, out: TextIO | None = None) -> list[Notifier]:
    """The chat platforms these settings enable; with none, print to `out` (console)."""
    notifiers: list[Notifier] = []
    slack = slack_notifier(settings)  # Slack (issue 5)
    if slack:
        notifiers.append(slack)
    if not notifiers and out is not None:
        notifiers.append(ConsoleNotifier(out))
    return notifiers


def bootstrap(settings: Settings, *, notifiers: list[Notifier], clock: Clock = system_clock,
              database: Database | None = None) -> Bot:
    """Wire one bot; adapters pass the notifiers they deliver through."""
    database = database or Database(settings.database_url)
    dispatcher = Dispatcher(database, notifiers, clock=clock)
    services = Services(database, settings, load_taxonomy(settings), clock=clock,
                        wake=dispatcher.wake)
    return Bot(settings=settings, database=database, services=services, dispatcher=dispatcher)


def _dispatcher_context(dispatcher: Dispatcher):  # type: ignore[no-untyped-def]
    async def context(_app: web.Application) -> AsyncIterator[None]:
        worker = asyncio.create_task(dispatcher.run(), name="outbox-dispatcher")
        yield
        dispatcher.stop()  # cancelling mid-delivery would strand a database connection
        _done, stuck = await asyncio.wait([worker], timeout=DISPATCHER_GRACE_SECONDS)
        for task in stuck:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return context


def build_app(settings: Settings, *, clock: Clock = system_clock,
              database: Database | None = None) -> web.Application:
    """The production server for these settings."""
    notifiers = platform_notifiers(settings)
    if not settings.slack_enabled:
        log.info("Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it")
    bot = bootstrap(settings, notifiers=notifiers, clock=clock, database=database)
    app = init_app(settings, database=bot.database)
    mount_teams(app, settings, services=bot.services,
                conversations=ConversationBook(bot.database, clock=clock),
                notifiers=bot.dispatcher.notifiers)
    mount_slack(app, settings, bot.services, notifiers)  # Slack (issue 5): POST /slack/events
    app[SERVICES_KEY] = bot.services
    app[DISPATCHER_KEY] = bot.dispatcher
    app.cleanup_ctx.append(_dispatcher_context(bot.dispatcher))
    app.cleanup_ctx.append(scheduler_context(bot.services))
    return app

"""Composition root: wires settings, database, application, adapters, dispatcher and scheduler."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TextIO

from aiohttp import web

from adapters.console.notifier import ConsoleNotifier
from adapters.dashboard import web as dashboard
from adapters.slack import server as slack
from adapters.teams import app as teams
from bot.app.server import init_app
from bot.application import Application, build_application
from bot.catalogue import load_taxonomy
from bot.clock import Clock, system_clock
from bot.outbox import Dispatcher, Notifier
from bot.request_model import model_for
from bot.scheduler import scheduler_context
from bot.settings import Settings
from storage.db import Database

log = logging.getLogger(__name__)

DISPATCHER_GRACE_SECONDS = 10
APPLICATION_KEY = web.AppKey("application", Application)
DISPATCHER_KEY = web.AppKey("dispatcher", Dispatcher)

Mount = Callable[[web.Application, Application], Notifier | None]
# Slack first: someone reachable on both platforms is messaged in Slack.
MOUNTS: tuple[Mount, ...] = (slack.mount, teams.mount, dashboard.mount)


@dataclass
class Bot:
    """Everything a front end needs: the application and the dispatcher that delivers for it."""

    settings: Settings
    database: Database
    application: Application
    dispatcher: Dispatcher

    async def close(self) -> None:
        await self.database.dispose()


def platform_notifiers(settings: Settings, *, out: TextIO | None = None) -> list[Notifier]:
    """How a command-line job delivers: Slack when enabled, else print to `out` (console)."""
    notifier = slack.slack_notifier(settings)
    if notifier is not None:
        return [notifier]
    return [ConsoleNotifier(out)] if out is not None else []


def bootstrap(settings: Settings, *, notifiers: Sequence[Notifier] = (),
              clock: Clock = system_clock, database: Database | None = None,
              attach: Callable[[Application], Iterable[Notifier | None]] = lambda _bot: ()
              ) -> Bot:
    """Wire one bot: `notifiers` deliver its messages, as do those the `attach`ed adapters
    return once they hold the application."""
    database = database or Database(settings.database_url)
    doorbell = asyncio.Event()  # set after each commit; the dispatcher waits on it
    taxonomy = load_taxonomy(settings)
    # Trained once here, on the catalogue and the shipped firms; the scheduler's first tick
    # refits it with the firm's own examples once a training of them was recorded.
    application = build_application(database, settings, taxonomy,
                                    model=model_for(taxonomy, clock=clock), clock=clock,
                                    wake=doorbell.set)
    attached = [notifier for notifier in attach(application) if notifier is not None]
    dispatcher = Dispatcher(database, [*notifiers, *attached], clock=clock, wakeup=doorbell)
    return Bot(settings=settings, database=database, application=application,
               dispatcher=dispatcher)


def _dispatcher_context(dispatcher: Dispatcher) -> Callable[[web.Application],
                                                             AsyncIterator[None]]:
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
    """The production server for these settings: each adapter mounted, delivering for itself."""
    database = database or Database(settings.database_url)
    app = init_app(settings, database=database)
    bot = bootstrap(settings, clock=clock, database=database,
                    attach=lambda application: [mount(app, application) for mount in MOUNTS])
    app[APPLICATION_KEY] = bot.application
    app[DISPATCHER_KEY] = bot.dispatcher
    app.cleanup_ctx.append(_dispatcher_context(bot.dispatcher))
    app.cleanup_ctx.append(scheduler_context(bot.application))
    return app

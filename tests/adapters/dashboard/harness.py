"""The dashboard on a seeded firm, served in-process with a stopped clock, and how to sign in."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from adapters.dashboard.web import mount
from bot.app.bootstrap import bootstrap
from bot.app.server import connection_options, init_app
from bot.application import Application
from bot.clock import ManualClock
from bot.replies import Actor
from tests.dashboard_support import NOW, Seeded, seeded_firm


@dataclass
class Served:
    client: TestClient
    application: Application
    clock: ManualClock
    seeded: Seeded

    async def link(self, email: str) -> str:
        """The sign-in link the bot answers `/lpo dashboard` with, as a path and query."""
        reply = await self.application.dashboard.link_for(Actor(email=email))
        assert reply.ok, reply.message.title
        url = next(fact.value for fact in reply.message.facts if fact.label == "Link")
        parts = urlsplit(url)
        return f"{parts.path}?{parts.query}"

    async def sign_in(self, email: str) -> None:
        response = await self.client.get(await self.link(email), allow_redirects=False)
        assert response.status == 303, await response.text()


@asynccontextmanager
async def served(database_url: str, *, tasks: int = 300, **overrides: object
                 ) -> AsyncIterator[Served]:
    """The dashboard mounted on the bot's server, as `lpo-bot serve` mounts it."""
    async with seeded_firm(database_url, tasks=tasks, **overrides) as seeded:
        clock = ManualClock(NOW)
        bot = bootstrap(seeded.settings, clock=clock, database=seeded.database)
        app: web.Application = init_app(seeded.settings, database=seeded.database)
        mount(app, bot.application)
        server = TestServer(app)
        # The connection options `lpo-bot serve` runs with (its access log among them).
        await server.start_server(**connection_options(seeded.settings))
        async with TestClient(server) as client:
            yield Served(client=client, application=bot.application, clock=clock,
                         seeded=seeded)

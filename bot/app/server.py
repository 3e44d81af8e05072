"""The aiohttp application: health, metrics, and the chat platform endpoints."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.settings import Settings
from storage.db import Database

log = logging.getLogger(__name__)

DB_KEY = web.AppKey("db", Database)
SETTINGS_KEY = web.AppKey("settings", Settings)

CleanupContext = Callable[[web.Application], AsyncIterator[None]]


async def healthz(request: web.Request) -> web.Response:
    database_up = await request.app[DB_KEY].ping()
    body = {"status": "ok" if database_up else "degraded",
            "database": "ok" if database_up else "unreachable"}
    return web.json_response(body, status=200 if database_up else 503)


async def metrics(_request: web.Request) -> web.Response:
    response = web.Response(body=generate_latest())
    response.content_type = CONTENT_TYPE_LATEST.split(";")[0]
    response.charset = "utf-8"
    return response


def _database_context(database: Database) -> CleanupContext:
    async def context(_app: web.Application) -> AsyncIterator[None]:
        yield
        await database.dispose()

    return context


def init_app(settings: Settings, *, database: Database | None = None,
             extra: tuple[Callable[[web.Application], Any], ...] = ()) -> web.Application:
    """Build the server; `extra` hooks mount adapters and background workers."""
    app = web.Application(client_max_size=1024 * 1024)
    app[SETTINGS_KEY] = settings
    app[DB_KEY] = database or Database(settings.database_url)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    app.cleanup_ctx.append(_database_context(app[DB_KEY]))
    for mount in extra:
        mount(app)
    return app

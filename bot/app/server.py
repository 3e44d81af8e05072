"""The aiohttp application: health, metrics, privacy and terms, and the chat platform endpoints."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any, TypedDict

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.typedefs import Handler, Middleware
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.app.pages import add_pages
from bot.settings import Settings
from storage.db import Database

log = logging.getLogger(__name__)

DB_KEY = web.AppKey("db", Database)
SETTINGS_KEY = web.AppKey("settings", Settings)

MAX_BODY_BYTES = 1024 * 1024
LINGER_SECONDS = 10.0  # aiohttp's default for draining a body its handler did not read

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


class MalformedRequestsInBrief(logging.Filter):
    """aiohttp logs every malformed request (a 400: a header over 8 KiB, bad framing) at ERROR
    with a traceback quoting the offending bytes; one INFO line with the status is enough."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, HttpProcessingError) and error.code < 500:
            record.msg, record.args = "refused a malformed request: %d %s", (
                error.code, type(error).__name__)
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.INFO, logging.getLevelName(logging.INFO)
        return True


def _brief_malformed_requests() -> None:
    server_logger = logging.getLogger("aiohttp.server")
    if not any(isinstance(f, MalformedRequestsInBrief) for f in server_logger.filters):
        server_logger.addFilter(MalformedRequestsInBrief())


class PathOnlyAccessLogger(AbstractAccessLogger):
    """One line per request without its query string: a dashboard sign-in link carries its
    token there, and aiohttp's default line ("%r") would write it to the log."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info('%s "%s %s" %d %d %.1fms', request.remote, request.method,
                         request.path, response.status, response.body_length, time * 1000)


class ConnectionOptions(TypedDict):
    keepalive_timeout: float
    lingering_time: float
    access_log_class: type[AbstractAccessLogger]


def connection_options(settings: Settings) -> ConnectionOptions:
    """aiohttp's per-connection limits (keywords of web.run_app and web.AppRunner).

    keepalive_timeout: aiohttp closes a connection that has not delivered a request's headers
    this long after it opened or after its previous answer (also how long an idle connection
    is kept). lingering_time: after an answer sent before the body was read, how long to
    drain the rest; never longer than a body may take. access_log_class: request lines
    without query strings.
    """
    return ConnectionOptions(keepalive_timeout=settings.header_timeout_seconds,
                             lingering_time=min(LINGER_SECONDS, settings.body_timeout_seconds),
                             access_log_class=PathOnlyAccessLogger)


def body_deadline(seconds: float) -> Middleware:
    """Middleware: the whole body must arrive within `seconds`, else 408 (aiohttp then closes
    a connection whose body was not read). Read once here, aiohttp keeps the body for the
    handler's read(), text() and json()."""

    @web.middleware
    async def read_body_in_time(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.body_exists:
            try:
                async with asyncio.timeout(seconds):
                    await request.read()
            except TimeoutError:
                log.info("dropped a request: its body took over %gs to arrive", seconds)
                raise web.HTTPRequestTimeout(text="The request body arrived too slowly.") from None
        return await handler(request)

    return read_body_in_time


def _database_context(database: Database) -> CleanupContext:
    async def context(_app: web.Application) -> AsyncIterator[None]:
        yield
        await database.dispose()

    return context


def init_app(settings: Settings, *, database: Database | None = None,
             extra: tuple[Callable[[web.Application], Any], ...] = ()) -> web.Application:
    """Build the server; `extra` hooks mount adapters and background workers."""
    app = web.Application(client_max_size=MAX_BODY_BYTES,
                          middlewares=[body_deadline(settings.body_timeout_seconds)])
    _brief_malformed_requests()
    app[SETTINGS_KEY] = settings
    app[DB_KEY] = database or Database(settings.database_url)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    add_pages(app)
    app.cleanup_ctx.append(_database_context(app[DB_KEY]))
    for mount in extra:
        mount(app)
    return app

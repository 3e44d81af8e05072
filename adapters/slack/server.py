"""Slack on our aiohttp server: POST /slack/events through Bolt, the shared client, Socket Mode."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from urllib.parse import parse_qsl

import aiohttp
from aiohttp import web
from pydantic import SecretStr
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.payloads import nested_too_deep
from adapters.slack.app import add_listeners, build_bolt_app
from adapters.slack.context import SlackContext
from adapters.slack.errors import describe, error_code
from adapters.slack.identity import SlackIdentity
from adapters.slack.logs import sdk_logger
from adapters.slack.notifier import PERMANENT_ERRORS, SlackNotifier
from bot import metrics
from bot.application import Application
from bot.settings import Settings

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
API_TIMEOUT_SECONDS = 10
SOCKET_RETRY_MAX_SECONDS = 60.0
SIGNATURE_MAX_AGE_SECONDS = 300  # Slack's replay window, as Bolt applies it

Lifetime = Callable[[web.Application], AsyncIterator[None]]
Handler = Callable[[web.Request], Awaitable[web.Response]]


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value else None


def slack_client(settings: Settings) -> AsyncWebClient:
    """The Web API client: SLACK_BOT_TOKEN, at SLACK_API_URL (tests, corporate proxies)."""
    return for_our_api(AsyncWebClient(token=_secret(settings.slack_bot_token),
                                      logger=sdk_logger()), settings)


def for_our_api(client: AsyncWebClient, settings: Settings) -> AsyncWebClient:
    """The client, calling SLACK_API_URL and giving up on a call after API_TIMEOUT_SECONDS."""
    client.base_url = settings.slack_api_base
    client.timeout = API_TIMEOUT_SECONDS
    return client


def slack_notifier(settings: Settings) -> SlackNotifier | None:
    """The outbox's way to Slack, when these settings enable Slack."""
    return SlackNotifier(slack_client(settings)) if settings.slack_enabled else None


def mount(app: web.Application, bot: Application) -> SlackNotifier | None:
    """Route /slack/events to Bolt; the notifier returned shares Bolt's client.

    Without Slack settings the route says "off" and there is nothing to deliver through.
    """
    settings = bot.settings
    bot_token = _secret(settings.slack_bot_token)
    if not (settings.slack_enabled and bot_token):
        log.info("Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it")
        app.router.add_post(EVENTS_PATH, _off("Slack is off on this server: set SLACK_BOT_TOKEN "
                                              "and SLACK_SIGNING_SECRET to enable it."))
        return None
    bolt = build_bolt_app(bot_token)
    client = for_our_api(bolt.client, settings)
    ctx = SlackContext(bot=bot, client=client, identity=SlackIdentity(client))
    add_listeners(bolt, ctx)
    secret = _secret(settings.slack_signing_secret)
    # The HTTP session opens first and closes last (after the dispatcher's last delivery);
    # follow-ups finish while the database is still open.
    app.cleanup_ctx.insert(0, _client_session(client))
    app.cleanup_ctx.append(_follow_ups(ctx))
    if secret:
        app.router.add_post(EVENTS_PATH, events_endpoint(bolt, secret))
    else:
        app.router.add_post(EVENTS_PATH, _off("This server talks to Slack over Socket Mode; "
                                              "set SLACK_SIGNING_SECRET to accept HTTP too."))
    app_token = _secret(settings.slack_app_token)
    if app_token:
        app.cleanup_ctx.append(socket_mode(bolt, app_token))
    log.info("Slack is on: %s%s", EVENTS_PATH if secret else "no HTTP endpoint",
             ", Socket Mode" if app_token else "")
    return SlackNotifier(client)


def events_endpoint(bolt: AsyncApp, signing_secret: str) -> Handler:
    """POST /slack/events: commands, interactivity and events on one URL.

    The signature is checked here, before anything in the body is parsed or logged (Bolt's
    own check is off: it logs every refused body); then the body must be readable JSON or
    form data of sane depth, and Bolt routes it.
    """

    async def handle(request: web.Request) -> web.Response:
        response = await _answer(request)
        metrics.REQUESTS.labels(EVENTS_PATH, str(response.status)).inc()
        return response

    async def _answer(request: web.Request) -> web.Response:
        body = await request.read()
        if not signed_by_slack(body, request.headers, signing_secret):
            log.info("refused a request on %s: no valid Slack signature", EVENTS_PATH)
            return web.Response(status=401, text="invalid request")
        if _too_deep(body, request.content_type):
            return web.Response(status=400, text="That request body is nested too deeply.")
        try:
            bolt_request = await to_bolt_request(request)
        except (ValueError, AttributeError, TypeError, LookupError):  # a body Bolt can't parse
            return web.Response(status=400, text="That request body could not be read.")
        return await to_aiohttp_response(await bolt.async_dispatch(bolt_request))

    return handle


def _too_deep(body: bytes, content_type: str) -> bool:
    """Whether the JSON Bolt would parse (the body, or its `payload=` field) nests too deep."""
    text = body.decode("utf-8", errors="replace")
    if content_type == "application/json" or text.startswith("{"):
        return nested_too_deep(text)
    return any(nested_too_deep(value) for key, value in parse_qsl(text) if key == "payload")


def signed_by_slack(body: bytes, headers: Mapping[str, str], signing_secret: str) -> bool:
    """Slack's v0 signature over the raw bytes (slack_sdk's verifier wants UTF-8 text).

    A missing, non-numeric or stale timestamp fails here rather than in int() further on.
    """
    stamp = headers.get("X-Slack-Request-Timestamp", "")
    if not (stamp.isascii() and stamp.isdigit()):
        return False
    if abs(time.time() - int(stamp)) > SIGNATURE_MAX_AGE_SECONDS:
        return False
    digest = hmac.new(signing_secret.encode(), b"v0:" + stamp.encode() + b":" + body,
                      hashlib.sha256).hexdigest()
    return hmac.compare_digest(f"v0={digest}", headers.get("X-Slack-Signature", ""))


def _off(reason: str) -> Handler:
    async def handle(_request: web.Request) -> web.Response:
        return web.json_response({"ok": False, "error": reason}, status=503)

    return handle


def _client_session(client: AsyncWebClient) -> Lifetime:
    """One pooled HTTP session for every Slack call (the client opens one per call without)."""

    async def lifetime(_app: web.Application) -> AsyncIterator[None]:
        session = aiohttp.ClientSession()
        client.session = session
        yield
        client.session = None
        await session.close()

    return lifetime


def _follow_ups(ctx: SlackContext) -> Lifetime:
    async def lifetime(_app: web.Application) -> AsyncIterator[None]:
        yield
        await ctx.background.close()

    return lifetime


def socket_mode(bolt: AsyncApp, app_token: str) -> Lifetime:
    """Socket Mode for firms without a public URL; connecting never blocks the server's start."""

    async def lifetime(_app: web.Application) -> AsyncIterator[None]:
        handler = AsyncSocketModeHandler(bolt, app_token, logger=sdk_logger())
        connecting = asyncio.create_task(_connect(handler), name="slack-socket-mode")
        yield
        connecting.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await connecting
        await handler.close_async()

    return lifetime


async def _connect(handler: AsyncSocketModeHandler) -> None:
    """Connect, retrying with backoff on outages; give up only when the token is refused."""
    delay = 1.0
    while True:
        try:
            await handler.connect_async()
        except SlackApiError as error:
            if error_code(error) in PERMANENT_ERRORS:
                log.error("Slack Socket Mode is off: the app token was refused (%s)",
                          describe(error))
                return
            failure = describe(error)
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            failure = describe(error)
        else:
            log.info("Slack Socket Mode connected")
            return
        log.warning("Slack Socket Mode could not connect (%s); retrying in %.0fs", failure, delay)
        await asyncio.sleep(delay)
        delay = min(delay * 2, SOCKET_RETRY_MAX_SECONDS)

"""`POST /api/messages`: parse, authenticate and process one activity; never a 500 for bad input."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

import jwt
from aiohttp import ClientError, web
from botbuilder.core import ActivityHandler, InvokeResponse
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity
from msrest.exceptions import ClientException
from msrest.serialization import Model

log = logging.getLogger(__name__)


def refusal(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


def _activity_of(body: Any) -> Activity | str:
    """The activity, or why the body isn't one."""
    if not isinstance(body, dict):
        return "the body must be a JSON object (a Bot Framework activity)"
    try:
        activity = Activity().deserialize(body)
    except (ClientException, ValueError, TypeError, AttributeError, KeyError):
        return "the body is not a Bot Framework activity"
    if not activity.type:
        return "the activity has no type"
    if urlsplit(activity.service_url or "").scheme not in ("http", "https"):
        return "the activity has no valid serviceUrl"
    if activity.conversation is None or not activity.conversation.id:
        return "the activity has no conversation"
    return activity


def _invoke_response(invoke: InvokeResponse) -> web.Response:
    # The stock CloudAdapter.process serialises the body a second time and answers 500 for
    # any invoke that returns one; bodies here are plain JSON already (or a schema Model).
    body = invoke.body.serialize() if isinstance(invoke.body, Model) else invoke.body
    if body is None:
        return web.Response(status=invoke.status)
    return web.json_response(body, status=invoke.status)


class MessagesEndpoint:
    """The Bot Framework messaging endpoint, in front of the CloudAdapter."""

    def __init__(self, adapter: CloudAdapter, bot: ActivityHandler) -> None:
        self.adapter = adapter
        self.bot = bot

    async def handle(self, request: web.Request) -> web.Response:
        if request.content_type != "application/json":
            return refusal(415, "send the activity as application/json")
        try:
            body = await request.json()
        except (ValueError, UnicodeDecodeError):
            return refusal(400, "the body is not valid JSON")
        activity = _activity_of(body)
        if isinstance(activity, str):
            return refusal(400, activity)
        try:
            authenticated = await self.adapter.bot_framework_authentication.authenticate_request(
                activity, request.headers.get("Authorization", ""))
        except (PermissionError, jwt.PyJWTError) as error:
            # The stock adapter lets a malformed token's DecodeError escape as a 500.
            log.info("refused an activity on /api/messages: %s", type(error).__name__)
            return refusal(401, "missing or invalid Authorization token")
        except (ClientError, OSError, TimeoutError) as error:
            log.warning("could not check a Bot Framework token: %s", error)
            return refusal(503, "the token could not be checked right now; try again")
        invoke = await self.adapter.process_activity(authenticated, activity, self.bot.on_turn)
        return _invoke_response(invoke) if invoke else web.Response(status=200)


async def refuse_all(_request: web.Request) -> web.Response:
    """Teams is not configured: without an app id nothing proves who is calling."""
    return refusal(401, "Microsoft Teams is not configured on this server "
                        "(MICROSOFT_APP_ID is not set)")

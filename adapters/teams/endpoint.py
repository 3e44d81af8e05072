"""`POST /api/messages`: parse, authenticate and process one activity; never a 500 for bad input."""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import urlsplit

import jwt
from aiohttp import ClientError, web
from botbuilder.core import ActivityHandler, InvokeResponse
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticationConstants
from msrest.exceptions import ClientException
from msrest.serialization import Model

from adapters.payloads import nested_too_deep

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
        body = await _json_body(request)
        if isinstance(body, web.Response):
            return body
        activity = _activity_of(body)
        if isinstance(activity, str):
            return refusal(400, activity)
        authorization = request.headers.get("Authorization", "")
        # An empty header is botbuilder's to judge: refused, unless auth is off (emulator).
        flaw = token_flaw(authorization) if authorization else None
        if flaw:
            log.info("refused an activity on %s: %s", request.path, flaw)
            return refusal(401, "missing or invalid Authorization token")
        try:
            authenticated = await self.adapter.bot_framework_authentication.authenticate_request(
                activity, authorization)
        except (PermissionError, jwt.PyJWTError, IndexError) as error:
            # PermissionError: claims refused (before OSError: it is one); PyJWTError: bad
            # signature or expired; IndexError: a key id Microsoft does not publish.
            return _unauthorized(error, request.path)
        except (ClientError, OSError, TimeoutError) as error:  # requests' errors are OSErrors
            log.warning("could not check a Bot Framework token: %s", type(error).__name__)
            return refusal(503, "the token could not be checked right now; try again")
        except Exception as error:
            if type(error) is not Exception:
                raise
            # botbuilder's bare Exception: an unendorsed key or an algorithm it refuses.
            return _unauthorized(error, request.path)
        invoke = await self.adapter.process_activity(authenticated, activity, self.bot.on_turn)
        return _invoke_response(invoke) if invoke else web.Response(status=200)


async def _json_body(request: web.Request) -> Any | web.Response:
    """The parsed body, or the 400 that says why it isn't JSON (too deep is never parsed)."""
    try:
        text = (await request.read()).decode("utf-8")  # JSON is UTF-8 (RFC 8259)
    except UnicodeDecodeError:
        return refusal(400, "the body is not valid JSON")
    if nested_too_deep(text):
        return refusal(400, "the body is nested too deeply")
    try:
        return json.loads(text)
    except ValueError:
        return refusal(400, "the body is not valid JSON")


def token_flaw(authorization: str) -> str | None:
    """Why this Authorization header is refused on its face, or None: then only a check
    against Microsoft's signing keys can tell. Refusing here never waits for those keys."""
    scheme, _, token = authorization.partition(" ")
    if scheme != "Bearer" or not token:
        return "not a bearer token"
    try:
        header = jwt.get_unverified_header(token)
        jwt.decode(token, options={"verify_signature": False})  # the claims must parse too
    except (jwt.PyJWTError, RecursionError):  # RecursionError: JSON nested in the token
        return "a malformed token"
    if header.get("alg") not in AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS:
        return "a token signed with an algorithm Bot Framework does not use"
    if not isinstance(header.get("kid"), str) or not header["kid"]:
        return "a token without a key id"
    return None


def _unauthorized(error: Exception, path: str) -> web.Response:
    log.info("refused an activity on %s: %s", path, type(error).__name__)
    return refusal(401, "missing or invalid Authorization token")


async def refuse_all(_request: web.Request) -> web.Response:
    """Teams is not configured: without an app id nothing proves who is calling."""
    return refusal(401, "Microsoft Teams is not configured on this server "
                        "(MICROSOFT_APP_ID is not set)")

"""The Bolt AsyncApp: verification and routing by Bolt, our listeners, a polite error answer."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.response import BoltResponse

from adapters.slack.commands import Commands
from adapters.slack.context import SlackContext, ephemeral
from adapters.slack.direct import DirectMessages
from adapters.slack.home import Home
from adapters.slack.interactions import Interactions
from adapters.slack.logs import sdk_logger
from adapters.slack.modals import result_modal
from bot import views

log = logging.getLogger(__name__)

OOPS = views.plain("Something went wrong on our side.",
                   "Nothing was changed. Please try again in a minute.", kind="error")


def build_bolt_app(bot_token: str) -> AsyncApp:
    """A Bolt app, without listeners, that answers each request only after its listener is done.

    Bolt builds the Web API client from the token (server.mount then points it at
    SLACK_API_URL): handed a client of ours, Bolt would still read SLACK_BOT_TOKEN from the
    environment and warn at every start that the token goes unused.

    Bolt's request verification is off: the HTTP endpoint (server.events_endpoint) checks
    Slack's signature before Bolt sees a request, because Bolt's check logs the whole body
    of every request it refuses; Socket Mode needs no signature.

    process_before_response=True: Bolt's other mode acks from a task it polls every 10 ms,
    a 10 ms floor under every answer (see bench/bench_slack.py). Listeners here do their
    database work inline (a few ms) and push Slack calls to ctx.background, so the ack
    still leaves in well under Slack's 3 seconds.
    """
    return AsyncApp(token=bot_token, request_verification_enabled=False,
                    process_before_response=True, logger=sdk_logger(),
                    raise_error_for_unhandled_request=False)


def add_listeners(app: AsyncApp, ctx: SlackContext) -> None:
    """Slash commands, clicks and modals, direct messages, the Home tab, the error answer."""
    commands = Commands(ctx)
    commands.register(app)
    Interactions(ctx, commands).register(app)
    DirectMessages(ctx, commands).register(app)
    Home(ctx).register(app)
    app.error(answer_error)


async def answer_error(error: Exception, body: dict[str, Any]) -> BoltResponse:
    """A listener crashed: log it, and answer the person instead of letting Slack say "failed"."""
    log.error("Slack listener failed on a %s request", body.get("type") or "command",
              exc_info=error)
    if body.get("type") == "view_submission":
        return _json({"response_action": "update", "view": result_modal(OOPS)})
    if body.get("command"):
        return _json(ephemeral(OOPS))
    return BoltResponse(status=200, body="")


def _json(payload: dict[str, Any]) -> BoltResponse:
    return BoltResponse(status=200, body=json.dumps(payload),
                        headers={"content-type": "application/json"})

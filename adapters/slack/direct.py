"""Direct messages: the Messages tab takes the typed commands Teams does (delegate, tasks, away...)."""

from __future__ import annotations

import logging
import secrets
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.errors import SlackApiError

from adapters.cache import TtlCache
from adapters.commands import parse_command
from adapters.slack.blocks import button, message_blocks, message_payload, task_list_blocks
from adapters.slack.commands import MAX_TEXT, TOO_LONG, Commands
from adapters.slack.context import SEARCH_TTL, SlackContext
from adapters.slack.errors import describe
from adapters.slack.modals import confirmation_modal
from bot import views
from bot.messages import Message
from bot.replies import Confirmation, Reply

log = logging.getLogger(__name__)

CHECK_DETAILS_ACTION = "lpo_dm_check_details"
# Slack retries an unanswered event three times within about five minutes.
ANSWERED_TTL = 3600.0
HELP = Message(
    title="Type a command here, as after /lpo:",
    lines=(
        "delegate draft demand letter for 2027-0302 by Friday",
        "tasks: your offers, your work, and what you delegated",
        "away until Dec 2 (or just away), back",
        "digest: (managers) preview today's digest",
        "dashboard: (managers) a private sign-in link to the dashboard",
        "accept 12, decline 12 reason, done 12, approve 12, changes 12 note",
        "cancel 12 [reason], reassign 12 [email]",
        "The slash commands work here too, and the Home tab shows everything at a glance.",
    ),
    kind="help")
EXPIRED = views.plain("Those details are no longer to hand.",
                      "Send the delegate message again.", kind="error")


def typed_by_a_person(event: dict[str, Any]) -> bool:
    """A message someone typed to the bot in its DM: not a bot's (ours included), and not an
    edit, a deletion or any other subtype."""
    return (event.get("channel_type") == "im" and not event.get("subtype")
            and not event.get("bot_id") and bool(event.get("user"))
            and bool(event.get("channel")) and bool(event.get("ts")))


def message_key(event: dict[str, Any]) -> str:
    """One typed message's idempotency key: Slack's retries of the event repeat it."""
    return f"slack:dm:{event['channel']}:{event['ts']}"


class DirectMessages:
    """Answers each message typed in the bot's DM with a message in that DM."""

    def __init__(self, ctx: SlackContext, commands: Commands) -> None:
        self.ctx = ctx
        self.commands = commands
        self.answered: TtlCache[str, bool] = TtlCache(ttl=ANSWERED_TTL)
        # Delegations the parser was unsure of, until their "Check the details" is clicked.
        self.to_check: TtlCache[str, Confirmation] = TtlCache(ttl=SEARCH_TTL, size=2_000)

    def register(self, app: AsyncApp) -> None:
        app.event("message")(self.received)
        app.action(CHECK_DETAILS_ACTION)(self.check_details)

    async def received(self, event: dict[str, Any]) -> None:
        if not typed_by_a_person(event):
            return
        key = message_key(event)
        if self.answered.get(key):  # a retry of a message already answered (or being answered)
            return
        self.answered.put(key, True)
        payload = await self.answer(str(event["user"]), str(event.get("text") or ""), key)
        self.ctx.background.spawn(self.say(str(event["channel"]), payload))

    async def answer(self, user_id: str, text: str, key: str) -> dict[str, Any]:
        """The reply to one typed line, as chat.postMessage's text and blocks."""
        parsed = parse_command(text)
        if parsed.verb == "help":
            return message_payload(HELP)
        if parsed.verb == "delegate":
            return await self.delegate(user_id, parsed.rest, key)
        if parsed.verb == "tasks":
            listing = await self.ctx.identity.act(user_id, self.ctx.bot.queries.my_tasks)
            if isinstance(listing, Reply):
                return message_payload(listing.message)
            return {"text": "Your tasks", "blocks": task_list_blocks(listing)}
        return message_payload(await self.commands.answer(user_id, parsed, key))

    async def delegate(self, user_id: str, text: str, key: str) -> dict[str, Any]:
        if len(text) > MAX_TEXT:
            return message_payload(TOO_LONG)
        reply = await self.ctx.identity.act(user_id, lambda actor: self.ctx.bot.delegation.delegate(
            actor, text, source="slack", event_key=key))
        if reply.status != "needs_confirmation" or reply.confirmation is None:
            return message_payload(reply.message)
        # A message event carries no trigger for a modal: a click on this button does.
        token = secrets.token_urlsafe(12)
        self.to_check.put(token, reply.confirmation)
        check = button("Check the details", CHECK_DETAILS_ACTION, token, "primary")
        return {**message_payload(reply.message),
                "blocks": [*message_blocks(reply.message),
                           {"type": "actions", "elements": [check]}]}

    async def check_details(self, ack: AsyncAck, body: dict[str, Any],
                            action: dict[str, Any]) -> None:
        """Open the confirmation modal; its submission delegates as /delegate's does."""
        await ack()
        confirmation = self.to_check.get(str(action.get("value", "")))
        channel = str((body.get("channel") or {}).get("id", ""))
        if confirmation is None:
            self.ctx.background.spawn(self.say(channel, message_payload(EXPIRED)))
            return
        metadata = {"text": confirmation.text,
                    "search": self.commands.remember_types(confirmation.type_choices)}
        try:
            view = confirmation_modal(confirmation, metadata)
        except ValueError:  # the text with its escapes overflows private_metadata
            self.ctx.background.spawn(self.say(channel, message_payload(TOO_LONG)))
            return
        self.ctx.background.spawn(self.ctx.open_view(str(body.get("trigger_id", "")), view))

    async def say(self, channel: str, payload: dict[str, Any]) -> None:
        try:
            await self.ctx.client.chat_postMessage(channel=channel, **payload)
        except (SlackApiError, aiohttp.ClientError, TimeoutError) as error:
            log.warning("chat.postMessage in a DM failed: %s", describe(error))

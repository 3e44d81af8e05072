"""The Teams bot: text commands, card clicks and installs, answered by the application."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import date, datetime, time
from http import HTTPStatus
from typing import Any
from zoneinfo import ZoneInfo

from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext
from msrest.exceptions import ClientException

from adapters.commands import Command, away_until_text, parse_command, rebalance_request
from adapters.teams.activities import (
    actor_of,
    card_message,
    card_messages,
    event_key,
    personal_conversation,
)
from adapters.teams.cards import (
    CARD_CONTENT_TYPE,
    NO_MATTER,
    PICKED,
    PRIORITIES,
    Card,
    confirmation_card,
    help_card,
    message_card,
    task_list_cards,
)
from adapters.teams.identity import TeamsIdentity
from bot.application import Application
from bot.conversations import ConversationBook
from bot.messages import Message
from bot.reasons import DECLINE_REASONS
from bot.replies import NOT_ON_ROSTER, Actor, Refusal, Reply
from bot.usecases.delegate import Overrides
from bot.views import plain

log = logging.getLogger(__name__)

INVOKE_BUDGET_SECONDS = 4.0  # Teams gives an invoke 5 s; keep a margin for the network
END_OF_DAY = time(17, 0)
MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message"
UNKNOWN_USER = Refusal("invalid", "I can't tell who you are.",
                       "Message me from your Microsoft 365 account in Teams.")

CommandHandler = Callable[[Actor, Command, str], Awaitable[Reply | list[Card]]]
ButtonHandler = Callable[[Actor, int, dict[str, Any], str], Awaitable[Reply]]
# What a typed `decline 12 no capacity` puts where the card's input would have.
TYPED_INPUTS = {"decline": "decline_reason", "changes": "change_note", "cancel": "reason",
                "done": "hours", "hours": "hours", "reassign": PICKED, "wrong": "task_type"}


def _invalid(title: str, body: str = "") -> Reply:
    return Refusal("invalid", title, body).reply()


def _number(value: Any) -> int | None:
    text = str(value or "").strip().lstrip("#")
    return int(text) if text.isdigit() and len(text) < 12 else None


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _hours(data: dict[str, Any]) -> str | None:
    """Hours typed, tapped (`12:0.5`) or entered in the card's number input (a string or a
    number, depending on the Teams client)."""
    value = data.get("hours")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return _text(data, "hours")


def _decline_reason(data: dict[str, Any]) -> str:
    reason = _text(data, "decline_reason") or ""
    note = _text(data, "decline_note")
    if not (reason and note):
        return reason or note or ""
    return f"{DECLINE_REASONS.get(reason, reason)}: {note}"


def _due_at(data: dict[str, Any], zone: str) -> datetime | None:
    """The card's date at the end of that day, or the parsed instant when the date is unchanged."""
    picked = _text(data, "due_date")
    if picked is None:
        return None
    day = date.fromisoformat(picked)
    original = _text(data, "due_at")
    if original:
        parsed = datetime.fromisoformat(original)
        if parsed.tzinfo and parsed.astimezone(ZoneInfo(zone)).date() == day:
            return parsed
    return datetime.combine(day, END_OF_DAY, tzinfo=ZoneInfo(zone))


def _invoke(status: int, kind: str, value: Any) -> InvokeResponse:
    return InvokeResponse(status=status, body={"statusCode": status, "type": kind, "value": value})


class TeamsBot(ActivityHandler):
    """Every inbound activity remembers its 1:1 chat, then runs one command or one click."""

    def __init__(self, bot: Application, conversations: ConversationBook, *,
                 identity: TeamsIdentity | None = None,
                 invoke_budget: float = INVOKE_BUDGET_SECONDS) -> None:
        self.bot = bot
        self.conversations = conversations
        self.identity = identity or TeamsIdentity()
        self.invoke_budget = invoke_budget
        self._late: set[asyncio.Task[Reply]] = set()
        self._commands: dict[str, CommandHandler] = {
            "delegate": self._delegate, "tasks": self._tasks, "away": self._away,
            "back": self._back, "digest": self._digest,
            "dashboard": self._dashboard, "rebalance": self._rebalance,
            **dict.fromkeys(("accept", "decline", "done", "hours", "approve", "changes",
                             "cancel", "reassign", "wrong"), self._typed_button)}
        self._buttons: dict[str, ButtonHandler] = {
            "accept": lambda actor, target, _data, key: bot.respond.accept(
                actor, target, event_key=key),
            "decline": lambda actor, target, data, key: bot.respond.decline(
                actor, target, _decline_reason(data), event_key=key),
            "done": lambda actor, target, data, key: bot.review.done(
                actor, target, hours=_hours(data), event_key=key),
            "hours": lambda actor, target, data, key: bot.review.record_hours(
                actor, target, _hours(data) or "", event_key=key),
            "approve": lambda actor, target, _data, key: bot.review.approve(
                actor, target, event_key=key),
            "changes": lambda actor, target, data, key: bot.review.request_changes(
                actor, target, _text(data, "change_note") or "", event_key=key),
            "cancel": lambda actor, target, data, key: bot.manage.cancel(
                actor, target, _text(data, "reason") or "", event_key=key),
            "reassign": lambda actor, target, data, key: bot.manage.reassign(
                actor, target, _text(data, PICKED), event_key=key),
            "wrong": lambda actor, target, data, key: bot.delegation.correct(
                actor, target, _text(data, "task_type") or "", event_key=key)}

    async def on_turn(self, turn_context: TurnContext) -> None:
        conversation = personal_conversation(turn_context.activity)
        if conversation is not None:
            await self.conversations.remember(conversation)
        await super().on_turn(turn_context)

    # --- installs ----------------------------------------------------------------------------

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        await self._send(turn_context, [help_card("Hi! I'm lpo-bot. Here's what I can do:")],
                         "Hi! I'm lpo-bot.")

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        """Uninstalled from a 1:1 chat: that chat can no longer be written to."""
        conversation = personal_conversation(turn_context.activity)
        if conversation is not None:
            await self.conversations.forget(conversation.teams_user_id)

    # --- messages ----------------------------------------------------------------------------

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        actor = actor_of(activity)
        if actor is None:
            await self._say(turn_context, UNKNOWN_USER.reply())
            return
        if isinstance(activity.value, dict) and activity.value.get("action"):
            await self._on_click(turn_context, actor, activity.value)
            return
        command = parse_command(activity.text or "")
        handler = self._commands.get(command.verb) if command.valid else None
        if handler is None:
            title = ("Here's what I can do:" if command.verb == "help"
                     else f"I don't know \u201c{command.verb}\u201d. Here's what I can do:")
            await self._send(turn_context, [help_card(title)], title)
            return
        key = event_key(activity)
        answer = await self.identity.act(turn_context, actor,
                                         lambda who: handler(who, command, key))
        if isinstance(answer, list):
            await self._send(turn_context, answer, "Your tasks")
        else:
            await self._say(turn_context, answer, actor)

    async def _delegate(self, actor: Actor, command: Command, key: str) -> Reply:
        return await self.bot.delegation.delegate(actor, command.rest, source="teams", event_key=key)

    async def _tasks(self, actor: Actor, _command: Command, _key: str) -> Reply | list[Card]:
        listing = await self.bot.queries.my_tasks(actor)
        return listing if isinstance(listing, Reply) else task_list_cards(listing)

    async def _away(self, actor: Actor, command: Command, key: str) -> Reply:
        return await self.bot.availability.away(actor, away_until_text(command.rest), event_key=key)

    async def _back(self, actor: Actor, _command: Command, key: str) -> Reply:
        return await self.bot.availability.back(actor, event_key=key)

    async def _digest(self, actor: Actor, _command: Command, _key: str) -> Reply:
        return await self.bot.queries.digest_preview(actor)

    async def _dashboard(self, actor: Actor, _command: Command, _key: str) -> Reply:
        return await self.bot.dashboard.link_for(actor)

    async def _rebalance(self, actor: Actor, command: Command, key: str) -> Reply:
        request = rebalance_request(command.rest)
        if request.apply:
            return await self.bot.rebalancing.apply(actor, request.token, event_key=key)
        return await self.bot.rebalancing.propose(actor)

    async def _typed_button(self, actor: Actor, command: Command, key: str) -> Reply:
        """`accept 12`, `decline 12 no capacity`: a button typed instead of clicked."""
        data: dict[str, Any] = {"action": command.verb, "value": command.target}
        if command.verb in TYPED_INPUTS:
            data[TYPED_INPUTS[command.verb]] = command.rest
        return await self._perform(actor, data, key)

    # --- card clicks (Action.Submit arrives as a message with a value) -------------------------

    async def _on_click(self, turn_context: TurnContext, actor: Actor,
                        data: dict[str, Any]) -> None:
        key = event_key(turn_context.activity)
        reply = await self.identity.act(turn_context, actor,
                                        lambda who: self._perform(who, data, key))
        if not reply.ok:
            await self._say(turn_context, reply, actor)
        elif data.get("via") != "outbox":
            # The outbox updates the cards it sent; other cards are replaced here.
            await self._replace_clicked(turn_context, self._card(reply.message),
                                        reply.message.title)

    async def _perform(self, actor: Actor, data: dict[str, Any], key: str) -> Reply:
        action = data.get("action")
        if action == "confirm":
            request = _text(data, "request")
            return await self._confirm(actor, data, f"{request[:100]}:confirm" if request else key)
        if action == "discard":
            return Reply(status="ok", message=plain("Not delegated.", "Nothing was created."))
        if action == "rebalance":
            token = rebalance_request(str(data.get("value") or "")).token
            return await self.bot.rebalancing.apply(actor, token, event_key=key)
        # A button's value is the task number, or `number:choice` (`12:0.5` for hours).
        head, _, choice = str(data.get("value") or "").partition(":")
        if choice and action == "hours" and not _hours(data):
            data = {**data, "hours": choice}
        target = _number(head)
        button = self._buttons.get(str(action))
        if target is None or button is None:
            return _invalid("I didn't understand that button.", "Type help to see what I can do.")
        return await button(actor, target, data, key)

    async def _confirm(self, actor: Actor, data: dict[str, Any], key: str) -> Reply:
        person = await self.bot.queries.whoami(actor)
        if person is None:
            return NOT_ON_ROSTER.reply()
        try:
            due_at = _due_at(data, person.timezone)
        except ValueError:
            return _invalid("That due date doesn't look right.", "Pick a date on the card.")
        matter = _text(data, "matter")
        priority = _text(data, "priority")
        overrides = Overrides(task_type=_text(data, "task_type"),
                              matter=None if matter == NO_MATTER else matter, due_at=due_at,
                              priority=priority if priority in PRIORITIES else None,
                              notes=_text(data, "notes"))
        return await self.bot.delegation.delegate(actor, str(data.get("value") or ""), source="teams",
                                            overrides=overrides, event_key=key, confirmed=True)

    async def _replace_clicked(self, turn_context: TurnContext, card: Card, summary: str) -> None:
        clicked = turn_context.activity.reply_to_id
        activity = card_message(card, summary)
        if clicked:
            activity.id = clicked
            try:
                await turn_context.update_activity(activity)
                return
            except ClientException as error:  # deleted or too old to edit: send it anew
                log.info("could not update card %s in place (%s); sending anew", clicked,
                         type(error).__name__)
            activity.id = None
        await turn_context.send_activity(activity)

    # --- Universal Actions (Action.Execute arrives as an invoke) ------------------------------

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        activity = turn_context.activity
        if activity.name != "adaptiveCard/action":
            return InvokeResponse(status=int(HTTPStatus.OK))
        actor = actor_of(activity)
        action = activity.value.get("action") if isinstance(activity.value, dict) else None
        data = action.get("data") if isinstance(action, dict) else None
        if actor is None or not isinstance(data, dict):
            return _invoke(400, "application/vnd.microsoft.error",
                           {"code": "BadRequest", "message": "missing action data"})
        key = event_key(activity)
        work = asyncio.ensure_future(self.identity.act(
            turn_context, actor, lambda who: self._perform(who, data, key)))
        finished, _ = await asyncio.wait({work}, timeout=self.invoke_budget)
        if not finished:
            self._finish_late(work)
            return _invoke(200, MESSAGE_RESPONSE, "Working on it; the card updates when done.")
        reply = work.result()
        if not reply.ok:
            return _invoke(200, MESSAGE_RESPONSE, reply.message.as_text())
        return _invoke(200, CARD_CONTENT_TYPE, self._card(reply.message))

    def _finish_late(self, work: asyncio.Task[Reply]) -> None:
        """Let slow work finish after the invoke was answered; its messages go via the outbox."""
        self._late.add(work)

        def done(task: asyncio.Task[Reply]) -> None:
            self._late.discard(task)
            if not task.cancelled() and task.exception() is not None:
                log.error("late card action failed", exc_info=task.exception())

        work.add_done_callback(done)

    # --- answering -----------------------------------------------------------------------------

    async def _say(self, turn_context: TurnContext, reply: Reply,
                   actor: Actor | None = None) -> None:
        if reply.confirmation is not None and actor is not None:
            person = await self.identity.act(turn_context, actor, self.bot.queries.whoami)
            zone = person.timezone if person else self.bot.settings.timezone
            card = confirmation_card(reply.message, reply.confirmation, zone=zone,
                                     request=event_key(turn_context.activity))
        else:
            card = self._card(reply.message)
        await turn_context.send_activity(card_message(card, reply.message.title))

    def _card(self, message: Message) -> Card:
        """An answer's card; a "Wrong type?" action on it offers the catalogue's types."""
        return message_card(message, types=self.bot.delegation.type_choices())

    async def _send(self, turn_context: TurnContext, cards: list[Card], summary: str) -> None:
        for activity in card_messages(cards, summary):
            await turn_context.send_activity(activity)

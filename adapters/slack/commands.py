"""Slash commands: /delegate, /tasks and /lpo (help, away, back, digest, and the text verbs)."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from adapters.commands import Command, away_until_text, parse_command, rebalance_request
from adapters.slack.blocks import task_list_blocks
from adapters.slack.context import SlackContext, ephemeral
from adapters.slack.modals import TYPE, confirmation_modal, needs_search
from bot import views
from bot.messages import Message
from bot.replies import Actor, Choice, Confirmation, Reply

MAX_TEXT = 1200  # a delegation is a sentence; details go in the modal's notes
HELP = Message(
    title="lpo-bot: delegate legal work to the least expensive qualified person",
    lines=(
        "/delegate draft demand letter for 2027-0302 by Friday: delegate a task",
        "/tasks: your offers, your work, and what you delegated, with buttons",
        "/lpo away until Dec 2 (or just /lpo away): no new offers meanwhile",
        "/lpo back: receive offers again",
        "/lpo digest: (managers) preview today's digest",
        "/lpo dashboard: (managers) a private sign-in link to the dashboard",
        ("/lpo rebalance: (managers) see how to move the team's pending offers and unassigned "
         "tasks to the least total cost; /lpo rebalance apply to do it"),
        "/lpo done 12 1.5: mark a task done, and say it took 1.5 hours",
        "/lpo cancel 12 [reason]: cancel a task you delegated",
        "/lpo reassign 12 [email]: (managers) give a task to someone else",
        "/lpo wrong 12 document review: the task is of another type; offer it anew",
        ("/lpo accept 12, /lpo decline 12 reason, /lpo done 12, /lpo approve 12, "
         "/lpo changes 12 note: the buttons, typed"),
        "The Home tab shows everything at a glance.",
    ),
    kind="help")
TOO_LONG = views.plain("That's a long one.",
                       f"Keep /delegate under {MAX_TEXT:,} characters: say what, for which matter, "
                       "and by when. Longer details can go in the task's notes.", kind="error")


def command_key(command: dict[str, Any]) -> str | None:
    """The idempotency key of one slash command: Slack's trigger_id is unique per invocation."""
    trigger = command.get("trigger_id")
    return f"slack:command:{trigger}" if trigger else None


class Commands:
    """The three slash commands; each acks with its answer (process_before_response)."""

    def __init__(self, ctx: SlackContext) -> None:
        self.ctx = ctx

    def register(self, app: AsyncApp) -> None:
        app.command("/delegate")(self.delegate)
        app.command("/tasks")(self.tasks)
        app.command("/lpo")(self.lpo)

    async def _as(self, command: dict[str, Any], call: Callable[[Actor], Awaitable[Reply]]) -> Reply:
        return await self.ctx.identity.act(command.get("user_id", ""), call)

    async def delegate(self, ack: AsyncAck, command: dict[str, Any]) -> None:
        await self._delegate(ack, command, (command.get("text") or "").strip())

    async def _delegate(self, ack: AsyncAck, command: dict[str, Any], text: str) -> None:
        if len(text) > MAX_TEXT:
            await ack(**ephemeral(TOO_LONG))
            return
        reply = await self._as(command, lambda actor: self.ctx.bot.delegation.delegate(
            actor, text, source="slack", event_key=command_key(command)))
        if reply.status == "needs_confirmation" and reply.confirmation:
            await ack()
            self.ctx.background.spawn(self.confirm(command, reply.confirmation))
            return
        await ack(**ephemeral(reply.message))

    async def confirm(self, command: dict[str, Any], confirmation: Confirmation) -> None:
        """Open the confirmation modal, prefilled with what the parser understood."""
        url = command.get("response_url")
        metadata = {"text": confirmation.text, "url": url,
                    "search": self.remember_types(confirmation.type_choices)}
        try:
            view = confirmation_modal(confirmation, metadata)
        except ValueError:  # the text with its escapes overflows private_metadata
            await self.ctx.respond(url, ephemeral(TOO_LONG))
            return
        fallback = views.plain("I couldn't open the form in time.",
                               "Try /delegate again and name the task type, e.g. "
                               "'draft demand letter for 2027-0302 by Friday'.", kind="error")
        await self.ctx.open_view(command.get("trigger_id", ""), view, fallback_url=url,
                                 fallback=fallback)

    def remember_types(self, types: tuple[Choice, ...]) -> str | None:
        """A token for task types too many for a static select (found again on a search);
        matters are always searched through the application."""
        if not needs_search(types):
            return None
        token = secrets.token_urlsafe(12)
        self.ctx.searches.put(token, {TYPE: types})
        return token

    async def tasks(self, ack: AsyncAck, command: dict[str, Any]) -> None:
        listing = await self.ctx.identity.act(command.get("user_id", ""),
                                              self.ctx.bot.queries.my_tasks)
        if isinstance(listing, Reply):
            await ack(**ephemeral(listing.message))
            return
        await ack(response_type="ephemeral", text="Your tasks", blocks=task_list_blocks(listing))

    async def lpo(self, ack: AsyncAck, command: dict[str, Any]) -> None:
        parsed = parse_command(command.get("text") or "")
        if parsed.verb == "tasks":
            await self.tasks(ack, command)
        elif parsed.verb == "delegate":
            await self._delegate(ack, command, parsed.rest)
        else:
            await ack(**ephemeral(await self.run_verb(command, parsed)))

    async def run_verb(self, command: dict[str, Any], parsed: Command) -> Message:
        """One /lpo verb through the application; unknown ones get the help."""
        return await self.answer(command.get("user_id", ""), parsed, command_key(command))

    async def answer(self, user_id: str, parsed: Command, key: str | None) -> Message:
        """One typed verb (after /lpo, or in a direct message) as this Slack user."""
        bot, target = self.ctx.bot, parsed.target or 0
        rebalance = rebalance_request(parsed.rest)
        calls: dict[str, Callable[[Actor], Awaitable[Reply]]] = {
            "away": lambda a: bot.availability.away(a, away_until_text(parsed.rest),
                                                     event_key=key),
            "back": lambda a: bot.availability.back(a, event_key=key),
            "accept": lambda a: bot.respond.accept(a, target, event_key=key),
            "decline": lambda a: bot.respond.decline(a, target, parsed.rest, event_key=key),
            "done": lambda a: bot.review.done(a, target, hours=parsed.rest or None,
                                              event_key=key),
            "hours": lambda a: bot.review.record_hours(a, target, parsed.rest, event_key=key),
            "rebalance": lambda a: (bot.rebalancing.apply(a, rebalance.token, event_key=key)
                                    if rebalance.apply else bot.rebalancing.propose(a)),
            "approve": lambda a: bot.review.approve(a, target, event_key=key),
            "changes": lambda a: bot.review.request_changes(a, target, parsed.rest,
                                                            event_key=key),
            "cancel": lambda a: bot.manage.cancel(a, target, parsed.rest, event_key=key),
            "reassign": lambda a: bot.manage.reassign(a, target, parsed.rest or None,
                                                      event_key=key),
            "wrong": lambda a: bot.delegation.correct(a, target, parsed.rest, event_key=key),
            "digest": bot.queries.digest_preview,
            "dashboard": bot.dashboard.link_for,
        }
        call = calls.get(parsed.verb) if parsed.valid else None
        if call is None:
            return HELP if parsed.verb == "help" else _unknown(parsed)
        return (await self.ctx.identity.act(user_id, call)).message


def _unknown(parsed: Command) -> Message:
    if parsed.verb in ("accept", "decline", "done", "hours", "approve", "changes", "cancel",
                       "reassign", "wrong"):
        return views.plain(f"Which task? Add its number: /lpo {parsed.verb} 12", kind="error")
    return Message(title=f"I don't know \u201c{parsed.verb}\u201d.", lines=HELP.lines,
                   kind="error")

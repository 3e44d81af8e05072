"""Buttons, pickers and modal submissions: accept, decline, done, hours, approve, changes,
snooze, reassign, rebalance, confirm, delegate, wrong type; and the searches of the
confirmation's pickers."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from adapters.commands import rebalance_request
from adapters.slack.blocks import ACTION_PREFIX, NEW_TASK_ACTION, PAGE_ACTION, action_parts
from adapters.slack.commands import Commands
from adapters.slack.context import SlackContext, ephemeral
from adapters.slack.modals import (
    CHANGES_CALLBACK,
    CONFIRM_CALLBACK,
    DECLINE_CALLBACK,
    DETAIL,
    DUE,
    HOURS,
    HOURS_CALLBACK,
    MATTER,
    NEW_TASK_CALLBACK,
    NOTE,
    REASON,
    RETYPE_CALLBACK,
    TEXT,
    TYPE,
    changes_modal,
    confirmation_modal,
    decline_modal,
    decline_reason,
    field_of,
    hours_modal,
    metadata_of,
    new_task_modal,
    option,
    read_confirmation,
    result_modal,
    retype_modal,
    selected,
    typed,
)
from adapters.slack.text import clip
from bot import views
from bot.messages import Message
from bot.replies import Actor, Reply
from bot.usecases.delegate import Overrides

Call = Callable[[Actor], Awaitable[Reply]]
ERROR_LIMIT = 300
STALE_BUTTON = views.plain("That button no longer works.",
                           "Use /tasks to see what is open now.", kind="error")
UPDATED_BY_OUTBOX = frozenset({"accept", "done", "approve", "hours"})
# Buttons whose click opens a modal for the input they need, by what they need.
MODALS = {"decline_reason": decline_modal, "change_note": changes_modal, "hours": hours_modal}
# What a refusal of a modal's input looks like, as opposed to "that already happened".
FIELD_PROBLEMS = ("invalid", "forbidden", "not_found")


def click_key(body: dict[str, Any], action: dict[str, Any]) -> str | None:
    """One click's idempotency key: a retried request repeats it, a second click does not."""
    stamp = action.get("action_ts")
    user = (body.get("user") or {}).get("id")
    return f"slack:action:{stamp}:{user}" if stamp and user else None


def submit_key(view: dict[str, Any]) -> str | None:
    """One submission of one modal; the callback tells a new-task modal from the confirmation
    it turned into (Slack keeps the view id when a modal is updated in place)."""
    return f"slack:view:{view['id']}:{view.get('callback_id')}" if view.get("id") else None


def origin_of(body: dict[str, Any]) -> dict[str, Any]:
    """Where a click happened, so the follow-up refreshes the right place."""
    container = body.get("container") or {}
    view = body.get("view") or {}
    if view.get("type") == "home":
        return {"kind": "home", "page": metadata_of(view).get("page", 0)}
    kind = "ephemeral" if container.get("is_ephemeral") else "message"
    return {"kind": kind, "url": body.get("response_url")}


def target_of(value: str | None) -> tuple[int, str] | None:
    """A button value: `12` -> (12, ""), `12:morning` -> (12, "morning"); None when forged."""
    head, _, extra = (value or "").partition(":")
    return (int(head), extra) if head.isdigit() and len(head) < 12 else None


def value_of(action: dict[str, Any]) -> str | None:
    """A button's value, or the value of the option picked in a select."""
    selected = action.get("selected_option")
    if isinstance(selected, dict):
        return str(selected.get("value") or "")
    value = action.get("value")
    return str(value) if value is not None else None


def user_of(body: dict[str, Any]) -> str:
    return str((body.get("user") or {}).get("id", ""))


class Interactions:
    """Every click and every submit: the use case first, ack with the outcome, refresh after."""

    def __init__(self, ctx: SlackContext, commands: Commands) -> None:
        self.ctx = ctx
        self.commands = commands

    def register(self, app: AsyncApp) -> None:
        app.action(re.compile(rf"^{ACTION_PREFIX}:"))(self.click)
        app.action(NEW_TASK_ACTION)(self.new_task)
        app.action(re.compile(rf"^{PAGE_ACTION}"))(self.turn_page)
        app.view(CONFIRM_CALLBACK)(self.submit_confirmation)
        app.view(NEW_TASK_CALLBACK)(self.submit_new_task)
        app.view(DECLINE_CALLBACK)(self.submit_decline)
        app.view(CHANGES_CALLBACK)(self.submit_changes)
        app.view(HOURS_CALLBACK)(self.submit_hours)
        app.view(RETYPE_CALLBACK)(self.submit_retype)
        app.options(TYPE)(self.search)
        app.options(MATTER)(self.search_matters)

    # --- buttons -----------------------------------------------------------------------------

    def direct_call(self, verb: str, target: int, extra: str, key: str | None) -> Call | None:
        bot = self.ctx.bot
        calls: dict[str, Call] = {
            "accept": lambda a: bot.respond.accept(a, target, event_key=key),
            "done": lambda a: bot.review.done(a, target, event_key=key),
            "hours": lambda a: bot.review.record_hours(a, target, extra, event_key=key),
            "approve": lambda a: bot.review.approve(a, target, event_key=key),
            "snooze": lambda a: bot.availability.snooze(a, target, extra or "hour",
                                                        event_key=key),
            "reassign": lambda a: bot.manage.reassign(a, target, extra or None, event_key=key),
        }
        return calls.get(verb)

    async def click(self, ack: AsyncAck, body: dict[str, Any], action: dict[str, Any]) -> None:
        verb, needs = action_parts(str(action.get("action_id", "")))
        target = target_of(value_of(action))
        user, origin = user_of(body), origin_of(body)
        if verb == "rebalance":
            await self.rebalance(ack, body, action)
            return
        if target is not None and (needs in MODALS or needs == "task_type"):
            await ack()
            metadata = {"target": target[0], "origin": origin}
            view = (self.retype_view(metadata) if needs == "task_type"
                    else MODALS[needs](metadata))
            self.ctx.background.spawn(self.ctx.open_view(str(body.get("trigger_id", "")), view))
            return
        call = self.direct_call(verb, *target, click_key(body, action)) if target else None
        if call is None:
            await ack()
            self.ctx.background.spawn(self.ctx.respond(origin.get("url"), ephemeral(STALE_BUTTON)))
            return
        reply = await self.ctx.identity.act(user, call)
        await ack()
        self.ctx.background.spawn(self.after(user, origin, reply,
                                             updated_by_outbox=verb in UPDATED_BY_OUTBOX))

    def retype_view(self, metadata: dict[str, Any]) -> dict[str, Any]:
        types = self.ctx.bot.delegation.type_choices()
        return retype_modal(types, {**metadata, "search": self.commands.remember_types(types)})
    async def rebalance(self, ack: AsyncAck, body: dict[str, Any],
                        action: dict[str, Any]) -> None:
        """Apply: the plan's answer replaces the message that showed the plan."""
        token = rebalance_request(str(action.get("value", ""))).token
        reply = await self.ctx.identity.act(user_of(body), lambda actor: (
            self.ctx.bot.rebalancing.apply(actor, token, event_key=click_key(body, action))))
        await ack()
        self.ctx.background.spawn(self.ctx.respond(
            origin_of(body).get("url"), {"replace_original": True, **ephemeral(reply.message)}))

    async def after(self, user: str, origin: dict[str, Any], reply: Reply, *,
                    updated_by_outbox: bool = True) -> None:
        """Refresh where the click came from. The outbox updates a DM in place after accept,
        decline, done, approve and changes, so there only a refusal needs saying (to the
        clicker alone); other outcomes (a snooze) are said the same way."""
        note = _note(reply)
        if origin.get("kind") == "home":
            await self.ctx.publish_home(user, page=_page(origin), note=note)
        elif origin.get("kind") == "ephemeral":
            await self.ctx.refresh_list(user, origin.get("url"), note)
        elif reply.status != "ok" or not updated_by_outbox:
            await self.ctx.respond(origin.get("url"),
                                   {"replace_original": False, **ephemeral(reply.message)})

    async def new_task(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        self.ctx.background.spawn(self.ctx.open_view(str(body.get("trigger_id", "")),
                                                     new_task_modal()))

    async def turn_page(self, ack: AsyncAck, body: dict[str, Any],
                        action: dict[str, Any]) -> None:
        await ack()
        page = target_of(action.get("value"))
        self.ctx.background.spawn(self.ctx.publish_home(user_of(body),
                                                        page=page[0] if page else 0))

    # --- modal submissions -------------------------------------------------------------------

    async def submit_confirmation(self, ack: AsyncAck, body: dict[str, Any],
                                  view: dict[str, Any]) -> None:
        form = read_confirmation(view)
        metadata = metadata_of(view)
        errors = {}
        if form.task_type is None:
            errors[TYPE] = "Pick a task type."
        if form.due_at and form.due_at <= self.ctx.bot.clock():
            errors[DUE] = "That moment has already passed."
        if errors:
            await ack(response_action="errors", errors=errors)
            return
        overrides = Overrides(task_type=form.task_type, matter=form.matter, due_at=form.due_at,
                              priority=form.priority, notes=form.notes)
        reply = await self.ctx.identity.act(user_of(body), lambda actor: self.ctx.bot.delegation.delegate(
            actor, str(metadata.get("text", "")), source="slack", overrides=overrides,
            event_key=submit_key(view), confirmed=True))
        await self.finish_delegation(ack, reply, metadata)

    async def submit_new_task(self, ack: AsyncAck, body: dict[str, Any],
                              view: dict[str, Any]) -> None:
        text = typed(view, TEXT)
        if text is None:
            await ack(response_action="errors", errors={TEXT: "Say what needs doing."})
            return
        reply = await self.ctx.identity.act(user_of(body), lambda actor: self.ctx.bot.delegation.delegate(
            actor, text, source="slack", event_key=submit_key(view)))
        if reply.status == "needs_confirmation" and reply.confirmation:
            metadata = {"text": text,
                        "search": self.commands.remember_types(reply.confirmation.type_choices)}
            await ack(response_action="update",
                      view=confirmation_modal(reply.confirmation, metadata))
            return
        if reply.status in FIELD_PROBLEMS:
            await ack(response_action="errors", errors={TEXT: _problem(reply.message)})
            return
        await self.finish_delegation(ack, reply, {})

    async def finish_delegation(self, ack: AsyncAck, reply: Reply,
                                metadata: dict[str, Any]) -> None:
        """Close the modal and answer where /delegate was typed, or show the answer in place."""
        if reply.status in FIELD_PROBLEMS:
            problem = _problem(reply.message)
            await ack(response_action="errors", errors={field_of(problem): problem})
        elif reply.status == "already_handled":
            await ack()
        elif metadata.get("url"):
            await ack(response_action="clear")
            self.ctx.background.spawn(self.ctx.respond(metadata["url"], ephemeral(reply.message)))
        else:
            await ack(response_action="update", view=result_modal(reply.message.without_actions(),
                                                                  "Delegated"))

    async def submit_decline(self, ack: AsyncAck, body: dict[str, Any],
                             view: dict[str, Any]) -> None:
        reason = decline_reason(view)
        if reason is None:
            await ack(response_action="errors", errors={REASON: "Pick a reason."})
            return
        await self._submit(ack, body, view, DETAIL, lambda actor, target: self.ctx.bot.respond.decline(
            actor, target, reason, event_key=submit_key(view)))

    async def submit_changes(self, ack: AsyncAck, body: dict[str, Any],
                             view: dict[str, Any]) -> None:
        note = typed(view, NOTE)
        if note is None:
            await ack(response_action="errors", errors={NOTE: "Say what should change."})
            return
        await self._submit(ack, body, view, NOTE, lambda actor, target: (
            self.ctx.bot.review.request_changes(actor, target, note, event_key=submit_key(view))))

    async def submit_retype(self, ack: AsyncAck, body: dict[str, Any],
                            view: dict[str, Any]) -> None:
        """The right type picked: the answer where "Wrong type?" was clicked is replaced by
        the new outcome (the withdrawn offer's card is updated by the outbox)."""
        task_type = selected(view, TYPE)
        metadata = metadata_of(view)
        target = metadata.get("target")
        if task_type is None:
            await ack(response_action="errors", errors={TYPE: "Pick a task type."})
            return
        if not isinstance(target, int):
            await ack(response_action="update", view=result_modal(STALE_BUTTON))
            return
        reply = await self.ctx.identity.act(user_of(body), lambda actor: (
            self.ctx.bot.delegation.correct(actor, target, task_type,
                                            event_key=submit_key(view))))
        if reply.status in FIELD_PROBLEMS:
            await ack(response_action="errors", errors={TYPE: _problem(reply.message)})
            return
        origin = metadata.get("origin")
        url = origin.get("url") if isinstance(origin, dict) else None
        if not (reply.ok and url):  # a refusal, or nowhere to answer: say it in the modal
            await ack(response_action="update", view=result_modal(reply.message.without_actions()))
            return
        await ack()
        self.ctx.background.spawn(self.ctx.respond(url, {"replace_original": True,
                                                         **ephemeral(reply.message)}))
    async def submit_hours(self, ack: AsyncAck, body: dict[str, Any],
                           view: dict[str, Any]) -> None:
        hours = typed(view, HOURS)
        if hours is None:
            await ack(response_action="errors", errors={HOURS: "Say how many hours."})
            return
        await self._submit(ack, body, view, HOURS, lambda actor, target: (
            self.ctx.bot.review.record_hours(actor, target, hours, event_key=submit_key(view))))

    async def _submit(self, ack: AsyncAck, body: dict[str, Any], view: dict[str, Any],
                      field: str, call: Callable[[Actor, int], Awaitable[Reply]]) -> None:
        metadata = metadata_of(view)
        target = metadata.get("target")
        if not isinstance(target, int):
            await ack(response_action="update", view=result_modal(STALE_BUTTON))
            return
        user = user_of(body)
        reply = await self.ctx.identity.act(user, lambda actor: call(actor, target))
        if reply.status == "invalid":
            await ack(response_action="errors", errors={field: _problem(reply.message)})
        elif reply.status != "ok":  # already handled, or not theirs: say so where they look
            await ack(response_action="update", view=result_modal(reply.message.without_actions()))
        else:
            await ack()
            origin = metadata.get("origin")
            self.ctx.background.spawn(self.after(user, origin if isinstance(origin, dict) else {},
                                                 reply))

    # --- typed search in big selects ------------------------------------------------------------

    async def search_matters(self, ack: AsyncAck, body: dict[str, Any],
                             payload: dict[str, Any]) -> None:
        """The matter picker: the person's own unscreened matters, by number or client."""
        query = str(payload.get("value", ""))
        found = await self.ctx.identity.act(user_of(body), lambda actor: (
            self.ctx.bot.delegation.matter_choices(actor, query)))
        await ack(options=[option(choice) for choice in found or ()])

    async def search(self, ack: AsyncAck, body: dict[str, Any], payload: dict[str, Any]) -> None:
        token = metadata_of(body.get("view") or {}).get("search")
        choices = (self.ctx.searches.get(token) or {}) if isinstance(token, str) else {}
        query = str(payload.get("value", "")).strip().lower()
        found = [choice for choice in choices.get(str(payload.get("action_id")), ())
                 if query in choice.label.lower() or query in choice.value.lower()]
        await ack(options=[option(choice) for choice in found[:100]])


def _problem(message: Message) -> str:
    return clip(" ".join(part for part in (message.title, message.body) if part), ERROR_LIMIT)


def _note(reply: Reply) -> str:
    """One line on top of a refreshed list: the outcome, or why nothing happened."""
    if reply.status != "ok":
        return _problem(reply.message)
    return reply.message.footer or reply.message.title


def _page(origin: dict[str, Any]) -> int:
    page = origin.get("page", 0)
    return page if isinstance(page, int) else 0

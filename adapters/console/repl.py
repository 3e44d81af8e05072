"""The console REPL: the same verbs as Slack, one line at a time, DMs printed as delivered."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TextIO

from adapters.commands import Command, away_until_text, parse_command, rebalance_request
from adapters.console.render import indent, render
from bot.application import Application
from bot.replies import Actor, Confirmation, Reply, TaskList
from bot.usecases.delegate import Overrides

HELP = """Commands (the same verbs as Slack):
  /delegate TEXT            delegate a task, e.g. /delegate draft demand letter for 2027-0302 by Friday
  confirm TYPE [MATTER]     finish a delegation the bot asked about: a guess's number, or a
                            task type by name (confirm doc review 2027-0302)
  /tasks                    my offers, my work, what I delegated; managers: the team's queue
  accept N                  accept task N, offered to me
  decline N REASON          decline task N (no_capacity, not_my_skill, conflict, or any text)
  done N [HOURS]            mark my task done, and how long it took (done 12 1.5)
  hours N HOURS             how long a task I finished took
  approve N                 approve submitted work
  changes N NOTE            send submitted work back with a note
  cancel N [REASON]         cancel a task I delegated
  wrong N TYPE              the task is of another type: re-offer it (wrong 12 document review)
  reassign N [EMAIL]        (managers) a new offer round: to EMAIL, or the cheapest eligible
                            (/tasks lists who could take each task in your queue)
  snooze N [hour|morning]   put a deadline reminder off for an hour, or to tomorrow morning
  /lpo away [until WHEN]    stop receiving offers (until Monday, until Dec 2, ...)
  /lpo back                 receive offers again
  /lpo digest               (managers) preview today's digest
  /lpo dashboard            (managers) a one-time sign-in link to the dashboard
  /lpo rebalance [apply]    (managers) move the team's pending offers and unassigned tasks
                            to the least total cost: see the plan, then apply it
  as EMAIL                  switch to another person
  help, quit"""


@dataclass
class ConsoleState:
    email: str
    pending: Confirmation | None = None


class ConsoleSession:
    """Reads commands, calls the use cases, prints answers; DMs print as they are delivered."""

    def __init__(self, bot: Application, deliver: Callable[[], Awaitable[int]], *,
                 email: str, out: TextIO) -> None:
        self.bot = bot
        self.deliver = deliver
        self.out = out
        self.state = ConsoleState(email=email.lower())

    @property
    def actor(self) -> Actor:
        return Actor(email=self.state.email)

    def say(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    async def greet(self) -> bool:
        person = await self.bot.queries.whoami(self.actor)
        if person is None:
            self.say(f"{self.state.email} is not on the roster. Ask a manager to add you.")
            return False
        self.say(f"You are {person.name} ({person.role}). Type 'help' for commands.")
        return True

    async def handle(self, line: str) -> bool:
        """Run one line; False when the session should end."""
        if not line.strip() or line.lstrip().startswith("#"):
            return True
        command = parse_command(line)
        if command.verb == "quit":
            return False
        await self._dispatch(command)
        await self.deliver()
        return True

    async def _dispatch(self, command: Command) -> None:
        if not command.valid:
            self.say(f"I don't know '{command.verb}' like that. Type 'help'.")
            return
        handler = getattr(self, f"_do_{command.verb}")
        await handler(command)

    def _show(self, reply: Reply) -> None:
        self.say(render(reply.message))
        if reply.confirmation:
            self._show_confirmation(reply.confirmation)

    def _show_confirmation(self, confirmation: Confirmation) -> None:
        self.state.pending = confirmation
        chosen = confirmation.type_choice
        understood = [f"type {chosen.label if chosen else '?'}",
                      f"matter {confirmation.matter or '-'}",
                      f"due {confirmation.due_at.isoformat(timespec='minutes')}"
                      if confirmation.due_at else "no deadline",
                      f"priority {confirmation.priority}"]
        self.say(indent("Understood: " + ", ".join(understood)))
        if confirmation.candidates:
            self.say(indent("Best guesses: " + "  ".join(
                f"{number}. {choice.label}"
                for number, choice in enumerate(confirmation.candidates, 1))))
        others = [c.label for c in confirmation.type_choices if c not in confirmation.candidates]
        self.say(indent("Other task types: " + ", ".join(others)))
        self.say(indent("Reply: confirm 1, or confirm TYPE [MATTER] "
                        "(e.g. confirm document review 2027-0101)"))

    async def _do_help(self, _command: Command) -> None:
        self.say(HELP)

    async def _do_as(self, command: Command) -> None:
        previous = self.state.email
        self.state = ConsoleState(email=command.rest.strip().lower())
        if not await self.greet():
            self.state = ConsoleState(email=previous)

    async def _do_delegate(self, command: Command) -> None:
        self._show(await self.bot.delegation.delegate(self.actor, command.rest, source="console"))

    async def _do_confirm(self, command: Command) -> None:
        pending = self.state.pending
        if pending is None:
            self.say("There is nothing to confirm. Start with /delegate.")
            return
        typed, matter = _type_and_matter(command.rest, pending)
        overrides = Overrides(task_type=typed or pending.task_type,
                              matter=matter or pending.matter)
        self.state.pending = None
        self._show(await self.bot.delegation.delegate(self.actor, pending.text, source="console",
                                                overrides=overrides, confirmed=True))

    async def _do_tasks(self, _command: Command) -> None:
        listing = await self.bot.queries.my_tasks(self.actor)
        if isinstance(listing, Reply):
            self._show(listing)
            return
        self._print_list(listing)

    def _print_list(self, listing: TaskList) -> None:
        if listing.empty:
            self.say("Nothing on your plate, and nothing delegated that is still open.")
            return
        for heading, messages in listing.sections():
            if messages:
                self.say(f"{heading}:")
                for message in messages:
                    self.say(indent(render(message)))
        self.say(f"Open hours: {listing.hours_open:g} of {listing.capacity:g} h this week")

    async def _do_accept(self, command: Command) -> None:
        self._show(await self.bot.respond.accept(self.actor, command.target or 0))

    async def _do_decline(self, command: Command) -> None:
        self._show(await self.bot.respond.decline(self.actor, command.target or 0, command.rest))

    async def _do_done(self, command: Command) -> None:
        self._show(await self.bot.review.done(self.actor, command.target or 0,
                                              hours=command.rest or None))

    async def _do_hours(self, command: Command) -> None:
        self._show(await self.bot.review.record_hours(self.actor, command.target or 0,
                                                      command.rest))

    async def _do_rebalance(self, command: Command) -> None:
        request = rebalance_request(command.rest)
        rebalancing = self.bot.rebalancing
        self._show(await (rebalancing.apply(self.actor, request.token) if request.apply
                          else rebalancing.propose(self.actor)))

    async def _do_approve(self, command: Command) -> None:
        self._show(await self.bot.review.approve(self.actor, command.target or 0))

    async def _do_changes(self, command: Command) -> None:
        self._show(await self.bot.review.request_changes(self.actor, command.target or 0,
                                                       command.rest))

    async def _do_cancel(self, command: Command) -> None:
        self._show(await self.bot.manage.cancel(self.actor, command.target or 0, command.rest))

    async def _do_wrong(self, command: Command) -> None:
        self._show(await self.bot.delegation.correct(self.actor, command.target or 0,
                                                     command.rest))

    async def _do_reassign(self, command: Command) -> None:
        self._show(await self.bot.manage.reassign(self.actor, command.target or 0,
                                                command.rest or None))

    async def _do_snooze(self, command: Command) -> None:
        choice = "morning" if "morning" in command.rest.lower() else "hour"
        self._show(await self.bot.availability.snooze(self.actor, command.target or 0, choice))

    async def _do_away(self, command: Command) -> None:
        self._show(await self.bot.availability.away(self.actor, away_until_text(command.rest)))

    async def _do_back(self, _command: Command) -> None:
        self._show(await self.bot.availability.back(self.actor))

    async def _do_dashboard(self, _command: Command) -> None:
        self._show(await self.bot.dashboard.link_for(self.actor))

    async def _do_digest(self, _command: Command) -> None:
        self._show(await self.bot.queries.digest_preview(self.actor))


def _type_and_matter(rest: str, pending: Confirmation) -> tuple[str, str | None]:
    """`1`, `doc review`, `document_review 2027-0101` -> (what names the type, the matter).

    A matter is the last word when it is one of the person's matters; a number picks that
    best guess. The application reads the type's words (ids, labels, close spellings)."""
    words = rest.split()
    numbers = {m.value.lower(): m.value for m in pending.matter_choices}
    matter = numbers.get(words[-1].lower()) if words else None
    typed = " ".join(words[:-1] if matter else words)
    if typed.isdigit() and 1 <= int(typed) <= len(pending.candidates):
        typed = pending.candidates[int(typed) - 1].value
    return typed, matter


async def run_console(session: ConsoleSession, lines: TextIO = sys.stdin) -> int:
    """Read lines until EOF or `quit`; prompts only when a person is typing."""
    if not await session.greet():
        return 2
    interactive = lines.isatty()
    while True:
        if interactive:
            session.out.write(f"{session.state.email}> ")
            session.out.flush()
        line = await asyncio.to_thread(lines.readline)
        if not line:
            return 0
        if not interactive and line.strip():
            session.say(f"{session.state.email}> {line.rstrip()}")
        if not await session.handle(line):
            return 0


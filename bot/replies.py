"""What the use cases answer: the actor's identity in, a Reply (and its neutral message) out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from bot.messages import Message

Status = Literal["ok", "already_handled", "forbidden", "not_found", "not_on_roster",
                 "invalid", "needs_confirmation", "nobody_eligible"]


@dataclass(frozen=True, slots=True)
class Actor:
    """How a platform identifies the person acting; the application resolves it to a staff member."""

    email: str | None = None
    slack_user_id: str | None = None
    teams_user_id: str | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Confirmation:
    """A delegation the bot asks about before anything is offered: what it understood, what
    it could not read (`reasons`, one per field in `unsure`), and the choices to offer.

    `type_choices` lists the best guesses (`candidates`) first, then the rest of the catalogue;
    `matter_choices` holds only the matters the delegator is not screened from. Labels are for
    people, values (task type ids, matter numbers) for the answer.
    """

    text: str
    reason: str  # the reasons in one paragraph
    task_type: str | None
    matter: str | None
    due_at: datetime | None
    priority: str
    assignee: str | None
    type_choices: tuple[Choice, ...]
    matter_choices: tuple[Choice, ...]
    unsure: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    candidates: tuple[Choice, ...] = ()

    @property
    def type_choice(self) -> Choice | None:
        return next((c for c in self.type_choices if c.value == self.task_type), None)

    @property
    def matter_choice(self) -> Choice | None:
        return next((c for c in self.matter_choices if c.value == self.matter), None)


@dataclass(frozen=True, slots=True)
class Reply:
    status: Status
    message: Message
    task_id: int | None = None
    confirmation: Confirmation | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True, slots=True)
class TaskList:
    """`/tasks`: my offers, my work, what I delegated and, for a manager, the team's tasks that
    need an owner — each task once, in the first section that holds it."""

    offers: tuple[Message, ...] = ()
    working: tuple[Message, ...] = ()
    delegated: tuple[Message, ...] = ()
    hours_open: float = 0.0
    capacity: float = 0.0
    notes: tuple[str, ...] = field(default=())
    queue: tuple[Message, ...] = ()

    SECTION_TITLES = ("Needs an owner (your team)", "Offers waiting for you", "Your work",
                      "You delegated")

    def sections(self) -> tuple[tuple[str, tuple[Message, ...]], ...]:
        """(heading, messages) in the order every adapter shows them, empty ones included."""
        return tuple(zip(self.SECTION_TITLES,
                         (self.queue, self.offers, self.working, self.delegated), strict=True))

    @property
    def empty(self) -> bool:
        return not (self.queue or self.offers or self.working or self.delegated)


@dataclass(frozen=True, slots=True)
class Pick:
    """Someone a manager may hand a task to: what they cost, how full they are, and why."""

    email: str
    name: str
    cost: float
    load: float
    capacity: float
    why: str


class Refusal(Exception):
    """Raised inside a unit of work to roll it back and answer the actor politely."""

    def __init__(self, status: Status, title: str, body: str = "") -> None:
        super().__init__(title)
        self.status = status
        self.title = title
        self.body = body

    def reply(self) -> Reply:
        return Reply(status=self.status, message=Message(title=self.title, body=self.body,
                                                         kind="error"))


NOT_ON_ROSTER = Refusal("not_on_roster", "You're not on the lpo-bot roster yet.",
                        "Ask a manager to add you to the firm's roster, then try again.")


def unknown_person(result: object) -> bool:
    """Whether a use case answered "not on the roster" (None from whoami, or the refusal)."""
    return result is None or (isinstance(result, Reply) and result.status == "not_on_roster")

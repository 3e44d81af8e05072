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
    """A delegation the parser was unsure of: what it understood, and the choices to offer."""

    text: str
    reason: str
    task_type: str | None
    matter: str | None
    due_at: datetime | None
    priority: str
    assignee: str | None
    type_choices: tuple[Choice, ...]
    matter_choices: tuple[Choice, ...]


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
    """`/tasks`: my offers, my work, and what I delegated — one message per task."""

    offers: tuple[Message, ...] = ()
    working: tuple[Message, ...] = ()
    delegated: tuple[Message, ...] = ()
    hours_open: float = 0.0
    capacity: float = 0.0
    notes: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not (self.offers or self.working or self.delegated)


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

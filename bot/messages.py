"""The platform-neutral message model that Slack, Teams and the console each render."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Style = Literal["primary", "danger"] | None
# What a button asks for before it acts: a decline reason, a note, hours, or the right type.
Input = Literal["decline_reason", "change_note", "hours", "task_type"] | None
# The typed command each input's button stands for, and what follows its task number.
TYPED = {"decline_reason": ("decline", " <reason>"), "change_note": ("changes", " <note>"),
         "hours": ("hours", " <hours>"), "task_type": ("wrong", " <type>")}


@dataclass(frozen=True, slots=True)
class Option:
    """One choice of a picker: `value` completes the action's command (an email, or "")."""

    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Action:
    """A button: `id` says what it does, `value` what it acts on (a task number).

    With `options` it is a picker instead: choosing one acts on `value` with that option
    (Slack: a select; Teams: a choice set and a submit; the console: one command per option).
    """

    id: str
    label: str
    value: str
    style: Style = None
    needs: Input = None
    options: tuple[Option, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Action:
        options = tuple(Option(**option) for option in data.get("options", ()))
        return cls(**{**data, "options": options})


@dataclass(frozen=True, slots=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Message:
    """One message. Text is plain: adapters escape it for their markup."""

    title: str
    body: str = ""
    facts: tuple[Fact, ...] = ()
    actions: tuple[Action, ...] = ()
    footer: str | None = None
    kind: str = "info"
    lines: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Message:
        return cls(
            title=data.get("title", ""),
            body=data.get("body", ""),
            facts=tuple(Fact(**fact) for fact in data.get("facts", ())),
            actions=tuple(Action.from_dict(action) for action in data.get("actions", ())),
            footer=data.get("footer"),
            kind=data.get("kind", "info"),
            lines=tuple(data.get("lines", ())),
        )

    def without_actions(self, footer: str | None = None) -> Message:
        """The same message after a click: buttons gone, an outcome line instead."""
        return Message(title=self.title, body=self.body, facts=self.facts, actions=(),
                       footer=footer or self.footer, kind=self.kind, lines=self.lines)

    def as_text(self) -> str:
        """A plain-text rendering (console, notifications, fallbacks)."""
        parts = [self.title]
        if self.body:
            parts.append(self.body)
        parts.extend(f"{fact.label}: {fact.value}" for fact in self.facts)
        parts.extend(self.lines)
        buttons = [a for a in self.actions if not a.options]
        if buttons:
            parts.append("  ".join(f"[{a.label}: {_action_hint(a)}]" for a in buttons))
        for picker in (a for a in self.actions if a.options):
            parts.append(f"{picker.label}:")
            parts.extend(f"  {_command(picker, option.value)}  \u2014 {option.label}"
                         for option in picker.options)
        if self.footer:
            parts.append(self.footer)
        return "\n".join(parts)


def _command(action: Action, choice: str) -> str:
    """`reassign 7 maria@firm.test`: what typing a picker's option looks like."""
    return " ".join(part for part in (action.id, action.value, choice) if part)


def _action_hint(action: Action) -> str:
    verb, suffix = TYPED.get(action.needs or "", (action.id, ""))
    return f"{verb} {action.value}{suffix}"

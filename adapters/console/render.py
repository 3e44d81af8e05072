"""Plain-text rendering of neutral messages for the terminal."""

from __future__ import annotations

from bot.messages import Message


def indent(text: str, prefix: str = "   ") -> str:
    return "\n".join(prefix + line if line else line for line in text.splitlines())


def render(message: Message) -> str:
    return message.as_text()

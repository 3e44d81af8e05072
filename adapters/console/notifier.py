"""Delivers outbox messages to the terminal: `-> DM to Maria Lopez: ...`."""

from __future__ import annotations

from typing import Any, TextIO

from adapters.console.render import indent, render
from bot.outbox import Delivery, Recipient


class ConsoleNotifier:
    """Reaches everyone: the console plays every person of the firm."""

    platform = "console"

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self._sequence = 0

    def reaches(self, recipient: Recipient) -> bool:
        return True

    async def deliver(self, delivery: Delivery) -> dict[str, Any] | None:
        self._sequence += 1
        who = (f"#{delivery.recipient.channel}" if delivery.recipient.channel
               else delivery.recipient.name or delivery.recipient.key)
        verb = "updated DM to" if delivery.previous_ref else "DM to"
        if delivery.recipient.channel:
            verb = "post in"
        text = render(delivery.message)
        first, _, rest = text.partition("\n")
        self.out.write(f"-> {verb} {who}: {first}\n")
        if rest:
            self.out.write(indent(rest) + "\n")
        self.out.flush()
        return {"message": self._sequence}

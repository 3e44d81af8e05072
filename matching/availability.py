"""Reads `away until ...` phrases: back at the start of that working day unless a time is given."""

from __future__ import annotations

import re
from datetime import datetime, time

from matching.parse.deadlines import find_deadline

_EXPLICIT_TIME = re.compile(r"\d\s*(?:am|pm|a\.m\.|p\.m\.)|\d:\d\d|\bnoon\b|\bmidnight\b",
                            re.IGNORECASE)


def resolve_until(text: str, *, now: datetime, tz: str, day_starts: time) -> datetime | None:
    """`Dec 2` -> Dec 2 at the start of the person's day; `Friday 2pm` -> Friday 14:00."""
    deadline = find_deadline(text, now=now, tz=tz)
    if deadline is None:
        return None
    if _EXPLICIT_TIME.search(text):
        return deadline.due_at
    return deadline.due_at.replace(hour=day_starts.hour, minute=day_starts.minute)

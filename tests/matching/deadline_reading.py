"""What the deadline reader makes of a text, for the deadline tests: the day and whether it asks."""

from __future__ import annotations

from datetime import datetime

from matching.parse.deadlines import read_deadline

NY = "America/New_York"
TUE = "2026-12-08T10:00:00-05:00"  # Tuesday, an ordinary week


def reading(text: str, now: str = TUE) -> tuple[str | None, bool]:
    """The deadline read ("%Y-%m-%d %H:%M" in New York), and whether it is asked about."""
    found = read_deadline(text, now=datetime.fromisoformat(now), tz=NY)
    when = found.deadline.due_at.strftime("%Y-%m-%d %H:%M") if found.deadline else None
    return when, found.doubt is not None

"""What the deadline reader makes of a text, for the deadline tests: the day and whether it asks."""

from __future__ import annotations

from datetime import datetime

from matching.parse.deadlines import read_deadline

NY = "America/New_York"
TUE = "2026-12-08T10:00:00-05:00"  # Tuesday, an ordinary week
WALL_TIME = "%Y-%m-%d %H:%M"
WITH_OFFSET = "%Y-%m-%d %H:%M %z"  # for zone tests: which UTC offset the time carries


def reading(
    text: str, now: str = TUE, tz: str = NY, shown: str = WALL_TIME
) -> tuple[str | None, bool]:
    """The deadline read (as `shown` formats it, in zone `tz`), and whether it is asked about."""
    found = read_deadline(text, now=datetime.fromisoformat(now), tz=tz)
    when = found.deadline.due_at.strftime(shown) if found.deadline else None
    return when, found.doubt is not None

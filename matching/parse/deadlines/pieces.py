"""What the deadline readers find: days, times and moments, and the calendar arithmetic."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

END_OF_DAY = time(17, 0)
LAST_MINUTE = time(23, 59)
FIRST_THING = time(9, 0)
NOON = time(12, 0)
PASSED_WARNING = "deadline has passed"
UNKNOWN_ZONE_WARNING = "unknown timezone {tz!r}; times read as UTC"

# Ranks of a candidate: how surely it is the task's deadline rather than a fact in passing.
CONTEXT, STANDING, MARKED = 0, 1, 2

# Counts beyond this are typos or ids, not deadlines, and would overflow the calendar.
MAX_COUNT = 999
# A date with a year further back than this is history, not a deadline, unless marked as one.
STALE_DATE = timedelta(days=31)


@dataclass(frozen=True, slots=True)
class Deadline:
    """The deadline a text gives, where it was said (spans of the text), and any warnings."""

    due_at: datetime
    spans: tuple[tuple[int, int], ...]
    warnings: tuple[str, ...] = ()


class DeadlineReading(NamedTuple):
    """The deadline a text gives, if any, and what about it could not be read for sure: a
    deadline cue with no date ("before the hearing"), a date that cannot be ("Feb 30"), a
    misspelt day ("frday"), a weekday and a date that disagree, a deadline already past, the
    law's clock counted from service ("answer due in 20 days (served 1/9)"), another thing's
    or party's deadline ("relocation $ deadline is 3/31", "he has to answer by Friday", "their
    30 days run out next week"), a time in a zone not named ("by 3 her time"), two days said
    alike or offered as options, two deadlines of the task's own or one after the thing it serves is due, an event
    known only by its day or time ("for Thursday's hearing"), a deadline in a later list item,
    one asked only if there is such work, or one in a message that asks nothing. `deadline`
    may then hold the best guess."""

    deadline: Deadline | None
    doubt: str | None = None


@lru_cache(maxsize=64)
def _zone(tz: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(tz)
    except (ValueError, OSError, TypeError, KeyError):
        return None


def zone_named(tz: str) -> tuple[ZoneInfo | timezone, tuple[str, ...]]:
    """The zone called `tz`, or UTC with a warning when there is no such zone."""
    zone = _zone(tz) if isinstance(tz, str) and tz else None
    if zone is None:
        return UTC, (UNKNOWN_ZONE_WARNING.format(tz=tz),)
    return zone, ()


def wall_time(day: date, clock: time, zone: ZoneInfo | timezone) -> datetime:
    # The UTC round trip moves a wall time that DST skips (02:30 in spring) to a real instant.
    naive = datetime.combine(day, clock)
    return naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


class Day(NamedTuple):
    start: int
    end: int
    day: date
    clock: time = END_OF_DAY
    rank: int = STANDING
    evening: bool = False  # "tonight at 9" is 21:00
    doubt: str | None = None  # read, but only as a guess ("frday" as Friday)
    dated: bool = False  # a date of the calendar ("1/29", "Tuesday the 24th"), not a relative day


class Clock(NamedTuple):
    start: int
    end: int
    clock: time
    rank: int = STANDING
    meridiem: bool = True  # False: an hour like "at 9" whose half of the day was inferred
    needs_day: bool = False  # "morning" means nothing without a day
    stated: bool = True  # False: "EOD", which is a time of day only by convention


class Moment(NamedTuple):
    start: int
    end: int
    moment: datetime
    rank: int = MARKED


class Unread(NamedTuple):
    """A date said but not readable as one ("Feb 30"): it claims its words and is asked about."""

    start: int
    end: int
    doubt: str
    rank: int = STANDING
    vague: bool = False  # a span of days ("early next week"): asked about only as the deadline


Piece = Day | Clock | Moment | Unread


@dataclass(frozen=True, slots=True)
class Now:
    moment: datetime
    zone: ZoneInfo | timezone

    @property
    def today(self) -> date:
        return self.moment.date()


def nearest_date(month: int, day: int, today: date) -> date | None:
    """The first `month`/`day` from `today` on (Feb 29 waits for a leap year)."""
    for year in range(today.year, today.year + 9):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def dated(month: int, day: int, year: str | None, today: date) -> date | None:
    if not year:
        return nearest_date(month, day, today)
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return date(full_year, month, day)
    except ValueError:
        return None


def weekday_on_or_after(wanted: int, now: Now) -> date:
    """The nearest such weekday from today on whose 17:00 is still ahead."""
    today = now.today
    ahead = (wanted - today.weekday()) % 7
    if ahead == 0 and now.moment.time() >= END_OF_DAY:
        ahead = 7
    return today + timedelta(days=ahead)


def weekday_next_week(wanted: int, today: date) -> date:
    """That weekday in the Monday-to-Sunday week after this one."""
    return today - timedelta(days=today.weekday()) + timedelta(days=7 + wanted)


def friday_of_week(today: date, weeks_ahead: int) -> date:
    return today - timedelta(days=today.weekday()) + timedelta(days=4 + 7 * weeks_ahead)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, last)
        except ValueError:
            continue
    return date(year, month + 1, 28)


def later(now: Now, span: timedelta) -> datetime:
    # Elapsed time, not wall time: "in 2 hours" across a DST change is still 2 hours.
    return (now.moment.astimezone(UTC) + span).astimezone(now.zone)


@dataclass(frozen=True, slots=True)
class Reader:
    """One pattern and how to read its matches; tried only when its cheap cue is in the text."""

    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], str, Now], Piece | None]
    cue: re.Pattern[str] | tuple[str, ...]  # a pattern, or plain strings (faster to look for)

    @property
    def needs_digit(self) -> bool:
        return not isinstance(self.cue, tuple) and r"\d" in self.cue.pattern


def cue(*cues: str) -> tuple[str, ...]:
    """A cue of plain strings: one of them is in any text the pattern could match."""
    return cues


# Words a period may end without ending the sentence ("ch. 13", "Midland v. Ortiz", "Ms. Cole",
# "i.e. 11/17").
_ABBREVIATIONS = ("ch", "v", "vs", "no", "mr", "ms", "mrs", "dr", "jr", "inc", "co", r"i\.e", r"e\.g")


def unabbreviated(mark: str) -> str:
    """A pattern for `mark` (one character or class: `\\.`, `[.!?]`) where it ends no
    abbreviation, so only a sentence's own full stop matches. The lookbehinds come after the
    mark, tried only once it matched: a scan then skips other characters fast instead of
    trying thirteen lookbehinds at each (the same matches as putting them before it)."""
    return mark + "".join(rf"(?<!\b{word}.)" for word in _ABBREVIATIONS)


# A full stop that ends no abbreviation.
FULL_STOP = unabbreviated(r"\.")


class Candidate(NamedTuple):
    """One reading of the deadline: where it was said, the moment, and how surely it is the
    task's own (its rank), with what about it is only a guess."""

    spans: tuple[tuple[int, int], ...]
    due_at: datetime
    rank: int
    doubt: str | None = None
    dated: bool = False  # it names a date of the calendar ("1/29"), not a relative day
    timed: bool = False  # it states a time of day ("at 10am"), not "EOD"

    @property
    def start(self) -> int:
        return self.spans[0][0]

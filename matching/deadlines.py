"""Deadline phrases in delegation text, resolved to aware datetimes in the delegator's timezone."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from matching.calendar import add_business_days, last_business_day_of_month
from matching.text import fold

__all__ = ["END_OF_DAY", "PASSED_WARNING", "Deadline", "find_deadline", "zone_named"]

END_OF_DAY = time(17, 0)
LAST_MINUTE = time(23, 59)
FIRST_THING = time(9, 0)
NOON = time(12, 0)
PASSED_WARNING = "deadline has passed"
UNKNOWN_ZONE_WARNING = "unknown timezone {tz!r}; times read as UTC"

# Ranks of a candidate: how surely it is the task's deadline rather than a fact in passing.
_CONTEXT, _STANDING, _MARKED = 0, 1, 2

# Counts beyond this are typos or ids, not deadlines, and would overflow the calendar.
_MAX_COUNT = 999
# A date with a year further back than this is history, not a deadline, unless marked as one.
STALE_DATE = timedelta(days=31)


@dataclass(frozen=True, slots=True)
class Deadline:
    """The deadline a text gives, where it was said (spans of the text), and any warnings."""

    due_at: datetime
    spans: tuple[tuple[int, int], ...]
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# Zones
# ---------------------------------------------------------------------------------------------


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


def _at(day: date, clock: time, zone: ZoneInfo | timezone) -> datetime:
    # The UTC round trip moves a wall time that DST skips (02:30 in spring) to a real instant.
    naive = datetime.combine(day, clock)
    return naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "couple": 2, "few": 3,
}  # fmt: skip
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_NUMBER = (
    rf"(?:\d{{1,3}}|(?:{_TENS})(?:[-\s](?:{_ONES}))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten"
    rf"|{_ONES}|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|an?)"
)

# Spoken times and days ("by three", "at nine thirty", "feb fifth"), as a phone dictates them.
_HOURS = {word: n for n, word in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split(), start=1)}
_MINUTES = {"oh five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30,
            "forty": 40, "forty five": 45, "forty-five": 45, "fifty": 50}
_SPOKEN_CLOCK = re.compile(
    r"\b(?:at|by|before|until|till|around)\s+(?P<h>"
    + "|".join(sorted(_HOURS, key=len, reverse=True))
    + r")(?:[\s-]+(?P<m>"
    + "|".join(sorted(_MINUTES, key=len, reverse=True)).replace(" ", r"[\s-]")
    + r"))?\b(?!\s+(?:days?|hours?|hrs?|weeks?|wks?|months?|business|biz|minutes?|mins?)\b)"
)
_ORDINALS = {word: n for n, word in enumerate(
    ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
     "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth")
    .split(), start=1)}
_ORDINALS |= {f"twenty {w}": 20 + n for w, n in list(_ORDINALS.items())[:9]}
_ORDINALS |= {"thirtieth": 30, "thirty first": 31}
_SPOKEN_DAY = re.compile(
    r"\b(?P<lead>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:the\s+)?"
    r"|the\s+)(?P<ord>"
    + "|".join(sorted(_ORDINALS, key=len, reverse=True)).replace(" ", r"[\s-]")
    + r")\b"
)

# Cheap to look for first: how every spoken hour and ordinal day begins.
_SPOKEN_CUE = re.compile(
    r"\b(?:one|two|thr|fou|fiv|fif|six|sev|eig|nin|ten|ele|twe|fir|sec|thi)")

_WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2,
    "wednesday": 2, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
    # The misspellings people type fast enough to send.
    "tuseday": 1, "tusday": 1, "teusday": 1, "wensday": 2, "wendsday": 2, "wednsday": 2,
    "wedensday": 2, "thrusday": 3, "thursay": 3, "thurday": 3, "firday": 4, "fridy": 4,
}  # fmt: skip
# Short forms that are also English words ("the file sat there") count only when introduced.
_WORDLIKE_WEEKDAYS = frozenset({"sat", "sun", "wed", "mon"})
_INTRODUCERS = frozenset({"on", "this", "next", "for", "by", "before", "until", "till", "due"})
# What shows such a short form is a day without a lead-in: a time right after it, or a clause
# of its own at the end of the text.
_TIME_AFTER = re.compile(
    r"\s*,?\s*(?:(?:at|@|by)\s*\d{1,2}(?::\d{2})?(?:\s*[ap]\.?m)?\b"
    r"|\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|\d{1,2}:\d{2}\b|(?:at\s+)?noon\b)"
)
_CLAUSE_END_BEFORE = re.compile(r"(?:^|[,;:(]|\s-+)\s*$")
_DATE_AFTER = re.compile(
    r"[\s,]+(?:the\s+)?(?:\d{1,2}/\d{1,2}\b|\d{4}-\d{2}-\d{2}\b"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
)
_TEXT_END = re.compile(r"\s*[.!)]?\s*")
_TERSE_WORDS = 6
# Longest spelling first, so that "thursday" is not read as "thu" + "rsday".
_WEEKDAY = rf"(?P<wd>{'|'.join(sorted(_WEEKDAYS, key=len, reverse=True))})"
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORDINAL_SUFFIX = r"(?:st|nd|rd|th)?"
_YEAR_TAIL = r"(?:,?\s+(?P<y>\d{4})(?!\d))?"

# Words that, right before a day or time, make it the deadline ("by", "due", "deadline is").
_MARKERS = frozenset(
    {"by", "due", "before", "until", "till", "til", "deadline", "than", "latest", "need",
     "needed", "needs", "eod", "cob", "within", "expected"}
)  # fmt: skip
# Words that, right before a date, make it a fact ("served 11/20", "21 days from 11/23") or
# no date at all ("Happy Friday!").
_FACTS = frozenset(
    {"since", "from", "after", "was", "were", "last", "had", "ago", "effective", "payment",
     "pmt", "activity", "default", "delinquency", "happy"}
)  # fmt: skip
# Verbs of past events: they make a date a fact even a few words on ("served by mail 11/24",
# "Midland called her 9 times today", "charged off 5/2021").
_FACT_VERBS = frozenset(
    {"served", "service", "received", "rcvd", "recd", "dated", "mailed", "postmarked", "signed",
     "entered", "issued", "opened", "filed", "sent", "paid", "made", "happened", "occurred",
     "started", "began", "called", "held", "charged", "defaulted", "calling", "contacted",
     "contacting", "texted", "emailed", "garnished", "threatened", "sued", "reported",
     "responded", "answered", "moved", "rescheduled", "postponed", "continued", "adjourned",
     "scheduled", "discovered", "noticed", "learned", "incurred", "purchased", "sold", "closed",
     "came", "arrived", "extended", "took"}
)  # fmt: skip
# "came by", "stopped by": a visit, not a deadline marker.
_VISITED = frozenset({"came", "come", "stopped", "dropped", "swung"})
# Words before a fact verb that make it a request ("get it filed", "needs to be sent").
_REQUESTS = frozenset(
    {"get", "have", "need", "needs", "want", "wants", "be", "must", "should", "please", "pls"}
)
# Papers named after an event: "cert of service tmrw" asks for the certificate, by tomorrow.
_PAPERS_OF = frozenset({"certificate", "cert", "proof", "affidavit", "declaration", "notice"})
# How many other words may stand between a fact verb and the date it makes a fact.
_FACT_REACH = 3
# Words that may stand between a marker or fact word and the date itself.
_FILLERS = frozenset(
    {"on", "the", "is", "at", "of", "this", "be", "it", "to", "date", "will", "and", "or", "as",
     "about", "around", "in"}
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9']+")
# Marker and fact words act within their own clause only ("came back, tomorrow at 10"; "hrg got
# moved - cover it on 1/26"): a dash between spaces ends a clause, one inside a word does not.
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
_CLAUSE_BREAK = re.compile(r"[,;!?()]|\.\s|\s-+\s")

# ---------------------------------------------------------------------------------------------
# Patterns (all run on folded text; each finds one kind of piece)
# ---------------------------------------------------------------------------------------------

_RELATIVE = re.compile(
    r"\b(?:(?:in|within|inside(?:\s+of)?|over)\s+(?:the\s+)?(?:next\s+)?|next\s+)"
    rf"(?P<n>{_NUMBER})"
    r"(?:(?<=\d)(?P<short>[dhw])|(?:(?<=\d)|\b)\s*(?P<unit>(?:business|biz|bus\.?|working|work"
    r"|court)[\s-]*days?|b-?days?|(?:calendar\s+)?days?|hours?|hrs?|hr|minutes?|mins?|weeks?"
    r"|wks?|months?|mos?))\b(?:'s|s')?(?:\s+time)?"
)
_FROM_NOW = re.compile(
    rf"\b(?P<n>{_NUMBER})\s*(?P<unit>(?:business|biz|working)[\s-]*days?|b-?days?|days?"
    r"|hours?|hrs?|minutes?|mins?|weeks?|wks?|months?)\s+from\s+(?:now|today)\b"
)
_WITHIN_THE_HOUR = re.compile(r"\b(?:within|in)\s+the\s+(?:next\s+)?hour\b")
_ISO_DATE = re.compile(r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d-])")
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.$-])(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?(?![\d/%]|\s+of\b)"
)
_DASHED_DATE = re.compile(r"(?<![\d/.$-])(?P<m>\d{1,2})-(?P<d>\d{1,2})-(?P<y>\d{4}|\d{2})(?![\d-])")
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\.?\s+(?:the\s+)?(?P<d>\d{{1,2}}){_ORDINAL_SUFFIX}(?![\d:])\b{_YEAR_TAIL}"
)
_DAY_MONTH = re.compile(
    rf"\b(?:the\s+)?(?P<d>\d{{1,2}}){_ORDINAL_SUFFIX}\s+(?:of\s+)?{_MONTH}\b\.?{_YEAR_TAIL}"
)
_ORDINAL_DAY = re.compile(
    r"\b(?:by|on|before|until|due)\s+(?P<the>the\s+(?P<d>\d{1,2})(?:st|nd|rd|th))\b"
)
# What may follow "the 15th" when it is a day of the month; any other word is a noun it
# qualifies ("on the 3rd floor", "the 2nd set of RFPs", "before the 11th Circuit").
_AFTER_ORDINAL_DATE = frozenset(
    {"at", "by", "eod", "cob", "eob", "pls", "please", "thanks", "thx", "ty", "if", "and", "or",
     "so", "to", "for", "latest", "when", "as", "but", "then", "is", "works", "ok", "okay", "in",
     "on", "with", "re", "the", "of", "morning", "afternoon", "noon", "midnight", "end", "close",
     "deadline", "would", "will", "should", "that", "which", "because", "since", "unless",
     "otherwise", "we", "i", "she", "he", "they", "it", "you", "asap", "urgent", "tops", "max",
     "before", "not", "no"}
)  # fmt: skip
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_NEXT_WEEK_END = re.compile(r"\b(?:(?:the\s+)?end\s+of\s+next\s+w(?:ee)?k|next\s+w(?:ee)?k)\b")
_WEEKDAY_RE = re.compile(
    r"\b(?:(?P<next>next)\s+|(?:this\s+coming|this|coming)\s+)?"
    rf"{_WEEKDAY}\b\.?"
    r"(?P<suffix>\s+(?:of\s+)?(?:next|this)\s+w(?:ee)?k\b)?"
)
_END_OF_WEEK = re.compile(
    r"(?:\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:work\s*)?w(?:ee)?k\b|\beow\b|\be\.o\.w\b\.?"
    r"|\b(?:by|before)\s+the\s+weekend\b)"
)
_THIS_WEEK = re.compile(r"\bthis\s+w(?:ee)?k\b")
_END_OF_MONTH = re.compile(
    r"(?:\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month\b|\beom\b|\be\.o\.m\b\.?"
    r"|\bmonth[\s-]end\b)"
)
_THIS_MONTH = re.compile(r"\bthis\s+month\b")
_NEXT_MONTH = re.compile(r"\b(?:(?:the\s+)?end\s+of\s+next\s+month|next\s+month)\b")
_END_OF_DAY = re.compile(
    r"(?:\beod\b|\be\.o\.d\b\.?|\bcob\b|\bc\.o\.b\b\.?|\beob\b|\bclose\s+of\s+(?:business|play)\b"
    r"|\bend\s+of\s+(?:the\s+)?(?:business\s+|work\s*)?day\b|\bend\s+of\s+business\b)"
)
_DAY_AFTER_TOMORROW = re.compile(
    r"\b(?:the\s+)?day\s+after\s+(?:tomorrow|tom+or+ow|tmrw+|tmr|tmw|tmrow|2mor+ow|2moro)\b"
)
_TOMORROW = re.compile(r"\b(?:tomorrow|tom+or+ow|tmrw+|tmr|tmw|tmrow|2mor+ow|2moro)\b")
_TODAY = re.compile(r"\b(?:today|tdy|2day|this\s+afternoon)\b")
_TONIGHT = re.compile(r"\b(?:tonight|tonite|2nite|this\s+evening)\b")
_CLOCK_MERIDIEM = re.compile(
    r"(?<![\d:/.$])\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?"
    r"(?:\s*(?P<ap>[ap])\.?m\b\.?|(?P<ap1>[ap])\b)"
)
_CLOCK_24 = re.compile(r"(?<![\d:/.$])\b(?P<h>\d{1,2})[:h](?P<m>\d{2})(?![\d:])")
_NOON = re.compile(r"\b(?:12\s+)?(?:noon|midday|mid-day)\b")
_MIDNIGHT = re.compile(r"\bmidnight\b")
_OCLOCK = re.compile(r"(?<![\d:/.$])\b(?P<h>\d{1,2})\s*o'?\s*clock\b")
_BARE_HOUR = re.compile(
    r"\b(?:at|by|before|until|till|til|around|@)\s+(?P<h>\d{1,2})\b"
    r"(?!\s*(?:%|percent|[:/.,-]\s*\d|\d"
    r"|(?:-|\s)*(?:days?|hours?|hrs?|h|weeks?|wks?|months?|years?|yrs?|business|biz|minutes?"
    r"|mins?|pages?|k|x|th|st|nd|rd|of|percent|cents?|dollars?|bucks)\b))"
)
# "tmrw 9", "thu 10": an hour right after a day, as terse messages give it.
_HOUR_AFTER_DAY = re.compile(
    r"(?<=[a-z.] )(?P<h>\d{1,2})\b(?![:/.,-]?\d|\s*(?:%|[ap]\.?m"
    r"|days?|hours?|hrs?|weeks?|wks?|months?|business|biz|copies|copy|pages?|times|x)\b)"
)
_DAY_BEFORE = re.compile(
    r"\b(?:today|tomorrow|tmrw|tmr|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs"
    r"|thursday|fri|friday|sat|saturday|sun|sunday)\.? $"
)
_MORNING = re.compile(
    r"\b(?:first\s+thing(?:\s+in\s+the\s+morning)?|(?:in\s+the\s+)?morning"
    r"|a\.?m\.?\s+first\s+thing)\b"
)
_AT_THE_LATEST = re.compile(r"\s*,?\s*(?:at\s+the\s+latest|latest)\b")
# What may stand between a day and its time: "tomorrow at 10am", "3pm on Friday", "Fri, 2pm".
_JOINER = re.compile(
    r"^[\s,;:()\-]*(?:(?:at|by|on|before|until|till|around|@|the)[\s,;:()\-]*){0,3}$"
)


# ---------------------------------------------------------------------------------------------
# Pieces: what one pattern found, before days and times are paired up
# ---------------------------------------------------------------------------------------------


class _Day(NamedTuple):
    start: int
    end: int
    day: date
    clock: time = END_OF_DAY
    rank: int = _STANDING
    evening: bool = False  # "tonight at 9" is 21:00


class _Clock(NamedTuple):
    start: int
    end: int
    clock: time
    rank: int = _STANDING
    meridiem: bool = True  # False: an hour like "at 9" whose half of the day was inferred
    needs_day: bool = False  # "morning" means nothing without a day
    stated: bool = True  # False: "EOD", which is a time of day only by convention


class _Moment(NamedTuple):
    start: int
    end: int
    moment: datetime
    rank: int = _MARKED


_Piece = _Day | _Clock | _Moment


@dataclass(frozen=True, slots=True)
class _Now:
    moment: datetime
    zone: ZoneInfo | timezone

    @property
    def today(self) -> date:
        return self.moment.date()


def _number_value(words: str) -> int | None:
    """The count written as digits or English number words ("48", "two", "forty-eight", "a")."""
    words = words.strip()
    if words.isdigit():
        return int(words)
    parts = [w for w in re.split(r"[\s-]+", words) if w != "of"]
    if len(parts) > 1:
        parts = [w for w in parts if w not in ("a", "an")]
    values = [_UNITS.get(w) for w in parts]
    if not values or None in values:
        return None
    return sum(v for v in values if v is not None)


def _hour_of_day(hour: int) -> int | None:
    """An hour said without am/pm: 7-11 morning, 12 noon, 1-6 afternoon; 0 and 13-23 as is."""
    if 1 <= hour <= 6:
        return hour + 12
    return hour if 0 <= hour <= 23 else None


def _meridiem_clock(match: re.Match[str], folded: str, now: _Now) -> _Clock | None:
    hour, minute = int(match["h"]), int(match["m"] or 0)
    half = match["ap"] or match["ap1"]
    if minute > 59 or hour > 12 or hour == 0 and half == "p":
        return None
    hour = hour % 12 + (12 if half == "p" else 0)
    return _Clock(match.start(), match.end(), time(hour, minute))


def _24h_clock(match: re.Match[str], folded: str, now: _Now) -> _Clock | None:
    hour, minute = _hour_of_day(int(match["h"])), int(match["m"])
    if hour is None or minute > 59:
        return None
    return _Clock(match.start(), match.end(), time(hour, minute), meridiem=int(match["h"]) > 12)


def _hour_clock(match: re.Match[str], folded: str, now: _Now) -> _Clock | None:
    said = int(match["h"])
    if not 1 <= said <= 12:
        return None
    hour = _hour_of_day(said)
    return _Clock(match.start("h"), match.end(), time(hour or 0), meridiem=False)


def _hour_after_day(match: re.Match[str], folded: str, now: _Now) -> _Clock | None:
    if not _DAY_BEFORE.search(folded, max(0, match.start() - 12), match.start()):
        return None
    return _hour_clock(match, folded, now)


def _nearest_date(month: int, day: int, today: date) -> date | None:
    """The first `month`/`day` from `today` on (Feb 29 waits for a leap year)."""
    for year in range(today.year, today.year + 9):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def _dated(month: int, day: int, year: str | None, today: date) -> date | None:
    if not year:
        return _nearest_date(month, day, today)
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return date(full_year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return _MONTHS[name[:3]]


def _weekday_on_or_after(wanted: int, now: _Now) -> date:
    """The nearest such weekday from today on whose 17:00 is still ahead."""
    today = now.today
    ahead = (wanted - today.weekday()) % 7
    if ahead == 0 and now.moment.time() >= END_OF_DAY:
        ahead = 7
    return today + timedelta(days=ahead)


def _weekday_next_week(wanted: int, today: date) -> date:
    """That weekday in the Monday-to-Sunday week after this one."""
    return today - timedelta(days=today.weekday()) + timedelta(days=7 + wanted)


def _friday_of_week(today: date, weeks_ahead: int) -> date:
    return today - timedelta(days=today.weekday()) + timedelta(days=4 + 7 * weeks_ahead)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, last)
        except ValueError:
            continue
    return date(year, month + 1, 28)


def _relative(match: re.Match[str], folded: str, now: _Now) -> _Piece | None:
    count = _number_value(match["n"])
    if count is None or count > _MAX_COUNT:
        return None
    unit = (match["unit"] or match["short"]).replace(".", "")
    start, end = match.start(), match.end()
    if _counts_business_days(unit):
        return _Day(start, end, add_business_days(now.today, count), rank=_MARKED)
    if unit.startswith("h"):
        return _Moment(start, end, _later(now, timedelta(hours=count)))
    if unit.startswith("min"):
        return _Moment(start, end, _later(now, timedelta(minutes=count)))
    if unit.startswith("w"):
        return _Day(start, end, now.today + timedelta(weeks=count), rank=_MARKED)
    if unit.startswith("mo"):
        return _Day(start, end, _add_months(now.today, count), rank=_MARKED)
    return _Day(start, end, now.today + timedelta(days=count), rank=_MARKED)


def _counts_business_days(unit: str) -> bool:
    """ "business days", "biz days", "bdays", "working days", "court days"."""
    return "day" in unit and unit.startswith(("business", "biz", "bus", "court", "b", "work"))


def _later(now: _Now, span: timedelta) -> datetime:
    # Elapsed time, not wall time: "in 2 hours" across a DST change is still 2 hours.
    return (now.moment.astimezone(UTC) + span).astimezone(now.zone)


def _weekday_piece(match: re.Match[str], folded: str, now: _Now) -> _Piece | None:
    name = match["wd"]
    introduced = bool(match["next"] or match.group(0) != name or match["suffix"])
    if (name in _WORDLIKE_WEEKDAYS and not introduced and not _introduced(folded, match.start())
            and not _said_as_day(folded, match)):
        return None
    if _DATE_AFTER.match(folded, match.end()):
        return None  # "Friday 1/22", "Fri, Jan 22nd": the date says which Friday
    wanted = _WEEKDAYS[name]
    suffix = match["suffix"] or ""
    if match["next"] or "next" in suffix:
        day = _weekday_next_week(wanted, now.today)
    else:
        day = _weekday_on_or_after(wanted, now)
    return _Day(match.start(), match.end(), day)


def _said_as_day(folded: str, match: re.Match[str]) -> bool:
    # "wed 3pm", "Mon at 8:30", or a last clause of its own ("1692c(c) letter, Wed").
    if _TIME_AFTER.match(folded, match.end()):
        return True
    if not _TEXT_END.fullmatch(folded, match.end()):
        return False
    # Last, after a clause break or in a terse command ("ans Munday mon", "C&D Ruiz wed").
    terse = len(_WORD.findall(folded)) <= _TERSE_WORDS
    return terse or bool(_CLAUSE_END_BEFORE.search(folded, 0, match.start()))


def _introduced(folded: str, start: int) -> bool:
    # "on wed", "for wed", "need it wed": a short form that is also a word needs a lead-in.
    words = _WORD.findall(folded, max(0, start - 24), start)
    return bool(words) and (words[-1] in _INTRODUCERS or _lead(folded, start) == _MARKED)


@dataclass(frozen=True, slots=True)
class _Reader:
    """One pattern and how to read its matches; tried only when its cheap cue is in the text."""

    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], str, _Now], _Piece | None]
    cue: re.Pattern[str] | tuple[str, ...]  # a pattern, or plain strings (faster to look for)

    @property
    def needs_digit(self) -> bool:
        return not isinstance(self.cue, tuple) and r"\d" in self.cue.pattern

    def applies_to(self, folded: str) -> bool:
        if isinstance(self.cue, tuple):
            for word in self.cue:
                if word in folded:
                    return True
            return False
        return self.cue.search(folded) is not None


def _words(*cues: str) -> tuple[str, ...]:
    """A cue of plain strings: one of them is in any text the pattern could match."""
    return cues


def _numeric_date(match: re.Match[str], folded: str, now: _Now) -> _Piece | None:
    return _date_piece(match, int(match["m"]), int(match["d"]), match["y"], now.today)


def _named_month_date(match: re.Match[str], folded: str, now: _Now) -> _Piece | None:
    return _date_piece(match, _month_number(match["mon"]), int(match["d"]), match["y"], now.today)


def _within_the_hour(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    return _Moment(match.start(), match.end(), _later(now, timedelta(hours=1)))


def _day_after_tomorrow(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    return _Day(match.start(), match.end(), now.today + timedelta(days=2))


def _next_week(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    return _Day(match.start(), match.end(), _friday_of_week(now.today, 1))


def _end_of_week(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    return _Day(match.start(), match.end(), _friday_of_week(now.today, 0), rank=_MARKED)


def _this_week(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    return _Day(match.start(), match.end(), _friday_of_week(now.today, 0))


def _next_month(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    following = _add_months(now.today.replace(day=1), 1)
    day = last_business_day_of_month(following.year, following.month)
    return _Day(match.start(), match.end(), day)


def _end_of_month(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    day = last_business_day_of_month(now.today.year, now.today.month)
    return _Day(match.start(), match.end(), day, rank=_MARKED)


def _this_month(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    day = last_business_day_of_month(now.today.year, now.today.month)
    return _Day(match.start(), match.end(), day)


def _end_of_day(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    # A time of day (17:00) so that "EOD Friday" pairs with its day like "Friday 5pm".
    return _Clock(match.start(), match.end(), END_OF_DAY, rank=_MARKED, stated=False)


def _tomorrow(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    return _Day(match.start(), match.end(), now.today + timedelta(days=1))


def _tonight(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    return _Day(match.start(), match.end(), now.today, LAST_MINUTE, evening=True)


def _today(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    return _Day(match.start(), match.end(), now.today)


def _noon(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    return _Clock(match.start(), match.end(), NOON)


def _midnight(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    return _Clock(match.start(), match.end(), LAST_MINUTE)


def _morning(match: re.Match[str], folded: str, now: _Now) -> _Piece:
    return _Clock(match.start(), match.end(), FIRST_THING, needs_day=True)


def _date_piece(
    match: re.Match[str], month: int, day: int, year: str | None, today: date
) -> _Day | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    found = _dated(month, day, year, today)
    if found is None:
        return None
    # "discovered it on 3/15/2025": a date with a year long gone tells what happened, unless
    # a marker asks for it ("due 3/15/2025" is still read, and warned about).
    stale = year is not None and found < today - STALE_DATE
    return _Day(match.start(), match.end(), found, rank=_CONTEXT if stale else _STANDING)


def _ordinal_date(match: re.Match[str], folded: str, now: _Now) -> _Day | None:
    """ "by the 15th": the next 15th from today on."""
    following = _NEXT_WORD.match(folded, match.end())
    if following and following[1] not in _AFTER_ORDINAL_DATE:
        return None  # "on the 3rd floor", "the 2nd set of RFPs", "before the 11th Circuit"
    today, wanted = now.today, int(match["d"])
    for months_ahead in range(3):
        first = _add_months(today.replace(day=1), months_ahead)
        try:
            candidate = first.replace(day=wanted)
        except ValueError:
            continue
        if candidate >= today:
            return _Day(match.start("the"), match.end(), candidate)
    return None


# Each cue is a cheap search that any text the pattern could match must contain.
_READERS = (
    _Reader(_RELATIVE, _relative, _words("in ", "within", "inside", "over ", "next ")),
    _Reader(_FROM_NOW, _relative, _words("from now", "from today")),
    _Reader(_WITHIN_THE_HOUR, _within_the_hour, _words("the hour", "next hour")),
    _Reader(_ISO_DATE, _numeric_date, re.compile(r"\d-\d")),
    _Reader(_NUMERIC_DATE, _numeric_date, re.compile(r"\d/\d")),
    _Reader(_DASHED_DATE, _numeric_date, re.compile(r"\d-\d")),
    _Reader(_MONTH_DAY, _named_month_date, re.compile(rf"{_MONTH}\.?\s+(?:the\s+)?\d")),
    _Reader(
        _DAY_MONTH, _named_month_date, re.compile(rf"\d{_ORDINAL_SUFFIX}\s+(?:of\s+)?{_MONTH}")
    ),
    _Reader(_ORDINAL_DAY, _ordinal_date, re.compile(r"\d(?:st|nd|rd|th)")),
    _Reader(_DAY_AFTER_TOMORROW, _day_after_tomorrow, _words("day after")),
    _Reader(_WEEKDAY_RE, _weekday_piece, _words(*sorted({day[:3] for day in _WEEKDAYS}))),
    _Reader(_NEXT_WEEK_END, _next_week, _words("next w")),
    _Reader(_END_OF_WEEK, _end_of_week, _words("end of", "eow", "e.o.w", "weekend")),
    _Reader(_THIS_WEEK, _this_week, _words("this w")),
    _Reader(_NEXT_MONTH, _next_month, _words("next month")),
    _Reader(_END_OF_MONTH, _end_of_month, _words("end of", "eom", "e.o.m", "month")),
    _Reader(_THIS_MONTH, _this_month, _words("this month")),
    _Reader(
        _END_OF_DAY,
        _end_of_day,
        _words("eod", "e.o.d", "cob", "c.o.b", "eob", "close of", "end of"),
    ),
    _Reader(_TOMORROW, _tomorrow, _words("tom", "tmr", "tmw", "2mor", "2mo")),
    _Reader(_TONIGHT, _tonight, _words("tonight", "tonite", "2nite", "this evening")),
    _Reader(_TODAY, _today, _words("today", "tdy", "2day", "this afternoon")),
    _Reader(_CLOCK_MERIDIEM, _meridiem_clock, re.compile(r"\d\s*[ap]")),
    _Reader(_CLOCK_24, _24h_clock, re.compile(r"\d[:h]\d")),
    _Reader(_NOON, _noon, _words("noon", "midday", "mid-day")),
    _Reader(_MIDNIGHT, _midnight, _words("midnight")),
    _Reader(_OCLOCK, _hour_clock, _words("clock")),
    _Reader(_BARE_HOUR, _hour_clock, re.compile(r"(?:at|by|before|until|till|til|around|@)\s+\d")),
    _Reader(_HOUR_AFTER_DAY, _hour_after_day,
            ("today ", "tomorrow ", "tmrw ", "tmr ", "mon", "tue", "wed", "thu", "fri", "sat",
             "sun")),
    _Reader(_MORNING, _morning, _words("morning", "first thing")),
)


# Most delegations hold no digit; the readers whose cue needs one are then not tried at all.
_WORD_READERS = tuple(reader for reader in _READERS if not reader.needs_digit)
_DIGIT = re.compile(r"\d")


def _pieces(folded: str, now: _Now) -> list[_Piece]:
    """Every day, time and moment the text names, none overlapping another."""
    taken: list[tuple[int, int]] = []
    pieces: list[_Piece] = []
    readers = _READERS if _DIGIT.search(folded) else _WORD_READERS
    for reader in readers:
        if not reader.applies_to(folded):
            continue
        for match in reader.pattern.finditer(folded):
            if not _free(taken, match.start(), match.end()):
                continue
            piece = reader.read(match, folded, now)
            if piece is not None and _free(taken, piece.start, piece.end):
                taken.append((piece.start, piece.end))
                pieces.append(piece)
    pieces.sort(key=lambda p: p.start)
    return pieces


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)


# ---------------------------------------------------------------------------------------------
# Pairing days with times, ranking, choosing
# ---------------------------------------------------------------------------------------------


class _Candidate(NamedTuple):
    spans: tuple[tuple[int, int], ...]
    due_at: datetime
    rank: int

    @property
    def start(self) -> int:
        return self.spans[0][0]


def _joined(folded: str, left: _Piece, right: _Piece) -> bool:
    gap = folded[left.end : right.start]
    return len(gap) <= 16 and _JOINER.match(gap) is not None


def _candidates(folded: str, pieces: list[_Piece], now: _Now) -> list[_Candidate]:
    # A fact ("served 11/23") must not lend its day to a nearby time ("... 11/23) EOD").
    pieces = [p for p in pieces if p.rank == _MARKED or _lead(folded, p.start) != _CONTEXT]
    pairs = _adjacent_pairs(folded, pieces)
    paired = {i for pair in pairs for i in pair}
    distant = _distant_pair(folded, pieces, paired)
    paired |= {i for pair in distant for i in pair}
    found = [_combined(pieces, c, d, now, adjacent=(c, d) not in distant) for c, d in pairs]
    found += [_combined(pieces, c, d, now, adjacent=False) for c, d in distant]
    for index, piece in enumerate(pieces):
        if index in paired:
            continue
        if isinstance(piece, _Day):
            when = _at(piece.day, piece.clock, now.zone)
            found.append(_Candidate(((piece.start, piece.end),), when, piece.rank))
        elif isinstance(piece, _Moment):
            found.append(_Candidate(((piece.start, piece.end),), piece.moment, piece.rank))
        elif isinstance(piece, _Clock) and not piece.needs_day:
            when = _at(now.today, piece.clock, now.zone)
            found.append(_Candidate(((piece.start, piece.end),), when, piece.rank))
    return [_ranked(folded, c) for c in found]


def _adjacent_pairs(folded: str, pieces: list[_Piece]) -> list[tuple[int, int]]:
    """(clock, day) index pairs said together: "tomorrow at 10am", "3pm on Friday"."""
    pairs: list[tuple[int, int]] = []
    paired: set[int] = set()
    for index, piece in enumerate(pieces):
        if isinstance(piece, _Clock):
            day_index = _day_beside(folded, pieces, index, paired)
            if day_index is not None:
                pairs.append((index, day_index))
                paired.update((index, day_index))
    return pairs


def _distant_pair(folded: str, pieces: list[_Piece],
                  paired: set[int]) -> list[tuple[int, int]]:
    # "cover the 9am hearing for Garcia tomorrow": one time and one day, apart, are one moment.
    clocks = [
        i for i, p in enumerate(pieces)
        if i not in paired and isinstance(p, _Clock) and p.stated and not p.needs_day
    ]  # fmt: skip
    days = [
        i for i, p in enumerate(pieces)
        if i not in paired and isinstance(p, _Day) and p.rank < _MARKED
    ]  # fmt: skip
    if len(clocks) != 1 or len(days) != 1:
        return []
    # ... within one sentence: "e-file it by 14:30. The garnishment hits Friday" is two.
    first, last = sorted((pieces[clocks[0]], pieces[days[0]]), key=lambda p: p.start)
    if _SENTENCE_BREAK.search(folded, first.end, last.start):
        return []
    return [(clocks[0], days[0])]


def _combined(
    pieces: list[_Piece], clock_index: int, day_index: int, now: _Now, *, adjacent: bool
) -> _Candidate:
    clock, day = pieces[clock_index], pieces[day_index]
    assert isinstance(clock, _Clock) and isinstance(day, _Day)
    moment = clock.clock
    if day.evening and not clock.meridiem and moment.hour < 12:
        moment = moment.replace(hour=moment.hour + 12)
    spans = tuple(sorted(((clock.start, clock.end), (day.start, day.end))))
    if adjacent:
        spans = ((spans[0][0], spans[1][1]),)
    return _Candidate(spans, _at(day.day, moment, now.zone), max(clock.rank, day.rank))


def _day_beside(folded: str, pieces: list[_Piece], index: int, paired: set[int]) -> int | None:
    """The day said with this time; between two, the closer ("hrg is 2/2 - by 2pm tmrw")."""
    joined = []
    for near in (index - 1, index + 1):
        if 0 <= near < len(pieces) and near not in paired and isinstance(pieces[near], _Day):
            left, right = sorted((near, index))
            if _joined(folded, pieces[left], pieces[right]):
                gap = folded[pieces[left].end : pieces[right].start]
                joined.append((len(gap.split()), near))
    return min(joined)[1] if joined else None


def _ranked(folded: str, candidate: _Candidate) -> _Candidate:
    lead = _lead(folded, candidate.start)
    rank = candidate.rank
    if lead == _MARKED or _AT_THE_LATEST.match(folded, candidate.spans[-1][1]):
        rank = _MARKED
    elif lead == _CONTEXT and rank < _MARKED:
        rank = _CONTEXT
    return candidate._replace(rank=rank)


def _lead(folded: str, start: int) -> int:
    """What the few words before `start` make of a day: deadline, fact, or neither."""
    clause = _CLAUSE_BREAK.split(folded[max(0, start - 60) : start])[-1]
    # A marker counts only right before the day ("by mail 11/24" is no deadline); a fact
    # verb also from a few words back.
    between = 0
    found = _WORD.findall(clause)[-8:]
    for index in range(len(found) - 1, -1, -1):
        word = found[index]
        if word in _FILLERS or (word == "by" and index and found[index - 1] in _VISITED):
            continue  # "the walk-in who came by this afternoon" is no deadline
        if between == 0 and word in _MARKERS:
            return _MARKED
        if word in _FACT_VERBS and not _names_a_paper(found, index):
            # "get the NOA filed today" asks for the event; "she got served today" reports it.
            asked = not _REQUESTS.isdisjoint(found[max(0, index - 3) : index])
            return _STANDING if asked else _CONTEXT
        if between == 0 and word in _FACTS:
            return _CONTEXT
        between += 1
        if between > _FACT_REACH:
            break
    return _STANDING


def _names_a_paper(found: list[str], index: int) -> bool:
    return index >= 2 and found[index - 1] == "of" and found[index - 2] in _PAPERS_OF


def _digits_for_spoken(folded: str) -> str:
    """"by three" -> "by 3    ", "feb fifth" -> "feb 5th  ": digits, padded to the same length
    so that every span still points into the text as written."""

    def clock(match: re.Match[str]) -> str:
        hour = _HOURS[match["h"]]
        minute = _MINUTES[" ".join(match["m"].replace("-", " ").split())] if match["m"] else None
        said = f"{hour}:{minute:02d}" if minute is not None else str(hour)
        lead = match.group(0)[: match.start("h") - match.start()]
        return (lead + said).ljust(len(match.group(0)))

    def day(match: re.Match[str]) -> str:
        number = _ORDINALS[" ".join(match["ord"].replace("-", " ").split())]
        return (match["lead"] + f"{number}th").ljust(len(match.group(0)))

    if not _SPOKEN_CUE.search(folded):
        return folded
    return _SPOKEN_DAY.sub(day, _SPOKEN_CLOCK.sub(clock, folded))


def find_deadline(text: str, *, now: datetime, tz: str) -> Deadline | None:
    """The deadline `text` gives, as an aware datetime in `tz`; None when it gives none.

    `now` is the moment the text was said (aware; a naive value is read as wall time in `tz`).
    """
    zone, warnings = zone_named(tz)
    local = now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)
    clock = _Now(local, zone)
    folded = _digits_for_spoken(fold(text))
    chosen = _choose(_candidates(folded, _pieces(folded, clock), clock))
    if chosen is None:
        return None
    if chosen.due_at < local:
        warnings += (PASSED_WARNING,)
    return Deadline(chosen.due_at, chosen.spans, warnings)


def _choose(candidates: list[_Candidate]) -> _Candidate | None:
    meant = [c for c in candidates if c.rank > _CONTEXT]
    if not meant:
        return None
    best = max(c.rank for c in meant)
    # Of two deadlines given ("answer deadline is 12/28; draft by 12/23"), the task must meet
    # the sooner; the later is the one it serves.
    return min((c for c in meant if c.rank == best), key=lambda c: (c.due_at, c.start))

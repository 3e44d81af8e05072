"""Readers of times of day: "3pm", "14:30", "noon", "at 9", "EOD", "first thing"."""

from __future__ import annotations

import re
from datetime import time

from matching.parse.deadlines.pieces import (
    END_OF_DAY,
    FIRST_THING,
    LAST_MINUTE,
    MARKED,
    NOON,
    Clock,
    Now,
    Piece,
    Reader,
    cue,
)

_END_OF_DAY = re.compile(
    r"(?:\beod\b|\be\.o\.d\b\.?|\bcob\b|\bc\.o\.b\b\.?|\beob\b|\bclose\s+of\s+(?:business|play)\b"
    r"|\bend\s+of\s+(?:the\s+)?(?:business\s+|work\s*)?day\b|\bend\s+of\s+business\b)"
)
# A daily post named after the end of the day: "End of day queue:", "the EOD report".
_NAMES_A_ROUNDUP = re.compile(
    r"\s+(?:queue|report|summary|recap|roundup|round-up|rundown|wrap-?up|status|check-?in"
    r"|huddle|list|numbers|count|tally|digest)\b"
)
# "her EOB", "the EOB shows": an explanation of benefits, not the end of business.
_OWNED = re.compile(r"\b(?:the|her|his|their|its|an|this|that|[a-z]+'s)\s+$")
_PAPER_TELLS = re.compile(r"\s+(?:says|said|shows|showed|showing|lists|from)\b")
_CLOCK_MERIDIEM = re.compile(
    r"(?<![\d:/.$])\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?"
    r"(?:\s*(?P<ap>[ap])\.?m\b\.?|(?P<ap1>[ap])\b)"
)
# "§ 7-9A-611", "Rule 12-3P-4": a section number's part, between dashes, not a time of day.
_CODE_PART = re.compile(r"[a-z0-9]-$")
_CODE_GOES_ON = re.compile(r"-[a-z0-9]")
# "Courtroom 3A", "Suite 4B", "Room 2A": a room's letter, not a time of day.
_ROOM_BEFORE = re.compile(
    r"\b(?:courtroom|ctrm|room|rm|suite|ste|dept|department|floor|fl|unit|apt|bldg|building"
    r"|hall|gate|box|part|div|division|chambers|window|booth|desk|lot|level|wing)\.?\s*#?\s*$"
)
_CLOCK_24 = re.compile(r"(?<![\d:/.$])\b(?P<h>\d{1,2})[:h](?P<m>\d{2})(?![\d:])")
_NOON = re.compile(r"\b(?:12\s+)?(?:noon|midday|mid-day)\b")
_MIDNIGHT = re.compile(r"\bmidnight\b")
_OCLOCK = re.compile(r"(?<![\d:/.$])\b(?P<h>\d{1,2})\s*o'?\s*clock\b")
_BARE_HOUR = re.compile(
    r"(?:\b(?:at|by|before|b4|until|till|til|around)|@)\s*(?<=\s|@)(?P<h>\d{1,2})\b"
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
# "tmrw am": the morning of the day just said.
_AM_AFTER_DAY = re.compile(r"(?<=[a-z.] )(?:a\.m\.?|am\b)")
_MORNING = re.compile(
    r"\b(?:first\s+thing(?:\s+in\s+the\s+morning)?|(?:in\s+the\s+)?morning"
    r"|a\.?m\.?\s+first\s+thing)\b"
)


def _hour_of_day(hour: int) -> int | None:
    """An hour said without am/pm: 7-11 morning, 12 noon, 1-6 afternoon; 0 and 13-23 as is."""
    if 1 <= hour <= 6:
        return hour + 12
    return hour if 0 <= hour <= 23 else None


def _meridiem_clock(match: re.Match[str], folded: str, now: Now) -> Clock | None:
    hour, minute = int(match["h"]), int(match["m"] or 0)
    half = match["ap"] or match["ap1"]
    if minute > 59 or hour > 12 or hour == 0 and half == "p":
        return None
    if match["ap1"] and _ROOM_BEFORE.search(folded, max(0, match.start() - 16), match.start()):
        return None  # "Courtroom 3A"
    if match["ap1"] and _in_a_code(folded, match.start(), match.end()):
        return None  # "7-9A-611"
    hour = hour % 12 + (12 if half == "p" else 0)
    return Clock(match.start(), match.end(), time(hour, minute))


def _in_a_code(folded: str, start: int, end: int) -> bool:
    """Whether the hour-and-letter at `start:end` stands between dashes in a code ("7-9A-611")."""
    return bool(_CODE_PART.search(folded, max(0, start - 2), start)) and bool(
        _CODE_GOES_ON.match(folded, end)
    )


def _24h_clock(match: re.Match[str], folded: str, now: Now) -> Clock | None:
    hour, minute = _hour_of_day(int(match["h"])), int(match["m"])
    if hour is None or minute > 59:
        return None
    return Clock(match.start(), match.end(), time(hour, minute), meridiem=int(match["h"]) > 12)


def _hour_clock(match: re.Match[str], folded: str, now: Now) -> Clock | None:
    said = int(match["h"])
    if not 1 <= said <= 12:
        return None
    hour = _hour_of_day(said)
    return Clock(match.start("h"), match.end(), time(hour or 0), meridiem=False)


def _hour_after_day(match: re.Match[str], folded: str, now: Now) -> Clock | None:
    if not _DAY_BEFORE.search(folded, max(0, match.start() - 12), match.start()):
        return None
    return _hour_clock(match, folded, now)


def _am_after_day(match: re.Match[str], folded: str, now: Now) -> Clock | None:
    if not _DAY_BEFORE.search(folded, max(0, match.start() - 12), match.start()):
        return None
    return Clock(match.start(), match.end(), FIRST_THING, needs_day=True)


def _end_of_day(match: re.Match[str], folded: str, now: Now) -> Piece | None:
    if _NAMES_A_ROUNDUP.match(folded, match.end()):
        return None  # "End of day queue: ...", "the EOD report": which post, not when
    if match.group() == "eob" and (
        _OWNED.search(folded, max(0, match.start() - 16), match.start())
        or _PAPER_TELLS.match(folded, match.end())
    ):
        return None  # "her EOB says $640": an insurer's explanation of benefits, a paper
    # A time of day (17:00) so that "EOD Friday" pairs with its day like "Friday 5pm".
    return Clock(match.start(), match.end(), END_OF_DAY, rank=MARKED, stated=False)


def _noon(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Clock(match.start(), match.end(), NOON)


def _midnight(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Clock(match.start(), match.end(), LAST_MINUTE)


def _morning(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Clock(match.start(), match.end(), FIRST_THING, needs_day=True)


# In the order they are tried, after the days (see DAY_READERS).
TIME_READERS = (
    Reader(
        _END_OF_DAY,
        _end_of_day,
        cue("eod", "e.o.d", "cob", "c.o.b", "eob", "close of", "end of"),
    ),
    Reader(_CLOCK_MERIDIEM, _meridiem_clock, re.compile(r"\d\s*[ap]")),
    Reader(_CLOCK_24, _24h_clock, re.compile(r"\d[:h]\d")),
    Reader(_NOON, _noon, cue("noon", "midday", "mid-day")),
    Reader(_MIDNIGHT, _midnight, cue("midnight")),
    Reader(_OCLOCK, _hour_clock, cue("clock")),
    Reader(
        _BARE_HOUR,
        _hour_clock,
        re.compile(r"(?:at|by|before|b4|until|till|til|around)\s+\d|@\s*\d"),
    ),
    Reader(
        _HOUR_AFTER_DAY,
        _hour_after_day,
        ("today ", "tomorrow ", "tmrw ", "tmr ", "mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    ),
    Reader(_MORNING, _morning, cue("morning", "first thing")),
    Reader(_AM_AFTER_DAY, _am_after_day, cue(" am", " a.m")),
)

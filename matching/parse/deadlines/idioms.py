"""Readers of day idioms the table does not list: "Monday week", "a week from Friday", "the
Friday after next", "a fortnight", "this time next week"; and vague spans ("mid-week", "early
next week", "by year end", "by Presidents' Day") that claim their words and are asked about."""

from __future__ import annotations

import re
from datetime import timedelta

from matching.calendar import last_business_day_of_month
from matching.parse.deadlines.pieces import (
    MARKED,
    Day,
    Moment,
    Now,
    Piece,
    Reader,
    Unread,
    add_months,
    cue,
    friday_of_week,
    weekday_next_week,
    weekday_on_or_after,
)
from matching.parse.deadlines.spoken import NUMBER, number_value

__all__ = ["IDIOM_READERS"]

_WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2,
    "wednesday": 2, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip
_WEEKDAY = rf"(?P<wd>{'|'.join(sorted(_WEEKDAYS, key=len, reverse=True))})"
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# "Monday week", "Friday wk": a week after the coming such day (not "Monday week of ...", nor
# "this Monday, week two").
_DAY_WEEK = re.compile(rf"\b{_WEEKDAY}\.?\s+w(?:ee)?k\b(?!\s+(?:of|after|before)\b)(?!['-])")
# "a week from Monday", "two weeks from Friday", "a week after tomorrow".
_WEEKS_FROM = re.compile(
    rf"\b(?P<n>{NUMBER})\s+w(?:ee)?ks?\s+(?:from|after)\s+"
    rf"(?:(?:this|next|coming)\s+)?(?:{_WEEKDAY}\b|(?P<tomorrow>tomorrow|tmrw))"
)
# "the Friday after next": which Friday after next is said two ways, and asked about.
_AFTER_NEXT = re.compile(rf"\b(?:the\s+)?{_WEEKDAY}\s+after\s+next\b")
# "the week after next": the Friday of the week after next week.
_WEEK_AFTER_NEXT = re.compile(r"\b(?:the\s+)?w(?:ee)?k\s+after\s+ne?xt\b")
# "first of next month", "the 1st of the month": the first day of the coming month.
_FIRST_OF_MONTH = re.compile(r"\b(?:the\s+)?(?:first|1st)\s+of\s+(?P<which>the|next|nxt)\s+month\b")
# "within the week", "by week's end", "by month's end": the table's end of week or month.
_WITHIN_THE_WEEK = re.compile(r"\b(?:within\s+the\s+w(?:ee)?k|(?:the\s+)?w(?:ee)?k'?s\s+end)\b")
_MONTHS_END = re.compile(r"\b(?:the\s+)?month'?s\s+end\b")
# "in a fortnight", "within two fortnights", "a fortnight from today".
_FORTNIGHT = re.compile(
    rf"\b(?:(?:in|within)\s+)?(?P<n>{NUMBER})\s+fortnights?\b(?:\s+from\s+(?:now|today))?"
)
# "this time next week", "same time tomorrow": now, a week or a day on.
_THIS_TIME = re.compile(
    r"\b(?:this|same|the\s+same)\s+time\s+(?P<when>next\s+w(?:ee)?k|tomorrow|tmrw)\b"
)
# "Wed. next", "Tuesday next": next week's such day, as "next Tuesday" is.
_DAY_NEXT = re.compile(
    rf"\b{_WEEKDAY}\.?\s+next\b(?=\s*(?:[.,;:!?)]|$|\s+(?:please|pls|at|by|eod|cob|thanks|thx)\b))"
)
# Spans of days no table row gives one day for.
_VAGUE = re.compile(
    r"\b(?:mid[\s-]?week|mid[\s-]?month|(?:early|late|later)\s+(?:ne?xt|this)\s+w(?:ee)?k"
    r"|(?:early|late|later)\s+in\s+the\s+w(?:ee)?k|(?:the\s+)?(?:beginning|start|middle)\s+of"
    r"\s+(?:ne?xt|the|this)\s+(?:w(?:ee)?k|month)|(?:early|late|mid)[\s-]next[\s-]month"
    r"|(?:the\s+)?(?:first|second|third|last|final|[1-4](?:st|nd|rd|th))\s+w(?:ee)?k\s+of\s+(?:ne?xt\s+month"
    r"|this\s+month|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"|(?:the\s+)?w(?:ee)?k\s+of\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|\d{1,2}/\d{1,2}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}))\b"
)
# Ends of longer spans, and holidays, said as the deadline: "by year end", "before Presidents'
# Day".
_MARKED_VAGUE = re.compile(
    r"\b(?:by|before|b4|until|till|due|no\s+later\s+than|not\s+later\s+than)\s+"
    r"(?P<what>(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:quarter|year|yr)|eoq|eoy|year[\s-]end"
    r"|quarter[\s-]end|(?:the\s+)?holidays|presidents'?\s+day|mlk(?:\s+day)?|martin\s+luther\s+king"
    r"(?:\s+jr\.?)?(?:\s+day)?|memorial\s+day|labou?r\s+day|thanksgiving|christmas(?:\s+eve)?"
    r"|new\s+year'?s(?:\s+eve|\s+day)?|juneteenth|veterans'?\s+day|columbus\s+day"
    r"|independence\s+day|the\s+fourth|good\s+friday|easter))\b"
)


def _day_week(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Day(match.start(), match.end(),
               weekday_on_or_after(_WEEKDAYS[match["wd"]], now) + timedelta(weeks=1))  # fmt: skip


def _weeks_from(match: re.Match[str], folded: str, now: Now) -> Piece | None:
    weeks = number_value(match["n"])
    if weeks is None or weeks > 12:
        return None
    base = (
        now.today + timedelta(days=1)
        if match["tomorrow"]
        else weekday_on_or_after(_WEEKDAYS[match["wd"]], now)
    )
    return Day(match.start(), match.end(), base + timedelta(weeks=weeks))


def _after_next(match: re.Match[str], folded: str, now: Now) -> Piece:
    wanted = _WEEKDAYS[match["wd"]]
    day = weekday_on_or_after(wanted, now) + timedelta(weeks=1)
    said = " ".join(match.group().split())
    doubt = f"\u201c{said}\u201d: {_DAY_NAMES[wanted]} {day:%b} {day.day}, or a week later?"
    return Day(match.start(), match.end(), day, doubt=doubt)


def _week_after_next(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Day(match.start(), match.end(), weekday_next_week(4, now.today) + timedelta(weeks=1))


def _first_of_month(match: re.Match[str], folded: str, now: Now) -> Piece:
    today = now.today
    first = add_months(today.replace(day=1), 1)
    # "the first of the month", said on the 1st before day's end, is today
    if match["which"] == "the" and today.day == 1:
        first = today
    return Day(match.start(), match.end(), first, dated=True)


def _within_the_week(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Day(match.start(), match.end(), friday_of_week(now.today, 0), rank=MARKED)


def _months_end(match: re.Match[str], folded: str, now: Now) -> Piece:
    day = last_business_day_of_month(now.today.year, now.today.month)
    return Day(match.start(), match.end(), day, rank=MARKED)


def _fortnight(match: re.Match[str], folded: str, now: Now) -> Piece | None:
    count = number_value(match["n"])
    if count is None or count > 6:
        return None
    return Day(match.start(), match.end(), now.today + timedelta(weeks=2 * count), rank=MARKED)


def _this_time(match: re.Match[str], folded: str, now: Now) -> Piece:
    ahead = timedelta(days=1) if match["when"].startswith("t") else timedelta(weeks=1)
    # Wall time: "this time tomorrow" is the same hour on the clock, across a DST change too.
    moment = (now.moment.replace(tzinfo=None) + ahead).replace(tzinfo=now.zone)
    return Moment(match.start(), match.end(), moment)


def _day_next(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Day(match.start(), match.end(), weekday_next_week(_WEEKDAYS[match["wd"]], now.today))


def _vague(match: re.Match[str], folded: str, now: Now) -> Piece:
    said = " ".join((match["what"] if "what" in match.groupdict() and match["what"] else
                     match.group()).split())  # fmt: skip
    doubt = f"\u201c{said}\u201d: which day exactly is the deadline?"
    return Unread(match.start(), match.end(), doubt, vague=True)


# Tried before the table's readers: "Monday week" is no "Monday", "early next week" no "next
# week".
IDIOM_READERS = (
    Reader(_WEEKS_FROM, _weeks_from, cue(" from ", " after ")),
    Reader(_AFTER_NEXT, _after_next, cue("after next")),
    Reader(_WEEK_AFTER_NEXT, _week_after_next, cue("after next", "after nxt")),
    Reader(_DAY_WEEK, _day_week, cue(" week", " wk")),
    Reader(_FORTNIGHT, _fortnight, cue("fortnight")),
    Reader(_WITHIN_THE_WEEK, _within_the_week, cue("the week", "the wk", "s end")),
    Reader(_MONTHS_END, _months_end, cue("s end")),
    Reader(_FIRST_OF_MONTH, _first_of_month,
           cue(" of the month", " of next month", " of nxt month")),  # fmt: skip
    Reader(_THIS_TIME, _this_time, cue(" time ")),
    Reader(_DAY_NEXT, _day_next, cue(" next")),
    Reader(_VAGUE, _vague, cue("mid", "early", "late", "beginning", "start", "middle", "week of",
                               "wk of")),  # fmt: skip
    Reader(_MARKED_VAGUE, _vague, cue("end", "eoq", "eoy", "day", "holiday", "thanksgiving",
                                      "christmas", "year", "juneteenth", "fourth", "easter",
                                      "mlk")),  # fmt: skip
)

"""Readers of days: dates, weekdays, "tomorrow", "in 3 business days", "end of month"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from matching.calendar import add_business_days, last_business_day_of_month
from matching.parse.deadlines.boards import fills_a_cell
from matching.parse.deadlines.clauses import said_to_be_fine, standalone
from matching.parse.deadlines.context import WORD, is_introduced
from matching.parse.deadlines.pieces import (
    CONTEXT,
    LAST_MINUTE,
    MARKED,
    MAX_COUNT,
    STALE_DATE,
    STANDING,
    Day,
    Moment,
    Now,
    Piece,
    Reader,
    Unread,
    add_months,
    cue,
    dated,
    friday_of_week,
    later,
    weekday_next_week,
    weekday_on_or_after,
)
from matching.parse.deadlines.spoken import NUMBER, number_value

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
# What shows such a short form is a day without a lead-in: a time right after it, or a clause
# of its own at the end of the text.
_TIME_AFTER = re.compile(
    r"\s*,?\s*(?:(?:at|@|by)\s*\d{1,2}(?::\d{2})?(?:\s*[ap]\.?m)?\b"
    r"|\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|\d{1,2}:\d{2}\b|(?:at\s+)?noon\b"
    r"|(?:a\.m\.?|am|morning)\s*[.!]?\s*$"
    # "Wed EOD", "mon cob": the end of that day
    r"|(?:eod|cob|eob|end\s+of\s+(?:the\s+)?day|close\s+of\s+business)\b)"
)
_CLAUSE_END_BEFORE = re.compile(r"(?:^|[,;:(.!?]|\s-+)\s*$")
_DATE_AFTER = re.compile(
    r"[\s,(]+(?:the\s+)?(?:\d{1,2}/\d{1,2}\b|\d{4}-\d{2}-\d{2}\b"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
)
# (politeness may close the text: "... so we're inside the 30 days. mon pls")
_TEXT_END = re.compile(r"\s*,?\s*(?:(?:pls|please|plz|thx|thanks|ty)\s*)?[.!)]?\s*")
_PARTICLE_BEFORE = re.compile(r"\b(?:out|over|off|back|done|ready|it|them)\s+$")
# "the Saturday message": an article, then a weekday qualifying the noun after it, is no day ...
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|that|every|each)\s+$")
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|every|each)\s+$")
# ... unless the noun is an event, which the weekday dates ("the Friday hearing") ...
_EVENTS = frozenset(
    {"hearing", "hrg", "trial", "conference", "conf", "deposition", "depo", "mediation",
     "meeting", "mtg", "call", "argument", "appearance", "calendar", "docket", "341"}
)  # fmt: skip
# ... or the word after still tells a day ("the Friday after next", "the Monday deadline").
_AFTER_ATTRIBUTIVE_DAY = frozenset(
    {"after", "before", "of", "at", "by", "eod", "cob", "morning", "afternoon", "evening",
     "night", "following", "deadline", "and", "or", "the", "is", "works", "if", "please", "pls"}
)  # fmt: skip
# "the Monday before", "the Friday after the hearing": a weekday counted from another day, which
# is no day from today ("the Friday after next" is one).
_FROM_ANOTHER_DAY = re.compile(
    r"\s+(?:before|after|prior(?:\s+to)?|following|ahead\s+of)\b"
    r"(?!\s+(?:next|this|last|nxt)\b)"
)
_TERSE_WORDS = 6
# Longest spelling first, so that "thursday" is not read as "thu" + "rsday".
_WEEKDAY = rf"(?P<wd>{'|'.join(sorted(_WEEKDAYS, key=len, reverse=True))})"
_WEEKDAY_BEFORE = re.compile(rf"\b{_WEEKDAY}\.?,?\s+(?:the\s+)?$")
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

# "in 3 days", "within the next 2 hours"; but "inside the 30 days" is a window already running.
_RELATIVE = re.compile(
    r"\b(?:(?:in|within|inside(?:\s+of)?)\s+(?:the\s+ne?xt\s+|ne?xt\s+)?|over\s+the\s+ne?xt\s+"
    r"|ne?xt\s+)"
    rf"(?P<n>{NUMBER})"
    r"(?:(?<=\d)(?P<short>[dhw])|(?:(?<=\d)|\b)\s*(?P<unit>(?:business|biz|bus\.?|working|work"
    r"|court)[\s-]*days?|b-?days?|(?:calendar\s+)?days?|hours?|hrs?|hr|minutes?|mins?|weeks?"
    r"|wks?|months?|mos?))\b(?:'s|s')?(?:\s+time)?"
)
# "3d Cir.", "2d Dist.": an ordinal ("3d" is "third") before the court or place it numbers.
_ORDINAL_NOUN_AFTER = re.compile(
    r"\s*(?:cir|circuit|dist|district|dept|department|dca|div|division|floor|fl|ave|avenue|st"
    r"|street|ed|edition|amend|amendment|party|parties|set|request|round|quarter|qtr)\b"
)
_FROM_NOW = re.compile(
    rf"\b(?:(?P<n>{NUMBER})\s*(?P<unit>(?:business|biz|working)[\s-]*days?|b-?days?|days?"
    r"|hours?|hrs?|minutes?|mins?|weeks?|wks?|months?)|(?P<one>day|hour|hr|week|wk|month))"
    r"\s+from\s+(?:now|today)\b"
)
# "Two weeks.", "3 biz days": a count standing alone as the answer to "when?".
_BARE_COUNT = re.compile(
    rf"\b(?P<n>{NUMBER})\s*(?P<unit>(?:business|biz|working)[\s-]*days?|days?|weeks?|wks?|hours?"
    r"|hrs?)\b"
    r"(?:'s|s')?(?:\s+time)?"
)
_AFTER_COLON = re.compile(r":\s*$")
# "nine calls in one day", "three times in a week": how often, not when.
_COUNTED_BEFORE = re.compile(rf"\b(?:{NUMBER})\s+(?:[a-z]+\s+)?[a-z]+s\s+$")
# "14 calls in 9 days", "6 texts within 2 wks": events counted over a period, whatever its
# length (a count of work, "3 letters in 2 days", may be a deadline).
_EVENTS_COUNTED_BEFORE = re.compile(
    rf"\b(?:{NUMBER}|\d+)\s+(?:[a-z]+\s+)?(?:calls|times|texts|voicemails|vms|attempts"
    r"|contacts|visits|payments|pmts|incidents|violations|occasions|inquiries|robocalls)\s+$"
)
_WITHIN_THE_HOUR = re.compile(r"\b(?:within|in)\s+the\s+(?:ne?xt\s+)?hour\b")
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
# "the 28th hearing": the day of an event, which the work may be for (asked about).
_ORDINAL_EVENT = re.compile(
    r"\bthe\s+(?P<the>(?P<d>\d{1,2})(?:st|nd|rd|th))(?=\s+(?:hearing|hrg|trial|deposition|depo"
    r"|mediation|conference|conf|meeting|mtg|call|sale|auction|closing)\b)"
)
_ORDINAL_DAY = re.compile(
    r"(?:\b(?:by|on|before|b4|until|due|than)\s+"
    # "within a week of Tuesday, so the 25th.": the day said again, as the sentence's last word
    r"|(?P<again>,\s*(?:so|i\.?e\.?,?|that's|that\s+is|making\s+it)\s+)"
    r"(?=the\s+\d{1,2}(?:st|nd|rd|th)\s*(?:[.!;\n]|$))"
    # "the 3rd by 5", "the 12th at noon": a time after it says it is a day
    r"|\b(?=the\s+\d{1,2}(?:st|nd|rd|th)\s+(?:by|at|@|eod|cob|before)\s))"
    r"(?P<the>the\s+(?P<d>\d{1,2})(?:st|nd|rd|th))\b"
)
# What may follow "the 15th" when it is a day of the month; any other word is a noun it
# qualifies ("on the 3rd floor", "the 2nd set of RFPs", "before the 11th Circuit").
_AFTER_ORDINAL_DATE = frozenset(
    {"at", "by", "eod", "cob", "eob", "pls", "please", "thanks", "thx", "ty", "if", "and", "or",
     "so", "to", "for", "latest", "when", "as", "but", "then", "is", "works", "ok", "okay", "in",
     "on", "with", "re", "the", "of", "morning", "afternoon", "noon", "midnight", "end", "close",
     "deadline", "would", "will", "should", "that", "which", "because", "since", "unless",
     "otherwise", "we", "i", "she", "he", "they", "it", "you", "asap", "urgent", "tops", "max",
     "before", "b4", "not", "no", "inst"}
)  # fmt: skip
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_NEXT_WEEK_END = re.compile(r"\b(?:(?:the\s+)?end\s+of\s+ne?xt\s+w(?:ee)?k|ne?xt\s+w(?:ee)?k)\b")
_WEEKDAY_RE = re.compile(
    r"\b(?:(?P<next>ne?xt)\s+|(?:this\s+coming|this|coming)\s+)?"
    rf"{_WEEKDAY}\b\.?"
    r"(?P<suffix>\s+(?:of\s+)?(?:ne?xt|this)\s+w(?:ee)?k\b)?"
)
# ("the last thing before the weekend" names the message, not a deadline)
_END_OF_WEEK = re.compile(
    r"(?:\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:work\s*)?w(?:ee)?k\b|\beow\b|\be\.o\.w\b\.?"
    r"|\b(?<!thing\s)(?:by|before|b4)\s+the\s+weekend\b)"
)
_THIS_WEEK = re.compile(r"\bthis\s+w(?:ee)?k\b")
_END_OF_MONTH = re.compile(
    r"(?:\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month\b|\beom\b|\be\.o\.m\b\.?"
    r"|\bmonth[\s-]end\b)"
)
_THIS_MONTH = re.compile(r"\bthis\s+month\b")
_COUNTED_IN = re.compile(r"\b(?:times?|twice|once|already|so\s+far|again)\s+$")
_NEXT_MONTH = re.compile(r"\b(?:(?:the\s+)?end\s+of\s+ne?xt\s+month|ne?xt\s+month)\b")
_DAY_AFTER_TOMORROW = re.compile(
    r"\b(?:the\s+)?day\s+after\s+(?:tomorrow|tom+or+ow|tmrw+|tmr|tmw|tmrow|2mor+ow|2moro)\b"
)
_YESTERDAY = re.compile(r"\b(?:yesterday|yday|yest)\b")
_ASKED_BY = re.compile(r"\b(?:by|due|before|b4)\s+$")
# "Friday the 12th": the weekday says which 12th. Searched for this many months ahead; further
# off, the weekday or the date is more likely a slip than a plan.
_WEEKDAY_DATE = re.compile(
    rf"\b{_WEEKDAY}\b\.?,?\s+(?:the\s+)?(?P<d>\d{{1,2}})(?P<suffix>st|nd|rd|th)\b"
)
_WEEKDAY_DATE_MONTHS = 3
# Further ahead than this, a date said without a year is no deadline ("Feb 29" in 2026).
_DATE_REACH = timedelta(days=366)
# Further ahead than this, a date said without a year is more likely one gone by, and asked about.
_DATE_GONE_BY = timedelta(days=240)
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TOMORROW = re.compile(r"\b(?:tomorrow|tom+or+ow|tmrw+|tmr|tmw|tmrow|2mor+ow|2moro)\b")
_TODAY = re.compile(r"\b(?:today|tdy|2day|this\s+afternoon)\b")
_TONIGHT = re.compile(r"\b(?:tonight|tonite|2nite|this\s+evening)\b")


def _month_number(name: str) -> int:
    return _MONTHS[name[:3]]


def _relative(match: re.Match[str], folded: str, now: Now) -> Piece | None:
    # "wk from today": a unit said without its count is one of it.
    count = number_value(match["n"]) if match["n"] else 1
    if count is None or count > MAX_COUNT:
        return None
    if count == 1 and _COUNTED_BEFORE.search(folded, max(0, match.start() - 32), match.start()):
        return None
    if _EVENTS_COUNTED_BEFORE.search(folded, max(0, match.start() - 32), match.start()):
        return None
    groups = match.groupdict()
    if groups.get("short") and _ORDINAL_NOUN_AFTER.match(folded, match.end()):
        return None  # "in 3d Cir.": the Third Circuit, not three days
    unit = (groups.get("unit") or groups.get("short") or groups.get("one") or "").replace(".", "")
    start, end = match.start(), match.end()
    if _counts_business_days(unit):
        return Day(start, end, add_business_days(now.today, count), rank=MARKED)
    if unit.startswith("h"):
        return Moment(start, end, later(now, timedelta(hours=count)))
    if unit.startswith("min"):
        return Moment(start, end, later(now, timedelta(minutes=count)))
    if unit.startswith("w"):
        return Day(start, end, now.today + timedelta(weeks=count), rank=MARKED)
    if unit.startswith("mo"):
        return Day(start, end, add_months(now.today, count), rank=MARKED)
    return Day(start, end, now.today + timedelta(days=count), rank=MARKED)


def _bare_count(match: re.Match[str], folded: str, now: Now) -> Piece | None:
    said_fine = said_to_be_fine(folded, match.end())  # "3 wks is fine"
    if not said_fine and not standalone(folded, ((match.start(), match.end()),)):
        return None  # "2 wks after she complained", "a 20 day notice"
    if _AFTER_COLON.search(folded, max(0, match.start() - 4), match.start()):
        return None  # "Response time: 30 days" names a period, not when
    return _relative(match, folded, now)


def _counts_business_days(unit: str) -> bool:
    """ "business days", "biz days", "bdays", "working days", "court days"."""
    return "day" in unit and unit.startswith(("business", "biz", "bus", "court", "b", "work"))


def _weekday_piece(match: re.Match[str], folded: str, now: Now) -> Piece | None:
    name = match["wd"]
    introduced = bool(match["next"] or match.group(0) != name or match["suffix"])
    if (
        name in _WORDLIKE_WEEKDAYS
        and not introduced
        and not is_introduced(folded, match.start())
        and not _said_as_day(folded, match)
    ):
        return None
    if _names_a_kind(folded, match):
        return None
    if (
        match.group(0) == name
        and (counted := _FROM_ANOTHER_DAY.match(folded, match.end())) is not None
        and _ARTICLE_BEFORE.search(folded, max(0, match.start() - 8), match.start())
    ):
        said = " ".join(folded[match.start() : counted.end()].split())
        doubt = f"\u201cthe {said}\u201d counts from another day: which day is that?"
        return Unread(match.start(), counted.end(), doubt, vague=True)
    wanted = _WEEKDAYS[name]
    after = _DATE_AFTER.match(folded, match.end())
    if after:
        # "Friday 1/22", "Fri, Jan 22nd": the date says which Friday; it had better be one.
        return _disagreeing(match, after, wanted, now.today)
    suffix = match["suffix"] or ""
    if match["next"] or "next" in suffix or "nxt" in suffix:
        day = weekday_next_week(wanted, now.today)
    else:
        day = weekday_on_or_after(wanted, now)
    return Day(match.start(), match.end(), day)


def _names_a_kind(folded: str, match: re.Match[str]) -> bool:
    """ "the Saturday message", "a Monday email": a weekday that says which thing, not when."""
    before = folded[max(0, match.start() - 8) : match.start()]
    if match.group(0) != match["wd"] or not _ARTICLE_BEFORE.search(before):
        return False
    following = _NEXT_WORD.match(folded, match.end())
    if _INDEFINITE_BEFORE.search(before):
        # "30 days = 12/19, a Sunday", "on a Friday": some such day, not one to meet
        return following is None or following[1] not in _EVENTS
    return following is not None and following[1] not in _AFTER_ATTRIBUTIVE_DAY | _EVENTS


def _said_as_day(folded: str, match: re.Match[str]) -> bool:
    # "wed 3pm", "Mon at 8:30", "mon is fine", or a last clause of its own ("1692c(c) letter,
    # Wed").
    if _TIME_AFTER.match(folded, match.end()) or said_to_be_fine(folded, match.end()):
        return True
    if fills_a_cell(folded, match.start(), match.end()):
        return True  # a board row's due cell ("Kuhn | DVL | Mon | @Ana")
    if not _TEXT_END.fullmatch(folded, match.end()):
        return False
    # Last, after a clause break or in a terse command ("ans Munday mon", "C&D Ruiz wed"), or
    # after the object or particle of a command ("get the letter out mon", "send it wed").
    terse = len(WORD.findall(folded)) <= _TERSE_WORDS
    return (
        terse
        or bool(_CLAUSE_END_BEFORE.search(folded, 0, match.start()))
        or bool(_PARTICLE_BEFORE.search(folded, max(0, match.start() - 8), match.start()))
    )


def _numeric_date(match: re.Match[str], folded: str, now: Now) -> Piece | None:
    return date_piece(match, int(match["m"]), int(match["d"]), match["y"], now.today)


def _dashed_date(match: re.Match[str], folded: str, now: Now) -> Piece | None:
    # "MDJ 05-3-10", "case 12-4-19": a two-digit year years gone is a number, not a date
    year = match["y"]
    if len(year) == 2 and int(year) + 2000 < now.today.year - 1:
        return None
    return _numeric_date(match, folded, now)


def _named_month_date(match: re.Match[str], folded: str, now: Now) -> Piece | None:
    return date_piece(match, _month_number(match["mon"]), int(match["d"]), match["y"], now.today)


def _within_the_hour(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Moment(match.start(), match.end(), later(now, timedelta(hours=1)))


def _day_after_tomorrow(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Day(match.start(), match.end(), now.today + timedelta(days=2))


def _next_week(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Day(match.start(), match.end(), friday_of_week(now.today, 1))


def _end_of_week(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Day(match.start(), match.end(), friday_of_week(now.today, 0), rank=MARKED)


def _this_week(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Day(match.start(), match.end(), friday_of_week(now.today, 0))


def _next_month(match: re.Match[str], folded: str, now: Now) -> Piece:
    following = add_months(now.today.replace(day=1), 1)
    day = last_business_day_of_month(following.year, following.month)
    return Day(match.start(), match.end(), day)


def _end_of_month(match: re.Match[str], folded: str, now: Now) -> Piece:
    day = last_business_day_of_month(now.today.year, now.today.month)
    return Day(match.start(), match.end(), day, rank=MARKED)


def _this_month(match: re.Match[str], folded: str, now: Now) -> Piece | None:
    if _COUNTED_IN.search(folded, max(0, match.start() - 24), match.start()):
        return None  # "the second time this month": how often, not when
    day = last_business_day_of_month(now.today.year, now.today.month)
    return Day(match.start(), match.end(), day)


def _tomorrow(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Day(match.start(), match.end(), now.today + timedelta(days=1))


def _tonight(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Day(match.start(), match.end(), now.today, LAST_MINUTE, evening=True)


def _today(match: re.Match[str], folded: str, now: Now) -> Piece:
    return Day(match.start(), match.end(), now.today)


def date_piece(
    match: re.Match[str], month: int, day: int, year: str | None, today: date
) -> Day | Unread | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    found = dated(month, day, year, today)
    if found is None:
        return _unread(match, "there is no such date as \u201c{said}\u201d")
    if year is None and found > today + _DATE_REACH:
        return _unread(match, "\u201c{said}\u201d is over a year away")
    if year is None and found > today + _DATE_GONE_BY:
        # "revoked it on 10/20", said in November: most likely last month's, not next year's
        doubt = f"\u201c{match.group().strip()}\u201d: is that {found.year}'s?"
        return Day(match.start(), match.end(), found, dated=True, doubt=doubt)
    # "discovered it on 3/15/2025": a date with a year long gone tells what happened, unless
    # a marker asks for it ("due 3/15/2025" is still read, and warned about).
    stale = year is not None and found < today - STALE_DATE
    # "EOD Monday, Feb 21": the weekday that agrees with the date is part of it
    weekday = _WEEKDAY_BEFORE.search(match.string, max(0, match.start() - 16), match.start())
    agrees = weekday is not None and _WEEKDAYS[weekday["wd"]] == found.weekday()
    start = weekday.start() if weekday is not None and agrees else match.start()
    return Day(start, match.end(), found, rank=CONTEXT if stale else STANDING, dated=True)


def _unread(match: re.Match[str], doubt: str) -> Unread:
    said = " ".join(match.group().split())
    return Unread(match.start(), match.end(), doubt.format(said=said))


def _ordinal_date(match: re.Match[str], folded: str, now: Now) -> Day | None:
    """ "by the 15th": the next 15th from today on."""
    following = _NEXT_WORD.match(folded, match.end())
    if following and following[1] not in _AFTER_ORDINAL_DATE:
        return None  # "on the 3rd floor", "the 2nd set of RFPs", "before the 11th Circuit"
    day = _ordinal_event(match, folded, now)
    # (a day said again to settle the deadline is the deadline)
    return day._replace(rank=MARKED) if day is not None and match["again"] else day


def _ordinal_event(match: re.Match[str], folded: str, now: Now) -> Day | None:
    """ "the 28th hearing": the next 28th from today on, which names the event."""
    today, wanted = now.today, int(match["d"])
    for months_ahead in range(3):
        first = add_months(today.replace(day=1), months_ahead)
        try:
            candidate = first.replace(day=wanted)
        except ValueError:
            continue
        if candidate >= today:
            return Day(match.start("the"), match.end(), candidate, dated=True)
    return None


def _weekday_date(match: re.Match[str], folded: str, now: Now) -> Day:
    """ "Friday the 12th": the Friday that is the 12th, within a few months; else the next 12th,
    with the disagreement to ask about."""
    wanted, day = _WEEKDAYS[match["wd"]], int(match["d"])
    first = now.today.replace(day=1)
    nearest = None
    for months_ahead in range(_WEEKDAY_DATE_MONTHS + 1):
        month = add_months(first, months_ahead)
        try:
            candidate = month.replace(day=day)
        except ValueError:
            continue
        if candidate < now.today:
            continue
        if candidate.weekday() == wanted:
            return Day(match.start(), match.end(), candidate, dated=True)
        nearest = nearest or candidate
    said = " ".join(match.group().split())
    if nearest is None:
        return Day(match.start(), match.end(), weekday_on_or_after(wanted, now),
                   doubt=f"there is no {day}{match['suffix']} in the coming months")  # fmt: skip
    doubt = f"\u201c{said}\u201d: the {day}{match['suffix']} is a {_DAY_NAMES[nearest.weekday()]}"
    return Day(match.start(), match.end(), nearest, doubt=doubt, dated=True)


def _disagreeing(
    weekday: re.Match[str], after: re.Match[str], wanted: int, today: date
) -> Unread | None:
    """The doubt when the date said after a weekday falls on another day ("Thursday 1/22")."""
    said = after.group().lstrip(" ,(")
    for pattern in (_ISO_DATE, _NUMERIC_DATE, _DASHED_DATE, _MONTH_DAY, _DAY_MONTH):
        found = pattern.search(said)
        if found is None:
            continue
        month = int(found["m"]) if "m" in found.groupdict() else _month_number(found["mon"])
        day = dated(month, int(found["d"]), found["y"], today) if 1 <= month <= 12 else None
        if day is None or day.weekday() == wanted:
            return None
        written = " ".join(f"{weekday.group()} {said}".split())
        doubt = f"\u201c{written}\u201d: that date is a {_DAY_NAMES[day.weekday()]}"
        return Unread(weekday.start(), weekday.end(), doubt)
    return None


def _yesterday(match: re.Match[str], folded: str, now: Now) -> Piece | None:
    # "she called yesterday", "didn't call us till yesterday" are news; "by yesterday" is a
    # deadline, and one already past.
    if not _ASKED_BY.search(folded, max(0, match.start() - 12), match.start()):
        return None
    return Day(match.start(), match.end(), now.today - timedelta(days=1), rank=MARKED)


# In the order they are tried: a span the first reader claims is no other's. Each cue is a cheap
# search that any text the pattern could match must contain.
DAY_READERS = (
    Reader(_RELATIVE, _relative, cue("in ", "within", "inside", "over ", "next ", "nxt ")),
    Reader(_FROM_NOW, _relative, cue("from now", "from today")),
    Reader(_BARE_COUNT, _bare_count, cue("day", "week", "wk", "hour", "hr")),
    Reader(_WITHIN_THE_HOUR, _within_the_hour, cue("the hour", "next hour", "nxt hour")),
    Reader(_ISO_DATE, _numeric_date, re.compile(r"\d-\d")),
    Reader(_NUMERIC_DATE, _numeric_date, re.compile(r"\d/\d")),
    Reader(_DASHED_DATE, _dashed_date, re.compile(r"\d-\d")),
    Reader(_MONTH_DAY, _named_month_date, re.compile(rf"{_MONTH}\.?\s+(?:the\s+)?\d")),
    Reader(_DAY_MONTH, _named_month_date, re.compile(rf"\d{_ORDINAL_SUFFIX}\s+(?:of\s+)?{_MONTH}")),
    Reader(_WEEKDAY_DATE, _weekday_date, re.compile(r"\d(?:st|nd|rd|th)")),
    Reader(_ORDINAL_DAY, _ordinal_date, re.compile(r"\d(?:st|nd|rd|th)")),
    Reader(_ORDINAL_EVENT, _ordinal_event, re.compile(r"\d(?:st|nd|rd|th)\s")),
    Reader(_DAY_AFTER_TOMORROW, _day_after_tomorrow, cue("day after")),
    Reader(_WEEKDAY_RE, _weekday_piece, cue(*sorted({day[:3] for day in _WEEKDAYS}))),
    Reader(_NEXT_WEEK_END, _next_week, cue("next w", "nxt w")),
    Reader(_END_OF_WEEK, _end_of_week, cue("end of", "eow", "e.o.w", "weekend")),
    Reader(_THIS_WEEK, _this_week, cue("this w")),
    Reader(_NEXT_MONTH, _next_month, cue("next month", "nxt month")),
    Reader(_END_OF_MONTH, _end_of_month, cue("end of", "eom", "e.o.m", "month")),
    Reader(_THIS_MONTH, _this_month, cue("this month")),
    Reader(_TOMORROW, _tomorrow, cue("tom", "tmr", "tmw", "2mor", "2mo")),
    Reader(_TONIGHT, _tonight, cue("tonight", "tonite", "2nite", "this evening")),
    Reader(_TODAY, _today, cue("today", "tdy", "2day", "this afternoon")),
    Reader(_YESTERDAY, _yesterday, cue("yesterday", "yday", "yest")),
)

"""Readers of military and office-manager notation: "NLT 1400", "07SEP", "13SEP28", "1030"."""

from __future__ import annotations

import re
from datetime import time

from matching.parse.deadlines.dates import date_piece
from matching.parse.deadlines.pieces import Clock, Now, Piece, Reader

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "07SEP", "13SEP28", "5oct2028": a day, the month's three letters and perhaps a year, run
# together ("13 SEP" and "SEP 13" are the dates readers' own).
_MILITARY_DATE = re.compile(
    r"(?<![\w$#/.-])(?P<d>\d{1,2})(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
    r"(?P<y>\d{4}|\d{2})?(?![a-z\d])"
)
_MILITARY_DATE_CUE = re.compile(r"\d(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")

# A four-digit time of the 24-hour clock ("1400", "0930", "1600hrs"): not part of a number, a
# code or an amount ("$1500", "12-1001", "1692g", "1,200", "2028-2029").
_HHMM = re.compile(
    r"(?<![\w$#%/.,:-])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?P<hrs>\s?(?:hrs?|hours)\b)?"
    r"(?![\w%/:-]|[.,]\d)"
)
_HHMM_CUE = re.compile(r"\d{4}")
# Words that make such a number a time said as the deadline: "NLT 1400", "SUSPENSE 1600",
# "by 1300", "no later than 0900".
_STRONG_CUE = re.compile(r"\b(?:nlt|suspense|no\s+later\s+than|not\s+later\s+than)\W{0,3}$")
_WEAK_CUE = re.compile(r"(?:\b(?:by|before|b4|until|till|til|at|due)|@)\s*$")
# The days beside which four digits are that day's time: "Thurs 1500", "12SEP 1030",
# "1200 tmrw", "1400 07SEP", "1600 today", "Sep 13 0900".
_DAY = (
    r"(?:today|tonight|tomorrow|tmrw|tmr|mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?"
    r"|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
    r"|\d{1,2}\s?(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*(?:\d{2})?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s\d{1,2}(?:st|nd|rd|th)?"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?)"
)
_DAY_BEFORE = re.compile(rf"\b{_DAY}\.?,?\s(?:(?:at|by|@)\s)?$")
_DAY_AFTER = re.compile(rf"\s(?:(?:on|the)\s)?{_DAY}\b")
# What may follow a time given only with "by" or "at": the end of the clause, a day, a zone or
# a word of the request ("by 1300, Kim files after"); not a noun the number counts or
# addresses ("at 1200 Main St", "by 1500 words").
_CLAUSE_GOES_ON = re.compile(
    r"\s*(?:[.,;:!?)\n]|$|(?:cdt|cst|ct|edt|est|et|pdt|pst|pt|mdt|mst|mt|local|sharp|latest"
    r"|please|pls|plz|thx|thanks|then|on|today|tomorrow|tmrw|so|and|or|if|for|\u2014|-)\b)"
)
# "Ctrm 1030", "Suite 1200", "acct 2231", "no. 1400": a number that names a place or a thing.
_NUMBERED_BEFORE = re.compile(
    r"\b(?:courtroom|ctrm|room|rm|suite|ste|floor|fl|unit|apt|bldg|box|no|nos|number|num|#"
    r"|case|docket|acct|account|ref|invoice|inv|check|chk|ch|chapter|section|sec|rule|part"
    r"|page|pg|pp|line|form|route|rte|hwy|highway|zip|ext|extension)\.?\s*#?\s*$"
)
# Numbers between 1900 and 2099 are years, unless a strong cue or a day says otherwise.
_YEAR_HOURS = frozenset({19, 20})


def _military_date(match: re.Match[str], folded: str, now: Now) -> Piece | None:
    month = _MONTHS.index(match["mon"][:3]) + 1
    return date_piece(match, month, int(match["d"]), match["y"], now.today)


def _24h_clock(match: re.Match[str], folded: str, now: Now) -> Piece | None:
    start, end = match.start(), match.end()
    hour = int(match["h"])
    before = folded[max(0, start - 24) : start]
    if _NUMBERED_BEFORE.search(before):
        return None
    if _DAY_BEFORE.search(before) or _DAY_AFTER.match(folded, end):
        return _clock(match)
    if _STRONG_CUE.search(before):
        return _clock(match)
    if hour in _YEAR_HOURS and not match["hrs"]:
        return None  # "by 2030": a year
    if _WEAK_CUE.search(before) and (match["hrs"] or _CLAUSE_GOES_ON.match(folded, end)):
        return _clock(match)
    return None


def _clock(match: re.Match[str]) -> Clock:
    return Clock(match.start(), match.end(), time(int(match["h"]), int(match["m"])))


# The dates are tried before the other days, the times after them (a year said after a date,
# "March 3, 2027", is the date's).
MILITARY_DATE_READER = Reader(_MILITARY_DATE, _military_date, _MILITARY_DATE_CUE)
MILITARY_TIME_READER = Reader(_HHMM, _24h_clock, _HHMM_CUE)

"""Deadlines that bound the task from outside: a thing's due date told as a fact ("the answer is
due 6/10"), someone else's ("unless she pays by Saturday"), or the latest it may be."""

from __future__ import annotations

import re
from functools import lru_cache

from matching.parse.deadlines.pieces import FULL_STOP

__all__ = ["DUE", "bounds_from_outside"]

DUE, BOUND = "due", "bound"

# Where the statement a deadline belongs to begins and ends: a sentence end, a semicolon, a
# dash between spaces, a line, a bullet, or a "but" or "so" joining two statements ("due 9/20
# but I want a draft Tuesday", "answer's due 6/16 so draft within 2 biz days").
_BREAK = re.compile(rf"{FULL_STOP}\s|[!?;\n]|\s-+\s|\s(?:but|so)\s")
_REACH = 160
# Said before the day, these tell of a deadline the task serves rather than sets: a thing due,
# a deadline, someone's obligation, a condition, a window already running ("we're inside 30
# days").
_DUE_CUE = re.compile(r"\b(?:due|deadline)\b")
# ... which, but for a thing's due date, hold only within their clause ("unless they pay by
# Friday, draft the complaint by Monday": Monday is the task's).
_CLAUSE_CUE = re.compile(
    r"\b(?:unless|or\s+else|must|(?<!you\s)(?<!\bu\s)(?<!someone\s)(?<!somebody\s)(?:has|have)\s+to)\b"
    r"|\b(?:we're|we\s+are|they're|they\s+are)\s+$"
    # "we expect their response by December 3": another party's step, awaited
    r"|\b(?:we|i)\s+(?:expect|anticipate|are\s+expecting|'re\s+expecting)\s+(?:their|his|her|a|an|the)\b"
    # a deal's terms: "20% lump sum, paid within 60 days", "they release the lien within 10 days"
    r"|\b(?:paid|payable|repaid|refunded|released)\s+$|\bthey\s+(?:[a-z']+\s+){1,3}$"
)
_CLAUSE_BREAK = re.compile(rf",\s|{_BREAK.pattern}")
# Said after it, even in a request: "by 11/25 at the latest", "within 14 days of that" (counted
# from an event).
_OUTER_AFTER = re.compile(r"\s*,?\s*(?:at\s+the\s+(?:latest|outside)|of\s+(?:that|the|service)\b)")
# A clause that asks the reader for something holds the task's own.
_ASKING = re.compile(
    r"\b(?:please|pls|plz|kindly|can|could|would|need|needs|want|wants|i'd\s+like|like\s+(?:it|a|the)"
    r"|to\s+me)\b"
)


# (asked again of the same day as the deadline is chosen; kept only a little while, for the
# text being read)
@lru_cache(maxsize=32)
def bounds_from_outside(folded: str, start: int, end: int) -> str | None:
    """How the deadline at `start:end` bounds the task from outside, if it does rather than
    being its own: as a thing's due date (DUE), told in a statement that asks nothing; or
    (BOUND) as someone's obligation, a condition, or the latest it may be."""
    if _OUTER_AFTER.match(folded, end):
        return BOUND
    begin = _begin(_BREAK, folded, max(0, start - _REACH), start)
    clause = _begin(_CLAUSE_BREAK, folded, begin, start)
    # (a day said last in its sentence holds the full stop: "by Saturday.")
    after = _CLAUSE_BREAK.search(folded, end - 1)
    if _ASKING.search(folded, clause, after.start() if after else len(folded)):
        return None
    if _DUE_CUE.search(folded, begin, start):
        return DUE
    return BOUND if _CLAUSE_CUE.search(folded, clause, start) else None


def _begin(breaks: re.Pattern[str], folded: str, since: int, start: int) -> int:
    """Where the stretch ending at `start` begins: after the last break since `since`."""
    ends = [m.end() for m in breaks.finditer(folded, since, start)]
    return ends[-1] if ends else since

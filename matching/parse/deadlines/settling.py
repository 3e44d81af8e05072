"""How the writer settles the deadline among several days: one worked back from another ("so by
10/27"), one said last to be fine, one day said twice, the time of the event the work is for."""

from __future__ import annotations

import re

from matching.parse.deadlines.clauses import names_the_event, said_to_be_fine, standalone
from matching.parse.deadlines.pieces import (
    CONTEXT,
    FULL_STOP,
    Candidate,
    Clock,
    Now,
    Piece,
    wall_time,
)
from matching.parse.deadlines.requested import asks_another

__all__ = ["at_the_events_time", "drawn_from", "one_day_timed", "settled_last", "statement_at"]

_SENTENCE_BREAK = re.compile(r"[.!?;]\s")
_STATEMENT_BREAK = re.compile(rf"{FULL_STOP}|[!?;\n]")
_STATEMENT_REACH = 400


def statement_at(folded: str, at: int) -> str:
    """The sentence, or the part of it between semicolons, that `at` is said in ("Ms." ends
    none)."""
    begin = 0
    for match in _STATEMENT_BREAK.finditer(folded, max(0, at - _STATEMENT_REACH), at):
        begin = match.end()
    after = _STATEMENT_BREAK.search(folded, at)
    return folded[begin : after.start() if after else len(folded)]


# "for my 9am call", "before the 10:00 hearing": the work is for an event named by its time.
_WORK_FOR_THE = re.compile(
    r"\b(?:for|before|b4|ahead\s+of|prior\s+to|in\s+time\s+for)\s+"
    r"(?:the|my|our|his|her|their|your|[a-z]+'s)\s+$"
)


def at_the_events_time(
    folded: str, found: list[Candidate], facts: list[Piece], now: Now
) -> list[Candidate]:
    """The candidates, the one day said with work for an event named by its time ("tomorrow can
    you pull the history into one PDF for my 9am call?") due at that time: the work must be
    ready when the event starts. Not a day said as the evening ("tonight, before their 7am
    call" is the evening before)."""
    events = [
        p for p in facts
        if isinstance(p, Clock) and p.stated and not p.needs_day
        and _WORK_FOR_THE.search(folded, max(0, p.start - 24), p.start)
        and names_the_event(folded, p.start, p.end) is not None
    ]  # fmt: skip
    days = [c for c in found if len(c.spans) == 1 and not c.timed and c.rank > CONTEXT]
    if len(events) != 1 or len(days) != 1 or len(found) != 1:
        return found
    event, day = events[0], days[0]
    start, end = sorted((day.spans[0], (event.start, event.end)))
    if _SENTENCE_BREAK.search(folded, start[1] - 1, end[0]) or day.due_at.hour != 17:
        return found
    when = wall_time(day.due_at.date(), event.clock, now.zone)
    if when <= now.moment:
        return found
    return [day._replace(spans=(start, end), due_at=when, timed=True)]


# "..., so next Tues.", "so by 10/27", "so draft by 3/7": a day drawn from what was said before.
_SO_BEFORE = re.compile(r"\bso\s+(?:[a-z']+\s+){0,2}?(?:(?:by|before|b4|on)\s+)?$")
_CLAUSE_END = re.compile(r"\s*(?:[.!?;,\n]|\s-+\s|$)")
# "answer is 20 days so 7/19": a period counted out, whose end is the law's day, not the task's.
_COUNTED = re.compile(
    r"\b(?:\d+|[a-z]+)[\s-]+(?:(?:calendar|business|biz|court)\s+)?(?:days?|wks?|weeks?|months?)\b"
)


def _concluded(folded: str, start: int, end: int) -> bool:
    """Whether the day at `start:end` ends a clause that draws it, with "so", from what was said
    before ("I want to review first, so next Tues."); not a day counted out ("20 days, so 1/17")."""
    so = _SO_BEFORE.search(folded, max(0, start - 24), start)
    # (a day said last in its sentence may hold the full stop: "so next Tues.")
    if so is None or folded[end - 1] != "." and _CLAUSE_END.match(folded, end) is None:
        return False
    sentence = max(folded.rfind(mark, 0, so.start()) for mark in "!?;\n") + 1
    return _COUNTED.search(folded, sentence, so.start()) is None


def drawn_from(folded: str, chosen: Candidate, other: Candidate) -> bool:
    """Whether the sooner deadline is drawn, with "so", from a later one said before it ("I want
    it before the 10/31 conference, so by 10/27"): the task's own, worked back from the other."""
    return (
        other.start < chosen.start
        and chosen.due_at < other.due_at
        and _concluded(folded, chosen.start, chosen.spans[-1][1])
    )


# What a third person needs or wants, which asks the reader nothing: "she needs 9 payments".
_THEIR_NEEDS = re.compile(r"\b(?:he|she|they)\s+(?:needs?|wants?)\b")


def settled_last(folded: str, own: list[Candidate]) -> Candidate | None:
    """The deadline the writer settles in a last fragment of its own ("... Her first payment is
    due 11/1. By tomorrow is fine."), when every other is told in a statement that asks the
    reader nothing."""
    if len(own) < 2:
        return None
    last = max(own, key=lambda c: c.start)
    if not (said_to_be_fine(folded, last.spans[-1][1]) and standalone(folded, last.spans)):
        return None
    for other in own:
        statement = statement_at(folded, other.start)
        if other is not last and asks_another(_THEIR_NEEDS.sub(" ", statement)):
            return None
    return last


def one_day_timed(top: list[Candidate]) -> Candidate | None:
    """The one timed candidate, when all fall on one day and the others give no time ("next
    Wednesday ... the conference on March 8 at 1:30 p.m."): one day, said twice."""
    days = {c.due_at.date() for c in top}
    timed = [c for c in top if c.timed]
    if len(days) == 1 and len({c.due_at for c in timed}) == 1:
        return timed[0]
    return None



"""Days paired with their times, each ranked by the words before it, and the deadline chosen."""

from __future__ import annotations

import re
from datetime import datetime
from typing import NamedTuple

from matching.parse.deadlines.context import rank_of_lead
from matching.parse.deadlines.pieces import (
    CONTEXT,
    MARKED,
    Clock,
    Day,
    Moment,
    Now,
    Piece,
    wall_time,
)

# A time and a day in two sentences are two moments ("e-file it by 14:30. The garnishment hits
# Friday").
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
_AT_THE_LATEST = re.compile(r"\s*,?\s*(?:at\s+the\s+latest|latest)\b")
# What may stand between a day and its time: "tomorrow at 10am", "3pm on Friday", "Fri, 2pm".
_JOINER = re.compile(
    r"^[\s,;:()\-]*(?:(?:at|by|on|before|until|till|around|@|the)[\s,;:()\-]*){0,3}$"
)


class _Candidate(NamedTuple):
    spans: tuple[tuple[int, int], ...]
    due_at: datetime
    rank: int
    doubt: str | None = None

    @property
    def start(self) -> int:
        return self.spans[0][0]


def _joined(folded: str, left: Piece, right: Piece) -> bool:
    gap = folded[left.end : right.start]
    return len(gap) <= 16 and _JOINER.match(gap) is not None


def candidates_in(folded: str, pieces: list[Piece], now: Now) -> list[_Candidate]:
    # A fact ("served 11/23") must not lend its day to a nearby time ("... 11/23) EOD").
    pieces = [p for p in pieces if p.rank == MARKED or rank_of_lead(folded, p.start) != CONTEXT]
    pairs = _adjacent_pairs(folded, pieces)
    paired = {i for pair in pairs for i in pair}
    distant = _distant_pair(folded, pieces, paired)
    paired |= {i for pair in distant for i in pair}
    found = [_combined(pieces, c, d, now, adjacent=(c, d) not in distant) for c, d in pairs]
    found += [_combined(pieces, c, d, now, adjacent=False) for c, d in distant]
    for index, piece in enumerate(pieces):
        if index in paired:
            continue
        if isinstance(piece, Day):
            when = wall_time(piece.day, piece.clock, now.zone)
            found.append(_Candidate(((piece.start, piece.end),), when, piece.rank, piece.doubt))
        elif isinstance(piece, Moment):
            found.append(_Candidate(((piece.start, piece.end),), piece.moment, piece.rank))
        elif isinstance(piece, Clock) and not piece.needs_day:
            when = wall_time(now.today, piece.clock, now.zone)
            found.append(_Candidate(((piece.start, piece.end),), when, piece.rank))
    return [_ranked(folded, c) for c in found]


def _adjacent_pairs(folded: str, pieces: list[Piece]) -> list[tuple[int, int]]:
    """(clock, day) index pairs said together: "tomorrow at 10am", "3pm on Friday"."""
    pairs: list[tuple[int, int]] = []
    paired: set[int] = set()
    for index, piece in enumerate(pieces):
        if isinstance(piece, Clock):
            day_index = _day_beside(folded, pieces, index, paired)
            if day_index is not None:
                pairs.append((index, day_index))
                paired.update((index, day_index))
    return pairs


def _distant_pair(folded: str, pieces: list[Piece], paired: set[int]) -> list[tuple[int, int]]:
    # "cover the 9am hearing for Garcia tomorrow": one time and one day, apart, are one moment.
    clocks = [
        i for i, p in enumerate(pieces)
        if i not in paired and isinstance(p, Clock) and p.stated and not p.needs_day
    ]  # fmt: skip
    days = [
        i for i, p in enumerate(pieces)
        if i not in paired and isinstance(p, Day) and p.rank < MARKED
    ]  # fmt: skip
    if len(clocks) != 1 or len(days) != 1:
        return []
    # ... within one sentence: "e-file it by 14:30. The garnishment hits Friday" is two.
    first, last = sorted((pieces[clocks[0]], pieces[days[0]]), key=lambda p: p.start)
    if _SENTENCE_BREAK.search(folded, first.end, last.start):
        return []
    return [(clocks[0], days[0])]


def _combined(
    pieces: list[Piece], clock_index: int, day_index: int, now: Now, *, adjacent: bool
) -> _Candidate:
    clock, day = pieces[clock_index], pieces[day_index]
    assert isinstance(clock, Clock) and isinstance(day, Day)
    moment = clock.clock
    if day.evening and not clock.meridiem and moment.hour < 12:
        moment = moment.replace(hour=moment.hour + 12)
    spans = tuple(sorted(((clock.start, clock.end), (day.start, day.end))))
    if adjacent:
        spans = ((spans[0][0], spans[1][1]),)
    when = wall_time(day.day, moment, now.zone)
    return _Candidate(spans, when, max(clock.rank, day.rank), day.doubt)


def _day_beside(folded: str, pieces: list[Piece], index: int, paired: set[int]) -> int | None:
    """The day said with this time; between two, the closer ("hrg is 2/2 - by 2pm tmrw")."""
    joined = []
    for near in (index - 1, index + 1):
        if 0 <= near < len(pieces) and near not in paired and isinstance(pieces[near], Day):
            left, right = sorted((near, index))
            if _joined(folded, pieces[left], pieces[right]):
                gap = folded[pieces[left].end : pieces[right].start]
                joined.append((len(gap.split()), near))
    return min(joined)[1] if joined else None


def _ranked(folded: str, candidate: _Candidate) -> _Candidate:
    lead = rank_of_lead(folded, candidate.start)
    rank = candidate.rank
    if lead == MARKED or _AT_THE_LATEST.match(folded, candidate.spans[-1][1]):
        rank = MARKED
    elif lead == CONTEXT and rank < MARKED:
        rank = CONTEXT
    return candidate._replace(rank=rank)


def choose(candidates: list[_Candidate]) -> _Candidate | None:
    meant = [c for c in candidates if c.rank > CONTEXT]
    if not meant:
        return None
    best = max(c.rank for c in meant)
    # Of two deadlines given ("answer deadline is 12/28; draft by 12/23"), the task must meet
    # the sooner; the later is the one it serves.
    return min((c for c in meant if c.rank == best), key=lambda c: (c.due_at, c.start))

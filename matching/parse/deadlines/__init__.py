"""Deadline phrases in delegation text, resolved to aware datetimes in the delegator's timezone."""

from __future__ import annotations

import re
from datetime import datetime

from matching.parse.deadlines.choosing import candidates_in, choose
from matching.parse.deadlines.dates import DAY_READERS
from matching.parse.deadlines.pieces import (
    END_OF_DAY,
    PASSED_WARNING,
    Deadline,
    Now,
    Piece,
    zone_named,
)
from matching.parse.deadlines.spoken import digits_for_spoken
from matching.parse.deadlines.times import TIME_READERS
from matching.text import fold

__all__ = ["END_OF_DAY", "PASSED_WARNING", "Deadline", "find_deadline", "zone_named"]

_READERS = (*DAY_READERS, *TIME_READERS)
# Most delegations hold no digit; the readers whose cue needs one are then not tried at all.
_WORD_READERS = tuple(reader for reader in _READERS if not reader.needs_digit)
_DIGIT = re.compile(r"\d")


def find_deadline(text: str, *, now: datetime, tz: str) -> Deadline | None:
    """The deadline `text` gives, as an aware datetime in `tz`; None when it gives none.

    `now` is the moment the text was said (aware; a naive value is read as wall time in `tz`).
    """
    zone, warnings = zone_named(tz)
    local = now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)
    clock = Now(local, zone)
    folded = digits_for_spoken(fold(text))
    chosen = choose(candidates_in(folded, _pieces(folded, clock), clock))
    if chosen is None:
        return None
    if chosen.due_at < local:
        warnings += (PASSED_WARNING,)
    return Deadline(chosen.due_at, chosen.spans, warnings)


def _pieces(folded: str, now: Now) -> list[Piece]:
    """Every day, time and moment the text names, none overlapping another."""
    taken: list[tuple[int, int]] = []
    pieces: list[Piece] = []
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

"""Deadline phrases in delegation text, resolved to aware datetimes in the delegator's timezone."""

from __future__ import annotations

import re
from datetime import datetime

from matching.parse.deadlines.anchors import (
    alternatives,
    corrected,
    counted_from_an_event,
    counted_from_elsewhere,
    counted_from_its_day,
    no_deadline_said,
    opens_a_window,
    small_hours,
    someone_else_does,
    weekday_disagrees,
)
from matching.parse.deadlines.boards import on_a_board
from matching.parse.deadlines.choosing import (
    candidates_in,
    choose,
    offered_days,
    said_together,
)
from matching.parse.deadlines.clauses import (
    described,
    event_day_doubt,
    in_a_purpose,
    names_the_event,
)
from matching.parse.deadlines.context import rank_of_lead
from matching.parse.deadlines.cues import CueIndex
from matching.parse.deadlines.dates import DAY_READERS
from matching.parse.deadlines.doubts import (
    Respelt,
    legal_clock,
    others_deadline,
    passed,
    respelt,
    someone_elses,
    undated_event,
)
from matching.parse.deadlines.forms import due_field
from matching.parse.deadlines.idioms import IDIOM_READERS
from matching.parse.deadlines.military import MILITARY_DATE_READER, MILITARY_TIME_READER
from matching.parse.deadlines.pieces import (
    CONTEXT,
    END_OF_DAY,
    MARKED,
    PASSED_WARNING,
    STANDING,
    Candidate,
    Clock,
    Day,
    Deadline,
    DeadlineReading,
    Now,
    Piece,
    Reader,
    Unread,
    unabbreviated,
    wall_time,
    zone_named,
)
from matching.parse.deadlines.requested import (
    asks_something,
    asks_the_reader,
    everyones_due,
    if_the_reader,
    later_item,
    listed_note,
    requested,
)
from matching.parse.deadlines.spanish import Rewritten, in_english
from matching.parse.deadlines.spoken import dictated_punctuation, digits_for_spoken
from matching.parse.deadlines.times import TIME_READERS
from matching.parse.deadlines.zones import in_zone_said
from matching.text import blank, fold

__all__ = [
    "END_OF_DAY",
    "NOTHING_ASKED",
    "PASSED_WARNING",
    "Deadline",
    "DeadlineReading",
    "find_deadline",
    "read_deadline",
    "read_folded_deadline",
    "zone_named",
]

_READERS = (
    *IDIOM_READERS, MILITARY_DATE_READER, *DAY_READERS, MILITARY_TIME_READER, *TIME_READERS
)
NOTHING_ASKED = "the message asks for nothing: is this deadline a task's?"
PAST_TIME = "\u201c{said}\u201d has gone by today: is it when something happened, or a deadline?"
# The readers cued by plain strings, all looked for at once, and by patterns, looked for one by
# one. Most delegations hold no digit; the readers whose cue needs one are then not tried.
_PLAIN_CUES = CueIndex(word for r in _READERS if isinstance(r.cue, tuple) for word in r.cue)
_BY_CUE: dict[str, list[int]] = {}
for _index, _reader in enumerate(_READERS):
    for _word in _reader.cue if isinstance(_reader.cue, tuple) else ():
        _BY_CUE.setdefault(_word, []).append(_index)


def _by_cue(indexes: list[int]) -> dict[re.Pattern[str], list[int]]:
    """The readers cued by a pattern, grouped by it: a cue several readers share
    (`\\d-\\d`) is looked for once."""
    grouped: dict[re.Pattern[str], list[int]] = {}
    for index in indexes:
        if not isinstance(cue := _READERS[index].cue, tuple):
            grouped.setdefault(cue, []).append(index)
    return grouped


_PATTERNED = _by_cue(list(range(len(_READERS))))
_WORD_PATTERNED = _by_cue([i for i in range(len(_READERS)) if not _READERS[i].needs_digit])
_DIGIT = re.compile(r"\d")
# ":calendar: Due: 1/4", ":alarm_clock: EOD": a chat emoji's shortcode is a picture, not a word
# (":calendar:" asks no one to docket anything).
_SHORTCODE = re.compile(r"(?<![a-z0-9]):[a-z][a-z0-9_+-]*:")
# "Speaker 1 (00:26): by Friday is fine": a transcript's timestamp is when a line was spoken
# into the recording, not a time of day.
_TIMESTAMP = re.compile(
    r"(?m)(?:^[^\S\n]*|speaker\s*\d+\s*)[(\[]\d{1,2}:\d{2}(?::\d{2})?[)\]](?=\s*:|\s*speaker|\s*$)"
)
_SENTENCE_END = re.compile(unabbreviated("[.!?]") + r"(?=\s|$)|\n")
_HEAD_BREAK = re.compile(unabbreviated("[.!?:]") + r"(?=\s|$)|\n|\s(?:-+|\u2014|\u2013)\s")
# "the next payday is Thursday", "her hearing's Friday": a day told as the date of something.
_TOLD_AS_THE_DATE = re.compile(r"[a-z]\s+(?:is|are|was|falls\s+on|lands\s+on)\s+$|[a-z]'s\s+$")
_EVENT_WORDS = frozenset(
    {"hearing", "hrg", "trial", "conference", "conf", "deposition", "depo", "mediation",
     "meeting", "mtg", "call", "argument", "appearance", "341", "sale", "closing"}
)  # fmt: skip
# "prep the binder for the Jan 7 trial": work for an event named by its day.
_WORK_FOR = re.compile(
    r"\b(?:for|before|b4|by|ahead\s+of|prior\s+to|in\s+time\s+for)\s+"
    r"(?:the|our|my|his|her|their|[a-z]+'s)\s+$"
)


def find_deadline(text: str, *, now: datetime, tz: str) -> Deadline | None:
    """The deadline `text` gives, as an aware datetime in `tz`; None when it gives none.

    `now` is the moment the text was said (aware; a naive value is read as wall time in `tz`).
    """
    return read_deadline(text, now=now, tz=tz).deadline


def read_deadline(text: str, *, now: datetime, tz: str) -> DeadlineReading:
    """The deadline `text` gives (or the best guess), and what of it could not be read for sure."""
    return read_folded_deadline(fold(text), now=now, tz=tz)


def read_folded_deadline(
    folded: str, *, now: datetime, tz: str, writer_zone: str | None = None
) -> DeadlineReading:
    """`read_deadline` of a text already folded (`matching.text.fold`), so that a parser which
    folded it once need not fold it again. `writer_zone`: the zone of the one who wrote it, when
    known, for "by 3 my time"."""
    zone, warnings = zone_named(tz)
    local = now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)
    clock = Now(local, zone)
    pictured = _pictures_blanked(folded)
    spanish = in_english(pictured, local.date())
    folded, respellings = respelt(digits_for_spoken(dictated_punctuation(spanish.text)))
    misspelt: list[Respelt | Rewritten] = [*respellings, *spanish.asked]
    board = on_a_board(folded, _pieces(folded, clock, misspelt))
    pieces = board.pieces
    doubts: list[str] = [board.doubt] if board.doubt else []
    form = due_field(folded)
    if form is not None and form.empty:
        return DeadlineReading(None)  # "Due: —": the form says there is no deadline
    # "Due: 1/6 ... Notes: hearing set 1/12": the form's Due field is the deadline, the notes'
    # dates are context
    in_field = [] if form is None else [
        p for p in pieces if form.start <= p.start and p.end <= form.end
    ]
    pieces = in_field or pieces
    vague: list[Unread] = []
    if _has_unread(pieces):
        # A date that cannot be, said as a deadline or beside one, is asked about; as news
        # ("served 2/30") it is let be, as a readable date would be. A span of days ("early next
        # week") is asked about when it is the deadline said, unless told as a fact.
        unread = [p for p in pieces
                  if isinstance(p, Unread) and (lead := rank_of_lead(folded, p.start)) != CONTEXT
                  and not (p.vague and described(folded, p.start, p.end, lead))]  # fmt: skip
        doubts += [p.doubt for p in unread if not p.vague]
        vague = [p for p in unread if p.vague]
        pieces = [p for p in pieces if not isinstance(p, Unread)]
    request = requested(folded)
    if in_field:
        # (a docketing form's Due field is when the docketing is due, not the event docketed)
        request = request._replace(docketing=False)
    candidates = candidates_in(folded, pieces, clock, request)
    if request.withdrawn:
        # "can you cover the call at 3? never mind, I'll do it myself": the day of an ask taken
        # back is no one's; one said after may be a new ask's
        candidates = [c for c in candidates if c.start >= request.withdrawn]
    if request.social:
        candidates = []  # "RSVP to Amber by Monday!": everyone's, and no one's task
    elif request.nothing:
        # "heads up i'm out today", "thx everyone for today": a day named, nothing asked; one
        # marked ("reminder: timesheets are due Monday") may be everyone's, not a task's.
        candidates = [c._replace(doubt=c.doubt or NOTHING_ASKED) for c in candidates
                      if c.rank == MARKED]  # fmt: skip
    chosen, aside = _chosen(folded, candidates)
    if request.docketing and chosen is None:
        # "calendar it + a reminder the Thurs before": a day counted from an event, in a
        # request to docket, is one more date to docket, not the docketing's deadline
        vague = []
    if vague and not (request.nothing or request.social):
        # "by midweek next week": the span said is the deadline, of which "next week" is a part
        doubts += [p.doubt for p in vague if chosen is None or 0 <= chosen.start - p.end <= 2]
    if chosen is None:
        if request.nothing or request.social or request.withdrawn:
            return DeadlineReading(None, next(iter(doubts), None) or aside)
        counted = None if request.docketing else counted_from_an_event(folded)
        doubt = next(iter(doubts), None) or undated_event(folded) or counted or aside
        if doubt is None and (timed := _timed_event(folded, pieces, clock, writer_zone)) is not None:
            return timed
        return DeadlineReading(None, doubt or _event_day(folded, pieces))
    if chosen.timed:
        # "by 3 Pacific" is 3 in Los Angeles; "by 3 her time" is asked about.
        moved, zone_doubt = in_zone_said(folded, chosen.spans, chosen.due_at, writer_zone)
        chosen = chosen._replace(due_at=moved, doubt=chosen.doubt or zone_doubt)
    if chosen.due_at < local and _a_time_gone_by(folded, chosen, pieces):
        # "the repo agent cut the lock at 2 a.m.", said at 1 p.m.: when something happened
        said = " ".join(folded[chosen.start : chosen.spans[-1][1]].split())
        return DeadlineReading(None, PAST_TIME.format(said=said))
    if chosen.rank < MARKED and no_deadline_said(folded, chosen.spans[-1][1]):
        # "anyone around today? ... whenever, not urgent": the writer says there is none, and
        # the day is not said as one
        return DeadlineReading(None)
    if chosen.due_at < local:
        warnings += (PASSED_WARNING,)
        doubts.append(passed(chosen.due_at))
    later_days = [(p.start, p.end) for p in pieces if isinstance(p, Day) and p.start > chosen.start]
    doubt = (
        chosen.doubt
        or next(iter(doubts), None)
        or counted_from_its_day(folded, chosen.start)
        or corrected(folded, chosen.start, chosen.spans[-1][1], later_days)
        or alternatives(folded, chosen.start, chosen.spans[-1][1])
        or weekday_disagrees(folded, local.weekday(), chosen.start, chosen.spans[-1][1])
        or small_hours(folded, local.hour, chosen.start, chosen.spans[-1][1])
        or (None if chosen.rank == MARKED else no_deadline_said(folded, chosen.spans[-1][1]))
        or opens_a_window(
            _sentence_of(folded, chosen.start), folded, chosen.start, chosen.spans[-1][1]
        )
        or (None if request.appearance else _someone_elses_act(folded, chosen))
        or later_item(folded, chosen.start)
        or listed_note(folded, chosen.start)
        or everyones_due(folded, chosen.start)
        or if_the_reader(folded, chosen.start)
        # (the day of an event someone is asked to appear at is the deadline)
        or (None if request.appearance else _told_beside_the_ask(folded, chosen))
    )
    return DeadlineReading(Deadline(chosen.due_at, chosen.spans, warnings), doubt)


def _a_time_gone_by(folded: str, chosen: Candidate, pieces: list[Piece]) -> bool:
    """Whether the deadline chosen is a time alone ("at 2 a.m."), not said as a deadline, whose
    hour has gone by today: more likely when something happened than a deadline."""
    if chosen.rank == MARKED or len(chosen.spans) != 1:
        return False
    return any(
        isinstance(p, Clock) and (p.start, p.end) == chosen.spans[0] and p.stated for p in pieces
    )


def _pictures_blanked(folded: str) -> str:
    """The text with every emoji shortcode (":memo:") and transcript timestamp ("Speaker 1
    (00:26):") blanked, lengths unchanged."""
    if ":" not in folded:
        return folded
    marks = [*_SHORTCODE.finditer(folded), *_TIMESTAMP.finditer(folded)]
    return blank(folded, [m.span() for m in marks])


def _chosen(folded: str, candidates: list[Candidate]) -> tuple[Candidate | None, str | None]:
    """The deadline, and why one read was set aside. The law's clock ("answer due in 20 days
    (served 1/9)" counts from service, not from today) and another thing's deadline
    ("relocation $ deadline is 3/31") give way to any other deadline the text gives. Alone, the
    clock is read as the table reads it and asked about; the other deadline is only asked about.
    """
    if offered := offered_days(folded, candidates):
        return None, offered
    meant = [c for c in candidates if c.rank > CONTEXT]
    clocks = [c for c in meant if legal_clock(folded, c.start)]
    others = [c for c in meant if others_deadline(folded, c.start, c.spans[-1][1])]
    theirs = {c: why for c in meant if (why := someone_elses(folded, c.start, c.spans[-1][1]))}
    counted = {
        c: said for c in meant if (said := counted_from_elsewhere(folded, c.start, c.spans[-1][1]))
    }
    left = [c for c in candidates if c not in clocks and c not in others and c not in theirs
            and c not in counted]  # fmt: skip
    # "by noon, so Denise can review before Wednesday's filing": the next step's day gives way
    # to a deadline said as one ("finalized so I can review next Monday" says the task's own)
    purposes = [c for c in left if c.rank > CONTEXT and in_a_purpose(folded, c.start)]
    if purposes and any(
        c not in purposes and (c.rank == MARKED or c.rank > CONTEXT and _said_in_an_ask(folded, c))
        for c in left
    ):
        # ... and to one said in an ask ("could you send me the memo tomorrow? I want to read
        # it before I call their lawyer Tuesday")
        left = [c for c in left if c not in purposes]
    chosen = choose(folded, left)
    if chosen is not None and theirs and not _said_in_an_ask(folded, chosen):
        # "For whoever's on intake today: ... she says her answer is due Friday": neither day
        # is said in the ask, and which is the task's is a guess.
        return chosen._replace(doubt=chosen.doubt or next(iter(theirs.values())).doubt), None
    if chosen is not None:
        return chosen, None
    if theirs:
        # Alone, what they asked us for is the task's ("she asked for it by Friday"); what they
        # owe or say is asked about.
        candidate, their = next(iter(theirs.items()))
        return (candidate, None) if their.wanted else (None, their.doubt)
    if clocks:
        clock = clocks[0]
        return clock._replace(doubt=legal_clock(folded, clock.start)), None
    if others:
        return None, others_deadline(folded, others[0].start, others[0].spans[-1][1])
    # "the order should come within 30 days of that": when the period ends is not said.
    return None, next(iter(counted.values()), None)


def _said_in_an_ask(folded: str, candidate: Candidate) -> bool:
    """Whether the candidate is said in a sentence that asks the reader for something, or is a
    deadline by its own words ("by Friday")."""
    if candidate.rank == MARKED:
        return True
    start = candidate.start
    sentence_start = max(folded.rfind(mark, 0, start) for mark in ".!?:\n") + 1
    ends = [i for mark in ".!?\n" if (i := folded.find(mark, start)) != -1]
    return asks_something(folded[sentence_start : min(ends) if ends else len(folded)])


def _someone_elses_act(folded: str, candidate: Candidate) -> str | None:
    """The doubt when a day not said as a deadline is told only as what someone else will do
    ("the client can drop them off Friday at 10") while the ask is said elsewhere (but the day
    of an event someone is asked to appear at is the deadline)."""
    if candidate.rank == MARKED:
        return None
    start, end = candidate.start, candidate.spans[-1][1]
    sentence = _sentence_of(folded, start)
    said = folded[start:end]
    if doubt := someone_else_does(sentence, said):
        return doubt
    # "Done: Acme agreed - they'll return the car on Tuesday": a news heading or a dash may
    # stand before the clause that tells what someone else will do.
    begin = max((m.end() for m in _HEAD_BREAK.finditer(folded, 0, start)), default=0)
    return someone_else_does(folded[begin:end], said) if begin else None


def _told_beside_the_ask(folded: str, candidate: Candidate) -> str | None:
    """The doubt when a day not said as a deadline is told in a sentence that asks nothing ("The
    next payday is Thursday.") and another sentence holds the ask ("Someone call her back
    asap"): the day is news about the matter, and may not be the task's."""
    if candidate.rank == MARKED or not _TOLD_AS_THE_DATE.search(
        folded, max(0, candidate.start - 16), candidate.start
    ):
        return None
    begin, end = _sentence_bounds(folded, candidate.start)
    sentence = folded[begin:end]
    # "Pettway's hearing is Wednesday at 10:30 ... to Anjali, please": an event's day, which
    # whoever covers it must meet
    told_of = folded[begin : candidate.start].split()
    if asks_something(sentence) or not _EVENT_WORDS.isdisjoint(told_of):
        return None
    if not asks_the_reader(folded[:begin] + " " + folded[end:]):
        return None
    said = folded[candidate.start : candidate.spans[-1][1]]
    return f"\u201c{said}\u201d is told as news, not asked for: is it the task's deadline?"


def _sentence_of(folded: str, start: int) -> str:
    """The sentence `start` is said in ("Mr." ends none)."""
    begin, end = _sentence_bounds(folded, start)
    return folded[begin:end]


def _sentence_bounds(folded: str, start: int) -> tuple[int, int]:
    ends = [m.end() for m in _SENTENCE_END.finditer(folded, 0, start)]
    after = _SENTENCE_END.search(folded, start)
    return ends[-1] if ends else 0, after.end() if after else len(folded)


def _event_day(folded: str, pieces: list[Piece]) -> str | None:
    """The doubt when the work is for an event named only by its day ("for tomorrow's hearing")
    or its time ("the 3pm call with Lee - pls prep a summary")."""
    for piece in pieces:
        if isinstance(piece, Day) and (doubt := event_day_doubt(folded, piece.start, piece.end)):
            return doubt
        if isinstance(piece, Day) and (
            described(folded, piece.start, piece.end, STANDING)
            or not _WORK_FOR.search(folded, max(0, piece.start - 40), piece.start)
        ):
            # "tell him they postponed the Jan 7 trial", "the transcript of the 6/24 hearing":
            # no work is for the event
            continue
        if isinstance(piece, Clock | Day) and (
            event := names_the_event(folded, piece.start, piece.end)
        ):
            return f"\u201c{event}\u201d: is the deadline then, or before?"
    return None


def _timed_event(
    folded: str, pieces: list[Piece], now: Now, writer_zone: str | None = None
) -> DeadlineReading | None:
    """The moment of an event the work is for, when its day and its time are both said ("she
    has asked for a call tomorrow at 4"): the deadline, asked about (then, or before?)."""
    for index, piece in enumerate(pieces[:-1]):
        time_of_day = pieces[index + 1]
        if not (isinstance(piece, Day) and isinstance(time_of_day, Clock)) or (
            time_of_day.needs_day or not said_together(folded, piece, time_of_day)
        ):
            continue
        if event_day_doubt(folded, piece.start, piece.end) is None:
            continue
        spans = ((piece.start, time_of_day.end),)
        moment, _ = in_zone_said(
            folded, spans, wall_time(piece.day, time_of_day.clock, now.zone), writer_zone
        )
        said = " ".join(folded[piece.start : time_of_day.end].split())
        doubt = f"\u201c{said}\u201d is when the event is: is the deadline then, or before?"
        return DeadlineReading(Deadline(moment, spans), doubt)
    return None


def _has_unread(pieces: list[Piece]) -> bool:
    for piece in pieces:
        if isinstance(piece, Unread):
            return True
    return False


def _pieces(folded: str, now: Now, misspelt: list[Respelt | Rewritten]) -> list[Piece]:
    """Every day, time and moment the text names, none overlapping another; a day read from a
    misspelling, or named by a weekday it does not fall on, carries its doubt."""
    taken: list[tuple[int, int]] = []
    pieces: list[Piece] = []
    for reader in _cued(folded):
        for match in reader.pattern.finditer(folded):
            if not _free(taken, match.start(), match.end()):
                continue
            piece = reader.read(match, folded, now)
            if piece is not None and _free(taken, piece.start, piece.end):
                taken.append((piece.start, piece.end))
                pieces.append(piece)
    pieces.sort(key=lambda p: p.start)
    if not misspelt:
        return pieces
    return [_guessed(piece, misspelt) if isinstance(piece, Day) else piece for piece in pieces]


def _cued(folded: str) -> list[Reader]:
    """The readers whose cue `folded` holds, in the order they are tried."""
    tried = {index for cue in _PLAIN_CUES.present(folded) for index in _BY_CUE[cue]}
    for cue, indexes in (_PATTERNED if _DIGIT.search(folded) else _WORD_PATTERNED).items():
        if cue.search(folded):
            tried.update(indexes)
    return [_READERS[index] for index in sorted(tried)]


def _guessed(piece: Day, misspelt: list[Respelt | Rewritten]) -> Day:
    """The day, with the doubt of the misspelt name it was read from, if it was."""
    guessed = next((m for m in misspelt if piece.start <= m.start < piece.end), None)
    return piece._replace(doubt=guessed.doubt) if guessed and not piece.doubt else piece


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)

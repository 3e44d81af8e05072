"""Days paired with their times, each ranked by the words before it, and the deadline chosen."""

from __future__ import annotations

import re

from matching.parse.deadlines.anchors import put_right, someone_else_does
from matching.parse.deadlines.clauses import (
    described,
    event_day_doubt,
    heads_the_text,
    in_a_purpose,
    names_the_event,
    opens_a_plan,
    said_to_be_fine,
    standalone,
)
from matching.parse.deadlines.context import dates_an_event, rank_of_lead
from matching.parse.deadlines.outer import DUE, bounds_from_outside
from matching.parse.deadlines.pieces import (
    CONTEXT,
    FULL_STOP,
    MARKED,
    Candidate,
    Clock,
    Day,
    Moment,
    Now,
    Piece,
    wall_time,
)
from matching.parse.deadlines.requested import (
    Request,
    asks_another,
    asks_someone,
    asks_something,
    asks_the_reader,
    item_at,
)
from matching.parse.deadlines.settling import (
    at_the_events_time,
    drawn_from,
    one_day_timed,
    settled_last,
    statement_at,
)

# A time and a day in two sentences are two moments ("e-file it by 14:30. The garnishment hits
# Friday").
_SENTENCE_BREAK = re.compile(r"[.!?;]\s")
_AT_THE_LATEST = re.compile(r"\s*,?\s*(?:at\s+the\s+latest|latest)\b")
# What may stand between a day and its time: "tomorrow at 10am", "3pm on Friday", "Fri, 2pm".
_JOINER = re.compile(
    r"^[\s,;:()\-]*(?:(?:at|by|on|before|b4|until|till|around|@|the"
    # "4:30 ET Friday", "noon Eastern tomorrow": the zone said between (read from the span)
    r"|[ecmp][sd]?t|eastern|central|mountain|pacific|(?:[a-z]+\s+)?time)[\s,;:()\-]*){0,3}$"
)
# "Monday by 9 a.m.": a marker between a day and its time marks them both.
_MARKER_INSIDE = re.compile(r"\b(?:by|before|b4|until|till)\b")
# The word right before a deadline, when one space at most stands between (a client's name or
# a matter number, blanked out, is no lead-in).
_LEAD_WORD = re.compile(
    r"([a-z0-9'@]+)\s?(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s)?$"
)
_BY = frozenset({"by", "before", "b4", "until", "till", "til", "than"})
# Words that give a docketed event its date: "response due 1/27", "set for 4/22", "it's 1/27".
_EVENT_LEADS = frozenset(
    {"due", "deadline", "is", "are", "for", "on", "set", "at", "@", "it's", "scheduled", "now",
     "was", "to", "the"}
)  # fmt: skip
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?\n]|$)")
_THIRD_PERSON_NEEDS = re.compile(
    r"^\W*(?:he|she|they|the\s+(?:client|court|clerk|trustee|judge|other\s+side))\s+"
    r"(?:needs|wants|has\s+to\s+have|must\s+have)\b"
)
# "... oh wait, tmrw is the holiday. Fri 3pm then": the day the writer settles on.
_THEN = re.compile(r"\s*,?\s*then\b")
# "Due 1/25. Start on it today pls": when to begin, beside the day it is due.
_START = re.compile(
    r"\b(?:start|begin|get\s+started|kick\s+off)(?:\s+(?:on|with|working\s+on))?"
    r"(?:\s+(?:it|this|that|them))?\s+$"
)
_OR = re.compile(r"\s*,?\s*(?:or|either|or\s+else)\s+")
# News in a sentence: what happened ("counsel accepted", "possession granted") or what may
# happen ("the writ can issue"); not "the signed copy", whose past participle is a describer.
_NEWS = re.compile(
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bour\s)(?<!\bher\s)(?<!\bhis\s)(?<!\btheir\s)"
    r"\b(?:[a-z]{3,}ed|sent|paid|made|came|took|said|told|agreed)\b"
    r"|\b(?!(?:you|u|we|i)\b)[a-z]+\s+(?:can|may|will|could)\s+(?!you\b|u\b|someone\b)[a-z]+"
)


def said_together(folded: str, left: Piece, right: Piece) -> bool:
    """Whether a day and a time are said together ("tomorrow at 10am", "3pm on Friday")."""
    gap = folded[left.end : right.start]
    return len(gap) <= 16 and _JOINER.match(gap) is not None


def candidates_in(folded: str, pieces: list[Piece], now: Now, request: Request) -> list[Candidate]:
    # A fact ("served 11/23") must not lend its day to a nearby time ("... 11/23) EOD"), nor
    # leave its time to stand for today ("set for hearing January 4 at 10:00").
    facts = [p for p in pieces if _told_as_fact(folded, p, request)]
    pieces = [p for p in pieces if p not in facts and not _time_of_a_fact(folded, p, facts)]
    pairs = _adjacent_pairs(folded, pieces)
    paired = {i for pair in pairs for i in pair}
    pairs, distant = _morning_refined(folded, pieces, pairs, paired)
    distant += _distant_pair(folded, pieces, paired, request, now)
    paired |= {i for pair in distant for i in pair}
    found = [_combined(folded, pieces, c, d, now, adjacent=True) for c, d in pairs]
    found += [_combined(folded, pieces, c, d, now, adjacent=False) for c, d in distant]
    for index, piece in enumerate(pieces):
        if index in paired:
            continue
        spans = ((piece.start, piece.end),)
        if isinstance(piece, Day):
            when = wall_time(piece.day, piece.clock, now.zone)
            found.append(Candidate(spans, when, piece.rank, piece.doubt, dated=piece.dated))
        elif isinstance(piece, Moment):
            found.append(Candidate(spans, piece.moment, piece.rank))
        elif isinstance(piece, Clock) and not piece.needs_day:
            when = wall_time(now.today, piece.clock, now.zone)
            found.append(Candidate(spans, when, piece.rank, timed=piece.stated))
    found = at_the_events_time(folded, found, facts, now)
    return [_ranked(folded, c, request) for c in found]


def _told_as_fact(folded: str, piece: Piece, request: Request) -> bool:
    lead = rank_of_lead(folded, piece.start, appearance=request.appearance)
    if piece.rank == MARKED:
        # "in 30 days", "end of week": a deadline by its words, a fact only when relayed, said
        # in the negative or of what the writer will do ("I'll have it by the end of the week").
        return (
            described(folded, piece.start, piece.end, MARKED)
            or dates_an_event(folded, piece.start, appearance=request.appearance)
            or opens_a_plan(folded, piece.start, piece.end)
        )
    if lead == CONTEXT:
        return True
    if described(folded, piece.start, piece.end, lead, appearance=request.appearance):
        return True
    event = names_the_event(folded, piece.start, piece.end)
    if event is not None and _STILL_ON.match(folded, piece.start + len(event)):
        return True  # "Please cover it. The 11/2 pretrial stays on.": another event, unmoved
    # "on my way to the 9:00 docket", "postpone the Jan 7 trial": the time or day that says
    # which event, unless someone is to be there or it is marked ("before the 7/16 conf").
    return (
        (isinstance(piece, Clock) or isinstance(piece, Day) and lead != MARKED)
        and not request.appearance
        and event is not None
    )


# What stays as it was: "the 11/2 pretrial stays on", "the 9am status conf is still set".
_STILL_ON = re.compile(
    r"\s+(?:stays|remains|is\s+still|are\s+still|still)\s+(?:on|set|scheduled|as\s+is|put)\b"
    r"|\s+(?:is|are)\s+(?:unchanged|unaffected|not\s+affected)\b"
)


def _time_of_a_fact(folded: str, piece: Piece, facts: list[Piece]) -> bool:
    """Whether `piece` is the time of a day told as a fact, or the day of such a time ("locked
    until 7am tomorrow"); one with its own marker ("(served 1/14) by 11") is not."""
    # ("... everything we sent out this wk, eod": EOD is a deadline by its own word)
    if not isinstance(piece, Clock | Day) or piece.rank == MARKED:
        return False
    if rank_of_lead(folded, piece.start) == MARKED:
        return False
    for fact in facts:
        if isinstance(fact, Clock | Day) and type(fact) is not type(piece):
            left, right = sorted((fact, piece), key=lambda p: p.start)
            if ")" not in folded[left.end : right.start] and said_together(folded, left, right):
                return True
    return False


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


def _morning_refined(
    folded: str, pieces: list[Piece], pairs: list[tuple[int, int]], paired: set[int]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """ "file it tmrw am. ... by 10": a day said with its half ("tomorrow morning") takes the one
    time the text gives without a day. Returns the pairs said together, and those apart."""
    lone = [
        i for i, p in enumerate(pieces)
        if i not in paired and isinstance(p, Clock) and p.stated and not p.needs_day
    ]  # fmt: skip
    halves = [(c, d) for c, d in pairs if _is_half_of_day(pieces[c])]
    if len(lone) != 1 or len(halves) != 1:
        return pairs, []
    # A day said in another sentence is another moment ("Monday morning by 10? The signed copy
    # will be in by tonight"): it leaves the time to the half of the day.
    days = [
        i for i, p in enumerate(pieces)
        if i not in paired and isinstance(p, Day) and _one_sentence(folded, p, pieces[lone[0]])
    ]  # fmt: skip
    if days:
        return pairs, []
    half, day = halves[0]
    paired.add(lone[0])
    return [pair for pair in pairs if pair != (half, day)], [(lone[0], day)]


def _one_sentence(folded: str, one: Piece, other: Piece) -> bool:
    first, last = sorted((one, other), key=lambda p: p.start)
    return _SENTENCE_BREAK.search(folded, first.end - 1, last.start) is None


def _is_half_of_day(piece: Piece) -> bool:
    return isinstance(piece, Clock) and piece.needs_day


def _distant_pair(
    folded: str, pieces: list[Piece], paired: set[int], request: Request, now: Now
) -> list[tuple[int, int]]:
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
    clock, day = pieces[clocks[0]], pieces[days[0]]
    # "for tomorrow, not today: can someone e-file it by noon?": the day heads the text, and
    # the one time it gives is that day's.
    if heads_the_text(folded, day.start, day.end):
        return [(clocks[0], days[0])]
    # ... within one sentence: "e-file it by 14:30. The garnishment hits Friday" is two, unless
    # someone is asked to be at an event ("take the hearing on 9/24? ... 9am, Judge Albrecht");
    # and a time marked as the deadline is not an unmarked day's ("the 12/30 hearing notice by
    # 3pm").
    first, last = sorted((clock, day), key=lambda p: p.start)
    # "by noon, so Denise can review before Wednesday's filing": the next step's day
    if in_a_purpose(folded, last.start) and not in_a_purpose(folded, first.start):
        return []
    assert isinstance(clock, Clock) and isinstance(day, Day)
    if _a_later_days_time(folded, clock, day, now):
        return [(clocks[0], days[0])]
    # (a day said last in its sentence holds the full stop: "by Saturday.")
    if _SENTENCE_BREAK.search(folded, first.end - 1, last.start) and not request.appearance:
        return []
    if rank_of_lead(folded, clock.start) == MARKED > rank_of_lead(folded, day.start):
        return []
    if _told_due_apart(folded, clock, day):
        return []
    return [(clocks[0], days[0])]


def _told_due_apart(folded: str, clock: Clock, day: Day) -> bool:
    """Whether the time and the day are two deadlines, each with its own marker, one of them a
    thing's due date told in a clause of its own ("file it by 2pm, answer's due monday")."""
    if rank_of_lead(folded, clock.start) < MARKED or rank_of_lead(folded, day.start) < MARKED:
        return False
    told = [bounds_from_outside(folded, p.start, p.end) == DUE for p in (clock, day)]
    return told[0] != told[1]


def _a_later_days_time(folded: str, clock: Clock, day: Day, now: Now) -> bool:
    """Whether a time said as the deadline ("... by 11 if you can"), already gone by today, is
    that of the one later day the ask names, unmarked, in another sentence ("can you call her
    tmrw?")."""
    return (
        day.day > now.today
        and wall_time(now.today, clock.clock, now.zone) < now.moment
        and rank_of_lead(folded, clock.start) == MARKED
        and rank_of_lead(folded, day.start) < MARKED
        and asks_another(statement_at(folded, day.start))
    )


def _combined(
    folded: str, pieces: list[Piece], clock_index: int, day_index: int, now: Now, *, adjacent: bool
) -> Candidate:
    clock, day = pieces[clock_index], pieces[day_index]
    assert isinstance(clock, Clock) and isinstance(day, Day)
    moment = clock.clock
    if clock.needs_day:
        # "call him tomorrow morning", "wed am", "first thing Monday": a part of the day is no
        # time of it; the day stands, to its end (DOMAIN.md's table gives no hour to a morning).
        moment = day.clock
    if day.evening and not clock.meridiem and moment.hour < 12:
        moment = moment.replace(hour=moment.hour + 12)
    spans = tuple(sorted(((clock.start, clock.end), (day.start, day.end))))
    rank = max(clock.rank, day.rank)
    if adjacent:
        if _MARKER_INSIDE.search(folded, spans[0][1], spans[1][0]):
            rank = MARKED
        spans = ((spans[0][0], spans[1][1]),)
    when = wall_time(day.day, moment, now.zone)
    timed = clock.stated and not clock.needs_day
    return Candidate(spans, when, rank, day.doubt, dated=day.dated, timed=timed)


def _day_beside(folded: str, pieces: list[Piece], index: int, paired: set[int]) -> int | None:
    """The day said with this time; between two, the closer ("hrg is 2/2 - by 2pm tmrw")."""
    joined = []
    for near in (index - 1, index + 1):
        if 0 <= near < len(pieces) and near not in paired and isinstance(pieces[near], Day):
            left, right = sorted((near, index))
            if said_together(folded, pieces[left], pieces[right]):
                gap = folded[pieces[left].end : pieces[right].start]
                joined.append((len(gap.split()), near))
    return min(joined)[1] if joined else None


def _ranked(folded: str, candidate: Candidate, request: Request) -> Candidate:
    lead = rank_of_lead(folded, candidate.start, appearance=request.appearance)
    rank = candidate.rank
    end = candidate.spans[-1][1]
    # "Monday morning by 10": a time said apart from its day may carry the marker for both.
    later = [rank_of_lead(folded, s, appearance=request.appearance) for s, _ in candidate.spans[1:]]
    if (lead == MARKED or MARKED in later or _AT_THE_LATEST.match(folded, end)
            or said_to_be_fine(folded, end)):
        rank = MARKED
    elif lead == CONTEXT and rank < MARKED:
        rank = CONTEXT
    elif (
        rank < MARKED
        and standalone(folded, candidate.spans)
        and not heads_the_text(folded, candidate.start, end)
    ):
        # "Two weeks.", "... I'll review. 1/22": a fragment of its own states the deadline; one
        # heading the text ("for tmrw: ...") says when the work is for.
        rank = MARKED
    if request.docketing and rank > CONTEXT and _docketed(folded, candidate):
        rank = CONTEXT
    doubt = candidate.doubt
    if rank == MARKED and not doubt:
        # "by Monday's hearing": Monday, but before the hearing, whose hour is not given.
        doubt = event_day_doubt(folded, candidate.start, candidate.spans[-1][1])
    return candidate._replace(rank=rank, doubt=doubt)


def _docketed(folded: str, candidate: Candidate) -> bool:
    """Whether, in a request to docket, the candidate is an event to docket ("calendar the
    hearing, 1/29 at 1:30 pm", "docket the responses due 1/27") rather than the deadline for
    the docketing ("by Friday", "today", "EOD", "by 1/29")."""
    lead = _LEAD_WORD.search(folded[max(0, candidate.start - 24) : candidate.start])
    word = lead[1] if lead else ""
    inside = folded[candidate.start : candidate.spans[-1][1]]
    by = word in _BY or _MARKER_INSIDE.search(inside) is not None
    if word in _EVENT_LEADS or candidate.timed and not by:
        return True
    if not candidate.dated:
        # "possession granted, writ can issue in 5 days. pls calendar it", "they accepted -
        # truck back by Friday ... please calendar the truck return": a day told in a sentence
        # that asks nothing is the event's
        statement = statement_at(folded, candidate.start)
        return (
            _NEWS.search(statement) is not None
            and not asks_someone(statement)
            and not standalone(folded, candidate.spans)
            and not said_to_be_fine(folded, candidate.spans[-1][1])
        )
    # "the defendant must produce the data by 11/24. Please docket that date": a date said in
    # a sentence that asks nothing is the event's.
    return not by or not asks_the_reader(_sentence_at(folded, candidate.start))


def _clause_at(folded: str, at: int) -> str:
    """The clause, between commas or sentence ends, that `at` is said in."""
    begin = max(folded.rfind(mark, 0, at) for mark in ".!?;,\n") + 1
    ends = [i for mark in ".!?;,\n" if (i := folded.find(mark, at)) != -1]
    return folded[begin : min(ends) if ends else len(folded)]


def _asked_over_told(folded: str, candidates: list[Candidate]) -> list[Candidate]:
    """Of the candidates, those said in a sentence asking the reader in words ("I need someone
    to review it tonight"), when each other is told in one that asks nothing at all ("Crown
    filed its motion this afternoon"); else none."""
    asked, told = [], []
    for candidate in candidates:
        statement = statement_at(folded, candidate.start)
        if asks_another(statement):
            asked.append(candidate)
        elif asks_something(statement):
            return []  # a bare command ("get the letter out by COB") asks too
        else:
            told.append(candidate)
    return asked if told else []


def _sentence_at(folded: str, at: int) -> str:
    for match in _SENTENCE.finditer(folded):
        if match.start() <= at < match.end():
            return match.group()
    return folded


def choose(folded: str, candidates: list[Candidate]) -> Candidate | None:
    meant = [c for c in candidates if c.rank > CONTEXT]
    if not meant:
        return None
    # "they want it by 10/20 but I want to review first, so next Tues.": a day worked back
    # from a deadline said before it is the task's own, as if marked
    meant = [
        c._replace(rank=MARKED)
        if c.rank < MARKED and any(o.rank == MARKED and drawn_from(folded, c, o) for o in meant)
        else c
        for c in meant
    ]
    best = max(c.rank for c in meant)
    top = sorted((c for c in meant if c.rank == best), key=lambda c: (c.due_at, c.start))
    if best == MARKED:
        return _asked_apart(folded, _marked_choice(folded, top), meant)
    sooner, later = top[0], top[-1]
    if sooner.due_at == later.due_at or sooner.doubt:
        return sooner
    if (timed := one_day_timed(top)) is not None:
        return timed
    # "can you e-file it today? ... her next paycheck hits Friday": a day told of what someone
    # else does gives way to one that is not
    acts = [c for c in top if _someone_elses_day(folded, c)]
    if acts and len(acts) < len(top) and all(
        asks_something(statement_at(folded, c.start)) for c in top if c not in acts
    ):
        top = [c for c in top if c not in acts]
        sooner, later = top[0], top[-1]
        if sooner.due_at == later.due_at or sooner.doubt:
            return sooner
    # "Crown's counsel filed its motion this afternoon. I need someone to review it tonight":
    # the day said in the ask is the task's; one told in a sentence that asks nothing is news.
    asked = _asked_over_told(folded, top)
    if asked:
        sooner, later = asked[0], asked[-1]
        if sooner.due_at == later.due_at or sooner.doubt:
            return sooner
    # Two days said alike, neither as the deadline ("hearing Monday, draft Friday"): the sooner
    # is a guess, and asked about.
    return sooner._replace(
        doubt=f"two days are given ({_day(sooner)}, {_day(later)}): which is the deadline?"
    )


# Where the clause of what someone else does begins: "It's urgent, her next paycheck hits
# Friday", "our position is that discovery should close on March 30".
_ACT_BREAK = re.compile(rf"{FULL_STOP}|[,;:!?()\n]|\s(?:but|so|that)\s")


def _someone_elses_day(folded: str, candidate: Candidate) -> bool:
    """Whether the day is told, in its own clause, as what someone else does ("her next
    paycheck hits Friday")."""
    start, end = candidate.start, candidate.spans[-1][1]
    begin = max((m.end() for m in _ACT_BREAK.finditer(folded, max(0, start - 120), start)),
                default=max(0, start - 120))
    return someone_else_does(folded[begin:end], folded[start:end]) is not None


def _asked_apart(folded: str, chosen: Candidate, meant: list[Candidate]) -> Candidate:
    """A thing's due date told as a fact ("responses due 1/18") while the ask names another day
    ("can you get draft responses started today?"): which is the task's is asked about."""
    if chosen.doubt:
        return chosen
    told = bounds_from_outside(folded, chosen.start, chosen.spans[-1][1]) == DUE
    # ... or what a third person needs ("she needs it back by 3/1, can you send it today")
    if not told and not _THIRD_PERSON_NEEDS.search(_clause_at(folded, chosen.start)):
        return chosen
    for other in meant:
        if other.rank < MARKED and other.due_at.date() != chosen.due_at.date() and (
            asks_the_reader(_clause_at(folded, other.start))
        ) and not _START.search(folded, max(0, other.start - 40), other.start):
            return chosen._replace(
                doubt=f"{_day(chosen)} is said as due, {_day(other)} in the ask: "
                "which is the task's?"
            )
    return chosen


def offered_days(folded: str, candidates: list[Candidate]) -> str | None:
    """The doubt when the only days given are alternatives, neither said as the deadline ("she's
    free Monday or Tuesday afternoon"): options offered, not a deadline, and asked about."""
    meant = sorted((c for c in candidates if c.rank > CONTEXT), key=lambda c: c.start)
    if len(meant) != 2 or any(c.rank == MARKED for c in meant):
        return None
    first, second = meant
    if not _OR.fullmatch(folded, first.spans[-1][1], second.start):
        return None
    return f"{_day(first)} or {_day(second)} is offered: which, if either, is the deadline?"


def _marked_choice(folded: str, marked: list[Candidate]) -> Candidate:
    """Of deadlines each said as one, the task's own. One the task serves ("the answer is due
    12/28; draft by 12/23", "unless she pays by Saturday") gives way to the task's own, which
    must come first; two of the task's own on different days ("file the answer by Friday. Also
    send the letter Monday") may be two asks, and are asked about."""
    outside = {c: bounds_from_outside(folded, c.start, c.spans[-1][1]) for c in marked}
    own = [c for c in marked if outside[c] is None]
    chosen = (own or marked)[0]
    if chosen.doubt:
        return chosen
    # "by tomorrow? oh wait, tomorrow's Labor Day. Tuesday is fine then": the day put right,
    # and said to be fine or settled on ("Fri 3pm then"), is the deadline
    for later in own:
        end = later.spans[-1][1]
        if later.start > chosen.start and (
            said_to_be_fine(folded, end) or _THEN.match(folded, end)
        ) and put_right(folded, chosen.spans[-1][1], later.start):
            return later
    if (settled := settled_last(folded, own)) is not None:
        return settled
    other = next((c for c in own if c.due_at.date() != chosen.due_at.date()), None)
    if other is not None and 0 < item_at(folded, chosen.start) < item_at(folded, other.start):
        # "1. ... by the end of the week. 2. Separately, Sarah may take until Monday on the
        # Greer answer": the first item's ask is the task, a later item's day another ask's
        return chosen
    if other is not None and drawn_from(folded, chosen, other):
        return chosen  # "want to file 3/10, so draft by 3/7": the task's own, worked back
    # "e-file it Monday by 10? Hunter's signed version will be in the folder by tonight": the
    # deadline said in the ask, not the one told of another step
    asked = _asked_over_told(folded, own)
    if other is not None and asked and all(
        c.due_at.date() == asked[0].due_at.date() for c in asked
    ):
        chosen, other = asked[0], None
    if other is not None:
        return chosen._replace(
            doubt=f"two deadlines are given ({_day(chosen)}, {_day(other)}): which is this task's?"
        )
    # A thing due before the task asked for it ("the answer is due Friday; draft it by Monday").
    served = next((c for c in marked if outside[c] == DUE and c.due_at < chosen.due_at), None)
    if served is not None:
        return chosen._replace(
            doubt=f"the task is asked for {_day(chosen)}, after {_day(served)}: which holds?"
        )
    return chosen


def _day(candidate: Candidate) -> str:
    when = candidate.due_at
    return f"{when:%a} {when:%b} {when.day}, {when:%H:%M}"

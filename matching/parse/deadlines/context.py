"""The words around a day that make it a deadline ("by", "due") or a fact ("served", "since")."""

from __future__ import annotations

import re

from matching.parse.deadlines.pieces import CONTEXT, MARKED, STANDING
from matching.parse.words import ASKING_WORDS

# Words that introduce a short weekday that is also a word ("on wed", "for sat").
_INTRODUCERS = frozenset(
    {"on", "this", "next", "nxt", "for", "by", "before", "b4", "until", "till", "due"}
)
# Words that, right before a day or time, make it the deadline ("by", "due", "deadline is").
_MARKERS = frozenset(
    {"by", "due", "before", "b4", "until", "till", "til", "deadline", "than", "latest", "need",
     "needed", "needs", "eod", "cob", "within", "expected"}
)  # fmt: skip
# Words that, right before a date, make it a fact ("served 11/20", "21 days from 11/23") or
# no date at all ("Happy Friday!").
_FACTS = frozenset(
    {"since", "from", "after", "was", "were", "last", "had", "ago", "effective", "payment",
     "pmt", "activity", "default", "delinquency", "happy"}
)  # fmt: skip
# Verbs of past events: they make a date a fact even a few words on ("served by mail 11/24",
# "Midland called her 9 times today", "charged off 5/2021").
_FACT_VERBS = frozenset(
    {"served", "service", "received", "rcvd", "recd", "dated", "mailed", "postmarked", "signed",
     "entered", "issued", "opened", "filed", "sent", "paid", "made", "happened", "occurred",
     "started", "began", "called", "held", "charged", "defaulted", "calling", "contacted",
     "contacting", "texted", "emailed", "garnished", "threatened", "sued", "reported",
     "responded", "answered", "moved", "rescheduled", "postponed", "continued", "adjourned",
     "scheduled", "discovered", "noticed", "learned", "incurred", "purchased", "sold", "closed",
     "came", "arrived", "extended", "took", "got", "left", "set", "reset"}
)  # fmt: skip
# Verbs that give an event its (new) date ("moved to tomorrow at 9:30"): a fact, unless the
# text asks for someone at that event, when its date is the deadline.
_EVENT_VERBS = frozenset(
    {"moved", "rescheduled", "postponed", "continued", "adjourned", "scheduled", "reset"}
)
_PAST_DUE = frozenset({"was", "were"})
# "came by", "stopped by": a visit, not a deadline marker.
_VISITED = frozenset({"came", "come", "stopped", "dropped", "swung"})
# Papers named after an event: "cert of service tmrw" asks for the certificate, by tomorrow.
_PAPERS_OF = frozenset({"certificate", "cert", "proof", "affidavit", "declaration", "notice"})
# How far back an asking word makes a fact verb's event the thing asked for ("need an emergency
# motion to quash filed tmrw").
_ASKED_REACH = 6
# How many other words may stand between a fact verb and the date it makes a fact.
_FACT_REACH = 3
# Words that may stand between a marker or fact word and the date itself.
_FILLERS = frozenset(
    {"on", "the", "is", "at", "of", "this", "be", "it", "to", "date", "will", "and", "or", "as",
     "about", "around", "in"}
)  # fmt: skip
WORD = re.compile(r"[a-z0-9']+")
# Marker and fact words act within their own clause only ("came back, tomorrow at 10"; "hrg got
# moved - cover it on 1/26"): a dash between spaces ends a clause, one inside a word does not.
_CLAUSE_BREAK = re.compile(r"[,;!?()]|\.\s|\s-+\s")


def is_introduced(folded: str, start: int) -> bool:
    """Whether a lead-in stands before `start` ("on wed", "for wed", "need it wed"): a short
    weekday that is also a word needs one."""
    words = WORD.findall(folded, max(0, start - 24), start)
    return bool(words) and (words[-1] in _INTRODUCERS or rank_of_lead(folded, start) == MARKED)


def rank_of_lead(folded: str, start: int, *, appearance: bool = False) -> int:
    """What the few words before `start` make of a day: deadline, fact, or neither. With
    `appearance`, the text asks for someone at an event, and the event's new date counts."""
    clause = _CLAUSE_BREAK.split(folded[max(0, start - 60) : start])[-1]
    # A marker counts only right before the day ("by mail 11/24" is no deadline); a fact
    # verb also from a few words back.
    between = 0
    found = WORD.findall(clause)[-8:]
    for index in range(len(found) - 1, -1, -1):
        word = found[index]
        if word in _FILLERS or (word == "by" and index and found[index - 1] in _VISITED):
            continue  # "the walk-in who came by this afternoon" is no deadline
        if between == 0 and word in _MARKERS:
            # "our answer was due 2/3" tells of a deadline gone by.
            return CONTEXT if index and found[index - 1] in _PAST_DUE else MARKED
        if appearance and word in _EVENT_VERBS:
            return STANDING
        if word in _FACT_VERBS and not _names_a_paper(found, index):
            # "get the NOA filed today" asks for the event; "she got served today" reports it.
            asked = not ASKING_WORDS.isdisjoint(found[max(0, index - _ASKED_REACH) : index])
            return STANDING if asked else CONTEXT
        if between == 0 and word in _FACTS:
            return CONTEXT
        between += 1
        if between > _FACT_REACH:
            break
    return STANDING


def _names_a_paper(found: list[str], index: int) -> bool:
    return index >= 2 and found[index - 1] == "of" and found[index - 2] in _PAPERS_OF

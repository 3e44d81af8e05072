"""What a text asks for, as far as its deadline goes: docketing, an appearance, or nothing."""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Request", "asks_the_reader", "requested"]

# "calendar the hearing", "pls docket it", "Docket: ...", "cal MSJ hrg": the verb, which no
# determiner or possessive stands before ("tomorrow's calendar", "the docket shows", "the PACER
# docket" are nouns).
_DOCKET_VERB = re.compile(
    r"\b(?:calendar(?:ed|ing|'d)?|calender(?:ed)?|docket(?:ed|ing)?|diary|diaried|cal(?:'d)?)\b"
    r"(?![.'])"
    r"(?!\s+(?:days?|years?|months?|weeks?|quarters?|shows|says)\b)"
)
_NOUN_BEFORE = frozenset(
    {"the", "a", "an", "our", "my", "your", "his", "her", "their", "its", "this", "that",
     "firm", "firm's", "court", "court's", "office", "pacer", "shared", "outlook", "google",
     "trial", "motion", "busy", "full", "same", "of", "in", "on", "from", "to-do"}
)  # fmt: skip
_WORD_BEFORE = re.compile(r"([a-z0-9'&+-]+)\W*$")
# "put the hearing on the calendar", "get it on the cal", "update the firm calendar".
_ON_THE_CALENDAR = re.compile(
    r"\b(?:on(?:to)?|update)\s+(?:the\s+|our\s+|my\s+)?(?:firm(?:'s)?\s+|office\s+)?"
    r"(?:calendar|calender|cal|docket)\b"
)
# "appear at the hearing", "cover it for me", "need an atty at ex parte": the event's own time
# is the task's deadline.
_APPEARANCE = re.compile(
    r"\b(?:(?<!notice\sof\s)appear(?:ance)?|attend|stand\s+in"
    r"|cover(?!\s+(?:letter|sheet|page|note|email))|be\s+at\s+the\s+(?:[\w-]+\s+){0,2}?"
    r"(?:hearing|hrg|trial|conference|conf|341|meeting|call)"
    r"|need\s+(?:an?\s+)?(?:atty|attorney|associate|lawyer)\b"
    r"(?!\s+to\s+(?:review|draft|sign|advise|look|research))"
    r")\b"
)
# Messages that ask for nothing: a note, a thank-you, news of the writer's absence.
_NOTHING_ASKED = re.compile(
    r"\b(?:no\s+action(?:\s+(?:needed|required|necessary))?|do\s+nothing"
    r"|nothing\s+(?:further|needed|to\s+do|for\s+now)"
    r"|can\s+wait|heads\s+up|fyi|f\.y\.i|(?:pls|please|kindly|just)\s+note|reminder"
    r"|(?:thanks|thank\s+you|thx|ty)\s+(?:\w+\s+){0,2}?for|congrats|congratulations"
    r"|i'?m\s+out|i\s+am\s+out|out\s+of\s+(?:the\s+)?office|ooo)\b"
)
# Words that ask someone to do something, after the notes above are set aside, or a clause
# opening with a task's verb ("reminder: draft the answer tomorrow").
_ASKING = re.compile(
    r"\b(?:please|pls|plz|kindly|can|could|would|will\s+(?:you|u|someone|somebody)|need|needs"
    r"|needed|want|wants|have\s+to|has\s+to|must|let's|i'd\s+like)\b"
    r"|(?:^|[.!?;:,(]|\s-+)\s*(?:draft|file|e-?file|send|call|prepare|prep|review|docket"
    r"|calendar|cover|appear|attend|research|schedule|serve|email|mail|scan|collect|pull"
    r"|summari[sz]e|update|book|order|fix|finish|submit|respond|answer|negotiate|settle|get|do)\b"
)
# A sentence that asks the reader for the docketing, not one that tells what a party must do
# ("the defendant must produce the data by 11/24").
_ASKING_READER = re.compile(
    r"\b(?:please|pls|plz|kindly|can|could|would|need|needs|want|wants|should|i'd\s+like)\b"
)


class Request(NamedTuple):
    """What a text asks for, in the ways that change which of its dates is the deadline."""

    docketing: bool  # its dates are the events to docket, not the deadline for docketing
    appearance: bool  # an event's own date is the deadline
    nothing: bool  # it asks for nothing: a day it names is no deadline


def requested(folded: str) -> Request:
    """What the (folded) text asks for, as far as its deadline goes."""
    return Request(
        _asks_to_docket(folded), _APPEARANCE.search(folded) is not None, _asks_nothing(folded)
    )


def _asks_to_docket(folded: str) -> bool:
    if _ON_THE_CALENDAR.search(folded):
        return True
    for match in _DOCKET_VERB.finditer(folded):
        before = _WORD_BEFORE.search(folded[max(0, match.start() - 24) : match.start()])
        if before is None or before[1] not in _NOUN_BEFORE and not before[1].endswith("'s"):
            return True
    return False


def _asks_nothing(folded: str) -> bool:
    if not _NOTHING_ASKED.search(folded):
        return False
    return _ASKING.search(_NOTHING_ASKED.sub(" ", folded)) is None


def asks_the_reader(sentence: str) -> bool:
    """Whether `sentence` asks the reader for something (rather than telling a fact)."""
    return _ASKING_READER.search(sentence) is not None or _asks_to_docket(sentence)

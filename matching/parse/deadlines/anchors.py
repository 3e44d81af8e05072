"""Days that are no deadline by themselves: counted from another event, opening a window, or
said of what someone else will do."""

from __future__ import annotations

import re

from matching.parse.deadlines.spoken import NUMBER

__all__ = [
    "corrected",
    "counted_from_an_event",
    "counted_from_elsewhere",
    "opens_a_window",
    "someone_else_does",
]

# "within 30 days of that", "10 days after the hearing", "2 weeks from service": a period
# counted from something other than now, whose end the text does not give.
_COUNTED_FROM = re.compile(
    r"\s+(?:of|after|from|following)\s+"
    r"(?!(?:today|now|this\s+(?:message|email|note|msg|post)|the\s+date\s+of\s+this)\b)"
    r"(?:(?:the|a|an|his|her|their|our|its|that|this|my|your|[a-z]+'s)\s+)?[a-z0-9'/-]+"
)
_PERIOD = re.compile(
    r"\b(?:days?|wks?|weeks?|months?|mos?|hours?|hrs?|fortnight)\s*$"
)


def counted_from_elsewhere(folded: str, start: int, end: int) -> str | None:
    """The doubt when the period at `start:end` is counted from an event ("within 10 days of the
    hearing"), not from today: when it ends is not said."""
    if not _PERIOD.search(folded, start, end):
        return None
    match = _COUNTED_FROM.match(folded, end)
    if match is None:
        return None
    said = " ".join(folded[start : match.end()].split())
    return f"\u201c{said}\u201d counts from something else, not from today: when is it due?"


_ASKS_READER = re.compile(
    r"\b(?:please|pls|plz|kindly|can|could|would|you|u|someone|somebody|anyone|anybody|whoever"
    r"|need|needs"
    r"|want|wants|i'd\s+like)\b"
)


# "2 weeks after the mediation", "three days before her hearing": a count from an event the text
# gives no date for, which no reader reads as a day.
_FROM_AN_EVENT = re.compile(
    rf"\b(?:{NUMBER})\s+(?:(?:business|biz|court|calendar)\s+)?(?:days?|weeks?|wks?|months?)\s+"
    r"(?:before|b4|after|prior\s+to|following|ahead\s+of)\s+"
    r"(?:the|her|his|their|our|my|its|this|that|[a-z]+'s)\s+[a-z0-9-]+(?:\s+[a-z0-9-]+)?"
)


def counted_from_an_event(folded: str) -> str | None:
    """The doubt when the text counts its deadline from an event it gives no date for."""
    match = _FROM_AN_EVENT.search(folded)
    if match is None:
        return None
    said = " ".join(match.group().split())
    return f"\u201c{said}\u201d: when is that?"


# "he's free Tuesday after 4", "any time Friday from 2": when something may start, not end.
_AFTER_TIME = re.compile(
    r"\s*,?\s*(?:any\s*time\s+|anytime\s+|sometime\s+)?(?:after|from|past|starting(?:\s+at)?)\s+"
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?|noon|lunch|midday)(?![\d/])"
)


def opens_a_window(sentence: str, folded: str, start: int, end: int) -> str | None:
    """The doubt when the day at `start:end` is followed by the hour it starts from ("he's free
    Tuesday after 4"), in a `sentence` that asks the reader nothing: a start, not a deadline
    ("can you call him today after 3?" asks for today)."""
    match = _AFTER_TIME.match(folded, end)
    if match is None or _ASKS_READER.search(sentence):
        return None
    said = " ".join(folded[start : match.end()].split())
    return f"\u201c{said}\u201d says when it can start, not when it is due: when is it due?"


# A sentence telling what someone other than the reader will or can do: "the president can
# drop them off Friday at 10", "he's free Tuesday", "Mom will bring the papers Monday".
_SOMEONE_ELSE = re.compile(
    r"^\W*(?:(?:and|but|so|also|though|anyway|fyi)\W+)?"
    r"(?:he|she|they|(?:the|his|her|their|our|my|a|mr\.?|mrs\.?|ms\.?)(?:\s+[a-z.'-]+){1,3}?)"
    r"(?:'ll|\s+(?:can|could|will|may|might|plans?\s+to|is\s+going\s+to|are\s+going\s+to))"
    # (when they can be reached is when to reach them: "he can talk tomorrow at 10")
    r"(?!\s+(?:be\s+(?:free|available|around|reachable|home|in)|talk|chat|speak|meet|take|do"
    r"|come\s+in|make\s+it)\b)\s+[a-z]+"
)
def someone_else_does(sentence: str, said: str) -> str | None:
    """The doubt when the day `said` is told only as what someone else will or can do, in
    `sentence`, which asks the reader nothing."""
    match = _SOMEONE_ELSE.match(sentence)
    if match is None or _ASKS_READER.search(sentence, match.end()):
        return None
    return f"\u201c{said}\u201d is when someone else acts: is it the task's deadline?"


# "by Monday - sorry, I mean Tuesday", "Monday (holiday, so Tuesday)", "Friday, no wait, Thursday":
# a day said, then put right.
_CORRECTION = re.compile(
    r"\b(?:no\s+wait|wait\s+no|i\s+mean|i\s+meant|(?:correction|edit|typo)\b\s*:?"
    r"|make\s+(?:that|it)"
    r"|or\s+rather|sorry|actually|(?:holiday|closed)\W+so)\b"
)
_CORRECTION_REACH = 40


def corrected(
    folded: str, said_at: int, said_end: int, later_days: list[tuple[int, int]]
) -> str | None:
    """The doubt when the day at `said_at:said_end` is followed, a few words on, by words that put
    it right and another day ("by Monday - sorry, I mean Tuesday")."""
    for start, end in later_days:
        gap = folded[said_end:start]
        if 0 < len(gap) <= _CORRECTION_REACH and _CORRECTION.search(gap):
            first, second = folded[said_at:said_end].rstrip(". ,"), folded[start:end].rstrip(". ,")
            return f"\u201c{first}\u201d, then \u201c{second}\u201d: which is the deadline?"
    return None

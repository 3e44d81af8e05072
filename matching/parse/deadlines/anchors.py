"""Days that are no deadline by themselves: counted from another event, opening a window, or
said of what someone else will do."""

from __future__ import annotations

import re

from matching.parse.deadlines.spoken import NUMBER

__all__ = [
    "alternatives",
    "no_deadline_said",
    "corrected",
    "counted_from_an_event",
    "counted_from_elsewhere",
    "opens_a_window",
    "put_right",
    "small_hours",
    "someone_else_does",
    "weekday_disagrees",
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


# What may stand between an event and its date: "the 341, which is 12/2", "the hearing on 11/9",
# "the 341 (12/2)".
_EVENTS_DATE_NEXT = re.compile(
    r"\s*(?:,\s*)?(?:\(\s*)?"
    r"(?:(?:which|that)\s+(?:is|'s|falls\s+on)\s+|on\s+|set\s+for\s+|is\s+|'s\s+)?"
    r"(?:(?:on|for)\s+)?$"
)


def counted_from_its_day(folded: str, start: int) -> str | None:
    """The doubt when the day at `start` is the date of an event that the deadline is counted
    from ("7 days before the 341, which is 12/2"): the event's day, not the task's."""
    for match in _FROM_AN_EVENT.finditer(folded, max(0, start - 120), start):
        if _EVENTS_DATE_NEXT.match(folded[match.end() : start]):
            said = " ".join(match.group().split())
            return f"\u201c{said}\u201d counts from that day, not to it: when is it due?"
    return None


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
    r"^\W*(?:(?:and|but|so|also|though|anyway|fyi)\W+)?(?:"
    r"(?:he|she|they|(?:the|his|her|their|our|my|a|mr\.?|mrs\.?|ms\.?)(?:\s+[a-z.'-]+){1,3}?)"
    r"(?:'ll|\s+(?:can|could|will|may|might|plans?\s+to|is\s+going\s+to|are\s+going\s+to))"
    # (when they can be reached is when to reach them: "he can talk tomorrow at 10")
    r"(?!\s+(?:be\s+(?:free|available|around|reachable|home|in)|talk|chat|speak|meet|take|do"
    r"|come\s+in|make\s+it)\b)\s+[a-z]+"
    # "She's coming in 7/6 at 10.", "they're flying back Sunday": what others are to do
    r"|(?:he|she|they)(?:'s|'re|\s+is|\s+are)\s+(?:coming|going|flying|driving|heading|leaving"
    r"|moving|stopping|dropping)\b"
    # "Bob files Tue": someone named does it then
    r"|(?!(?:you|u|we|i|someone|somebody|anyone|anybody|whoever|pls|please)\b)[a-z]+\s+"
    # (not a noun's plural: "intake calls today" asks for the calls)
    r"(?:files|sends|serves|mails|sees|argues|appears|leaves|flies|travels|testifies)\b"
    # "the client comes back Monday", "his shutoff is Thursday": what happens to others, now
    r"|(?:the|his|her|their|mr\.?|mrs\.?|ms\.?)(?:\s+[a-z.'-]+){1,3}?\s+"
    # ("Mr. Hale has asked for Kyle to docket it today" relays an ask)
    r"(?:(?!(?:needs|wants|asks|expects|says|is\s+due|are\s+due|requests"
    r"|ha[sd]\s+(?:asked|requested))\b)[a-z]+[^s\W]s|is|are|'s)\b"
    # "the discharge order should be out next wk": an event expected, not the task's day
    r"|(?:[a-z.'-]+\s+){1,4}?(?:should|ought\s+to|is\s+expected\s+to|are\s+expected\s+to"
    r"|is\s+supposed\s+to)\s+(?:be\s+)?(?:out|in|issued|entered|arriving|coming|here|back"
    r"|decided|ruled|close|end|open|start|begin)\b)"
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
    r"\b(?:no\s+wait|wait\s+no|oh\s+wait|wait(?=\s*[,:!\u2014\u2013-])|i\s+mean|i\s+meant"
    r"|(?:correction|edit|typo)\b\s*:?"
    r"|make\s+(?:that|it)"
    r"|or\s+rather|sorry|actually|(?:holiday|closed)\W+so)\b"
)
_CORRECTION_REACH = 40


# How far apart a day and the one that puts it right may be ("by tomorrow? oh wait, tomorrow's
# Labor Day. Tuesday is fine then").
_PUT_RIGHT_REACH = 120


def put_right(folded: str, said_end: int, later_start: int) -> bool:
    """Whether words that put a day right ("oh wait", "sorry, I mean") stand between the day
    ending at `said_end` and a later one at `later_start`."""
    gap = folded[said_end:later_start]
    return 0 < len(gap) <= _PUT_RIGHT_REACH and _CORRECTION.search(gap) is not None


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


# "by 10 or 11 tomorrow", "today or tomorrow", "Friday or Monday": two moments offered.
_WHEN = (
    r"(?:\d|noon|midday|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|tomorrow|tmrw|today|tonight"
    r"|next\s+w|this\s+w|the\s+\d|whenever|later|after"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d)"
)
_OR_AFTER = re.compile(
    rf"\s*[,?]?\s+(?:or|maybe|possibly|perhaps)\s+(?:by\s+|at\s+|on\s+|maybe\s+)?{_WHEN}[\w:/]*"
)
_OR_BEFORE = re.compile(
    r"(?:\d|noon|midday|day|tomorrow|tmrw|today|[ap]\.?m\.?)\s*,?\s+or\s+(?:by\s+|at\s+|on\s+)?$"
)


def alternatives(folded: str, start: int, end: int) -> str | None:
    """The doubt when the moment at `start:end` is one of two offered ("by 10 or 11 tomorrow")."""
    after = _OR_AFTER.match(folded, end)
    before = _OR_BEFORE.search(folded, max(0, start - 24), start)
    if after is None and before is None:
        return None
    left = before.start() if before else start
    right = after.end() if after else end
    said = " ".join(folded[left:right].split())
    return f"\u201c{said}\u201d: which is the deadline?"


# "by Wed (tomorrow)", "tomorrow (Thu)": a weekday beside the relative day it should be.
_DAY_NUMBERS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_WEEKDAY_WORD = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_RELATIVE_WORD = r"(?:today|tomorrow|tmrw|tonight)"
# (in one clause: "sent today). Monday is fine" names two days)
_BESIDE = r"(?:\s*[(,\u2013\u2014-]\s*|\s+)"
_SIDE_BY_SIDE = re.compile(
    rf"\b(?:(?P<wd1>{_WEEKDAY_WORD}){_BESIDE}(?P<rel1>{_RELATIVE_WORD})"
    rf"|(?P<rel2>{_RELATIVE_WORD}){_BESIDE}(?P<wd2>{_WEEKDAY_WORD}))\b"
)
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_disagrees(folded: str, today: int, start: int, end: int) -> str | None:
    """The doubt when the day at `start:end` is named twice, by a weekday and by "tomorrow" or
    "today", that do not agree (`today` is today's weekday number)."""
    for match in _SIDE_BY_SIDE.finditer(folded, max(0, start - 16), end + 16):
        weekday = _DAY_NUMBERS.get((match["wd1"] or match["wd2"])[:3])
        relative = match["rel1"] or match["rel2"]
        meant = (today + (1 if relative.startswith(("tom", "tmr")) else 0)) % 7
        if weekday is not None and weekday != meant:
            said = " ".join(match.group().split())
            return f"\u201c{said}\u201d: {relative} is a {_DAY_NAMES[meant]}; which is meant?"
    return None


# "tomorrow", said at 1 a.m., may mean the day just begun.
_SMALL_HOURS_END = 4
_TOMORROW = re.compile(r"\b(?:tomorrow|tom+or+ow|tmrw+|tmr|tmw|tmrow|2mor+ow|2moro)\b")


def small_hours(folded: str, hour: int, start: int, end: int) -> str | None:
    """The doubt when "tomorrow" at `start:end` is said between midnight and 4 a.m. (`hour`)."""
    if hour >= _SMALL_HOURS_END or _TOMORROW.search(folded, start, end) is None:
        return None
    return "\u201ctomorrow\u201d said after midnight: the day just begun, or the next?"


# "whenever works for you", "no deadline": the writer gives none.
_NO_DEADLINE = re.compile(
    # (the word-start alternatives share one "\b", so that a place inside a word fails at once)
    r"\b(?:whenever\s+(?:works|is\s+fine|you\s+(?:can|get|have)|convenient)"
    r"|no\s+(?:real\s+)?deadline\b"
    r"|not\s+in\s+a\s+(?:hurry|rush)\b|no\s+time\s+pressure\b)"
    # "whenever, not urgent", "... from the client box. whenever": a word of its own
    r"|(?:^|[.!?;,\n]\s*|\s-+\s*)whenever\s*(?=[.!?;,\n]|\s-|$)"
)


def no_deadline_said(folded: str, end: int) -> str | None:
    """The doubt when the text says there is no deadline, yet names a day (ending at `end`);
    not when it qualifies that day ("sometime next week, whenever you get to it")."""
    match = _NO_DEADLINE.search(folded)
    if match is None or 0 <= match.start() - end <= 3:
        return None
    said = match.group().strip(" .!?;,\n-")
    return f"\u201c{said}\u201d, yet a day is named: is there a deadline?"

"""Priority words in delegation text: urgent (asap, rush), high (important), low (no rush)."""

from __future__ import annotations

import re

from matching.parse.words import SAYS_NO_ACTION, Span
from matching.text import blank, fold

__all__ = ["TIME_AND_PRIORITY_WORDS", "priority_and_spans", "priority_of"]

# "the emergency room bill", "an urgent care visit": a place or a service the word names, not
# how soon the work is wanted.
_NAMED_BY_IT = (
    r"(?![\s-]+(?:rooms?|departments?|dept|care|services|contacts?|funds?|medicine|physicians?"
    r"|vehicles?|medical)\b)"
)
_URGENT = (
    rf"(?:urgent(?:ly)?{_NAMED_BY_IT}|asap|a\.s\.a\.p\b\.?|rush(?:ed|ing)?"
    rf"|emergenc(?:y|ies){_NAMED_BY_IT})"
)
_HIGH = r"(?:high[\s-]*pri(?:ority)?|important)"
# "no later than Friday" negates nothing.
_NEGATION = (
    r"(?:not|no(?!\s+(?:later|sooner|more|longer)\b)|non|nothing|never|without|isn't|isnt|ain't"
    r"|aint|doesn't|doesnt|don't|dont|needn't|neednt)"
)
_WHENEVER = re.compile(r"\bwhenever\b")
_PRIORITY_PHRASES = (
    # (pattern, priority): the longest phrase found in the text decides.
    (re.compile(rf"\b{_NEGATION}\b(?:[\s-]+[a-z']+){{0,3}}?[\s-]+{_URGENT}(?![a-z])"), "low"),
    (re.compile(rf"\b{_NEGATION}\b(?:[\s-]+[a-z']+){{0,2}}?[\s-]+{_HIGH}(?![a-z])"), "low"),
    (re.compile(r"\blow[\s-]*pri(?:ority)?\b|\bno\s+rush\b|\bno\s+hurry\b"), "low"),
    (_WHENEVER, "low"),
    (re.compile(r"\bhigh[\s-]*pri(?:ority)?\b"), "high"),
    (
        re.compile(
            # "an important one" is this task; "important clients", "important ones" are not.
            r"\bimportant\b(?!\s+(?:(?:client|customer|case|matter|account|person|people"
            r"|referral|lead|partner|relationship|firm)s?|ones)\b)"
        ),
        "high",
    ),
    (re.compile(rf"\b{_URGENT}(?![a-z])|\bas\s+soon\s+as\s+possible\b"), "urgent"),
)
# A task notice's priority field ("— Priority: High", "Priority: Normal"): it says the priority
# whatever the task's own words say. Not "high priority: the wage claim", a phrase.
_FIELD = re.compile(
    r"(?<![a-z] )\bpriority\s*[:=]\s*(?P<value>urgent|high|medium|normal|low)\b(?!\s*[:-])"
)
_FIELD_VALUES = {"medium": "normal"}
_SEVERITY = {"low": 0, "normal": 1, "high": 2, "urgent": 3}
# Words a deadline or a priority is made of, which a lower-case surname cannot stand for.
TIME_AND_PRIORITY_WORDS = frozenset(
    {"day", "days", "today", "tonight", "tomorrow", "week", "weeks", "month", "months", "noon",
     "morning", "evening", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
     "sunday", "may", "march", "june", "august", "rush", "urgent", "important", "whenever",
     "priority", "soon", "hour", "hours", "business", "end", "close", "next", "due", "date",
     "asap", "emergency", "hurry"}
)  # fmt: skip
# A priority word capitalised inside a sentence and going on as a name: a place or a business
# ("down in Rush Springs", "took him to Urgent Care"). At a sentence's start it is the word
# itself ("Rush — the answer is due"), and before a word of asking it is emphasis ("URGENT Please").
_IN_A_NAME = re.compile(
    r"(?<=[a-z0-9,] )(?:Rush|Urgent|Emergency|Important)"
    r"(?= (?!(?:Please|Pls|Priority|Request|Task|Matter|Item|Need|Needed)\b)[A-Z][a-z])"
)
# An emergency order someone issued is news the task follows from, not how soon it is wanted:
# "the county issued an emergency order continuing all settings".
_ISSUED_EMERGENCY = re.compile(
    r"\b(?:issued|entered|signed|declared|under)\s+(?:an?\s+|the\s+|its\s+)?"
    r"emergenc(?:y|ies)\s+(?:orders?|declarations?|rules?)\b"
)
_PRIORITY_WORD = re.compile(r"[a-z0-9']+")
# Cheap to look for first: every priority phrase holds one of these.
_PRIORITY_CUE = re.compile(
    r"urgent|asap|a\.s\.a\.p|rush|emergenc|pri|important|whenever|hurry|as soon"
)


def priority_and_spans(folded: str, text: str | None = None) -> tuple[str, list[Span]]:
    """The priority folded text asks for, and where each priority phrase stands; with the text
    as written, a priority word inside a proper name ("Rush Springs") asks for nothing."""
    if _PRIORITY_CUE.search(folded) is None:
        return "normal", []
    if text is not None and len(text) == len(folded):
        folded = blank(folded, [m.span() for m in _IN_A_NAME.finditer(text)])
    folded = blank(folded, [m.span() for m in _ISSUED_EMERGENCY.finditer(folded)])
    field = _FIELD.search(folded)
    if field is not None:
        return _FIELD_VALUES.get(field["value"], field["value"]), [field.span()]
    found: list[tuple[int, int, str, Span]] = []
    # "The memo is in the folder whenever you want to look. No action needed": no task to pace.
    no_task = SAYS_NO_ACTION.search(folded) is not None
    for pattern, priority in _PRIORITY_PHRASES:
        if no_task and pattern is _WHENEVER:
            continue
        for match in pattern.finditer(folded):
            size = len(_PRIORITY_WORD.findall(match.group()))
            found.append((size, _SEVERITY[priority], priority, match.span()))
    if not found:
        return "normal", []
    _, _, priority, _ = max(found, key=lambda f: (f[0], f[1]))
    return priority, [span for *_, span in found]


def priority_of(text: str) -> str:
    """low, normal, high or urgent, by the priority words above (the longest phrase wins)."""
    return priority_and_spans(fold(text))[0]

"""A text's parts (lines, bullets, sentences) and which of them holds its main ask."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from matching.parse.words import Span, inside

__all__ = [
    "asks_for_work",
    "claimed_by_writer",
    "is_item",
    "main_part",
    "marked_done",
    "may_ask",
    "opens_with_a_task",
    "other_people_items",
    "part_of",
    "parts",
    "points_to_an_item",
    "reports_status",
]

# Where a text's lines and inline bullets begin.
_LINE_END = re.compile(r"\n+|(?=\u2022)")
# Where a line that is no bullet item breaks further: a sentence, a semicolon, or a comma before
# the writer speaks of themself ("can you cover the Kwan hearing, I'm stuck in the Ortiz trial").
_PART_END = re.compile(
    r";|(?<=[.!?])\s+(?=[\"'(*-]?\s*[A-Z0-9])"
    r"|,\s+(?=(?i:i'm|i\s+am|i've|i'll|i\s+will|i\s+was)\b)"
)
# The same, a sentence also ending before a mention: "… the research. <at>Marcus Tate</at> can
# you …" (for whom each sentence asks; the matter's parts keep the two together).
_PART_END_AT_MENTIONS = re.compile(
    r";|(?<=[.!?])\s+(?=[\"'(*-]?\s*[A-Z0-9]|<(?:at>|@))"
    r"|,\s+(?=(?i:i'm|i\s+am|i've|i'll|i\s+will|i\s+was)\b)"
)
_BULLET = re.compile(r"\s*(?:[\u2022*\u2013\u2014-]|\(?\d{1,2}[.)]|\(?[a-h]\))\s+")
_LAST_WORD = re.compile(r"[a-z0-9]*\.$")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "jr", "sr", "st", "vs", "no", "inc", "co",
                            "corp", "llc", "ltd", "esq", "et", "al", "dept", "ct", "cty", "ch",
                            "sec", "rm", "ste", "approx"})  # fmt: skip
# An ask of work, not news: "please", "can you", "would anyone", "I need".
_ASK_WORDS = re.compile(
    r"\b(?:please|pls|plz|kindly"
    r"|(?:can|could|would|will)\s+(?:you|u|someone|somebody|anyone|anybody|one\s+of\s+you)"
    r"|(?:i|we)(?:'d|\s+would)?\s+(?:really\s+)?(?:need|want|like)"
    r"|need\s+(?:someone|somebody|you)|needs\s+to\s+be|make\s+sure|let'?s)\b"
)
_NOT_ASKS = re.compile(r"\b(?:please|pls|kindly)\s+(?:note|see|find|be\s+(?:aware|advised))\b")
# Work the writer keeps: "(I'll do)", "I'll handle it", "I've got this one".
_WRITERS_OWN = re.compile(
    r"\b(?:i'll|i\s+will|i'm|i\s+am|i've|i\s+have)\s+(?:do|doing|handle|handling|take|"
    r"taking|cover|covering|got|get|deal|dealing)\b(?:\s+(?:it|this|that|them|one))*"
    r"\s*(?:[).!]|$)"
)
# A line a status list marks as still to do: "TODO: Kwan - get the paystubs".
_TODO = re.compile(r"\s*(?:[-*\u2022]\s*)?(?:todo|to\s+do|to-do|next)\s*[:\u2013\u2014-]\s*(?!nothing\b)")
# Where work stands, not what is asked: "the Kwan memo is still due Thursday".
_STATUS = re.compile(r"\bstill\b")
# A line a status list marks as finished: "DONE: Kwan - answer filed", "✅ Ortiz ...".
_DONE = re.compile(
    r"\s*(?:[-*\u2022]\s*)?(?:(?:done|completed|finished)\s*[:\u2013\u2014-]|\u2705|:white_check_mark:)"
)
# "The first is the priority", "start with the second one", "#1 is the priority".
_ORDINALS = {"first": 0, "1st": 0, "top": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2,
             "fourth": 3, "4th": 3, "last": -1}  # fmt: skip
_ORDINAL = "|".join(_ORDINALS) + r"|(?:#|no\.?\s*|number\s+|item\s+#?)\d"
_POINTER = re.compile(
    rf"(?m)(?:\b|(?=#))(?:the\s+)?(?P<ordinal>{_ORDINAL})(?:\s+(?:one|item|task|bullet|point))?"
    r"\s+(?:is|as)\s+(?:the\s+|my\s+|our\s+)?(?:top\s+|main\s+|real\s+|first\s+)?"
    r"(?:priority|most\s+(?:urgent|important|pressing)|"
    r"(?:only\s+|urgent\s+)?one\s+that\s+(?:can't|cannot|can\s+not|won't)\s+(?:slip|wait))"
    rf"|\b(?:start|begin)\s+with\s+(?:the\s+)?(?P<start>{_ORDINAL})\b"
    # A closing line that gives one item its time: "#1 by Monday 10am", "2 by 1.", "#3 asap".
    r"|^[ \t]*(?:#|no\.?\s*|item\s+#?)?(?P<due>\d)\s+"
    r"(?:by|before|today|tomorrow|tonight|asap|first)\b"
)
_DIGIT = re.compile(r"\d")
_DAY_OR_TIME = (
    r"today|tomorrow|tmrw|tonight|in\s+the\s+morning|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|am|a\.m"
)
# An item that calls itself the main ask: "— the main thing", "this is what I need most", "this
# is the one I care about", "the one that can't slip", "(priority)".
_MAIN_MARK = re.compile(
    r"\b(?:(?:the|my|our)\s+(?:main|top|real|big|key)\s+(?:thing|one|ask|item)"
    r"|most\s+(?:important|urgent|pressing)\s+(?:one|item|thing|part|task)"
    r"|(?:what|the\s+one)\s+(?:i|we)\s+need\s+most"
    r"|the\s+one\s+that\s+matters"
    r"|the\s+(?:only\s+)?one\s+(?:i|we)\s+(?:really\s+|most\s+)?care\s+about"
    r"|the\s+(?:only\s+)?one\s+that\s+(?:can't|cannot|can\s+not|won't)\s+(?:slip|wait)"
    r"|(?:this|that|it)(?:\s+one)?(?:'s|\s+is)\s+the\s+(?:urgent|important|pressing)\s+one"
    r"|\(priority\)"
    r"|(?:this|that|it)(?:\s+one)?(?:'s|\s+is)\s+(?:the\s+)?(?:top\s+)?priority"
    r"|top\s+priority"
    rf"|first\s+thing\b(?!\s+(?:{_DAY_OR_TIME})\b))"
)


def parts(text: str, folded: str, at_mentions: bool = False) -> list[Span]:
    """The text's bullet items whole, and its other lines' sentences and semicolon clauses; a
    sentence ends before a mention too `at_mentions`."""
    found: list[Span] = []
    start = 0
    for match in [*_LINE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        if folded[start:end].strip():
            if _BULLET.match(folded, start):
                found.append((start, end))
            else:
                found += _clauses(text, folded, start, end, at_mentions)
        start = match.end() if match else end
    return found


def _clauses(text: str, folded: str, start: int, stop: int, at_mentions: bool) -> list[Span]:
    found: list[Span] = []
    ends = _PART_END_AT_MENTIONS if at_mentions else _PART_END
    for match in ends.finditer(text, start, stop):
        if match.group().isspace() and _abbreviated(folded, start, match.start()):
            continue  # "Mr. Pruitt", "v. Ortiz", "2 p.m. Thursday", "1. Pettibone"
        if folded[start : match.start()].strip():
            found.append((start, match.start()))
        start = match.end()
    if folded[start:stop].strip():
        found.append((start, stop))
    return found


def _abbreviated(folded: str, start: int, stop: int) -> bool:
    before = _LAST_WORD.search(folded, start, stop)
    word = before.group()[:-1] if before else ""
    return len(word) == 1 or word in _ABBREVIATIONS or (word.isdigit() and len(word) <= 2)


def is_item(folded: str, part: Span) -> bool:
    """Whether the part is a listed item: a bullet, "1.", "(a)"."""
    return _BULLET.match(folded, part[0]) is not None


def part_of(found: list[Span], position: int) -> int:
    """The index of the part holding `position`; -1 for none."""
    return next((i for i, (start, end) in enumerate(found) if start <= position < end), -1)


def asks_for_work(folded: str, part: Span) -> bool:
    """Whether the part asks for work: a word of asking, or a line a list marks as to do."""
    if _TODO.match(folded, part[0]):
        return True
    said = folded[part[0] : part[1]]
    return _ASK_WORDS.search(_NOT_ASKS.sub(" ", said)) is not None


def may_ask(folded: str, part: Span) -> bool:
    """Whether the part has a word of asking at all, even "please note" (maybe "calendar it")."""
    return _ASK_WORDS.search(folded, part[0], part[1]) is not None


def claimed_by_writer(folded: str, part: Span) -> bool:
    """Whether the part is work the writer keeps ("- Quandt: note to file (I'll do)")."""
    return _WRITERS_OWN.search(folded, part[0], part[1]) is not None


def marked_done(folded: str, part: Span) -> bool:
    """Whether a status list marks the part as finished ("DONE: Kwan - answer filed")."""
    return _DONE.match(folded, part[0]) is not None


def reports_status(folded: str, part: Span) -> bool:
    """Whether the part tells where work stands ("the memo is still due Thu", "DONE: Kwan
    answer filed") with no ask."""
    if marked_done(folded, part):
        return True
    return _STATUS.search(folded, part[0], part[1]) is not None and not asks_for_work(folded, part)


def main_part(folded: str, found: list[Span], candidates: Collection[int]) -> int | None:
    """Of the `candidates` (parts' indexes), the one the text marks as its main ask: the listed
    item it says comes first ("#1 is the priority"), or the one item that calls itself the main
    thing. None when the text marks none of them, or marks another part."""
    pointer = _POINTER.search(folded)
    if pointer is not None:
        items = [i for i, (start, _) in enumerate(found) if _BULLET.match(folded, start)]
        items = items or sorted(candidates)
        at = _ordinal(pointer["ordinal"] or pointer["start"] or pointer["due"])
        chosen = items[at] if -len(items) <= at < len(items) else None
        return chosen if chosen in candidates else None
    marked = [i for i in candidates if _MAIN_MARK.search(folded, *found[i])]
    return marked[0] if len(marked) == 1 else None


def points_to_an_item(folded: str) -> bool:
    """Whether the text says which listed item comes first ("start with the second")."""
    return _POINTER.search(folded) is not None


def _ordinal(said: str) -> int:
    digit = _DIGIT.search(said)
    return int(digit.group()) - 1 if digit else _ORDINALS[said]


# Where the client a part is about ends: "Kwan v. Apex: …", "Ortiz — …".
_TOPIC_END = re.compile(r":\s*|\s[-\u2013\u2014]+\s*")
# Words that may open a sentence before its imperative: "Also draft the Nunez motion".
_FILLERS = frozenset(
    {"also", "and", "then", "plus", "next", "separately", "additionally", "finally", "lastly",
     "so", "ok", "okay", "btw", "now", "oh"}
)  # fmt: skip
# Words of a caption or a title that open no imperative: "in Midland v. Ortiz", "the case".
_NOT_TASK_WORDS = frozenset(
    {"v", "vs", "the", "a", "an", "of", "and", "in", "on", "for", "re", "to", "by", "et", "al",
     "matter", "case", "file", "llc", "inc", "corp", "co", "ltd", "lp", "llp", "pllc", "pa", "pc",
     "company", "corporation", "i", "we", "you", "he", "she", "it", "they", "her", "his", "my",
     "our", "your", "their", "its", "this", "that", "these", "those", "there"}
)  # fmt: skip


def opens_with_a_task(
    folded: str, part: Span, names: list[Span], is_known_word: Callable[[str], bool]
) -> bool:
    """Whether a part opens, past its bullet and the client or person it is about ("Kwan v.
    Apex: …", the `names`), with a task's word: an ask without a word of asking."""
    start = part[0]
    topic = _TOPIC_END.search(folded, start, part[1])
    if topic is not None and any(start <= s < topic.start() for s, _ in names):
        start = topic.end()
    for match in re.finditer(r"[a-z][a-z'-]*", folded[start : part[1]]):
        at = start + match.start()
        if inside(at, names):
            continue
        word = match.group().split("-")[0]
        if word not in _FILLERS:
            return word not in _NOT_TASK_WORDS and is_known_word(word)
    return False


# A listed item's line: its bullet or number, then what it says.
_ITEM_LINE = re.compile(
    r"^[ \t]*(?:[\u2022*\u2013\u2014-]|\(?\d{1,2}[.)]|\(?[a-h]\))[ \t]+(?P<said>[^\n]*)$",
    re.MULTILINE,
)
# Whom an item is put to, opening it: "<at>Ana Ruiz</at>", "<@U123>", "@ana", or a name set off
# by a dash, comma or colon ("Ana — …", "Ben, …").
_MENTION_FIRST = re.compile(r"(?:<at>[^<]{1,80}</at>|<@[\w.-]+>|@[a-z][\w.-]*)")
_NAME_FIRST = re.compile(r"(?P<name>[a-z][a-z'-]*)(?:\s+[a-z]\.?)?\s*(?:[,:\u2013\u2014]|-+\s)")


def other_people_items(folded: str, is_name: Callable[[str], bool]) -> list[Span]:
    """When the (folded) text lists items put to several people, one each ("1) @Ana pls draft
    the answer by Fri / 2) @Ben calendar the hearing / 3) @Cy call me"), the items other than
    its main one: the item the text marks as its main ask ("this one's the priority"), else
    else the first that asks for work in words. Each item is its own task with its own person,
    matter and day, so only the main one is the request's. None for any other text, and none
    when no item stands out (bare orders to each: the reader is asked which is the main one)."""
    if "\n" not in folded:
        return []
    items = [m.span() for m in _ITEM_LINE.finditer(folded)]
    if len(items) < 2:
        return []
    put_to = [
        i for i, match in enumerate(_ITEM_LINE.finditer(folded))
        if _put_to_someone(folded, match.start("said"), is_name)
    ]  # fmt: skip
    if len(put_to) < 2:
        return []
    main = main_part(folded, items, range(len(items)))
    if main is None:
        asking = [i for i in put_to if asks_for_work(folded, items[i])]
        if not asking:
            return []
        main = asking[0]
    return [span for i, span in enumerate(items) if i != main]


def _put_to_someone(folded: str, at: int, is_name: Callable[[str], bool]) -> bool:
    if _MENTION_FIRST.match(folded, at):
        return True
    named = _NAME_FIRST.match(folded, at)
    return named is not None and is_name(named["name"])

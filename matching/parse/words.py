"""Words of a text as the parser compares them: stems, tokens, spans and the typo lookup."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from matching.text import fold, words

Span = tuple[int, int]
Word = tuple[int, int, str]  # start, end, folded word

# Words that ask for something to happen rather than report it ("get it filed", "needs to be
# sent", "please have Kevin ..."): a past tense after them is a request, not news.
ASKING_WORDS = frozenset(
    {"get", "getting", "have", "having", "be", "need", "needs", "must", "should", "want",
     "wants", "please", "pls"}
)  # fmt: skip
# The writer says nothing is to be done: whoever is named is told, not asked, and "whenever"
# is the reader's leisure for an optional look, not the pace of a task.
SAYS_NO_ACTION = re.compile(
    r"\b(?:no\s+(?:further\s+)?action|no\s+ask|not\s+a\s+task|nothing\s+(?:is\s+)?needed"
    r"|nothing\s+further|nothing\s+to\s+do\b(?!\s+with)"
    r"|just\s+(?:keep|bear)\s+(?:it|this|that)\s+in\s+mind"
    r"|(?:just|only)\s+an?\s+fyi(?!\s*[:,\u2013\u2014-])|fyi\s+only)\b"
)
# A word shorter than this is never taken for a typo: too many words lie one edit apart.
FUZZY_MIN_LETTERS = 5

_BRITISH_ENDINGS = (
    ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"),
    ("ise", "ize"), ("ysing", "yzing"), ("ysed", "yzed"), ("yse", "yze"),
)  # fmt: skip


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A crude English stem: "filing", "filed", "files" -> "fil"; "summarise" -> "summariz"."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for british, american in _BRITISH_ENDINGS:
        if word.endswith(british):
            word = word[: -len(british)] + american
            break
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) > 5 or word.endswith("ed") and len(word) > 4:
        word = word[: -3 if word.endswith("ing") else -2]
        if word[-1] == word[-2] and word[-1] not in "lsaeiouz":  # "prepped", "scanned"
            word = word[:-1]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def closest_spelling(word: str, spellings: Sequence[str], max_edits: int = 1) -> str | None:
    """The one spelling `word` is a typo of: within `max_edits` edits and nearer than any other.

    `spellings` must be sorted (rapidfuzz then returns ties in a stable order).
    """
    found = process.extract(word, spellings, scorer=OSA.distance, score_cutoff=max_edits, limit=2)
    if len(found) == 1 or (found and found[0][1] < found[1][1]):
        return found[0][0]
    return None


class Token(NamedTuple):
    """A word of text in the catalogue's terms."""

    start: int
    end: int
    canon: str  # its catalogue form: shorthand spelt out, stemmed, typo corrected
    masked: bool  # claimed by a name, a number or a hint: no task phrase may use it
    fuzzy: bool  # a typo corrected to a catalogue word
    letters: int
    joined: bool = True  # False after a clause break: "re: Garcia - file it" is no "Garcia file"


def covered(found: list[Word], spans: list[Span]) -> list[bool]:
    """For each word, whether it starts inside one of `spans`; [] when there are none."""
    if not spans:
        return []
    starts = [start for start, _, _ in found]
    flags = [False] * len(found)
    for span_start, span_end in spans:
        index = bisect_left(starts, span_start)
        while index < len(starts) and starts[index] < span_end:
            flags[index] = True
            index += 1
    return flags


def inside(position: int, spans: list[Span]) -> bool:
    """Whether `position` lies in one of `spans`."""
    return any(start <= position < end for start, end in spans)


def squashed(word: str) -> str:
    """A name's word as typed without its apostrophes: "faamausili" for Fa'amausili, "obrien"."""
    return word.replace("'", "")


def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a person's or client's name."""
    return tuple(word for _, _, word in words(fold(name)))

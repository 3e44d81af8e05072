"""People put forward by pointing: "Rosa again since she has the file", "Marcus did X, so maybe him?"."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from matching.parse.naming import WEAK, Naming
from matching.parse.words import Word

__all__ = ["pointed_at"]

_start = itemgetter(0)

_NAME = r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)?"
# A name opening a clause, then "again" and why: the one who had the last such task has this one
# ("Rosa again since she has the file", "— Dev again, please.").
_AGAIN = re.compile(
    rf"(?:^|(?<=[.!?;:\n])\s*|(?<=\s[-\u2013\u2014])\s+)(?P<name>{_NAME}) again\b"
    r"(?=\s*(?:[.,;:!]|$|(?:since|as|because|bc|please|pls)\b))",
    re.MULTILINE,
)
# A pronoun proposed with doubt, pointing back to the one a sentence opened on ("Marcus Tate did
# such a careful job on the Harper docket, so maybe him?").
_MAYBE_THEM = re.compile(
    r"\b(?:maybe|perhaps|how\s+about|what\s+about)\s+(?:him|her)\s*\?", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_OPENING_NAME = re.compile(rf"\s*(?P<name>{_NAME})\s+[a-z]")


def pointed_at(text: str, found: list[Word]) -> list[Naming]:
    """Where the text puts someone forward by "again" or by a pronoun proposed after a sentence
    about them: the name (taken only as a roster name, people.py)."""
    starts = [m.start("name") for m in _AGAIN.finditer(text)] if " again" in text else []
    for match in _MAYBE_THEM.finditer(text) if "?" in text else ():
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, match.start())]
        # The sentence the pronoun closes, or the one before when it stands alone ("Maybe her?").
        begin = ends[-1] if ends else 0
        if not text[begin : match.start()].strip() and len(ends) > 1:
            begin = ends[-2]
        opening = _OPENING_NAME.match(text, begin)
        if opening is not None:
            starts.append(opening.start("name"))
    places = []
    for at in starts:
        index = bisect_left(found, at, key=_start)
        if index < len(found) and found[index][0] == at:
            places.append(Naming(at, index, WEAK))
    return places

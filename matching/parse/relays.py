"""Asks relayed through someone: work handed on ("ask EM whether he can …"), or only word passed on."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from operator import itemgetter

from matching.parse.naming import HANDOFF, STRONG, Naming
from matching.parse.words import Word

__all__ = ["asked_whether_able", "passes_word_on"]

_start = itemgetter(0)

# "could you ask EM whether he can cover …": the one asked is asked to do it, through the one
# spoken to (not "… whether he wants me to …", a question).
_WHETHER_ABLE = re.compile(
    r"\bask\s+(?P<name>[a-z][\w'-]*)\s+(?:whether|if)\s+(?:he|she|they)\s+"
    r"(?:can|could|would\s+be\s+able\s+to|is\s+able\s+to|has\s+time\s+to)\s+[a-z]"
)
_YOU_ASKED = r"\b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?"
# What the one spoken to is asked to pass on: word to a colleague ("could you let EM know the
# counter went out", "could you tell EM I'll have it by the 14th") or a question ("can you ask
# him whether he wants me to …").
_TITLE = r"(?:(?:mr|mrs|ms|dr)\.?\s+)?"
_PASS_ON = re.compile(
    _YOU_ASKED + rf"(?:let\s+{_TITLE}(?P<told>[a-z][\w'-]*)\s+know\b"
    rf"|tell\s+{_TITLE}(?P<said>[a-z][\w'-]*)\s+(?:that|i|i'll|i'm|i've|we|we'll|we're|we've)\b"
    rf"|ask\s+{_TITLE}(?P<asked>[a-z][\w'-]*)\s+(?:whether|if)\b)"
)
# A question put to the one spoken to for someone else: "EM asked me to ask you whether …" (not
# "… whether you can cover it", an ask).
_ASKED_OF_YOU = re.compile(
    r"\bask(?:ed|s)?\s+(?:me\s+to\s+(?:ask|check\s+with)\s+)?(?:you|u)\s+(?:whether|if)\b"
    r"(?!\s+(?:you|u)\s+(?:can|could|would|have|might|are\s+able))"
)
_PRONOUNS = frozenset({"him", "her", "them"})
# Another ask beyond the sentence passing word on: then that is the work.
_ASK = re.compile(r"\b(?:please|pls|plz|(?:can|could|would|will)\s+(?:you|u)|need\s+(?:you|u))\b")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def asked_whether_able(folded: str, found: list[Word]) -> list[Naming]:
    """Where the one spoken to is asked to find out whether another can do the work ("could you
    ask EM whether he can cover it?"): that other is the one to do it."""
    places = []
    for match in _WHETHER_ABLE.finditer(folded) if "whether" in folded or " if " in folded else ():
        index = bisect_left(found, match.start("name"), key=_start)
        if index < len(found) and found[index][0] == match.start("name"):
            places.append(Naming(match.start(), index, STRONG, HANDOFF))
    return places


def passes_word_on(folded: str, is_staff: Callable[[str], bool]) -> bool:
    """Whether all the text asks of the one spoken to is to pass word or a question on to a
    colleague (`is_staff` tells a roster name; "him" or "her" only after one in the sentence),
    or to answer a question put for someone else: nobody is given work."""
    found = _PASS_ON.search(folded) or _ASKED_OF_YOU.search(folded)
    if found is None:
        return False
    begin = max((m.end() for m in _SENTENCE_END.finditer(folded, 0, found.start())), default=0)
    end_match = _SENTENCE_END.search(folded, found.end())
    end = end_match.end() if end_match else len(folded)
    if _ASK.search(folded, 0, begin) or _ASK.search(folded, end):
        return False
    if found.re is _ASKED_OF_YOU:
        return True
    target = found["told"] or found["said"] or found["asked"]
    if target in _PRONOUNS:
        return any(is_staff(word) for word in re.findall(r"[a-z]+", folded[begin : found.start()]))
    return is_staff(target)

"""Where a text names the person to do the task: "have Felix …", "ask Imani to …", "Felix, …"."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter
from typing import NamedTuple

from matching.parse.words import Word

__all__ = ["STRONG", "TO", "WEAK", "Naming", "namings"]

# How surely the grammar makes the word after it a person who is to do the task.
TO = 0  # "to Felix": a person when on the roster; "to Midland Funding" is no one
WEAK = 1  # "for Felix to", "can Felix …": a person only when on the roster by that very name
STRONG = 2  # "have Felix …", "ask Felix to …", "Felix, can you …": someone, on the roster or not

# "have Felix pull the statements": a person, then what they are to do.
_BEFORE_A_VERB = frozenset({"have", "having"})
# "ask Imani to …", "get Dana to …", "I'd like Jordan to …".
_BEFORE_TO = frozenset(
    {"ask", "asking", "get", "getting", "tell", "remind", "want", "wants", "like", "love",
     "need", "needs", "prefer", "allow"}
)  # fmt: skip
_MODALS = frozenset({"can", "could", "would", "will"})
_LEADS = _BEFORE_A_VERB | _BEFORE_TO | _MODALS | {"to", "for", "let", "if", "at"}
# What follows "have <name>" when the name is no one who is to act: "have Felix's notes",
# "let Garcia know", "have Felix on the call".
_NOT_A_VERB = frozenset(
    {"the", "a", "an", "it", "them", "him", "her", "this", "that", "our", "their", "up", "out",
     "off", "in", "on", "with", "for", "me", "us", "all", "any", "each", "every", "his", "my",
     "and", "or", "know", "hear", "see", "been", "is", "was", "s", "to", "at", "by", "from"}
)  # fmt: skip
# Where a clause begins: after a sentence, a semicolon, a dash or a line break.
_CLAUSE_START = re.compile(r"[.!?;]\s+|\s[-\u2013\u2014]+\s+|\n\s*")
# A name said first in the text or a clause, maybe after a greeting, and set off by a comma,
# colon or dash: "Felix, can you …", "Hi Kenji: …", "Will — can you …".
_VOCATIVE = re.compile(
    r"\s*(?:(?i:hi|hey|hello|morning|afternoon|evening|yo|dear)\s+)?"
    r"(?P<name>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2})(?=\s*(?:[,:]|\s-+\s|\s?\u2014))"
)
# A name said first and asked straight after, in any case: "marisol could you take it?".
_ADDRESSED = re.compile(
    r"\s*(?:(?:hi|hey|hello|morning|yo)\s+)?(?P<name>[a-z][\w'-]*)(?:\s+[a-z][\w'-]*)?"
    r"\s*,?\s+(?:can|could|would|will)\s+you\b"
)
# A vocative that is surely one: followed by an ask of "you".
_ASKED = re.compile(
    r"\s*(?:[,:]|\s-+\s|\s?\u2014)\s*(?:(?:can|could|would|will)\s+you\b|please\b|pls\b)"
)
_start = itemgetter(0)


class Naming(NamedTuple):
    """A place where a name may stand for the person to do the task."""

    at: int  # where the naming begins in the text (its lead word, or the name)
    word: int  # the index of the name's first word among the text's words
    strength: int  # TO, WEAK or STRONG


def namings(text: str, folded: str, found: list[Word]) -> list[Naming]:
    """Each place in the text where a person may be named to do the task, in text order."""
    places: list[Naming] = []
    count = len(found)
    clauses = _clause_starts(text)
    for index, (start, _, word) in enumerate(found):
        if word not in _LEADS:
            continue
        after = index + 1
        if after >= count:
            break
        if word == "to":
            places.append(Naming(start, after, TO))
        elif word in _BEFORE_A_VERB and _acts(found, after):
            places.append(Naming(start, after, STRONG))
        elif word in _BEFORE_TO and _followed_by_to(found, after):
            places.append(Naming(start, after, STRONG))
        elif word == "for" and _followed_by_to(found, after):
            places.append(Naming(start, after, WEAK))
        elif word in _MODALS and _acts(found, after) and found[after][2] != "you":
            places.append(Naming(start, after, WEAK))
        elif word == "let" and _acts(found, after):  # "let Ty run point"; not "let Garcia know"
            places.append(Naming(start, after, WEAK))
        elif word == "if" and after + 1 < count and found[after + 1][2] in _MODALS:
            places.append(Naming(start, after, WEAK))
        elif word == "at" and (index == 0 or start in clauses):
            # "at keiko can you …": "@keiko" as voice typing writes it.
            places.append(Naming(start, after, WEAK))
    places += _vocatives(text, folded, found, clauses)
    return sorted(places) if len(places) > 1 else places


def _acts(found: list[Word], name: int) -> bool:
    """Whether a word after the name says what they are to do (not "have Felix's notes")."""
    # The name may be a full name: the verb comes within the next three words.
    following = [w for _, _, w in found[name + 1 : name + 4]]
    return bool(following) and following[0] not in _NOT_A_VERB


def _followed_by_to(found: list[Word], name: int) -> bool:
    # "ask Imani to", "get Dana Reyes to", "for Felix Wong to": "to" within three words.
    return any(w == "to" for _, _, w in found[name + 1 : name + 4])


def _clause_starts(text: str) -> set[int]:
    return {match.end() for match in _CLAUSE_START.finditer(text)}


def _vocatives(text: str, folded: str, found: list[Word], clauses: set[int]) -> list[Naming]:
    """Names said first in the text or a clause and set off: "Felix, can you …". Followed by
    an ask of "you" it surely names someone; else only a roster name counts ("Sullivan: send
    the client a copy" names the client's matter, "marisol could you" Marisol if on the roster)."""
    places = []
    for start in sorted({0, *clauses}):
        match = _VOCATIVE.match(text, start)
        if match is not None:
            strength = STRONG if _ASKED.match(folded, match.end("name")) else WEAK
            at = match.start("name")
        elif (match := _ADDRESSED.match(folded, start)) is not None:
            strength, at = WEAK, match.start("name")
        else:
            continue
        name = bisect_left(found, at, key=_start)
        if name < len(found):
            places.append(Naming(match.start(), name, strength))
    return places

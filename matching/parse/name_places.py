"""Where a word that may be a client's name stands: a topic slot, a possessive, a clause's start."""

from __future__ import annotations

import re
from collections.abc import Callable

from matching.parse.words import Word

__all__ = [
    "DETERMINERS", "files_of", "in_topic_slot", "named_as_a_file", "names_a_family",
    "only_capitalised_to_open", "opens_clause", "ordinary_word", "possessive_named",
]  # fmt: skip

_POSSESSIVE_MARKS = frozenset({"", "'s", "'", "\u2019s", "\u2019"})
_MATTER_FILE = frozenset({"file", "files"})
# Words before a possessive that make it no client's: "the court's order", "a day's work".
DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "our", "their", "his", "her", "my", "your", "its", "each",
     "every", "one", "whose"}
)  # fmt: skip
_CLAUSE_OPENERS = frozenset('.!?:;\n\u2022*-\u2013\u2014("')
_TOPIC_NOUN = re.compile(
    r"(?:'s)?\s+(?:thing|stuff|file|matter|case|situation|memo)\b", re.IGNORECASE
)
# The other side's lawyer on a case: "dealer's counsel on reyes", "kubota's atty on hofer".
_COUNSEL_ON = re.compile(r"\b(?:counsel|atty|attorney|lawyer)\s+(?:on|in)\s+$", re.IGNORECASE)
# What sets the client a line is about off from the rest, maybe after the chapter ("castillo 13 -"),
# or a pipe between a ticket's fields ("castillo | rogs due fri").
_SET_OFF = re.compile(
    r"(?:\s+(?:ch(?:apter)?\.?\s*)?\d{1,2}\b)?\s*(?::|[-\u2013\u2014]+\s|\|)"
)
# A family named by the plural of its surname ("the Reeds"), and what may follow it where a
# line opens with it ("boldens want to know …").
_FAMILY_VERBS = frozenset(
    {"want", "wanted", "need", "needed", "are", "were", "have", "had", "called", "came",
     "dropped", "brought", "sent", "signed", "said", "say", "asked", "got", "received", "paid",
     # A possessive typed without its apostrophe: "asantes getting calls" (Asante's).
     "getting", "going", "being", "is", "was", "has", "wants", "needs", "says",
     "missed", "moved", "decided", "agreed", "emailed", "texted", "left", "just", "still", "both",
     "also", "finally", "will", "would", "can", "could", "should", "did", "do", "dont", "didnt"}
)  # fmt: skip
_MENTIONS = re.compile(r"<@[^>]{1,100}>|<at>[^<]{1,100}</at>|@\w+", re.IGNORECASE)


def files_of(text: str, name: Word, following: Word) -> bool:
    # "the Garcia file", "Garcia's file"; not "re: Garcia - file the motion".
    between = text[name[1] : following[0]].strip()
    return following[2] in _MATTER_FILE and between in _POSSESSIVE_MARKS


def ordinary_word(text: str, word: Word, is_known_word: Callable[[str], bool]) -> bool:
    # A client called Day or Rush is named "Day"; "end of day" and "no rush" are not about them.
    start, _, spelled = word
    return text[start].islower() and is_known_word(spelled)


def possessive_named(text: str, found: list[Word], index: int) -> bool:
    # "tran's 341": a word that is a client's surname, as the one something belongs to; not "the
    # court's order".
    start, end, _ = found[index]
    return text.startswith(("'s", "\u2019s"), end) and (
        index == 0 or found[index - 1][2] not in DETERMINERS
    )


def only_capitalised_to_open(text: str, found: list[Word], index: int) -> bool:
    """Whether the word at `index` opens a sentence, where any word is capitalised, and stands
    in no place that marks a name: not set off as the line's client ("Back: …"), not a
    possessive ("Back's counsel")."""
    return (
        opens_clause(text, found[index][0])
        and not in_topic_slot(text, found[index])
        and not possessive_named(text, found, index)
    )


def opens_clause(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _CLAUSE_OPENERS


def named_as_a_file(text: str, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` name a file or a case: "the banks thing", "the
    bakehouse file"."""
    return _TOPIC_NOUN.match(text, end) is not None and text[:start].lower().endswith("the ")


def in_topic_slot(text: str, word: Word) -> bool:
    """Whether a lower-case word stands where a text names its client: "the banks thing", "tran —
    pls have the schedules ready" (first on its line or in its sentence, set off by a colon or
    dash: "wfh today. reeds - trustee wants …"), or as the case another side's lawyer is on
    ("dealer's counsel on reyes")."""
    start, end, _ = word
    if named_as_a_file(text, start, end) or _COUNSEL_ON.search(text, max(0, start - 20), start):
        return True
    line = text[text.rfind("\n", 0, start) + 1 : start]
    first = not _MENTIONS.sub("", line).strip(" \t\u2022*-") or text[:start].rstrip()[-1:] in ".!?"
    return first and bool(_SET_OFF.match(text, end))


def names_a_family(text: str, found: list[Word], index: int) -> bool:
    """Whether the plural of a client's surname at `index` stands where a family is surely meant:
    "The Reeds dropped off …", "reeds - trustee wants …", "boldens want to know …"."""
    start = found[index][0]
    previous = found[index - 1][2] if index else ""
    following = found[index + 1][2] if index + 1 < len(found) else ""
    return (
        (previous == "the" and text[start].isupper())
        or in_topic_slot(text, found[index])
        or (opens_clause(text, start) and following in _FAMILY_VERBS)
    )

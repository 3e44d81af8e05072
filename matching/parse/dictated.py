"""Names spoken to in dictation that runs on without stops: "danny sorry for the late one can you
…", "… the trial alana can you call her back …", "yes bri please calendar it"."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from matching.parse.naming import ADDRESSEE, WEAK, Naming
from matching.parse.vocatives import OPENING_WORDS, WORD_NAMES
from matching.parse.words import Word

__all__ = ["dictated_addressees"]

_start = itemgetter(0)

# An ask of "you", or a plea, that the one named at the text's start is to answer.
_ASK = re.compile(r"\b(?:(?:can|could|would|will)\s+(?:you|u)|please|pls|plz)\b")
# Where the first sentence ends: dictation may have none.
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
# A lower-case word opening the text, maybe after a greeting or a yes, and the word after it.
_OPENING = re.compile(
    r"[^\w\n]*(?:(?:hey|hi|hello|yo|ok|okay|so|yes|yeah|yep|and|also|oh|morning)\s+)?"
    r"(?P<name>[a-z][a-z-]*)\s+(?P<next>[a-z][\w']*)"
)
# Words after a name that make it the subject of news, not someone spoken to: "dan said …",
# "bri and i …", "danny is out"; as do a past form ("lupe called") and a verb's "-s" ("walt
# wants …").
_TELLING = frozenset(
    {"is", "was", "were", "are", "has", "had", "have", "and", "or", "said", "told", "sent",
     "came", "went", "got", "left", "made", "took", "gave", "will", "would", "can", "could",
     "should", "may", "might", "must", "just", "already", "still", "also", "never", "does",
     "did", "doesn't", "didn't", "isn't", "wasn't", "won't", "can't", "says", "thinks",
     "thought", "knows", "to", "from", "of", "v", "vs", "versus", "for", "at", "in", "on"}
)  # fmt: skip
_S_ENDINGS_SPOKEN_TO = frozenset({"thanks", "plus", "yes", "pls", "thx"})
# A lower-case name asked straight after, inside a run of dictation: "… before the trial alana
# can you call her back …".
_ASKED_MIDWAY = re.compile(
    r"(?<=[a-z0-9,] )(?P<name>[a-z][a-z-]*)\s+(?:can|could|would|will)\s+(?:you|u)\b"
)
# Words before a name that make it no one spoken to: "tell marisol can you …" is garbled,
# "with pettaway can you" names a client, "by june can you" a month.
_NOT_BEFORE = frozenset(
    {"by", "in", "on", "until", "till", "til", "before", "after", "of", "for", "to", "from",
     "with", "at", "the", "a", "an", "mr", "ms", "mrs", "dr", "tell", "ask", "let", "call",
     "email", "text", "have", "get", "remind", "cc", "thank", "thanks", "about", "v", "vs",
     "versus", "than", "like", "if", "whether", "that", "this", "his", "her", "their", "my",
     "our", "your", "through", "thru", "since", "during", "re"}
)  # fmt: skip
# Words that are no one's name though they stand where one would: "somebody can you …".
_NOT_NAMES = OPENING_WORDS | WORD_NAMES | frozenset(
    {"sorry", "somebody", "someone", "anyone", "anybody", "whoever", "everyone", "everybody",
     "team", "guys", "folks", "yes", "yeah", "yep", "ok", "okay", "hey", "hi", "hello", "yo",
     "morning", "also", "then", "now", "today", "tomorrow", "tonight", "monday", "tuesday",
     "wednesday", "thursday", "friday", "saturday", "sunday", "asap", "one"}
)  # fmt: skip


def dictated_addressees(text: str, folded: str, found: list[Word]) -> list[Naming]:
    """Where a run of dictation speaks to someone without a comma to show it: a lower-case
    name opening the text before an aside and an ask of "you" in the same sentence ("danny
    sorry for the late one can you …", "nacho crown asset's lawyer emailed me … can you
    …"), or asked straight after inside the run ("… alana can you call her back"). Such a
    name counts only as a roster first name or a nickname table's short form of one (`exact`),
    and a name split in two by the dictation ("mary sol") as the one name it spells."""
    places: list[Naming] = []
    opening = _OPENING.match(text)
    if opening is not None and _spoken_to_first(text, folded, opening):
        places += _naming(found, opening.start("name"))
    # (Each of the asking words holds "can", "ould" or "will": the scan is skipped without.)
    midway = "can" in text or "ould" in text or "will" in text
    for match in _ASKED_MIDWAY.finditer(text) if midway else ():
        name = bisect_left(found, match.start("name"), key=_start)
        if not 0 < name < len(found) or found[name][0] != match.start("name"):
            continue
        before = found[name - 1][2]
        if match["name"] in _NOT_NAMES or before in _NOT_BEFORE:
            continue
        places += _naming(found, match.start("name"))
        if (before not in _NOT_NAMES and before.isalpha()
                and text[found[name - 1][1] : match.start("name")] == " "):
            places.append(Naming(found[name - 1][0], name - 1, WEAK, ADDRESSEE, True, True))
    return places


def _naming(found: list[Word], at: int) -> list[Naming]:
    """A naming of the word at `at`, taken only as a roster name or its short form."""
    index = bisect_left(found, at, key=_start)
    if index < len(found) and found[index][0] == at:
        return [Naming(at, index, WEAK, ADDRESSEE, exact=True)]
    return []


def _spoken_to_first(text: str, folded: str, match: re.Match[str]) -> bool:
    """Whether the name opening the text is spoken to: no word after it makes it the subject
    of news ("lupe called …") and its first sentence asks "you" for something."""
    name, following = match["name"], match["next"]
    if name in _NOT_NAMES or not name.isalpha() or following in _TELLING:
        return False
    if following.endswith("ed") or (
        following.endswith("s") and not following.endswith("ss") and len(following) > 3
        and following not in _S_ENDINGS_SPOKEN_TO
    ):
        return False
    end = _SENTENCE_END.search(folded, match.end("name"))
    return _ASK.search(folded, match.end("name"), end.start() if end else len(folded)) is not None

"""Clients named as what keeps someone busy, or as earlier work: the context of another's ask."""

from __future__ import annotations

import re

from matching.parse.words import Span

__all__ = ["credited_before", "occupied_before"]

_REACH = 80  # the phrase ends right before the name; no need to look further back
# A few words between the busy phrase and the name: "stuck at encanto on the", "in federal court
# that morning on", "full up with Tubb and".
_FILLER = r"(?:[\w'/-]+\s+){0,4}?"
_LEAD = r"(?:(?:the|a|my|his|her|their)\s+)?$"
# Someone taken up by a case: "I'm buried in", "she's slammed w/", "Dusty is full up with",
# "double booked w/", "stuck at encanto on the", "tied up with".
_BUSY_WORDS = re.compile(
    r"\b(?:buried|slammed|swamped|drowning|full\s+up|tied\s+up|stuck|double[-\s]?booked|busy)"
    r"\s+(?:in|with|w/|on|at|under)\s+" + _FILLER + r"(?:(?:on|for|with|w/|and)\s+)?" + _LEAD,
    re.IGNORECASE,
)
# Someone elsewhere for a case: "I'm in federal court that morning on", "I'll be in Indy for the",
# "ill be in casper on", "alana's going to be in the", "Priya and Bob are both in the".
_AWAY = re.compile(
    r"\b(?:i'm|im|i\s+am|i'll\s+be|ill\s+be|i\s+will\s+be|(?:is|are|'s)\s+going\s+to\s+be"
    r"|are\s+both|i've\s+been|i\s+was)\s+(?:in|at)\s+"
    + _FILLER + r"(?:(?:on|for)\s+)?" + _LEAD,
    re.IGNORECASE,
)
# Someone else on a case: "Tish is on Sims", "Rosa's still on the".
_ON_IT = re.compile(r"\b[A-Z][a-z]+(?:'s|\s+is)\s+(?:still\s+|already\s+)?on\s+" + _LEAD)
# Someone with an event of their own: "Caroline has the Mayes conference", "I've got the pfaff
# 341", "i've got pettaway at encanto"; not "you've got the Polk answer now", work handed over.
_HAS_BEFORE = re.compile(
    r"\b(?:i've\s+got|ive\s+got|i\s+have|i\s+got|[a-z]+\s+has|he's\s+got|she's\s+got)\s+" + _LEAD,
    re.IGNORECASE,
)
_EVENT_AFTER = re.compile(
    r"(?:'s|\u2019s)?\s+(?:(?:continued|final|status|pretrial|exemption|confirmation)\s+)?"
    r"(?:341|hearing|hrg|depo|deposition|trial|conference|mediation|pretrial|at\s+\w)",
    re.IGNORECASE,
)
# Earlier work named to credit someone or point to a model: "you did the Farouk memo", "same
# template you used for Garza", "they know u from oyler", "thx for the Dwyer memo".
_CREDITED = re.compile(
    r"\b(?:(?:(?i:you|u|he|she|they)|[A-Z][a-z]+)\s+(?:did|used|wrote|drafted|handled)\b[^.;:!?\n]{0,40}?"
    r"|know\s+(?:you|u|him|her|them)\s+from\s+"
    r"|(?:thx|thanks|thank\s+you|ty)\s+(?:again\s+)?for\s+" + _LEAD + r")$",
)


def occupied_before(text: str, span: Span) -> bool:
    """Whether the name at `span` is said as what keeps someone busy or away ("I'm buried in
    Kisner", "Tish is on Sims", "I'll be in Indy for the Whitfield hearing"): the reason another
    is asked, so not the ask's matter when the text names another client."""
    before = text[max(0, span[0] - _REACH) : span[0]]
    if _BUSY_WORDS.search(before) or _AWAY.search(before) or _ON_IT.search(before):
        return True
    return _HAS_BEFORE.search(before) is not None and _EVENT_AFTER.match(text, span[1]) is not None


def credited_before(text: str, span: Span) -> bool:
    """Whether the name at `span` is said as earlier work that credits someone or serves as a
    model ("you did the Farouk memo", "they know u from oyler")."""
    return _CREDITED.search(text, max(0, span[0] - _REACH), span[0]) is not None

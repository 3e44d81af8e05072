"""Asks put to no one named: to the queue, for an item left unassigned, or only an FYI to the one named."""

from __future__ import annotations

import re

from matching.parse.doer import ASKS_YOU, GROUP_ASK
from matching.parse.hints import Hint
from matching.parse.items import asks_for_work
from matching.parse.naming import ADDRESSEE
from matching.parse.words import Span

__all__ = ["asked_of_no_one"]

# The work put to a pool by its name: "Could the queue pick up a validation request?"
_POOL_ASKED = re.compile(
    r"\b(?:can|could|would|will)\s+(?:the|our)\s+(?:queue|pool|intake\s+team|paralegal\s+pool"
    r"|floor|desk)\b"
)
# A meeting's action item that no one owns: "• (unassigned) — request the police report".
_UNASSIGNED_ITEM = re.compile(
    r"^[ \t]*(?:[-*\u2022]|\d{1,2}[.)])?[ \t]*[(\[]?(?:unassigned|no\s+owner|tbd|nobody|\?+)[)\]]?"
    r"[ \t]*(?::|[\u2013\u2014]|-\s)",
    re.MULTILINE,
)
# An FYI said to the one just named, maybe after a word of address: "<@Ha> ơi, FYI bà Trần
# called …".
_FYI_NEXT = re.compile(r"(?:\s*[^\W\d_]+)?[\s,:\u2013\u2014-]*fyi\b")
# What the writer says need not be done is no ask: "no need to call her".
_NO_NEED = re.compile(r"\bno\s+need\s+(?:to|for)\b[^.!?\n]*")


def asked_of_no_one(folded: str, spans: list[Span], known: list[Hint]) -> bool:
    """Whether the text gives its work to none of the people it names: it asks the queue or the
    pool by name and nothing of "you" ("Hi Dana, … Could the queue pick up …?"); the pool is
    asked to take an item a list leaves unassigned ("• (unassigned) — request the report …
    can someone take the 2nd one?"); or the one spoken to first is told something FYI and
    nothing is asked ("<@Ha> FYI she called …, no need to call her")."""
    if _POOL_ASKED.search(folded) and not ASKS_YOU.search(folded):
        return True
    if (
        _may_mark_unassigned(folded) and GROUP_ASK.search(folded)
        and _UNASSIGNED_ITEM.search(folded)
    ):
        return True
    spoken_to = [h for h in known if h.role == ADDRESSEE]
    if not spoken_to or "fyi" not in folded:
        return False
    first = min(spoken_to, key=lambda h: h.position)
    end = next((e for s, e in spans if s <= first.position < e), None)
    if end is None or _FYI_NEXT.match(folded, end) is None:
        return False
    said = _NO_NEED.sub(" ", folded)
    return not asks_for_work(said, (0, len(said))) and not ASKS_YOU.search(said)


def _may_mark_unassigned(folded: str) -> bool:
    """Whether the text holds a word that marks a list item as no one's ("(unassigned)", "TBD",
    "?"): the slow line-by-line scan for such an item is skipped without one."""
    return (
        "unassigned" in folded or "owner" in folded or "tbd" in folded or "nobody" in folded
        or "?" in folded
    )

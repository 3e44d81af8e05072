"""Whether the person a text names is the one to do its work, or only routes, receives or is asked."""

from __future__ import annotations

import re

from matching.parse.items import asks_for_work, is_item
from matching.parse.words import Span

__all__ = ["DELIVERED", "OFFERED", "QUESTIONED", "ROUTING", "delivered_to", "doubt_about_doer"]

ROUTING = "the person named is asked to find someone for it; who is to do the task?"
DELIVERED = "the work is to go to the person named by a time; are they also to do it?"
OFFERED = "the text leaves the work to the person named or to you; who is to do it?"
QUESTIONED = "the person named is only asked a question; who is to do the task?"

# The one spoken to is asked to find the doer ("could you get someone on it"): firms differ on
# whether they are the assignee, so it is asked.
_ROUTING = re.compile(
    r"\b(?:get|find|grab|assign|put|line\s+up|round\s+up)\s+(?:someone|somebody|anyone|"
    r"one\s+of\s+(?:the|our|your)\b)"
)
# The same anywhere in the text: "Tamika — … Give it to whoever has time, by Friday."
_HANDED_ON = re.compile(
    r"\b(?:give|hand|pass|send|route|farm|kick|assign)\s+(?:it|this|that|them|these|those)"
    r"(?:\s+(?:out|off|over|along))?\s+to\s+(?:whoever|whomever|someone|somebody|anyone"
    r"|one\s+of\s+(?:the|our|your)\b)"
)
# The work is offered to the one named or kept by the writer: "Do you want to ask him or
# should I?", "you or me", "or I can do it".
_OR_THE_WRITER = re.compile(
    r"\bor\s+(?:(?:should|shall|do|can|will)\s+i|i(?:'ll|\s+(?:can|could|will|should))|me)\b"
)
# A deadline straight after "to <name>": "pls handle: a summary, to Kate by 3 tmrw". Where the
# text asks its reader for the work, Kate may be whom it goes to; dictated tags assign
# ("summarize it to Renee by Wed"), so it is asked.
_DUE_NEXT = re.compile(r"\s+(?:by|before|no\s+later\s+than|eod|cob|today|tomorrow|tmrw)\b")


def delivered_to(folded: str, end: int) -> bool:
    """Whether the name "to" leads, ending at `end`, is followed by a deadline ("to Kate by 3")."""
    return _DUE_NEXT.match(folded, end) is not None


def doubt_about_doer(
    folded: str, found: list[Span], index: int, *, addressed: bool, delivered: bool
) -> str | None:
    """Why the person chosen, named in part `index` of the text's parts `found`, may not be the
    one to do the work: spoken to and asked to hand it on; sent the work by a time in a text
    that asks its reader for it; offered it with the writer as the other choice; or, in a listed
    item, only asked a question while another item asks for work. None when they are."""
    part = found[index] if index >= 0 else (0, len(folded))
    if addressed and (_ROUTING.search(folded, *part) or _HANDED_ON.search(folded)):
        return ROUTING
    if delivered and any(asks_for_work(folded, each) for each in found):
        return DELIVERED
    if _OR_THE_WRITER.search(folded):
        return OFFERED
    if index >= 0 and _only_questioned(folded, found, index):
        return QUESTIONED
    return None


def _only_questioned(folded: str, found: list[Span], index: int) -> bool:
    """Whether the listed item naming the person only asks them a question ("1. @Rob — how'd
    the call go?") while another item asks for work naming no one ("2. Please get the invoices
    by Wed"). In running text the question leads into the ask ("Kim — any news? Please …")."""
    start, end = found[index]
    if (
        not is_item(folded, found[index])
        or not folded[start:end].rstrip().endswith("?")
        or asks_for_work(folded, found[index])
    ):
        return False
    return any(
        is_item(folded, part) and asks_for_work(folded, part)
        for i, part in enumerate(found) if i != index
    )

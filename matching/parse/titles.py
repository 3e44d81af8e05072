"""Task titles: the catalogue name, or the text itself cleared of names, hints and deadlines."""

from __future__ import annotations

import re

from matching.parse.asks import POLITENESS
from matching.parse.words import Span
from matching.text import blank

__all__ = ["TITLE_MAX_CHARS", "deadline_span", "free_title", "type_title"]

TITLE_MAX_CHARS = 80
# Enough text for any title; the clean-up regexes then never see more.
_TITLE_SOURCE_CHARS = 400
_DEADLINE_LEAD = re.compile(
    r"(?:\b(?:by|due|before|until|till|on|at|within|in|deadline\s+is|no\s+later\s+than)\s*)+$"
)
_SYMBOLS = re.compile(r"[^\w\s.,;:!?'\"()&/#$%@-]+")
_EMPTY_BRACKETS = re.compile(r"\(\s*[,;:-]*\s*\)")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,;:!?.])")
_REPEATED_PUNCTUATION = re.compile(r"([,;:!?.-])(?:\s*[,;:!?.-])+")
_DANGLING = re.compile(
    r"(?:[\s,;:.!?-]|\b(?:for|re|on|to|with|of|at|by|and|in|from|the|a|an)\b)+$", re.IGNORECASE
)
_LEADING = re.compile(r"^[\s,;:.!?-]+")
_POSSESSIVE = re.compile(r"['\u2019]s?\b")


def type_title(name: str, matter: str | None) -> str:
    """A typed task's title: the type's name, and the matter number when there is one."""
    return f"{name} — {matter}" if matter else name


def free_title(text: str, removed: list[Span], matter: str | None) -> str:
    """The text itself, minus names, hints, deadline and priority words, as a short title."""
    removed = [(start, _past_possessive(text, end)) for start, end in removed]
    title = POLITENESS.sub(" ", blank(text, removed)[:_TITLE_SOURCE_CHARS])
    title = _SYMBOLS.sub(" ", title)
    title = _EMPTY_BRACKETS.sub(" ", title)
    title = " ".join(title.split())
    title = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", title)
    title = _REPEATED_PUNCTUATION.sub(r"\1", title)
    title = _LEADING.sub("", _DANGLING.sub("", title))
    title = title[:1].upper() + title[1:] if title else "Task"
    if len(title) > TITLE_MAX_CHARS:
        title = title[: TITLE_MAX_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:-") + "…"
    return f"{title} — {matter}" if matter else title


def deadline_span(folded: str, start: int, end: int) -> Span:
    """A deadline's span widened to the words that introduce it ("by", "due", "no later than")."""
    lead = _DEADLINE_LEAD.search(folded, max(0, start - 30), start)
    return (lead.start() if lead else start, end)


def _past_possessive(text: str, end: int) -> int:
    """Where a removed name ends once its "'s" or "'" goes with it."""
    match = _POSSESSIVE.match(text, end)
    return match.end() if match else end

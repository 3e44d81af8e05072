"""Assignee hints in delegation text: chat mentions, @handles and "to <name>"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from matching.model import StaffProfile
from matching.parse.words import FUZZY_MIN_LETTERS, Span, Word, closest_spelling, inside, name_words
from matching.text import fold

__all__ = ["Roster"]


_SLACK_MENTION = re.compile(r"<@([A-Za-z0-9]+)(?:\|[^>]{0,80})?>")
_TEAMS_MENTION = re.compile(r"<at>([^<]{1,80})</at>", re.IGNORECASE)
_HANDLE = re.compile(
    r"(?:(?:\bto|\bfor|\bassign(?:ed)?(?:\s+to)?)\s+|^\s*)@(?P<handle>[a-z0-9][a-z0-9._-]*)"
)
# "to mark the deadline": a lower-case name followed by these is a verb, not a person.
_NOT_AFTER_NAME = frozenset(
    {"the", "a", "an", "it", "them", "him", "her", "this", "that", "our", "their", "up", "out",
     "off", "in", "on", "with", "for", "me", "us", "all", "any", "each", "every", "his", "my"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Hint:
    position: int
    email: str


class Roster:
    """Roster names, handles and chat ids, indexed to recognise who a text assigns."""

    def __init__(self, roster: Sequence[StaffProfile], client_words: set[str]) -> None:
        # A client's name is never a misspelt staff name ("send it to Davis" is not David).
        self._client_words = client_words
        self._by_slack: dict[str, str] = {}
        self._by_full_name: dict[tuple[str, ...], set[str]] = {}
        self._by_first_name: dict[str, set[str]] = {}
        self._by_handle: dict[str, set[str]] = {}
        for person in roster:
            if person.slack_user_id:
                self._by_slack[person.slack_user_id.upper()] = person.email
            name = name_words(person.name)
            if not name:
                continue
            first, last = name[0], name[-1]
            self._by_first_name.setdefault(first, set()).add(person.email)
            handles = {first, fold(person.email.split("@")[0])}
            if len(name) > 1:
                for key in {name, (first, last), (first, last[0])}:
                    self._by_full_name.setdefault(key, set()).add(person.email)
                handles |= {first + last, f"{first}.{last}", f"{first}_{last}", first[0] + last}
            for handle in handles:
                self._by_handle.setdefault(handle, set()).add(person.email)
        self.name_words = {w for key in self._by_full_name for w in key} | set(self._by_first_name)
        self._first_name_spellings = sorted(
            n for n in self._by_first_name if len(n) >= FUZZY_MIN_LETTERS - 1
        )

    def find(self, text: str, folded: str, found: list[Word]) -> tuple[str | None, list[Span]]:
        """The roster member the text assigns to, and the spans of every hint and mention."""
        hints: list[_Hint] = []
        spans: list[Span] = []
        for match in _SLACK_MENTION.finditer(text) if "<@" in text else ():
            spans.append(match.span())
            email = self._by_slack.get(match.group(1).upper())
            if email:
                hints.append(_Hint(match.start(), email))
        for match in _TEAMS_MENTION.finditer(text) if "<at>" in folded else ():
            spans.append(match.span())
            email = self._unique(self._by_full_name.get(name_words(match.group(1))))
            email = email or self._unique(self._by_first_name.get(name_words(match.group(1))[0]))
            if email:
                hints.append(_Hint(match.start(), email))
        for match in _HANDLE.finditer(folded) if "@" in folded else ():
            email = self._unique(self._by_handle.get(match["handle"].rstrip("._-")))
            if email:
                hints.append(_Hint(match.start(), email))
                spans.append(match.span())
        self._named_hints(text, found, spans, hints)
        if not hints:
            return None, spans
        return min(hints, key=lambda h: h.position).email, spans

    def _named_hints(
        self, text: str, found: list[Word], spans: list[Span], hints: list[_Hint]
    ) -> None:
        for index, (start, _, word) in enumerate(found):
            if word != "to" or inside(start, spans) or index + 1 >= len(found):
                continue
            named = self._name_after(text, found, index + 1)
            if named:
                email, end = named
                hints.append(_Hint(start, email))
                spans.append((start, end))

    def _name_after(self, text: str, found: list[Word], index: int) -> tuple[str, int] | None:
        for size in (3, 2):
            key = tuple(w[2] for w in found[index : index + size])
            if len(key) == size and found[index + size - 1][0] - found[index][1] <= 3:
                email = self._unique(self._by_full_name.get(key))
                if email:
                    return email, found[index + size - 1][1]
        start, end, word = found[index]
        following = found[index + 1][2] if index + 1 < len(found) else ""
        if text[start].islower() and following in _NOT_AFTER_NAME:
            return None
        email = self._unique(self._by_first_name.get(word))
        if (
            email is None
            and text[start].isupper()
            and word.isalpha()
            and word not in self._client_words
        ):
            email = self._misspelt_first_name(word)
        return (email, end) if email else None

    def _misspelt_first_name(self, word: str) -> str | None:
        found = closest_spelling(word, self._first_name_spellings)
        return self._unique(self._by_first_name[found]) if found else None

    @staticmethod
    def _unique(emails: set[str] | None) -> str | None:
        return next(iter(emails)) if emails and len(emails) == 1 else None

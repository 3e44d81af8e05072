"""Organisations named by part of their name: a trade after a place, a proper name, place words."""

from __future__ import annotations

from collections.abc import Callable

from matching.parse.client_names import (
    ARTICLES,
    COMPANY_SUFFIXES,
    FORM_WORDS,
    clipped_key,
    inner_organisation_keys,
    organisation_tail,
    place_keys,
    squashed_key,
)
from matching.parse.name_places import (
    in_topic_slot,
    named_as_a_file,
    only_capitalised_to_open,
    opens_clause,
    possessive_named,
)
from matching.parse.words import Word, squashed

__all__ = ["OrganisationNames"]

Key = tuple[str, ...]
# Whether the words after a name (its end) say one of the matters (`hit`): "Grand River Ch 12".
SaidAfter = Callable[[set[str], int], bool]
_LONGEST_PART = 3
# Words that end a company's name: "Queen City Revenue Services", "Summit Rental Recovery LLC".
_COMPANY_NOUNS = COMPANY_SUFFIXES | frozenset(
    {"services", "service", "recovery", "collections", "collection", "solutions", "systems",
     "partners", "group", "management", "funding", "capital", "financial", "credit", "bank",
     "agency", "holdings", "properties", "realty", "associates", "enterprises", "industries"}
)  # fmt: skip


class OrganisationNames:
    """The short forms of organisations' names that name the client only where a name is surely
    meant, and the words that may follow a name and still be part of it."""

    def __init__(self) -> None:
        # An organisation's trade after a place ("Pierogi" of Polish Hill Pierogi Company), or
        # its proper name after a trade ("La Espiga" of Panadería La Espiga LLC).
        self._inner: dict[Key, set[str]] = {}
        # An organisation's first words when they are words of place alone ("Grand River").
        self._places: dict[Key, set[str]] = {}
        # Words that may follow an organisation's distinctive part, per matter; its first word
        # when that leaves out another distinctive one ("Back" of "Back Cove Housing").
        self._tails: dict[str, frozenset[str]] = {}
        self.clipped: set[Key] = set()

    def add(self, number: str, core: tuple[str, ...], name: tuple[str, ...]) -> None:
        self._tails[number] = organisation_tail(core, name)
        self.clipped |= {k for k in [clipped_key(squashed_key(core))] if k}
        for inner in inner_organisation_keys(core):
            self._inner.setdefault(squashed_key(inner), set()).add(number)
        for place in place_keys(core):
            self._places.setdefault(squashed_key(place), set()).add(number)

    def starts(self) -> set[str]:
        """The words these short forms start with: "pierogi", "la", "grand"."""
        return {key[0] for key in [*self._inner, *self._places]}

    def clipped_alone(self, text: str, found: list[Word], index: int, hit: set[str]) -> bool:
        """Whether the one word at `index` is a clipped name capitalised only to open a
        sentence, with none of the name after it: "Back Wednesday."."""
        key = (squashed(found[index][2]),)
        return (
            key in self.clipped
            and only_capitalised_to_open(text, found, index)
            and not self.tail_size(text, found, index + 1, hit)
        )

    def inner_at(
        self,
        text: str,
        found: list[Word],
        index: int,
        is_known_word: Callable[[str], bool],
        is_name: Callable[[Key], bool],
    ) -> tuple[int, set[str]] | None:
        """An organisation named by part of its name, where a name is surely meant: with its
        legal form ("Pierogi co", "the Pierogi Company"), capitalised as the client a line is
        about ("Pierogi — …", "Pierogi | …"), or several words written as a proper name ("sued
        La Espiga (the bakery)"); not a known word ("Detailing") nor a name `is_name` already."""
        for size in range(_LONGEST_PART, 0, -1):
            words = found[index : index + size]
            key = squashed_key(tuple(w[2] for w in words))
            hit = self._inner.get(key) if len(words) == size else None
            if not hit or is_name(key):
                continue
            if size == 1 and is_known_word(words[0][2]):
                return None
            surely = (
                _with_form(found, index + size)
                or _set_off(text, words)
                or (size > 1 and _written_as_a_name(text, words))
            )
            return (size, set(hit)) if surely else None
        return None

    def place_at(
        self, text: str, found: list[Word], index: int, said_after: SaidAfter
    ) -> tuple[int, set[str]] | None:
        """An organisation named by its first words where they are words of place alone ("Grand
        River" of Grand River Grain & Cattle LLC), only where a place is surely not meant: each
        word capitalised, and with its legal form ("Grand River LLC"), as a possessive ("Grand
        River's lender"), set off as the client a line is about ("Grand River - …", "the Grand
        River file"), or followed by a word of its own matter ("Grand River Ch 12 plan"). "From
        Park City" and "Red River served us" stay places and parties."""
        for size in range(_LONGEST_PART, 1, -1):
            words = found[index : index + size]
            key = squashed_key(tuple(w[2] for w in words))
            hit = self._places.get(key) if len(words) == size else None
            if not hit or not all(text[w[0]].isupper() for w in words):
                continue
            after = index + size
            surely = (
                _with_form(found, after)
                or possessive_named(text, found, after - 1)
                or _set_off(text, words)
                or said_after(hit, words[-1][1])
            )
            return (size, set(hit)) if surely else None
        return None

    def tail_size(self, text: str, found: list[Word], after: int, hit: set[str]) -> int:
        """How many of the words after an organisation's name are still its name ("co-op",
        "tenants assoc"); 0 after a person's."""
        tails = [self._tails.get(number) for number in hit]
        size = 0
        while after + size < len(found) and all(tails):
            start, _, word = found[after + size]
            gap = text[found[after + size - 1][1] : start]
            if len(gap) > 2 or gap.strip(" -'") or not all(
                squashed(word) in tail for tail in tails if tail
            ):
                break
            size += 1
        return size

    def another_at(self, text: str, found: list[Word], after: int, hit: set[str]) -> bool:
        """Whether the capitalised words after an organisation's short form go on to name
        another organisation: "Queen City Revenue Services" is a collector, not the client Queen
        City Drivers Cooperative (words of neither its name nor its tail, then a company's)."""
        tails = [self._tails.get(number) for number in hit]
        if not all(tails):
            return False
        for index in range(after, min(after + _LONGEST_PART, len(found))):
            start, _, word = found[index]
            if text[found[index - 1][1] : start] != " " or not text[start].isupper():
                return False
            if any(squashed(word) in tail for tail in tails if tail):
                return False
            if word in _COMPANY_NOUNS:
                return True
        return False


def _with_form(found: list[Word], after: int) -> bool:
    # "Pierogi co", "Grand River LLC": the legal form right after the words.
    return (
        0 < after < len(found)
        and found[after][0] - found[after - 1][1] <= 1
        and found[after][2] in FORM_WORDS
    )


def _set_off(text: str, words: list[Word]) -> bool:
    # "Pierogi — …", "the Pierogi file": capitalised as the client a line is about.
    start, end = words[0][0], words[-1][1]
    return (
        text[start].isupper() and in_topic_slot(text, (start, end, words[-1][2]))
    ) or named_as_a_file(text, start, end)


def _written_as_a_name(text: str, words: list[Word]) -> bool:
    """Whether several words are written as a proper name inside a sentence: each capitalised,
    or an article opening it ("sued La Espiga", "la Espiga"); not only capitalised to open one."""
    first = words[0]
    capitalised = all(text[w[0]].isupper() for w in words[1:])
    opening = text[first[0]].isupper() or first[2] in ARTICLES
    return capitalised and opening and (len(words) > 1 or not opens_clause(text, first[0]))

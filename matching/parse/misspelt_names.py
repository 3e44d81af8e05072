"""Clients' names misspelt or misheard: a typo of a surname, a client's given name before a near
spelling of their surname ("gerald prewitt" for Gerald Pruitt)."""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz.distance import OSA

from matching.parse.name_roles import NAME, Named
from matching.parse.words import FUZZY_MIN_LETTERS, Word, closest_spelling, squashed

__all__ = ["Misspellings"]

_SHORTEST_MISHEARD = 4  # "wong" for Hoang; a shorter word is too easily another
# A surname written in lower case after the given name is dictated or typed in haste: two edits
# ("prewitt" for Pruitt); a capitalised one is spelt with care: one.
_MISHEARD_EDITS, _MISTYPED_EDITS = 2, 1


class Misspellings:
    """Clients' surnames as a typo or a mishearing may spell them."""

    def __init__(self) -> None:
        self._by_surname: dict[str, set[str]] = {}
        # Per given name, its clients' surnames and their matters: "gerald" -> {"pruitt": …}.
        self._by_given: dict[str, dict[str, set[str]]] = {}
        self._spellings: list[str] = []

    def add(self, number: str, surname: str, givens: frozenset[str]) -> None:
        """Index a client's matter by a one-word surname (or an organisation's word) and, for a
        person, by their given names."""
        self._by_surname.setdefault(surname, set()).add(number)
        for given in givens:
            self._by_given.setdefault(given, {}).setdefault(surname, set()).add(number)

    def seal(self, typo_ok: Callable[[str], bool]) -> None:
        """Fix the surnames a typo alone may name: long enough, and `typo_ok` (no name written
        family first: "Thanh" is another name than Thang)."""
        self._spellings = sorted(
            s for s in self._by_surname if len(s) >= FUZZY_MIN_LETTERS and typo_ok(s)
        )

    def names(
        self, text: str, found: list[Word], is_known_word: Callable[[str], bool]
    ) -> list[Named]:
        """The capitalised words that are a typo of one client's surname: a proper noun with a
        typo, not an ordinary word, nor a name read already and set aside."""
        named: list[Named] = []
        for start, end, word in found:
            if (
                squashed(word) in self._by_surname
                or len(word) < FUZZY_MIN_LETTERS
                or not word.isalpha()
                or not text[start].isupper()
                or is_known_word(word)
            ):
                continue
            near = closest_spelling(word, self._spellings)
            if near:
                named.append(Named(self._by_surname[near], (start, end), (start, end), NAME))
        return named

    def full_name_at(
        self, text: str, found: list[Word], index: int, is_known_word: Callable[[str], bool]
    ) -> set[str]:
        """The matters of the one client whose given name is the word at `index` and whose
        surname the next word is a near spelling of ("gerald prewitt", "Kim Hoan"); else none."""
        surnames = self._by_given.get(squashed(found[index][2]))
        if not surnames or index + 1 >= len(found):
            return set()
        start, end, word = found[index + 1]
        if (
            start - found[index][1] != 1
            or len(word) < _SHORTEST_MISHEARD
            or not word.isalpha()
            or is_known_word(word)
        ):
            return set()
        lower = not text[found[index][0]].isupper() and not text[start].isupper()
        edits = _MISHEARD_EDITS if lower else _MISTYPED_EDITS
        near = [s for s in surnames if OSA.distance(squashed(word), s) <= edits]
        return set(surnames[near[0]]) if len(near) == 1 else set()

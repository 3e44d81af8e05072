"""Matter references in delegation text: matter numbers and client names, typos and all."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from matching.model import MatterRef
from matching.parse.words import FUZZY_MIN_LETTERS, Span, Word, closest_spelling, inside, name_words
from matching.text import fold

__all__ = [
    "AMBIGUOUS_MATTER_WARNING",
    "SEVERAL_MATTERS_WARNING",
    "MatterFinding",
    "Matters",
    "named_clients",
]

AMBIGUOUS_MATTER_WARNING = "the client name fits more than one matter; give the matter number"
SEVERAL_MATTERS_WARNING = "the text names more than one matter; give one matter number"

# A run with a digit ("2026-0113", "lit-2025-007"), maybe after a word prefix ("LIT 2025-007").
_NUMBER_LIKE = re.compile(
    r"(?<![a-z0-9])(?P<prefix>[a-z]{1,8} )?"
    r"(?P<number>(?=[a-z0-9./_-]*\d)[a-z0-9]+(?:[-./_][a-z0-9]+)*)"
)
_HAS_DIGIT = re.compile(r"\d")
_NUMBER_LEAD = re.compile(r"(?:\bmatter\s*(?:no\.?|number|num|#)?\s*#?|#)\s*$")
_SEPARATORS = re.compile(r"[-./_]")
_COMPANY_SUFFIXES = frozenset(
    {"llc", "inc", "corp", "co", "ltd", "lp", "llp", "pllc", "pa", "pc", "company", "corporation"}
)
_MATTER_FILE = frozenset({"file", "files"})
_CAPTION_SIDE = re.compile(r"\s+(?:v|vs)\.?\s+\w", re.IGNORECASE)
_POSSESSIVE_MARKS = frozenset({"", "'s", "'", "\u2019s", "\u2019"})
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
_SURNAME_PARTICLES = frozenset(
    {"de", "la", "del", "della", "van", "von", "der", "da", "di", "le", "du", "dos", "das", "st",
     "mac", "al", "el", "bin", "ter", "ten"}
)  # fmt: skip


def _number_key(written: str) -> tuple[str, ...]:
    # "2026-0113", "2026/113" and "#2026-0113" are one number; "2026-01-13" is a date.
    return tuple(part.lstrip("0") or "0" for part in _SEPARATORS.split(written) if part)


def _surnames(client_name: str) -> set[tuple[str, ...]]:
    """How a client may be named by surname: "Garcia", "de la Cruz", "Rao" of "Banerjee-Rao"."""
    name = name_words(client_name)
    keys = _surname_keys(name)
    last_written = client_name.split()[-1] if client_name.split() else ""
    if "-" in last_written and len(name) > 1:
        keys |= {(part,) for part in name_words(last_written.replace("-", " "))}
        keys.add(name_words(last_written))
    return keys


def _surname_keys(name: tuple[str, ...]) -> set[tuple[str, ...]]:
    if name and name[-1] in _COMPANY_SUFFIXES:
        core = name[:-1]
        return {core, core[:1]} if core else set()
    if len(name) > 1 and name[-1] in _GENERATIONS:
        name = name[:-1]
    if len(name) <= 1:
        return {name} if name else set()
    keys = {name[-1:]}
    particle = next((i for i in range(1, len(name)) if name[i] in _SURNAME_PARTICLES), None)
    if particle is not None:
        keys.add(name[particle:])
    return keys


@dataclass(frozen=True, slots=True)
class MatterFinding:
    number: str | None
    number_spans: list[Span]
    name_spans: list[Span]  # the client names themselves
    mask_spans: list[Span]  # the names with their "file": words no task type may use
    warning: str | None


class Matters:
    """Matter numbers and client names, indexed for lookup in text."""

    def __init__(self, matters: Sequence[MatterRef]) -> None:
        self._by_number: dict[tuple[str, ...], set[str]] = {}
        self._by_full_name: dict[tuple[str, ...], set[str]] = {}
        self._by_surname: dict[tuple[str, ...], set[str]] = {}
        self.first_names: set[str] = set()
        self.name_words: set[str] = set()
        # Words of the matters' titles: the parties to the firm's cases ("Midland", "Cavalry").
        self.party_words: set[str] = set()
        for matter in matters:
            self.party_words.update(name_words(matter.title))
            key = _number_key(fold(matter.number))
            for variant in {key, ("".join(key),)}:
                self._by_number.setdefault(variant, set()).add(matter.number)
            name = name_words(matter.client_name)
            self.name_words.update(name)
            if len(name) > 1:
                self._by_full_name.setdefault(name, set()).add(matter.number)
                self._by_full_name.setdefault((name[0], name[-1]), set()).add(matter.number)
                self.first_names.add(name[0])
            for surname in _surnames(matter.client_name):
                self._by_surname.setdefault(surname, set()).add(matter.number)
        self._longest_name = max(map(len, [*self._by_full_name, *self._by_surname]), default=0)
        self._name_starts = {key[0] for key in [*self._by_full_name, *self._by_surname]}
        self._surname_spellings = sorted(
            s[0] for s in self._by_surname if len(s) == 1 and len(s[0]) >= FUZZY_MIN_LETTERS
        )

    def find(
        self,
        text: str,
        folded: str,
        found: list[Word],
        excluded: list[Span],
        is_known_word: Callable[[str], bool],
    ) -> MatterFinding:
        numbers, number_spans = self._numbers(folded)
        kept = [w for w in found if not inside(w[0], excluded)]
        hits, name_spans, mask_spans = self._names(text, kept, is_known_word)
        if not numbers and not hits:
            hits, name_spans = self._misspelt_names(text, kept, is_known_word)
            mask_spans = name_spans
        if len(numbers) > 1:
            return MatterFinding(
                None, number_spans, name_spans, mask_spans, SEVERAL_MATTERS_WARNING
            )
        if numbers:
            return MatterFinding(numbers.pop(), number_spans, name_spans, mask_spans, None)
        number, ambiguous = _one_matter(hits)
        if ambiguous:
            # "the 3-page letter for Green": a capitalised name outweighs a lower-case word that
            # happens to be another client's surname (Page).
            capitalised = [
                h for h, (s, _) in zip(hits, name_spans, strict=True) if text[s].isupper()
            ]
            if 0 < len(capitalised) < len(hits):
                number, ambiguous = _one_matter(capitalised)
        warning = AMBIGUOUS_MATTER_WARNING if ambiguous else None
        return MatterFinding(number, number_spans, name_spans, mask_spans, warning)

    def _numbers(self, folded: str) -> tuple[set[str], list[Span]]:
        numbers: set[str] = set()
        spans: list[Span] = []
        for match in _NUMBER_LIKE.finditer(folded) if _HAS_DIGIT.search(folded) else ():
            start = match.start()
            found = self._by_number.get(_number_key(match.group().replace(" ", "-")))
            if not found:
                start = match.start("number")
                found = self._by_number.get(_number_key(match["number"]))
            if not found:
                continue
            numbers |= found
            lead = _NUMBER_LEAD.search(folded, max(0, start - 20), start)
            spans.append((lead.start() if lead else start, match.end()))
        return numbers, spans

    def _names(
        self, text: str, found: list[Word], is_known_word: Callable[[str], bool]
    ) -> tuple[list[set[str]], list[Span], list[Span]]:
        hits: list[set[str]] = []
        spans: list[Span] = []
        masks: list[Span] = []
        index = 0
        while index < len(found):
            size = self._name_at(found, index)
            if (
                size == 1
                and _ordinary_word(text, found[index], is_known_word)
                and not _in_caption(text, found[index])
            ):
                size = 0
            if size:
                key = tuple(w[2] for w in found[index : index + size])
                hits.append(self._by_full_name.get(key) or self._by_surname[key])
                spans.append((found[index][0], found[index + size - 1][1]))
                # "the Garcia file" is the matter's file, not something to file with a court.
                if index + size < len(found) and _files_of(
                    text, found[index + size - 1], found[index + size]
                ):
                    size += 1
                masks.append((found[index][0], found[index + size - 1][1]))
                index += size
            else:
                index += 1
        return hits, spans, masks

    def _name_at(self, found: list[Word], index: int) -> int:
        if found[index][2] not in self._name_starts:
            return 0
        for size in range(min(self._longest_name, len(found) - index), 0, -1):
            key = tuple(w[2] for w in found[index : index + size])
            if (size > 1 and key in self._by_full_name) or key in self._by_surname:
                return size
        return 0

    def _misspelt_names(
        self, text: str, found: list[Word], is_known_word: Callable[[str], bool]
    ) -> tuple[list[set[str]], list[Span]]:
        # Only capitalised words are tried: a proper noun with a typo, not an ordinary word.
        hits: list[set[str]] = []
        spans: list[Span] = []
        for start, end, word in found:
            if (
                len(word) < FUZZY_MIN_LETTERS
                or not word.isalpha()
                or not text[start].isupper()
                or is_known_word(word)
            ):
                continue
            near = closest_spelling(word, self._surname_spellings)
            if near:
                hits.append(self._by_surname[(near,)])
                spans.append((start, end))
        return hits, spans


def named_clients(folded: str, name_spans: list[Span]) -> list[Span]:
    # "Garcia's statements" are the client's things, not the client.
    return [(s, e) for s, e in name_spans if not folded.startswith("'", e)]


def _files_of(text: str, name: Word, following: Word) -> bool:
    # "the Garcia file", "Garcia's file"; not "re: Garcia - file the motion".
    between = text[name[1] : following[0]].strip()
    return following[2] in _MATTER_FILE and between in _POSSESSIVE_MARKS


def _ordinary_word(text: str, word: Word, is_known_word: Callable[[str], bool]) -> bool:
    # A client called Day or Rush is named "Day"; "end of day" and "no rush" are not about them.
    start, _, spelled = word
    return text[start].islower() and is_known_word(spelled)


def _in_caption(text: str, word: Word) -> bool:
    # "call v jefferson capital": a party to a case, even in lower case.
    return _CAPTION_SIDE.match(text, word[1]) is not None


def _one_matter(hits: list[set[str]]) -> tuple[str | None, bool]:
    """The one matter the names point to: a definite name decides what an ambiguous one meant."""
    if not hits:
        return None, False
    definite = {next(iter(h)) for h in hits if len(h) == 1}
    if len(definite) == 1:
        number = next(iter(definite))
        if all(number in h for h in hits):
            return number, False
    return None, True

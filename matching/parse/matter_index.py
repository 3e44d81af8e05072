"""Matter numbers and client names, indexed: the tables a text's matters are looked up in."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matching.model import MatterRef
from matching.parse.client_names import (
    family_name_first,
    given_names,
    number_key,
    organisation,
    organisation_keys,
    squashed_key,
    surnames,
    titled_surnames,
)
from matching.parse.family_first import FamilyFirstNames
from matching.parse.matter_cues import (
    NOT_PARTY_WORDS,
    caption_initialisms,
    client_side,
    practice_cues,
)
from matching.parse.misspelt_names import Misspellings
from matching.parse.organisation_names import OrganisationNames
from matching.parse.words import name_words, squashed
from matching.text import fold

__all__ = ["MatterIndex"]

_IN_RE = re.compile(r"\bin\s+re\b")


class MatterIndex:
    """Matter numbers and client names, indexed for lookup in text."""

    def __init__(self, matters: Sequence[MatterRef]) -> None:
        self._by_number: dict[tuple[str, ...], set[str]] = {}
        self._by_full_name: dict[tuple[str, ...], set[str]] = {}
        # Surnames, and the distinctive parts of organisations' names.
        self._by_surname: dict[tuple[str, ...], set[str]] = {}
        # Organisations' other short forms, their client only where a name is surely meant.
        self._organisations = OrganisationNames()
        # Per matter, the words of its title that name the other parties ("midland", "freight").
        self._parties: dict[str, frozenset[str]] = {}
        # Per matter, its client's name and the words that tell it from the client's others:
        # its parties, its practice ("bankruptcy", "chapter 7").
        self._clients: dict[str, tuple[str, ...]] = {}
        self._cues: dict[str, frozenset[str]] = {}
        # Per matter, the side of its caption its client stands on; the bankruptcies "In re" X.
        self._sides: dict[str, int] = {}
        self._in_re: set[str] = set()
        # Clients' given names ("walter", "june" of "Walter and June Pemberton"), per matter, and
        # the matters of each given name that is no client's surname.
        self._given_names: dict[str, frozenset[str]] = {}
        self._given_name_matters: dict[str, set[str]] = {}
        # Two words that begin or continue a party's name in a title ("jefferson capital" of
        # "Fields v. Jefferson Capital Systems"): a client's surname before them is the party's.
        self._party_pairs: set[tuple[str, str]] = set()
        self.first_names: set[str] = set()
        self._family_first = FamilyFirstNames()
        self._misspellings = Misspellings()
        self.name_words: set[str] = set()
        # Words of the matters' titles: the parties to the firm's cases ("Midland", "Cavalry").
        self.party_words: set[str] = set()
        for matter in matters:
            self._index(matter)
        self._by_given_name = {
            given: numbers
            for given, numbers in self._given_name_matters.items()
            if (given,) not in self._by_surname
        }
        # The words a client is named by: surnames and organisations' distinctive parts; a
        # word of a longer key only if the name has it ("ha" of "Harbor Point HA" is initials).
        self.surname_words = {
            word for key in self._by_surname for word in key
            if len(key) == 1 or word in self.name_words
        }  # fmt: skip
        self._longest_name = max(map(len, [*self._by_full_name, *self._by_surname]), default=0)
        self._name_starts = {key[0] for key in [*self._by_full_name, *self._by_surname]}
        # Words a client's name may start with: most words of a text start none, passed over.
        parts = self._organisations.starts()
        self._hit_starts = frozenset([*self._name_starts, *parts, *self._by_given_name])
        self._single_surnames = frozenset(key[0] for key in self._by_surname if len(key) == 1)
        self._misspellings.seal(lambda surname: surname not in self._family_first)

    def _index(self, matter: MatterRef) -> None:
        title = name_words(matter.title)
        self.party_words.update(title)
        key = number_key(fold(matter.number))
        for variant in {key, ("".join(key),)}:
            self._by_number.setdefault(variant, set()).add(matter.number)
        name = name_words(matter.client_name)
        self.name_words.update(name)
        self._party_pairs |= {
            (squashed(first), squashed(second)) for first, second in zip(title, title[1:])
            if first not in name and not {first, second} & NOT_PARTY_WORDS
        }  # fmt: skip
        self._parties[matter.number] = (
            frozenset(title) - set(name) - NOT_PARTY_WORDS
        ) | caption_initialisms(matter.title, name)
        self._clients[matter.number] = name
        self._sides[matter.number] = client_side(matter.title, name)
        if _IN_RE.search(fold(matter.title)):
            self._in_re.add(matter.number)
        self._cues[matter.number] = practice_cues(fold(matter.title), self._parties[matter.number])
        family_first = family_name_first(matter.client_name)
        titled = titled_surnames(matter.client_name, matter.title)
        if len(name) > 1:
            # "Nguyen Van Hung", "Nguyen Hung" and "Hung Nguyen" of "Nguyễn Văn Hùng";
            # "Lucia Ramirez" of "Lucía Ramírez Soto" where the title names her Ramírez.
            fulls = {name, (name[0], name[-1])} | {(name[0], *key) for key in titled}
            if name[-2:] in titled:
                fulls.add(name[:-1])  # "Juan Carlos Huanca" of "Juan Carlos Huanca Lima"
            fulls |= self._family_first.add(name) if family_first else set()
            for full in fulls:
                self._by_full_name.setdefault(squashed_key(full), set()).add(matter.number)
            self.first_names.add(name[-1] if family_first else name[0])
        core = organisation(matter.client_name)
        givens = frozenset({squashed(name[-1])}) if family_first else given_names(name)
        self._given_names[matter.number] = givens if core is None else frozenset()
        for given in self._given_names[matter.number]:
            self._given_name_matters.setdefault(given, set()).add(matter.number)
        if core is not None:
            self._organisations.add(matter.number, core, name)
        short = organisation_keys(core) if core else surnames(matter.client_name) | titled
        for surname in short:
            key = squashed_key(surname)
            self._by_surname.setdefault(key, set()).add(matter.number)
            if len(key) == 1:
                self._misspellings.add(matter.number, key[0], self._given_names[matter.number])

"""Matter references in delegation text: matter numbers and client names, typos and all."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from matching.parse import asked_why as why
from matching.parse.client_names import (
    number_key,
    squashed_key,
)
from matching.parse.honorifics import honoured
from matching.parse.matter_cues import (
    BANKRUPTCY,
    BANKRUPTCY_WORK,
    CHAPTER_CUE,
    KIN_WARNING,
    bankruptcy_caption,
    caption_party,
    caption_side,
    in_caption,
    kin_named,
    near_cues,
    says_all_cases,
    settled_by_caption,
    sure_cues,
    text_cues,
    told_cases,
)
from matching.parse.matter_index import MatterIndex
from matching.parse.name_places import (
    files_of,
    in_topic_slot,
    names_a_family,
    opens_clause,
    ordinary_word,
    possessive_named,
)
from matching.parse.name_roles import (
    ANOTHER_PERSON,
    ANOTHER_PERSON_WARNING,
    DOUBTS,
    GIVEN_NAME,
    GIVEN_NAME_WARNING,
    NAME,
    OTHER_GIVEN_NAME,
    RELATIVE_WARNING,
    SET_ASIDE,
    Named,
    after_another_given_name,
    another_person,
    borrowed_kind,
    relative_kind,
    set_aside,
    weighed,
)
from matching.parse.several_matters import done_only_warning, main_ask_matter, one_matter
from matching.parse.words import (
    Span,
    Word,
    inside,
    squashed,
)
from matching.text import fold

__all__ = [
    "ANOTHER_PERSON_WARNING",
    "GIVEN_NAME_WARNING",
    "RELATIVE_WARNING",
    "MatterFinding",
    "Matters",
    "named_clients",
]

# The words after a client's name where a party or practice tells their matters apart: "the
# Pruitt FCRA case", "Baca's borrower defense".
_CUE_REACH = 3

# A run with a digit ("2026-0113", "lit-2025-007"), maybe after a word prefix ("LIT 2025-007").
_NUMBER_LIKE = re.compile(
    r"(?<![a-z0-9])(?P<prefix>[a-z]{1,8} )?"
    r"(?P<number>(?=[a-z0-9./_-]*\d)[a-z0-9]+(?:[-./_][a-z0-9]+)*)"
)
_HAS_DIGIT = re.compile(r"\d")
_NUMBER_LEAD = re.compile(r"(?:\bmatter\s*(?:no\.?|number|num|#)?\s*#?|#)\s*$")
# A surname said again in brackets with the given name: "Whitaker (Darnell)".
_BRACKETED_GIVEN_NAME = re.compile(r"\s*\((?P<name>[A-Za-z][\w'-]*)\)")
_SHORTEST_FAMILY = 5  # "the Reeds"; "the fields" or "pages 3-5" name no family
_POSSESSIVE_ENDINGS = ("'s", "\u2019s", "'", "\u2019")


@dataclass(frozen=True, slots=True)
class MatterFinding:
    number: str | None
    number_spans: list[Span]
    name_spans: list[Span]  # the client names themselves
    mask_spans: list[Span]  # the names with their "file": words no task type may use
    warning: str | None


class Matters(MatterIndex):
    """Matter numbers and client names, found in text."""

    def find(
        self,
        text: str,
        folded: str,
        found: list[Word],
        excluded: list[Span],
        is_known_word: Callable[[str], bool],
        fields: Sequence[Span] = (),
    ) -> MatterFinding:
        """The matter the text names, and where it names matters and clients. A form's field
        for the matter (`fields`: "Client: Harriet Quimby", "Matter: Apex v. Quimby") settles
        it where it names one: the notes may name other clients as models or news."""
        numbers, number_spans = self._numbers(folded)
        kept = [w for w in found if not inside(w[0], excluded)] if excluded else list(found)
        read = self._names(text, kept, is_known_word)
        named = [n for n in weighed(read, folded) if n.kind not in DOUBTS]
        if not numbers and not read:
            named = self._misspellings.names(text, kept, is_known_word)
        number, warning = self._decided(
            text, folded, numbers, named, kept, excluded, is_known_word
        )
        if fields:
            told = self._told_by_field(text, folded, named, kept, excluded, is_known_word, fields)
            number, warning = (told, None) if told else (number, warning)
        if number is None and warning is None:
            warning = next((DOUBTS[n.kind] for n in read if n.kind in DOUBTS), None)
        # A given name helps decide but stays a word of the text: "call Corey" is no "call client".
        clients = [n for n in named if n.kind != GIVEN_NAME]
        return MatterFinding(
            number, number_spans, [n.span for n in clients], [n.mask for n in clients], warning
        )

    def _decided(
        self,
        text: str,
        folded: str,
        numbers: set[str],
        named: list[Named],
        found: list[Word],
        people: list[Span],
        is_known_word: Callable[[str], bool],
    ) -> tuple[str | None, str | None]:
        """The matter the numbers and names point to, or why none is taken."""
        if len(numbers) > 1:
            return None, why.SEVERAL_MATTERS_WARNING
        if numbers:
            return next(iter(numbers)), None
        if named and all(n.kind == GIVEN_NAME for n in named):
            # "Sunita's stuff": the client's given name alone, which DOMAIN.md's forms leave out.
            return None, GIVEN_NAME_WARNING.format(name=text[slice(*named[0].span)])
        guessed: set[str] = set()
        hits = [self._settled_by_practice(folded, found, n, guessed) for n in named]
        spans = [n.span for n in named]
        number, ambiguous = one_matter(hits)
        if number in guessed and not any(n.matters == {number} for n in named):
            return number, why.CONTEXT_GUESS_WARNING
        if number and not ambiguous and (warning := done_only_warning(text, folded, spans)):
            return number, warning
        if number and not ambiguous and (kin := kin_named(text, spans)):
            return None, KIN_WARNING.format(name=kin)
        if ambiguous:
            # "the 3-page letter for Green": a capitalised name outweighs a lower-case word that
            # happens to be another client's surname (Page).
            capitalised = [h for h, (s, _) in zip(hits, spans, strict=True) if text[s].isupper()]
            if 0 < len(capitalised) < len(hits):
                number, ambiguous = one_matter(capitalised)
        if ambiguous and len({next(iter(h)) for h in hits if len(h) == 1}) > 1:
            number = main_ask_matter(text, folded, hits, spans, people, is_known_word)
            return number, None if number else why.SEVERAL_MATTERS_WARNING
        return number, why.AMBIGUOUS_MATTER_WARNING if ambiguous else None

    def _told_by_field(
        self,
        text: str,
        folded: str,
        named: list[Named],
        found: list[Word],
        people: list[Span],
        is_known_word: Callable[[str], bool],
        fields: Sequence[Span],
    ) -> str | None:
        """The one matter the numbers and names inside the form's matter fields settle; None
        when they name none, or several, or leave a doubt."""
        numbers: set[str] = set()
        for start, end in fields:
            numbers |= self._numbers(folded, start, end)[0]
        spans = list(fields)
        within = [n for n in named if inside(n.span[0], spans)]
        if not numbers and not within:
            return None
        number, warning = self._decided(
            text, folded, numbers, within, found, people, is_known_word
        )
        return number if warning is None else None

    def _numbers(
        self, folded: str, begin: int = 0, stop: int | None = None
    ) -> tuple[set[str], list[Span]]:
        numbers: set[str] = set()
        spans: list[Span] = []
        stop = len(folded) if stop is None else stop
        said = _NUMBER_LIKE.finditer(folded, begin, stop) if _HAS_DIGIT.search(folded) else ()
        for match in said:
            start = match.start()
            found = self._by_number.get(number_key(match.group().replace(" ", "-")))
            if not found:
                start = match.start("number")
                found = self._by_number.get(number_key(match["number"]))
            if not found:
                continue
            numbers |= found
            lead = _NUMBER_LEAD.search(folded, max(0, start - 20), start)
            spans.append((lead.start() if lead else start, match.end()))
        return numbers, spans

    def _names(
        self, text: str, found: list[Word], is_known_word: Callable[[str], bool]
    ) -> list[Named]:
        named: list[Named] = []
        index = 0
        starts, singles = self._hit_starts, self._single_surnames
        while index < len(found):
            # No name, part of an organisation's, given name or family starts at most words.
            said = squashed(found[index][2])
            plural = said[-1:] == "s" and not singles.isdisjoint((said[:-1], said[:-2]))
            if said not in starts and not plural:
                index += 1
                continue
            size, kind, hit = self._client_at(text, found, index, is_known_word)
            if not size:
                index += 1
                continue
            if len(hit) > 1:
                hit = self._settled_by_caption(text, found, index, size, hit)
                hit = self._settled_by_given_name(text, found[index + size - 1], hit)
            if self._organisations.another_at(text, found, index + size, hit):
                index += size  # "Queen City Revenue Services": another organisation
                continue
            size += self._organisations.tail_size(text, found, index + size, hit)
            span = (found[index][0], found[index + size - 1][1])
            if kind == NAME:
                kind = self._kind_of_name(text, found, index, span, hit, is_known_word)
            elif set_aside(text, span):
                kind = SET_ASIDE  # "the LVNV one, not Lavonne's"
            # "the Garcia file" is the matter's file, not something to file with a court.
            if index + size < len(found) and files_of(
                text, found[index + size - 1], found[index + size]
            ):
                size += 1
            named.append(Named(hit, span, (span[0], found[index + size - 1][1]), kind))
            index += size
        return named

    def _client_at(
        self, text: str, found: list[Word], index: int, is_known_word: Callable[[str], bool]
    ) -> tuple[int, str, set[str]]:
        """How many words at `index` name a client, how surely, and the client's matters: a
        surname or full name ("the banks thing" and "tran's 341" though words; not "end of day"
        nor "Jefferson Capital", a party to a case), a given name, or a family ("the Reeds")."""
        size = self._name_at(found, index)
        if (
            size == 1
            and ordinary_word(text, found[index], is_known_word)
            and not in_caption(text, found[index])
            and not in_topic_slot(text, found[index])
            and not possessive_named(text, found, index)
        ):
            size = 0
        if size and self._starts_a_party(text, found, index + size - 1):
            return 0, NAME, set()
        if size:
            key = squashed_key(tuple(w[2] for w in found[index : index + size]))
            hit = self._by_full_name.get(key) or self._by_surname[key]
            if size == 1 and self._organisations.clipped_alone(text, found, index, hit):
                return 0, NAME, set()
            return size, NAME, hit
        part = self._organisations.inner_at(
            text, found, index, is_known_word, self._is_name_key
        ) or self._organisations.place_at(text, found, index, self._said_after(text, found))
        if part:
            return part[0], NAME, part[1]
        misheard = self._misspellings.full_name_at(text, found, index, is_known_word)
        if misheard:
            return 2, NAME, misheard  # "gerald prewitt" for Gerald Pruitt
        if self._given_name_at(text, found, index, is_known_word):
            # "Don Efraín", "doña Marta": a given name after a Spanish honorific names the person
            kind = NAME if honoured(text, found, index) else GIVEN_NAME
            return 1, kind, self._by_given_name[squashed(found[index][2])]
        family = self._family_at(text, found, index, is_known_word)
        return (1, NAME, family) if family else (0, NAME, set())

    def _is_name_key(self, key: tuple[str, ...]) -> bool:
        return key in self._by_surname or key in self._by_full_name

    def _said_after(self, text: str, found: list[Word]) -> Callable[[set[str], int], bool]:
        """Whether the words right after a name (ending at `end`) say a word of one of its
        matters (`hit`): a party, the practice or the chapter ("Grand River Ch 12 plan")."""

        def said(hit: set[str], end: int) -> bool:
            near = near_cues(fold(text), found, end, _CUE_REACH)
            return any(not self._cues[number].isdisjoint(near) for number in hit)

        return said

    def _kind_of_name(
        self,
        text: str,
        found: list[Word],
        index: int,
        span: Span,
        hit: set[str],
        is_known_word: Callable[[str], bool],
    ) -> str:
        """How surely a surname or full name names its client's matter: through a relative
        ("Nunn's sister"), or not, when the relative is given a name of their own ("Nunn's
        sister (Ada Bell)"); a namesake ("Ms. Odessa Pruitt"); another matter used as a model
        ("use Fifita's as a template", "same facts as Fifita") or as a prospect's referrer."""
        relative = relative_kind(text, span)
        if relative is not None:
            return relative
        givens = [self._given_names[n] for n in hit]
        names = [self._clients[n] for n in hit]
        if another_person(text, found, index, givens, is_known_word) or self._family_first.another(
            text, found, index, span, names, is_known_word
        ):
            return ANOTHER_PERSON
        borrowed = borrowed_kind(text, span)
        if (
            borrowed is None
            and all(givens)  # a person's: an organisation has no given names
            and after_another_given_name(text, found, index, givens, is_known_word)
        ):
            return OTHER_GIVEN_NAME
        return borrowed or NAME

    def _starts_a_party(self, text: str, found: list[Word], last: int) -> bool:
        # "Jefferson Capital", "Magnolia State Lending": the name goes on as a party's to a case.
        after = last + 1
        return (
            after < len(found)
            and found[after][0] - found[last][1] <= 1
            and (squashed(found[last][2]), squashed(found[after][2])) in self._party_pairs
        )

    def _settled_by_given_name(self, text: str, last: Word, hit: set[str]) -> set[str]:
        """The one of `hit`'s matters whose client has the given name after the surname in
        brackets ("Whitaker (Darnell)"); else `hit`."""
        given = _BRACKETED_GIVEN_NAME.match(text, last[1])
        if given is None:
            return hit
        said = squashed(fold(given["name"]))
        fits = {number for number in hit if said in self._given_names[number]}
        return fits if len(fits) == 1 else hit

    def _family_at(
        self, text: str, found: list[Word], index: int, is_known_word: Callable[[str], bool]
    ) -> set[str] | None:
        """A person client's family by the plural of their surname, where a family is surely
        meant: "The Reeds dropped off …", "reeds - trustee wants …", "boldens want to know …"
        ("the fields" or "pages 3-5" name no one)."""
        word = found[index][2]
        if len(word) < _SHORTEST_FAMILY or not word.endswith("s") or is_known_word(word):
            return None
        singulars = (word[:-1], word[:-2]) if word.endswith("es") else (word[:-1],)
        hits = [self._by_surname.get((squashed(singular),)) for singular in singulars]
        # A person's surname: an organisation has no given names.
        hit = next((h for h in hits if h and all(self._given_names[n] for n in h)), None)
        if hit is None:
            return None
        return hit if names_a_family(text, found, index) else None

    def _given_name_at(
        self, text: str, found: list[Word], index: int, is_known_word: Callable[[str], bool]
    ) -> bool:
        """Whether the word at `index` may name a client by a given name ("Sunita's stuff",
        "shonda's car", "call Mateo"): not a staff member's or a known word, not followed by
        some other surname ("Sunita Rao"), and where a name is surely meant: a possessive, a
        capitalised word inside a sentence, or the client a line is about ("Mateo — …").
        "Will you …" and "to be frank" name no client."""
        start, end, word = found[index]
        if squashed(word) not in self._by_given_name or is_known_word(word):
            return False
        following = found[index + 1] if index + 1 < len(found) else None
        if (
            following is not None
            and following[0] - end == 1
            and text[following[0]].isupper()
            and text[start].isupper()
        ):
            return False
        return (
            text.startswith(_POSSESSIVE_ENDINGS, end)
            or (text[start].isupper() and not opens_clause(text, start))
            or in_topic_slot(text, found[index])
        )

    def _name_at(self, found: list[Word], index: int) -> int:
        if squashed(found[index][2]) not in self._name_starts:
            return 0
        for size in range(min(self._longest_name, len(found) - index), 0, -1):
            key = squashed_key(tuple(w[2] for w in found[index : index + size]))
            if (size > 1 and key in self._by_full_name) or key in self._by_surname:
                return size
        return 0

    def _settled_by_caption(
        self, text: str, found: list[Word], index: int, size: int, hit: set[str]
    ) -> set[str]:
        """The one of `hit`'s matters whose title holds the other party of a caption around the
        name ("Midland v. Kwan", "Kwan v. Harbor Freight"); else `hit`."""
        if bankruptcy_caption(found, index):
            fits = {n for n in hit if n in self._in_re}
            if len(fits) == 1:
                return fits
        other = caption_party(text, found, index, size)
        if not other:
            return hit
        scores = {n: len(self._parties[n] & other) for n in hit}
        return settled_by_caption(scores, self._sides, caption_side(found, index, size)) or hit

    def _settled_by_practice(
        self, folded: str, found: list[Word], named: Named, guessed: set[str]
    ) -> set[str]:
        """The one of a client's matters that the text's other words point to: "the Mbatha ch. 7",
        "Whitehurst's trustee", "the Pruitt FCRA case"; else `hit`. A surname two clients share
        is settled by their full name, a caption, or a party said to tell the cases apart ("the
        LVNV one", "the Midland suit"). A matter told only by a party or a practice named apart
        from the client ("a dispute to Experian for Luz Quinones") is added to `guessed`: firms
        differ on whether that settles it."""
        hit = named.matters
        if len(hit) < 2 or says_all_cases(folded):
            return hit
        if len({self._clients[n] for n in hit}) > 1:
            told = told_cases(folded)
            fits = {n for n in hit if self._parties[n] & told}
            return fits if len(fits) == 1 else hit
        said = text_cues(folded, found)
        scored = sorted(((len(self._cues_said(n, said)), n) for n in hit), reverse=True)
        best, number = scored[0]
        if not best or best == scored[1][0]:
            return hit
        near = near_cues(folded, found, named.span[1], _CUE_REACH)
        others = frozenset().union(*(self._cues_said(n, said) for n in hit if n != number))
        if not sure_cues(self._cues_said(number, said), others, near):
            guessed.add(number)
        return {number}

    def _cues_said(self, number: str, said: frozenset[str]) -> frozenset[str]:
        # "Whitehurst ch 7" is no sure sign of his Chapter 13 case.
        cues = self._cues[number]
        chapters = {c for c in said if c.startswith(CHAPTER_CUE)}
        if chapters and {c for c in cues if c.startswith(CHAPTER_CUE)}.isdisjoint(chapters):
            cues -= {BANKRUPTCY, BANKRUPTCY_WORK}
        return cues & said


def named_clients(folded: str, name_spans: list[Span]) -> list[Span]:
    # "Garcia's statements" are the client's things, not the client.
    return [(s, e) for s, e in name_spans if not folded.startswith("'", e)]

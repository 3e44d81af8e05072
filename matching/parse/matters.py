"""Matter references in delegation text: matter numbers and client names, typos and all."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from matching.model import MatterRef
from matching.parse.words import (
    FUZZY_MIN_LETTERS,
    Span,
    Word,
    closest_spelling,
    inside,
    name_words,
    squashed,
)
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
# Words that make a client's name an organisation's wherever they stand ("Pine Hollow Residents
# Association"): no one's surname.
_ORGANISATION_WORDS = frozenset(
    {"association", "assn", "assoc", "cooperative", "coop", "society", "foundation", "coalition",
     "federation", "tenants", "owners", "homeowners", "residents", "condominium", "condominiums",
     "partnership", "holdings", "enterprises", "industries", "associates", "ministries",
     "academy", "institute", "incorporated", "limited", "corporation", "company", "committee"}
)  # fmt: skip
# Words that make a name of three words or more an organisation's ("Harbor Dental Group"), though
# a shorter name may be a person's ("Ann Trust"). Not Park, Church or Court: common surnames.
_GROUP_WORDS = frozenset(
    {"union", "council", "trust", "club", "group", "partners", "center", "centre", "clinic",
     "fund", "services", "bakery", "restaurant", "cafe", "farms", "staffing", "landscaping",
     "apartments", "school", "hospital", "agency", "network", "league", "alliance", "care",
     "health"}
)  # fmt: skip
# Words of place and kind that alone name no organisation: "Park" is not Park City MHOA.
_GENERIC_NAME_WORDS = frozenset(
    {"lake", "city", "court", "street", "valley", "home", "homes", "north", "south", "east",
     "west", "park", "mount", "river", "hill", "hills", "bay", "state", "county", "united",
     "american", "national", "first", "new", "great", "royal", "general", "central", "pacific",
     "atlantic", "community", "the", "village", "town", "main", "green", "grand", "saint", "st",
     "fort", "port", "union", "mobile", "care", "health", "family"}
)  # fmt: skip
# How the words of an organisation's name are shortened after its distinctive part.
_SHORT_FORMS = {
    "association": ("assn", "assoc", "asso", "association"),
    "cooperative": ("coop", "co", "op", "cooperative"),
    "company": ("co",),
    "corporation": ("corp",),
    "incorporated": ("inc",),
    "apartments": ("apts", "apt"),
    "management": ("mgmt",),
    "services": ("svcs",),
    "brothers": ("bros",),
    "manufactured": ("mfd",),
}
_INITIALISM_SKIPS = frozenset({"of", "the", "and", "&"})
_MATTER_FILE = frozenset({"file", "files"})
_CAPTION_SIDE = re.compile(r"\s+(?:v|vs)\.?\s+\w", re.IGNORECASE)
_CAPTION_WORDS = frozenset({"v", "vs"})
# Words of a caption or a title that name no party: "in Midland v. Ortiz", "(collection suit)".
_NOT_PARTY_WORDS = frozenset(
    {"v", "vs", "the", "a", "an", "of", "and", "in", "on", "for", "re", "to", "by", "et", "al",
     "matter", "case", "file"}
) | _COMPANY_SUFFIXES  # fmt: skip
_CAPTION_REACH = 3  # the party's words nearest the "v."
_CLAUSE_BREAK = re.compile(r"[,;:!?()\[\]\n]|\.\s|\s-+\s|\u2014")
_POSSESSIVE_MARKS = frozenset({"", "'s", "'", "\u2019s", "\u2019"})
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
_SURNAME_PARTICLES = frozenset(
    {"de", "la", "del", "della", "van", "von", "der", "da", "di", "le", "du", "dos", "das", "st",
     "mac", "al", "el", "bin", "ter", "ten"}
)  # fmt: skip


def _number_key(written: str) -> tuple[str, ...]:
    # "2026-0113", "2026/113" and "#2026-0113" are one number; "2026-01-13" is a date.
    return tuple(part.lstrip("0") or "0" for part in _SEPARATORS.split(written) if part)


def _squashed(key: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(squashed, key))


def _surnames(client_name: str) -> set[tuple[str, ...]]:
    """How a person may be named by surname: "Garcia", "de la Cruz", "Rao" of "Banerjee-Rao"."""
    name = name_words(client_name)
    keys = _surname_keys(name)
    last_written = client_name.split()[-1] if client_name.split() else ""
    if "-" in last_written and len(name) > 1:
        keys |= {(part,) for part in name_words(last_written.replace("-", " "))}
        keys.add(name_words(last_written))
    # "Ferreira-Santos" and "de la Cruz" typed as one word: "ferreirasantos", "delacruz".
    keys |= {("".join(key),) for key in list(keys) if len(key) > 1}
    return keys


def _surname_keys(name: tuple[str, ...]) -> set[tuple[str, ...]]:
    if len(name) > 1 and name[-1] in _GENERATIONS:
        name = name[:-1]
    if len(name) <= 1:
        return {name} if name else set()
    keys = {name[-1:]}
    particle = next((i for i in range(1, len(name)) if name[i] in _SURNAME_PARTICLES), None)
    if particle is not None:
        keys.add(name[particle:])
    return keys


def _organisation(client_name: str) -> tuple[str, ...] | None:
    """The words of an organisation's name without its legal form ("Kestrel Glassworks" of
    "Kestrel Glassworks, Inc."); None for a person's name."""
    name = name_words(client_name)
    core = name
    while core and core[-1] in _COMPANY_SUFFIXES:
        core = core[:-1]
    if core != name or any(word in _ORGANISATION_WORDS for word in name) or name[-1] == "hoa":
        return core or None
    if len(name) >= 3 and any(word in _GROUP_WORDS for word in name):
        return core
    return None


def _organisation_keys(core: tuple[str, ...]) -> set[tuple[str, ...]]:
    """How an organisation may be named: by its distinctive first words ("Tamarack", "pine
    hollow"), maybe with the rest as initials ("park city mhoa"), or wholly by initials."""
    keys = {core}
    for size in range(1, len(core)):
        prefix, rest = core[:size], core[size:]
        # "Park City" alone is a place; "Park City MHOA" and "Pine Hollow" are the client.
        if not set(prefix) <= _GENERIC_NAME_WORDS | _ORGANISATION_WORDS:
            keys.add(prefix)
        keys |= {prefix + (initials,) for initials in _initialisms(rest)}
    keys |= {(initials,) for initials in _initialisms(core) if len(initials) >= 3}
    return keys


def _initialisms(words: tuple[str, ...]) -> set[str]:
    if len(words) < 2:
        return set()
    kept = [w for w in words if w not in _INITIALISM_SKIPS]
    return {"".join(w[0] for w in words), "".join(w[0] for w in kept)} - {""}


def _organisation_tail(core: tuple[str, ...], name: tuple[str, ...]) -> frozenset[str]:
    """Words that may follow an organisation's distinctive part and still be its name: "the
    Tamarack co-op", "pine hollow residents assn"."""
    tail = set(name) | _COMPANY_SUFFIXES
    for word in core:
        tail |= {word.removesuffix("s"), word + "s", *_SHORT_FORMS.get(word, ())}
    for size in range(1, len(core) - 1):
        tail |= _initialisms(core[size:])
    return frozenset(_squashed(tuple(tail)))


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
        # Surnames, and the distinctive parts of organisations' names.
        self._by_surname: dict[tuple[str, ...], set[str]] = {}
        # Words that may follow an organisation's distinctive part, per matter.
        self._tails: dict[str, frozenset[str]] = {}
        # Per matter, the words of its title that name the other parties ("midland", "freight").
        self._parties: dict[str, frozenset[str]] = {}
        self.first_names: set[str] = set()
        self.name_words: set[str] = set()
        # Words of the matters' titles: the parties to the firm's cases ("Midland", "Cavalry").
        self.party_words: set[str] = set()
        for matter in matters:
            self._index(matter)
        self._longest_name = max(map(len, [*self._by_full_name, *self._by_surname]), default=0)
        self._name_starts = {key[0] for key in [*self._by_full_name, *self._by_surname]}
        self._surname_spellings = sorted(
            s[0] for s in self._by_surname if len(s) == 1 and len(s[0]) >= FUZZY_MIN_LETTERS
        )

    def _index(self, matter: MatterRef) -> None:
        title = name_words(matter.title)
        self.party_words.update(title)
        key = _number_key(fold(matter.number))
        for variant in {key, ("".join(key),)}:
            self._by_number.setdefault(variant, set()).add(matter.number)
        name = name_words(matter.client_name)
        self.name_words.update(name)
        self._parties[matter.number] = frozenset(title) - set(name) - _NOT_PARTY_WORDS
        if len(name) > 1:
            for full in {name, (name[0], name[-1])}:
                self._by_full_name.setdefault(_squashed(full), set()).add(matter.number)
            self.first_names.add(name[0])
        core = _organisation(matter.client_name)
        if core is not None:
            self._tails[matter.number] = _organisation_tail(core, name)
        short = _organisation_keys(core) if core else _surnames(matter.client_name)
        for surname in short:
            self._by_surname.setdefault(_squashed(surname), set()).add(matter.number)

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
        warning = None
        if ambiguous and len({next(iter(h)) for h in hits if len(h) == 1}) > 1:
            number = _main_ask_matter(text, folded, hits, name_spans, is_known_word)
            warning = None if number else SEVERAL_MATTERS_WARNING
        elif ambiguous:
            warning = AMBIGUOUS_MATTER_WARNING
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
                key = _squashed(tuple(w[2] for w in found[index : index + size]))
                hit = self._by_full_name.get(key) or self._by_surname[key]
                if len(hit) > 1:
                    hit = self._settled_by_caption(text, found, index, size, hit)
                size += self._tail_size(text, found, index + size, hit)
                hits.append(hit)
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
        if squashed(found[index][2]) not in self._name_starts:
            return 0
        for size in range(min(self._longest_name, len(found) - index), 0, -1):
            key = _squashed(tuple(w[2] for w in found[index : index + size]))
            if (size > 1 and key in self._by_full_name) or key in self._by_surname:
                return size
        return 0

    def _tail_size(self, text: str, found: list[Word], after: int, hit: set[str]) -> int:
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

    def _settled_by_caption(
        self, text: str, found: list[Word], index: int, size: int, hit: set[str]
    ) -> set[str]:
        """The one of `hit`'s matters whose title holds the other party of a caption around the
        name ("Midland v. Kwan", "Kwan v. Harbor Freight"); else `hit`."""
        other = _caption_party(text, found, index, size)
        if not other:
            return hit
        scored = sorted(((len(self._parties[n] & other), n) for n in hit), reverse=True)
        best, number = scored[0]
        if best and best > scored[1][0]:
            return {number}
        return hit

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


def _caption_party(text: str, found: list[Word], index: int, size: int) -> frozenset[str]:
    """The words of the party across the "v." from the name at `index` (its nearest few), or
    nothing when the name stands in no caption."""
    after = index + size
    if after + 1 < len(found) and found[after][2] in _CAPTION_WORDS:
        step, at = 1, after + 1
    elif index >= 2 and found[index - 1][2] in _CAPTION_WORDS:
        step, at = -1, index - 2
    else:
        return frozenset()
    party: set[str] = set()
    previous = found[at - step]
    while 0 <= at < len(found) and len(party) < _CAPTION_REACH:
        word = found[at]
        between = text[min(previous[1], word[1]) : max(previous[0], word[0])]
        if previous[2] not in _CAPTION_WORDS and _CLAUSE_BREAK.search(between):
            break
        if word[2] not in _NOT_PARTY_WORDS:
            party.add(word[2])
        previous, at = word, at + step
    return frozenset(party)


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


# ---------------------------------------------------------------------------------------------
# Several matters in one text: the one its main ask is about, when that is clear
# ---------------------------------------------------------------------------------------------

# Where a text's parts end: a line, a bullet, a sentence, a semicolon.
_PART_END = re.compile(r"\n+|[;\u2022]|(?<=[.!?])\s+(?=[\"'(\u2022*-]?\s*[A-Z0-9])")
_BULLET = re.compile(r"\s*(?:[\u2022*\u2013\u2014-]|\(?\d{1,2}[.)]|\(?[a-h]\))\s+")
_LAST_WORD = re.compile(r"[a-z]*\.$")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "jr", "sr", "st", "vs", "no", "inc", "co",
                            "corp", "llc", "ltd", "esq", "et", "al"})  # fmt: skip
# An ask of work, not news: "please", "can you", "I need".
_ASK_WORDS = re.compile(
    r"\b(?:please|pls|plz|kindly"
    r"|(?:can|could|would|will)\s+(?:you|someone|somebody|one\s+of\s+you)"
    r"|(?:i|we)(?:'d|\s+would)?\s+(?:really\s+)?(?:need|want|like)"
    r"|need\s+(?:someone|somebody|you)|needs\s+to\s+be|make\s+sure|let'?s)\b"
)
# Words that may open a sentence before its imperative: "Also draft the Nunez motion".
_FILLERS = frozenset(
    {"also", "and", "then", "plus", "next", "separately", "additionally", "finally", "lastly",
     "so", "ok", "okay", "btw", "now", "oh"}
)  # fmt: skip
_NOT_ASKS = re.compile(r"\b(?:please|pls|kindly)\s+(?:note|see|find|be\s+(?:aware|advised))\b")
# "The first is the priority", "start with the second one": which listed item comes first.
_ORDINALS = {"first": 0, "1st": 0, "top": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2,
             "fourth": 3, "4th": 3, "last": -1}  # fmt: skip
_ORDINAL = "|".join(_ORDINALS)
_POINTER = re.compile(
    rf"\b(?:the\s+)?(?P<ordinal>{_ORDINAL})(?:\s+(?:one|item|task|bullet|point))?\s+(?:is|as)\s+"
    r"(?:the\s+|my\s+|our\s+)?(?:top\s+|main\s+|real\s+|first\s+)?"
    r"(?:priority|most\s+(?:urgent|important|pressing))"
    rf"|\b(?:start|begin)\s+with\s+the\s+(?P<start>{_ORDINAL})\b"
)


def _main_ask_matter(
    text: str,
    folded: str,
    hits: list[set[str]],
    spans: list[Span],
    is_known_word: Callable[[str], bool],
) -> str | None:
    """The matter the main ask is about when a text names several: the listed item it says comes
    first ("The first is the priority"), or the one part that asks for work while the others
    report news ("The Kwan evaluation is still due Friday. I need a demand letter for Ortiz.").
    None when that is not clear."""
    parts = _parts(text, folded)
    matter_of: dict[int, str] = {}
    for part in {_part_of(parts, start) for start, _ in spans}:
        number, ambiguous = _one_matter(
            [h for h, (start, _) in zip(hits, spans, strict=True) if _part_of(parts, start) == part]
        )
        if ambiguous or number is None:
            return None
        matter_of[part] = number
    pointer = _POINTER.search(folded)
    if pointer is not None:
        items = [i for i, (start, _) in enumerate(parts) if _BULLET.match(folded, start)]
        items = items or sorted(matter_of)
        at = _ORDINALS[pointer["ordinal"] or pointer["start"]]
        chosen = items[at] if -len(items) <= at < len(items) else None
        return matter_of.get(chosen) if chosen is not None else None
    asked = {p for p in matter_of if _asks_for_work(folded, parts[p])}
    if len({matter_of[p] for p in asked}) != 1:
        return None
    news = [p for p in matter_of if p not in asked]
    if any(_opens_with_a_task(folded, parts[p], spans, is_known_word) for p in news):
        return None  # "Draft the Kwan answer." asks too, without a word of asking
    return matter_of[next(iter(asked))]


def _parts(text: str, folded: str) -> list[Span]:
    """The text's lines, bullets, sentences and semicolon clauses."""
    parts: list[Span] = []
    start = 0
    for match in _PART_END.finditer(text):
        if match.group().isspace() and _abbreviated(folded, start, match.start()):
            continue  # "Mr. Pruitt", "v. Ortiz", "2 p.m. Thursday"
        if folded[start : match.start()].strip():
            parts.append((start, match.start()))
        start = match.end() if match.group() != "\u2022" else match.start()
    if folded[start:].strip():
        parts.append((start, len(folded)))
    return parts


def _abbreviated(folded: str, start: int, stop: int) -> bool:
    before = _LAST_WORD.search(folded, start, stop)
    word = before.group()[:-1] if before else ""
    return len(word) == 1 or word in _ABBREVIATIONS


def _part_of(parts: list[Span], position: int) -> int:
    return next((i for i, (start, end) in enumerate(parts) if start <= position < end), -1)


def _asks_for_work(folded: str, part: Span) -> bool:
    said = folded[part[0] : part[1]]
    return _ASK_WORDS.search(_NOT_ASKS.sub(" ", said)) is not None


def _opens_with_a_task(
    folded: str, part: Span, names: list[Span], is_known_word: Callable[[str], bool]
) -> bool:
    """Whether a part opens, past its bullet and the client's name, with a task's word."""
    for match in re.finditer(r"[a-z][a-z'-]*", folded[part[0] : part[1]]):
        at = part[0] + match.start()
        if inside(at, names):
            continue
        word = match.group().split("-")[0]
        if word not in _FILLERS:
            return word not in _NOT_PARTY_WORDS and is_known_word(word)
    return False

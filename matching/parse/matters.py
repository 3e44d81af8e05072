"""Matter references in delegation text: matter numbers and client names, typos and all."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from matching.model import MatterRef
from matching.parse.items import (
    asks_for_work,
    claimed_by_writer,
    main_part,
    may_ask,
    opens_with_a_task,
    part_of,
    parts,
    points_to_an_item,
    reports_status,
)
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
    "ANOTHER_PERSON_WARNING",
    "GIVEN_NAME_WARNING",
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
_AND = frozenset({"and", "&"})
# How surely a name names a client's matter: a surname or full name, a given name alone, a name
# followed by a relative's ("Nunn's sister": the client's matter, unless the text says the work is
# for a prospect), a surname after another given name.
_NAME, _GIVEN_NAME, _RELATIVE_OF_CLIENT, _ANOTHER_PERSON = "name", "given", "relative", "other"
# A client's relative named in their own right ("Nunn's sister (Ada Bell)"): the work may be theirs;
# a client named as the model for another's work ("use Fifita's as a template").
_NAMED_RELATIVE, _MODEL = "named relative", "model"
GIVEN_NAME_WARNING = "\u201c{name}\u201d is only a client's given name; give the matter number"
ANOTHER_PERSON_WARNING = "the name is not a client's full name; give the matter number"
RELATIVE_WARNING = "the work may be for a client's relative, not the client; give the matter number"
_DOUBTS = {_ANOTHER_PERSON: ANOTHER_PERSON_WARNING, _NAMED_RELATIVE: RELATIVE_WARNING}
_RELATIVE = re.compile(
    r"(?:'s|\u2019s|')\s+(?:(?:late|former|ex|own|adult|elderly|younger|older|little|big)[\s-]+)?"
    r"(?:sister|brother|mother|mom|mum|father|dad|son|daughter|wife|husband|spouse|"
    r"ex-wife|ex-husband|fianc[eé]e?|boyfriend|girlfriend|cousin|aunt|uncle|niece|nephew|"
    r"grand(?:mother|father|son|daughter|ma|pa)|in-law|sister-in-law|brother-in-law|"
    r"mother-in-law|father-in-law|neighbou?r|friend|roommate|coworker|co-worker|sibling)s?\b",
    re.IGNORECASE,
)
# Words that say a person is not a client yet.
_PROSPECT = re.compile(
    r"\b(?:prospects?|prospective|potential\s+client|(?:not|isn't)\s+(?:yet\s+)?(?:a\s+|our\s+)?"
    r"client|(?:hasn't|has\s+not|haven't|have\s+not|not\s+yet)\s+(?:signed|retained|engaged))\b"
)
# The relative's own name after them: "'s sister (Ruth Ann Gamble)", "'s son, Milo Dern,".
_OWN_NAME = re.compile(r"\s*[(,]\s*[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+")
# Another matter's work as the model: "use Fifita's as a template", "same facts as Fifita".
_MODEL_AFTER = re.compile(
    r"(?:'s|\u2019s)?(?:\s+[a-z]+){0,2}?\s+as\s+(?:a|an|the|our|my)\s+(?:template|model|"
    r"example|sample|starting\s+point|go-?by|guide)\b",
    re.IGNORECASE,
)
_MODEL_BEFORE = re.compile(
    r"\b(?:(?:same|similar)\b[^.;!?\n]{0,40}?\b(?:as|to)|based\s+on|modell?ed\s+on)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# A surname said again in brackets with the given name: "Whitaker (Darnell)".
_BRACKETED_GIVEN_NAME = re.compile(r"\s*\((?P<name>[A-Za-z][\w'-]*)\)")
# A family named by the plural of its surname ("the Reeds"), and what may follow it where a
# line opens with it ("boldens want to know …").
_SHORTEST_FAMILY = 5
_FAMILY_VERBS = frozenset(
    {"want", "wanted", "need", "needed", "are", "were", "have", "had", "called", "came",
     "dropped", "brought", "sent", "signed", "said", "say", "asked", "got", "received", "paid",
     "missed", "moved", "decided", "agreed", "emailed", "texted", "left", "just", "still", "both",
     "also", "finally", "will", "would", "can", "could", "should", "did", "do", "dont", "didnt"}
)  # fmt: skip
# Words before a possessive that make it no client's: "the court's order", "a day's work".
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "our", "their", "his", "her", "my", "your", "its", "each",
     "every", "one", "whose"}
)  # fmt: skip
_POSSESSIVE_ENDINGS = ("'s", "\u2019s", "'", "\u2019")
_CLAUSE_OPENERS = frozenset('.!?:;\n\u2022*-\u2013\u2014("')
_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
_TOPIC_NOUN = re.compile(r"(?:'s)?\s+(?:thing|stuff|file|matter|case|situation)\b", re.IGNORECASE)
# What sets the client a line is about off from the rest, maybe after the chapter ("castillo 13 -").
_SET_OFF = re.compile(r"(?:\s+(?:ch(?:apter)?\.?\s*)?\d{1,2}\b)?\s*(?::|[-\u2013\u2014]+\s)")
_MENTIONS = re.compile(r"<@[^>]{1,100}>|<at>[^<]{1,100}</at>|@\w+", re.IGNORECASE)
# Words that mark a matter as a bankruptcy case, in its title or in a text about it.
_BANKRUPTCY_TITLE = re.compile(r"\b(?:in\s+re|chapter|bankruptcy)\b")
_BANKRUPTCY_WORDS = re.compile(
    r"\b(?:bk|bankruptcy|bankr|341|trustee|petition|schedules|scheds|means\s+test"
    r"|creditor\s+matrix|chapter|ch)\b"
)
_CHAPTER = re.compile(
    r"\b(?:chapter|ch)\.?\s*(?P<number>7|11|12|13|seven|eleven|twelve|thirteen)\b"
)
_CHAPTER_NUMBERS = {"seven": "7", "eleven": "11", "twelve": "12", "thirteen": "13"}
_BANKRUPTCY = "bankruptcy"
_CHAPTER_CUE = "chapter "
# Words of a title too common to tell one of a client's matters from another: a text may use
# them of any matter ("more information", "the deficiency").
_TITLE_ONLY_WORDS = frozenset(
    {"chapter", "llc", "inc", "re", "information", "solutions", "services", "systems",
     "management", "funding", "financial", "finance", "recovery", "portfolio", "associates",
     "capital", "credit", "bank", "national", "consumer", "usa", "group", "acceptance", "mixed",
     "suit", "county", "collection", "collections", "defense", "defence", "medical", "debt",
     "dispute", "disputes", "reporting", "claim", "claims", "act", "limited", "civil", "auto",
     "deficiency", "repossession", "sale", "notice", "post", "discharge", "garnishment", "wage",
     "exemption", "pre", "small", "district", "municipal", "justice", "general", "joint",
     "evaluation", "filing", "class", "putative", "truck", "tenant", "screening", "reports"}
)  # fmt: skip
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
        # Per matter, its client's name and the words that tell it from the client's others:
        # its parties, its practice ("bankruptcy", "chapter 7").
        self._clients: dict[str, tuple[str, ...]] = {}
        self._cues: dict[str, frozenset[str]] = {}
        # Clients' given names ("walter", "june" of "Walter and June Pemberton"), per matter, and
        # the matters of each given name that is no client's surname.
        self._given_names: dict[str, frozenset[str]] = {}
        self._given_name_matters: dict[str, set[str]] = {}
        # Two words that begin or continue a party's name in a title ("jefferson capital" of
        # "Fields v. Jefferson Capital Systems"): a client's surname before them is the party's.
        self._party_pairs: set[tuple[str, str]] = set()
        self.first_names: set[str] = set()
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
        # The words a client is named by: surnames and organisations' distinctive parts.
        self.surname_words = {word for key in self._by_surname for word in key}
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
        self._party_pairs |= {
            (squashed(first), squashed(second)) for first, second in zip(title, title[1:])
            if first not in name and not {first, second} & _NOT_PARTY_WORDS
        }  # fmt: skip
        self._parties[matter.number] = frozenset(title) - set(name) - _NOT_PARTY_WORDS
        self._clients[matter.number] = name
        self._cues[matter.number] = _practice_cues(fold(matter.title), self._parties[matter.number])
        if len(name) > 1:
            for full in {name, (name[0], name[-1])}:
                self._by_full_name.setdefault(_squashed(full), set()).add(matter.number)
            self.first_names.add(name[0])
        core = _organisation(matter.client_name)
        self._given_names[matter.number] = _given_names(name) if core is None else frozenset()
        for given in self._given_names[matter.number]:
            self._given_name_matters.setdefault(given, set()).add(matter.number)
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
        read = self._names(text, kept, is_known_word)
        named = [n for n in _weighed(read, folded) if n.kind not in _DOUBTS]
        if not numbers and not read:
            named = self._misspelt_names(text, kept, is_known_word)
        number, warning = self._decided(
            text, folded, numbers, named, kept, excluded, is_known_word
        )
        if number is None and warning is None:
            warning = next((_DOUBTS[n.kind] for n in read if n.kind in _DOUBTS), None)
        # A given name helps decide but stays a word of the text: "call Corey" is no "call client".
        clients = [n for n in named if n.kind != _GIVEN_NAME]
        return MatterFinding(
            number, number_spans, [n.span for n in clients], [n.mask for n in clients], warning
        )

    def _decided(
        self,
        text: str,
        folded: str,
        numbers: set[str],
        named: list[_Named],
        found: list[Word],
        people: list[Span],
        is_known_word: Callable[[str], bool],
    ) -> tuple[str | None, str | None]:
        """The matter the numbers and names point to, or why none is taken."""
        if len(numbers) > 1:
            return None, SEVERAL_MATTERS_WARNING
        if numbers:
            return next(iter(numbers)), None
        if named and all(n.kind == _GIVEN_NAME for n in named):
            # "Sunita's stuff": the client's given name alone, which DOMAIN.md's forms leave out.
            return None, GIVEN_NAME_WARNING.format(name=text[slice(*named[0].span)])
        hits = [self._settled_by_practice(folded, found, n.matters) for n in named]
        spans = [n.span for n in named]
        number, ambiguous = _one_matter(hits)
        if ambiguous:
            # "the 3-page letter for Green": a capitalised name outweighs a lower-case word that
            # happens to be another client's surname (Page).
            capitalised = [h for h, (s, _) in zip(hits, spans, strict=True) if text[s].isupper()]
            if 0 < len(capitalised) < len(hits):
                number, ambiguous = _one_matter(capitalised)
        if ambiguous and len({next(iter(h)) for h in hits if len(h) == 1}) > 1:
            number = _main_ask_matter(text, folded, hits, spans, people, is_known_word)
            return number, None if number else SEVERAL_MATTERS_WARNING
        return number, AMBIGUOUS_MATTER_WARNING if ambiguous else None

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
    ) -> list[_Named]:
        named: list[_Named] = []
        index = 0
        while index < len(found):
            size, kind, hit = self._client_at(text, found, index, is_known_word)
            if not size:
                index += 1
                continue
            if len(hit) > 1:
                hit = self._settled_by_caption(text, found, index, size, hit)
                hit = self._settled_by_given_name(text, found[index + size - 1], hit)
            size += self._tail_size(text, found, index + size, hit)
            span = (found[index][0], found[index + size - 1][1])
            if kind == _NAME:
                kind = self._kind_of_name(text, found, index, span, hit, is_known_word)
            # "the Garcia file" is the matter's file, not something to file with a court.
            if index + size < len(found) and _files_of(
                text, found[index + size - 1], found[index + size]
            ):
                size += 1
            named.append(_Named(hit, span, (span[0], found[index + size - 1][1]), kind))
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
            and _ordinary_word(text, found[index], is_known_word)
            and not _in_caption(text, found[index])
            and not _in_topic_slot(text, found[index])
            and not _possessive_named(text, found, index)
        ):
            size = 0
        if size and self._starts_a_party(text, found, index + size - 1):
            return 0, _NAME, set()
        if size:
            key = _squashed(tuple(w[2] for w in found[index : index + size]))
            return size, _NAME, self._by_full_name.get(key) or self._by_surname[key]
        if self._given_name_at(text, found, index, is_known_word):
            return 1, _GIVEN_NAME, self._by_given_name[squashed(found[index][2])]
        family = self._family_at(text, found, index, is_known_word)
        return (1, _NAME, family) if family else (0, _NAME, set())

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
        ("use Fifita's as a template", "same facts as Fifita")."""
        relative = _RELATIVE.match(text, span[1])
        if relative is not None:
            named = _OWN_NAME.match(text, relative.end())
            return _NAMED_RELATIVE if named else _RELATIVE_OF_CLIENT
        if self._another_person(text, found, index, hit, is_known_word):
            return _ANOTHER_PERSON
        if _MODEL_AFTER.match(text, span[1]) or _MODEL_BEFORE.search(text, 0, span[0]):
            return _MODEL
        return _NAME

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
        start, _, word = found[index]
        if len(word) < _SHORTEST_FAMILY or not word.endswith("s") or is_known_word(word):
            return None
        singulars = (word[:-1], word[:-2]) if word.endswith("es") else (word[:-1],)
        hits = [self._by_surname.get((squashed(singular),)) for singular in singulars]
        # A person's surname: an organisation has no given names.
        hit = next((h for h in hits if h and all(self._given_names[n] for n in h)), None)
        if hit is None:
            return None
        previous = found[index - 1][2] if index else ""
        following = found[index + 1][2] if index + 1 < len(found) else ""
        capitalised = text[start].isupper()
        if (
            (previous == "the" and capitalised)
            or _in_topic_slot(text, found[index])
            or (_opens_clause(text, start) and following in _FAMILY_VERBS)
        ):
            return hit
        return None

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
            or (text[start].isupper() and not _opens_clause(text, start))
            or _in_topic_slot(text, found[index])
        )

    def _another_person(
        self,
        text: str,
        found: list[Word],
        index: int,
        hit: set[str],
        is_known_word: Callable[[str], bool],
    ) -> bool:
        """Whether a surname follows a given name none of its clients has, after a courtesy
        title ("Ms. Odessa Pruitt"): someone else of that name, maybe a prospect."""
        if index < 2 or found[index - 2][2] not in _COURTESY_TITLES:
            return False
        start, end, word = found[index - 1]
        written = text[start:end]
        return (
            len(word) > 1
            and word.isalpha()
            and written[:1].isupper()
            and found[index][0] - end == 1
            and not is_known_word(word)
            and all(word not in self._given_names[n] for n in hit)
        )

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

    def _settled_by_practice(self, folded: str, found: list[Word], hit: set[str]) -> set[str]:
        """The one of a client's matters that the text's other words point to: "the Mbatha ch. 7",
        "Whitehurst's trustee", "the Pruitt FCRA case"; else `hit`. Only one client's matters:
        a surname two clients share is settled by their full name or a caption."""
        if len(hit) < 2 or len({self._clients[n] for n in hit}) > 1:
            return hit
        said = _text_cues(folded, found)
        scored = sorted(((len(self._cues_said(n, said)), n) for n in hit), reverse=True)
        best, number = scored[0]
        if best and best > scored[1][0]:
            return {number}
        return hit

    def _cues_said(self, number: str, said: frozenset[str]) -> frozenset[str]:
        # "Whitehurst ch 7" is no sure sign of his Chapter 13 case.
        cues = self._cues[number]
        chapters = {c for c in said if c.startswith(_CHAPTER_CUE)}
        if chapters and {c for c in cues if c.startswith(_CHAPTER_CUE)}.isdisjoint(chapters):
            cues -= {_BANKRUPTCY}
        return cues & said

    def _misspelt_names(
        self, text: str, found: list[Word], is_known_word: Callable[[str], bool]
    ) -> list[_Named]:
        # Only capitalised words are tried: a proper noun with a typo, not an ordinary word, nor
        # a name read already and set aside ("Magnolia State Lending" is a party's).
        named: list[_Named] = []
        for start, end, word in found:
            if (
                (squashed(word),) in self._by_surname
                or len(word) < FUZZY_MIN_LETTERS
                or not word.isalpha()
                or not text[start].isupper()
                or is_known_word(word)
            ):
                continue
            near = closest_spelling(word, self._surname_spellings)
            if near:
                named.append(_Named(self._by_surname[(near,)], (start, end), (start, end), _NAME))
        return named


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


def _practice_cues(title: str, parties: frozenset[str]) -> frozenset[str]:
    """The words of a matter's title that a text about it may use: its other parties ("midland",
    "fcra"), and for a bankruptcy case "bankruptcy" and its chapter ("chapter 7")."""
    cues = {w for w in parties - _TITLE_ONLY_WORDS if w.isalpha() and len(w) >= 3}
    if _BANKRUPTCY_TITLE.search(title):
        cues.add(_BANKRUPTCY)
        cues |= {_chapter(m["number"]) for m in _CHAPTER.finditer(title)}
    return frozenset(cues)


def _text_cues(folded: str, found: list[Word]) -> frozenset[str]:
    """The words of a text that may tell one of a client's matters from another."""
    cues = {w for _, _, w in found if w.isalpha() and len(w) >= 3}
    if _BANKRUPTCY_WORDS.search(folded):
        cues.add(_BANKRUPTCY)
    cues |= {_chapter(m["number"]) for m in _CHAPTER.finditer(folded)}
    return frozenset(cues)


def _chapter(number: str) -> str:
    return _CHAPTER_CUE + _CHAPTER_NUMBERS.get(number, number)


def _given_names(name: tuple[str, ...]) -> frozenset[str]:
    """A person client's given names: the first word, and each after "and" ("June" of "Walter
    and June Pemberton"), in their squashed forms."""
    if len(name) < 2:
        return frozenset()
    givens = {name[0]} | {name[i + 1] for i in range(len(name) - 2) if name[i] in _AND}
    return frozenset(squashed(g) for g in givens if g.isalpha() and len(g) > 1)


class _Named(NamedTuple):
    """A client named in the text: their matters, where, what to mask, and how surely."""

    matters: set[str]
    span: Span
    mask: Span
    kind: str


def _weighed(named: list[_Named], folded: str) -> list[_Named]:
    """The names that count: a bare given name only when no surname says otherwise ("Keisha's
    photos" in the Boone item, not beside another client's surname); a client's relative only
    when the text does not say the work is for a prospect; a matter named as a model only when
    no other is named ("answer for Mahe, use Fifita's as a template")."""
    surnames = [n.matters for n in named if n.kind not in {_GIVEN_NAME, _MODEL}]
    prospect = _PROSPECT.search(folded) is not None
    return [
        n for n in named
        if (n.kind not in {_GIVEN_NAME, _MODEL} or not surnames
            or any(n.matters & m for m in surnames))
        and not (n.kind == _RELATIVE_OF_CLIENT and prospect)
    ]  # fmt: skip


def _possessive_named(text: str, found: list[Word], index: int) -> bool:
    # "tran's 341": a word that is a client's surname, as the one something belongs to; not "the
    # court's order".
    start, end, _ = found[index]
    return text.startswith(("'s", "\u2019s"), end) and (
        index == 0 or found[index - 1][2] not in _DETERMINERS
    )


def _opens_clause(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _CLAUSE_OPENERS


def _in_topic_slot(text: str, word: Word) -> bool:
    """Whether a lower-case word stands where a text names its client: "the banks thing", "tran —
    pls have the schedules ready" (first on its line or in its sentence, set off by a colon or
    dash: "wfh today. reeds - trustee wants …")."""
    start, end, _ = word
    if _TOPIC_NOUN.match(text, end) and text[:start].lower().endswith("the "):
        return True
    line = text[text.rfind("\n", 0, start) + 1 : start]
    first = not _MENTIONS.sub("", line).strip(" \t\u2022*-") or text[:start].rstrip()[-1:] in ".!?"
    return first and bool(_SET_OFF.match(text, end))


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


def _main_ask_matter(
    text: str,
    folded: str,
    hits: list[set[str]],
    spans: list[Span],
    people: list[Span],
    is_known_word: Callable[[str], bool],
) -> str | None:
    """The matter the main ask is about when a text names several: the listed item it says comes
    first ("The first is the priority") or that calls itself the main thing, or the one part that
    asks for work while the others report news or work the writer keeps ("The Kwan evaluation is
    still due Friday. I need a demand letter for Ortiz."). None when that is not clear. A part
    opens with a task past the clients and the people it speaks to ("Bao — Mr. Kwan's …")."""
    found = parts(text, folded)
    names = spans + people
    matter_of: dict[int, str] = {}
    for part in {part_of(found, start) for start, _ in spans}:
        number, ambiguous = _one_matter(
            [h for h, (start, _) in zip(hits, spans, strict=True) if part_of(found, start) == part]
        )
        if ambiguous or number is None:
            return None
        matter_of[part] = number
    main = main_part(folded, found, matter_of)
    if main is not None or points_to_an_item(folded):
        return matter_of.get(main) if main is not None else None
    kept = {p for p in matter_of if claimed_by_writer(folded, found[p])}
    open_parts = [p for p in matter_of if p not in kept and not reports_status(folded, found[p])]
    asked = {p for p in open_parts if asks_for_work(folded, found[p])}
    if not asked:
        # No word of asking: the one part in the imperative, when no other may ask either
        # ("Please note the Kwan hearing moved" may mean "calendar it").
        asked = {
            p for p in open_parts if opens_with_a_task(folded, found[p], names, is_known_word)
        }
        if any(may_ask(folded, found[p]) for p in open_parts if p not in asked):
            return None
    if len({matter_of[p] for p in asked}) != 1:
        return None
    news = [p for p in open_parts if p not in asked]
    if any(opens_with_a_task(folded, found[p], names, is_known_word) for p in news):
        return None  # "Draft the Kwan answer." asks too, without a word of asking
    return matter_of[next(iter(asked))]

"""How a client's name may be written: surnames, an organisation's short forms, matter-number keys."""

from __future__ import annotations

import re
import unicodedata

from matching.parse.words import name_words, squashed

__all__ = [
    "ARTICLES", "COMPANY_SUFFIXES", "FORM_WORDS", "clipped_key", "family_first_word", "family_name_first",
    "given_names", "inner_organisation_keys",
    "number_key", "organisation", "organisation_keys", "organisation_tail", "place_keys",
    "squashed_key", "surnames", "titled_surnames",
]  # fmt: skip

_SEPARATORS = re.compile(r"[-./_]")
_AND = frozenset({"and", "&"})  # "Walter and June Pemberton"
COMPANY_SUFFIXES = frozenset(
    {"llc", "inc", "corp", "co", "ltd", "lp", "llp", "pllc", "pa", "pc", "company", "corporation"}
)
# Words after an organisation's trade that say it is one: its legal form, "co-op", "assn".
FORM_WORDS = COMPANY_SUFFIXES | {"coop", "cooperative", "assn", "assoc", "association"}
# Words that make a client's name an organisation's wherever they stand ("Pine Hollow Residents
# Association"): no one's surname.
_ORGANISATION_WORDS = frozenset(
    {"association", "assn", "assoc", "cooperative", "coop", "society", "foundation", "coalition",
     "federation", "tenants", "owners", "homeowners", "residents", "condominium", "condominiums",
     "partnership", "holdings", "enterprises", "industries", "associates", "ministries",
     "academy", "institute", "incorporated", "limited", "corporation", "company", "committee",
     # Spanish: "Familias Unidas del Valle", "Asociación de Vecinos", "Cooperativa La Paz".
     "asociacion", "sociedad", "fundacion", "cooperativa", "comite", "coalicion", "federacion",
     "alianza", "unidos", "unidas", "sindicato", "organizacion", "colectivo", "vecinos"}
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
     "west", "park", "mount", "mt", "river", "hill", "hills", "bay", "state", "county", "united",
     "american", "national", "first", "new", "great", "royal", "general", "central", "pacific",
     "atlantic", "community", "the", "village", "town", "main", "green", "grand", "saint", "st",
     "fort", "ft", "port", "union", "mobile", "care", "health", "family", "familia", "familias",
     "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twin",
     "del", "de", "la", "el", "los", "las", "valle", "sierra", "rio", "mesa", "housing", "senior",
     "seniors",
     # A state alone is a place: "whether Kentucky has anything comparable" names no
     # "Kentucky Medical Debt Relief Collaborative".
     "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
     "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
     "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
     "mississippi", "missouri", "montana", "nebraska", "nevada", "ohio", "oklahoma", "oregon",
     "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
     "wisconsin", "wyoming", "carolina", "dakota", "jersey", "hampshire", "mexico", "york",
     "rhode", "island"}
)  # fmt: skip
# Everyday words that begin some organisations' names ("Back Cove", "Open Door", "Up Country"):
# alone at a sentence's start they are the word ("Back Wednesday."), not the client.
_EVERYDAY_FIRST_WORDS = frozenset(
    {"back", "over", "up", "down", "out", "off", "in", "on", "just", "still", "all", "open",
     "good", "best", "better", "next", "last", "early", "late", "free", "sure", "clear", "far",
     "near", "long", "high", "once", "soon", "here", "there", "now", "then", "again", "also"}
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
# Articles that open a proper name inside an organisation's ("La Espiga" of "Panadería La Espiga
# LLC", "The Anchor" of "Harbor The Anchor Tavern"): the name without the trade before it.
ARTICLES = frozenset({"the", "la", "el", "los", "las", "le", "les"})
_LONGEST_ARTICLE_NAME = 3
_INITIALISM_SKIPS = frozenset({"of", "the", "and", "&"})
# Everyday office abbreviations: "different DOB" is a date of birth, not Driftless Organic Bakery.
# An organisation whose initials spell one is not named by them alone.
_EVERYDAY_ABBREVIATIONS = frozenset(
    {"dob", "ssn", "eod", "eow", "eom", "cob", "asap", "fyi", "tbd", "tba", "aka", "dba", "poa",
     "poc", "msj", "sol", "pto", "ooo", "nsf", "ach", "irs", "ssa", "ssi", "dmv", "cle", "ceo",
     "cfo", "pdf", "atm", "apr", "eta", "nda", "adr", "usps", "ups", "faq", "rsvp", "vin", "mou"}
)  # fmt: skip
_SHORTEST_INNER_WORD = 4
# Words of place that title a proper name ("Mt. Tabor", "Fort Dodge", "Lake Geneva"): the name
# after them is how people shorten the organisation ("the Tabor association").
_PLACE_TITLES = frozenset({"mount", "mt", "fort", "ft", "saint", "st", "port", "lake", "cape"})
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Vietnamese family names: a name that opens with one and is written the Vietnamese way (its
# tone marks, or a middle name Văn or Thị) puts the family name first: "Nguyễn Văn Hùng".
_FAMILY_FIRST_NAMES = frozenset(
    {"nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
     "ho", "ngo", "duong", "ly", "dinh", "truong", "trinh", "doan", "luong", "lam", "cao", "ta",
     "quach", "luu", "chau", "thai", "kieu", "vuong", "dao", "ton", "giang", "lai", "trieu",
     "mac", "tang", "la", "ha", "mai", "diep", "khuu", "tu", "thach", "au", "lu", "lieu"}
)  # fmt: skip
_FAMILY_FIRST_MIDDLES = frozenset({"van", "thi"})
# Marks only Vietnamese spelling stacks or uses among Latin scripts: dot below, hook above,
# horn, breve; and the crossed d.
_VIETNAMESE_MARKS = frozenset({"\u0323", "\u0309", "\u031b", "\u0306"})
_SURNAME_PARTICLES = frozenset(
    {"de", "la", "del", "della", "van", "von", "der", "da", "di", "le", "du", "dos", "das", "st",
     "mac", "al", "el", "bin", "ter", "ten"}
)  # fmt: skip


def number_key(written: str) -> tuple[str, ...]:
    # "2026-0113", "2026/113" and "#2026-0113" are one number; "2026-01-13" is a date.
    return tuple(part.lstrip("0") or "0" for part in _SEPARATORS.split(written) if part)


def squashed_key(key: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(squashed, key))


def family_name_first(client_name: str) -> bool:
    """Whether a person's name puts the family name first, the Vietnamese way: "Nguyễn Văn
    Hùng", "Tran Thi Hoa" (not "Ha Nguyen", nor "Mai Vang" without Vietnamese marks)."""
    name = name_words(client_name)
    if len(name) < 2 or name[0] not in _FAMILY_FIRST_NAMES or name[-1] in _FAMILY_FIRST_NAMES:
        return False
    marks = set(unicodedata.normalize("NFD", client_name)) | set(client_name)
    return bool(marks & (_VIETNAMESE_MARKS | {"\u0111", "\u0110"})) or (
        len(name) >= 3 and name[1] in _FAMILY_FIRST_MIDDLES
    )


def family_first_word(word: str) -> bool:
    """Whether a folded word may open or go on a name written family first: "nguyen", "van"."""
    return word in _FAMILY_FIRST_NAMES or word in _FAMILY_FIRST_MIDDLES


def surnames(client_name: str) -> set[tuple[str, ...]]:
    """How a person may be named by surname: "Garcia", "de la Cruz", "Rao" of "Banerjee-Rao";
    a name written family first by its family name and by the given name it is called by
    ("Nguyen", "Hùng" of "Nguyễn Văn Hùng")."""
    name = name_words(client_name)
    if family_name_first(client_name):
        return {name[:1], name[-1:]}
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


def organisation(client_name: str) -> tuple[str, ...] | None:
    """The words of an organisation's name without its legal form ("Kestrel Glassworks" of
    "Kestrel Glassworks, Inc."); None for a person's name."""
    name = name_words(client_name)
    if family_name_first(client_name):
        return None  # "Trần Thị Hoa" is a person, no HOA
    core = name
    while core and core[-1] in COMPANY_SUFFIXES:
        core = core[:-1]
    if core != name or any(word in _ORGANISATION_WORDS for word in name) or name[-1] == "hoa":
        return core or None
    if len(name) >= 3 and any(word in _GROUP_WORDS for word in name):
        return core
    return None


def organisation_keys(core: tuple[str, ...]) -> set[tuple[str, ...]]:
    """How an organisation may be named: by its distinctive first words ("Tamarack", "pine
    hollow"), maybe with the rest as initials ("park city mhoa"), or wholly by initials."""
    keys = {core}
    for size in range(1, len(core)):
        prefix, rest = core[:size], core[size:]
        # "Park City" alone is a place; "Park City MHOA" and "Pine Hollow" are the client, and
        # so is a kind of people with a word of organising ("Familias Unidas").
        if not set(prefix) <= _GENERIC_NAME_WORDS | _ORGANISATION_WORDS or (
            len(prefix) >= 2
            and not set(prefix) <= _GENERIC_NAME_WORDS
            and not set(prefix) <= _ORGANISATION_WORDS
        ):
            keys.add(prefix)
        keys |= {prefix + (initials,) for initials in _initialisms(rest)}
    keys |= {
        (initials,) for initials in _initialisms(core)
        if len(initials) >= 3 and initials not in _EVERYDAY_ABBREVIATIONS
    }  # fmt: skip
    return keys


def clipped_key(core: tuple[str, ...]) -> tuple[str, ...] | None:
    """An organisation's first word alone when it is an everyday word ("Back" of "Back Cove
    Seniors Housing"): opening a sentence it is the word ("Back Wednesday."), so it names the
    client only where a name is surely meant."""
    return core[:1] if len(core) >= 2 and core[0] in _EVERYDAY_FIRST_WORDS else None


def inner_organisation_keys(core: tuple[str, ...]) -> set[tuple[str, ...]]:
    """How an organisation may be named by its trade after a place ("Pierogi" of "Polish Hill
    Pierogi Company", "Glassworks" of "Harbor Glassworks"): its last word, or last two, when
    they are no words of place or kind ("Bakery", "Tenants Association" name no one), after
    any word of organising ("Riverside" of "Winooski Riverside Cooperative")."""
    generic = _GENERIC_NAME_WORDS | _ORGANISATION_WORDS | _GROUP_WORDS | COMPANY_SUFFIXES
    keys: set[tuple[str, ...]] = set()
    # "Riverside" of "Winooski Riverside Cooperative": the trade or name before the word of
    # organising counts as the last word would.
    while len(core) > 2 and core[-1] in _ORGANISATION_WORDS:
        core = core[:-1]
    if len(core) >= 2 and core[-1] not in generic and len(core[-1]) >= _SHORTEST_INNER_WORD:
        keys.add(core[-1:])
    if len(core) >= 3 and not set(core[-2:]) & generic:
        keys.add(core[-2:])
    # "Tabor" of "Mt. Tabor Residents Association": the proper name a word of place titles.
    if (
        len(core) >= 2
        and core[0] in _PLACE_TITLES
        and core[1] not in generic
        and len(core[1]) >= _SHORTEST_INNER_WORD
    ):
        keys.add(core[1:2])
    # "La Espiga" of "Panadería La Espiga": an article opening the proper name after a trade.
    for start in range(1, len(core) - 1):
        rest = core[start + 1 :]
        if (
            core[start] in ARTICLES
            and len(core) - start <= _LONGEST_ARTICLE_NAME
            and not set(rest) & generic
            and max(map(len, rest)) >= _SHORTEST_INNER_WORD
        ):
            keys.add(core[start:])
    return keys


def place_keys(core: tuple[str, ...]) -> set[tuple[str, ...]]:
    """An organisation's first words when they are words of place alone ("Grand River" of "Grand
    River Grain & Cattle", "Park City" of "Park City MHOA"): a place, unless written where a name
    is surely meant (with its legal form, as a possessive, set off as a line's client)."""
    keys: set[tuple[str, ...]] = set()
    for size in range(2, len(core)):
        prefix = core[:size]
        if set(prefix) <= _GENERIC_NAME_WORDS and not set(prefix) <= ARTICLES | {"de", "del"}:
            keys.add(prefix)
    return keys


def _initialisms(words: tuple[str, ...]) -> set[str]:
    if len(words) < 2:
        return set()
    kept = [w for w in words if w not in _INITIALISM_SKIPS]
    return {"".join(w[0] for w in words), "".join(w[0] for w in kept)} - {""}


def organisation_tail(core: tuple[str, ...], name: tuple[str, ...]) -> frozenset[str]:
    """Words that may follow an organisation's distinctive part and still be its name: "the
    Tamarack co-op", "pine hollow residents assn", "Bayou Vista HOA" (home owners)."""
    tail = set(name) | COMPANY_SUFFIXES
    if {"homeowners", "association"} <= set(core):
        tail.add("hoa")
    for word in core:
        tail |= {word.removesuffix("s"), word + "s", *_SHORT_FORMS.get(word, ())}
    for size in range(1, len(core) - 1):
        tail |= _initialisms(core[size:])
    return frozenset(squashed_key(tuple(tail)))


def titled_surnames(client_name: str, title: str) -> set[tuple[str, ...]]:
    """A first surname the matter's title names the client by, where it leaves the last word of
    their name out: "Ramírez" (and "Ramírez Soto") of "Lucía Ramírez Soto" in "Ramírez –
    identity theft"; none for "Gerald Wayne Pruitt" in "Pruitt v. Equifax"."""
    name, words = name_words(client_name), name_words(title)
    said = set(words)
    if len(name) < 3 or family_name_first(client_name) or organisation(client_name) is not None:
        return set()
    if name[-1] in said:
        return _two_surnames(name, words)
    middles = [i for i in range(1, len(name) - 1) if name[i] in said and name[i].isalpha()]
    return {key for i in middles for key in (name[i : i + 1], name[i:])}


def _two_surnames(name: tuple[str, ...], title: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The first of two surnames, the Spanish way, where the title names the client by both
    and by no given name: "Yupanqui" (and "Yupanqui Ccori") of "Rosa Elvira Yupanqui Ccori" in
    "LVNV v. Yupanqui Ccori"; none for "Estate of John Paul Jones"."""
    first, last = name[-2], name[-1]
    if not first.isalpha() or first in _SURNAME_PARTICLES:
        return set()
    both = [i for i in range(1, len(title)) if title[i - 1] == first and title[i] == last]
    if not both or any(i >= 2 and title[i - 2] == name[-3] for i in both):
        return set()
    return {(first,), (first, last)}


def given_names(name: tuple[str, ...]) -> frozenset[str]:
    """A person client's given names: the first word, and each after "and" ("June" of "Walter
    and June Pemberton"), in their squashed forms."""
    if len(name) < 2:
        return frozenset()
    givens = {name[0]} | {name[i + 1] for i in range(len(name) - 2) if name[i] in _AND}
    return frozenset(squashed(g) for g in givens if g.isalpha() and len(g) > 1)

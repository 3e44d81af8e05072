"""The part a client's name plays in a text: the client's own, a relative's, a namesake's, a model
for other work, or the one who referred a prospect."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from matching.parse.name_places import DETERMINERS
from matching.parse.occupied import credited_before, occupied_before
from matching.parse.words import Span, Word

__all__ = [
    "ANOTHER_PERSON", "ANOTHER_PERSON_WARNING", "DOUBTS", "GIVEN_NAME", "GIVEN_NAME_WARNING",
    "MODEL", "NAME", "NAMED_RELATIVE", "OTHER_GIVEN_NAME", "RELATIVE_OF_CLIENT", "RELATIVE_WARNING",
    "REFERRER", "SET_ASIDE", "WRITERS_OWN", "Named", "after_another_given_name", "another_person",
    "borrowed_kind", "relative_kind", "set_aside", "weighed",
]  # fmt: skip

# How surely a name names a client's matter: a surname or full name, a given name alone, a name
# followed by a relative's ("Nunn's sister": the client's matter, unless the text says the work is
# for a prospect), a surname after another given name.
NAME, GIVEN_NAME, RELATIVE_OF_CLIENT, ANOTHER_PERSON = "name", "given", "relative", "other"
# A client's relative named in their own right ("Nunn's sister (Ada Bell)"): the work may be theirs;
# a client named as the model for another's work ("use Fifita's as a template").
NAMED_RELATIVE, MODEL = "named relative", "model"
# A client named as the one who sent a prospect ("the woman Familias Unidas referred"): the work
# is the prospect's, no matter of the client's.
REFERRER = "referrer"
# A client said not to be meant: "the LVNV one, not Lavonne's".
SET_ASIDE = "set aside"
_NOT_BEFORE = re.compile(r"(?:[,(;]|\bone)\s*not\s+(?:the\s+|for\s+)?$", re.IGNORECASE)
# A client named as what keeps the writer busy ("I'm double-booked with the Ortiz call"): the
# reason someone else is asked, so the work is another client's when the text names one.
WRITERS_OWN = "writer's own"
# A surname after a given name none of its clients has, with no courtesy title ("Keondra Brown"
# for client Sherelle Brown): a relative, a namesake, or the client by a nickname ("Jerry" for
# Gerald), so the client's, unless the text says a relative of theirs is a prospect.
OTHER_GIVEN_NAME = "other given name"
GIVEN_NAME_WARNING = "\u201c{name}\u201d is only a client's given name; give the matter number"
ANOTHER_PERSON_WARNING = "the name is not a client's full name; give the matter number"
RELATIVE_WARNING = "the work may be for a client's relative, not the client; give the matter number"
_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
DOUBTS = {ANOTHER_PERSON: ANOTHER_PERSON_WARNING, NAMED_RELATIVE: RELATIVE_WARNING}
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
    r"client|(?:hasn't|has\s+not|haven't|have\s+not|not\s+yet)\s+(?:signed|retained|engaged)"
    # "wants to hire us", "would like to retain us", "wants us to represent her".
    r"|(?:wants?|wanted|would\s+like|looking|hoping)\s+(?:to\s+(?:hire|retain)\s+us"
    r"|us\s+to\s+(?:represent|take\s+(?:her|him|them)\s+on)))\b"
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
# "the woman Bello referred", "the Bello referral": the prospect the client sent.
_REFERRED_AFTER = re.compile(
    r"(?:'s|\u2019s)?\s+(?:(?:(?:has|had|just|kindly)\s+)?referred|referrals?)\b",
    re.IGNORECASE,
)
# "I've got a conflict with the Ortiz thing", "I'm double-booked with the", "I'm stuck in the",
# "I'll be in the" (the writer's hearing, call or deposition elsewhere).
_BUSY_REACH = 60  # the phrase ends right before the name; no need to look further back
_WRITER_BUSY_BEFORE = re.compile(
    r"\b(?:i'm|i\s+am|i've|i\s+have|i\s+got|i'll\s+be|i\s+will\s+be)\s+(?:got\s+|been\s+)?"
    r"(?:(?:a\s+)?(?:schedul\w*\s+)?conflict\s+with|double[-\s]?booked\s+(?:with|for)"
    r"|stuck\s+(?:in|at|on|with)|tied\s+up\s+(?:in|with|on)|in|at)\s+(?:the\s+|a\s+|my\s+)?$",
    re.IGNORECASE,
)
_REFERRED_BEFORE = re.compile(
    r"\b(?:referred\s+(?:to\s+us\s+)?by|(?:a\s+)?referral\s+from|sent\s+(?:to\s+us\s+|over\s+)?by)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def relative_kind(text: str, span: Span) -> str | None:
    """A name followed by a relative's: the client's matter ("Nunn's sister"), or maybe not,
    when the relative is given a name of their own ("Nunn's sister (Ada Bell)"); else None."""
    relative = _RELATIVE.match(text, span[1])
    if relative is None:
        return None
    return NAMED_RELATIVE if _OWN_NAME.match(text, relative.end()) else RELATIVE_OF_CLIENT


def set_aside(text: str, span: Span) -> bool:
    """Whether the name at `span` is said not to be meant: "the LVNV one, not Lavonne's"."""
    return _NOT_BEFORE.search(text, max(0, span[0] - _BUSY_REACH), span[0]) is not None


def borrowed_kind(text: str, span: Span) -> str | None:
    """A client named for another's work: as its model ("use Fifita's as a template", "same
    facts as Fifita"), as the one who referred a prospect ("the woman Bello referred", "the
    new lady from the Bello referral"), as earlier work that credits someone ("you did the
    Bello memo"), as the one not meant ("the LVNV one, not Bello's"), or as what keeps the writer or another from doing it ("I'm double-booked with
    the Bello call", "Tish is on Bello")."""
    if set_aside(text, span):
        return SET_ASIDE
    if _MODEL_AFTER.match(text, span[1]) or _MODEL_BEFORE.search(text, 0, span[0]):
        return MODEL
    if _REFERRED_AFTER.match(text, span[1]) or _REFERRED_BEFORE.search(text, 0, span[0]):
        return REFERRER
    if credited_before(text, span):
        return MODEL
    busy = _WRITER_BUSY_BEFORE.search(text, max(0, span[0] - _BUSY_REACH), span[0])
    if busy or occupied_before(text, span):
        return WRITERS_OWN
    return None


class Named(NamedTuple):
    """A client named in the text: their matters, where, what to mask, and how surely."""

    matters: set[str]
    span: Span
    mask: Span
    kind: str


# Names that count only when no other client is named.
_SECONDARY = frozenset({GIVEN_NAME, MODEL, WRITERS_OWN})


def weighed(named: list[Named], folded: str) -> list[Named]:
    """The names that count: a bare given name only when no surname says otherwise ("Keisha's
    photos" in the Boone item, not beside another client's surname); a client's relative, and
    their surname after another given name, only when the text does not say a relative is a
    prospect; a matter named as a model or as what keeps the writer busy only when no other is
    named ("answer for Mahe, use Fifita's as a template", "cover Mahe, I'm stuck in the Fifita
    depo"); never a client named as the one who referred a prospect ("an intake with the man
    Bello referred") nor as the one not meant ("not Bello's")."""
    surnames = [n.matters for n in named if n.kind not in _SECONDARY]
    prospect = _PROSPECT.search(folded) is not None
    # The clients whose relative the text calls a prospect: their surname after another given
    # name is that relative ("Ada Nunn's cousin wants to hire us … her name is Bea Nunn").
    prospects_kin = [n.matters for n in named if n.kind == RELATIVE_OF_CLIENT] if prospect else []
    return [
        n for n in named
        if (n.kind not in _SECONDARY or not surnames
            or any(n.matters & m for m in surnames))
        and not (n.kind == RELATIVE_OF_CLIENT and prospect)
        and not (n.kind == OTHER_GIVEN_NAME and any(n.matters & m for m in prospects_kin))
        and n.kind not in (REFERRER, SET_ASIDE)
    ]  # fmt: skip


def another_person(
    text: str,
    found: list[Word],
    index: int,
    given_names: list[frozenset[str]],
    is_known_word: Callable[[str], bool],
) -> bool:
    """Whether the surname at `index` follows a given name none of its clients has (their
    `given_names`), after a courtesy title ("Ms. Odessa Pruitt"): someone else of that name,
    maybe a prospect."""
    if index < 2 or found[index - 2][2] not in _COURTESY_TITLES:
        return False
    return after_another_given_name(text, found, index, given_names, is_known_word)


def after_another_given_name(
    text: str,
    found: list[Word],
    index: int,
    given_names: list[frozenset[str]],
    is_known_word: Callable[[str], bool],
) -> bool:
    """Whether the surname at `index` follows right after a capitalised given name none of its
    clients has (their `given_names`), no known word nor staff name: "Keondra Brown"; not "The
    Brown file"."""
    if index < 1 or found[index - 1][2] in DETERMINERS:
        return False
    start, end, word = found[index - 1]
    written = text[start:end]
    return (
        len(word) > 1
        and word.isalpha()
        and written[:1].isupper()
        and found[index][0] - end == 1
        and not is_known_word(word)
        and all(word not in given for given in given_names)
    )

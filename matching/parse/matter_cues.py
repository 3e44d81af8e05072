"""Which of a client's matters a text means: captions ("Midland v. Ortiz"), practice words, chapters."""

from __future__ import annotations

import re

from matching.parse.client_names import COMPANY_SUFFIXES
from matching.parse.words import Word, name_words

__all__ = [
    "BANKRUPTCY", "BANKRUPTCY_WORK", "CHAPTER_CUE", "NOT_PARTY_WORDS", "bankruptcy_caption",
    "KIN_WARNING", "caption_initialisms", "caption_party", "caption_side", "client_side",
    "in_caption", "kin_named", "says_all_cases",
    "near_cues", "near_words", "practice_cues", "settled_by_caption", "sure_cues", "text_cues", "told_cases",
]  # fmt: skip

# A party said to pick one of several cases: "the LVNV one", "the Midland suit", "(LVNV one".
_WHICH_CASE = re.compile(
    r"(?:\bthe\s+|\(\s*)(?P<party>[a-z][\w-]*)\s+(?:one|case|suit|lawsuit|matter|file|acct|account)\b"
)
# The writer guessing which case: "(I think the Eversource one?)", "maybe the LVNV case".
_GUESS_BEFORE = re.compile(
    r"\b(?:i\s+think|i\s+guess|i\s+believe|maybe|probably|perhaps|not\s+sure)\b[^.;:!?()\n]*$"
)
_QUESTION_AFTER = re.compile(r"[^.;:!()\n]*?\?")
_CAPTION_SIDE = re.compile(r"\s+(?:v|vs|versus)\.?\s+\w", re.IGNORECASE)
_CAPTION_WORDS = frozenset({"v", "vs", "versus"})
# A title's caption, split into its parties: "Portfolio Recovery Associates LLC v. Luis Ortega
# (CCP Philadelphia)", "AAA Arbitration - Velocity Business Funding LLC v. …".
_CAPTION_SPLIT = re.compile(r"\s+(?:v|vs|versus)\.?\s+", re.IGNORECASE)
_PARTY_BOUNDS = re.compile(r"[()\[\];,/:\u2013\u2014]|\s-+\s")
_SHORTEST_INITIALISM = 3  # "PRA", "LVNV"; two letters ("CA", "MF") say too little
# Words of a caption or a title that name no party: "in Midland v. Ortiz", "(collection suit)".
NOT_PARTY_WORDS = frozenset(
    {"v", "vs", "the", "a", "an", "of", "and", "in", "on", "for", "re", "to", "by", "et", "al",
     "matter", "case", "file"}
) | COMPANY_SUFFIXES  # fmt: skip
_CAPTION_REACH = 3  # the party's words nearest the "v."
_CLAUSE_BREAK = re.compile(r"[,;:!?()\[\]\n]|\.\s|\s-+\s|\u2014")
# Words that mark a matter as a bankruptcy case, in its title or in a text about it.
_BANKRUPTCY_TITLE = re.compile(r"\b(?:in\s+re|chapter|bankruptcy)\b")
_BANKRUPTCY_WORDS = re.compile(
    r"\b(?:bk|bankruptcy|bankr|341|trustee|petition|schedules|scheds|means\s+test"
    r"|creditor\s+matrix|chapter|ch)\b"
)
# Work done only in a bankruptcy case: "BK scheds", "the 341", "SOFA Q9". A bare "the BK" may be
# another case's context ("the PRA suit vs the BK timing"); this work is the bankruptcy's own.
_BANKRUPTCY_WORK = re.compile(
    r"\b(?:schedules?|scheds?|sched\s+[a-j]|341|means\s+test|creditor\s+matrix|sofa"
    r"|statement\s+of\s+financial\s+affairs|proofs?\s+of\s+claim|reaffirmation)\b"
)
BANKRUPTCY_WORK = "bankruptcy work"
_CHAPTER = re.compile(
    r"\b(?:chapter|ch)\.?\s*(?P<number>7|11|12|13|seven|eleven|twelve|thirteen)\b"
)
_CHAPTER_NUMBERS = {"seven": "7", "eleven": "11", "twelve": "12", "thirteen": "13"}
BANKRUPTCY = "bankruptcy"
CHAPTER_CUE = "chapter "
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


def in_caption(text: str, word: Word) -> bool:
    # "call v jefferson capital": a party to a case, even in lower case.
    return _CAPTION_SIDE.match(text, word[1]) is not None


def caption_party(text: str, found: list[Word], index: int, size: int) -> frozenset[str]:
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
        if word[2] not in NOT_PARTY_WORDS:
            party.add(word[2])
        previous, at = word, at + step
    return frozenset(party)


def caption_side(found: list[Word], index: int, size: int) -> int:
    """Which side of a caption the name at `index` stands on: -1 before the "v." ("Kwan v.
    Apex"), 1 after it ("Apex v. Kwan"), 0 in no caption."""
    after = index + size
    if after + 1 < len(found) and found[after][2] in _CAPTION_WORDS:
        return -1
    return 1 if index >= 2 and found[index - 1][2] in _CAPTION_WORDS else 0


def settled_by_caption(
    scores: dict[str, int], sides: dict[str, int], side: int
) -> set[str] | None:
    """The one matter a caption settles: the one whose title holds most of the caption's other
    party (`scores`), or among those that tie, the one whose client stands on the caption's
    `side` ("Midland v. Pruitt" and "Pruitt v. Midland" are two cases); None if none."""
    best = max(scores.values(), default=0)
    top = {n for n, score in scores.items() if score == best}
    if best and len(top) == 1:
        return top
    fits = {n for n in top if sides.get(n) == side}
    return fits if best and side and len(fits) == 1 else None


def client_side(title: str, client: tuple[str, ...]) -> int:
    """Which side of its title's caption a matter's client stands on, as `caption_side` says:
    "Pruitt v. Midland" and "Midland v. Pruitt" are two cases told apart by it."""
    sides = _CAPTION_SPLIT.split(title)
    if len(sides) != 2 or not client:
        return 0
    left, right = (set(name_words(side)) for side in sides)
    surname = client[-1]
    return (surname in right) - (surname in left)


def bankruptcy_caption(found: list[Word], index: int) -> bool:
    """Whether the name at `index` follows "In re" ("In re Pruitt"): a bankruptcy's caption."""
    return index >= 2 and found[index - 2][2] == "in" and found[index - 1][2] == "re"


def caption_initialisms(title: str, client: tuple[str, ...]) -> frozenset[str]:
    """The initials of the other parties to a titled case, as texts shorten them: "pra" of
    "Portfolio Recovery Associates LLC v. Luis Ortega", "mcm" of "… v. Midland Credit
    Management Inc."; none for a title with no "v." nor for the client's own side."""
    sides = _CAPTION_SPLIT.split(title)
    if len(sides) < 2:
        return frozenset()
    found: set[str] = set()
    for index, side in enumerate(sides):
        # The party stands next to the "v.": the end of the left side, the start of the right.
        if index and index < len(sides) - 1:
            continue  # a middle piece of a caption with several "v.": no clear party
        # A company's suffix after a comma is no piece of its own: "Portfolio Recovery, LLC".
        pieces = [p for p in _PARTY_BOUNDS.split(side) if _party_words(p)]
        if not pieces:
            continue
        kept = _party_words(pieces[-1] if index < len(sides) - 1 else pieces[0])
        if set(kept) & set(client) or not all(w.isalpha() for w in kept):
            continue
        if len(kept) >= _SHORTEST_INITIALISM:
            found.add("".join(w[0] for w in kept))
    return frozenset(found)


def _party_words(piece: str) -> list[str]:
    return [w for w in name_words(piece) if len(w) > 1 and w not in NOT_PARTY_WORDS]


def practice_cues(title: str, parties: frozenset[str]) -> frozenset[str]:
    """The words of a matter's title that a text about it may use: its other parties ("midland",
    "fcra"), and for a bankruptcy case "bankruptcy" and its chapter ("chapter 7")."""
    cues = {w for w in parties - _TITLE_ONLY_WORDS if w.isalpha() and len(w) >= 3}
    if _BANKRUPTCY_TITLE.search(title):
        cues |= {BANKRUPTCY, BANKRUPTCY_WORK}
        cues |= {_chapter(m["number"]) for m in _CHAPTER.finditer(title)}
    return frozenset(cues)


def text_cues(folded: str, found: list[Word]) -> frozenset[str]:
    """The words of a text that may tell one of a client's matters from another."""
    cues = {w for _, _, w in found if w.isalpha() and len(w) >= 3}
    if _BANKRUPTCY_WORDS.search(folded):
        cues.add(BANKRUPTCY)
    if _BANKRUPTCY_WORK.search(folded):
        cues.add(BANKRUPTCY_WORK)
    cues |= {_chapter(m["number"]) for m in _CHAPTER.finditer(folded)}
    return frozenset(cues)


def _chapter(number: str) -> str:
    return CHAPTER_CUE + _CHAPTER_NUMBERS.get(number, number)


def sure_cues(cues: frozenset[str], others: frozenset[str], near: frozenset[str]) -> bool:
    """Whether the `cues` that point to one of a client's matters settle it, where `others`
    point to another and `near` are the cues said right after the client's name: a bankruptcy's
    own work ("BK scheds: list the PRA suit"); its chapter said with the name ("the Mbatha ch.
    7"), or anywhere when nothing points to another matter ("the Chapter 7 checklist to Gloria
    Pruitt"); with no cue for another, a party, a practice or the word "bankruptcy" said right
    after the name ("the Pruitt FCRA case", "Whitehurst's trustee"). A chapter beside another
    case's party ("Cavalry's offer, or let the Ch. 13 plan deal with it") or a word of
    bankruptcy said apart from the name ("Villalobos: the trustee's deadline") only suggests it:
    a client's lawsuit has its own deadlines, and a text may weigh one case against the other."""
    chapters = {c for c in cues if c.startswith(CHAPTER_CUE)}
    if BANKRUPTCY_WORK in cues or not chapters.isdisjoint(near):
        return True
    if others:
        return False
    return bool(chapters) or not cues.isdisjoint(near)


# What ends the phrase a client's name stands in: a party after it opens news of its own
# ("Whitfield — LVNV dismissed", "Ortiz: Midland called"), not the name of one case.
_PHRASE_END = re.compile(r"[.:;!?()\u2013\u2014]|\s-+\s")


def near_words(folded: str, found: list[Word], end: int, reach: int) -> set[str]:
    """The first `reach` words after a client's name that ends at `end`, in the same phrase."""
    near: set[str] = set()
    for start, _, word in (w for w in found if w[0] >= end):
        if len(near) >= reach or _PHRASE_END.search(folded, end, start):
            break
        near.add(word)
    return near


def near_cues(folded: str, found: list[Word], end: int, reach: int) -> frozenset[str]:
    """The cues said in the first `reach` words after a client's name that ends at `end`:
    the words themselves, and "bankruptcy" or the chapter they name ("Villalobos Ch. 13")."""
    near = [w for w in found if w[0] >= end][:reach]
    words = near_words(folded, found, end, reach)
    kept = [w for w in near if w[2] in words]
    if not kept:
        return frozenset()
    return text_cues(folded[end : kept[-1][1]], kept)


# The work said to be for every one of a client's cases: "save a copy to both of her matters".
_ALL_CASES = re.compile(
    r"\b(?:both|all|each)\s+(?:of\s+)?(?:her|his|their|the\s+client'?s)\s+"
    r"(?:matters|cases|files|suits)\b|\bboth\s+(?:matters|cases|files|suits)\b"
)


def says_all_cases(folded: str) -> bool:
    """Whether the text says its work is for each of a client's cases ("both of her matters"):
    no word of one case then picks it."""
    return _ALL_CASES.search(folded) is not None


def told_cases(folded: str) -> set[str]:
    """The parties said to pick one of a client's cases ("the LVNV one"), unless the writer
    only guesses ("I think the Eversource one?"): then the text does not settle it."""
    return {
        m["party"] for m in _WHICH_CASE.finditer(folded)
        if not _GUESS_BEFORE.search(folded, 0, m.start()) and not _QUESTION_AFTER.match(folded, m.end())
    }  # fmt: skip


KIN_WARNING = (
    "the text names {name} only as someone else's relation or neighbour: whose matter is it?"
)
# A client named only as the tie of another person who is then named ("Ms. Ruth Abney's
# neighbor, a Mr. Carl Dunn", "the Pikes' nephew Rory Hale"): the request is that person's.
_KIN_OF = re.compile(
    r"\s*'?s?\s+(?:neighbou?r|friend|co-?worker|roommate|tenant|landlord|boss|employee|cousin"
    r"|nephew|niece|brother|sister|son|daughter|mother|father|mom|mum|dad|aunt|uncle|grandson"
    r"|granddaughter|boyfriend|girlfriend|fianc[ée]e?|partner|in-law|brother-in-law"
    r"|sister-in-law|son-in-law|daughter-in-law)\b[\s,:(]*(?:an?\s+)?"
    r"(?:(?i:mr|mrs|ms|miss|dr)\.?\s+)?[A-Z][a-z'-]+"
)


# ... or a relation who got in touch ("'s neighbor called") about business of their own: an
# intake, a suit of their own or one like the client's.
_KIN_CALLED = re.compile(
    r"\s*'?s?\s+(?:neighbou?r|friend|co-?worker|roommate|cousin|nephew|niece|brother|sister|son"
    r"|daughter|mother|father|mom|mum|dad|aunt|uncle|in-law)\s+(?:just\s+)?(?:called|phoned"
    r"|rang|emailed|texted|walked\s+in|came\s+in|stopped\s+by|reached\s+out)\b"
)
_OWN_BUSINESS = re.compile(
    r"\b(?:intake|(?:his|her|their)\s+own|similar|same\s+kind\s+of)\b", re.IGNORECASE
)


def kin_named(text: str, spans: list[tuple[int, int]]) -> str | None:
    """The client's name when every place the text names a client it names them as another
    named person's relation or neighbour, or as the relation of one calling about business of
    their own; else None."""
    if not spans:
        return None
    own = _OWN_BUSINESS.search(text) is not None
    if not all(_KIN_OF.match(text, end) or own and _KIN_CALLED.match(text, end)
               for _, end in spans):
        return None
    start, end = spans[0]
    return text[start:end]

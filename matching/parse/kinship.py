"""Names spoken to with a Vietnamese word of kinship: "Khánh ơi, …", "Duy em, …", "chị Quỳnh, …"."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from matching.parse.naming import ADDRESSEE, STRONG, WEAK, Naming
from matching.parse.vocatives import OPENING_WORDS
from matching.parse.words import Word

__all__ = ["KIN_WORDS", "kin_vocatives"]

_start = itemgetter(0)

# Words of kinship said with a given name, folded: "anh Khoa", "chị Hà", "em Mai", "cô Lan",
# "chú Sáu", "bà", "ông", "bác"; said of staff and clients alike.
KIN_WORDS = frozenset({"anh", "chi", "em", "co", "chu", "ba", "ong", "bac"})
_KIN = r"(?:anh|chi|em|co|chu|ba|ong|bac)"
# After the name, the ones a speaker calls the person by: "Duy em", "Owen em", "Quỳnh chị".
_KIN_AFTER = r"(?:anh|chi|em)"
# A name spoken to, folded ("ơi" is "oi"), where a text or clause opens: maybe after "dạ" and a
# word of kinship, and maybe followed by one ("Duy em") and by "ơi", the particle of calling.
_CALLED = re.compile(
    rf"[ \t]*(?:da\s+)?(?:(?P<kin>{_KIN})\s+)?(?P<name>[a-z][a-z'-]*)"
    rf"(?P<after>\s+{_KIN_AFTER})?(?P<oi>\s+oi\b)?"
)
# What sets a name off without "ơi": a comma, colon, stop or dash ("Duy em, …", "em Khanh: …").
_SET_OFF = re.compile(r"\s*(?:[,:!.]|\s?[-\u2013\u2014])")


def kin_vocatives(
    text: str, folded: str, found: list[Word], clauses: set[int]
) -> list[Naming]:
    """Names called out with a word of kinship or "ơi" where a text or clause opens: "Khánh ơi,
    …", "Duy em, e-file …", "chị Quỳnh, …": a capitalised name, after a word of kinship only a
    roster name (people.py), "cô Lan" being as likely a client; never a word a sentence opens
    with ("Yes em, …")."""
    places = []
    for start in sorted({0, *clauses}):
        match = _CALLED.match(folded, start)
        if match is None or not text[match.start("name")].isupper():
            continue
        kin = match["kin"] or match["after"]
        called = match["oi"] or (kin and _SET_OFF.match(folded, match.end()))
        if not called or match["name"] in KIN_WORDS or match["name"] in OPENING_WORDS:
            continue
        index = bisect_left(found, match.start("name"), key=_start)
        if index < len(found) and found[index][0] == match.start("name"):
            # (a name called with "ơi" or followed by kinship is surely someone's: asked about
            # when on no roster, as "Danny em, …" for a Duc)
            strength = STRONG if match["oi"] or match["after"] else WEAK
            places.append(Naming(match.start("name"), index, strength, ADDRESSEE))
    return places

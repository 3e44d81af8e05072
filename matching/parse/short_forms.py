"""Given names' short forms: the nickname table's, a spelling variant's, and pet forms like "Dusty"."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from matching.parse.diminutives import diminutives
from matching.text import fold

__all__ = [
    "NICKNAME_PREFIX", "SUFFIX_NAMES", "Nicknames", "begun_names", "short_forms", "without_suffix",
]  # fmt: skip

# A given name's short forms: "rebecca" -> {"becca", "becky", ...} (bot/nicknames.py loads them).
Nicknames = Mapping[str, Collection[str]]

NICKNAME_PREFIX = 3  # "Dan" for Daniel, "Chris" for Christopher
_NICKNAME_ENDING = 5  # "Becca" for Rebecca
# A pet form: a name's first syllable and "-y" or "-ie" ("Dusty" for Dustin, "Katie" for
# Katherine, "Timmy" for Timothy), the syllable at least this long.
_PET_ENDINGS = ("ie", "ey", "y")
_PET_STEM = 3
# A first name the nickname table lacks borrows the short forms of a spelling of it the table
# knows, one letter apart and alike in its first letters ("Leticia": Letitia's "Tish";
# "Rosalind": Rosalinda's "Roz"); shorter names are too often other names ("Mary", "Mark").
_VARIANT_LETTERS = 6
_VARIANT_SAME_START = 3
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
# A generation's suffix ends a name without being its surname ("Thomas Kimbrough III"); a third
# of the name is called by it ("Trey", "Tripp").
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
SUFFIX_NAMES: dict[str | None, tuple[str, ...]] = {"iii": ("trey", "tripp", "trip")}


def without_suffix(name: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """A name's words without a generation's suffix, and the suffix: ("thomas", "kimbrough",
    "iii") -> (("thomas", "kimbrough"), "iii")."""
    if len(name) > 2 and name[-1] in _SUFFIXES:
        return name[:-1], name[-1]
    return name, None


def short_forms(by_first_name: Mapping[str, set[str]], nicknames: Nicknames) -> dict[str, set[str]]:
    """Short forms of the roster's first names (`by_first_name`: first name -> e-mails), to whom
    they may refer ("becca": Rebecca), a name the table lacks taking those of its spelling
    variants ("tish": Leticia); never a first name someone on the roster has."""
    by_nickname: dict[str, set[str]] = {}
    for first, emails in by_first_name.items():
        shorts = set(nicknames.get(first) or _variants_short_forms(first, nicknames))
        # (Spanish diminutives of the name and of its short forms: "Tomasito", "Luchito"; not
        # one that is a given name of its own, "Juanita")
        for word in [first, *shorts]:
            shorts.update(d for d in diminutives(fold(word)) if d not in nicknames)
        for short in shorts:
            if short not in by_first_name:
                by_nickname.setdefault(fold(short), set()).update(emails)
    return by_nickname


def begun_names(
    word: str, first_names: Sequence[str], shortest: int = NICKNAME_PREFIX, pet: bool = True
) -> list[str]:
    """The `first_names` a short form may stand for by its letters: "Dan" for Daniel, "Becca" for
    Rebecca, "Jo" for Jolene (where `shortest` allows two letters), and a `pet` form's first
    syllable ("Dusty" for Dustin); all of them, so that a beginning two share is asked about."""
    if len(word) < shortest or not word.isalpha():
        return []
    fits = [
        n for n in first_names
        if len(n) > len(word) and (
            n.startswith(word) or len(word) >= _NICKNAME_ENDING and n.endswith(word))
    ]  # fmt: skip
    for stem in _pet_stems(word) if pet else ():
        fits += [n for n in first_names if len(n) > len(stem) + 1 and n.startswith(stem)]
    return fits


def _pet_stems(word: str) -> tuple[str, ...]:
    """The first syllables a pet form may be made of: "dusty" -> "dust"; "timmy" -> "timm",
    "tim"; none for a word with no pet ending or too short a rest ("amy")."""
    for ending in _PET_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _PET_STEM:
            stem = word[: -len(ending)]
            if len(stem) > _PET_STEM and stem[-1] == stem[-2]:
                return stem, stem[:-1]
            return (stem,)
    return ()


def _variants_short_forms(first: str, nicknames: Nicknames) -> set[str]:
    """The short forms of the table's spellings one letter from `first` (dropped, changed,
    added or swapped past its first letters): "leticia" -> Letitia's {"tish", ...}."""
    if len(first) < _VARIANT_LETTERS or not first.isalpha():
        return set()
    keep = _VARIANT_SAME_START
    spellings: set[str] = set()
    for at in range(keep, len(first) + 1):
        head, tail = first[:at], first[at:]
        spellings.update(head + letter + tail for letter in _ALPHABET)
        if tail:
            spellings.add(head + tail[1:])
            spellings.update(head + letter + tail[1:] for letter in _ALPHABET)
        if len(tail) > 1:
            spellings.add(head + tail[1] + tail[0] + tail[2:])
    spellings.discard(first)
    return {short for spelling in spellings for short in nicknames.get(spelling, ())}

"""Case, accent and punctuation folding that keeps every character at its index."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Typographic punctuation chat clients substitute for what people type; one char for one char
# so that spans found in folded text are spans of the original text too.
_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200b": " ",
        "\u2192": ">",
        "\u00a7": " ",
    }
)
# Letters that decompose to no ASCII base but are read as one: Vietnamese "Đinh" is "Dinh".
_PLAIN_LETTERS = {"\u0111": "d", "\u0110": "d", "\u00f0": "d", "\u00f8": "o", "\u00d8": "o",
                  "\u0142": "l", "\u0141": "l", "\u0131": "i"}


def fold(text: str) -> str:
    """Lower-case ASCII rendering of `text` with the same length, so indexes carry over."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text.translate(_TYPOGRAPHIC))


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    if char.isascii():
        return char.lower()
    if char in _PLAIN_LETTERS:
        return _PLAIN_LETTERS[char]
    base = unicodedata.normalize("NFKD", char)[:1].lower()
    if len(base) == 1 and base.isascii():
        return base
    lowered = char.lower()
    return lowered if len(lowered) == 1 else " "


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span overwritten by spaces (lengths unchanged)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


# A word: letters and digits, joined through "&" ("c&d") or an apostrophe ("don't").
_WORD = re.compile(r"[a-z0-9]+(?:[&'][a-z0-9]+)*")


def words(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for each word of folded text; a possessive "'s" is not part of it."""
    if "'" not in folded:
        return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded)]
    found = []
    for match in _WORD.finditer(folded):
        word = match.group()
        word = word.removesuffix("'s")
        found.append((match.start(), match.start() + len(word), word))
    return found

"""Spanish honorifics said before a given name: "Don Efraín", "doña Marta"."""

from __future__ import annotations

import re

from matching.parse.words import Word
from matching.text import fold

__all__ = ["honoured"]

# "Don"/"Doña" take a given name, not a surname: the respectful way to name an older client.
_HONORIFIC = re.compile(r"(?:^|[^\w'])(?:don|dona)\s$")


def honoured(text: str, found: list[Word], index: int) -> bool:
    """Whether the word at `index` is a given name said after "Don" or "Doña" (capitalised, or
    "doña" in any case): "Don Efraín", "doña Marta"; not "don't" nor "Don" alone as a name."""
    start = found[index][0]
    before = text[max(0, start - 5) : start]
    if not _HONORIFIC.search(fold(before)) or not text[start].isupper():
        return False
    said = before.split()[-1]
    return said[0].isupper() or fold(said) == "dona" and said != "dona"

"""Names a recording's transcript may mishear: a word that sounds as one roster first name does."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["SoundAlikes"]

# Spellings of one sound, in the order they are folded: "Lewis" sounds as "Luis" does, "Jon" as
# "John", "Kristin" as "Cristin", "Stephen" as "Steven".
_SOUNDS = (
    (re.compile(r"ph"), "f"),
    (re.compile(r"(?<=[bcdfgjklmnpqrstvwxz])h|(?<=[aeiou])h(?![aeiou])"), ""),
    (re.compile(r"ck|q|c(?![eiy])"), "k"),
    (re.compile(r"c"), "s"),
    (re.compile(r"z"), "s"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"ew|eu|oo|ou"), "u"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(?<=.)w(?=[aeiou])"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
)
# A word shorter than this sounds like too many names.
_MIN_LETTERS = 4


def _sound(word: str) -> str:
    for spelling, sound in _SOUNDS:
        word = spelling.sub(sound, word)
    return word


class SoundAlikes:
    """The roster's first names by how they sound, to read a name a transcript misheard."""

    def __init__(self, first_names: Iterable[str]) -> None:
        self._by_sound: dict[str, set[str]] = {}
        for name in first_names:
            if len(name) >= _MIN_LETTERS and name.isalpha():
                self._by_sound.setdefault(_sound(name), set()).add(name)

    def heard_as(self, word: str) -> str | None:
        """The one first name `word` (folded) sounds like, spelt otherwise; None if none or
        several."""
        if len(word) < _MIN_LETTERS or not word.isalpha():
            return None
        names = self._by_sound.get(_sound(word), set()) - {word}
        return next(iter(names)) if len(names) == 1 else None

"""Names colleagues go by besides the roster's: a display name ("Danny Lam"), a clipped surname, initials."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["by_initials", "clipped_surname", "initials_named", "shown_as"]

# A clipped surname spoken to ("wierz" for Wierzbicki): at least this long, and this much
# shorter than the surname, so that no other name or everyday word is taken for one.
_CLIP_LETTERS = 4
_CLIPPED_OFF = 3


def shown_as(
    said: tuple[str, ...],
    by_last_name: Mapping[str, set[str]],
    first_name_of: Mapping[str, str],
    first_names: Mapping[str, set[str]],
) -> set[str] | None:
    """The one roster person a mention's display name `said` (its words, folded) stands for when
    its given name is nobody's on the roster: the only bearer of its surname, whose given name
    starts with the same letter, the display name being the English name a colleague goes by
    ("Danny Lam" for Duc Lam). None when the surname is shared or the initials differ."""
    if len(said) < 2 or said[0] in first_names:
        return None
    bearers = by_last_name.get(said[-1], set())
    if len(bearers) != 1:
        return None
    (email,) = bearers
    return {email} if first_name_of[email][:1] == said[0][:1] else None


def clipped_surname(word: str, by_last_name: Mapping[str, set[str]]) -> set[str] | None:
    """Who a word spoken to names as the start of a long surname, as colleagues call one
    another ("wierz" for Wierzbicki): everyone whose surname it begins, so two are asked about."""
    if len(word) < _CLIP_LETTERS or not word.isalpha():
        return None
    fits = {
        email for last, emails in by_last_name.items()
        if len(last) >= len(word) + _CLIPPED_OFF and last.startswith(word) for email in emails
    }  # fmt: skip
    return fits or None


def by_initials(names: Iterable[tuple[str, tuple[str, ...]]]) -> dict[str, set[str]]:
    """Initials -> the people they may stand for, from (e-mail, name words) pairs: a full name's
    initials, given name's and surname's, and, for a middle initial, given name's and its
    ("emk", "ek", "em" for Eldon M. Keel)."""
    index: dict[str, set[str]] = {}
    for email, name in names:
        if len(name) < 2:
            continue
        keys = {name[0][0] + name[-1][0], "".join(word[0] for word in name)}
        if len(name) == 3 and len(name[1]) == 1:
            keys.add(name[0][0] + name[1])
        for key in keys:
            index.setdefault(key, set()).add(email)
    return index


def initials_named(written: str, index: Mapping[str, set[str]]) -> set[str] | None:
    """Whom a word written in capitals names by initials ("EM", "EMK"); None for other words."""
    if not (2 <= len(written) <= 4 and written.isalpha() and written.isupper()):
        return None
    return index.get(written.lower())

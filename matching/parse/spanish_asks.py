"""Work handed on in Spanish: "pídele a Marisa que …", "dile a Johnny que …"."""

from __future__ import annotations

from matching.parse.naming import HANDOFF, STRONG, Naming
from matching.parse.words import Word

__all__ = ["handed_on_in_spanish"]

# "pídele a X que …", "dile a X que …", "encárgale a X que …" (folded): ask X to.
_ASKING = frozenset(
    {"pidele", "pidale", "pidanle", "pedirle", "dile", "digale", "diganle", "decirle",
     "encargale", "encarguele"}
)  # fmt: skip


def handed_on_in_spanish(found: list[Word]) -> list[Naming]:
    """Each "pídele a <name> que …": the one named is asked, through the reader, to do it."""
    places: list[Naming] = []
    for index, (start, _, word) in enumerate(found[:-3]):
        if word in _ASKING and found[index + 1][2] == "a" and found[index + 3][2] == "que":
            places.append(Naming(start, index + 2, STRONG, HANDOFF))
    return places

"""Spanish diminutives of given names and their short forms: "Tomasito", "Anita", "Luchito"."""

from __future__ import annotations

# The shortest name or short form a diminutive is made of ("Ana" -> "Anita"); shorter ones
# ("Al") make words that are not names.
_SHORTEST = 3
# Spelling that keeps the sound before "-ito": "Paco" -> "Paquito", "Diego" -> "Dieguito".
_RESPELT = (("co", "qu"), ("ca", "qu"), ("go", "gu"), ("ga", "gu"), ("zo", "c"), ("za", "c"))


def diminutives(name: str) -> set[str]:
    """The Spanish diminutives of a (folded) given name or short form: "tomas" -> "tomasito";
    "ana" -> "anita"; "lucho" -> "luchito"; "paco" -> "paquito"; "jose" -> "josecito"; "carmen"
    -> "carmencita"."""
    if len(name) < _SHORTEST or not name.isalpha():
        return set()
    if name[-1] in "oa":
        stem = name[:-1]
        for ending, spelt in _RESPELT:
            if name.endswith(ending):
                stem = name[: -len(ending)] + spelt
        return {stem + "ito", stem + "ita"} if len(stem) >= 2 else set()
    if name[-1] == "e" or name[-1] in "nr":
        return {name + "cito", name + "cita"}
    return {name + "ito", name + "ita"}

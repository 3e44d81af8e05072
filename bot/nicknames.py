"""The given names' short forms the parser knows ("becca" for Rebecca), from the `nicknames`
package's hand-curated table, which ships inside the package (no download)."""

from __future__ import annotations

from functools import cache

from nicknames import NickNamer

from matching.parse import Nicknames

# Spanish given names' common short forms, which the package's English table lacks ("Beto"
# for Roberto, "Pepe" for José): bilingual firms call colleagues by them. None is an English
# word a task would use ("Memo" for Guillermo is left out).
_SPANISH: dict[str, frozenset[str]] = {
    "roberto": frozenset({"beto", "tito"}),
    "alberto": frozenset({"beto", "tito"}),
    "humberto": frozenset({"beto"}),
    "jose": frozenset({"pepe", "chepe"}),
    "francisco": frozenset({"paco", "pancho"}),
    "enrique": frozenset({"quique"}),
    "ignacio": frozenset({"nacho"}),
    "eduardo": frozenset({"lalo"}),
    "antonio": frozenset({"tonio"}),
    "jesus": frozenset({"chuy", "chucho"}),
    "guadalupe": frozenset({"lupe", "lupita"}),
    "dolores": frozenset({"lola"}),
    "consuelo": frozenset({"chelo"}),
    "rosario": frozenset({"charo", "chayo"}),
    "concepcion": frozenset({"concha", "conchita"}),
    "graciela": frozenset({"chela"}),
    "mercedes": frozenset({"meche"}),
    "yesenia": frozenset({"yesi"}),
    "luis": frozenset({"lucho", "lou"}),  # (and in English, Louis's "Lou")
    "gabriela": frozenset({"gabi", "gaby"}),
    "gabriel": frozenset({"gabi", "gaby"}),
    "carolina": frozenset({"caro"}),
    "manuel": frozenset({"manolo", "manu"}),
    "fernando": frozenset({"nando", "fer"}),
    "rafael": frozenset({"rafa"}),
    "teresa": frozenset({"tere"}),
    "isabel": frozenset({"chabela", "isa"}),
    "josefina": frozenset({"pepa", "fina"}),
    "santiago": frozenset({"santi"}),
    "sebastian": frozenset({"sebas"}),
    "ernesto": frozenset({"neto"}),
    "adolfo": frozenset({"fito"}),
    "rodolfo": frozenset({"fito", "rodo"}),
    "maria luisa": frozenset({"marisa"}),
    "maria jose": frozenset({"majo"}),
}
# English short forms the package's table lacks for a name it lists ("Bree" for Brianna, as
# for Breanna).
_ENGLISH: dict[str, frozenset[str]] = {
    "brianna": frozenset({"bree"}),
    "jonathan": frozenset({"johnny"}),
}


@cache
def load_nicknames() -> Nicknames:
    """Given name -> its short forms: "rebecca" -> {"becca", "becky", "reba", ...}."""
    table = {name: frozenset(short) for name, short in NickNamer().nickname_lookup.items()}
    for name, short in [*_SPANISH.items(), *_ENGLISH.items()]:
        table[name] = table.get(name, frozenset()) | short
    return table

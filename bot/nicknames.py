"""The given names' short forms the parser knows ("becca" for Rebecca), from the `nicknames`
package's hand-curated table, which ships inside the package (no download)."""

from __future__ import annotations

from functools import cache

from nicknames import NickNamer

from matching.parse import Nicknames


@cache
def load_nicknames() -> Nicknames:
    """Given name -> its short forms: "rebecca" -> {"becca", "becky", "reba", ...}."""
    return {name: frozenset(short) for name, short in NickNamer().nickname_lookup.items()}

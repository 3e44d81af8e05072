"""The readers' plain cues a text holds, found in one scan instead of one search per cue."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["CueIndex"]

_Trie = dict[str, "_Trie"]
_END = ""  # the key marking where a cue ends in the trie


class CueIndex:
    """Plain strings any of which a text may hold; `present` gives those it does, as `in`
    would find them one at a time."""

    def __init__(self, cues: Iterable[str]) -> None:
        said = sorted(set(cues))
        # The scan finds, at each place a cue starts, the longest one starting there; the
        # shorter cues starting there are its prefixes.
        self._prefixes = {cue: frozenset(c for c in said if cue.startswith(c)) for cue in said}
        self._scan = re.compile(f"(?=({_longest_of(said)}))") if said else None

    def present(self, text: str) -> frozenset[str]:
        """The cues `text` holds."""
        if self._scan is None:
            return frozenset()
        longest = {match.group(1) for match in self._scan.finditer(text)}
        return frozenset().union(*(self._prefixes[cue] for cue in longest))


def _longest_of(cues: list[str]) -> str:
    """A pattern matching the longest of `cues` that starts where it is tried (none empty)."""
    trie: _Trie = {}
    for cue in cues:
        node = trie
        for char in cue:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _branches(trie)


def _branches(node: _Trie) -> str:
    # One character at most leads on from a node, so each branch is tried once; an optional
    # longer branch is tried before the cue ending here (greedily), so the longest wins.
    branches = [re.escape(char) + _branches(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if _END in node else body

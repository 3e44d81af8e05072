"""Transcribed voice messages: their speaker labels and the one a message opens by calling."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from matching.parse.naming import ADDRESSEE, WEAK, Naming
from matching.parse.words import Span, Word

__all__ = ["speaker_labels", "called_by_speaker"]

_start = itemgetter(0)

# A transcript's label opening a line: "Speaker 1 (00:14):", "Speaker 2 [01:02:33] -", the time
# an offset into the recording, no time of day and no deadline.
_LABEL = re.compile(
    r"^[ \t]*speaker[ \t]*\d{1,2}[ \t]*[(\[]\d{1,2}(?::\d{2}){1,2}[)\]][ \t]*(?::|-|\u2013|\u2014)?",
    re.MULTILINE,
)
# A recorded message opening on the one it is for and who speaks: "Kit it's Odette, …",
# "Wren, this is Duy".
_CALLED = re.compile(
    r"^[ \t]*(?P<name>[A-Z][\w'-]*),?[ \t]+(?i:it's|its|it\u2019s|this[ \t]+is)[ \t]+[A-Z]",
    re.MULTILINE,
)


def speaker_labels(folded: str) -> list[Span]:
    """The spans of a transcript's speaker labels with their offsets into the recording."""
    return [m.span() for m in _LABEL.finditer(folded)] if "speaker" in folded else []


def called_by_speaker(text: str, found: list[Word]) -> list[Naming]:
    """Where a recorded message opens a line by calling someone and saying who speaks ("Kit it's
    Odette, on the …"): the one called is spoken to (only a roster name, people.py, or one the
    transcript misheard)."""
    places = []
    for match in _CALLED.finditer(text):
        index = bisect_left(found, match.start("name"), key=_start)
        if index < len(found) and found[index][0] == match.start("name"):
            places.append(Naming(match.start("name"), index, WEAK, ADDRESSEE, heard=True))
    return places

"""Messages that ask no one for work: notices, thanks, greetings, invitations, offers."""

from __future__ import annotations

import re

from matching.parse.asks import Cues
from matching.parse.deadlines.requested import asks_something, notes_blanked
from matching.parse.words import inside
from matching.text import blank

__all__ = ["IDLE_ASSIGNEE", "asks_no_work"]

IDLE_ASSIGNEE = "the message asks no one for work: is this person to do a task?"

# What asks no work though it has a word of asking: help offered should the reader want it
# ("I'm here till 6 if you need exhibits scanned", "if anybody needs docs pulled"), what the
# reader is asked not to do ("Please don't check Slack Monday"; "don't forget to file it",
# "don't miss it", "don't let it slip" still ask), and what the writer can do themself ("I can
# have a draft by tomorrow"; "can you ..." stands after the reader, not after "I").
_UNASKED = re.compile(
    r"\bif\s+(?:you|u|anyone|anybody|someone|somebody|y'?all)\s+(?:needs?|wants?)\b[^.!?\n]*"
    r"|\b(?:(?:please|pls|plz|kindly|just)\s+)?(?:don'?t|do\s+not|never)\s+"
    r"(?!forget\b|miss\b|let\b)[^.!?\n]*"
    r"|\bi\s+(?:can|could)\s+[^.!?\n]*"
)
# After "please": what asks for no work ("please note", "pls don't reply-all").
_NO_WORK_AFTER = re.compile(r"\s*(?:note|see|find|be\s+(?:aware|advised)|don'?t|do\s+not|never)\b")
# "Have a paralegal pull it" asks; "Have a good weekend" wishes, and may ask nothing.
_HAVE_A = re.compile(r"\bhave\s+an?\s+$")
_WISHED = re.compile(
    r"(?:good|great|nice|happy|wonderful|safe|restful|lovely|relaxing|fun|merry|blessed)\b"
)


def asks_no_work(folded: str, found: Cues) -> bool:
    """Whether the (folded) text asks no one for any work, once its asides (the writer's own
    acts, offers and status questions, and quoted text: `asks.cues`) are set aside: no word of
    asking and no command is left of a notice ("the copier is jammed, use the one by
    reception"), thanks, a greeting, an invitation ("anyone free for lunch at 12:15?") or an
    offer ("want me to start the objections? I can have a draft by tomorrow")."""
    asides = list(found.asides)
    # Most requests ask in so many words ("pls draft ...", "can you ..."): no note to read.
    if any(_plainly_asked(folded, at, asides) for at in found.direct):
        return False
    said = _UNASKED.sub(" ", blank(folded, asides) if asides else folded)
    # (a note is read only when there is something it might have asked: most have nothing)
    return not asks_something(said) or not asks_something(notes_blanked(said))


def _plainly_asked(folded: str, at: int, asides: list[tuple[int, int]]) -> bool:
    """Whether the words of asking that end at `at` ask for work whatever notes the text
    holds: not the writer's own aside, not "please note", not "have a good weekend"."""
    return (
        not inside(at, asides)
        and not _NO_WORK_AFTER.match(folded, at)
        and not (_WISHED.match(folded, at) and _HAVE_A.search(folded, max(0, at - 10), at))
    )

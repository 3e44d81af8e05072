"""How surely a text's words name someone to do the task, the part they play, and where."""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "ADDRESSEE", "ARRANGES", "CLAIM", "DIRECTED", "HANDOFF", "HONORIFICS", "LISTED", "OTHER",
    "PRAISED", "SIGNED", "STRONG", "THANKED", "TO", "WEAK", "Naming",
]  # fmt: skip

# How surely the grammar makes the word after it a person who is to do the task.
TO = 0  # "to Felix": a person when on the roster; "to Midland Funding" is no one
WEAK = 1  # "for Felix to", "can Felix …": a person only when on the roster by that very name
STRONG = 2  # "have Felix …", "ask Felix to …", "Felix, can you …": someone, on the roster or not

# The part the person named plays in the request.
OTHER = 0  # "to Felix", "can Felix …", "Felix should call her"
ADDRESSEE = 1  # spoken to: "Felix, can you …", "@felix", "Felix?"
HANDOFF = 2  # the one the addressee is to hand the work to: "please ask Felix to …"
CLAIM = 3  # "Felix's got it": said to have the work, unless the text asks someone else
THANKED = 4  # "thanks Felix", "Felix, thank you for …": thanked for work done, not asked
PRAISED = 5  # "looks good felix, one fix: …": told about their work, the doer if asked for more
LISTED = 6  # spoken to with others: "Shanice, Marcus — …", "Kate and Tom, please …"
SIGNED = 7  # a name closing the text after a sentence: spoken to ("today. Anjali") or signing
DIRECTED = 8  # given work as memos write it: "Kate to draft the answer", "Bob to appear."
ARRANGES = 9  # given the setting up of another's task: "Mike to set it up, Kate to do the call"

# Words before a name that say how it is spoken of: "Mr. Rivera", "Miss O" (people.py).
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx"})


class Naming(NamedTuple):
    """A place where a name may stand for the person to do the task."""

    at: int  # where the naming begins in the text (its lead word, or the name)
    word: int  # the index of the name's first word among the text's words
    strength: int  # TO, WEAK or STRONG
    role: int = OTHER  # OTHER, ADDRESSEE, HANDOFF or CLAIM
    # Two words read as one name or none: "sarah kim - pls …" ("dale called, …" names no one).
    whole: bool = False
    # Only a roster first name or a nickname table's short form of one, never a guess from its
    # letters: a name read where dictation runs on without a stop (dictated.py).
    exact: bool = False
    # Heard, not written: a recording's transcript calling someone ("Lewis, it's Jenna"), whose
    # name may be misheard as one sounding like it (sound_alike.py).
    heard: bool = False

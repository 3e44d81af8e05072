"""The people a text names as hints, and what knowing who wrote it settles about them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from matching.parse.addressed import ADDRESSEE, HANDOFF, LISTED, OTHER, SIGNED

__all__ = ["Hint", "signed_or_asked", "told_apart", "without_writer"]

# Where a name the writer shares names the other bearer: the one spoken to ("Maria, can you
# …") or handed the work ("have Dan pull …"); nobody speaks to themself. Elsewhere it may be
# the writer ("… the cutoff, to Daniel": to me), so it is still asked.
_NOT_THE_WRITER = frozenset({ADDRESSEE, LISTED, HANDOFF})
_SPOKEN_TO = frozenset({ADDRESSEE, LISTED})


@dataclass(frozen=True, slots=True)
class Hint:
    """A place where the text names someone who may be the one to do the task."""

    position: int
    email: str | None  # None: a name read as a person who cannot be told apart
    doubt: str | None = None
    role: int = OTHER  # the part the person plays: addressee, handoff, claim (addressed.py)
    delivered: bool = False  # "… summary to Kate by 3": the work goes to them, by a time
    could_be: frozenset[str] = frozenset()  # a name several people bear: every one of them


def told_apart(hints: list[Hint]) -> list[Hint]:
    """The hints with a name several people bear read as the one of them the text speaks to
    by a fuller name as well ("Sarah D. and Jon, … Sarah, could you …": Sarah D.; "Marcus,
    uh, Marcus Bell, I'd like you to …")."""
    spoken_to = [h for h in hints if h.email and h.role in _SPOKEN_TO]
    if not spoken_to:
        return hints
    settled = []
    for hint in hints:
        if hint.email is None and hint.could_be and hint.role in _SPOKEN_TO:
            fuller = {h.email for h in spoken_to} & hint.could_be
            if len(fuller) == 1:
                hint = replace(hint, email=fuller.pop(), doubt=None, could_be=frozenset())
        settled.append(hint)
    return settled


def without_writer(hints: list[Hint], writer: str | None) -> list[Hint]:
    """The hints as the writer's e-mail settles them. The writer never delegates to themself,
    so their own name is a signature or a self-reference ("— Walt", "Kate (me) will review")
    and is dropped; a name the writer shares with one other person names the other where it is
    spoken to or handed the work ("Maria, …" from one of two Marias). Unchanged when the
    writer is not known."""
    if writer is None:
        return hints
    settled = []
    for hint in hints:
        if hint.email == writer:
            continue
        others = hint.could_be - {writer}
        if (
            hint.email is None
            and hint.role in _NOT_THE_WRITER
            and len(others) == 1
            and writer in hint.could_be
        ):
            hint = replace(hint, email=next(iter(others)), doubt=None)
        settled.append(hint)
    return settled


def signed_or_asked(hint: Hint, writer: str | None) -> bool:
    """Whether a name closing the text after a sentence ("… by Tuesday. Owen") may as well be
    the writer signing as the one asked: always when the writer is not known, and when the
    name is one the writer shares with the person read; a name that is not the writer's is the
    one spoken to (the writer's own was dropped by `without_writer`)."""
    return hint.role == SIGNED and (writer is None or writer in hint.could_be)

"""A reply under a quoted ask that only takes the work on, declines it or reports it done."""

from __future__ import annotations

import re

from matching.parse.words import Span

__all__ = ["answers_only"]

# How the writer's own answer opens: taking the work ("I've got it", "I can start it", "on
# it"), declining it ("Can't -") or reporting it done ("Done -").
_ANSWER_OPENING = re.compile(
    r"\s*(?:i(?:'ve|\s+have)?\s+got\s+(?:it|this)|got\s+(?:it|this)|i\s+(?:can|could|will)\b"
    r"|i'll\b|ill\s|i'm\s+on\s+it|im\s+on\s+it|on\s+it\b|mine\b|will\s+do\b|taking\s+it\b"
    r"|done\b|can't\b|cant\b|cannot\b|i\s+can't\b|i\s+cannot\b)"
)
# An ask of someone in the reply itself: "Meanwhile can someone send …", "Eli, can you call …".
_ASKS_SOMEONE = re.compile(
    r"\b(?:(?:can|could|would|will)\s+(?:you|u|someone|somebody|anyone|anybody)"
    r"|please|pls|plz|kindly|need\s+(?:you|someone|somebody|anyone))\b"
)


def answers_only(folded: str, quoted: list[Span]) -> bool:
    """Whether the (folded) text opens with quoted lines and the writer's reply below them only
    answers ("> who can take the Ames letter?\\n\\nI've got it, draft by 11"): the days it names
    are the writer's own promise or report, no deadline set for anyone."""
    if not quoted or folded[: quoted[0][0]].strip():
        return False
    end = quoted[0][1]
    for start, stop in quoted[1:]:
        if folded[end:start].strip():
            break  # a quote further down: the reply is what stands between
        end = stop
    following = [s for s, _ in quoted if s > end]
    reply = folded[end : following[0] if following else len(folded)]
    return _ANSWER_OPENING.match(reply) is not None and _ASKS_SOMEONE.search(reply) is None

"""Thread replies: one that only takes the work on, declines it or reports it done (under a quoted
ask, or opening a message: "Will do, Ted.", "Done, Will."), and one that points up the thread to
its task ("^ by fri", "same for Ruiz pls")."""

from __future__ import annotations

import re

from matching.parse.words import Span

__all__ = ["UP_THREAD_TYPE", "answer_opening", "answers_only", "points_up_thread"]

UP_THREAD_TYPE = "the message points up the thread for its task: which task is it?"

# How the writer's own answer opens: taking the work ("I've got it", "I can start it", "on
# it"), declining it ("Can't -") or reporting it done ("Done -").
_ANSWER_OPENING = re.compile(
    r"\s*(?:i(?:'ve|\s+have)?\s+got\s+(?:it|this)|got\s+(?:it|this)|i\s+(?:can|could|will)\b"
    r"|i'll\b|ill\s|i'm\s+on\s+it|im\s+on\s+it|on\s+it\b|mine\b|will\s+do\b|taking\s+it\b"
    r"|done\b|can't\b|cant\b|cannot\b|i\s+can't\b|i\s+cannot\b)"
)
# A thread reply's opening, where no quote shows what it answers: a greeting, the name of the
# one answered or thanks may come first ("Hi Priya,\n\nThank you, I would be glad to take the
# first pass", "kit - done"); then words that only take the work on, decline it or report it
# done. ("Done:" heads a list of what is done, which may go on to what is to do.)
_REPLY_OPENING = re.compile(
    r"\s*(?:(?:hi|hey|hello|morning|good\s+(?:morning|afternoon|evening))\b[^,.!?\n]{0,30}"
    r"[,.!\n]\s*)?(?:[a-z]+\s*(?:,|\s-+)\s*)?(?:(?:thanks|thank\s+you|thx|ty)\b[,.!]?\s*)?"
    r"(?P<answer>will\s+do|done(?!\s*:)|on\s+it|(?:i(?:'ve|\s+have)?\s+)?got\s+(?:it|this)|taking\s+it"
    r"|can\s+do|sounds\s+good|no\s+problem|sure\s+thing"
    r"|(?:i(?:'d|\s+would)\s+be\s+|i'?m\s+)?(?:glad|happy|delighted)\s+to"
    r"(?!\s+(?:report|announce|share|say|see|hear)\b)"
    r"|(?:i\s+)?(?:can'?t|cannot)(?:\s+(?:take|do|touch|handle|get\s+to))?)\b"
)
# Where the opening answer ends: the end of its clause ("I can't make it at 2, can someone
# cover?" asks).
_ANSWER_ENDS = re.compile(r"[.,!?;\n]|\s-{1,2}\s|\bbut\b")
# An ask of someone in the reply itself: "Meanwhile can someone send …", "Eli, can you call …".
_ASKS_SOMEONE = re.compile(
    r"\b(?:(?:can|could|would|will)\s+(?:you|u|someone|somebody|anyone|anybody)"
    r"|please|pls|plz|kindly|need\s+(?:you|someone|somebody|anyone))\b"
)


# What points up the thread: a caret or an up arrow, typed or as an emoji ("^", "\u2191", ":point_up:").
_UP = r"(?:\^+|\u2191+|\u2b06\ufe0f?|:(?:point_up(?:_2)?|arrow_up|up):)(?=\s|$|[.,!?;:])"
# A reply whose task is the message it points to, as its opening says: "^ by fri", "this \u2191
# but for the Baker file", "same for Ruiz pls", "do the same for Ortiz", "ditto for Lee", "same
# as above", "see above". Mentions, "yes"/"ok" and "+" may come first ("<@U1> ^ by fri"). The
# words after it may still name the matter, the person, the day, or a task of their own.
_UP_THREAD = re.compile(
    r"\s*(?:(?:<@\w+>|@[\w.-]+)[\s,:]*)*(?:(?:yes|yep|ok|okay|k|and|also)\b[.,!]*\s*|\+\s*)?"
    rf"(?:{_UP}"
    r"|(?:(?:pls|please|now|then)\s+)?(?:do\s+)?(?:the\s+)?same(?:\s+thing)?(?:\s+again)?"
    r"\s+(?:for|with|on)\b"
    r"|(?:the\s+)?same\s+as\s+(?:above|before)\b|ditto\b|(?:see|per|as)\s+above\b"
    rf"|this(?:\s+one)?\s*{_UP}"
    r"|this\s+(?:(?:but|only|except|just)\s+)?(?:for|with)\b)"
)


# What a pointing reply reports or asks after, rather than asks for: "^ done", "same for Lee,
# filed it this morning", "same for Lee?".
_REPORTED = re.compile(
    r"\b(?:done|filed|sent|went|served|mailed|finished|completed|did|was|were|got|came"
    r"|(?:has|have)\s+been)\b|\?\s*$"
)


def points_up_thread(folded: str) -> bool:
    """Whether the (folded) text opens by pointing up its thread for the task it asks for: "<@U1>
    ^ by fri", "same for Ruiz pls", "this \u2191 but for the Baker file"; not when it goes on to
    report or ask after the work ("^ done", "same for Lee?"). Its own words name the task only
    if they say one ("same for Ruiz, the answer this time")."""
    pointer = _UP_THREAD.match(folded)
    return pointer is not None and _REPORTED.search(folded, pointer.end()) is None


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


def answer_opening(folded: str) -> tuple[int, int] | None:
    """The span of the answer a (folded) thread reply opens with, to its sentence's end: "Will
    do, Ted.", "Done, Will.", "Thank you, I would be glad to take the first pass on the
    research.", "can't take anything new today"; None when the text opens otherwise."""
    opening = _REPLY_OPENING.match(folded)
    if opening is None:
        return None
    start = opening.start("answer")
    end = _ANSWER_ENDS.search(folded, start)
    return start, end.start() if end else len(folded)

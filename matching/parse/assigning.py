"""Which named person a text assigns: a form's who-field's, shared-out work's doer, the main ask's."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from matching.parse.addressed import (
    ADDRESSEE,
    ARRANGES,
    DIRECTED,
    HANDOFF,
    LISTED,
    STRONG,
    Naming,
)
from matching.parse.doer import GROUP_ASK
from matching.parse.forms import WHO_FIELD, FormField
from matching.parse.hints import Hint, without_writer
from matching.parse.items import asks_for_work, main_part, part_of
from matching.parse.words import Span, Word

__all__ = [
    "SEVERAL_ASKED", "chosen_by_field", "doers_of_shared_work", "main_hint", "pool_asked_apart",
    "self_assigned", "with_fields",
]  # fmt: skip

SEVERAL_ASKED = "the text asks several people; who is to do the main task?"
_SPOKEN_TO = frozenset({ADDRESSEE, LISTED})
_SENTENCE_END = re.compile(r"[.!?]+\s+")
# Where a who-field's value lists another name: after a slash, comma, "&", "and" or "or".
_LISTED = re.compile(r"(?:[/,&]\s*|\s(?:and|or)\s+)(?=[a-z])")
# A part that only puts the pool's ask to the one named: "<@U1> would you?", "Dana, can u?".
_PUT_TO_THEM = re.compile(
    r"\W*(?:<[^>]{1,100}>|@[\w.-]+|[a-z][\w'-]*)?[\s,:\u2013\u2014-]*(?:can|could|would|will)\s+"
    r"(?:you|u)(?:\s+(?:do|take|handle|grab)\s+(?:it|that|this|them|one))?\s*[?.!]*\s*$"
)

# The writer saying they take the work a notice names them for: "lol assigning myself", "I'm
# taking this one myself".
_SELF_ASSIGNED = re.compile(
    r"\b(?:assign(?:ing|ed)?\s+(?:it\s+|this\s+)?(?:to\s+)?myself|self[\s-]?assign(?:ing|ed)?"
    r"|(?:i'm|i\s+am|i'll|i\s+will)\s+tak(?:e|ing)\s+(?:it|this|this\s+one)\s+myself)\b"
)


def doers_of_shared_work(known: list[Hint]) -> list[Hint]:
    """Where directives share out work ("Mike to set it up, Kate to do the call"), the hints
    without those who only set the task up for another."""
    doers = {h.email for h in known if h.role == DIRECTED}
    if not doers:
        return known
    return [h for h in known if h.role != ARRANGES or h.email in doers]


def with_fields(
    places: list[Naming], fields: list[FormField], found: list[Word], folded: str
) -> list[Naming]:
    """The namings and, for each who-field naming someone, one at each name its value lists
    ("Assigned: Tamika", "Owner: Michael T.", "Assigned: Kate/Bob"): someone surely meant, on
    the roster or not."""
    added = []
    for field in fields:
        if field.kind != WHO_FIELD or field.open:
            continue
        listed = [m.end() for m in _LISTED.finditer(folded, field.start, field.end)]
        for at in [field.start, *listed]:
            index = bisect_left(found, at, key=itemgetter(0))
            if index < len(found) and found[index][0] == at:
                added.append(Naming(at, index, STRONG))
    return sorted(places + added) if added else places


def chosen_by_field(
    fields: list[FormField], hints: list[Hint], writer: str | None
) -> tuple[str | None, str | None] | None:
    """The assignee a form's who-fields settle, and the doubt about them: the person read in
    each value, asked about where a value or two fields name several ("Assigned: Kate/Bob");
    no one where the form leaves it open ("Assigned: —", "Assigned: whoever has the file") or
    names its writer, whoever its notes name in other roles ("Kate reviews and signs"). None
    when no who-field says either ("Staff: please note …"): the rest of the text decides."""
    named, left_open = [], False
    for field in fields:
        if field.kind != WHO_FIELD or field.open:
            left_open = left_open or field.open
            continue
        within = [h for h in hints if field.start <= h.position < field.end]
        settled = without_writer(within, writer)
        if len({(h.email, h.doubt) for h in settled}) > 1:
            return None, SEVERAL_ASKED  # "Assigned: Kate/Bob"
        if settled:
            named.append(settled[0])
        left_open = left_open or bool(within)  # the writer's own name: theirs to do
    if not named:
        return (None, None) if left_open else None
    if len({(h.email, h.doubt) for h in named}) > 1:
        return None, SEVERAL_ASKED
    return named[0].email, named[0].doubt


def self_assigned(folded: str, hints: list[Hint], writer: str | None) -> bool:
    """Whether the writer, named in the text (a task notice pasted: "Task assigned to Tasha
    Greer: …"), says they take the work themself ("lol assigning myself"): the one exception to
    the writer never being the assignee."""
    return (
        writer is not None
        and any(h.email == writer for h in hints)
        and _SELF_ASSIGNED.search(folded) is not None
    )


def pool_asked_apart(folded: str, found: list[Span], chosen: Hint) -> bool:
    """Whether the text asks the pool in a sentence of its own and then the one named in another
    ("Can somebody calendar the hearing? And Lou please print the ledger"): two asks, and the
    pool's may be the main one. So too where the pool is asked after a sentence that names
    someone not spoken to and asks them nothing ("sending the terms to Dee. can someone call the
    client?")."""
    if not found:
        return False
    if chosen.role not in _SPOKEN_TO and _pool_asked_after(folded, chosen.position):
        return True
    own = part_of(found, chosen.position)
    # "… could someone ring her back? To @colm, by 11": the one named for the pool's own task.
    if own < 0 or not asks_for_work(folded, found[own]) or _PUT_TO_THEM.fullmatch(
        folded, *found[own]
    ):
        return False
    return any(
        # (after the one named, the pool is a fallback: "Bob, can you …? If not I need somebody")
        0 <= part_of(found, match.start()) < own
        for match in GROUP_ASK.finditer(folded)
        if not match.group().startswith("whoever")
    )


def _pool_asked_after(folded: str, named: int) -> bool:
    """Whether the pool is asked in a sentence after the one naming someone at `named`, which
    asks them nothing ("sending the terms to Dee. can someone call the client?")."""
    ends = [m.end() for m in _SENTENCE_END.finditer(folded)]
    at = bisect_left(ends, named)
    sentence = (ends[at - 1] if at else 0, ends[at] if at < len(ends) else len(folded))
    if sentence[1] == len(folded) or asks_for_work(folded, sentence):
        return False
    return any(
        match.start() >= sentence[1] for match in GROUP_ASK.finditer(folded, sentence[1])
        if not match.group().startswith("whoever")
    )  # fmt: skip


def main_hint(folded: str, found: list[Span], known: list[Hint]) -> Hint | None:
    """Of hints that each name one person: the one the addressee is to hand the work to, the
    one in the item the text marks as its main ask, the one spoken to in the one part that asks
    for work ("Ana — the hearing moved. Ben, please update the calendar."), or the first; None
    when the text speaks to people in several items and marks none of them as the main one
    ("<@A> <@B> review it" speaks to both in one: the first is taken)."""
    first = min(known, key=lambda h: h.position)
    handed = [h for h in known if h.role == HANDOFF and h.position > first.position]
    if first.role == ADDRESSEE and handed:
        return min(handed, key=lambda h: h.position)
    if len({h.email for h in known}) > 1:
        by_part: dict[int, Hint] = {}
        for hint in sorted(known, key=lambda h: h.position):
            by_part.setdefault(part_of(found, hint.position), hint)
        main = main_part(folded, found, by_part)
        if main is not None:
            return by_part[main]
        addressed = {i: h for i, h in by_part.items() if h.role == ADDRESSEE}
        if len({h.email for h in addressed.values()}) > 1:
            asking = [h for i, h in addressed.items() if i >= 0 and asks_for_work(folded, found[i])]
            return asking[0] if len({h.email for h in asking}) == 1 else None
    return first


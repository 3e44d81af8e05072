"""People a text thanks or praises by name: the one to do the task only when nobody else is."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from matching.parse.addressed import ADDRESSEE, PRAISED, THANKED
from matching.parse.doer import ASKS_YOU, GROUP_ASK
from matching.parse.hints import Hint
from matching.parse.items import asks_for_work, is_item, opens_with_a_task, part_of
from matching.parse.words import SAYS_NO_ACTION, Span

__all__ = ["THANKED_ASKED", "is_thanked", "without_thanked"]

THANKED_ASKED = "the text thanks {name} and asks for work without saying who; is it them?"

# Thanks said to the one just named, within a few words: "Kelsey you are a lifesaver", "Imani
# you're a star, thank you", "dwayne thx for coming in".
_THANKED_NEXT = re.compile(
    r"[\s,:\u2013\u2014-]*(?:[a-z']+,?\s+){0,5}?(?:thanks|thank\s+you|thx|ty|tysm|appreciate|"
    r"lifesaver|life\s+saver)\b"
)
_THANKS_FIRST = re.compile(r"\W*(?:thanks|thank\s+you|thx|ty)\b")
# Thanks right before a name that closes the text: "… pls calendar it. thx Brendan".
_THANKS_BEFORE = re.compile(r"(?:thanks|thank\s+you|thx|ty)[ \t]+$")
_ENDS = re.compile(r"[\W_]*$")
# The new work put to whoever answers: "looks great Kayla. now need the disputes — who can
# draft em?"
_WHO_CAN = re.compile(r"\bwho\s+(?:can|could|wants\s+to)\s+(?!(?:you|u|we|i)\b)[a-z][^?.!\n]*\?")
# More work after thanks for the last: "thx for the memo. one more — …".
_ONE_MORE = re.compile(r"\b(?:one|1)\s+more\b")
# An offer of the work taken up: "thank you for offering. Yes please: …", "I'll take you up on
# it": the one thanked offered to do it.
_OFFER_TAKEN = re.compile(
    r"\b(?:(?:thanks|thank\s+you|thx|ty)\s+for\s+(?:the\s+|your\s+)?offer(?:ing)?"
    r"|take\s+(?:you|u)\s+up\s+on)\b"
)


def is_thanked(folded: str, spans: list[Span], hint: Hint) -> bool:
    """Whether the hint names someone thanked for work done: "thanks Renee", "Kelsey, thank you
    for catching it", "dwayne thx for coming in"."""
    if hint.role == THANKED:
        return True
    end = next((e for s, e in spans if s <= hint.position < e), None)
    return hint.role == ADDRESSEE and end is not None and bool(_THANKED_NEXT.match(folded, end))


def without_thanked(
    folded: str,
    found: list[Span],
    spans: list[Span],
    known: list[Hint],
    thanked: list[Hint],
    is_known_word: Callable[[str], bool],
    names: Mapping[str, str],
) -> tuple[list[Hint], str | None]:
    """The hints without those of people thanked ("thanks Renee") or praised, who count only
    when nobody else is named and the text asks for work of no group nor "who can …?": a
    praised one as the
    doer ("looks good dwayne, 1 fix: … then file it"), a thanked one asked with "you"
    ("Bethany, thank you for … Could you now …") or taking up their offer ("thanks for
    offering. Yes please: …") or spoken to as the text opens ("<@Ty> thx for the memo. one
    more: …", "Remy, thank you for the memo. Please …"). Thanked in a list item of its own, they are
    thanked only ("- binder looks great, thx Bri"); elsewhere the thanked one is asked about
    ("Thank you, Fergus, for the summary. Draft the answer", "thx tasha. pls calendar the
    341" may ask them or anyone)."""
    others = [h for h in known if h not in thanked]
    if (
        others
        or SAYS_NO_ACTION.search(folded)
        or GROUP_ASK.search(folded)
        or _WHO_CAN.search(folded)
        or not _asks_for_work(folded, found, spans, is_known_word)
    ):
        return others, None
    praised = [h for h in thanked if h.role == PRAISED]
    if praised or ASKS_YOU.search(folded) or _OFFER_TAKEN.search(folded):
        return praised or thanked, None
    first = min(thanked, key=lambda h: h.position)
    if _thanked_ahead(folded, spans, first) or _spoken_to_first(folded, found, first):
        return thanked, None
    index = part_of(found, first.position)
    if index >= 0 and is_item(folded, found[index]) and not asks_for_work(folded, found[index]):
        return [], None
    return [], THANKED_ASKED.format(name=names.get(first.email or "", "someone"))


def _asks_for_work(
    folded: str, found: list[Span], spans: list[Span], is_known_word: Callable[[str], bool]
) -> bool:
    # A word of asking, or a part that opens with a task past the person it speaks to (not
    # with thanks: "Thank you, Nathan, for stepping in on the call").
    return any(
        asks_for_work(folded, part)
        or (
            not _THANKS_FIRST.match(folded, part[0])
            and opens_with_a_task(folded, part, spans, is_known_word)
        )
        for part in found
    )


def _spoken_to_first(folded: str, found: list[Span], hint: Hint) -> bool:
    """Whether the one thanked is spoken to as the text opens and then asked for more work in
    words ("<@Ty> thx for the memo. one more: …", "Remy, thank you. Please …"): the message is
    theirs, and the work too. (Orders and a day with no word of asking may only settle the
    plan: "<@Ty> perfect, thanks. The index first. Friday works.")"""
    return (
        hint.role == ADDRESSEE
        and not folded[: hint.position].strip()
        and (_ONE_MORE.search(folded) is not None or any(asks_for_work(folded, p) for p in found))
    )


def _thanked_ahead(folded: str, spans: list[Span], hint: Hint) -> bool:
    """Whether the text closes on thanks to the one named, after its ask: thanks ahead to the
    one asked ("pls calendar the hearing. thx Brendan"), not for work done."""
    end = next((e for s, e in spans if s <= hint.position < e), None)
    return (
        end is not None
        and _ENDS.fullmatch(folded, end) is not None
        and _THANKS_BEFORE.search(folded, max(0, hint.position - 12), hint.position) is not None
    )

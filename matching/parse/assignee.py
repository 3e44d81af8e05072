"""Which of the people a delegation text names is asked to do its task, and what is in doubt."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from matching.parse import asked_why as why
from matching.parse.addressed import ADDRESSEE, ARRANGES, CLAIM, DIRECTED, LISTED, PRAISED, SIGNED
from matching.parse.assigning import (
    SEVERAL_ASKED,
    doers_of_shared_work,
    main_hint,
    pool_asked_apart,
)
from matching.parse.doer import (
    GROUP_ASK,
    TAKEN_BACK,
    asked_only_with_we,
    corrected,
    doubt_about_doer,
    handed_back,
    instead_from,
    signs_in,
    taken_back_until,
)
from matching.parse.hints import Hint, signed_or_asked
from matching.parse.items import part_of, parts
from matching.parse.open_asks import asked_of_no_one
from matching.parse.relays import passes_word_on
from matching.parse.thanked import is_thanked, without_thanked
from matching.parse.words import SAYS_NO_ACTION, Span

# The roles of people spoken to: alone ("Ana, …") or with others ("Ana, Ben — …").
_SPOKEN_TO = frozenset({ADDRESSEE, LISTED})
# The roles of people a memo gives work to: "Kate to draft …", "Mike to set it up".
GIVEN_WORK = frozenset({DIRECTED, ARRANGES})
# People offered as alternatives: "<@A> <@B> whoever's free", "one of you".
_ALTERNATIVES = re.compile(r"\b(?:whoever|whomever|either\s+of\s+you|one\s+of\s+you)\b")
# The one named does a step for whoever does the task ("pull the file for whoever drafts it").
_FOR_ANOTHER = re.compile(r"\bfor\s+(?:whoever|whomever|the\s+(?:person|one)\s+(?:who|drafting))\b")


@dataclass(frozen=True, slots=True)
class PersonFinding:
    """Whom the text assigns, the spans of every hint and mention, and what could not be read
    about the assignee (a name that fits nobody or several people)."""

    email: str | None
    spans: list[Span]
    doubt: str | None = None
    # The one thanked when nobody is assigned: maybe the doer where the text still sets a
    # deadline ("@Ana perfect, thank you. Friday works."; the parser weighs it).
    thanked: str | None = None


def chosen(
    text: str,
    folded: str,
    hints: list[Hint],
    spans: list[Span],
    is_known_word: Callable[[str], bool],
    writer: str | None,
    names: Mapping[str, str],
    is_staff_word: Callable[[str], bool],
) -> PersonFinding:
    """The assignee among the hints: nobody when the text says nothing is to be done or
    offers people as alternatives ("<@A> <@B> whoever's free"), nor anyone only thanked;
    else the one to whom the addressee hands the work ("Tasha, please ask Beth to …"), the
    one in the item the text marks as its main ask, or the first named. Asked about when
    the one named only helps whoever does the task or is to find someone for it."""
    known = [h for h in hints if h.email]
    # (the parts matter only to the known; each mention's sentence its own)
    found = parts(text, folded, at_mentions=True) if known else []
    thanked = [h for h in known if h.role == PRAISED or is_thanked(folded, spans, h)]
    if thanked:
        known, doubt = without_thanked(
            folded, found, spans, known, thanked, is_known_word, names
        )
        if doubt or not known:
            first = min(thanked, key=lambda h: h.position)
            return PersonFinding(None, spans, doubt, names.get(first.email or ""))
    if known and SAYS_NO_ACTION.search(folded):
        return PersonFinding(None, spans, why.NO_ACTION)
    if known and asked_of_no_one(folded, spans, known):  # "Could the queue pick up …?"
        return PersonFinding(None, spans)
    if known and handed_back(folded):  # "i'm walled off … can u ask kayla b?"
        return PersonFinding(None, spans)
    # "Ana pls calendar it — actually scratch that … Ben, you do it.": the later one.
    cut = taken_back_until(folded)
    if cut and any(h.position >= cut for h in known):
        known = [h for h in known if h.position >= cut]
    elif known and corrected(folded):  # "Ana, wait no, Ben please …" with Ben unread
        return PersonFinding(None, spans, TAKEN_BACK)
    ends = {s: e for s, e in spans}
    spoken_to = [h.position for h in known if h.role == ADDRESSEE]
    if len(spoken_to) > 1 and (instead := instead_from(folded, ends, spoken_to)):
        known = [h for h in known if h.position >= instead]
    if GROUP_ASK.search(folded):
        known = [h for h in known if h.role != CLAIM and not signs_in(folded, h.position)]
    offered = {h.email for h in known if h.role in _SPOKEN_TO}
    if len(offered) > 1 and _ALTERNATIVES.search(folded):
        known = [h for h in known if h.role not in _SPOKEN_TO]
        hints = known
    if len({h.email for h in known if h.role == LISTED}) > 1:
        # "Kate and Tom, please …" asks both; "Ana, Ben: … Ben, please …" the one named next.
        known = [h for h in known if h.role != LISTED]
        if not known:
            return PersonFinding(None, spans, SEVERAL_ASKED)
    if len({h.email for h in known if h.role in GIVEN_WORK}) > 1:
        known = doers_of_shared_work(known)
        if len({h.email for h in known if h.role in GIVEN_WORK}) > 1:
            return PersonFinding(None, spans, SEVERAL_ASKED)
    if known:
        chosen = main_hint(folded, found, known)
        if chosen is None:
            return PersonFinding(None, spans, SEVERAL_ASKED)
        if chosen.role in _SPOKEN_TO and (
            asked_only_with_we(folded, chosen.position)
            or passes_word_on(folded, is_staff_word)
        ):
            # "dale, Mr Moe says …, can we stop it?": a question, no one's task; "Wren,
            # could you tell EM I'll have it Friday?": word passed on (relays.py)
            return PersonFinding(None, spans)
        if _FOR_ANOTHER.search(folded):
            return PersonFinding(None, spans, why.FOR_ANOTHER)
        if pool_asked_apart(folded, found, chosen):
            name = names.get(chosen.email or "", "someone")
            return PersonFinding(None, spans, why.POOL_AND_PERSON.format(name=name))
        doubt = why.SIGNED_OR_ASKED if signed_or_asked(chosen, writer) else doubt_about_doer(
            folded, found, part_of(found, chosen.position),
            addressed=chosen.role in (ADDRESSEE, SIGNED), delivered=chosen.delivered,
        )
        return PersonFinding(chosen.email, spans, doubt)
    if hints:
        doubts = [h for h in hints if h.email is None]
        if doubts:
            return PersonFinding(None, spans, min(doubts, key=lambda h: h.position).doubt)
    return PersonFinding(None, spans)

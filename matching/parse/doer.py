"""Whether the person a text names is the one to do its work, or only routes, receives or is asked."""

from __future__ import annotations

import re

from matching.parse.addressed import DIRECTIVE_VERBS
from matching.parse.asks import LEAVE_ASKED
from matching.parse.items import asks_for_work, is_item
from matching.parse.words import Span

__all__ = [
    "ASKS_YOU", "DELIVERED", "GROUP_ASK", "OFFERED", "OFFERED_TO_TWO", "QUESTIONED", "ROUTING",
    "TAKEN_BACK", "asked_only_with_we", "corrected", "delivered_to", "doubt_about_doer",
    "handed_back", "instead_from", "signs_in", "taken_back_until",
]  # fmt: skip

ROUTING = "the person named is asked to find someone for it; who is to do the task?"
DELIVERED = "the work is to go to the person named by a time; are they also to do it?"
OFFERED = "the text leaves the work to the person named or to you; who is to do it?"
OFFERED_TO_TWO = "the text leaves the work to the person named or someone else; who is to do it?"
QUESTIONED = "the person named is only asked a question; who is to do the task?"
TAKEN_BACK = "the text takes back the person it named first; who is to do the task?"

# An ask of no one in particular: the one said to have the work is not asked to do it ("Marisol's
# got it …, can somebody e-file it").
GROUP_ASK = re.compile(
    r"\b(?:(?:can|could|would|will)\s+(?:someone|somebody|anyone|anybody)"
    r"|(?:someone|somebody|anyone|anybody)\s+(?:pls|please|plz)|need\s+(?:someone|somebody)"
    r"|(?:is|are)\s+there\s+(?:someone|somebody|anyone|anybody)|whoever)\b"
)
# The writer asking the pool, not the one named to hand it on ("hand it to whoever is free").
_ASKS_THE_POOL = re.compile(
    r"\b(?:(?:can|could|would|will)\s+(?:someone|somebody|anyone|anybody)"
    r"|(?:someone|somebody)\s+(?:pls|please|plz)|(?:is|are)\s+there\s+(?:someone|somebody|anyone"
    r"|anybody))\b"
)
# An ask of "you": after thanks, the one thanked ("Bethany, thank you … Could you now …").
ASKS_YOU = re.compile(r"\b(?:can|could|would|will)\s+(?:you|u)\b")
# The writer takes back what they just said: "… — actually scratch that, Ben, you do it."
# A slip corrected at once, mostly of a name: "Dana — oh wait, Dana's out — Eli, please …".
_CORRECTING = r"(?:oh|no|wait)[,\s]+(?:wait|no)|actually[,\s]+(?:no|wait)"
_CORRECTED = re.compile(rf"\b(?:{_CORRECTING})\b")
_TAKING_BACK = re.compile(
    r"\b(?:scratch\s+that|strike\s+that|never\s*mind|on\s+second\s+thought|correction"
    rf"|{_CORRECTING})\b"
)
# A question after news, not work: "where are we on the petition?", "do you know if …?".
_NEWS_QUESTION = re.compile(
    r"\b(?:where\s+are\s+we\s+(?:on|with)|any\s+(?:update|news|word)|(?:do|does)\s+(?:you|u|anyone)"
    r"\s+know|any\s+idea|have\s+you\s+heard|(?:random|quick)\s+q(?:uestion)?)\b[^?]*\?"
)
# The one spoken to is asked to find the doer ("could you get someone on it"): firms differ on
# whether they are the assignee, so it is asked.
_ROUTING = re.compile(
    r"\b(?:get|find|grab|assign|put|line\s+up|round\s+up)\s+(?:someone|somebody|anyone|"
    r"one\s+of\s+(?:the|our|your)\b)"
    # "Dana pls staff it", "can you delegate this?": the same, said of the work
    r"|\b(?:staff|delegate|reassign|farm\s+out)\s+(?:it|this|that|them)\b"
    # "can u have Tish or Xavier start …": one of two, the one spoken to to choose
    r"|\b(?:have|ask|get)\s+[a-z]+\s+or\s+[a-z]+\s+(?:to\s+)?[a-z]"
)
# The same anywhere in the text: "Tamika — … Give it to whoever has time, by Friday."
_HANDED_ON = re.compile(
    r"\b(?:give|hand|pass|send|route|farm|kick|assign)\s+(?:it|this|that|them|these|those)"
    r"(?:\s+(?:out|off|over|along))?\s+to\s+(?:whoever|whomever|someone|somebody|anyone"
    r"|one\s+of\s+(?:the|our|your)\b)"
)
# The work is offered to the one named or kept by the writer: "Do you want to ask him or
# should I?", "you or me", "or I can do it"; or the one named is asked to choose the writer's
# course: "do you want it pleaded now, or should we save it?".
_OR_THE_WRITER = re.compile(
    r"\bor\s+(?:(?:should|shall|do|can|will)\s+(?:i|we)|i(?:'ll|\s+(?:can|could|will|should))|me)\b"
)
# The work is offered to the one spoken to or another: "Could you or Priya call her back?",
# "you/Dev", "Dev or you can take it".
_OR_ANOTHER = re.compile(
    r"\b(?:you|u)\s*(?:\bor\b|/)\s*(?!not\b|me\b|i\b)[a-z]|\b[a-z]+\s+or\s+(?:you|u)\s+"
    r"(?:can|could|should|would|will|pls|please)\b"
)
# A name said to replace whoever came before: "<@Tish> i know ur slammed so <@Xavier> instead".
_INSTEAD = re.compile(r"[\s,]*instead\b")
# A question's words up to its mark; a title's stop ends no question ("should we produce Ms.
# Brennan's statements?").
_IN_QUESTION = r"(?:[^.?!\n]|(?<=\bmr)\.|(?<=\bms)\.|(?<=\bmrs)\.|(?<=\bdr)\.|(?<=\bv)\.|(?<=\bvs)\.)*"
# A question of what "we" can do, or the writer's offer: what asks no one in particular
# ("Dale, Mr Moe says they're selling it, can we stop it?", "want me to calendar it?"); "can we
# get the letter out?" asks for work all the same.
_WE_ASKED = re.compile(
    r"\b(?:(?:can|could|should|shall|do)\s+we(?!\s+(?:please\s+)?(?:get|have)\b)"
    # the writer's own ask: "can I grab 30 min w/ you?", "ok if I ask him directly?", "are you
    # ok with me taking the lead?"
    rf"|(?:can|could|may)\s+i|{LEAVE_ASKED}"
    r"|(?:do\s+)?(?:you|u)\s+want\s+me\s+to"
    rf"|want\s+me\s+to|should\s+i|shall\s+i)\b{_IN_QUESTION}\?"
)
# Someone else's words quoted in the text ('from Ana: "… can somebody call me?"'): a caller's
# asks in a voicemail, not the writer's.
_SPEECH = re.compile(r"[\"\u201c][^\"\u201c\u201d\n]{10,}[\"\u201d]")
# The writer wanting someone's say, no work: "Before I go above $40k I want Gerry's OK."
_THEIR_SAY = re.compile(
    r"\bi\s+(?:want|need|'d\s+like|would\s+like)\s+[a-z]+'s\s+(?:ok|okay|approval|sign-?off"
    r"|blessing|go-?ahead|input|thoughts|view)\b"
)
# Someone kept off the matter ("I'm walled off", "Will's screened from it", "I can't touch that
# one") and the one spoken to asked only to pass the work on: handed back, no one's new task.
_KEPT_OFF = re.compile(
    r"\b(?:i'm|i\s+am|[a-z]+'s|[a-z]+\s+is)\s+(?:walled|screened|firewalled|conflicted)\b"
    r"|\(\s*(?:walled|screened|firewalled)\s+off\s*\)"
    r"|\bi\s+(?:can't|cannot|can\s+not)\s+(?:work\s+on|touch|take|handle|open)\b"
)
_KEPT_OFF_WORDS = ("walled", "screened", "conflicted", "can't", "cannot", "can not")
_PASSED_ON = re.compile(
    r"\b(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?"
    r"(?:(?:send|give|hand|pass|forward|reassign|move)\b[^?!\n]*"
    # "can u ask kayla b?" (not "… ask Gideon to draft it?", which hands on work it names)
    r"|ask\s+[a-z][\w'-]*(?:\s+[a-z])?\s*)"
    r"|(?:can|could|would|will)\s+(?:someone|somebody|anyone)\s+else\b[^?!\n]*"
    # "can Jess or Dana grab it?": others proposed for it
    r"|(?:can|could)\s+[a-z][\w'-]*\s+or\s+[a-z][\w'-]*\s+(?:grab|take|handle|cover|do)\b[^?!\n]*"
    # "Jess or Dana could probably do the calendar update?"
    r"|[a-z][\w'-]*\s+or\s+[a-z][\w'-]*\s+(?:can|could|might)\s+(?:probably\s+|maybe\s+|perhaps\s+)?"
    r"(?:grab|take|handle|cover|do)\b[^?!\n]*"
    # "try Priya?", "maybe ask Ben?": another proposed for it
    r"|(?<![\w'])(?:(?:maybe|perhaps)\s+)?(?:try|ask)\s+[a-z][\w'-]*(?:\s+[a-z])?\s*)\?"
)
# The same said, not asked: "Flagging so it can go to someone else!", "it'll need to be
# reassigned".
_PASSED_ON_SAID = re.compile(
    r"\b(?:it|this|that|they|these|those)\s*(?:'ll|can|could|should|will|needs?\s+to|has\s+to)"
    r"\s+(?:need\s+to\s+)?(?:go|be\s+(?:given|handed|passed|moved|sent))\s+to\s+(?:someone|somebody"
    r"|anyone)\s+else\b[^.?!\n]*|\b(?:it|this|that|they|these|those)\s*(?:'ll|can|could|should"
    r"|will|needs?\s+to|has\s+to)\s+(?:need\s+to\s+)?be\s+reassigned\b[^.?!\n]*"
)
# A sentence or clause opening on a bare verb of work, which asks whoever reads it.
_BARE_VERB = re.compile(r"(?:^|[.!?:;\n]\s*|,\s+)(?P<verb>[a-z]+)\b")
# A deadline straight after "to <name>": "pls handle: a summary, to Kate by 3 tmrw". Where the
# text asks its reader for the work, Kate may be whom it goes to; dictated tags assign
# ("summarize it to Renee by Wed"), so it is asked.
_DUE_NEXT = re.compile(r"\s+(?:by|before|no\s+later\s+than|eod|cob|today|tomorrow|tmrw)\b")


def delivered_to(folded: str, end: int) -> bool:
    """Whether the name "to" leads, ending at `end`, is followed by a deadline ("to Kate by 3")."""
    return _DUE_NEXT.match(folded, end) is not None


def signs_in(folded: str, position: int) -> bool:
    """Whether a name spoken to at `position` opens a text that asks no one in particular and
    nothing of "you" ("Walt. Got a voicemail … Could someone call him?", "Priya — quick one: is
    there anyone who could …"): the writer saying who writes, or one asked to find someone;
    either way not the one to do it."""
    return (
        not folded[:position].strip()
        and folded[position : position + 1].isalpha()
        and _ASKS_THE_POOL.search(folded) is not None
        and ASKS_YOU.search(folded) is None
        and _HANDED_ON.search(folded) is None
    )


def instead_from(folded: str, ends: dict[int, int], positions: list[int]) -> int:
    """Where the last name said to replace the ones before begins ("… so <@Xavier> instead");
    0 if none. `ends` maps each name's position to where it ends."""
    found = [at for at in positions if _INSTEAD.match(folded, ends.get(at, at))]
    return max(found, default=0)


def handed_back(folded: str) -> bool:
    """Whether the text hands back work: someone is kept off the matter and the only ask is to
    pass it on ("i'm walled off … can u ask kayla b?", "Will's screened — can someone else
    take those?", "I can't touch that one. Can you give the call logs to someone else?"), or
    to say it must go to someone else ("I'm screened … Flagging so it can go to someone else")."""
    if not any(word in folded for word in _KEPT_OFF_WORDS):
        return False  # (most texts keep no one off: no need to search)
    if _KEPT_OFF.search(folded) is None or (
        _PASSED_ON.search(folded) is None and _PASSED_ON_SAID.search(folded) is None
    ):
        return False
    return not _asks_more(_PASSED_ON_SAID.sub(" ", _PASSED_ON.sub(" ", folded)))


def asked_only_with_we(folded: str, named: int) -> bool:
    """Whether the text's only asks, after the person named at `named`, are questions of what
    "we" can do or the writer's offers ("dale, … can we stop it?", "kit, … want me to calendar
    it?"): no word of asking and no sentence opening on a bare verb of work is left once they
    are set aside, nor any in someone else's words quoted ('… from Ana: "call me back."') nor
    the writer's wish for their say ("I want Gerry's OK. Gerry, can we talk at 9?").
    ("Can we get her statements? … maybe Wren?" proposes Wren for it.)"""
    if not any(word in folded for word in ("we", "me to", "should i", "shall i", "if i", "with me",
                                           "with us")):
        return False  # (the words each question needs)
    questions = [m.start() for m in _WE_ASKED.finditer(folded)]
    if not questions or min(questions) < named:
        return False
    said = _THEIR_SAY.sub(" ", _SPEECH.sub(" ", folded))
    return not _asks_more(_WE_ASKED.sub(" ", said))


def _asks_more(said: str) -> bool:
    """Whether `said` still asks for work: a word of asking, or a clause opening on a bare
    verb of work."""
    if asks_for_work(said, (0, len(said))) or ASKS_YOU.search(said):
        return True
    return any(m["verb"] in DIRECTIVE_VERBS for m in _BARE_VERB.finditer(said))


def taken_back_until(folded: str) -> int:
    """Where the last words taking back what came before end ("scratch that"); 0 if none."""
    found = list(_TAKING_BACK.finditer(folded))
    return found[-1].end() if found else 0


def corrected(folded: str) -> bool:
    """Whether the text corrects itself at once ("oh wait", "actually no"), as of a name."""
    return _CORRECTED.search(folded) is not None


def doubt_about_doer(
    folded: str, found: list[Span], index: int, *, addressed: bool, delivered: bool
) -> str | None:
    """Why the person chosen, named in part `index` of the text's parts `found`, may not be the
    one to do the work: spoken to and asked to hand it on; sent the work by a time in a text
    that asks its reader for it; offered it with the writer as the other choice; or, in a listed
    item, only asked a question while another item asks for work. None when they are."""
    part = found[index] if index >= 0 else (0, len(folded))
    if addressed and (_ROUTING.search(folded, *part) or _HANDED_ON.search(folded)):
        return ROUTING
    if delivered and any(asks_for_work(folded, each) for each in found):
        return DELIVERED
    if _OR_THE_WRITER.search(folded):
        return OFFERED
    if addressed and _OR_ANOTHER.search(folded):
        return OFFERED_TO_TWO
    if index >= 0 and (
        _only_questioned(folded, found, index)
        or (addressed and _only_asked_news(folded, found, index))
    ):
        return QUESTIONED
    return None


def _only_questioned(folded: str, found: list[Span], index: int) -> bool:
    """Whether the listed item naming the person only asks them a question ("1. @Rob — how'd
    the call go?") while another item asks for work naming no one ("2. Please get the invoices
    by Wed"). In running text the question leads into the ask ("Kim — any news? Please …")."""
    start, end = found[index]
    if (
        not is_item(folded, found[index])
        or not folded[start:end].rstrip().endswith("?")
        or asks_for_work(folded, found[index])
    ):
        return False
    return any(
        is_item(folded, part) and asks_for_work(folded, part)
        for i, part in enumerate(found) if i != index
    )


def _only_asked_news(folded: str, found: list[Span], index: int) -> bool:
    """Whether the one spoken to is only asked for news ("Priya, where are we on the petition?",
    "do you know if the hospital still …?") while no other part asks "you" for work: the work,
    if any, is asked of someone ("Meanwhile someone please get …")."""
    start, end = found[index]
    if _NEWS_QUESTION.search(folded, start, end) is None or asks_for_work(folded, found[index]):
        return False
    return not any(
        asks_for_work(folded, part) and GROUP_ASK.search(folded, *part) is None
        for i, part in enumerate(found) if i != index
    )

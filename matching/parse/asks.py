"""Sentences and asks: where in a text a request begins, and where its reasons do."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from matching.text import blank

__all__ = [
    "LEAVE_ASKED",
    "POLITENESS",
    "Ask",
    "Cues",
    "asked_first_until",
    "asides",
    "asks",
    "cues",
    "direct_asks",
    "joined_verbs",
    "offers",
    "status_questions",
]

# The words that make a request polite, and nothing more ("please", "could you").
_PLEASE = "please|pls|plz|kindly"
POLITENESS = re.compile(
    # (the word-start alternatives share one "\b", so that a place inside a word fails at once)
    rf"\b(?:(?:{_PLEASE}|thx|thanks|thank\s+you|ty)\b"
    r"|(?:i\s+)?need\s+(?:someone|somebody|you)\s+to\s+)"
    r"|^\s*(?:can|could|would)\s+(?:you|someone|somebody|anyone)\s+",
    re.IGNORECASE,
)
# "Could someone please draft ...", "I want a ...": asking words before the verb.
_POLITE_OPENING = re.compile(
    r"(?:(?:could|can|would|will)\s+(?:you|someone|somebody|anyone|one\s+of\s+you)\s+"
    r"|(?:i|we)(?:'d|\s+would)?\s+(?:really\s+)?(?:love|like|want|need|require)\s+"
    r"(?:(?:somebody|someone|you)\s+to\s+)?"
    r"|(?:somebody|someone|you)\s+(?:needs?|has|have)\s+to\s+)?"
    rf"(?:(?:{_PLEASE})\s+)?"
)
_SENTENCE_ENDS = frozenset(".!?;:-\n")
_SENTENCE_START = re.compile(r"[.!?]+\s+(?=\S)")
# A dash between spaces ends the ask too: "pls send her an update - the collector wrote back";
# so does a colon: "send her a short update: Midland served discovery" (what it is to say).
_CLAUSE_DASH = re.compile(r"\s-{1,2}\s+(?=\S)|:\s+(?=\S)")
_LAST_WORD = re.compile(r"[a-z0-9]*$")
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "jr", "sr", "st", "vs", "inc", "co", "corp", "llc", "no", "et", "al",
     "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "esq",
     "approx", "etc", "ch", "sec", "u.s.c", "usc", "cir", "ct", "fed", "supp"}
)  # fmt: skip


# The writer's own acts ("I'll call her myself", "ill handle the negotiating", "I shall
# prepare her") and purposes ("so I can rerun the means test", "before I call him"): what the
# writer will do, or needs the work for, is no part of the ask.
_OWN_ACT = re.compile(
    r"(?:\b(?:(?:i|we)\s*(?:'ll|will|shall|'m|am)|ill|im|i\s+(?:just|already))"
    r"|\b(?:so(?:\s+that)?|before|b4|once|until|after|when)\s+(?:i|we)"
    r"(?:\s+(?:can|could|will|'ll|may|might|should|am|are|'m|'re))?)\s+"
    r"(?!(?:really\s+|also\s+|still\s+|going\s+to\s+|gonna\s+)?"
    r"(?:need|want|like|love|hoping|hope|asking|looking|require|be\s+grateful)\b)"
    # "I want to file Monday", "I need to advise him": the writer's plan; not "I need to know".
    r"|\bi\s+(?:really\s+)?(?:want|need|plan|intend)\s+to\s+"
    r"(?!know|see|find|understand|have|get|hear|make\s+sure|be\b)"
)
# Where such a clause ends: a clause break, a "but", or the ask after it ("Before I counter I
# need ...", "I'll argue it, pls draft ...").
_OWN_ACT_ENDS = re.compile(
    r"[.!?;:,()\n]|\s-{1,2}\s|\bbut\b|\bthen\b"
    rf"|\b(?:{_PLEASE}|can|could|would)\b"
    # ("I'm trying to decide whether we need a letter" asks for none)
    r"|(?<!whether\s)(?<!\bif\s)\b(?:i|we)(?:'d|\s+would|\s+will|'ll)?\s+"
    r"(?:really\s+|also\s+|still\s+)?(?:need|want|like|love|require|be\s+grateful)\b"
)
# Words right before the verb or deliverable asked for, wherever they stand: "pls dkt it",
# "could someone docket", "I need someone to go thru", "need a prefiling screen".
_DIRECT_ASK = re.compile(
    # (the word-start alternatives share one "\b", so that a place inside a word fails at once)
    r"\b(?:"
    rf"(?:{_PLEASE})\b"
    r"|(?:can|could|would|will)\s+(?:you|u|someone|somebody|anyone|one\s+of\s+(?:you|us))\b"
    r"|(?:someone|somebody|you)\s+(?:needs?|has|have)\s+to\b"
    r"|(?:i|we)(?:'d|\s+would)?\s+(?:really\s+|also\s+|still\s+)?"
    r"(?:love|like|want|need|require)\b(?:\s+(?:someone|somebody|you|u)\s+to\b)?"
    r"|what\s+(?:i|we)\s+need\s+is\b"
    # A request relayed: "the clerk asked us to re-file ...", "Peg wants someone to call".
    r"|(?:asked|asks|wants|wanted|needs)\s+(?:us|me|you|someone|somebody)\s+to\b"
    # Work handed over: "go ahead and file it" (not "whether he should go ahead and file"),
    # "you're up on the Gambrel demand".
    r"|go(?<!should\sgo)(?<!would\sgo)(?<!he\sgo)(?<!she\sgo)(?<!they\sgo)(?<!to\sgo)"
    r"(?<!i\sgo)(?<!we\sgo)\s+ahead\s+(?:and\s+)?"
    r"|(?:you'?re|you\s+are|ur)\s+up\s+(?:next\s+)?(?:on|for)\b"
    r")"
    r"|^\s*(?:love|like|want|need|require)\b(?:\s+(?:someone|somebody|you|u)\s+to\b)?"
    # "have Kevin verify ...", "ask June to calendar ...": a request through someone.
    r"|(?:^|[.!?]\s+)(?:have|ask)\s+[a-z'-]+\s+(?:to\s+)?"
)
# A question about whether work was done asks for news, not for the work: "did the demand go
# out?", "has anyone filed the answer yet?", "can someone tell me if the letter was sent?",
# "priya - whats the status on the Tran SOL check?", "is the 341 on the calendar?". The task
# it names is the topic; a request may still follow it ("if not, pls send it"). It may follow
# the name of the one asked ("kit,", "@ana", "<@U123>", "Dee -").
_STATUS_QUESTION = re.compile(
    r"(?:^|(?<=[.!?\n,>-]))[ \t]*(?:@[\w.-]+\s+)?(?:(?:has|have|was|were)\s+"
    r"(?:anyone|anybody|someone|somebody|you|we|they|the|our|that|this|her|his|their)\b"
    r"|did\s+"
    r"|(?:can|could)\s+(?:someone|somebody|anyone|you)\s+(?:tell|let)\s+me\s+(?:know\s+)?"
    r"(?:if|whether)\b"
    r"|(?:what'?s|whats|what\s+is)\s+the\s+(?:status|latest|eta)\b"
    r"|(?:any\s+)?(?:update|news|word|progress)\s+(?:on|re|from|with)\b"
    r"|where\s+(?:are|do)\s+we\s+(?:stand\s+)?(?:on|with)\b"
    r"|how'?s\s+(?:the|that|our|it)\b"
    # "is the Pettibone 341 on the calendar?", "are the Ames rogs out?"
    r"|(?:is|are)\s+(?:the|that|this|those|these|our|her|his|their|it|they)\b[^.?!\n]{0,60}?"
    r"\b(?:(?:on|in)\s+(?:the\s+|our\s+)?(?:calendar|cal|docket)|calendared|docketed|diaried"
    r"|filed|done|out|sent|served|finished|ready)\b)[^.?!\n]*\?"
)
# A question after an answer, not work: "do you know if Experian produced the ACDV?", "does
# anybody know if we're closing early?", "what do I tell her?", "thoughts?", "who should take
# it?", "are you in today?", "want to talk Tues morning?", "is the Kwan demand for me or Ana?",
# "do we have his approval notice?". (A request may still follow it: "if not, pls send it".)
_INFO_QUESTION = re.compile(
    r"\b(?:(?:do|does|did)\s+(?:you|u|anyone|anybody|someone|somebody|any\s+of\s+you)"
    r"\s+(?:happen\s+to\s+)?know|any(?:one|body)\s+know"
    r"|(?<!long\s)(?<!much\s)(?<!many\s)do\s+we\s+(?:have|know)\b"
    r"(?!\s+(?:any|some)(?:one|body)\b)"
    r"|what\s+(?:do|should)\s+(?:i|we)\s+(?:tell|say|do)"
    r"|who\s+should\s+(?:take|handle|do|cover|get|have)"
    r"|(?:do\s+you\s+)?(?:want|wanna)\s+(?:to\s+)?(?:talk|chat|meet|discuss|catch\s+up)"
    r"|is\s+(?:the|this|that)\s+[^.?!\n]{1,60}?\bfor\s+(?:me|you|u)\b"
    r")[^.?!\n]*\?"
    r"|\b(?:are|r)\s+(?:you|u)\s+(?:in|around|back)"
    r"(?:\s+(?:the\s+office|today|tomorrow|tmrw))?\s*\?"
    r"|(?:^|(?<=[\s,.>-]))(?:any\s+)?thoughts\s*\?"
)
# A text that calls itself news: "FYI the portal is down", "Heads up, I'm out tomorrow".
_NOTICE = re.compile(r"\s*(?:fyi|f\.y\.i\.?|heads[\s-]+up|psa|just\s+so\s+(?:you|everyone|y'?all)\s+know)\b")
# The writer asking leave to do it: "are you ok with me taking the lead?", "ok with you if I
# advise him to accept?", "mind if I call her?", "is it alright if we file Monday?".
LEAVE_ASKED = (
    r"(?:(?:are|r)\s+(?:you|u)\s+|(?:is\s+it|would\s+it\s+be)\s+)?(?:ok|okay|alright"
    r"|all\s+right|fine)\s+(?:with\s+(?:you|u)\s+)?(?:with\s+(?:me|us)|if\s+(?:i|we))"
    r"|(?:do\s+(?:you|u)\s+)?mind\s+if\s+(?:i|we)"
)
# The writer offering to see to it: "want me to have her scan them in?", "should I call her?",
# "shall I send it?"; or asking leave to.
_OFFER = re.compile(
    r"\b(?:(?:do\s+)?you\s+)?(?:want|need)\s+me\s+to\b[^.?!\n]*|\b(?:should|shall)\s+i\b[^.?!\n]*\?"
    rf"|\b(?:{LEAVE_ASKED})\b[^.?!\n]*\?"
)
_JOINED_VERB = re.compile(r"\s(?:and|&|\+|then|n)\s+(?:(?:also|then|pls|please)\s+)?")
_AFTER_ASIDE = re.compile(r"[\s,;:-]*")


class Ask(NamedTuple):
    at: int  # where the request begins in the folded text
    opening: bool  # True: only a phrase opening the sentence is the request ("Draft ...")


class Cues(NamedTuple):
    """Where in a text the ask stands, as the catalogue weighs its phrases (offsets into the
    folded text)."""

    asks: Sequence[Ask] = ()  # where a request may begin after some news
    reasons_from: int | None = None  # where the reasons begin after a request made first
    asides: Sequence[tuple[int, int]] = ()  # the writer's own acts and purposes
    direct: Sequence[int] = ()  # just after asking words: "pls", "can you", "I need"
    joined: Sequence[int] = ()  # just after "and", "+", "then": a verb joined to another
    notice: bool = False  # the text calls itself news ("FYI ...", "Heads up, ..."): no ask


def cues(text: str, folded: str, quoted: Sequence[tuple[int, int]] = ()) -> Cues:
    """All the cues of `text` (`folded` is its folded form). `quoted` are the spans that quote
    someone else (a reply's "> " lines, a forwarded e-mail): context, never the writer's ask,
    so the cues are read in the writer's own words and the quoted spans count as asides."""
    if quoted:
        text, folded = blank(text, list(quoted)), blank(folded, list(quoted))
    # (each read once: asks and direct asks build on the asides and joined verbs)
    own, joined = asides(folded), joined_verbs(folded)
    return Cues(
        asks(text, folded, own),
        asked_first_until(text, folded),
        sorted([*own, *quoted]),
        direct_asks(folded, joined),
        joined,
        _NOTICE.match(folded) is not None,
    )


def asks(text: str, folded: str, own_acts: list[tuple[int, int]] | None = None) -> list[Ask]:
    """Where a request may begin after news: a sentence opening with "please" or "could you",
    else any later sentence (whose opening phrase, an imperative, names the task). A full stop
    before a lower-case word ends an abbreviation ("aff. defenses"), not a sentence.
    `own_acts` are the text's `asides`, when already found."""
    if _SENTENCE_ENDS.isdisjoint(folded):
        return []
    polite = [
        Ask(m.end(), opening=False)
        for m in POLITENESS.finditer(folded)
        if (before := folded[: m.start()].rstrip()) and before[-1] in _SENTENCE_ENDS
    ]
    openings = []
    own = dict(asides(folded) if own_acts is None else own_acts)
    for start in _sentence_starts(text, folded):
        # "Before we file anything, I'd like a screen": the ask follows the writer's purpose.
        start = _after_aside(folded, start, own)
        asked = _polite_opening_end(folded, start)
        openings.append(Ask(asked, opening=asked == start))
    return polite + openings


def asides(folded: str) -> list[tuple[int, int]]:
    """Spans telling what the writer will do or needs the work for, not what is asked: "I'll
    appear", "I'll call her myself", "so I can tell her whether to pay", "before I counter"."""
    spans = []
    for match in _OWN_ACT.finditer(folded):
        end = _OWN_ACT_ENDS.search(folded, match.end())
        spans.append((match.start(), end.start() if end else len(folded)))
    return sorted(spans + status_questions(folded) + offers(folded))


def status_questions(folded: str) -> list[tuple[int, int]]:
    """Spans asking after work's progress or for an answer, not for work: "did the NOA get
    filed?", "whats the status on the SOL check?", "do you know if they produced it?"."""
    if "?" not in folded:  # (most texts ask no question)
        return []
    found = [m.span() for m in _STATUS_QUESTION.finditer(folded)]
    return sorted(found + [m.span() for m in _INFO_QUESTION.finditer(folded)])


def offers(folded: str) -> list[tuple[int, int]]:
    """Spans where the writer offers to do the work or asks leave to: "want me to calendar it?",
    "ok with you if I advise him to accept?"."""
    if "?" not in folded and "me to" not in folded:
        return []
    return [m.span() for m in _OFFER.finditer(folded)]


def direct_asks(folded: str, joined_at: list[int] | None = None) -> list[int]:
    """Where a verb or deliverable is asked for directly: just after "pls", "can you", "I
    need (someone to)", "I'd like" — in whichever sentence, first to last. `joined_at` are the
    text's `joined_verbs`, when already found."""
    found = [m.end() for m in _DIRECT_ASK.finditer(folded)]
    if not found:
        return found
    # "pls call her + explain the options": a second verb joined to an ask is asked too.
    joined = [
        at
        for at in (joined_verbs(folded) if joined_at is None else joined_at)
        if (asked := [a for a in found if a <= at])
        and _SENTENCE_ENDS.isdisjoint(folded[max(asked) : at].rstrip())
    ]
    return sorted({*found, *joined})


def joined_verbs(folded: str) -> list[int]:
    """Where a verb may follow another: after "and", "+", "&" or "then"."""
    return [m.end() for m in _JOINED_VERB.finditer(folded)]


def _after_aside(folded: str, start: int, own: dict[int, int]) -> int:
    end = own.get(start)
    if end is None:
        return start
    rest = _AFTER_ASIDE.match(folded, end)
    return rest.end() if rest and rest.end() < len(folded) else start


def asked_first_until(text: str, folded: str) -> int | None:
    """Where the first sentence ends when the text opens with an ask ("Can somebody pull the
    Equifax report? Equifax answered our dispute ..."): what follows is the reason."""
    if not _polite_opening_end(folded, 0):
        return None
    dash = _CLAUSE_DASH.search(folded)
    ends = [*_sentence_starts(text, folded)[:1], *([dash.end()] if dash else [])]
    return min(ends, default=None)


def _polite_opening_end(folded: str, start: int) -> int:
    # The pattern matches the empty string too, so it always matches.
    opening = _POLITE_OPENING.match(folded, start)
    return opening.end() if opening else start


def _sentence_starts(text: str, folded: str) -> list[int]:
    """Where sentences begin: after a full stop, a capital; or a polite opening in lower case
    ("... sent their disclosures. can someone review them?")."""
    return [
        m.end()
        for m in _SENTENCE_START.finditer(folded)
        if (not text[m.end()].islower() or _polite_opening_end(folded, m.end()) > m.end())
        and not _abbreviated(folded, m.start())
    ]


def _abbreviated(folded: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation ("Mr.", "v.", "Grace T."), not a
    sentence."""
    before = _LAST_WORD.search(folded, max(0, stop - 12), stop)
    word = before[0] if before else ""
    return len(word) <= 1 or word in _ABBREVIATIONS

"""Clauses that make a day context rather than the deadline, and fragments that state one."""

from __future__ import annotations

import re

from matching.parse.deadlines.pieces import MARKED

__all__ = ["described", "event_day_doubt", "names_an_event", "standalone"]

# Where a clause begins: after a sentence end, a colon, a semicolon, a comma, a bracket or a
# dash between spaces.
_CLAUSE_BREAK = re.compile(r"[.!?;:,()\n]|\s[-\u2013\u2014]+\s")
_CLAUSE_REACH = 160
# What is to be told to someone: "let her know that service will be made this week", "tell
# him the hearing moved to Monday"; not what to tell someone to do ("tell Joe to file it
# Monday"), nor when to tell them ("let her know tomorrow").
_RELAYED = re.compile(
    r"\b(?:let\s+(?!me\b|us\b)(?:[\w.'-]+\s+){1,3}?know"
    r"|(?:tell(?:ing)?|inform(?:ing)?|remind(?:ing)?)(?!\s+(?:me|us)\b)"
    r"|(?:explain(?:ing)?|advis(?:e|ing))(?=\s+(?:\w+\s+)?that\b))"
    r"\s+(?P<said>.*)$"
)
_INSTRUCTION = re.compile(r"^(?:[\w.'-]+\s+){0,3}?to\s")
_RELAYED_WORDS = 3
# A clause telling what someone else does or where the writer will be: "she's getting calls at
# 6am", "he works until 4", "I am out of the office this afternoon" (but "she can do 10am" may
# be when to call her).
_SITUATION = re.compile(
    r"^(?:(?:and|but|so|because|since|as|cause|cuz|bc|though|although|while|also)\s+)?"
    r"(?:(?:she|he|they)(?:'s|'re|\s+(?!(?:can|could|will|would|should|may|might|shall)\b)[a-z']+)"
    r"|(?:i'm|im|i\s+am|i'll\s+be|i\s+will\s+be|i\s+was|i've\s+been|we're|we\s+are|we'll\s+be)"
    r"\s+(?:out|off|away|in|on|at|travell?ing|unavailable|stuck|double-booked|tied\s+up|sick))\b"
)
# ... unless the clause says when someone is free or coming, or what they need or said: "she's
# free tomorrow at 10", "he is coming in Monday at 9", "she said to file it Friday".
_STILL_ASKED = re.compile(
    r"\b(?:free|available|reachable|around|back|coming|come|visiting|here|appointment|appt"
    r"|meet|meeting|need|needs|want|wants|asked|asks|expects|said|says|told|wrote|please|pls)\b"
)
# A day said in the negative: "no work tomorrow", "No action needed tonight" (but "not needed
# until Friday" is a deadline).
_NEGATED = re.compile(
    r"\b(?:no\s+(?:work|action|need|filings?|calls?)|nothing|not\s+(?:needed|required|due))\b"
    r"(?:\s+[a-z']+){0,2}(?<!\bby)(?<!\bbefore)(?<!\buntil)(?<!\btill)\s*$"
)
# "he gets calls at 7am every day": a time something keeps happening.
_HABITUAL = re.compile(r"\s*(?:every|each|daily|nightly|a\s+day|per\s+day)\b")
# "he's at work until 4": how long a state lasts, not a deadline.
_UNTIL = re.compile(r"\b(?:until|till|til)\s*$")
# A day that names an event ("Monday's meeting", "this afternoon's call"), not one said to be
# fine ("tomorrow's fine").
_POSSESSIVE = re.compile(
    r"'s\s+(?!(?:fine|ok|okay|good|great|better|best|perfect|alright|all\s+right|soon|when"
    r"|the\s+(?:deadline|latest|day)|latest|too|also|still|our|my|it|better)\b)"
    r"(?P<event>[a-z][a-z-]*(?:\s+(?:hearing|hrg|meeting|mtg|conference|conf|call|depo|trial))?)"
)
# "prepare the outline for tomorrow's hearing": the work is for the event.
_FOR_THE_EVENT = re.compile(
    r"\b(?:for|before|b4|by|until|ahead\s+of|prior\s+to|in\s+time\s+for)\s+(?:this\s+)?$"
)

# Words a fragment may hold beside its deadline and still only state the deadline ("Tomorrow is
# fine.", "nxt wk ok", "Today, please.").
_FRAGMENT_BREAK = re.compile(r"[.!?;:\n]|\s[-\u2013\u2014]+\s")
_FRAGMENT_WORDS = frozenset(
    {"please", "pls", "plz", "ok", "okay", "k", "is", "fine", "works", "good", "great", "thx",
     "thanks", "thank", "you", "ty", "by", "before", "b4", "latest", "at", "the", "if", "possible",
     "ideally", "preferably", "pref", "would", "be", "no", "later", "than", "on", "for", "due",
     "so", "it", "that", "that's", "also", "just", "then", "and", "or", "sooner", "better",
     "hopefully", "needed", "need", "ready", "done", "back", "to", "me", "tops", "max"}
)  # fmt: skip
_FRAGMENT_REACH = 80
_WORD = re.compile(r"[a-z0-9']+")


def _clause_before(folded: str, start: int) -> str:
    window = folded[max(0, start - _CLAUSE_REACH) : start]
    return _CLAUSE_BREAK.split(window)[-1].strip()


def described(folded: str, start: int, end: int, rank: int) -> bool:
    """Whether the day at `start:end`, whose lead-in gives it `rank`, is told as a fact: said in
    the negative, named as an event's, relayed to someone, recurring, or part of a clause about
    what someone else does or where the writer will be. A marked day is a fact only in the
    negative or as the end of someone's state ("he's at work until 4")."""
    clause = _clause_before(folded, start)
    situation = _SITUATION.search(clause) is not None and not _STILL_ASKED.search(clause)
    if _NEGATED.search(clause):
        return True
    if rank == MARKED:
        return situation and _UNTIL.search(clause) is not None
    if situation or names_an_event(folded, end) or _HABITUAL.match(folded, end):
        return True
    relayed = _RELAYED.search(clause)
    if relayed is None or _INSTRUCTION.match(relayed["said"]):
        return False
    said = _WORD.findall(relayed["said"])
    return len(said) >= _RELAYED_WORDS or said[:1] == ["that"]


def names_an_event(folded: str, end: int) -> str | None:
    """The event the day ending at `end` names ("Monday's meeting"), if it names one."""
    match = _POSSESSIVE.match(folded, end)
    return match["event"] if match else None


def event_day_doubt(folded: str, start: int, end: int) -> str | None:
    """The doubt when work is asked for an event known only by its day ("for tomorrow's
    hearing"): the day may be the deadline, at an hour not given."""
    event = names_an_event(folded, end)
    if event is None or not _FOR_THE_EVENT.search(folded[max(0, start - 16) : start]):
        return None
    return f"\u201c{folded[start:end]}'s {event}\u201d: is the deadline then, and at what time?"


def standalone(folded: str, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether the deadline at `spans` is a fragment of its own ("Two weeks.", "1/22" at the
    end, "tonight pls: ..."): nothing else in its sentence but politeness."""
    first, last = spans[0][0], spans[-1][1]
    # A fragment longer than this holds more than politeness.
    window = max(0, first - _FRAGMENT_REACH)
    breaks_before = [m.end() for m in _FRAGMENT_BREAK.finditer(folded, window, first)]
    begin = breaks_before[-1] if breaks_before else window
    if begin == window and window:
        return False
    after = _FRAGMENT_BREAK.search(folded, last, last + _FRAGMENT_REACH)
    finish = after.start() if after else min(len(folded), last + _FRAGMENT_REACH)
    rest = folded[begin:first] + " " + folded[last:finish]
    for left, right in zip(spans, spans[1:], strict=False):
        rest += " " + folded[left[1] : right[0]]
    return all(word in _FRAGMENT_WORDS for word in _WORD.findall(rest))

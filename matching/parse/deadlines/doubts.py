"""Deadline cues the readers cannot resolve alone: misspelt days and months, undated events."""

from __future__ import annotations

import re
from datetime import datetime
from typing import NamedTuple

from rapidfuzz.distance import OSA

__all__ = [
    "Respelt",
    "legal_clock",
    "others_deadline",
    "passed",
    "respelt",
    "someone_elses",
    "Theirs",
    "undated_event",
]

# A misspelt day or month is looked for only where a deadline is cued: "by frday", "on tusday".
_CUED_WORD = re.compile(
    r"\b(?:by|due|before|b4|until|till|til|on|next|nxt|this|coming|eod|cob)\s+"
    r"(?P<word>[a-z]{4,12})\b"
)
# The short form each full name is rewritten to, padded to the misspelling's length, so that
# the readers find it where it was written.
_SHORT_FORMS = {
    "monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri",
    "saturday": "sat", "sunday": "sun", "january": "jan", "february": "feb", "march": "mar",
    "april": "apr", "august": "aug", "september": "sep", "october": "oct", "november": "nov",
    "december": "dec",
}  # fmt: skip
_BY_INITIAL: dict[str, list[str]] = {}
for _name in sorted(_SHORT_FORMS):
    _BY_INITIAL.setdefault(_name[0], []).append(_name)
# Spellings the readers know, and words a day name is one edit from that are no day.
_KNOWN = frozenset(
    {"mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun", "june",
     "july", "sept", "tuseday", "tusday", "teusday", "wensday", "wendsday", "wednsday",
     "wedensday", "thrusday", "thursay", "thurday", "firday", "fridy"}
    | set(_SHORT_FORMS)
)  # fmt: skip
# "before the hearing", "by the 341 meeting": a deadline tied to an event the text gives no
# date for.
_EVENT = re.compile(
    r"\b(?:by|before|b4|until|till|prior\s+to|ahead\s+of|in\s+time\s+for)\s+"
    r"(?:(?:the|our|her|his|their|next|upcoming|this|that|[a-z]+'s)\s+)*"
    r"(?:[a-z0-9-]+\s+){0,2}"
    r"(?:hearing|hrg|trial|deposition|depo|mediation|meeting|mtg|341|conference|conf|arbitration"
    r"|argument|closing|sentencing|appointment|appt|deadline|cutoff|cut-off|bar\s+date)s?\b"
    # "hearing 12/15; draft the opposition by then": the event's day is its own, not the task's
    r"|\b(?:by|before|b4)\s+then\b"
)


_EVENT_LEADS = ("by ", "before", "b4 ", "until", "till", "prior", "ahead", "in time")


class Respelt(NamedTuple):
    """A misspelt day or month name: where it stands, as written, and the name it was read as."""

    start: int
    end: int
    written: str
    name: str

    @property
    def doubt(self) -> str:
        return f"I read \u201c{self.written}\u201d as {self.name.capitalize()}"


def respelt(folded: str) -> tuple[str, list[Respelt]]:
    """`folded` with misspelt day and month names after a deadline cue rewritten to their short
    forms (padded, so spans still point into the text as written), and where they were."""
    found: list[Respelt] = []
    for match in _CUED_WORD.finditer(folded):
        word = match["word"]
        if word in _KNOWN or word.endswith("s") and word[:-1] in _KNOWN:
            continue
        name = _misspelt_name(word)
        if name is not None:
            found.append(Respelt(match.start("word"), match.end("word"), word, name))
    for start, end, word, name in found:
        folded = folded[:start] + _SHORT_FORMS[name].ljust(len(word)) + folded[end:]
    return folded, found


def _misspelt_name(word: str) -> str | None:
    """The one day or month name `word` is a typo of (one edit; two for long words). Typos keep
    the first letter, which keeps this cheap."""
    edits = 1 if len(word) < 7 else 2
    near = [
        (distance, name)
        for name in _BY_INITIAL.get(word[0], ())
        if abs(len(name) - len(word)) <= edits
        and (distance := OSA.distance(word, name, score_cutoff=edits)) <= edits
    ]
    near.sort()
    if len(near) == 1 or near and near[0][0] < near[1][0]:
        return near[0][1]
    return None


def undated_event(folded: str) -> str | None:
    """The doubt when the text ties its deadline to an event it gives no date for."""
    if not any(lead in folded for lead in _EVENT_LEADS):
        return None
    match = _EVENT.search(folded)
    if match is None:
        return None
    said = " ".join(match.group().split())
    return f"\u201c{said}\u201d gives no date; when is it?"


# "responses due in 30 days", "the answer is due within 20 days", where the text tells of
# service: a period the law counts from service.
_DUE_COUNT = re.compile(
    r"\b(?:due|runs?|expires?|closes?)\s+(?P<count>(?:in|within)\s+(?:the\s+)?[a-z0-9-]+\s+"
    r"(?:calendar\s+|court\s+|business\s+|biz\s+)?(?:days?|wks?|weeks?)\b)"
)
_SERVICE = re.compile(r"\b(?:served|service|rcvd|received|filed)\b")


def legal_clock(folded: str, start: int) -> str | None:
    """The doubt when the period at `start` is the law's clock from service, not the day wanted."""
    match = _DUE_COUNT.search(folded, max(0, start - 12), start + 40)
    if match is None or match.start("count") != start or not _SERVICE.search(folded):
        return None
    return f"\u201c{match.group()}\u201d counts from service, not from today; when is it wanted?"


# "relocation $ deadline is 3/31", "the opt-in deadline: 1/15": a deadline of something the
# text names, which may or may not be the task's.
_NAMED_DEADLINE = re.compile(
    r"(?<![a-z0-9$&])(?P<named>(?:[a-z$&][a-z$&'-]*\s+)?(?P<what>[a-z$&][a-z$&'-]*)\s+deadline"
    r"(?:\s+(?:on|for|in|under)\s+(?:[a-z$&'-]+\s+){1,3}?(?=is\b))?)\s*(?:is|was|of|:)?\s*$"
)
# What another party owes, by when: "CBMB's discovery responses are now due", "their reply is
# due". (A client's name is blanked out before this is read, so "Garcia's answer" is not it.)
_THEIRS_DUE = re.compile(
    r"(?<![a-z0-9])(?P<owner>[a-z][a-z&-]*'s|their)\s+(?P<what>(?:[a-z-]+\s+){0,3}?[a-z-]+)"
    r"\s+(?:is|are)\s+(?:now\s+|still\s+)?due\s+(?:on\s+|by\s+)?$"
)
_OWN_DEADLINE = frozenset(
    {"the", "our", "my", "your", "a", "this", "that", "its", "hard", "firm", "final", "new",
     "internal", "real", "actual", "soft", "same", "her", "his"}
)  # fmt: skip


# "TransUnion's 30 days run out next week", "the offer expires Friday", "the cure period runs
# to about 3/2": when a period or an offer ends, which may or may not be when the task is due.
_RUNS_OUT = re.compile(
    r"(?<![a-z])(?P<what>(?:[a-z$&'-]+\s+){1,3}?)(?:runs?\s+out|ran\s+out|expires?|lapses?"
    r"|is\s+up|are\s+up|runs?\s+(?:to|until|till|through|thru))\s+(?:on\s+|by\s+)?"
    r"(?:(?:about|around|roughly|approx\.?|approximately|~)\s*)?$"
)


# "get back to them before their offer lapses Friday": the task is to be done before the end,
# which is then its deadline.
_BEFORE_IT_ENDS = re.compile(
    r"\b(?:before|by|b4|prior\s+to|ahead\s+of)\s+(?:the|their|its|his|her|our|[a-z]+'s)\s"
)


def others_deadline(folded: str, start: int, end: int) -> str | None:
    """The doubt when the date at `start:end` is given as the deadline of something named, or
    of what another party owes ("CBMB's discovery responses are now due 9/17"), or as when a
    period or an offer ends ("their 30 days run out next week")."""
    lead = max(0, start - 60)
    if lead:  # from a word's start
        lead = folded.find(" ", lead, start) + 1
    window = folded[lead:start]
    # (each pattern is tried only where its own words are: most days follow none of them)
    ends = _RUNS_OUT.search(folded, lead, start) if _may_run_out(window) else None
    if ends is not None and not _BEFORE_IT_ENDS.search(
        folded, max(0, ends.start() - 12), ends.end()
    ):
        said = " ".join(folded[ends.start() : end].split())
        return f"\u201c{said}\u201d: is that this task's deadline too?"
    theirs = _THEIRS_DUE.search(folded, lead, start) if "due" in window else None
    if theirs is not None:
        return f"is {folded[start:end]} ({theirs['owner']} {theirs['what']}) this task's deadline too?"
    match = _NAMED_DEADLINE.search(window) if "deadline" in window else None
    if match is None or match["what"] in _OWN_DEADLINE:
        return None
    # "need an answer ... - answer deadline 12/21": the deadline of the thing asked for.
    stem = re.compile(rf"(?<![a-z]){re.escape(match['what'].rstrip('s'))}")
    elsewhere = folded[: lead + match.start("what")] + " " + folded[lead + match.end("what") :]
    if stem.search(elsewhere):
        return None
    named = match["named"].split()
    if named[0] not in _OWN_DEADLINE:
        named.insert(0, "the")
    return f"is {folded[start:end]} ({' '.join(named)}) this task's deadline too?"


def _may_run_out(window: str) -> bool:
    """Whether `window` holds a word `_RUNS_OUT` needs ("runs out", "expires", "is up")."""
    return any(word in window for word in ("run", "ran", "expire", "lapse", "up"))


# "he has to answer them by Friday", "she says her answer is due Friday", "he asked for one
# before the 15th", "says he must pay by Monday": what a third person owes, wants or reports,
# said in their own clause (a comma ends it: "she says X, try to get it done by tomorrow").
_CLAUSE_TAIL = (
    # "they have to be served by Friday" tells of papers, the task's own; "he said to file it
    # Friday" passes on an instruction
    r"(?!\s+(?:be|to)\b)"
    # ... to the day, in one clause ("the trustee wants them before confirmation so I'd like
    # drafts by Tuesday" is two)
    # (in dictation with no stops an ask of "you" opens a clause: "she says she has photos can
    # you get the letter out … tomorrow by 4")
    r"(?:(?![.!?;,\n]|\s(?:so|but)\s|\s(?:can|could|would)\s+(?:you|u)\b).|[.,](?=\d))*$"
)
_THIRD_PERSON = re.compile(
    r"\b(?P<who>he|she|they)\s+(?:(?:also|still|just|now|only|then|already)\s+)?"
    r"(?P<what>must|has\s+to|have\s+to|had\s+to|needs?\s+to|(?:is|are)\s+supposed\s+to"
    r"|will\s+have\s+to|(?P<wants>asked\s+(?:for|us\s+for|me\s+for))|says?|said|owes?)\b"
    + _CLAUSE_TAIL
)
# A party outside the firm, by its role, and what it wants of the client: "Trustee wants her
# 2026 return by 12/10" (what a colleague wants, "she wants it by 10 Tuesday", is the task's).
_PARTY_WANTS = re.compile(
    r"\b(?P<who>(?:the\s+)?(?:trustee|creditor|lender|landlord|employer|collector|debt\s+buyer))"
    r"\s+(?:(?:also|still|just|now|only|then|already)\s+)?(?P<what>wants|needs|requires|expects)\b"
    + _CLAUSE_TAIL
)
# What a third person must do to stop something: "the repo's coming if she doesn't pay $900 by
# the 15th", "unless they cure by Friday".
_THIRD_PERSON_FAILS = re.compile(
    r"\b(?:if|unless)\s+(?P<who>he|she|they)\s+(?:doesn'?t|does\s+not|don'?t|do\s+not|can'?t"
    r"|cannot|won'?t|fails?\s+to|pays?|cures?)\b" + _CLAUSE_TAIL
)
# The condition of an offer: "they'll take $900 if paid by the 30th", "good if received by
# Friday": when the offer lapses, which the task may or may not have to meet.
_OFFER_IF = re.compile(
    r"\b(?:if|unless|provided)\s+(?:it's\s+|it\s+is\s+|we\s+)?(?:paid|funded|received|pay|fund)\b"
    + _CLAUSE_TAIL
)
_POSSESSIVES = {"he": "his", "she": "her", "they": "their"}


def _whose(who: str) -> str:
    return _POSSESSIVES.get(who) or f"the {who.removeprefix('the ')}'s"


# "she said she's only free before noon tmrw": when they can be reached, the task's window.
_REACHABLE = re.compile(r"\b(?:free|available|reachable|around|home|in\s+the\s+office|back)\b")
_SENTENCE_START = re.compile(r"[.!?;\n]")


class Theirs(NamedTuple):
    """A day said as a third person's: the doubt, and whether it is what they asked us for."""

    doubt: str
    wanted: bool  # "she asked for it by Friday": the task's, when no other day is said


def someone_elses(folded: str, start: int, end: int) -> Theirs | None:
    """The day at `start:end`, when said in a clause of what a third person owes, asked for or
    says ("He has to answer them by Friday"): theirs, and maybe not the task's."""
    lead = max(0, start - 160)
    breaks = [m.end() for m in _SENTENCE_START.finditer(folded, lead, start)]
    begin = breaks[-1] if breaks else lead
    match = (
        _THIRD_PERSON.search(folded, begin, start)
        or _PARTY_WANTS.search(folded, begin, start)
        or _THIRD_PERSON_FAILS.search(folded, begin, start)
    )
    if match is None and (offer := _OFFER_IF.search(folded, begin, start)) is not None:
        said = " ".join(folded[offer.start() : end].split())
        return Theirs(f"\u201c{said}\u201d: is that when the offer lapses only, or this task's "
                      "deadline too?", wanted=False)
    if match is None or _REACHABLE.search(folded, match.start(), start):
        return None
    said = " ".join(folded[match.start() : end].split())
    whose = _whose(match["who"])
    doubt = f"\u201c{said}\u201d: is that {whose} deadline only, or this task's too?"
    return Theirs(doubt, match.groupdict().get("wants") is not None)


def passed(due_at: datetime) -> str:
    """The doubt when the deadline read is already past."""
    return f"the deadline I read ({due_at:%a} {due_at:%b} {due_at.day}, {due_at:%H:%M}) has passed"

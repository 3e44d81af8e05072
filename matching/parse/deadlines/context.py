"""The words around a day that make it a deadline ("by", "due") or a fact ("served", "since")."""

from __future__ import annotations

import re
from functools import lru_cache

from matching.parse.deadlines.pieces import CONTEXT, FULL_STOP, MARKED, STANDING
from matching.parse.words import ASKING_WORDS

# Words that introduce a short weekday that is also a word ("on wed", "for sat").
_INTRODUCERS = frozenset(
    {"on", "this", "next", "nxt", "for", "by", "before", "b4", "until", "till", "due"}
)
# Words that, right before a day or time, make it the deadline ("by", "due", "deadline is").
_MARKERS = frozenset(
    {"by", "due", "before", "b4", "until", "till", "til", "deadline", "than", "latest", "need",
     "needed", "needs", "eod", "cob", "within", "expected",
     # office managers' "NLT 1400", "SUSPENSE 1600 today"
     "nlt", "suspense"}
)  # fmt: skip
# Words that, right before a date, make it a fact ("served 11/20", "21 days from 11/23") or
# no date at all ("Happy Friday!").
_FACTS = frozenset(
    {"since", "from", "after", "was", "were", "last", "had", "ago", "effective", "payment",
     "pmt", "activity", "default", "delinquency", "happy", "instead",
     # "it would've been tomorrow but the court's closed": what was, or would have been
     "been"}
)  # fmt: skip
# Verbs of past events: they make a date a fact even a few words on ("served by mail 11/24",
# "Midland called her 9 times today", "charged off 5/2021").
_FACT_VERBS = frozenset(
    {"served", "service", "received", "rcvd", "recd", "dated", "mailed", "postmarked", "signed",
     "entered", "issued", "opened", "filed", "sent", "paid", "made", "happened", "occurred",
     "started", "began", "called", "held", "charged", "defaulted", "calling", "contacted",
     "contacting", "texted", "emailed", "garnished", "threatened", "sued", "reported",
     "responded", "answered", "accepted", "rejected", "moved", "rescheduled", "postponed", "continued", "adjourned",
     "scheduled", "discovered", "noticed", "learned", "incurred", "purchased", "sold", "closed",
     "came", "arrived", "extended", "took", "got", "left", "set", "reset", "repod", "repo'd",
     "repossessed", "towed", "seized", "dropped", "telephoned", "phoned", "visited", "faxed",
     # what an event does on its day: "the garnishment starts on the 8th"
     "starts", "begins", "commences", "kicks", "revoked", "cancelled", "canceled", "terminated",
     "withdrew", "disputed", "denied", "granted", "dismissed", "discharged",
     # a schedule that moves: "the draft will slip to Monday", "got bumped to Friday"
     "slip", "slips", "slipped", "slipping", "bumped", "pushed",
     # who was spoken with, when: "talked to her Friday"
     "talked", "spoke", "met", "saw", "heard"}
)  # fmt: skip
# Events that a deadline marker after them dates, not asks for: "flag any call made before 8
# a.m.", "letters received by the 1st".
_EVENT_PARTICIPLES = frozenset(
    {"made", "placed", "received", "rcvd", "recd", "dated", "postmarked", "happened", "occurred",
     "incurred", "charged", "opened", "called", "texted"}
)  # fmt: skip
# Words that, opening a clause, stand for some of the things just told of ("14 voicemails,
# some before 8am", "lots of texts, all after 9pm").
_SOME_OF_THEM = frozenset({"some", "all", "most", "many", "several", "few", "none", "one", "two"})
# Contacts a collector makes, dated by the hour ("calls before 8 a.m.").
_CONTACTS = frozenset({"calls", "texts", "voicemails", "messages", "contacts"})
_EARLY = re.compile(r"[1-8](?::\d\d)?\s*a\.?m\b")
_AUXILIARIES = frozenset({"it's", "is", "are", "be", "been", "gets", "get", "they're", "its"})
# Words that want the day said a word or two after them: "I want a draft Tuesday", "need it
# back Monday", "I'd like drafts 3/28" ("like" only after "I'd" or "would").
_WANTS = frozenset({"want", "wants", "need", "needs", "needed", "like"})
_WANTS_REACH = 2
_NOT = frozenset(
    {"don't", "dont", "not", "never", "doesn't", "doesnt", "isn't", "isnt", "aren't", "arent",
     "wasn't", "wasnt"}
)  # fmt: skip
_UNTIL = frozenset({"until", "till", "til"})
# How many words back a "from" makes an "until" the end of a span ("from 9:00 until 11:30").
_SPAN_REACH = 4
_WOULD = frozenset({"i'd", "we'd", "would", "d"})
# Facts only on their own: "motion for default on 9/16" names a motion, not a default.
_FACT_NOUNS = frozenset({"payment", "pmt", "activity", "default", "delinquency"})
_WEEKDAY_NAMES = frozenset(
    {"mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur",
     "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday"}
)  # fmt: skip
# Verbs that give an event its (new) date ("moved to tomorrow at 9:30"): a fact, unless the
# text asks for someone at that event, when its date is the deadline.
_EVENT_VERBS = frozenset(
    {"moved", "rescheduled", "postponed", "continued", "adjourned", "scheduled", "reset", "set"}
)
_PAST_DUE = frozenset({"was", "were", "been"})  # "it would've been due Monday"
# A court event said right before a day dates the event ("hearing is 2/10", "the depo 11/4"):
# when it is, not when the task is due, unless someone is asked to be there.
_COURT_EVENTS = frozenset(
    {"hearing", "hrg", "trial", "depo", "deposition", "mediation", "conference", "conf", "341",
     "argument", "sentencing",
     # a sale's or an auction's day is when it happens ("selling it at auction 11/4")
     "sale", "auction",
     # a client's appointment ("confirm her appointment Thursday at 10") is when she comes in
     "appointment", "appt"}
)  # fmt: skip
# "to court on the 18th", "in court at two": when someone is at court.
_TO_COURT = frozenset({"to", "in", "at"})
# "came by", "stopped by", "he's coming by tmrw at 10": a visit, not a deadline marker.
_VISITED = frozenset(
    {"came", "come", "comes", "coming", "stopped", "stopping", "dropped",
     "dropping", "drops", "swung", "swinging", "swings"}
)  # fmt: skip
# Papers named after an event: "cert of service tmrw" asks for the certificate, by tomorrow.
_PAPERS_OF = frozenset({"certificate", "cert", "proof", "affidavit", "declaration", "notice"})
# How far back an asking word makes a fact verb's event the thing asked for ("need an emergency
# motion to quash filed tmrw", "Denise needs the motion to convert to Ch. 13 e-filed today").
_ASKED_REACH = 12
_CLAUSE_REACH = 160
# Who did it, right before a fact verb, makes it a report even in a request: "pls scan the
# notices we got today", "the walk-in who came by this afternoon".
_SUBJECTS = frozenset({"i", "we", "she", "he", "they", "it", "you", "who", "that", "which"})
# Words before a participle that make it describe the noun after it ("the signed copy").
_DETERMINERS = frozenset(
    {"the", "a", "an", "our", "my", "your", "his", "her", "their", "this", "that", "these"}
)
# How many other words may stand between a fact verb and the date it makes a fact.
_FACT_REACH = 3
# Events counted before a day ("6 calls this week", "three texts today", "twice this week"):
# how often something happened, not when anything is due.
_TALLIED = frozenset(
    {"calls", "texts", "letters", "emails", "voicemails", "messages", "times", "visits",
     "attempts", "notices", "payments"}
)  # fmt: skip
_COUNT_WORDS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many",
     "multiple", "dozen", "few", "more", "12", "a"}
)  # fmt: skip
_ONCE_OR_MORE = frozenset({"twice", "thrice"})
# Words that may stand between a marker or fact word and the date itself.
_FILLERS = frozenset(
    {"on", "the", "is", "at", "of", "this", "be", "it", "to", "date", "will", "and", "or", "as",
     "about", "around", "in", "still"}
)  # fmt: skip
WORD = re.compile(r"[a-z0-9']+")
# Marker and fact words act within their own clause only ("came back, tomorrow at 10"; "hrg got
# moved - cover it on 1/26"): a dash between spaces ends a clause, one inside a word does not.
_CLAUSE_BREAK = re.compile(rf"[,;!?()]|{FULL_STOP}\s|\s-+\s")


# "due to Bob Monday", "due back to the clerk Friday" (not "due to the holiday Monday": a cause).
_DUE_TO = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)\bdue\s+(?:back\s+)?to\s+(?:the\s+)?"
    r"(?!(?:holiday|weather|storm|snow|closure|illness|conflicts?|scheduling|that|this|it)\b)"
    r"[a-z'.-]+\s*$"
)


# "please ignore until tomorrow", "hold off on it till Monday", "the letters will have to wait
# til tomorrow": when to start, not a deadline.
_NOT_BEFORE = re.compile(
    r"\b(?:ignore|disregard|hold\s+off|wait|(?:don't|dont|do\s+not)\s+(?:start|bother|worry))\b"
    r"(?:\s+[a-z']+){0,4}?\s+(?:until|till|til)(?:\s+(?:about|around))?\s*$"
)
_IF_SEEN = re.compile(r"\bif\s+(?:you|u)\s+(?:see|read|get|catch)\s+(?:this|it)\s+(?:before|b4|by)\s*$")
# Someone's return, told: "Heading out. Back Tues.", "she's back Monday".
_BACK_ON = re.compile(
    r"(?:^\s*|(?<!\bmr)(?<!\bms)(?<!\bmrs)(?<!\bdr)[.!?]\s"
    r"|\b(?:i'm|im|i\s+am|i'll\s+be|he's|she's|they're|we're|i\s+will\s+be)\s+)back\s*$"
)
_TO_ME = re.compile(r"\b(?:draft|it|them|this|that|copy|copies|memo|back)\s+to\s+(?:me|us)\s*$")
_EVENT_DATE = re.compile(
    r"\b(?:return|court|trial|hearing|sale|auction|closing|mediation|arraignment|sentencing)"
    r"\s+date\s+(?:is|was|'s|set\s+for|of)?\s*$"
)


# "..., which is 6/13", "- that's today": the day a date said before falls on, named again.
_NAMED_AGAIN = re.compile(r"\b(?:that's|thats|that\s+is|which\s+is|which's|which\s+would\s+be)\s*$")


# The writer asking to meet: "can we talk tomorrow at 9?", "can I grab 30 min w/ you tmrw".
_MEETING_ASKED = re.compile(
    r"\b(?:can|could|shall|should)\s+(?:i|we)\s+(?:talk|meet|chat|grab|sync|catch\s+up|touch\s+base"
    r"|connect|hop\s+on|jump\s+on|steal)\b[^.!?]*$"
)
# What a paper says: "the shutoff notice says 10/20", "her statement shows 3/1".
_PAPER_SAYS = re.compile(
    r"\b(?:notice|letter|summons|order|complaint|bill|statement|stmt|email|e-mail|paperwork"
    r"|docket|website|portal|receipt|invoice|contract|lease|form|stub)s?\s+(?:says|said|shows"
    r"|showed|lists|listed|reads|states|stated)\s+(?:it's\s+|its\s+)?$"
)
# A rota's turn: "whoever has intake today can you grab her", "on-duty paralegal this week is
# Sarah", "who's on call tonight": the day says who is meant, not when the work is due.
_ON_DUTY = re.compile(
    r"\bon[\s-](?:duty|call)(?:\s+[a-z-]+){0,2}\s*$"
    r"|\bwho(?:ever)?(?:'s|\s+is|\s+has|\s+was)\s+(?:on\s+)?(?:the\s+)?(?:intake|phones?|front\s+desk"
    r"|desk|reception|queue|duty|call|rotation)(?:\s+(?:duty|rotation|shift))?\s*$"
)


def is_introduced(folded: str, start: int) -> bool:
    """Whether a lead-in stands before `start` ("on wed", "for wed", "need it wed"): a short
    weekday that is also a word needs one."""
    words = WORD.findall(folded, max(0, start - 24), start)
    return bool(words) and (words[-1] in _INTRODUCERS or rank_of_lead(folded, start) == MARKED)


# (asked again of the same day as the deadline is chosen; kept only a little while, for the
# text being read)
@lru_cache(maxsize=32)
def rank_of_lead(folded: str, start: int, *, appearance: bool = False) -> int:
    """What the few words before `start` make of a day: deadline, fact, or neither. With
    `appearance`, the text asks for someone at an event, and the event's new date counts."""
    clause = _CLAUSE_BREAK.split(folded[max(0, start - _CLAUSE_REACH) : start])[-1]
    # (each pattern needs a word of its own: most clauses hold none)
    if "due" in clause and _DUE_TO.search(clause) or "to" in clause and _TO_ME.search(clause):
        return MARKED  # "they're due to Bob Monday", "1st draft to me 9/2": to whom, then when
    if "if" in clause and _IF_SEEN.search(clause):
        return CONTEXT  # "if you see this before tues": when the message is read, no deadline
    if "back" in clause and _BACK_ON.search(clause):
        return CONTEXT  # "Back Tues.", "I'm back Monday": when someone returns
    if "til" in clause and _NOT_BEFORE.search(clause):
        return CONTEXT  # "please ignore until tomorrow": when to start
    if "date" in clause and _EVENT_DATE.search(clause):
        return CONTEXT  # "return date is Friday": the court's day, not the task's
    if ("i" in clause or "we" in clause) and _MEETING_ASKED.search(clause):
        return CONTEXT  # "can we talk tomorrow at 9?": when to meet the writer, no deadline
    if "s" in clause and _PAPER_SAYS.search(clause):
        return CONTEXT  # "NYSEG notice says 10/20": what a paper says, not when the task is due
    if ("on" in clause or "who" in clause) and _ON_DUTY.search(clause):
        return CONTEXT  # "whoever has intake today", "on-duty paralegal this week": who, not when
    if ("that" in clause or "which" in clause) and _NAMED_AGAIN.search(clause):
        return CONTEXT  # "due 14 days before, which is 6/13 - that's today??": a day named again
    # A marker counts only right before the day ("by mail 11/24" is no deadline); a fact
    # verb also from a few words back.
    between = 0
    said = WORD.findall(clause)
    found = said[-8:]
    for index in range(len(found) - 1, -1, -1):
        word, before = found[index], found[index - 1] if index else ""
        if between == 0 and word == "of" and before in _PERIOD_UNITS:
            return CONTEXT  # "within a week of Tuesday": the day it is counted from
        if between == 0 and _settles(found, index):
            return MARKED  # "let's say Monday 10am", "make it Friday": the writer settles it
        if between == 0 and word == "for" and before in _AIMS:
            return MARKED  # "let's aim for the end of next week": the goal set
        if word in _FILLERS or word in _WEEKDAY_NAMES or word == "by" and before in _VISITED:
            continue  # "the walk-in who came by this afternoon" is no deadline; "by Tue 7/6" is
        if between == 0 and word in _MARKERS:
            # "our answer was due 2/3" tells of a deadline gone by; "by Wednesday rather than
            # Friday" sets Friday aside; "any call made before 8 a.m." says which calls.
            if before in _PAST_DUE or word == "than" and before == "rather":
                return CONTEXT
            if word in _UNTIL and before in _NOT:
                return CONTEXT  # "trial's not till 11/17": how much time there is, no deadline
            if word in _UNTIL and "from" in found[max(0, index - _SPAN_REACH) : index]:
                return CONTEXT  # "in court from 9:00 until about 11:30": a span, no deadline
            if len(said) == 2 and before in _SOME_OF_THEM:
                return CONTEXT  # "14 voicemails, some b4 8am": which of them, not a deadline
            if before in _CONTACTS and word in ("before", "b4") and _EARLY.match(folded, start):
                return CONTEXT  # "two calls before 8am": which calls (the law's hours)
            if before in _EVENT_PARTICIPLES:
                # "so it's postmarked by Friday": the state wanted by then, not which events
                if index >= 2 and found[index - 2] in _AUXILIARIES:
                    return MARKED
                return STANDING if _asked(said, len(said) - len(found) + index - 1) else CONTEXT
            return MARKED
        if (
            word in _WANTS
            and between <= _WANTS_REACH
            and (word != "like" or before in _WOULD)
            and before not in _NOT  # "don't want us near the 12/2 deadline"
        ):
            # "I want a draft Tuesday", "I'd like it Friday"; not "we need them for Friday's
            # hearing", which is the event's day
            return STANDING if "for" in found[index:] else MARKED
        if appearance and word in _EVENT_VERBS:
            return STANDING
        if between == 0 and word in _COURT_EVENTS and not appearance:
            return CONTEXT
        if between == 0 and word == "court" and before in _TO_COURT and not appearance:
            return CONTEXT  # "bring the receipts to court on the 18th": when she is in court
        if word in _FACT_VERBS and before in _DETERMINERS and index + 1 < len(found):
            # "put the continued meeting on the calendar today": a participle that describes
            # a thing named after it dates no event
            between += 1
            continue
        if word in _FACT_VERBS and not _names_a_paper(found, index):
            # "get the NOA filed today" asks for the event; "she got served today" reports it
            # ("get it filed today": "it" is what is filed, not who filed).
            if before in _SUBJECTS and not _caused(found, index):
                return CONTEXT
            return STANDING if _asked(said, len(said) - len(found) + index) else CONTEXT
        if between == 0 and word in _FACTS and not (word in _FACT_NOUNS and before == "for"):
            return CONTEXT
        if between == 0 and _tallied(word, before):
            return CONTEXT  # "6 calls this week", "twice today": how often, not when due
        between += 1
        if between > _FACT_REACH:
            # "Ocampo dropped off a stack of collector letters Fri": in a clause that asks for
            # nothing, an event told further back still dates its day
            far = not appearance and _told_long_ago(said)
            return CONTEXT if far else STANDING
    return STANDING


# Words that, with "for", set a goal: "aim for Friday", "shooting for the 14th".
_AIMS = frozenset({"aim", "aiming", "shoot", "shooting", "target", "targeting", "gun", "gunning"})
# Units of a period, before "of": "within a week of Tuesday" counts from Tuesday.
_PERIOD_UNITS = frozenset(
    {"day", "days", "week", "weeks", "wk", "wks", "month", "months", "hour", "hours", "hrs",
     "business", "biz"}
)  # fmt: skip
# "get it filed", "have it served": the one who is to cause it, with "it" the thing done.
_CAUSATIVE = frozenset({"get", "gets", "getting", "have", "having"})
# Fact verbs that tell of what already happened, whoever did it ("dropped off", "mailed").
_PAST_FACTS = frozenset(
    word for word in _FACT_VERBS if word.endswith("ed") or word in {
        "sent", "paid", "made", "came", "took", "left", "set", "reset", "repod", "got",
        "repo'd", "met", "saw", "heard", "spoke", "sold", "began"}
)
# Words after a far fact verb that give the day another role: an event's new date ("moved to
# Friday"), a span ("from ... to"), or when something is for.
_TOLD_FAR = frozenset(
    {"to", "from", "until", "till", "til", "for", "by", "before", "after", "moved", "rescheduled",
     "postponed", "continued", "adjourned", "scheduled", "reset", "set"}
)  # fmt: skip
# Words that ask even where no asking word of ASKING_WORDS stands ("can you", "I'd like").
_ASKS = frozenset({"can", "could", "would", "will", "like", "plz", "kindly", "you", "u"})


def _settles(found: list[str], index: int) -> bool:
    """Whether `found[index]`, right before a day, settles the deadline: "let's say", "make it"."""
    word = found[index]
    if word == "say":
        return index > 0 and found[index - 1] in {"let's", "lets"}
    return word == "make" and found[index + 1 : index + 2] in (["it"], ["that"])


def _caused(found: list[str], index: int) -> bool:
    """Whether the fact verb at `index` follows "get it" or "have it": the thing to be done."""
    return index >= 2 and found[index - 1] == "it" and found[index - 2] in _CAUSATIVE


def _asks_in(said: list[str]) -> bool:
    """Whether the words hold one that asks; "like" only as "I'd like" ("like 3am saturday" is
    about when)."""
    return any(
        word in _ASKS and (word != "like" or index and said[index - 1] in _WOULD)
        for index, word in enumerate(said)
    )


def _told_long_ago(said: list[str]) -> bool:
    """Whether a past event is told in the clause before a day (`said`, its words), which asks
    for nothing: "Ybarra dropped off his last 6 months of paystubs at the office Saturday"."""
    if not ASKING_WORDS.isdisjoint(said) or _asks_in(said):
        return False
    told = [i for i, word in enumerate(said) if word in _PAST_FACTS]
    # ("got moved up from July 21 to July 7": the event's new day, which may be asked for)
    return bool(told) and _TOLD_FAR.isdisjoint(said[told[-1] :])


# Events whose own timing a period right after them gives: "hrg in 3 wks", "the sale is in 10
# days" (when the event is, not when the task is due).
_TIMED_EVENTS = _COURT_EVENTS | {"sale", "auction", "listing", "closing"}


_PAPER_OF_AN_EVENT = re.compile(
    r"\b(?:certificate|cert|proof|affidavit|declaration|notice|notices|transcript)\s+of\s+"
    r"(?:the\s+)?[a-z0-9]+\s*$"
)


def dates_an_event(folded: str, start: int, *, appearance: bool = False) -> bool:
    """Whether the period at `start` says when an event named right before it is ("hrg in 3
    wks"); with `appearance`, someone is to be at the event, whose time is then the task's."""
    if appearance:
        return False
    clause = _CLAUSE_BREAK.split(folded[max(0, start - _CLAUSE_REACH) : start])[-1]
    said = [w for w in WORD.findall(clause) if w not in _FILLERS]
    # ("a draft of the notice of sale within 10 days": a paper named after the event)
    return bool(said) and said[-1] in _TIMED_EVENTS and not _PAPER_OF_AN_EVENT.search(clause)


def _tallied(word: str, before: str) -> bool:
    """Whether `before word` counts events ("6 calls", "three letters", "twice")."""
    if word in _ONCE_OR_MORE:
        return True
    return word in _TALLIED and (before.isdigit() or before in _COUNT_WORDS)


def _asked(said: list[str], index: int) -> bool:
    window = said[max(0, index - _ASKED_REACH) : index]
    if not ASKING_WORDS.isdisjoint(window):
        return True
    # A wish asks as well: "the firm would like him called today", "I'd like it filed Monday".
    return any(w == "like" and i and window[i - 1] in _WOULD for i, w in enumerate(window))


def _names_a_paper(found: list[str], index: int) -> bool:
    return index >= 2 and found[index - 1] == "of" and found[index - 2] in _PAPERS_OF

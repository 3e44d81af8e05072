"""What a text asks for, as far as its deadline goes: docketing, an appearance, nothing, a
social note; and asks whose deadline may not be the task's (a later list item, a condition)."""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "Request",
    "asks_another",
    "asks_someone",
    "asks_something",
    "asks_the_reader",
    "everyones_due",
    "if_the_reader",
    "later_item",
    "listed_note",
    "notes_blanked",
    "requested",
    "taken_back",
]

# "calendar the hearing", "pls docket it", "Docket: ...", "cal MSJ hrg": the verb, which no
# determiner or possessive stands before ("tomorrow's calendar", "the docket shows", "the PACER
# docket" are nouns).
_DOCKET_VERB = re.compile(
    r"\b(?:calendar(?:ed|ing|'d)?|calender(?:ed)?|docket(?:ed|ing)?|dkt(?:'?d)?|diary|diaried"
    r"|cal(?:'d)?|tickler|tickle)\b"
    # ("in court (Macon Co. docket)": a word closing a bracket names the court's list)
    r"(?![.')])"
    r"(?!\s+(?:days?|years?|months?|weeks?|quarters?|shows|says)\b)"
)
_NOUN_BEFORE = frozenset(
    {"the", "a", "an", "our", "my", "your", "his", "her", "their", "its", "this", "that",
     "firm", "firm's", "court", "court's", "office", "pacer", "shared", "outlook", "google",
     "trial", "motion", "busy", "full", "same", "of", "in", "on", "from", "to-do",
     # code-switching chat: "la calendar call", "el docket de mañana" are nouns too
     "la", "el", "los", "las", "un", "una", "mi", "tu", "su", "del", "al", "le", "les", "du"}
)  # fmt: skip
_WORD_BEFORE = re.compile(r"([a-z0-9'&+-]+)(\W*)$")
# A sentence ends between the word before and the verb: "... came in. Calendar the depo".
_SENTENCE_END = re.compile(r"[.!?;:\n]")
# "put the hearing on the calendar", "get it on the cal", "update the firm calendar".
_ON_THE_CALENDAR = re.compile(
    # "set a reminder to check PACER": a reminder's day is the event's, as docketing's is
    r"\bset\s+(?:up\s+)?(?:a\s+|an\s+)?(?:reminder|tickler|alert)\b|"
    r"\b(?:on(?:to)?|update|(?:add|put)\s+[^.!?\n]{1,60}?\b(?:to|in|into))\s+"
    # ("on the Okafor calendar", its name blanked to a run of spaces, is the matter's calendar;
    # "a careful job on the Harper docket" is the court's docket of the case)
    r"(?:(?:the|our|my)(?:\s{1,2}|\s+(?=firm|office|shared|cal)))?"
    r"(?:firm(?:'s)?\s+|office\s+|shared\s+)?(?:calendar|calender|cal|docket)\b"
    # code-switching chat: "ponerlo en el calendario", "agéndalo", "calendarizar la audiencia"
    r"|\b(?:en|al)\s+(?:el\s+|mi\s+|nuestro\s+)?calendario\b|\bagend(?:ar|e|alo|arlo)\b"
    r"|\bcalendariz"
)
# "appear at the hearing", "cover it for me", "need an atty at ex parte": the event's own time
# is the task's deadline.
_COURT = r"(?:hearing|hrg|trial|conference|conf|341|docket|depo|deposition|mediation|argument)"
_APPEARANCE = re.compile(
    # ... but not the writer's own ("I'll appear myself"). (The word's start is tested first,
    # so that most places fail at once.)
    # ("Will appear for me": Will is the one asked, as "ill" is only "I'll" typed fast)
    r"\b(?<!i'll\s)(?<!\bill\s)(?<!i\swill\s)(?<!we\swill\s)"
    r"(?:(?<!notice\sof\s)appear(?:ance)?|attend|stand\s+in"
    # "argue it", "argue the MSJ" (at the hearing); not "argue that ..." in a brief
    r"|argue\s+(?:it|the\s+(?:[\w-]+\s+){0,2}?(?:motion|msj|hearing|hrg|matter|appeal|tro"
    r"|injunction))"
    # ("you're covering it" assigns it; "Kate is covering my calls" tells of it)
    r"|(?:(?:(?<=you're\s)|(?<=youre\s)|(?<=you\sare\s)|(?<=ur\s)|(?<=you'll\sbe\s))covering"
    r"|covers?)"
    r"(?!\s+(?:letter|sheet|page|note|email))|be\s+at\s+the\s+(?:[\w-]+\s+){0,2}?"
    r"(?:hearing|hrg|trial|conference|conf|341|meeting|call)"
    r"|need\s+(?:an?\s+)?(?:atty|attorney|associate|lawyer)\b"
    r"(?!\s+to\s+(?:review|draft|sign|advise|look|research))"
    r"|(?:take|handle|do|run)\s+(?!(?:a\s+)?look\b)(?:the\s+|this\s+|that\s+|[a-z]+'s\s+)?"
    # ("handle the Cavalry v. Wolfe hearing": a case's name holds a "v.")
    rf"(?:[\w-]+\.?\s+){{0,4}}?{_COURT}|go\s+to\s+court|show\s+up"
    r"|(?:need|want|get|have)\s+(?:someone|somebody|anyone|you)\s+there"
    r")\b"
)
# "it's set for hearing January 4 at 10:00. Could you take it?"
_TAKE_IT = re.compile(
    r"\b(?:take|handle)\s+(?:it|this|that)\b(?!\s+(?:from|over|on|up|to|back|off)\b)"
)
_HEARING = re.compile(rf"\b{_COURT}s?\b")
# Messages that ask for nothing: a note, a thank-you, news of the writer's absence.
_NOTHING_ASKED = re.compile(
    r"\b(?:no\s+action(?:\s+(?:needed|required|necessary))?|do\s+nothing"
    r"|nothing\s+(?:further|needed|to\s+do|for\s+now|from\s+me)|just\s+sharing"
    r"|can\s+wait|heads\s+up|fyi|f\.y\.i|(?:pls|please|kindly|just)\s+note|reminder"
    r"|(?:thanks|thank\s+you|thx|ty)[\s,]+(?:\w+[\s,]+){0,2}?for|congrats|congratulations"
    r"|i'?m\s+out|i\s+am\s+out|i'?m\s+off|i\s+am\s+off|out\s+sick|out\s+of\s+(?:the\s+)?office"
    r"|ooo|heading\s+out|signing\s+off|welcome\s+back|see\s+(?:you|ya|y'all|you\s+all|everyone|everybody)"
    r"|have\s+a\s+(?:good|great|nice|happy|wonderful|safe)\s+(?:holiday|weekend|thanksgiving"
    r"|break|night|evening|one|trip)"
    r"|happy\s+(?:thanksgiving|holidays?|new\s+year|hanukkah|christmas|friday|monday|weekend"
    r"|juneteenth|memorial\s+day|labou?r\s+day|(?:july\s+)?4th|fourth|independence\s+day"
    r"|presidents'?\s+day|veterans'?\s+day|mlk\s+day|easter|passover|diwali|eid|kwanzaa)"
    r"|feliz\s+(?:navidad|ano\s+nuevo|memorial\s+day|fin\s+de\s+semana|viernes|dia)"
    # the writer leaving: "leaving at 4:50 today", "heading home early"
    r"|(?:^|[.!?]\s+)(?:i'?m\s+)?(?:leaving|heading\s+(?:home|out))\s+(?:at|early|now|after)\b"
    # a round-up, an offer, going offline, what everyone must hand in
    r"|nothing\s+(?:new\s+)?to\s+assign|no\s+new\s+(?:tasks?|asks?|assignments?)"
    # a reply that turns work down: "can't take anything new today - ..."
    r"|(?:can'?t|cannot|can\s+not)\s+take\s+(?:on\s+)?(?:anything|any\s+more|more|any)"
    r"(?:\s+(?:new|else|more))?"
    # leave to take time, not work: "please take the time you need this morning"
    r"|(?:(?:please|pls|kindly)\s+)?take\s+(?:the|whatever|all\s+the)\s+time\s+you\s+need"
    r"|(?:does\s+)?any(?:one|body)\s+(?:needs?|wants?)\s+anything"
    r"|going\s+(?:dark|offline|off[\s-]grid)"
    # "call if urgent", "text me if anything's on fire": how to reach the writer, no ask
    r"|(?:call|text|ping|email|reach)\s+(?:me\s+)?(?:(?:on\s+)?(?:my\s+)?cell\s+)?if\b"
    r"|all\s+(?:[a-z]+\s+){0,2}(?:time\s+entries|timesheets|time\s+sheets|expense\s+reports)"
    # what everyone hands in of their own: "pls get your May time in tonight"
    r"|(?:(?:please|pls|plz)\s+)?(?:get|put|enter|submit|turn)\s+(?:in\s+)?(?:your|ur)\s+"
    r"(?:[\w/-]+\s+){0,2}?(?:time|hours|timesheets?|time\s+entries|expense\s+reports?)"
    r"(?:\s+in)?)\b"
    # a status report under its heading: "Brummond update: LVNV offered 40%"
    r"|^\W*(?:(?!an?\b)[a-z0-9'&.-]+\s+)?(?:update|status|news)(?=\s*:)"
    # "Out today.", "Tyler here - out Tuesday for jury duty", "off to court, back tomorrow at 10"
    r"|(?:^|[.!?]\s+|\s-+\s)(?:out|off)\s+(?:today|tomorrow|tmrw|this\s+(?:morning|afternoon)"
    r"|(?:on\s+)?(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b"
    r"|\bheading\s+(?:to|over\s+to|off\s+to|down\s+to|up\s+to)\b(?=[^!?\n]{0,40}?[,.;]\s*back\b)"
    # a question about what was done, not a request: "did anyone start it?"
    r"|\b(?:did|has|have)\s+(?:anyone|anybody|someone|somebody|you|u)\s+(?:already\s+)?"
    r"(?:start|started|begin|begun|do|done|file|filed|send|sent|finish|finished|get|got|see"
    r"|seen|hear|heard)(?:\s+(?:it|this|that|on\s+it|to\s+it))?\s*\?"
)
# A request taken back, or kept by the writer: "sit in on the call at 3:30? actually never mind -
# I'll cover it myself". What follows the last such words may ask again ("scratch that, just
# serve them today").
_WITHDRAWN = re.compile(
    r"\b(?:never\s*mind|nvm|scratch\s+that"
    # ("don't forget that it's due Friday", "ignore that letter" take nothing back)
    r"|(?<!don't\s)(?<!dont\s)(?<!not\s)(?:forget|disregard|ignore)\s+(?:it|that|this|me"
    r"|my\s+last(?:\s+(?:message|msg|post))?)(?=\s*(?:[,.;!\n]|\s-|$))"
    r"|(?:i'?ll|i\s+will|i\s+can)\s+(?:take|handle|cover|do|get|grab)\s+(?:it|this|that|them)"
    r"(?:\s+(?:on|care\s+of))?\s+myself)\b"
)
# A word each way of taking an ask back holds: a text without one is not scanned for them.
_WITHDRAWN_WORDS = ("mind", "nvm", "scratch", "forget", "disregard", "ignore", "myself")
# A deadline word after an ask is taken back: "I'll do it myself. Meg, just pull the plan by 2".
# ("need it Monday - scratch that, Monday's Juneteenth. Tuesday.": the day put right)
_ANY_DAY_WORD = re.compile(
    r"\b(?:by|before|due|today|tomorrow|tmrw|tonight|eod|asap"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b|\d"
)
# "a reminder that all time entries must be in by Thursday": what everyone must do, which the
# reminder states rather than asks of the reader.
# ("heads up: the clerk's window closes at 3 today; anything that needs to go in has to be
# there before then" states what everyone must do, as a reminder does)
_REMINDER = re.compile(r"\b(?:reminder|heads\s+up)\b")
_OBLIGATION = re.compile(
    r"\b(?:must|have\s+to|has\s+to|need\s+to|needs\s+to)\b"
    # "please don't forget to enter your time": what a reminder says
    r"|\b(?:(?:please|pls|plz)\s+)?(?:don'?t|do\s+not)\s+forget\b"
    # ... and why ("so that billing can close the month")
    r"|\bso\s+(?:that\s+)?(?!you\b|u\b)[a-z']+(?:\s+[a-z']+)?\s+(?:can|could)\b"
)
# The writer says so: "not a task, just sharing", whatever else the text says.
_NOT_A_TASK = re.compile(
    r"\bnot\s+(?:a\s+(?:task|request)|assigned\s+to\s+(?:anyone|anybody|any\s+one))\b"
)
# What others can do or want, in a note: "he can do 30, maybe 35", "they want an answer by
# 10/27" (what the other side wants is news, not an ask of the reader); but "... so they can
# go out with the answer" says why the work is wanted, which may be an ask.
_THIRD_PARTY = re.compile(
    r"(?<!\bso\s)(?<!\bthat\s)\b(?:he|she|they)\s+(?:can|could)(?:\s+[a-z']+)?"
    r"|\bthey\s+(?:want|need)\b"
)
# A social note asking everyone to join in ("RSVP to Amber by Monday!", "put your order in
# this thread by Wednesday noon"): no one's task, whatever day it names.
# (or an errand for everyone: "placing a Panera order at 12:15", "can grab for you too")
_SOCIAL = re.compile(
    r"\b(?:party|lunch|dinner|drinks|happy\s+hour|potluck|cakes?|celebration|bbq|coffee"
    r"|donuts?|pizzas?|tacos?|bagels?|cookies|sandwich(?:es)?|burritos?|sushi|pho"
    r"|i'?m\s+buying|wants?\s+in(?=\s*[?.!]*\s*$)"
    r"|placing\s+an?\s+(?:[\w'&-]+\s+){0,2}order|(?:i\s+)?can\s+grab\s+(?:some\s+|one\s+)?"
    r"(?:for\s+)?(?:you|u|y'?all|anyone|everyone))\b"
)
_JOIN_IN = re.compile(
    r"\b(?:rsvp|put\s+(?:your|ur|in\s+your|what\s+you\s+want)"
    r"|any(?:one|body)(?:\s+(?!and\b|or\b)[\w'-]+){0,4}?\s+wants?"
    r"|i'?m\s+ordering|order\s+(?:goes|going|is\s+going)\s+in|sign\s+up\s+in\s+(?:this|the)\s+thread"
    r"|(?:reply|respond|comment)\s+(?:w/|with|here\s+with)\s+(?:yours|your\s+orders?|orders?"
    r"|what\s+(?:you|u|y'?all)\s+want)"
    r"|(?:coffee|lunch|donut|pizza)\s+run|who'?s\s+in\b|reply\s+(?:here|below|in\s+(?:the\s+)?thread)"
    r"|come\s+(?:get|grab)\s+(?:it|some|one|them)"
    r"|thinking\s+[a-z' ]{1,30}?\s+(?:at|@)\s+\d"
    r"|(?:i\s+)?can\s+grab\s+(?:some\s+|one\s+)?(?:for\s+)?(?:you|u|y'?all|anyone|everyone)"
    r")(?!\w)"
    # "lunch?" said alone, "anyone free for lunch?": an invitation
    r"|(?:^|[.!?\n]\s*|\bfor\s+)(?:lunch|coffee|drinks|dinner)\s*\?"
)
# Words that ask someone to do something, after the notes above are set aside, or a clause
# opening with a task's verb ("reminder: draft the answer tomorrow").
_ASKING = re.compile(
    r"\b(?:please|pls|plz|kindly|can|could|would|will\s+(?:you|u|someone|somebody)|need|needs"
    r"|needed|want|wants|have\s+to|has\s+to|must|let's|i'd\s+like)\b"
    r"|(?:^|[.!?;:,(]|\s-+)\s*(?:draft|file|e-?file|send|call|prepare|prep|review|docket"
    r"|calendar|cover|appear|attend|research|schedule|serve|email|mail|scan|collect|pull"
    r"|summari[sz]e|update|book|order|fix|finish|submit|respond|answer|negotiate|settle|get|do"
    # office chores, asked as bare commands too ("restock the toner, Mon", "set up her laptop")
    r"|restock|refill|renew|print|organi[sz]e|arrange|reserve|register|sign\s+up|set\s+up|buy"
    r"|pick\s+up|clean|replace|reset|install|pay|ship|shred|read|check|find|confirm|cancel"
    r"|remind|write|handle)\b"
)
# A sentence that asks the reader for the docketing, not one that tells what a party must do
# ("the defendant must produce the data by 11/24").
_ASKING_READER = re.compile(
    r"\b(?:please|pls|plz|kindly|can|could|would|need|needs|want|wants|should|i'd\s+like)\b"
    # "Try to have a number for me by EOD tomorrow": a bare command to try
    r"|(?:^|[.!?;:,\n])\s*try\s+(?:to|and)\b"
)

# A list's items, one a line: "1. ...", "2) ...", "(3) ...", "- ...", "• ...".
_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|\(\d{1,2}\)|[-*\u2022])\s+", re.MULTILINE)
# A sentence that asks only if the reader has some such work: "if you've got something that
# has to be filed before then, tell me by 4 today", "if anyone has anything for the courier".
_IF_THE_READER = re.compile(
    r"(?:^|[.!?\n:]\s*)(?:if\s+(?:you|u|anyone|anybody|someone|somebody|y'all)(?:'ve|\s+have"
    r"|\s+has)?\s+(?:got\s+|have\s+|has\s+)?(?:something|anything|any)"
    # "Anything that has to happen Fri, pls tell me by noon."
    r"|anything\s+(?:that\s+)?(?:has|needs|must|is|should))\b[^.!?\n]*$"
)


class Request(NamedTuple):
    """What a text asks for, in the ways that change which of its dates is the deadline."""

    docketing: bool  # its dates are the events to docket, not the deadline for docketing
    appearance: bool  # an event's own date is the deadline
    nothing: bool  # it asks for nothing: a day it names is no deadline
    social: bool = False  # a lunch or a party: no day it names is anyone's deadline
    withdrawn: int = 0  # where the last ask taken back ends: a day before it is no deadline


def requested(folded: str) -> Request:
    """What the (folded) text asks for, as far as its deadline goes."""
    withdrawn = _withdrawn(folded)
    return Request(
        _asks_to_docket(folded),
        _asks_for_appearance(folded),
        _asks_nothing(folded, withdrawn),
        _SOCIAL.search(folded) is not None and _JOIN_IN.search(folded) is not None,
        withdrawn,
    )


def _withdrawn(folded: str) -> int:
    """Where the text's last taking back of an ask ends ("never mind, I'll do it myself"); 0
    when it takes none back."""
    if not any(word in folded for word in _WITHDRAWN_WORDS):
        return 0
    withdrawn = [m.end() for m in _WITHDRAWN.finditer(folded)]
    return withdrawn[-1] if withdrawn else 0


# "he doesn't need to attend", "no need to appear": an appearance said not to be wanted.
_NOT_NEEDED = re.compile(
    r"\b(?:(?:doesn'?t|does\s+not|don'?t|do\s+not|won'?t|will\s+not|no)\s+need\s+(?:to\s+)?"
    r"|(?:not|never|won'?t|doesn'?t|don'?t)\s+(?:have\s+to\s+)?)$"
)


def _asks_for_appearance(folded: str) -> bool:
    for match in _APPEARANCE.finditer(folded):
        if not _NOT_NEEDED.search(folded, max(0, match.start() - 24), match.start()):
            return True
    return _TAKE_IT.search(folded) is not None and _HEARING.search(folded) is not None


def _asks_to_docket(folded: str) -> bool:
    if _ON_THE_CALENDAR.search(folded):
        return True
    for match in _DOCKET_VERB.finditer(folded):
        before = _WORD_BEFORE.search(folded[max(0, match.start() - 24) : match.start()])
        if before is None or _SENTENCE_END.search(before[2]):
            return True
        if before[1] not in _NOUN_BEFORE and not before[1].endswith("'s") and not (
            _named_noun(folded, match)
        ):
            return True
    return False


# "the Harper docket", "our magistrate calendar": a determiner and a name before the word make
# it a noun, unless an object follows ("have the clerk calendar it").
_DETERMINED = re.compile(
    r"\b(?:the|a|an|our|my|your|his|her|their|its|this|that)\s+[a-z0-9'&-]+\s+$"
)
_OBJECT_AFTER = re.compile(
    r"\s+(?:it|them|this|that|the|a|an|his|her|their|our|my|all|everything|[a-z]+'s)\b"
)


def _named_noun(folded: str, match: re.Match[str]) -> bool:
    """Whether the docket word at `match` is a noun after a determiner and a name."""
    return (
        match.group() in ("docket", "calendar")
        and _DETERMINED.search(folded, max(0, match.start() - 40), match.start()) is not None
        and _OBJECT_AFTER.match(folded, match.end()) is None
    )


def taken_back(folded: str) -> bool:
    """Whether the (folded) text takes its ask back and asks nothing after ("could you call
    her? Actually never mind, Ana did. Ignore me!")."""
    return _asked_nothing_after(folded, _withdrawn(folded))


def _asked_nothing_after(folded: str, withdrawn: int) -> bool:
    """Whether an ask is taken back at `withdrawn` and nothing is asked or dated after it."""
    return bool(withdrawn) and _ASKING.search(
        _NOTHING_ASKED.sub(" ", folded[withdrawn:])
    ) is None and not _ANY_DAY_WORD.search(folded, withdrawn)


def _asks_nothing(folded: str, withdrawn: int) -> bool:
    """Whether the text asks for nothing; `withdrawn` is where its last ask taken back ends."""
    if _NOT_A_TASK.search(folded):
        return True
    if _asked_nothing_after(folded, withdrawn):
        return True
    if not _NOTHING_ASKED.search(folded):
        return False
    rest = _NOTHING_ASKED.sub(" ", folded)
    if _REMINDER.search(folded):
        rest = _OBLIGATION.sub(" ", rest)
    return _ASKING.search(_THIRD_PARTY.sub(" ", rest)) is None


def notes_blanked(folded: str) -> str:
    """The text with its words that ask for nothing blanked: notices, thanks, greetings, news
    of the writer's absence, and a social note's invitation to join in ("lunch run, anybody
    want a po-boy?"). What is left may still ask for something (`asks_something`)."""
    said = _NOTHING_ASKED.sub(" ", folded)
    return _JOIN_IN.sub(" ", said) if _SOCIAL.search(folded) else said


def asks_something(sentence: str) -> bool:
    """Whether `sentence` asks for anything, a bare command included ("Draft it today")."""
    sentence = _offers_blanked(sentence)
    return asks_the_reader(sentence) or _ASKING.search(sentence) is not None


# "the writ can issue in 5 days": a modal of what may happen, which asks no one ("can you",
# "could someone" do ask).
_IMPERSONAL_MODAL = re.compile(
    # (not "if you can", "I would like")
    r"(?<!\byou\s)(?<!\bu\s)(?<!\bwe\s)(?<!\bi\s)(?<!\bsomeone\s)(?<!\banyone\s)"
    r"\b(?:can|could|would|will|may)\b(?!\s+(?:you|u|ya|y'all|someone|somebody|anyone|anybody"
    r"|we|i|one\s+of\s+you)\b)"
)


def asks_someone(sentence: str) -> bool:
    """Whether `sentence` asks for anything, as `asks_something`, not counting a modal said of
    what may happen ("the writ can issue in 5 days")."""
    return asks_something(_IMPERSONAL_MODAL.sub(" ", sentence))


def asks_the_reader(sentence: str) -> bool:
    """Whether `sentence` asks the reader for something (rather than telling a fact)."""
    sentence = _offers_blanked(sentence)
    return _ASKING_READER.search(sentence) is not None or _asks_to_docket(sentence)


def _offers_blanked(sentence: str) -> str:
    """`sentence` with what someone else can pay blanked ("Jesus can do $2,500")."""
    return _OFFER.sub(" ", sentence) if "$" in sentence else sentence


# The writer's own "can" or "will" asks no one: "I can prep you Tuesday", "we'll file Monday".
_OWN_MODAL = re.compile(r"\b(?:(?:i|we)\s+(?:can|could|will|might|may)|i'll|we'll)\b")


# What someone else can pay, which asks no one: "Jesus can do $2,500 by the first of the month",
# "she could maybe pay $300 a month" (but "can you pay the $75 fee" asks).
_OFFER = re.compile(
    r"\b(?!(?:you|u|ya|i|we|someone|somebody|anyone|anybody)\b)[a-z']+\s+(?:can|could)\s+"
    r"(?:(?:maybe|only|probably|prob|likely|still|now)\s+)?(?:do|pay|afford|offer|manage|put\s+down"
    r"|come\s+up\s+with|swing|scrape\s+together)\s+(?:(?:about|around|maybe|up\s+to|another)\s+)?\$"
)


def asks_another(statement: str) -> bool:
    """Whether `statement` asks the reader for something in words ("please", "can you", "I
    need"), not counting the writer's own "I can" or "I'll"."""
    if "i" in statement or "we" in statement:
        statement = _OWN_MODAL.sub(" ", statement)
    return asks_the_reader(statement)


def item_at(folded: str, at: int) -> int:
    """Which item of the text's list (1, 2, ...) `at` is said in; 0 outside a list."""
    line = folded.rfind("\n", 0, at) + 1
    items = [m.start() for m in _ITEM.finditer(folded) if m.start() <= line]
    if not items:
        return 0
    # (an item runs on to the next; a blank line after the list ends it)
    if folded.find("\n\n", items[-1], at) != -1:
        return 0
    return len(items)


def later_item(folded: str, start: int) -> str | None:
    """The doubt when the deadline at `start` is said in one item of a list and an earlier item
    asks for something else ("1. Pls send him the letter ... 2. Close file in 30 days."): the
    deadline may be the other ask's, not the task's. A line after the list is the whole text's."""
    line = folded.rfind("\n", 0, start) + 1
    items = [m.start() for m in _ITEM.finditer(folded)]
    if len(items) < 2 or line not in items or line == items[0]:
        return None
    if not asks_the_reader(folded[items[0] : line]):
        return None
    return "the deadline is said in a later item of the list: is it this task's?"


# "drafts due noon tmrw", "the answer is due 11/22": a deadline told, not asked ("- draft the
# letters, by Thursday" is a terse ask).
_TOLD_DUE = re.compile(r"\bdue\s+(?:on\s+|by\s+|at\s+)?$")


def listed_note(folded: str, start: int) -> str | None:
    """The doubt when the deadline at `start` is said in a list item that asks nothing ("-
    Kowalczyk drafts due noon tmrw") while the ask is elsewhere ("pls order the transcript"):
    a note on other work, maybe not the task's."""
    line = folded.rfind("\n", 0, start) + 1
    if not _ITEM.match(folded, line) or not _TOLD_DUE.search(folded, line, start):
        return None
    end = folded.find("\n", start)
    end = len(folded) if end == -1 else end
    if asks_something(folded[line:end]) or not asks_something(folded[:line] + folded[end:]):
        return None
    return "the deadline is said in a list item that asks nothing: is it this task's?"


# "Timesheets for March 1-15 are due to me by Monday": what everyone hands in of their own.
_EVERYONES_DUE = re.compile(
    r"\b(?:timesheets?|time\s+sheets?|time\s+entries|expense\s+reports?)\b[^.!?\n]*?"
    r"\b(?:due|must|have\s+to|has\s+to|need\s+to)\b[^.!?\n]*$"
)


def everyones_due(folded: str, start: int) -> str | None:
    """The doubt when the deadline at `start` is said of what everyone hands in of their own
    ("1. Timesheets are due to me by Monday. 2. ... please double-check your call times"):
    everyone's, maybe no task's."""
    line = max(folded.rfind(mark, 0, start) for mark in ".!?\n") + 1
    if _EVERYONES_DUE.search(folded, line, start) is None:
        return None
    return "what everyone hands in is due then: is it this task's deadline?"


def if_the_reader(folded: str, start: int) -> str | None:
    """The doubt when the deadline at `start` is asked for only if the reader has such work."""
    if _IF_THE_READER.search(folded, max(0, start - 200), start) is None:
        return None
    return "the deadline is asked for only if there is such work: is this a task's deadline?"

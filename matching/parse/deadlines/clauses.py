"""Clauses that make a day context rather than the deadline, and fragments that state one."""

from __future__ import annotations

import re

from matching.parse.deadlines.pieces import FULL_STOP, MARKED
from matching.parse.deadlines.requested import asks_another

__all__ = [
    "described",
    "event_day_doubt",
    "for_an_event",
    "heads_the_text",
    "in_a_purpose",
    "names_an_event",
    "names_the_event",
    "opens_a_plan",
    "said_to_be_fine",
    "standalone",
]

# Where a clause begins: after a sentence end, a colon, a semicolon, a comma, a bracket, a dash
# between spaces, an emoji (which ends a clause in chat) or a "so" or "but" that joins two.
_CLAUSE_BREAK = re.compile(
    rf"{FULL_STOP}|[!?;:,()\n]|\s-+\s|[^\x00-\x7f]|\s(?:so|but)\s"
    # "... needs a call back and I'm in court til 4": a new subject starts a clause
    r"|\sand\s(?=(?:i|i'm|im|i'll|we|we're|we'll)\s)"
    # ... and so it does in dictation with no stops: "… the docket is backed up i'll be in by 10",
    # "… tell her to keep paying rent i'll call her monday"
    r"|\s(?=(?:i'm|i've|i'll)\s)"
)
_CLAUSE_REACH = 160
_SENTENCE_BREAK = re.compile(rf"{FULL_STOP}\s|[!?;\n]|[^\x00-\x7f]")
# What is to be told to someone: "let her know that service will be made this week", "tell
# him the hearing moved to Monday"; not what to tell someone to do ("tell Joe to file it
# Monday"), nor when to tell them ("let her know tomorrow").
_RELAYED = re.compile(
    # (not to the reader: "let whoever handles filings know that it must be filed by noon")
    r"\b(?:let\s+(?!me\b|us\b|whoever\b|anyone\b|anybody\b|someone\b|somebody\b|you\b"
    # (a client's name is blanked out before this is read: "let          know")
    r"|y'all\b|everyone\b)(?:[\w.'-]+\s+){0,5}?know"
    r"|(?:tell(?:ing)?|inform(?:ing)?|remind(?:ing)?)(?!\s+(?:me|us|whoever|anyone|anybody"
    r"|someone|somebody|you|y'all|everyone)\b)"
    r"|(?:explain(?:ing)?|advis(?:e|ing))(?=\s+(?:\w+\s+)?that\b)"
    # "send him a short update that ...", "an email saying ..."
    r"|(?:update|note|email|e-mail|message|text|letter)(?=\s+(?:that|saying)\b)"
    # code-switching chat (folded, so without accents): "dile que", "confírmele que"
    r"|(?:dile|digale|decirle|confirm[ae]le|confirmarle|avis[ae]le|avisarle|inform[ae]le"
    r"|informarle|explica(?:le|rle)|recuerdale)(?=\s+que\b))"
    r"(?P<intro>\s*(?:-+|:))?\s+(?P<said>.*)$"
)
_INSTRUCTION = re.compile(r"^(?:[\w.'-]+\s+){0,3}?to\s")
# What is told ends at a dash or a new instruction, and is no new verb's object: "let her know
# and mail her a copy of the order, next Tues", "let Tamika know it went out - that's the one I
# need today", "let him know we filed, and ask him to call me tomorrow".
_NOT_SAID = re.compile(r"^(?:(?:and|or|then)\b|[&+])|\s-+\s|,\s*(?:and|then)\s+(?!that\b)")
_RELAYED_WORDS = 3
# What the writer will do, which is no one else's task: "I will brief you Monday", "I'll have
# the numbers for him by the end of the week", "happy to take the call tomorrow".
_OWN_DOING = (
    r"(?:(?:i'll|ill|i\s+will|i'm\s+going\s+to|im\s+going\s+to|we'll|we\s+will"
    r"|(?:i'm\s+|im\s+)?happy\s+to|i\s+can(?!not)"
    # the writer offering, in a question: "want me to serve them this week or wait?"
    r"|(?:do\s+you\s+|d'you\s+|you\s+)?want\s+me\s+to|should\s+i|shall\s+i"
    r"|would\s+you\s+like\s+me\s+to)\s+(?!be\b)[a-z']+"
    # "we're filing before Thanksgiving": the writer's own plan, in the present
    r"|(?:we're|we\s+are)\s+(?:(?:still|also|just)\s+)?(?!going\b)[a-z]+ing)"
)
_OWN_DOING_START = re.compile(
    r"^(?:(?:and|but|so|because|since|as|cause|cuz|bc|though|although|while|also|then)\s+)?"
    + _OWN_DOING
)
# A clause telling what someone else does, or where the writer will be or what they have on:
# "she's getting calls at 6am", "he works until 4", "I am out of the office this afternoon",
# "I've got a call with him at 4:30" (but "she can do 10am" may be when to call her).
_SITUATION = re.compile(
    r"^(?:(?:and|but|so|because|since|as|cause|cuz|bc|though|although|while|also)\s+)?"
    r"(?:(?:she|he|they)(?:'s|'re|\s+(?!(?:can|could|will|would|should|may|might|shall)\b)[a-z']+)"
    r"|(?:i'm|im|i\s+am|i'll\s+be|ill\s+be|i\s+will\s+be|i\s+was|i've\s+been|we're|we\s+are"
    r"|we'll\s+be|i\s+won'?t\s+be|i\s+will\s+not\s+be)\s+(?:out|off|away|in|on|at|travell?ing"
    r"|unavailable|stuck|double-booked|around|here|available|reachable"
    r"|tied\s+up|sick|offline|slammed|swamped|busy|buried|slow|booked|covering|drowning"
    # "I'm leaving at noon today", "I'm back in court at two": where the writer will be
    r"|leaving|heading\s+(?:out|home)|back\s+(?:in|at|on)\b)"
    r"|(?:i've\s+got|i\s+have|i've)(?!\s+(?:to|until|till)\b)"
    # where someone else will be: "he will be at the bankruptcy court tomorrow morning"
    r"|(?:he|she|they)(?:'ll|\s+will)\s+be\s+(?:out|off|away|travell?ing|unavailable"
    r"|on\s+(?:vacation|leave)|in\s+(?:court|trial)|at\s+(?:the\s+)?(?:[a-z]+\s+){0,2}court)"
    # when the writer is free: "I can't get to it until next week"
    r"|(?:i|we)\s+(?:can't|cant|cannot|can\s+not|won't|wont)\s+(?:get\s+to|look\s+at|do)"
    r"\s+(?:it|this|that|them)\s+(?:until|till|til|before))\b"
)
# What the writer cannot do, then: "I can't think straight today", "I can't get to it this
# week" (not what must not slip: "I can't let it go past Friday", "can't miss the 5th").
_UNABLE = re.compile(
    r"^(?:(?:and|but|so|because|since|as|though|also|honestly|sorry)\s+)?"
    # ("can't do Magee docs today": a reply, whose "I" goes without saying; "Dee can't do it
    # today" says when someone cannot, which is no deadline either)
    r"(?:[a-z]+\s+)?(?:can't|cant|cannot|can\s+not|couldn't|won't|wont)\s+"
    r"(?!(?:let|have|wait|afford|risk|miss|allow|lose)\b)[a-z]"
)
# The writer's absence, said without a subject: "Out today.", "Back tomorrow.", "out sick
# today, hoping to be back Tuesday".
_ABSENT = re.compile(
    r"^(?:(?:i'm|im|i\s+am|i'll\s+be|ill\s+be|i\s+will\s+be|(?:hoping|hope|planning|plan)\s+to\s+be"
    r"|be)\s+(?:out|back|off|away|ooo|offline|sick)|back|away|ooo|offline|sick|out\s+sick"
    # when the writer will arrive: "heading to the polls now, should be in by 10:30"
    r"|(?:i'll|ill|(?:i\s+)?(?:should|shd|will|expect\s+to|hope\s+to))\s+be\s+(?:in|back|here|there"
    r"|in\s+the\s+office)(?:\s+(?:by|around|about|at))?)$"
)
# A bare "Out today." opens a note of absence; later in a request ("... out today pls") it is
# when the letter goes out.
_OUT_FIRST = re.compile(r"\s*out\s*$")
# ... unless the clause says when someone is free or coming, or what they need or said: "she's
# free tomorrow at 10", "he is coming in Monday at 9", "she said to file it Friday".
_STILL_ASKED = re.compile(
    # (not the writer's own return: "I'm back in court at two")
    r"\b(?:free|available|reachable|around|(?<!i'm\s)(?<!im\s)(?<!i\sam\s)back|coming|come"
    r"|visiting|here|appointment|appt"
    r"|meet|meeting|need|needs|want(?!\s+me\s+to\b)|wants|asked|asks|expects|said|says|told"
    r"|wrote|please|pls)\b"
)
# What someone did, told in a clause of its own: "whether the sticker holds when they sold a
# service contract within 90 days" (a period in the past, no deadline).
_PAST_ACT = re.compile(
    r"\b(?:when|after|once|since|because|that|where|whether|if)\s+(?:they|he|she|it)\s+"
    r"(?:[a-z]{3,}ed|sold|sent|made|paid|took|got|bought|came|did)\b[^.!?;]*$"
)
# A day said in the negative: "no work tomorrow", "No action needed tonight" (but "not needed
# until Friday" is a deadline).
_NEGATED = re.compile(
    # ("no client emails today": none to send that day)
    r"\b(?:no\s+(?:[a-z]+\s+)?(?:work|action|need|filings?|calls?|e-?mails?|texts?|messages?"
    r"|contact)|nothing|not\s+(?:needed|required|due)"
    # "No rush this week": not wanted by then
    r"|no\s+(?:rush|hurry|pressure)|not\s+(?:urgent|in\s+a\s+(?:rush|hurry))"
    r"|no\s+[a-z]+\s+(?:needed|required|necessary|due))\b"
    r"(?:\s+[a-z']+){0,2}(?<!\bby)(?<!\bbefore)(?<!\buntil)(?<!\btill)\s*$"
    r"|\bnot\s*$"
    # "nothing needs filing before Monday", "nothing has to happen until the board meets on
    # the 28th", "nobody needs to do a thing until Tuesday", "no need to do anything til tues":
    # no work is due before that day, which is no deadline either
    r"|\b(?:(?:nothing|nobody|no\s*-?\s*one)\s+(?:needs|has|have|must|is\s+due|is\s+needed)"
    r"|(?:no|don'?t|do\s+not|doesn'?t)\s+need\s+to\s+do\s+(?:anything|a\s+thing|any\s+of\s+(?:it|this|that))"
    # "no need to look at this before Wednesday": when to start, at the earliest
    r"|(?:no|don'?t|do\s+not|doesn'?t)\s+need\s+to\s+(?:look\s+at|start|begin|touch|worry\s+about"
    r"|think\s+about|get\s+to|open))"
    r"\b[^.!?;\n]*\b(?:before|until|till|til|prior\s+to)\b[^.!?;\n]*$"
    # "I do not want her moving out before Friday": what must not happen before the day
    r"|\b(?:don'?t|do\s+not|doesn'?t|does\s+not)\s+want\s+(?!to\b)[a-z']+"
    r"(?:\s+[a-z']+){1,4}?\s+(?:before|b4|until|till|til|prior\s+to)\s*$"
)
# "Monday is Presidents' Day", "Friday's a holiday": what the day is, not a deadline.
_IS_A_HOLIDAY = re.compile(
    r"(?:\s+is|'s|\s+will\s+be)\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:(?:federal|bank|court|office|firm|public|legal|state)\s+)?"
    r"(?:holiday|presidents'?\s+day|memorial\s+day|labou?r\s+day|mlk(?:\s+day)?|martin\s+luther"
    r"|christmas(?:\s+eve)?|new\s+year'?s|thanksgiving|juneteenth|veterans'?\s+day"
    r"|columbus\s+day|indigenous\s+peoples'?\s+day|independence\s+day"
    r"|(?:a\s+)?day\s+off|closed)\b"
)
# "today was the deadline", "Friday was the cutoff": a deadline gone by, told.
_WAS_THE_DEADLINE = re.compile(
    r"\s+(?:was|were)\s+(?:the\s+|our\s+|your\s+)?(?:deadline|due\s+date|last\s+day|cutoff"
    r"|cut-off)\b"
)
# "Today's assignments - Mon 1/10", "Monday's docket: 1/10": a day that says again which day a
# list or a thing belongs to, as the possessive before it does.
_POSSESSIVE_DAY_BEFORE = re.compile(
    r"\b(?:today|tonight|tomorrow|tmrw|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)'s"
    r"\s+[a-z]+(?:\s+[a-z]+)?\s*(?:-+|:|,|\()\s*$"
)
# "the phones are down until about 1pm", "the garage stays locked until 7am": how long a
# state lasts, whoever is in it.
_STATE_UNTIL = re.compile(
    r"\b(?:down|closed|locked|shut|out|off|offline|away|unavailable|busy|slow|gone)\b"
    r".*\b(?:until|till|til)(?:\s+(?:about|around|roughly|approx|approximately))?\s*$"
)
# "See everybody Monday", "talk to you tomorrow": a farewell, not a deadline.
_FAREWELL = re.compile(
    r"^(?:(?:ok|okay|alright|and)\s+)?(?:see|talk\s+to|catch|speak\s+to)\s+(?:you|ya|u|y'all"
    r"|everyone|everybody|you\s+all|all\s+of\s+you)(?:\s+all)?(?:\s+(?:guys|folks|again))?"
    r"(?:\s+(?:on|at|in|first\s+thing))?$"
)
# "Hope Peoria is treating you well today!", "hope your Monday's going ok": a greeting's wish (not
# "hope you can get it out today", which asks).
_WISH = re.compile(
    r"^(?:(?:and|also|so|oh)\s+)?(?:i\s+|we\s+)?hope\s+"
    r"(?![^.!?]*\b(?:you|u|y'all|we|someone|somebody|anyone|they|it|this|that)(?:'ll|\s+(?:can|could"
    r"|will|would|get|gets|have\s+time|be\s+able)))"
)
# "he gets calls at 7am every day": a time something keeps happening.
_HABITUAL = re.compile(r"\s*(?:every|each|daily|nightly|a\s+day|per\s+day)\b")
# "he's at work until 4": how long a state lasts, not a deadline.
_UNTIL = re.compile(r"\b(?:until|till|til)(?:\s+(?:about|around))?\s*$")
# "tomorrow is fine", "mon works", "3 wks is fine": what follows says this is the deadline.
_FINE = re.compile(
    r"(?:\s+is|'s|\s+would\s+be|\s+should\s+be)"
    r"(?:\s+(?:totally|perfectly|really|just|also|still|probably|definitely|absolutely|completely"
    r"|totes|more\s+than))?\s+(?:fine|ok|okay|good|great|perfect|plenty)\b"
    # ("next Monday is fine to start": when the work may begin)
    r"(?!\s+(?:to|for)\s+(?:start|begin|get\s+started|kick\s+off|starting))"
    r"|\s+(?:works|is\s+when|at\s+the\s+latest)\b"
    # "Tomorrow will do.", said last
    r"|\s+(?:will|would|should)\s+do\s*(?:[.!]|$)"
)
# "for tomorrow, not today:", "Friday:": a day heading what follows, when the work is for.
_HEADING = re.compile(r"(?:\s*,\s*not\s+[a-z]+)?\s*:")
_HEADING_LEAD = re.compile(r"(?:^|[.!?\n])\s*(?:[a-z]+\s+)?(?:for\s+)?$")
# "the 9:00 docket", "her 2pm call": a time that says which event, not when.
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|my|our|his|her|their|your|a|an|[a-z]+'s)\s+$")
_EVENT_NOUN = (
    r"(?:hearing|hrg|trial|conference|conf|deposition|depo|mediation|meeting|mtg|call|docket"
    r"|calendar|consult(?:ation)?|appointment|appt|341|status|sentencing|argument|pretrial"
    r"|pre-trial|arraignment|arbitration)s?"
)
_ATTRIBUTIVE_AFTER = re.compile(
    # ("your 2pm intake" is an event; "call him for an intake today" asks for one)
    rf"\s+(?:[a-z0-9-]+\s+){{0,2}}?(?:{_EVENT_NOUN}|intakes?|deadlines?|cutoffs?|cut-offs?)\b"
)
# "for a client consult next week": the event the work is for, named right before its day.
_FOR_EVENT_BEFORE = re.compile(
    r"\bfor\s+(?:(?:a|an|the|her|his|our|my|their|this|that|next)\s+)?"
    r"(?:(?!(?:before|by|after|until|at|on|with)\b)[a-z'-]+\s+){0,2}?"
    rf"(?P<event>{_EVENT_NOUN})\s+$"
)
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
# (a sign-off closing the text, "... Thursday 8am. -RD", ends the fragment too)
_FRAGMENT_BREAK = re.compile(r"[.!?;:\n]|\s-+\s|[^\x00-\x7f]|\s-+[a-z.]{1,16}\s*$")
_FRAGMENT_WORDS = frozenset(
    {"please", "pls", "plz", "ok", "okay", "k", "is", "fine", "works", "good", "great", "thx",
     "thanks", "thank", "you", "ty", "by", "before", "b4", "latest", "at", "the", "if", "possible",
     "ideally", "preferably", "pref", "would", "be", "no", "later", "than", "on", "for", "due",
     "so", "it", "that", "that's", "also", "just", "then", "and", "or", "sooner", "better",
     "hopefully", "needed", "need", "ready", "done", "back", "to", "me", "tops", "max",
     # priority words say how urgent, not what else is asked ("3 wks is fine, low priority")
     "low", "high", "priority", "urgent", "asap", "rush", "not",
     # "Tomorrow will do."
     "will", "do"}
)  # fmt: skip
# "Thursday at noon so I can check it.": why the deadline, which adds no other ask.
_PURPOSE = re.compile(r"\s*,?\s*so\s+(?:that\s+)?(?:i|we)\s+(?:can|could|have)\b[^.!?;:\n]*")
# "Next Wednesday for a draft, please.", "Tues for my review": what is due then, which adds no
# other ask (but "Friday for the hearing" names an event, whose day it may be).
_FOR_THE_WORK = re.compile(
    r"\s*,?\s*for\s+(?:(?:a|an|the|my|our|your|his|her|their|first|1st|final|initial|rough)\s+)"
    rf"{{0,2}}(?!{_EVENT_NOUN}\b)[a-z'-]+"
)
_FRAGMENT_REACH = 80
_WORD = re.compile(r"[a-z0-9']+")


def _clause_before(folded: str, start: int) -> str:
    window = folded[max(0, start - _CLAUSE_REACH) : start]
    return _CLAUSE_BREAK.split(window)[-1].strip()


def described(folded: str, start: int, end: int, rank: int, *, appearance: bool = False) -> bool:
    """Whether the day at `start:end`, whose lead-in gives it `rank`, is told as a fact: said in
    the negative, relayed to someone, what the writer will do or where they will be, named as
    an event's, recurring, or part of a clause about what someone else does. A marked day is a
    fact only in the negative, relayed, as the writer's own doing, or as the end of a state
    ("he's at work until 4", "the phones are down until 1pm"). With `appearance`, the text asks
    for someone at an event, whose day is then no mere fact."""
    if said_to_be_fine(folded, end):
        return False  # "tomorrow's fine" says what the deadline is, whatever the clause
    if _IS_A_HOLIDAY.match(folded, end) or _WAS_THE_DEADLINE.match(folded, end):
        return True
    clause = _clause_before(folded, start)
    if _NEGATED.search(clause) or _FAREWELL.match(clause):
        return True
    if not appearance and (_absent(folded, start, clause) or _UNABLE.match(clause)):
        return True
    if _relayed(folded, start) and not _clause_of_its_own(folded, clause, end):
        return True
    asked = _STILL_ASKED.search(clause) is not None
    if not asked and (_own_doing(folded, start, clause) or _STATE_UNTIL.search(clause)):
        return True
    situation = not asked and _SITUATION.search(clause) is not None
    if rank == MARKED:
        return (situation and _UNTIL.search(clause) is not None) or (
            not asked and _PAST_ACT.search(clause) is not None
        )
    if situation or _HABITUAL.match(folded, end) or _WISH.match(clause):
        return True
    return not appearance and (
        names_an_event(folded, end) is not None
        or for_an_event(folded, start) is not None
        or _POSSESSIVE_DAY_BEFORE.search(folded, max(0, start - 40), start) is not None
    )


# A period that opens its sentence and is followed by what we or they do then ("in 2 weeks we
# re-pull her reports", "In 30 days they close the file"): the time of that later step, not a
# deadline; unless it goes on to ask ("in 2 weeks we need the draft").
_PLAN_AFTER = re.compile(
    r",?\s+(?:we|they|he|she)(?:'ll|\s+will|\s+can)?\s+"
    r"(?!(?:need|needs|want|wants|must|should|have|has|would|'d)\b)[a-z][a-z'-]*"
)


def opens_a_plan(folded: str, start: int, end: int) -> bool:
    """Whether the period at `start:end` opens its sentence and dates a step that we or they
    take then ("… anyway. in 2 weeks we re-pull her reports"): no deadline for the task."""
    return not _clause_before(folded, start).strip() and _PLAN_AFTER.match(folded, end) is not None


# "By noon, so Denise can review it before Wednesday's filing": why the deadline, whose own days
# are the next step's (a client's name is blanked out before this is read: "so        can").
_PURPOSE_BEFORE = re.compile(
    r"(?:,|\s)\s*so\s+(?:that\s+)?(?:(?:[a-z'-]*\s+){1,4}?(?:can|could|has\s+time\s+to"
    r"|have\s+time\s+to|gets?\s+to|is\s+able\s+to|will\s+be\s+able\s+to)"
    # "... within 3 business days, so they go out certified before the 1/21 call"
    r"|(?:they|it|he|she)\s+(?:go|goes|get|gets|arrive|arrives|reach|reaches|land|lands|are"
    r"|is)(?:\s+(?:out|in|there|back))?)\s[^.!?;\n]*$"
    # "I want to read it before I call the lender's lawyer Tuesday": the writer's next step
    r"|\bbefore\s+(?:i|we)\s+(?!(?:need|have|get|want|can|could|leave|go)\b)[a-z']+\s[^.!?;\n]*$"
)
_PURPOSE_REACH = 120


def in_a_purpose(folded: str, start: int) -> bool:
    """Whether the day at `start` is said in a clause of why the work is wanted ("so Denise can
    review it before Wednesday's filing"): the next step's day, not the task's."""
    if "so" not in folded and "before" not in folded:
        return False
    return _PURPOSE_BEFORE.search(folded, max(0, start - _PURPOSE_REACH), start) is not None


# "he wants to know if ...": a question told, which asks the reader nothing.
_WANTS_TO_KNOW = re.compile(r"\bwants?\s+to\s+know(?:\s+(?:if|whether)\b[^.!?;\n]*)?")
# A clause cut off with no stop nor joining word before it ("... into the account i'll call").
_DICTATED_CUT = re.compile(r"[a-z0-9'](?<!\band)(?<!\bbut)(?<!\bso)(?<!\bthen)\s+$")
# "... finalized so I can review next Monday": why the work is wanted, by when.
_SO_BEFORE = re.compile(r"\bso(?:\s+that)?\s*$")


def _own_doing(folded: str, start: int, clause: str) -> bool:
    """Whether `clause`, ending at `start`, tells what the writer will do ("I can have a draft
    by tomorrow"), not why the work is wanted ("so I can review it Monday"). Dictated with no
    stops, it does so beside an ask of the reader ("... can someone let her know i'll call her
    monday"); a note that asks nothing ("he wants to know if he should file i'll talk him
    through it tomorrow at ten") tells the writer's own task."""
    if _OWN_DOING_START.match(clause) is None:
        return False
    begin = folded.rfind(clause, 0, start)
    if clause.startswith("i can") and _SO_BEFORE.search(folded, 0, max(0, begin)):
        return False
    if not _DICTATED_CUT.search(folded, 0, begin):
        return True
    elsewhere = folded[:begin] + " " + _rest_of_sentence(folded, start)
    return asks_another(_WANTS_TO_KNOW.sub(" ", elsewhere))


def _rest_of_sentence(folded: str, start: int) -> str:
    """What follows the day at `start`, from the end of its sentence on."""
    after = _SENTENCE_BREAK.search(folded, start)
    return folded[after.end() :] if after else ""


def _clause_of_its_own(folded: str, clause: str, end: int) -> bool:
    """Whether the day ending at `end`, in `clause`, is a clause of its own ("tell him the
    trustee continued the 341, COB"), which says when, not what is told."""
    after = _CLAUSE_BREAK.search(folded, end - 1)
    rest = clause + " " + folded[end : after.start() if after else len(folded)]
    return all(word in _FRAGMENT_WORDS for word in _WORD.findall(rest))


def _absent(folded: str, start: int, clause: str) -> bool:
    return _ABSENT.match(clause) is not None or _OUT_FIRST.match(folded, 0, start) is not None


def _relayed(folded: str, start: int) -> bool:
    """Whether the day at `start` is part of what someone is to be told, in its sentence: "let
    her know that the bureaus have 30 days (until about 1/6)"."""
    window = max(0, start - _CLAUSE_REACH * 2)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(folded, window, start)]
    relayed = _RELAYED.search(folded, breaks[-1] if breaks else window, start)
    if relayed is None or _INSTRUCTION.match(relayed["said"]) or _NOT_SAID.search(relayed["said"]):
        return False
    said = _WORD.findall(relayed["said"])
    return len(said) >= _RELAYED_WORDS or said[:1] == ["that"] or relayed["intro"] is not None


def said_to_be_fine(folded: str, end: int) -> bool:
    """Whether the words after the day ending at `end` say it is the deadline ("is fine")."""
    return _FINE.match(folded, end) is not None


def heads_the_text(folded: str, start: int, end: int) -> bool:
    """Whether the day at `start:end` heads what follows ("for tomorrow, not today: ..."), which
    tells when the work is for rather than by when it is due."""
    return _HEADING.match(folded, end) is not None and bool(
        _HEADING_LEAD.search(folded, max(0, start - 16), start)
    )


def names_the_event(folded: str, start: int, end: int) -> str | None:
    """The event the time at `start:end` says is which ("the 9:00 docket"), if it does."""
    before = _ATTRIBUTIVE_BEFORE.search(folded, max(0, start - 12), start) or _opens_with_digits(
        folded, start
    )
    after = _ATTRIBUTIVE_AFTER.match(folded, end)
    return f"{folded[start:end]}{after.group()}" if before and after else None


def _opens_with_digits(folded: str, start: int) -> bool:
    """Whether a date or time in digits opens its sentence ("3/8 hearing is off."), where it
    says which event as "the" would."""
    return folded[start : start + 1].isdigit() and folded[:start].rstrip()[-1:] in ("", *".!?:\n")


def for_an_event(folded: str, start: int) -> str | None:
    """The event named right before the day at `start` that the work is for ("for a client
    consult next week"), if there is one."""
    match = _FOR_EVENT_BEFORE.search(folded, max(0, start - 60), start)
    return match["event"] if match else None


def names_an_event(folded: str, end: int) -> str | None:
    """The event the day ending at `end` names ("Monday's meeting"), if it names one."""
    match = _POSSESSIVE.match(folded, end)
    return match["event"] if match else None


def event_day_doubt(folded: str, start: int, end: int) -> str | None:
    """The doubt when work is asked for an event known only by its day ("for tomorrow's
    hearing", "for a consult next week"): the day may be the deadline, at an hour not given."""
    event = names_an_event(folded, end)
    if event is not None and _FOR_THE_EVENT.search(folded[max(0, start - 16) : start]):
        said = f"{folded[start:end]}'s {event}"
    elif (event := for_an_event(folded, start)) is not None:
        said = f"{event} {folded[start:end]}"
    else:
        return None
    return f"\u201c{said}\u201d: is the deadline then, and at what time?"


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
    if (work := _FOR_THE_WORK.match(folded, last)) is not None:
        last = work.end()
    if (purpose := _PURPOSE.match(folded, last)) is not None:
        last = purpose.end()
    after = _FRAGMENT_BREAK.search(folded, last, last + _FRAGMENT_REACH)
    finish = after.start() if after else min(len(folded), last + _FRAGMENT_REACH)
    rest = folded[begin:first] + " " + folded[last:finish]
    for left, right in zip(spans, spans[1:], strict=False):
        rest += " " + folded[left[1] : right[0]]
    return all(word in _FRAGMENT_WORDS for word in _WORD.findall(rest))

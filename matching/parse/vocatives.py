"""Where a text speaks to someone by name: "Felix, can you …", "dusty pls …", "hi will, …"."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from matching.parse.naming import ADDRESSEE, HONORIFICS, LISTED, SIGNED, STRONG, WEAK, Naming
from matching.parse.words import Word

__all__ = ["OPENING_WORDS", "WORD_NAMES", "vocatives"]

_start = itemgetter(0)

_BULLET = r"(?:[\u2022*\u2013\u2014-]\s*|\(?\d{1,2}[.)]\s+)?"
# "Hi Kenji", "Good morning Hannah,": the one greeted at the top of an e-mail-like message.
_GREETING_WORDS = (
    r"(?i:(?:good\s+)?(?:morning|afternoon|evening)|hi+|hey+|hello+|yo|dear|welcome\s+back"
    # Spanish: "Hola Gabi,", "oye Marisa, …", "Buenos días Luchito:"
    r"|hola|oye|buen[oa]s(?:\s+(?:d[i\u00ed]as|tardes|noches))?)\s+"
)
_GREETING = rf"(?:{_GREETING_WORDS})?"
# A word that may open the clause before the name spoken to: "Also Trish, pls …", "And Kate —".
_FILLER = (
    r"(?:(?i:also|and|and\s+also|but|oh|ok|okay|alright|all\s+right|so|plus|then|btw|lastly"
    r"|finally)\s+)?"
)
# A capital after a comma, maybe after such a word: "…, but Grant, you've …".
_CAPITAL_NEXT = re.compile(rf"{_FILLER}[A-Z]")
# Words after a name that speak to its bearer: "Brianna you're up", "Lena you want to take the
# call?", "dwayne thx for coming in".
_SPOKEN_TO = (
    r"please|pls|plz|you're|youre|you've|if\s+you|thanks|thx|ty|thank\s+you"
    # Spanish: "Gabi por favor …", "Tomás porfa …", "Caro ¿puedes …?"
    r"|por\s+favor|porfa|\u00bf?(?:puedes|podr[i\u00ed]as|me\s+(?:haces|ayudas))"
    # The writer saying who speaks, as dictation writes it: "Kate its Bob period …".
    r"|(?:it's|its|it\u2019s|this\s+is)\s+(?:me|[a-z]+\s+(?:here|period|comma)\b)"
    r"|(?:you|u)\s+(?:good|can|could|want|wanna|have|are|mind|need|free|around|ok|okay|able|got)"
    # Text-speak and a modal ask: "Denise ur closer w/ them", "Maria C. can u appear?".
    r"|ur|u\s+r|(?:can|could|would|will)\s+(?:you|u)"
    # The writer's wish of "you", a moment asked of them, a hope for them, a need: "Shelby I
    # need you to review …", "Dale I want the letter out by Friday", "Kit when you get a minute
    # …", "rosa hope ur ok …", "shelby need 341 notes b4 tmrw" (the writer's "I" left out, as
    # phones write it).
    r"|i(?:'d|\s+would)?\s+(?:need|want|like)\s+(?:you|u)\s+to|i\s+(?:need|want)\b"
    r"|i(?:'d|\s+would)\s+like\b"
    r"|when\s+(?:you|u)\s+get\s+a\s+(?:minute|chance|sec|second|moment)"
    # An aside of time, then the ask: "Jenna before I finish the answer can you run SOL …"
    r"|(?:before|once|while|after)\s+i\s+[^.?!\n]{0,60}?\s(?:can|could|would)\s+(?:you|u)"
    r"|hope\s+(?:ur|you're|youre|you|u)|need"
    # Thanks and a yes said to them first: "Dusty appreciate you. …", "Marcus yes, counter …",
    # an offer taken up: "Becky yes please! Summarize …".
    r"|appreciate|(?:yes|yeah|yep|yup|sure)(?:\s+(?:please|pls|plz))?(?=\s*[,.!:\u2013\u2014-])"
    # The work asked of "us", meaning them: "Marcus can we get the letter out today?"
    r"|(?:can|could)\s+we\s+(?:please\s+)?(?:get|have)"
)
# A name that is also a modal or a wish speaks to nobody when "you" or a need follows: "Will you
# have it by Friday?", "will need the ledger", "Hope you're well" (see `WORD_NAMES`).
_NOT_SPOKEN_TO = (
    r"(?!(?i:will|may)\s+(?:you|u|need|i\s+need)\b"
    r"|(?i:hope)\s+(?:you|u|ur|ya|y'all|all|everyone|everybody|everything|this|that|the|it|your)\b)"
)
# The initial of a surname that tells two people of one given name apart: "Megan F., …",
# "Maria O. pls summarize …".
_INITIAL = rf"(?: [A-Z]\.(?=[,:!]|\s[-\u2013\u2014]|\s+(?i:{_SPOKEN_TO})\b))?"
# The same in lower case, with no stop ("kayla b, …", "kayla m pls …"); never "a", "i" or "u",
# which are words.
_LOWER_INITIAL = r"(?: (?![aiu]\b)[a-z](?=[\s,:]))?"
# A word of fondness or fellowship after a name spoken to: "Bobby hon, …", "Jo honey, …".
_ENDEARMENT = r"(?:\s+(?i:hon|honey|sweetie|sweetheart|dear|darling|darlin'?|babe|buddy|bud|pal))?"
# A courtesy title before a surname spoken to: "Ms. Reyes, would you …" (people.py reads it).
_TITLE = r"(?:(?:Mr|Ms|Mrs|Miss|Dr|Mx)\.?\s+)?"
# A name said first in the text or a clause, maybe after a bullet or a greeting, and set off by a
# comma, colon or dash ("Felix, can you …", "Hi Kenji: …", "• Will — can you …"; after a
# greeting, a stop: "Hi Hope! Could you …"), or followed
# straight by an ask of "you" ("Kim pls get someone on it", "Brianna you're up on this one",
# "Lena you want to take the call?").
_VOCATIVE = re.compile(
    rf"\s*{_BULLET}{_FILLER}(?:(?P<greeting>{_GREETING_WORDS}))?{_NOT_SPOKEN_TO}"
    rf"(?P<name>{_TITLE}[A-Z][\w'-]*(?: [A-Z][\w'-]*){{0,2}}{_INITIAL})"
    # (after a greeting, a stop or two: "Hi Kim!! Could you …", "Hiii Megan R.! Could I …")
    rf"(?={_ENDEARMENT}\s*(?:[,:]|\s-+\s|\s?[\u2013\u2014]"
    r"|(?(greeting)(?:(?<=\w)[!.]|(?<=\.)!)!*(?=\s)|(?!)))"
    rf"|\s+(?i:{_SPOKEN_TO})\b)"
)
# Several names spoken to at once, set off as one is: "Shanice, Marcus — …", "Kate and Tom: …",
# "Ana/Ben, please …". Each may carry a surname or its initial ("Sarah D. and Jon, …").
_NAME = r"[A-Z][\w'-]*(?: [A-Z]\.| [A-Z][\w'-]*)?"
_NAME_LIST = re.compile(
    rf"\s*{_BULLET}{_FILLER}{_GREETING}(?P<names>{_NAME}(?:(?:\s*,|\s+(?:and|&|or)|\s*/)\s*{_NAME})+)"
    r"(?=\s*(?:[,:]|\s-+\s|\s?[\u2013\u2014]))"
)
_LISTED_NAME = re.compile(_NAME)
# A name said first in lower case, for a name on the roster: "trevor — cover the CMC", "chioma,
# you've…", "tess — Quill v. Apex: …", "hi will, …", "kayla b, …", "sarah kim - pls …" (a full
# name); after a greeting, a name may end a sentence ("welcome back dusty. pls …").
_LOWER_VOCATIVE = re.compile(
    rf"\s*{_BULLET}(?:(?P<greeting>hi|hey|hello|yo|morning|welcome\s+back)\s+)?{_NOT_SPOKEN_TO}"
    rf"(?P<name>[a-z][\w'-]*)(?:{_LOWER_INITIAL}|(?P<surname> [a-z][\w'-]+))"
    rf"(?={_ENDEARMENT}\s*(?:,|\s-+\s|\s?[\u2013\u2014]|(?(greeting)[.!](?=\s)|(?!)))\s*\w"
    rf"|\s+(?i:{_SPOKEN_TO})\b)"
)
# A name opening the text or a line with no comma, before what it is told: "tammy the fenske
# answer is signed … please get it filed", "Shelby Mrs Haugen says …", "dusty quick research q
# …", "jesse since dusty's out pls …". The word after it shows it is spoken to: no verb it
# could be the subject of ("dale called", "kayla m covering the desk").
_OPENING = re.compile(
    rf"[ \t]*{_BULLET}{_FILLER}{_GREETING}(?P<name>[a-z][\w'-]*){_LOWER_INITIAL}"
    r"\s+(?P<next>[a-z][\w']*)"
)
_NEWS_OPENERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "your", "ur", "our", "my", "i", "we",
     "he", "she", "they", "since", "if", "when", "once", "as", "because", "bc", "quick", "good",
     "great", "nice", "re", "fyi", "one", "another", "mr", "mrs", "ms", "dr", "miss"}
)  # fmt: skip
# Words that open a sentence before such news and are no one's name, though a first name may
# begin with them ("The trust's counsel …" is no Theodore, "Per the order …" no Percy).
OPENING_WORDS = _NEWS_OPENERS | frozenset(
    {"there", "then", "than", "their", "them", "her", "his", "him", "its", "it", "me", "us",
     "you", "per", "at", "by", "for", "from", "in", "into", "of", "on", "to", "with", "after",
     "before", "until", "till", "while", "where", "what", "which", "who", "why", "how", "and",
     "but", "or", "so", "also", "just", "maybe", "still", "now", "today", "did", "does", "do",
     "has", "have", "had", "is", "are", "was", "were", "can", "could", "would", "should",
     "must", "not", "no", "yes", "all", "any", "some", "every", "each", "both", "please", "pls",
     "thanks", "thank", "hi", "hey", "hello", "ok", "okay", "new", "update", "only", "even",
     "here", "again", "about", "over", "under", "ugh", "oh", "um", "uh", "well"}
)  # fmt: skip
# Given names that are also words a sentence may open with ("Will the answer be filed?", "mark
# the calendar", "hope the hearing went ok"): spoken to only where the syntax says so, by a
# comma, a greeting, an ask of "you", never by the news that follows.
WORD_NAMES = frozenset(
    {"will", "may", "bill", "sue", "pat", "mark", "rob", "grace", "hope", "drew", "chase", "jack",
     "don", "nick", "bob", "wade", "skip", "buck", "max", "win", "june", "april", "august",
     "summer", "dawn", "rose", "art", "guy", "miles", "ray", "faith", "joy"}
)  # fmt: skip
# Of those, the nouns no sentence opens with before an article: "Faith the intake notes are
# in the drive — can u …" speaks to Faith, where "Will the answer …" and "June the 3rd" do not.
_NOUN_NAMES = frozenset({"joy", "faith", "dawn", "grace", "rose", "ray", "guy", "miles", "art"})
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those", "your", "our", "my"})
# A name closing a first sentence that tells "you" to act on something: "you take it will.",
# "u call him kit!".
_CLOSING_NAME = re.compile(
    r"\s*(?:you|u)\s+(?:[a-z][\w']*\s+){1,2}?(?:it|this|that|them|him|her|one)\s+"
    r"(?P<name>[a-z][\w'-]*)\s*[.!](?=\s|$)"
)
# A name said first and asked straight after, in any case: "marisol could you take it?".
_ASKING_YOU = ("can", "could", "would", "will")
_ADDRESSED = re.compile(
    r"\s*(?:(?:hi|hey|hello|morning|yo|um|uh|ok|okay|so)\s+)?(?P<name>[a-z][\w'-]*)"
    r"(?:\s+[a-z][\w'-]*)?\s*,?\s+(?:can|could|would|will)\s+(?:you|u)\b"
)
# A name after a comma told the work is theirs: "…, so Darnell you're covering it".
_COVERING = re.compile(
    r"(?:(?:so|and|but|then|ok|okay|now)\s+)?(?P<name>[A-Z][\w'-]*),?\s+"
    r"(?:you(?:'|\u2019)?re|you\s+are|you(?:'|\u2019)ll\s+be|ur)\s+(?:covering|handling|taking"
    r"|doing|running|leading|in\s+charge|up|on\s+(?:it|this|that))\b"
)
# A name alone as a sentence or a question: "Toby. Oduya. Call …", "… Keisha.", "Tyler?",
# "chidi maybe?", "…, so maybe Greta?", "Kayla B maybe?".
# A surname's initial may follow ("Maria E."), not a signature's "here" ("Maria G. here").
# A name may also stand as an item of a semicolon list or close the text: "intake call pls;
# Kevin; fri 11", "… GAP addendum. today. Anjali", "docket it pls, Marcus".
_NAME_ALONE = re.compile(
    r"(?:(?:(?:so|or|and|but)\s+)?(?:maybe|perhaps)\s+)?"
    r"(?P<name>[a-z][\w'-]*)(?P<initial>\s+[a-z](?=[.?]|\s+(?:maybe|perhaps)\s*\?))?"
    r"(?:\s+(?:maybe|perhaps))?\s*(?:\?|[.!](?=\s|$)(?!\s*here\b)|(?P<item>;)|(?P<last>$))"
)
# A text asking the pool or greeting the group: a name closing it signs it ("Could someone …
# By Friday, please. Alma", "Team, … Owen").
_TO_THE_POOL = re.compile(
    r"^\W*(?:(?:hi|hey|hello|dear|morning|good\s+(?:morning|afternoon|evening))\s+)?(?:team|all"
    r"|everyone|everybody|folks|guys|y'all|yall)\b|\b(?:someone|somebody|anyone|anybody|whoever"
    r"|everyone|everybody)\b"
)
# What ends the sentence before a clause: a name alone may follow it.
_AFTER_SENTENCE = frozenset({". ", "! ", "? "})
# An ask in the sentence a trailing name closes: "docket it pls, Marcus".
_ASK_BEFORE = re.compile(
    r"\b(?:please|pls|plz|(?:can|could|would|will)\s+(?:you|u))\b(?![^.!?\n]*[.!?\n])"
)
# What follows the end of a sentence: another, or nothing.
_SENTENCE_NEXT = re.compile(r"\s*(?:$|[A-Z0-9<@(])")
# A note headed with whom it is for: "for Marisol :point_right: pls call …", "For Kit — …".
_FOR_HEADING = re.compile(
    r"\W*for\s+(?P<name>[a-z][\w'-]*)\s*(?::|[\u2013\u2014]|\s-+\s)"
)
# A name heading the text before the client it is about, set off as dictation does it: "sue for
# Ocampo period please send …", "jo re Whitley: pull the …".
_HEADING = re.compile(
    r"(?P<name>[A-Za-z][\w'-]*)\s+(?:for|re)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?"
    r"(?:\s+(?:file|matter|case))?\s*(?:[.:]\s|\s[-\u2013\u2014]+\s|\s(?i:period|colon)\b)"
)
# A name proposed and taken back at once, before the one meant: "Ana R.? no — Ben."
_PROPOSED_AND_TAKEN_BACK = re.compile(r"\?\s*(?:no|nope|nah)\b\s*(?:,|[\u2013\u2014]|-+)?\s*$")
# A sign-off before a name: the name is the writer's ("Thanks. Renee.").
_SIGN_OFF = re.compile(r"\b(?:thanks|thank\s+you|thx|ty|cheers|best|regards)\W*$")
# A vocative that is surely one: followed by an ask of "you".
_ASKED = re.compile(
    rf"{_ENDEARMENT}\s*(?:[,:]|\s-+\s|\s?\u2014)\s*"
    r"(?:(?:can|could|would|will)\s+you\b|please\b|pls\b"
    r"|i(?:'d|\s+would)?\s+(?:like|need|want)\s+(?:you|u)\s+to\b)"
)

# "…, Grant, you've been the one …": a name spoken to and told of "you" before the ask.
_TOLD_YOU = re.compile(
    r",\s*(?:you|u)(?:'ve|\u2019ve|'re|\u2019re|\s+have|\s+are|\s+were|\s+know|\s+did)\b"
)
_ASK_OF_YOU = re.compile(r"\b(?:can|could|would|will)\s+(?:you|u)\b")
_STOP = re.compile(r"[.!?](?=\s|$)|\n")


def vocatives(
    text: str, folded: str, found: list[Word], clauses: set[int], commas: set[int]
) -> list[Naming]:
    """Names said first in the text or a clause and set off: "Felix, can you …". Followed by
    an ask of "you" it surely names someone; else only a roster name counts ("Sullivan: send
    the client a copy" names the client's matter, "marisol could you" Marisol if on the roster).
    After a comma, only a name asked at once ("um, Carly can you …", "chidi maybe?")."""
    places = []
    asking = any(word in folded for word in _ASKING_YOU)  # what `_ADDRESSED` needs
    for start in sorted({0, *clauses, *commas}):
        clause = start == 0 or start in clauses
        listed = _NAME_LIST.match(text, start) if clause else None
        if listed is not None:
            places += _listed(found, listed)
            continue
        # After a comma, only a capitalised name asked at once: "…, uh, Marcus Bell, I'd like
        # you to …".
        match = _VOCATIVE.match(text, start) if clause or _CAPITAL_NEXT.match(text, start) else None
        if match is not None and not clause and not _asked_after(folded, match.end("name")):
            match = None
        if match is not None:
            strength = STRONG if _ASKED.match(folded, match.end("name")) else WEAK
            at = match.start("name")
        elif clause and (match := _LOWER_VOCATIVE.match(text, start)) is not None:
            strength, at = WEAK, match.start("name")
            if match["surname"]:
                name = bisect_left(found, at, key=_start)
                places.append(Naming(match.start(), name, strength, ADDRESSEE, whole=True))
                continue
        elif clause and _line_start(folded, start) and (
            match := _OPENING.match(folded, start)
        ) is not None and _opens_news(match):
            strength, at = WEAK, match.start("name")
        elif start == 0 and (match := _CLOSING_NAME.match(folded)) is not None:
            strength, at = WEAK, match.start("name")
        elif start == 0 and (match := _FOR_HEADING.match(folded)) is not None:
            strength, at = WEAK, match.start("name")
        elif asking and (match := _ADDRESSED.match(folded, start)) is not None:
            strength, at = WEAK, match.start("name")
        elif not clause and (match := _COVERING.match(text, start)) is not None:
            strength, at = WEAK, match.start("name")
        elif start == 0 and (match := _HEADING.match(text)) is not None:
            strength, at = WEAK, match.start("name")
        elif (match := _NAME_ALONE.match(folded, start)) is not None and _alone(
            text, folded, start, match, clause
        ):
            strength, at = WEAK, match.start("name")
        else:
            continue
        name = bisect_left(found, at, key=_start)
        if name < len(found):
            role = SIGNED if _signed_or_asked(folded, start, match) else ADDRESSEE
            places.append(Naming(match.start(), name, strength, role))
    return places


def _asked_after(folded: str, end: int) -> bool:
    """Whether the name ending at `end`, after a comma, is asked at once ("…, Carly, can you
    …") or told something of "you" and asked later in the sentence ("…, but Grant, you've been
    the one talking to her — can you call her today")."""
    if _ASKED.match(folded, end):
        return True
    told = _TOLD_YOU.match(folded, end)
    if told is None:
        return False
    stop = _STOP.search(folded, told.end())
    return _ASK_OF_YOU.search(folded, told.end(), stop.start() if stop else len(folded)) is not None


def _line_start(folded: str, start: int) -> bool:
    """Whether `start` opens the text or a line."""
    line = folded.rfind("\n", 0, start)
    return start == 0 or (line >= 0 and not folded[line + 1 : start].strip(" \t"))


def _opens_news(match: re.Match[str]) -> bool:
    """Whether the name `_OPENING` found is spoken to: what follows it begins news or a clause
    of its own (an article, a pronoun, "since", an honorific, another's possessive), and it is
    no word a sentence opens with as well ("will the answer …", "hope the hearing …"; a noun
    may before an article: "faith the notes are in …")."""
    name, following = match["name"], match["next"]
    if name in OPENING_WORDS or name in WORD_NAMES and not (
        name in _NOUN_NAMES and following in _ARTICLES
    ):
        return False
    return following in _NEWS_OPENERS or (
        following.endswith("'s") and following not in ("it's", "that's", "what's")
    )


def _listed(found: list[Word], match: re.Match[str]) -> list[Naming]:
    """A naming of each of several names spoken to at once ("Shanice, Marcus — …")."""
    places = []
    offset = match.start("names")
    for name in _LISTED_NAME.finditer(match["names"]):
        at = offset + name.start()
        index = bisect_left(found, at, key=_start)
        if index < len(found) and found[index][0] == at:
            places.append(Naming(at, index, WEAK, LISTED))
    return places


def _alone(text: str, folded: str, start: int, match: re.Match[str], clause: bool) -> bool:
    """Whether a name said alone asks that person: a question ("Tyler?", "chidi maybe?"), or a
    sentence or semicolon item of its own that opens the text or follows another on its line
    ("Toby. Oduya. Call …", "… tomorrow 10am. Keisha", "call pls; Kevin; fri") or corrects a
    name taken back ("Ana? no — Ben."), or closes an ask after a comma; not a signature on a
    line of its own or after a sign-off.
    After an initial the sentence must end there ("Maria E. Next Wed", not "Maria E. wants …").
    An honorific's stop ends no sentence: "Mr. Boyd wants …"."""
    if match["initial"] and not _SENTENCE_NEXT.match(text, match.end()):
        return False
    if match["name"] in HONORIFICS:
        return False
    if match.group().endswith("?"):
        return True
    before = folded[start - 2 : start]
    if _PROPOSED_AND_TAKEN_BACK.search(folded, max(0, start - 12), start):
        return True
    if not clause:
        # After a comma only a name closing an ask ("docket it pls, Marcus"), not a sign-off.
        return match["last"] is not None and before == ", " and _asked_before(folded, start)
    listed = match["item"] is not None or match["last"] is not None
    after_sentence = before in _AFTER_SENTENCE or (listed and before == "; ")
    if match["last"] is not None and before in _AFTER_SENTENCE and _TO_THE_POOL.search(folded):
        return False
    return (start == 0 or after_sentence) and _SIGN_OFF.search(folded, 0, start) is None


def _signed_or_asked(folded: str, start: int, match: re.Match[str]) -> bool:
    """Whether a name alone closes the text after a sentence: the one asked ("… today.
    Anjali") or the writer signing ("… by Tuesday. Owen"), which the text cannot tell."""
    return (
        match.re is _NAME_ALONE
        and match["last"] is not None
        and folded[start - 2 : start] in _AFTER_SENTENCE
    )


def _asked_before(folded: str, start: int) -> bool:
    """Whether the sentence a trailing name closes asks for something, not thanks or greets."""
    sentence = max(folded.rfind(end, 0, start) for end in (". ", "! ", "? ", "\n")) + 1
    return (
        _ASK_BEFORE.search(folded, sentence, start) is not None
        and _SIGN_OFF.search(folded, 0, start) is None
    )

"""Where a text names the person to do the task: "have Felix …", "ask Imani to …", "Felix, …"."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from matching.parse.dictated import dictated_addressees
from matching.parse.forms import directives
from matching.parse.kinship import kin_vocatives
from matching.parse.naming import (
    ADDRESSEE,
    ARRANGES,
    CLAIM,
    DIRECTED,
    HANDOFF,
    HONORIFICS,
    LISTED,
    OTHER,
    PRAISED,
    SIGNED,
    STRONG,
    THANKED,
    TO,
    WEAK,
    Naming,
)
from matching.parse.pointed import pointed_at
from matching.parse.relays import asked_whether_able
from matching.parse.spanish_asks import handed_on_in_spanish
from matching.parse.transcripts import called_by_speaker
from matching.parse.vocatives import vocatives
from matching.parse.words import Word

__all__ = [
    "ADDRESSEE",
    "ARRANGES",
    "CLAIM",
    "DIRECTED",
    "DIRECTIVE_VERBS",
    "HANDOFF",
    "HONORIFICS",
    "LISTED",
    "OTHER",
    "PRAISED",
    "SIGNED",
    "STRONG",
    "THANKED",
    "TO",
    "WEAK",
    "Naming",
    "excluded",
    "namings",
]

# "have Felix pull the statements": a person, then what they are to do.
_BEFORE_A_VERB = frozenset({"have", "having"})
# "ask Imani to …", "get Dana to …", "I'd like Jordan to …".
_BEFORE_TO = frozenset(
    {"ask", "asking", "get", "getting", "tell", "remind", "want", "wants", "like", "love",
     "need", "needs", "prefer", "allow"}
)  # fmt: skip
_MODALS = frozenset({"can", "could", "would", "will"})
# "could Gideon call …?": asks for another's work, as "ask Gideon to call …" does.
_ASKING_ABOUT = frozenset({"can", "could"})
# "draft the letter for Garcia, ask Felix", "… by Friday — have Imani.": the ask closes on the
# person, the work having been said before.
_CLOSING_ON = frozenset({"ask", "have"})
_CLOSERS = frozenset({"pls", "please", "plz", "thanks", "thx", "ty"})
# "if you have questions ask Felix.": whom to ask about the work, not who does it.
_IN_DOUBT = frozenset({"if", "questions", "question", "unsure", "doubt", "doubts", "confused"})
_CLOSE = re.compile(r"\s*(?:[.;!?\n]|[-–—]\s|$)")
# "get Dwayne started on it": the one the addressee is to set to work.
_GETTING = frozenset({"get", "getting"})
_SET_GOING = frozenset({"started", "going", "working", "moving"})
# "RSVP to Amber", "questions to Amber", "report to Amber": the reader answers Amber, who does
# nothing; "says gracias to Amber", "shout-out to Amber": Amber is thanked or greeted, not asked;
# "(no relation to Amber)": a namesake told apart.
_ANSWERED_TO = frozenset(
    {"rsvp", "reply", "replies", "respond", "report", "reports", "talk", "talked", "speak",
     "spoke", "listen", "questions", "question", "according", "thanks", "kudos", "congrats",
     "relation", "related", "congratulations", "welcome", "belongs", "next", "due", "gracias",
     "merci", "danke",
     "obrigado", "obrigada", "props", "shoutout", "hi", "hello", "hugs", "love", "greetings",
     "regards", "cheers", "condolences", "wishes", "applause", "gratitude",
     # "the hearing moved to June": a date put off, though someone on the roster is June.
     "moved", "continued", "postponed", "pushed", "rescheduled", "reset", "adjourned", "bumped",
     "delayed", "extended", "deferred",
     # "phones forwarded to Carly", "calls routed to Jo": where something went, not a task.
     "forwarded", "routed", "rerouted", "transferred", "redirected", "diverted",
     # "agreed to Kate's plan": the one agreed with does nothing (so "+1 to Dee's list").
     "agreed", "seconded", "ditto",
     # "Assistant to Robert Hale" under a signature: whose assistant the writer is.
     "assistant", "secretary"}
)  # fmt: skip
# "thank you to Amber", "shout out to Amber", "big thanks to Amber": the two words before "to".
_ANSWERED_TO_PAIRS = frozenset({("thank", "you"), ("shout", "out"), ("hats", "off")})
# "for Dov to review", "for Marcus to sign": a later step on the finished work, not the task.
_LATER_STEPS = frozenset(
    {"review", "sign", "approve", "look", "see", "read", "check", "initial", "discuss",
     "consider", "decide", "okay", "ok", "countersign", "proof", "proofread"}
)  # fmt: skip
# The one the addressee is to hand the work to, or whom the writer wishes it of: "ask Beth to
# …", "Ana, I'd like Tomas to …".
_HANDING_ON = _BEFORE_A_VERB | {
    "ask", "asking", "get", "getting", "tell", "remind", "want", "like", "need", "prefer"
}
# "Ms. Ruiz asks that Omar Haddad draft them", "she requests that Lee call": a formal wish,
# the one named then what they are to do (a verb in the bare form).
_WISHING = frozenset(
    {"ask", "asks", "asked", "request", "requests", "requested", "prefer", "prefers", "suggest",
     "suggests", "direct", "directs", "directed", "propose", "proposes", "recommend",
     "recommends"}
)  # fmt: skip
_LEADS = _BEFORE_A_VERB | _BEFORE_TO | _MODALS | {
    "to", "for", "let", "if", "at", "that"
}
# What follows "have <name>" when the name is no one who is to act: "have Felix's notes",
# "let Garcia know", "have Felix on the call".
_NOT_A_VERB = frozenset(
    {"the", "a", "an", "it", "them", "him", "her", "this", "that", "our", "their", "up", "out",
     "off", "in", "on", "with", "for", "me", "us", "all", "any", "each", "every", "his", "my",
     "and", "or", "know", "hear", "see", "been", "is", "was", "s", "to", "at", "by", "from"}
)  # fmt: skip
# Where a clause begins: after a sentence, a semicolon, a colon, a dash or a line break.
# An emoji or a bracketed tag ends a clause as a full stop does: "… 😡 Yese, can you …",
# "[voice note] Kit, draft …".
_CLAUSE_START = re.compile(
    r"[.!?;:\]\u2600-\u27bf\U0001f000-\U0001faff]\s+|\s[-\u2013\u2014]+\s+|\n\s*"
)
# A stop that ends an honorific, not a sentence: "Per Mr. Lee: …".
_ABBREVIATED = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Mx)\.\s+$")
# A name and another offered as its alternative: "Ms. Ruiz or Mr. Lee", "Ana or Ben Cole".
_TITLED_NAME = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+)?[A-Z][\w'-]*"
_OFFERED = re.compile(
    rf"{_TITLED_NAME}(?:\s+[A-Z][\w'-]*)?\s+or\s+(?P<other>{_TITLED_NAME})(?:\s+[A-Z][\w'-]*)?"
    r"\s+[a-z]"
)
# What sets off the one a note is to: "to nate: …", "To Dana Ruiz — …".
_NOTE_HEAD = re.compile(r"[ \t]*(?::|[\u2013\u2014]|\s-+\s)")
# Where a clause after a comma begins: "um, Carly can you …", "…, chidi maybe?".
_COMMA = re.compile(r",\s+")
# A name at a clause's start followed by the bare verb of what they are to do, as terse notes
# share out work: "Tom draft, Kate review.", "Tom take over from Anjali". A verb of a later
# step ("Kate review") names no doer; "Bob files Tue" or "Maria covers" tells, not asks.
_DIRECTED = re.compile(
    r"\s*(?P<name>[A-Z][a-z'-]+(?: [A-Z]\.)?) (?P<verb>[a-z]+)\b(?! (?:is|was|attached|looks)\b)"
)
_NOT_DIRECTED = frozenset(
    {"i", "we", "you", "he", "she", "they", "it", "who", "what", "please", "pls", "also", "then",
     "just", "maybe", "pursuant", "kindly", "let", "lets", "let's"}
)  # fmt: skip
DIRECTIVE_VERBS = frozenset(
    {"draft", "take", "handle", "cover", "grab", "own", "run", "lead", "do", "call", "email",
     "send", "pull", "prep", "prepare", "file", "efile", "serve", "finish", "start", "update",
     "summarize", "summarise", "docket", "calendar", "research", "write", "respond", "reach",
     "follow", "pick", "jump", "appear", "attend", "redo", "fix", "scan", "upload", "schedule",
     "book", "chase", "confirm", "check", "track", "compile", "assemble", "organize", "draw",
     "make", "amend", "revise", "correct", "edit", "gather", "collect", "obtain", "notify",
     "contact", "mail", "order", "request"}
)  # fmt: skip
# A capitalised name inside a sentence asked straight after: "… tomorrow June please call …".
_MIDWAY = re.compile(
    r"(?<=[a-z0-9] )(?P<name>[A-Z][a-z'-]+),?\s+"
    r"(?:please|pls|plz|(?:can|could|would|will)\s+(?:you|u))\b"
)
# Words after which a capitalised word is no one spoken to: "by June please", "tell Kate pls".
_BEFORE_NO_ADDRESSEE = frozenset(
    {"by", "in", "on", "until", "till", "til", "before", "after", "of", "for", "to", "from",
     "with", "at", "the", "a", "an", "mr", "ms", "mrs", "dr", "and", "or", "tell", "ask", "let",
     "call", "email", "text", "since", "during", "through", "thru", "v", "vs", "re", "about",
     "early", "late", "mid", "end", "this", "that", "next", "last", "our", "your", "his", "her"}
)  # fmt: skip
# "Cassidy's got it", "Renee has got this one". (A name starts after no letter: the same matches,
# without retrying the rest of the pattern from inside every word.)
_GOT_IT = re.compile(
    r"(?<![a-z])(?P<name>[a-z][\w-]*)(?:'s|\u2019s|\s+has)\s+got\s+(?:it|this|that)\b(?!\s+from)"
)
# "This is for Yesenia", "this one's for Kit", "This is a task for Mr. Lee": the dictated
# task's addressee; "Work for Roz tomorrow, if she has time: …": the work's, heading the text.
_FOR_SOMEONE = re.compile(
    r"(?:\b(?:this|it)(?:\s+one)?(?:'s|\u2019s|\s+is)\s+(?:one\s+|an?\s+(?:task|job)\s+)?"
    r"|^\W*(?:(?:some|more|new)\s+)?(?:work|task|job|assignment)s?\s+)"
    r"for\s+(?:(?:mr|mrs|ms|miss|dr)\.?\s+)?(?P<name>[a-z][\w-]*)"
    r"(?=\s*[.:,!\u2013\u2014-]|\s+(?:today|tomorrow|tmrw)\b)"
)
# The work given to the one spoken to: "that one's yours ben if u want it", "it's all yours,
# Ben.".
_YOURS = re.compile(
    r"\b(?:this|that|it)(?:\s+one)?(?:'s|\u2019s|\s+is)\s+(?:all\s+)?yours\s*,?\s+"
    r"(?P<name>[a-z][\w-]*)(?=\s*(?:[.:,!?\u2013\u2014-]|$)|\s+(?:if|when|pls|please)\b)"
)
# A person proposed in brackets: "Could an attorney (Priya, maybe?) call her", "(Bo?)".
_BRACKETED = re.compile(
    r"\(\s*(?:(?:maybe|perhaps)\s+)?(?P<name>[a-z][\w'-]*)(?:\s+[a-z]\.?)?\s*,?\s*"
    r"(?:maybe|perhaps|probably|possibly|ideally)?\s*\?\s*\)"
)
# "Marcus can do it?", "I think Noor should call her": a person proposed to act.
_PROPOSING = ("can", "could", "should")
_PROPOSED = re.compile(
    r"(?<![a-z])(?P<name>[a-z][\w'-]*)(?:\s+(?![aiu]\b)[a-z](?=\s))?\s+"
    r"(?:(?P<modal>can|could)|should)\s+(?P<verb>[a-z][\w'-]*)[^.!?\n]*(?P<end>[.!?\n]|$)"
)
# Verbs of taking work on: "Kayla B can take a first pass." proposes her, asked or not.
_TAKING_ON = frozenset({"take", "handle", "cover", "grab", "own", "run"})
# A name thanked or praised after the words ("thanks Renee,", "looks good dwayne, one fix: …"),
# not as the writer's signature ("Thanks, Owen" at the end of a line).
_PRAISED = re.compile(
    r"\b(?:(?P<thanks>thanks|thank\s+you|thx|ty)|looks\s+(?:good|great|fine)|(?:great|nice|good)"
    r"\s+(?:job|work|catch)|well\s+done)\s*,?\s+(?P<name>[a-z][\w'-]*)"
    r"(?=\s*(?:[,.!;:]|\s[-\u2013\u2014])(?![\W_]*$)|\s+for\b)"
)
# Thanks closing the text, with no comma as a signature has ("Thanks, Owen"): said ahead to
# the one asked ("… pls calendar it. thx Brendan", "A draft by Friday? Thanks June!").
_THANKED_LAST = re.compile(
    r"\b(?P<thanks>thanks|thank\s+you|thx|ty)[ \t]+(?P<name>[a-z][\w'-]*)[ \t]*[!.]*\s*$"
)
# A person named to be kept off the work: "Mai, please stay off this one", "Maggie you're off
# the hook", "brianna stays off this file", "Ike is screened".
_EXCLUDED = re.compile(
    r"[\s,:\u2013\u2014-]*(?:(?:please|pls)\s+)?"
    r"(?:(?:(?:you're|youre|you\s+are|is|are|will|should|must|can|to)\s+)?"
    r"(?:stay|stays|staying|keep|keeps|remain|remains|sit|sits|be)\s+(?:off|out\s+of|away\s+from|"
    r"clear\s+of)\b"
    r"|(?:you're|youre|you\s+are|is|are)\s+(?:off\s+the\s+hook|screened|walled|conflicted\s+out)\b)"
)
# A name spoken to and told the matter is walled off from them: "Leah O., I know this one's
# walled off from you, so maybe Greta?".
_WALLED_FROM_YOU = re.compile(
    r"\.?[^.!?\n]*?(?:\b(?:walled|screened|firewalled)(?:\s+off)?\s+from\s+(?:you|u)\b"
    r"|\byou(?:'re|\s+are)\s+(?:walled|screened|conflicted)\b)"
)
# A name put as a question and taken back: "Brenda? no she's out", "Kai? nvm, I'll wait".
_TAKEN_BACK = re.compile(
    r"\?\s*(?:no|nope|nah|nvm|never\s*mind|scratch\s+that|wait|oh\s+wait)\b"
    r"(?!\s+(?:rush|hurry|worries|problem|pressure|stress|need)\b)"
)
_NOT_PROPOSED = frozenset(
    {"be", "have", "know", "hear", "see", "get", "not", "probably", "you", "u", "we", "i"}
)
# An ask of the name just said: "… drafted at Rosa can you file it".
_ASKED_NEXT = re.compile(
    r"\s*,?\s*(?:when\s+(?:you|u)\s+get\s+a\s+(?:minute|chance|sec|second|moment),?\s+)?"
    r"(?:(?:can|could|would|will)\s+(?:you|u)\b|please\b|pls\b)"
)
_start = itemgetter(0)


def namings(text: str, folded: str, found: list[Word]) -> list[Naming]:
    """Each place in the text where a person may be named to do the task, in text order."""
    places: list[Naming] = []
    count = len(found)
    clauses = _clause_starts(text)
    commas = clauses | {m.end() for m in _COMMA.finditer(text)}
    for index, (start, _, word) in enumerate(found):
        if word not in _LEADS:
            continue
        after = index + 1
        if after >= count:
            break
        role = HANDOFF if word in _HANDING_ON else OTHER
        if word == "to":
            if (start in clauses or index == 0) and _heads_a_note(text, found, after):
                places.append(Naming(start, after, WEAK, ADDRESSEE))
            elif not _answered(text, found, index):
                places.append(Naming(start, after, TO))
        elif word in _GETTING and _set_going(found, after):
            places.append(Naming(start, after, STRONG, HANDOFF))
        elif word in _BEFORE_A_VERB and _acts(text, found, after):
            places.append(Naming(start, after, STRONG, role))
        elif word in _BEFORE_TO and _followed_by_to(found, after):
            places.append(Naming(start, after, STRONG, role))
        elif (word in _CLOSING_ON and _closes_the_ask(text, found, after)
              and not _IN_DOUBT & {w for _, _, w in found[max(0, index - 4) : index]}):
            places.append(Naming(start, after, STRONG, role))
        elif word == "for" and _followed_by_to(found, after, not_then=_LATER_STEPS):
            places.append(Naming(start, after, WEAK))
        elif word in _MODALS and _acts(text, found, after) and found[after][2] not in ("you", "u"):
            # "Peg, could Gideon call them?": the one spoken to is asked to hand it on.
            asked = HANDOFF if word in _ASKING_ABOUT else OTHER
            places.append(Naming(start, after, WEAK, asked))
        elif word == "that" and index and found[index - 1][2] in _WISHING and _acts(text, found, after):
            places.append(Naming(start, after, WEAK))
        elif word == "let" and _acts(text, found, after):  # "let Ty run point"; not "let Garcia know"
            places.append(Naming(start, after, WEAK))
        elif word == "if" and after + 1 < count and found[after + 1][2] in _MODALS:
            places.append(Naming(start, after, WEAK))
        elif word == "at" and _dictated_mention(text, folded, found, index, clauses, commas):
            places.append(Naming(start, after, WEAK, ADDRESSEE))
    places = _with_alternatives(text, found, places) if " or " in text else places
    places += vocatives(text, folded, found, clauses, commas)
    places += kin_vocatives(text, folded, found, clauses)
    places += called_by_speaker(text, found)
    places += asked_whether_able(folded, found)
    places += dictated_addressees(text, folded, found)
    places += _asked_midway(text, found)
    places += _directed(text, found, clauses)
    places += _given_work(text, found)
    places += _proposals(folded, found)
    places += _praised(folded, found)
    places += pointed_at(text, found)
    places += handed_on_in_spanish(found)
    return sorted(places) if len(places) > 1 else places


def _with_alternatives(text: str, found: list[Word], places: list[Naming]) -> list[Naming]:
    """The namings with a name offered with another as its alternative read as both, listed
    ("asks that Ms. Ruiz or Mr. Lee take this", "have Ana or Ben draft it"): either may do it,
    so neither is taken."""
    settled = []
    for naming in places:
        offered = None if naming.strength == TO else _OFFERED.match(text, found[naming.word][0])
        other = bisect_left(found, offered.start("other"), key=_start) if offered else len(found)
        if offered is None or other >= len(found):
            settled.append(naming)
            continue
        settled += [naming._replace(role=LISTED), Naming(found[other][0], other, WEAK, LISTED)]
    return settled


def _heads_a_note(text: str, found: list[Word], name: int) -> bool:
    """Whether "to <name>" opening the text or a clause heads a note to them, set off by a colon
    or a dash ("to nate: brooks petition …", "To Dana Ruiz — …"), as a memo's "To:" line does."""
    ends = [found[i][1] for i in (name, name + 1) if i < len(found)]
    return any(_NOTE_HEAD.match(text, end) for end in ends)


def _answered(text: str, found: list[Word], to: int) -> bool:
    """Whether "to <name>" names someone answered, thanked or greeted, not asked ("RSVP to
    Amber", "she says gracias to Amber", "thank you to Amber"), or agreed with ("+1 to
    Amber's list")."""
    if to == 0:
        return False
    before = found[to - 1]
    if before[2] in _ANSWERED_TO or (before[2] == "1" and text[before[0] - 1 : before[0]] == "+"):
        return True
    return to >= 2 and (found[to - 2][2], found[to - 1][2]) in _ANSWERED_TO_PAIRS


def _dictated_mention(
    text: str, folded: str, found: list[Word], at: int, clauses: set[int], commas: set[int]
) -> bool:
    """Whether "at <name>" is "@name" as voice typing writes it: first in the text or a clause
    ("at keiko can you …"), asked straight after ("… is drafted at Rosa can you file it"), or
    after a comma, not before another capitalised word ("…, at Renee it looks like …"; not
    "…, at Ward Hall")."""
    start, name = found[at][0], at + 1
    if at == 0 or start in clauses or _ASKED_NEXT.match(folded, found[name][1]):
        return True
    following = found[name + 1] if name + 1 < len(found) else None
    return start in commas and not (following and text[following[0]].isupper())


def _acts(text: str, found: list[Word], name: int) -> bool:
    """Whether a word after the name says what they are to do (not "have Felix's notes"), maybe
    after another name offered with it ("have Ana or Ben draft it")."""
    # The name may be a full name: the verb comes within the next three words.
    following = [w for _, _, w in found[name + 1 : name + 4]]
    return bool(following) and (
        following[0] not in _NOT_A_VERB or _OFFERED.match(text, found[name][0]) is not None
    )


def _followed_by_to(found: list[Word], name: int, not_then: frozenset[str] = frozenset()) -> bool:
    # "ask Imani to", "get Dana Reyes to", "for Felix Wong to": "to" within three words, and
    # not before a word of `not_then`.
    following = [w for _, _, w in found[name + 1 : name + 5]]
    for index, word in enumerate(following[:3]):
        if word == "to":
            return following[index + 1 : index + 2] == [] or following[index + 1] not in not_then
    return False


def _closes_the_ask(text: str, found: list[Word], name: int) -> bool:
    """Whether the name (a word or two) ends its clause: the text ends, a stop or a dash
    follows, or only "pls" / "thanks" does ("…, ask Felix pls.")."""
    for last in (name, name + 1):
        if last >= len(found):
            return False
        end = found[last][1]
        following = found[last + 1][2] if last + 1 < len(found) else None
        if _CLOSE.match(text, end) or following in _CLOSERS:
            return True
    return False


def _set_going(found: list[Word], name: int) -> bool:
    # "get Dwayne started on it", "get Ana Ruiz going on the draft".
    return any(w in _SET_GOING for _, _, w in found[name + 1 : name + 4])


def _clause_starts(text: str) -> set[int]:
    """Where clauses begin; an honorific's stop ends none ("Per Mr. Lee: …")."""
    return {
        match.end() for match in _CLAUSE_START.finditer(text)
        if not _ABBREVIATED.search(text, max(0, match.start() - 4), match.end())
    }  # fmt: skip


def _directed(text: str, found: list[Word], clauses: set[int]) -> list[Naming]:
    """Names at a clause's start followed by the bare verb of their task: "Tom draft, …"."""
    places = []
    for start in sorted({0, *clauses}):
        match = _DIRECTED.match(text, start)
        if match is None or match["verb"] not in DIRECTIVE_VERBS:
            continue
        said = match["name"].split()[0].lower()
        if said in _NOT_DIRECTED or said in _BEFORE_NO_ADDRESSEE:
            continue  # "The research relates to …", "We draft …"
        index = bisect_left(found, match.start("name"), key=_start)
        if index < len(found) and found[index][0] == match.start("name"):
            places.append(Naming(match.start("name"), index, WEAK))
    return places


def _given_work(text: str, found: list[Word]) -> list[Naming]:
    """Names memos give work to: "Kate to draft the answer", "Mr. Rivera to appear" (forms.py).
    Someone said so is surely meant, on the roster or not."""
    places = []
    for directive in directives(text):
        index = bisect_left(found, directive.at, key=_start)
        if index < len(found) and found[index][0] == directive.at:
            role = ARRANGES if directive.arranging else DIRECTED
            places.append(Naming(directive.at, index, STRONG, role))
    return places


def _asked_midway(text: str, found: list[Word]) -> list[Naming]:
    """Names spoken to inside a sentence, after words of time, and asked at once: "First thing
    tomorrow June please call …", "today Kate can you …"; not after a word that makes the name
    a month or a thing ("by June please file", "to June, please")."""
    places = []
    for match in _MIDWAY.finditer(text):
        name = bisect_left(found, match.start("name"), key=_start)
        if 0 < name < len(found) and found[name - 1][2] not in _BEFORE_NO_ADDRESSEE:
            places.append(Naming(match.start("name"), name, WEAK, ADDRESSEE))
    return places


def _proposals(folded: str, found: list[Word]) -> list[Naming]:
    """Where the text proposes someone or says they have the work: "Marcus can do it?", "I think
    Noor should call her", "Cassidy's got it", "that one's yours ben"."""
    places = []
    # (each pattern needs its own words, which most texts lack)
    proposed = _PROPOSED.finditer(folded) if _holds(folded, _PROPOSING) else ()
    for match in proposed:
        if match["verb"] in _NOT_PROPOSED or match["verb"] in _NOT_A_VERB:
            continue
        if match["modal"] and match["end"] != "?" and match["verb"] not in _TAKING_ON:
            continue  # "Marcus can do it" tells; "Marcus can do it?" asks
        name = bisect_left(found, match.start("name"), key=_start)
        if name < len(found) and found[name][0] == match.start("name"):
            places.append(Naming(match.start(), name, WEAK))
    for match in _BRACKETED.finditer(folded) if "?)" in folded else ():
        name = bisect_left(found, match.start("name"), key=_start)
        if name < len(found) and found[name][0] == match.start("name"):
            places.append(Naming(match.start("name"), name, WEAK))
    for match in _GOT_IT.finditer(folded) if "got" in folded else ():
        name = bisect_left(found, match.start("name"), key=_start)
        if name < len(found) and found[name][0] == match.start("name"):
            places.append(Naming(match.start(), name, WEAK, CLAIM))
    for match in _FOR_SOMEONE.finditer(folded) if "for" in folded else ():
        name = bisect_left(found, match.start("name"), key=_start)
        if name < len(found) and found[name][0] == match.start("name"):
            places.append(Naming(match.start(), name, STRONG))
    for match in _YOURS.finditer(folded) if "yours" in folded else ():
        name = bisect_left(found, match.start("name"), key=_start)
        if name < len(found) and found[name][0] == match.start("name"):
            places.append(Naming(match.start("name"), name, STRONG, ADDRESSEE))
    return places


def _holds(folded: str, words: tuple[str, ...]) -> bool:
    """Whether `folded` holds one of `words` (a pattern needing one can match only then)."""
    return any(word in folded for word in words)


def _praised(folded: str, found: list[Word]) -> list[Naming]:
    """Where the text thanks or praises someone by name: "thanks Renee", "looks good dwayne"."""
    places = []
    last = _THANKED_LAST.search(folded, max(0, len(folded) - 40))
    for match in [*_PRAISED.finditer(folded), *([last] if last else [])]:
        name = bisect_left(found, match.start("name"), key=_start)
        if name < len(found) and found[name][0] == match.start("name"):
            role = THANKED if match["thanks"] else PRAISED
            places.append(Naming(match.start("name"), name, WEAK, role))
    return places


def excluded(folded: str, end: int, spoken_to: bool = False) -> bool:
    """Whether the name ending at `end` is kept off the work ("Mai, please stay off this one"),
    or proposed and taken back at once ("Brenda? no, she's out today"); one `spoken_to` also
    where the sentence tells them they are walled off ("Leah, I know it's walled off from
    you")."""
    return (
        _EXCLUDED.match(folded, end) is not None
        or _TAKEN_BACK.match(folded, end) is not None
        or (spoken_to and _WALLED_FROM_YOU.match(folded, end) is not None)
    )

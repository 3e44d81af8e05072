"""Work given out as forms write it: fields ("Assigned: Tamika") and directives ("Kate to draft …")."""

from __future__ import annotations

import re
from typing import NamedTuple

from matching.parse.fields import field_reader, labelled_fields

__all__ = [
    "MATTER_FIELD", "PARTY_FIELD", "WHO_FIELD", "Directive", "FormField", "directives",
    "form_fields", "values",
]  # fmt: skip

# A field's label, said first on a line (after a bullet, an emoji or a shortcode), or after a
# bar, a semicolon or a sentence as one-line cards write them: "Assigned: Tamika",
# ":bust_in_silhouette: Assign: Odette", "Task: answer | Owner: Bob".
_FIELD_START = r"(?:^|(?<=[|;])|(?<=[.!?] ))[^\S\n]*(?:[^\w\s:<@]+[^\S\n]*|:[a-z0-9_+-]+:[^\S\n]*)*"
# Labels of the one who is to do the work.
_WHO_LABEL = (
    r"assign(?:ed|ee)?(?:\s+to)?|owner|who|staff|responsible(?:\s+(?:person|attorney))?"
    r"|handled\s+by|handler"
)
# Labels whose value names the matter ("Client: Jolene Vander Ark", "Matter: Reeves v.
# Experian"), or a party or a court; no one named there is asked to do anything ("Plaintiff:
# Jefferson Capital Systems, LLC" is no Ms. Jefferson of the staff).
_MATTER_LABEL = r"clients?|matter|case|caption|client\s+name"
_PARTY_LABEL = (
    r"plaintiffs?|defendants?|debtors?|creditors?|petitioners?|respondents?|garnishee|employer"
    r"|court|judge|prospect|caller|opposing\s+(?:counsel|party)"
)
# Headers of an office manager's tasker, whose value names the one to act when it is only a
# name: "TASKER: REILLY.", "ACTION: NOVAK.", "TO: Luis." (not "ACTION: Answer the complaint").
_HEAD_LABEL = r"tasker|action|to|attn|attention"
WHO_FIELD, MATTER_FIELD, PARTY_FIELD = 0, 1, 2
# The colon may stand in bold or italics ("**Assigned:** Kate"); a value ends with its line, a
# bar or a semicolon.
_FIELDS = field_reader(
    {"who": _WHO_LABEL, "head": _HEAD_LABEL, "matter": _MATTER_LABEL, "party": _PARTY_LABEL},
    start=_FIELD_START, colon=r"[^\S\n]*[*_]*:[^\S\n]*[*_]*[^\S\n]*", value=r"[^\n|;]*",
)
_KINDS = {"who": WHO_FIELD, "head": WHO_FIELD, "matter": MATTER_FIELD, "party": PARTY_FIELD}
# A who-field left open: "Assigned: —", "Owner: TBD", "Assigned: whoever has the file",
# "Assigned: need an attorney — I am in Kalamazoo", "Assigned: (drafting pool)".
_OPEN_WORDS = frozenset(
    {"tbd", "tba", "tbc", "open", "none", "n", "na", "nobody", "no", "unassigned", "anyone",
     "anybody", "any", "whoever", "whomever", "someone", "somebody", "pool", "team", "all",
     "everyone", "need", "needs", "needed", "unknown", "pending", "either", "first", "next",
     "available", "free", "x", "xx", "me", "myself", "i"}
)  # fmt: skip
_FIRST_WORD = re.compile(r"[a-z]+")
# What may end a value: a stop, a dash, a comma (not before a company's form: "Jefferson
# Capital Systems, LLC") and brackets, within which nothing ends it.
_VALUE_STOP = re.compile(
    r"[.!?](?=\s|$)|\s-+\s|,(?!\s*(?:llc|inc|ltd|corp|co|lp|llp|pllc|pc|pa|jr|sr|esq)\b)|[()]"
)
_LAST_WORD = re.compile(r"[a-z0-9]+$")
_ABBREVIATIONS = frozenset({"mrs", "inc", "llc", "ltd", "corp", "dist", "mgmt", "esq", "assn"})


class FormField(NamedTuple):
    """A labelled field's value: where it stands, what its label says it holds, and for a
    who-field whether it leaves the doer open."""

    start: int
    end: int
    kind: int  # WHO_FIELD ("Assigned:"), MATTER_FIELD ("Client:") or PARTY_FIELD ("Plaintiff:")
    open: bool = False  # a who-field naming no one ("Assigned: —")


def form_fields(folded: str) -> list[FormField]:
    """The text's labelled fields, in text order."""
    fields = []
    for field in labelled_fields(_FIELDS, folded):
        start, kind = field.start, _KINDS[field.label]
        stop = _value_end(folded, start, field.end, kind != WHO_FIELD)
        value = folded[start:stop].rstrip()
        if field.label == "head" and not _heads_a_tasker(folded, value):
            continue
        fields.append(FormField(start, start + len(value), kind,
                                kind == WHO_FIELD and _left_open(value)))
    return fields


# A header's value that is only a name or two ("reilly", "megan r", "<@u123>", "@luis").
_ONLY_A_NAME = re.compile(r"(?:<[^>\s]{1,100}>|@?[a-z][\w'.-]*)(?:\s+[a-z][\w'.-]*){0,2}")
# The lines that make "To:" a forwarded e-mail's addressee, not the one tasked.
_MAIL_HEADER = re.compile(r"(?m)^[^\S\n]*[>*_]*(?:from|sent|subject|cc|date)[*_]*:")


def _heads_a_tasker(folded: str, value: str) -> bool:
    """Whether a header's value names the one tasked: only a name, not in an e-mail's headers."""
    return _ONLY_A_NAME.fullmatch(value) is not None and not _MAIL_HEADER.search(folded)


def values(fields: list[FormField], *kinds: int) -> list[tuple[int, int]]:
    """The spans of the values of the fields of `kinds`."""
    return [(f.start, f.end) for f in fields if f.kind in kinds]


def _value_end(folded: str, start: int, end: int, commas: bool) -> int:
    """Where a field's value ends on its line: at a sentence's end, a dash or a comma outside
    brackets, as where a one-line note goes on ("Client: Quimby, Kate can you call her?",
    "Prospect: Jerome Batts. Car repo'd …"); a stop after an initial or a short abbreviation
    ends nothing ("Credit Acceptance v. Reeves"), nor a comma in brackets ("Latrice Coleman
    (new, signed 12/29)"), nor any comma where `commas` is false ("Assigned: Kate, Bob" names
    both)."""
    depth = 0
    for stop in _VALUE_STOP.finditer(folded, start, end):
        said = stop.group()
        if said in "()":
            depth = max(0, depth + (1 if said == "(" else -1))
        elif depth or said == "," and not commas:
            continue
        elif said[0] in ".!?":
            word = _LAST_WORD.search(folded, start, stop.start())
            if word is None or len(word.group()) > 2 and word.group() not in _ABBREVIATIONS:
                return stop.start()
        else:
            return stop.start()
    return end


def _left_open(value: str) -> bool:
    """Whether a who-field's value names no one: empty, a dash or a bracket, or words of an
    open call ("TBD", "whoever has the file", "need an attorney")."""
    if value.startswith(("<", "@")):
        return False  # a mention
    if not value[:1].isalpha():
        return True
    word = _FIRST_WORD.match(value)
    return word is not None and word.group() in _OPEN_WORDS


# Memos share out work as "<Name> to <verb>": "Kate to draft answer + affirmative defenses",
# "Bob to appear.", "Mike to set it up, Kate to do the call.", "Mr. Rivera to appear". The
# name opens the text, a line or a clause.
_DIRECTIVE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?;:,)]\s)|(?<=[\u2013\u2014-]\s))(?:(?:and|then|so|also|plus)\s+)?"
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+)?[A-Z][\w'-]*(?:\s+[A-Z]\.|\s+[A-Z][a-z'-]+)?)"
    r"\s+to\s+(?P<verb>[a-z][a-z-]*)\b"
)
# Verbs of work a directive gives ("to draft", "to appear"), not of a later step on work
# someone else does ("Michael T. to review before it goes", "Kate to sign").
_WORK_VERBS = frozenset(
    {"draft", "redraft", "prepare", "prep", "write", "revise", "edit", "finalize", "finalise",
     "file", "e-file", "efile", "serve", "send", "mail", "email", "e-mail", "call", "phone",
     "telephone", "text", "contact", "reach", "notify", "advise", "tell", "update", "inform",
     "meet", "interview", "handle", "cover", "take", "do", "run", "lead", "own", "appear",
     "attend", "argue", "negotiate", "settle", "respond", "answer", "object", "oppose", "move",
     "request", "obtain", "collect", "gather", "pull", "get", "order", "subpoena", "research",
     "investigate", "analyze", "analyse", "compute", "calculate", "calendar", "docket",
     "schedule", "set", "book", "arrange", "coordinate", "organize", "organise", "compile",
     "assemble", "index", "scan", "upload", "summarize", "summarise", "translate", "track",
     "chase", "follow", "confirm", "start", "finish", "complete", "conduct", "depose", "produce",
     "draw", "fix", "redo", "pick", "grab", "dispute", "demand", "screen", "explain", "counsel",
     "work", "deal", "line", "set-up", "outline", "memo", "brief", "amend"}
)  # fmt: skip
# Verbs that set the task up for another ("Mike to set it up, Kate to do the call"): where
# directives share out one piece of work, the one set to do it is the doer.
_ARRANGING = frozenset(
    {"set", "set-up", "schedule", "book", "arrange", "coordinate", "calendar", "line"}
)
# Words that open a directive in court orders and notices, or a sentence, not a person's name:
# "Plaintiff to file an amended complaint", "Failure to appear …", "Sorry to send this late".
_NOT_NAMES = frozenset(
    {"plaintiff", "plaintiffs", "defendant", "defendants", "debtor", "debtors", "creditor",
     "creditors", "trustee", "counsel", "parties", "party", "court", "clerk", "movant",
     "respondent", "petitioner", "client", "clients", "firm", "everyone", "someone", "somebody",
     "anyone", "both", "each", "all", "team", "staff", "attorney", "paralegal", "notice", "leave",
     "motion", "order", "failure", "deadline", "time", "need", "needs", "nothing", "lots",
     "sorry", "ask", "tell", "have", "get", "let", "please", "kindly", "remind", "want", "try",
     "going", "remember", "ready", "able", "due", "prior", "pursuant", "according", "subject"}
)  # fmt: skip
# What before a capitalised word makes its stop no clause's end: an honorific or an initial
# ("Ms. Nguyen to update her" is a call with the client; "Kate M. Bob …"), not "2 p.m.".
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:mr|mrs|ms|miss|dr|mx|st|v|vs)|(?<![.\w])[a-z])\.\s$", re.IGNORECASE
)


class Directive(NamedTuple):
    """A name a memo gives work to: where the name begins, and whether its verb only sets the
    task up for someone else."""

    at: int
    arranging: bool


def directives(text: str) -> list[Directive]:
    """Each "<Name> to <verb of work>" that opens the text, a line or a clause."""
    if " to " not in text:
        return []
    found = []
    for match in _DIRECTIVE.finditer(text):
        said = match["name"].lower().replace(".", "").split()
        if (
            match["verb"] in _WORK_VERBS
            and _NOT_NAMES.isdisjoint(said)
            and not _TITLE_BEFORE.search(text, max(0, match.start() - 6), match.start())
        ):
            found.append(Directive(match.start("name"), match["verb"] in _ARRANGING))
    return found

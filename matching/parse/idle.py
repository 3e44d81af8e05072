"""Messages that ask no one for work: notices, thanks, greetings, invitations, offers, replies,
reports and questions after work's progress."""

from __future__ import annotations

import re

from matching.parse.asks import Cues, offers, status_questions
from matching.parse.deadlines.requested import asks_something, notes_blanked, taken_back
from matching.parse.replies import answer_opening
from matching.parse.words import Span, inside
from matching.text import blank

__all__ = ["IDLE_ASSIGNEE", "IDLE_TYPE", "asks_no_work", "reads_as_news"]

IDLE_ASSIGNEE = "the message asks no one for work: is this person to do a task?"
IDLE_TYPE = (
    "the message reads as news, not a request (a reply, a report, a question or an offer): "
    "is there a task?"
)

# What asks no work though it has a word of asking: help offered should the reader want it
# ("I'm here till 6 if you need exhibits scanned", "if anybody in Tulsa wants in"), what the
# reader is asked not to do ("Please don't check Slack Monday"; "don't forget to file it",
# "don't miss it", "don't let it slip" still ask), and what the writer can do themself ("I can
# have a draft by tomorrow"; "can you ..." stands after the reader, not after "I").
_UNASKED = re.compile(
    r"\bif\s+(?:you|u|anyone|anybody|someone|somebody|y'?all)(?:\s+(?!and\b|or\b)[\w'-]+){0,3}?"
    r"\s+(?:needs?|wants?)\b[^.!?\n]*"
    # what someone else wants to know: a question relayed, not work ("she wants to know if ...")
    r"|\b(?:he|she|they)\s+(?:wants?|wanted|needs?)\s+to\s+know\b[^.!?\n]*"
    r"|\b(?:(?:please|pls|plz|kindly|just)\s+)?(?:don'?t|do\s+not|never)\s+"
    r"(?!forget\b|miss\b|let\b)[^.!?\n]*"
    r"|\bi\s+(?:can|could)(?:n?'?t|not)?\s+[^.!?\n]*"
)
# Work declined, by the writer or for someone else: "Dee can't do Magee docs today - portal
# still locked", "I can't touch anything on Bledsoe". It runs to its clause's end.
_DECLINED = re.compile(
    r"\b(?:can'?t|cannot|can\s+not|unable\s+to|won'?t\s+be\s+able\s+to)\s+(?:take|do|touch"
    r"|handle|work\s+on|get\s+to|cover|pick\s+up|squeeze\s+in|fit\s+in)\b"
)
_CLAUSE_ENDS = re.compile(r"[.!?;\n]|\s-{1,2}\s|\bbut\b")
# Work reported done, which reads like an ask to docket: "Pierce trial 1/9 9am is on the
# calendar", "the 341 is calendared".
_DOCKETED = re.compile(
    r"\b(?:is|are|was|were|been|'s)\s+(?:now\s+|all\s+|already\s+)?"
    r"(?:(?:on|in)\s+(?:the\s+|our\s+)?(?:calendar|docket)|calendared|docketed|diaried)\b"
)
# A text that calls itself news: "brummond update: lvnv offered 40%", "Status - ...", "... FYI
# Jon", "heads up" ("Client update: tell her ..." names a task). In news what others can or
# want is told, not asked of the reader ("he can do 30", "they want an answer by 10/27"), to
# its clause's end.
_NEWS_HEAD = re.compile(
    r"\s*(?:[\w'.&-]+\s+){0,3}?(?:(?<!client\s)update|status|recap|news|summary)\s*(?::|-+\s)"
)
# Work handed back with the news, and nothing more asked: "She wants to counter at $12k. Bob,
# over to you." ("over to you - pls draft the counter" asks in words).
_NEWS_WORD = re.compile(
    r"\b(?:fyi|f\.y\.i|heads[\s-]+up|just\s+so\s+(?:you|everyone|y'?all)\s+know"
    r"|for\s+your\s+information|(?:back\s+)?over\s+to\s+(?:you|u)(?=\s*[.!]*\s*$))"
)
_NEWS_HINTS = ("fyi", "f.y.i", "heads", "just so", "information", "over to")
_OTHERS_MODAL = re.compile(
    r"\b(?:he|she|they|it)\s+(?:can|could|would|will|wants?|needs?|might|may)\b[^.!?;,\n]*"
)
# A list item's number or bullet: an item opening with a verb is a command ("(1) efile the
# petition tomorrow (2) update her address"), as a sentence opening with one is.
_ITEM_MARK = re.compile(
    r"(?:^|(?<=\s))(?:\(\d{1,2}\)|\d{1,2}[.)])\s+|^[ \t]*[-*\u2022]\s+", re.MULTILINE
)
# What a summary of the work in hand says: "Still open: Tish (Sims), Xavier (Magee docs)".
_SUMMARY = re.compile(r"\b(?:still\s+open|open\s+items|carry-?overs?|outstanding\s+items)\b")
# A notice of what not to do: "Please don't contact any of these prospects until ...".
_FORBIDDEN = re.compile(r"\b(?:please|pls|plz|kindly)\s+(?:don'?t|do\s+not)\b")
# After "please": what asks for no work ("please note", "pls don't reply-all").
# ... and a firm-wide chore of everyone's own ("pls get your May time in tonight").
_NO_WORK_AFTER = re.compile(
    r"\s*(?:note|see|find|be\s+(?:aware|advised)|don'?t|do\s+not|never"
    r"|(?:get|put|enter|submit|turn)\s+(?:in\s+)?(?:your|ur)\s+(?:[\w/-]+\s+){0,2}?"
    r"(?:time|hours|timesheets?|time\s*sheets?|time\s+entries|expenses?|expense\s+reports?))\b"
)
# Words one of which takes an ask back (requested.taken_back): "never mind", "ignore me".
_TAKING_BACK_HINTS = ("mind", "nvm", "scratch", "forget", "disregard", "ignore", "myself")
# "Have a paralegal pull it" asks; "Have a good weekend" wishes, and may ask nothing.
_HAVE_A = re.compile(r"\bhave\s+an?\s+$")
_WISHED = re.compile(
    r"(?:good|great|nice|happy|wonderful|safe|restful|lovely|relaxing|fun|merry|blessed)\b"
)


def asks_no_work(folded: str, found: Cues) -> bool:
    """Whether the (folded) text asks no one for any work, once its asides (the writer's own
    acts, offers and status questions, and quoted text: `asks.cues`) and its answers (a reply's
    opening, work declined or reported docketed) are set aside: no word of asking and no
    command is left of a notice ("the copier is jammed, use the one by reception"), thanks, a
    greeting, an invitation ("anyone free for lunch at 12:15?"), an offer ("want me to start
    the objections? I can have a draft by tomorrow"), a reply ("Will do, Ted. I'll send the
    list by Thursday"), a report or an update ("Ames update: they offered 40%, they want an
    answer by Friday")."""
    if any(word in folded for word in _TAKING_BACK_HINTS) and taken_back(folded):
        return True  # "could you call her? Actually never mind, Ana did. Ignore me!"
    asides = sorted([*found.asides, *_answers(folded)])
    # Most requests ask in so many words ("pls draft ...", "can you ..."): no note to read.
    if any(_plainly_asked(folded, at, asides) for at in found.direct):
        return False
    said = _UNASKED.sub(" ", blank(folded, asides) if asides else folded)
    if ")" in said or "\n" in said:  # (most texts hold no list)
        said = _ITEM_MARK.sub(". ", said)
    if _calls_itself_news(folded):
        said = _OTHERS_MODAL.sub(" ", said)
    # (a note is read only when there is something it might have asked: most have nothing)
    return not asks_something(said) or not asks_something(notes_blanked(said))


def reads_as_news(folded: str) -> bool:
    """Whether a (folded) text that asks no work (`asks_no_work`) says what it is instead, so
    that no task it names is delegated: a reply taking work on or declining it ("Done, Will."),
    work declined ("Dee can't do the Magee docs today"), a question after work's progress
    ("did the NOA get filed?"), an offer ("want me to calendar it?"), an update or a notice
    ("Ames update: ...", "... FYI"), a summary of work in hand ("Still open: ...") or a notice
    of what not to do ("Please don't contact them until conflicts clear")."""
    return (
        answer_opening(folded) is not None
        or (_may_decline(folded) and _DECLINED.search(folded) is not None)
        or _calls_itself_news(folded)
        or _SUMMARY.search(folded) is not None
        or _FORBIDDEN.search(folded) is not None
        or bool(status_questions(folded))
        or bool(offers(folded))
    )


def _answers(folded: str) -> list[Span]:
    """Spans answering rather than asking: a reply's opening, work declined (to its clause's
    end) and work reported docketed."""
    # (words looked for first: most texts have none of them)
    spans = []
    if "calendar" in folded or "docket" in folded or "diaried" in folded:
        spans += [m.span() for m in _DOCKETED.finditer(folded)]
    opening = answer_opening(folded)
    if opening:
        spans.append(opening)
    if _may_decline(folded):
        for match in _DECLINED.finditer(folded):
            end = _CLAUSE_ENDS.search(folded, match.end())
            spans.append((match.start(), end.start() if end else len(folded)))
    return spans


def _may_decline(folded: str) -> bool:
    return any(word in folded for word in ("can't", "cant", "cannot", "can not", "unable", "won"))


def _calls_itself_news(folded: str) -> bool:
    return _NEWS_HEAD.match(folded) is not None or (
        any(word in folded for word in _NEWS_HINTS) and _NEWS_WORD.search(folded) is not None
    )


def _plainly_asked(folded: str, at: int, asides: list[tuple[int, int]]) -> bool:
    """Whether the words of asking that end at `at` ask for work whatever notes the text
    holds: not the writer's own aside, not "please note", not "have a good weekend"."""
    return (
        not inside(at, asides)
        and not _NO_WORK_AFTER.match(folded, at)
        and not (_WISHED.match(folded, at) and _HAVE_A.search(folded, max(0, at - 10), at))
    )

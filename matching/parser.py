"""One delegation text read into a TaskDraft: type, title, deadline, priority, matter, assignee."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from matching.deadlines import find_deadline, zone_named
from matching.model import MatterRef, StaffProfile, TaskDraft, Taxonomy
from matching.taxonomy import phrase_elements
from matching.text import blank, fold, words

__all__ = ["CONFIDENCE_THRESHOLD", "Parser", "parse", "priority_of"]

# Below this the text is not taken to name any catalogue task (the bot asks instead).
CONFIDENCE_THRESHOLD = 0.4
# Slack caps a slash command at 4,000 characters; longer input is not a delegation.
MAX_TEXT_CHARS = 4000
TITLE_MAX_CHARS = 80
UNREADABLE_WARNING = "could not read the text ({error}); please pick the details"
AMBIGUOUS_MATTER_WARNING = "the client name fits more than one matter; give the matter number"
SEVERAL_MATTERS_WARNING = "the text names more than one matter; give one matter number"
NO_CLOCK_WARNING = "no valid `now` given; deadline not read"

Span = tuple[int, int]
Word = tuple[int, int, str]

# ---------------------------------------------------------------------------------------------
# Words: how a word of text and a word of a catalogue phrase are made comparable
# ---------------------------------------------------------------------------------------------

# Office shorthand that is not specific to any task type (task jargon lives in the catalogue).
_SHORTHAND = {
    "ltr": "letter", "ltrs": "letters", "doc": "document", "docs": "documents", "ch": "chapter",
    "chap": "chapter", "eval": "evaluation", "evals": "evaluations", "mtn": "motion",
    "resp": "response", "req": "request", "reqs": "requests", "atty": "attorney",
    "acct": "account", "accts": "accounts", "stmt": "statement", "stmts": "statements",
    "pmt": "payment", "depo": "deposition", "depos": "depositions", "stip": "stipulation",
    "w": "with", "info": "information", "corresp": "correspondence", "sched": "schedule",
    "scheds": "schedules", "q": "question", "prep": "prepare", "prepped": "prepare",
    "prepping": "prepare", "bankr": "bankruptcy", "bkcy": "bankruptcy", "msg": "message",
    "appt": "appointment", "tel": "telephone", "cust": "customer", "mgmt": "management",
    "thru": "through", "mtd": "motion", "msj": "motion", "mtc": "motion", "hrg": "hearing",
    "conf": "conference", "mtg": "meeting", "oppo": "opposition",
    "compl": "complaint", "subp": "subpoena", "rsrch": "research", "amt": "amount",
    "ans": "answer", "cal": "calendar", "rpt": "report", "rpts": "reports", "defs": "defenses",
}  # fmt: skip
# Words that never decide what a task is; dropped from text and phrases alike ("and" too, so
# that "meet & confer" and "answer + affirmative defenses" read as their phrases).
_IGNORED_WORDS = frozenset(
    {"the", "a", "an", "our", "their", "its", "this", "that", "these", "those", "my", "your",
     "and"}
)  # fmt: skip
# Phrases that mention a task word without asking for that task ("send it to me for review",
# "settle before the hearing"); they claim their words so no task type gets them.
_CONTEXT_PHRASES = (
    "for review", "for my review", "for approval", "for signature", "for sign off",
    "before hearing", "after hearing", "prior to hearing", "before meeting", "at latest",
    "before we file", "once filed", "client file", "case file", "on file", "file number",
    "file folder", "file room", "summary judgment", "opposing counsel", "co-counsel",
    "referral source", "personnel file", "cle certificate|credit|credits|course|hours",
    # Office and IT chores that mention a tool of the trade.
    "pacer|westlaw|lexis|clio|ecf|nyscef account|accounts|password|pw|login|logins|subscription",
    "reset|renew ... pacer|westlaw|lexis|clio|ecf|password|pw|login|account|subscription",
    "update ... website|bio|profile|card|password|software", "notification list",
    "efiling|ecf notification|notifications|account|accounts|login|logins",
    "e-filing notification|notifications|account|accounts|login|logins",
    "set up ... access",
    "organize|plan|arrange ... potluck|party|lunch|outing|retreat|clean|cleanup|celebration",
    # What the delegator keeps for themself is not the task ("I'll file it myself").
    "file|draft|call|review|handle|send|sign|do|argue ... myself",
)  # fmt: skip
_GAP_WORDS = 4
# Words after which a task phrase says what the task is for or about, not what it is: "collect
# pay advices for the amended sched I", "advise Van Dyke on whether to file a Chapter 13".
_TOPIC_MARKERS = frozenset({"for", "about", "whether", "regard"})  # "regarding" reads "regard"
_TOPIC_WEIGHT = 1 / 3
# "filed" reports what someone did ("Midland filed suit", "who filed POCs") unless it is asked
# for a few words before ("get the Brown answer filed", "needs to be filed").
_PAST_FILED = "filed"
_ASKING_WORDS = frozenset(
    {"get", "getting", "have", "having", "be", "need", "needs", "must", "should", "want",
     "wants", "please", "pls"}
)  # fmt: skip
_ASKING_REACH = 4
_WHEN_WORDS = frozenset({"by", "today", "tomorrow", "tonight", "asap", "before", "within", "eod",
                         "cob", "no", "in"})
# What a client's name reads as in a catalogue phrase: "call Garcia" matches "call client".
_CLIENT = "client"
# Punctuation that ends a clause: the words of a phrase do not stand on both sides of it.
_PHRASE_BREAK = re.compile(r"[,:;!?]|\s-|-\s")
# Words after a task's own name that show it is the object of a verb before it.
_PREPOSITIONS = frozenset({"on", "for", "in", "re", "about", "regarding", "against", "with"})
_HEAD_BONUS = 0.5
_FUZZY_WEIGHT = 0.85
_FUZZY_MIN_LETTERS = 5
# A lone corrected word counts only when long enough that one edit is unlikely to be a word.
_FUZZY_ALONE_MIN_LETTERS = 7


_BRITISH_ENDINGS = (
    ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"),
    ("ise", "ize"), ("ysing", "yzing"), ("ysed", "yzed"), ("yse", "yze"),
)  # fmt: skip


@lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    """A crude English stem: "filing", "filed", "files" -> "fil"; "summarise" -> "summariz"."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for british, american in _BRITISH_ENDINGS:
        if word.endswith(british):
            word = word[: -len(british)] + american
            break
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) > 5 or word.endswith("ed") and len(word) > 4:
        word = word[: -3 if word.endswith("ing") else -2]
        if word[-1] == word[-2] and word[-1] not in "lsaeiouz":  # "prepped", "scanned"
            word = word[:-1]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


@lru_cache(maxsize=16384)
def _canonical(word: str) -> str:
    return _stem(_SHORTHAND.get(word, word))


class _Token(NamedTuple):
    start: int
    end: int
    canon: str
    masked: bool
    fuzzy: bool
    letters: int
    joined: bool = True  # False after a clause break: "re: Garcia - file it" is no "Garcia file"


# ---------------------------------------------------------------------------------------------
# Task type: phrase matching over the catalogue
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Phrase:
    owner: int  # index of the task type; -1 for a context phrase that names no task
    elements: tuple[frozenset[str] | None, ...]  # None: a gap of a few words
    weight: int  # how many words it matches; more words, more specific
    last: frozenset[str]  # its last words: a text without one of them cannot match it


class _Match(NamedTuple):
    owner: int
    start: int
    end: int
    weight: float
    anchors: tuple[int, ...]  # the tokens the phrase's words matched; not the words of its gaps


def _compiled(owner: int, phrase: str) -> _Phrase | None:
    try:
        raw = phrase_elements(phrase)
    except ValueError:
        return None
    elements: list[frozenset[str] | None] = []
    for element in raw:
        if element is None:
            if elements and elements[-1] is not None:
                elements.append(None)
            continue
        kept = frozenset(_canonical(w) for w in element if w not in _IGNORED_WORDS)
        if kept:
            elements.append(kept)
    while elements and elements[-1] is None:
        elements.pop()
    weight = sum(1 for e in elements if e is not None)
    if not weight:
        return None
    last = elements[-1]
    assert last is not None
    return _Phrase(owner, tuple(elements), weight, last)


class _Catalogue:
    """The catalogue's phrases indexed by first word, with the spellings typos are fixed to."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.type_ids = taxonomy.ids
        self._by_first: dict[str, list[_Phrase]] = {}
        self._vocabulary: set[str] = set()
        spellings: dict[str, str] = {}
        owned = [(i, p) for i, t in enumerate(taxonomy.types) for p in t.phrases]
        for owner, text in [*owned, *((-1, p) for p in _CONTEXT_PHRASES)]:
            phrase = _compiled(owner, text)
            if phrase is None:
                continue
            first = phrase.elements[0]
            assert first is not None
            for word in first:
                self._by_first.setdefault(word, []).append(phrase)
            for element in phrase.elements:
                self._vocabulary.update(element or ())
            for _, _, word in words(fold(text)):
                if word.isalpha() and len(word) >= _FUZZY_MIN_LETTERS:
                    spellings[word] = _canonical(word)
        self._spellings = spellings
        self._spelling_list = sorted(spellings)
        self._readings: dict[str, tuple[str, bool]] = {}

    def knows(self, canon: str) -> bool:
        return canon in self._vocabulary

    def reading(self, word: str) -> tuple[str, bool]:
        """The catalogue form of a word of text, and whether it was a typo corrected to it."""
        known = self._readings.get(word)
        if known is not None:
            return known
        canon, fuzzy = _canonical(word), False
        if canon not in self._vocabulary and len(word) >= _FUZZY_MIN_LETTERS and word.isalpha():
            fixed = self.corrected(word)
            if fixed:
                canon, fuzzy = fixed, True
        if len(self._readings) > 50_000:
            self._readings.clear()
        self._readings[word] = (canon, fuzzy)
        return canon, fuzzy

    def corrected(self, word: str) -> str | None:
        """The catalogue word `word` is a typo of (one edit; two for long words), if any."""
        limit = 1 if len(word) < 9 else 2
        found = process.extract(
            word, self._spelling_list, scorer=OSA.distance, score_cutoff=limit, limit=2
        )
        # Typos keep the first letter; a word that loses it is another word ("reserve" is no
        # misspelt "eserve").
        if found and (len(found) == 1 or found[0][1] < found[1][1]) and found[0][0][0] == word[0]:
            return self._spellings[found[0][0]]
        return None

    def classify(self, tokens: list[_Token], asks: Sequence[_Ask] = (),
                 reasons_from: int | None = None) -> tuple[str | None, float]:
        """The task type the tokens ask for and how sure that is (0..1).

        `asks` are where a request may begin after some news ("The judge moved the hearing.
        Please update the calendar"; "Convergent never answered. Draft a demand letter").
        `reasons_from` is where the reasons begin after a request made first.
        """
        scores = [0.0] * len(self.type_ids)
        winners = sorted(self._winning_matches(tokens), key=lambda m: m.start)
        # A delegation names its task first ("client update for X: PRA answered the validation
        # request"); the rest is detail, so the head phrase breaks a tie.
        # A text that opens with its ask has no news before it, only reasons after it.
        later_asks = asks if reasons_from is None else ()
        head, news_ends = _head(winners, tokens, later_asks, self.knows)
        for match in winners:
            if match.owner >= 0:
                news = tokens[match.anchors[-1]].start < news_ends
                reason = (reasons_from is not None and head is not None
                          and tokens[head.start].start < reasons_from <= tokens[match.start].start)
                aside = news or reason or _is_topic(match, head, tokens)
                scores[match.owner] += match.weight * (_TOPIC_WEIGHT if aside else 1.0)
        if head is not None and head.owner >= 0:
            scores[head.owner] += _HEAD_BONUS
        if not scores:
            return None, 0.0
        best_index = max(range(len(scores)), key=scores.__getitem__)
        best = scores[best_index]
        if best <= 0:
            return None, 0.0
        runner_up = max((s for i, s in enumerate(scores) if i != best_index), default=0.0)
        confidence = (1 - math.exp(-best / 1.5)) * (0.5 + 0.5 * (best - runner_up) / best)
        if confidence < CONFIDENCE_THRESHOLD:
            return None, confidence
        return self.type_ids[best_index], confidence

    def _winning_matches(self, tokens: list[_Token]) -> list[_Match]:
        # The longest phrase wins its words: "notice of appearance" is a filing, and its
        # "appearance" is then not also a court appearance. Between equals the earlier wins, as
        # a verb comes before its object ("review ... bank statements"). The words in a gap are
        # left to other phrases: "check ... account" does not silence the "SOL" it skips over.
        # A context phrase wins a tie: it exists to veto a reading.
        found = _objects_kept(list(self._matches(tokens)), tokens)
        found.sort(key=lambda m: (-m.weight, m.owner >= 0, m.start, m.end))
        taken: set[int] = set()
        winners = []
        for match in found:
            if taken.isdisjoint(match.anchors):
                taken.update(match.anchors)
                winners.append(match)
        return winners

    def _matches(self, tokens: list[_Token]) -> Iterable[_Match]:
        any_fuzzy = any(t.fuzzy for t in tokens)
        present = {t.canon for t in tokens}
        for index, token in enumerate(tokens):
            if token.masked:
                continue
            for phrase in self._by_first.get(token.canon, ()):
                if phrase.last.isdisjoint(present):
                    continue
                anchors = _phrase_anchors(phrase, tokens, index)
                if anchors is None:
                    continue
                start, end = anchors[0], anchors[-1] + 1
                fuzzy = [tokens[i] for i in anchors if tokens[i].fuzzy] if any_fuzzy else []
                if not fuzzy:
                    yield _Match(phrase.owner, start, end, phrase.weight, anchors)
                elif phrase.weight > 1 or fuzzy[0].letters >= _FUZZY_ALONE_MIN_LETTERS:
                    yield _Match(phrase.owner, start, end, phrase.weight * _FUZZY_WEIGHT, anchors)


class _Ask(NamedTuple):
    at: int  # where the request begins in the folded text
    opening: bool  # True: only a phrase opening the sentence is the request ("Draft ...")


def _head(winners: list[_Match], tokens: list[_Token], asks: Sequence[_Ask],
          knows: Callable[[str], bool]) -> tuple[_Match | None, int]:
    """The phrase that names the task, and where the news before the request ends (0: none)."""
    for ask in asks:
        for match in winners:
            if ask.opening and _opens(tokens, match.start, ask.at, knows):
                return match, ask.at
            if not ask.opening and tokens[match.anchors[-1]].start >= ask.at:
                return match, ask.at
    return (winners[0] if winners else None), 0


def _opens(tokens: list[_Token], index: int, sentence_at: int,
           knows: Callable[[str], bool]) -> bool:
    """Whether the phrase at `index` opens the sentence: as its verb ("Draft a demand letter"),
    or as the object of a task verb ("draft our first interrogatories"); not after a subject
    telling news ("They called her at 6am", "Equifax has answered")."""
    first = next((i for i, t in enumerate(tokens) if t.start >= sentence_at), None)
    if first is None or not first <= index < first + _OPENING_WORDS:
        return False
    lead = tokens[first].canon
    if lead in _SUBJECTS:
        return False
    between = {t.canon for t in tokens[first:index]}
    return index == first or (lead != _CLIENT and knows(lead) and between.isdisjoint(_AUXILIARIES))


def _is_topic(match: _Match, head: _Match | None, tokens: list[_Token]) -> bool:
    """Whether `match` follows the head task after "for", "about" or "whether" (but not "for
    Garcia": a client named there is the matter, not a purpose)."""
    if head is None or head.owner < 0 or match is head or match.start < head.end:
        return False
    return any(tokens[i].canon in _TOPIC_MARKERS and tokens[i + 1].canon != _CLIENT
               for i in range(head.end, match.start))


def _objects_kept(found: list[_Match], tokens: list[_Token]) -> list[_Match]:
    """The matches, less any verb ... noun phrase whose gap holds its verb's real object.

    In "check SOL on the Johnson account" the thing checked is the SOL, a task of its own
    followed by a preposition; "check ... account" is then no reading of the text.
    """
    count = len(tokens)
    objects = [
        m for m in found if m.end < count and m.owner >= 0 and tokens[m.end].canon in _PREPOSITIONS
    ]
    if not objects:
        return found
    # Only a phrase with a gap can skip over anything.
    return [
        m
        for m in found
        if m.end - m.start == len(m.anchors) or not any(_skips_object(m, o) for o in objects)
    ]


def _skips_object(match: _Match, other: _Match) -> bool:
    # `other` and the preposition after it stand in one gap of `match`.
    if other.owner == match.owner or not match.start < other.start:
        return False
    anchors = match.anchors
    for left, right in pairwise(anchors):
        if left < other.start and other.end < right:
            return True
    return False


def _phrase_anchors(phrase: _Phrase, tokens: list[_Token], start: int) -> tuple[int, ...] | None:
    """The indexes of the tokens `phrase` matches from `start` (gaps excluded), or None."""
    elements, count = phrase.elements, len(tokens)
    if len(elements) == 1:
        return (start,)
    anchors = [start]
    position, element_index = start + 1, 1
    while element_index < len(elements):
        element = elements[element_index]
        if element is None:
            wanted = elements[element_index + 1]
            assert wanted is not None
            limit = min(position + _GAP_WORDS + 1, count)
            for probe in range(position, limit):
                token = tokens[probe]
                if not token.masked and token.canon in wanted:
                    anchors.append(probe)
                    position, element_index = probe + 1, element_index + 2
                    break
            else:
                return None
            continue
        token = tokens[position] if position < count else None
        if token is None or token.masked or not token.joined or token.canon not in element:
            return None
        anchors.append(position)
        position, element_index = position + 1, element_index + 1
    return tuple(anchors)


# ---------------------------------------------------------------------------------------------
# Priority
# ---------------------------------------------------------------------------------------------

_URGENT = r"(?:urgent(?:ly)?|asap|a\.s\.a\.p\b\.?|rush(?:ed|ing)?|emergenc(?:y|ies))"
# "no later than Friday" negates nothing.
_HIGH = r"(?:high[\s-]*pri(?:ority)?|important)"
_NEGATION = (
    r"(?:not|no(?!\s+(?:later|sooner|more|longer)\b)|non|nothing|never|without|isn't|isnt|ain't"
    r"|aint|doesn't|doesnt|don't|dont|needn't|neednt)"
)
_PRIORITY_PHRASES = (
    # (pattern, priority): the longest phrase found in the text decides.
    (re.compile(rf"\b{_NEGATION}\b(?:[\s-]+[a-z']+){{0,3}}?[\s-]+{_URGENT}(?![a-z])"), "low"),
    (re.compile(rf"\b{_NEGATION}\b(?:[\s-]+[a-z']+){{0,2}}?[\s-]+{_HIGH}(?![a-z])"), "low"),
    (re.compile(r"\blow[\s-]*pri(?:ority)?\b|\bwhenever\b|\bno\s+rush\b|\bno\s+hurry\b"), "low"),
    (re.compile(r"\bhigh[\s-]*pri(?:ority)?\b"), "high"),
    (
        re.compile(
            r"\bimportant\b(?!\s+(?:client|customer|case|matter|account|person|people"
            r"|referral|lead|partner|relationship|firm|one)s?\b)"
        ),
        "high",
    ),
    (re.compile(rf"\b{_URGENT}(?![a-z])|\bas\s+soon\s+as\s+possible\b"), "urgent"),
)
_SEVERITY = {"low": 0, "normal": 1, "high": 2, "urgent": 3}
# Words a deadline or a priority is made of, which a lower-case surname cannot stand for.
_TIME_AND_PRIORITY_WORDS = frozenset(
    {"day", "days", "today", "tonight", "tomorrow", "week", "weeks", "month", "months", "noon",
     "morning", "evening", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
     "sunday", "may", "march", "june", "august", "rush", "urgent", "important", "whenever",
     "priority", "soon", "hour", "hours", "business", "end", "close", "next", "due", "date"}
)  # fmt: skip
_PRIORITY_WORD = re.compile(r"[a-z0-9']+")


_PRIORITY_CUE = re.compile(
    r"urgent|asap|a\.s\.a\.p|rush|emergenc|pri|important|whenever|hurry|as soon"
)


def _priority_and_spans(folded: str) -> tuple[str, list[Span]]:
    if _PRIORITY_CUE.search(folded) is None:
        return "normal", []
    found: list[tuple[int, int, str, Span]] = []
    for pattern, priority in _PRIORITY_PHRASES:
        for match in pattern.finditer(folded):
            size = len(_PRIORITY_WORD.findall(match.group()))
            found.append((size, _SEVERITY[priority], priority, match.span()))
    if not found:
        return "normal", []
    _, _, priority, _ = max(found, key=lambda f: (f[0], f[1]))
    return priority, [span for *_, span in found]


def priority_of(text: str) -> str:
    """low, normal, high or urgent, by DOMAIN.md's priority words (longest phrase wins)."""
    return _priority_and_spans(fold(text))[0]


# ---------------------------------------------------------------------------------------------
# Matter references
# ---------------------------------------------------------------------------------------------

# A run with a digit ("2026-0113", "lit-2025-007"), maybe after a word prefix ("LIT 2025-007").
_NUMBER_LIKE = re.compile(
    r"(?<![a-z0-9])(?P<prefix>[a-z]{1,8} )?"
    r"(?P<number>(?=[a-z0-9./_-]*\d)[a-z0-9]+(?:[-./_][a-z0-9]+)*)"
)
_HAS_DIGIT = re.compile(r"\d")
_NUMBER_LEAD = re.compile(r"(?:\bmatter\s*(?:no\.?|number|num|#)?\s*#?|#)\s*$")
_SEPARATORS = re.compile(r"[-./_]")
_COMPANY_SUFFIXES = frozenset(
    {"llc", "inc", "corp", "co", "ltd", "lp", "llp", "pllc", "pa", "pc", "company", "corporation"}
)
_MATTER_FILE = frozenset({"file", "files"})
_DIGIT_NEXT = re.compile(r"\s*\d")  # "May 5": a month after all, even for a client named May
_CAPTION_SIDE = re.compile(r"\s+(?:v|vs)\.?\s+\w", re.IGNORECASE)
_POSSESSIVE_MARKS = frozenset({"", "'s", "'", "\u2019s", "\u2019"})
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
_SURNAME_PARTICLES = frozenset(
    {"de", "la", "del", "della", "van", "von", "der", "da", "di", "le", "du", "dos", "das", "st",
     "mac", "al", "el", "bin", "ter", "ten"}
)  # fmt: skip


def _number_key(written: str) -> tuple[str, ...]:
    # "2026-0113", "2026/113" and "#2026-0113" are one number; "2026-01-13" is a date.
    return tuple(part.lstrip("0") or "0" for part in _SEPARATORS.split(written) if part)


def _name_words(name: str) -> tuple[str, ...]:
    return tuple(word for _, _, word in words(fold(name)))


def _surnames(client_name: str) -> set[tuple[str, ...]]:
    """How a client may be named by surname: "Garcia", "de la Cruz", "Rao" of "Banerjee-Rao"."""
    name = _name_words(client_name)
    keys = _surname_keys(name)
    last_written = client_name.split()[-1] if client_name.split() else ""
    if "-" in last_written and len(name) > 1:
        keys |= {(part,) for part in _name_words(last_written.replace("-", " "))}
        keys.add(_name_words(last_written))
    return keys


def _surname_keys(name: tuple[str, ...]) -> set[tuple[str, ...]]:
    if name and name[-1] in _COMPANY_SUFFIXES:
        core = name[:-1]
        return {core, core[:1]} if core else set()
    if len(name) > 1 and name[-1] in _GENERATIONS:
        name = name[:-1]
    if len(name) <= 1:
        return {name} if name else set()
    keys = {name[-1:]}
    particle = next((i for i in range(1, len(name)) if name[i] in _SURNAME_PARTICLES), None)
    if particle is not None:
        keys.add(name[particle:])
    return keys


@dataclass(frozen=True, slots=True)
class _MatterFinding:
    number: str | None
    number_spans: list[Span]
    name_spans: list[Span]  # the client names themselves
    mask_spans: list[Span]  # the names with their "file": words no task type may use
    warning: str | None


class _Matters:
    """Matter numbers and client names, indexed for lookup in text."""

    def __init__(self, matters: Sequence[MatterRef]) -> None:
        self._by_number: dict[tuple[str, ...], set[str]] = {}
        self._by_full_name: dict[tuple[str, ...], set[str]] = {}
        self._by_surname: dict[tuple[str, ...], set[str]] = {}
        self.first_names: set[str] = set()
        self.name_words: set[str] = set()
        for matter in matters:
            key = _number_key(fold(matter.number))
            for variant in {key, ("".join(key),)}:
                self._by_number.setdefault(variant, set()).add(matter.number)
            name = _name_words(matter.client_name)
            self.name_words.update(name)
            if len(name) > 1:
                self._by_full_name.setdefault(name, set()).add(matter.number)
                self._by_full_name.setdefault((name[0], name[-1]), set()).add(matter.number)
                self.first_names.add(name[0])
            for surname in _surnames(matter.client_name):
                self._by_surname.setdefault(surname, set()).add(matter.number)
        self._longest_name = max(map(len, [*self._by_full_name, *self._by_surname]), default=0)
        self._name_starts = {key[0] for key in [*self._by_full_name, *self._by_surname]}
        self._surname_spellings = sorted(
            s[0] for s in self._by_surname if len(s) == 1 and len(s[0]) >= _FUZZY_MIN_LETTERS
        )

    def find(
        self,
        text: str,
        folded: str,
        found: list[Word],
        excluded: list[Span],
        is_known_word: Callable[[str], bool],
    ) -> _MatterFinding:
        numbers, number_spans = self._numbers(folded)
        kept = [w for w in found if not _inside(w[0], excluded)]
        hits, name_spans, mask_spans = self._names(text, kept, is_known_word)
        if not numbers and not hits:
            hits, name_spans = self._misspelt_names(text, kept, is_known_word)
            mask_spans = name_spans
        if len(numbers) > 1:
            return _MatterFinding(
                None, number_spans, name_spans, mask_spans, SEVERAL_MATTERS_WARNING
            )
        if numbers:
            return _MatterFinding(numbers.pop(), number_spans, name_spans, mask_spans, None)
        number, ambiguous = _one_matter(hits)
        if ambiguous:
            # "the 3-page letter for Green": a capitalised name outweighs a lower-case word that
            # happens to be another client's surname (Page).
            capitalised = [
                h for h, (s, _) in zip(hits, name_spans, strict=True) if text[s].isupper()
            ]
            if 0 < len(capitalised) < len(hits):
                number, ambiguous = _one_matter(capitalised)
        warning = AMBIGUOUS_MATTER_WARNING if ambiguous else None
        return _MatterFinding(number, number_spans, name_spans, mask_spans, warning)

    def _numbers(self, folded: str) -> tuple[set[str], list[Span]]:
        numbers: set[str] = set()
        spans: list[Span] = []
        for match in _NUMBER_LIKE.finditer(folded) if _HAS_DIGIT.search(folded) else ():
            start = match.start()
            found = self._by_number.get(_number_key(match.group().replace(" ", "-")))
            if not found:
                start = match.start("number")
                found = self._by_number.get(_number_key(match["number"]))
            if not found:
                continue
            numbers |= found
            lead = _NUMBER_LEAD.search(folded, max(0, start - 20), start)
            spans.append((lead.start() if lead else start, match.end()))
        return numbers, spans

    def _names(
        self, text: str, found: list[Word], is_known_word: Callable[[str], bool]
    ) -> tuple[list[set[str]], list[Span], list[Span]]:
        hits: list[set[str]] = []
        spans: list[Span] = []
        masks: list[Span] = []
        index = 0
        while index < len(found):
            size = self._name_at(found, index)
            if (size == 1 and _ordinary_word(text, found[index], is_known_word)
                    and not _in_caption(text, found[index])):
                size = 0
            if size:
                key = tuple(w[2] for w in found[index : index + size])
                hits.append(self._by_full_name.get(key) or self._by_surname[key])
                spans.append((found[index][0], found[index + size - 1][1]))
                # "the Garcia file" is the matter's file, not something to file with a court.
                if index + size < len(found) and _files_of(
                    text, found[index + size - 1], found[index + size]
                ):
                    size += 1
                masks.append((found[index][0], found[index + size - 1][1]))
                index += size
            else:
                index += 1
        return hits, spans, masks

    def _name_at(self, found: list[Word], index: int) -> int:
        if found[index][2] not in self._name_starts:
            return 0
        for size in range(min(self._longest_name, len(found) - index), 0, -1):
            key = tuple(w[2] for w in found[index : index + size])
            if (size > 1 and key in self._by_full_name) or key in self._by_surname:
                return size
        return 0

    def _misspelt_names(
        self, text: str, found: list[Word], is_known_word: Callable[[str], bool]
    ) -> tuple[list[set[str]], list[Span]]:
        # Only capitalised words are tried: a proper noun with a typo, not an ordinary word.
        hits: list[set[str]] = []
        spans: list[Span] = []
        for start, end, word in found:
            if (
                len(word) < _FUZZY_MIN_LETTERS
                or not word.isalpha()
                or not text[start].isupper()
                or is_known_word(word)
            ):
                continue
            near = process.extract(
                word, self._surname_spellings, scorer=OSA.distance, score_cutoff=1, limit=2
            )
            if len(near) == 1 or (near and near[0][1] < near[1][1]):
                hits.append(self._by_surname[(near[0][0],)])
                spans.append((start, end))
        return hits, spans


def _named_clients(folded: str, name_spans: list[Span]) -> list[Span]:
    # "Garcia's statements" are the client's things, not the client.
    return [(s, e) for s, e in name_spans if not folded.startswith("'", e)]


def _files_of(text: str, name: Word, following: Word) -> bool:
    # "the Garcia file", "Garcia's file"; not "re: Garcia - file the motion".
    between = text[name[1] : following[0]].strip()
    return following[2] in _MATTER_FILE and between in _POSSESSIVE_MARKS


def _ordinary_word(text: str, word: Word, is_known_word: Callable[[str], bool]) -> bool:
    # A client called Day or Rush is named "Day"; "end of day" and "no rush" are not about them.
    start, _, spelled = word
    return text[start].islower() and is_known_word(spelled)


def _in_caption(text: str, word: Word) -> bool:
    # "call v jefferson capital": a party to a case, even in lower case.
    return _CAPTION_SIDE.match(text, word[1]) is not None


def _one_matter(hits: list[set[str]]) -> tuple[str | None, bool]:
    """The one matter the names point to: a definite name decides what an ambiguous one meant."""
    if not hits:
        return None, False
    definite = {next(iter(h)) for h in hits if len(h) == 1}
    if len(definite) == 1:
        number = next(iter(definite))
        if all(number in h for h in hits):
            return number, False
    return None, True


def _covered(found: list[Word], spans: list[Span]) -> list[bool]:
    """For each word, whether it starts inside one of `spans`; [] when there are none."""
    if not spans:
        return []
    starts = [start for start, _, _ in found]
    flags = [False] * len(found)
    for span_start, span_end in spans:
        index = bisect_left(starts, span_start)
        while index < len(starts) and starts[index] < span_end:
            flags[index] = True
            index += 1
    return flags


def _inside(position: int, spans: list[Span]) -> bool:
    for start, end in spans:
        if start <= position < end:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Assignee hints
# ---------------------------------------------------------------------------------------------

_SLACK_MENTION = re.compile(r"<@([A-Za-z0-9]+)(?:\|[^>]{0,80})?>")
_TEAMS_MENTION = re.compile(r"<at>([^<]{1,80})</at>", re.IGNORECASE)
_HANDLE = re.compile(
    r"(?:(?:\bto|\bfor|\bassign(?:ed)?(?:\s+to)?)\s+|^\s*)@(?P<handle>[a-z0-9][a-z0-9._-]*)"
)
# "to mark the deadline": a lower-case name followed by these is a verb, not a person.
_NOT_AFTER_NAME = frozenset(
    {"the", "a", "an", "it", "them", "him", "her", "this", "that", "our", "their", "up", "out",
     "off", "in", "on", "with", "for", "me", "us", "all", "any", "each", "every", "his", "my"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Hint:
    position: int
    email: str


class _Roster:
    """Roster names, handles and chat ids, indexed to recognise who a text assigns."""

    def __init__(self, roster: Sequence[StaffProfile], client_words: set[str]) -> None:
        # A client's name is never a misspelt staff name ("send it to Davis" is not David).
        self._client_words = client_words
        self._by_slack: dict[str, str] = {}
        self._by_full_name: dict[tuple[str, ...], set[str]] = {}
        self._by_first_name: dict[str, set[str]] = {}
        self._by_handle: dict[str, set[str]] = {}
        for person in roster:
            if person.slack_user_id:
                self._by_slack[person.slack_user_id.upper()] = person.email
            name = _name_words(person.name)
            if not name:
                continue
            first, last = name[0], name[-1]
            self._by_first_name.setdefault(first, set()).add(person.email)
            handles = {first, fold(person.email.split("@")[0])}
            if len(name) > 1:
                for key in {name, (first, last), (first, last[0])}:
                    self._by_full_name.setdefault(key, set()).add(person.email)
                handles |= {first + last, f"{first}.{last}", f"{first}_{last}", first[0] + last}
            for handle in handles:
                self._by_handle.setdefault(handle, set()).add(person.email)
        self.name_words = {w for key in self._by_full_name for w in key} | set(self._by_first_name)
        self._first_name_spellings = sorted(
            n for n in self._by_first_name if len(n) >= _FUZZY_MIN_LETTERS - 1
        )

    def find(self, text: str, folded: str, found: list[Word]) -> tuple[str | None, list[Span]]:
        """The roster member the text assigns to, and the spans of every hint and mention."""
        hints: list[_Hint] = []
        spans: list[Span] = []
        for match in _SLACK_MENTION.finditer(text) if "<@" in text else ():
            spans.append(match.span())
            email = self._by_slack.get(match.group(1).upper())
            if email:
                hints.append(_Hint(match.start(), email))
        for match in _TEAMS_MENTION.finditer(text) if "<at>" in folded else ():
            spans.append(match.span())
            email = self._unique(self._by_full_name.get(_name_words(match.group(1))))
            email = email or self._unique(self._by_first_name.get(_name_words(match.group(1))[0]))
            if email:
                hints.append(_Hint(match.start(), email))
        for match in _HANDLE.finditer(folded) if "@" in folded else ():
            email = self._unique(self._by_handle.get(match["handle"].rstrip("._-")))
            if email:
                hints.append(_Hint(match.start(), email))
                spans.append(match.span())
        self._named_hints(text, found, spans, hints)
        if not hints:
            return None, spans
        return min(hints, key=lambda h: h.position).email, spans

    def _named_hints(
        self, text: str, found: list[Word], spans: list[Span], hints: list[_Hint]
    ) -> None:
        for index, (start, _, word) in enumerate(found):
            if word != "to" or _inside(start, spans) or index + 1 >= len(found):
                continue
            named = self._name_after(text, found, index + 1)
            if named:
                email, end = named
                hints.append(_Hint(start, email))
                spans.append((start, end))

    def _name_after(self, text: str, found: list[Word], index: int) -> tuple[str, int] | None:
        for size in (3, 2):
            key = tuple(w[2] for w in found[index : index + size])
            if len(key) == size and found[index + size - 1][0] - found[index][1] <= 3:
                email = self._unique(self._by_full_name.get(key))
                if email:
                    return email, found[index + size - 1][1]
        start, end, word = found[index]
        following = found[index + 1][2] if index + 1 < len(found) else ""
        if text[start].islower() and following in _NOT_AFTER_NAME:
            return None
        email = self._unique(self._by_first_name.get(word))
        if (
            email is None
            and text[start].isupper()
            and word.isalpha()
            and word not in self._client_words
        ):
            email = self._misspelt_first_name(word)
        return (email, end) if email else None

    def _misspelt_first_name(self, word: str) -> str | None:
        found = process.extract(
            word, self._first_name_spellings, scorer=OSA.distance, score_cutoff=1, limit=2
        )
        if len(found) == 1 or (found and found[0][1] < found[1][1]):
            return self._unique(self._by_first_name[found[0][0]])
        return None

    @staticmethod
    def _unique(emails: set[str] | None) -> str | None:
        return next(iter(emails)) if emails and len(emails) == 1 else None


# ---------------------------------------------------------------------------------------------
# Title
# ---------------------------------------------------------------------------------------------

_POLITENESS = re.compile(
    r"\b(?:please|pls|plz|kindly|thx|thanks|thank\s+you|ty)\b"
    r"|^\s*(?:can|could|would)\s+(?:you|someone|somebody|anyone)\s+"
    r"|\b(?:i\s+)?need\s+(?:someone|somebody|you)\s+to\s+",
    re.IGNORECASE,
)
_SENTENCE_ENDS = frozenset(".!?;:-\n")
_SENTENCE_START = re.compile(r"[.!?]+\s+(?=\S)")
_LAST_WORD = re.compile(r"[a-z0-9]*$")
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "jr", "sr", "st", "vs", "inc", "co", "corp", "llc", "no", "et", "al",
     "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "esq",
     "approx", "etc", "ch", "sec", "u.s.c", "usc", "cir", "ct", "fed", "supp"}
)  # fmt: skip
_POLITE_OPENING = re.compile(
    r"(?:(?:could|can|would|will)\s+(?:you|someone|somebody|anyone|one\s+of\s+you)\s+"
    r"|(?:i|we)(?:'d|\s+would)?\s+(?:really\s+)?(?:love|like|want|need)\s+"
    r"(?:(?:somebody|someone|you)\s+to\s+)?)?"
    r"(?:(?:please|pls|plz|kindly)\s+)?"
)
# Words that open a sentence as its subject: what follows is news, not a request.
_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "it", "they", "who"})
_OPENING_WORDS = 3  # a verb and up to two words before the phrase: "draft our first rogs"
_AUXILIARIES = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "did"})
_DEADLINE_LEAD = re.compile(
    r"(?:\b(?:by|due|before|until|till|on|at|within|in|deadline\s+is|no\s+later\s+than)\s*)+$"
)
_SYMBOLS = re.compile(r"[^\w\s.,;:!?'\"()&/#$%@-]+")
_EMPTY_BRACKETS = re.compile(r"\(\s*[,;:-]*\s*\)")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,;:!?.])")
_REPEATED_PUNCTUATION = re.compile(r"([,;:!?.-])(?:\s*[,;:!?.-])+")
_DANGLING = re.compile(
    r"(?:[\s,;:.!?-]|\b(?:for|re|on|to|with|of|at|by|and|in|from|the|a|an)\b)+$", re.IGNORECASE
)
# Enough text for any title; the clean-up regexes then never see more.
_TITLE_SOURCE_CHARS = 400
_LEADING = re.compile(r"^[\s,;:.!?-]+")
_POSSESSIVE = re.compile(r"['\u2019]s?\b")


def _asks(text: str, folded: str) -> list[_Ask]:
    """Where a request may begin after news: a sentence opening with "please" or "could you",
    else any later sentence (whose opening phrase, an imperative, names the task). A full stop
    before a lower-case word ends an abbreviation ("aff. defenses"), not a sentence."""
    if _SENTENCE_ENDS.isdisjoint(folded):
        return []
    polite = [_Ask(m.end(), opening=False) for m in _POLITENESS.finditer(folded)
              if (before := folded[: m.start()].rstrip()) and before[-1] in _SENTENCE_ENDS]
    # "Could someone please draft ...", "I want a ...": the asking words are not the verb, and
    # whatever they ask for comes next.
    openings = []
    for start in _sentence_starts(text, folded):
        asked = _POLITE_OPENING.match(folded, start).end()  # type: ignore[union-attr]
        openings.append(_Ask(asked, opening=asked == start))
    return polite + openings


def _sentence_starts(text: str, folded: str) -> list[int]:
    return [m.end() for m in _SENTENCE_START.finditer(folded)
            if not text[m.end()].islower() and not _abbreviated(folded, m.start())]


def _asked_first_until(text: str, folded: str) -> int | None:
    """Where the first sentence ends when the text opens with an ask ("Can somebody pull the
    Equifax report? Equifax answered our dispute ..."): what follows is the reason."""
    if not _POLITE_OPENING.match(folded).end():  # type: ignore[union-attr]
        return None
    return next(iter(_sentence_starts(text, folded)), None)


def _abbreviated(folded: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation ("Mr.", "v.", "Grace T."), not a
    sentence."""
    before = _LAST_WORD.search(folded, max(0, stop - 12), stop)
    word = before[0] if before else ""
    return len(word) <= 1 or word in _ABBREVIATIONS


def _free_title(text: str, removed: list[Span], matter: str | None) -> str:
    """The text itself, minus names, hints, deadline and priority words, as a short title."""
    removed = [(start, _past_possessive(text, end)) for start, end in removed]
    title = _POLITENESS.sub(" ", blank(text, removed)[:_TITLE_SOURCE_CHARS])
    title = _SYMBOLS.sub(" ", title)
    title = _EMPTY_BRACKETS.sub(" ", title)
    title = " ".join(title.split())
    title = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", title)
    title = _REPEATED_PUNCTUATION.sub(r"\1", title)
    title = _LEADING.sub("", _DANGLING.sub("", title))
    title = title[:1].upper() + title[1:] if title else "Task"
    if len(title) > TITLE_MAX_CHARS:
        title = title[: TITLE_MAX_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:-") + "…"
    return f"{title} — {matter}" if matter else title


def _past_possessive(text: str, end: int) -> int:
    """Where a removed name ends once its "'s" or "'" goes with it."""
    match = _POSSESSIVE.match(text, end)
    return match.end() if match else end


def _deadline_span(folded: str, start: int, end: int) -> Span:
    lead = _DEADLINE_LEAD.search(folded, max(0, start - 30), start)
    return (lead.start() if lead else start, end)


# ---------------------------------------------------------------------------------------------
# The parser
# ---------------------------------------------------------------------------------------------


def _reports_filing(found: list[Word], index: int) -> bool:
    if found[index][2] != _PAST_FILED:
        return False
    before = {w for _, _, w in found[max(0, index - _ASKING_REACH) : index]}
    after = found[index + 1][2] if index + 1 < len(found) else None
    # "... objection to the proof of claim filed", "the NOA filed by Friday": asked for.
    return before.isdisjoint(_ASKING_WORDS) and after is not None and after not in _WHEN_WORDS


class Parser:
    """Reads delegation texts for one firm: its catalogue, matters and roster, indexed once."""

    def __init__(
        self, taxonomy: Taxonomy, matters: Sequence[MatterRef], roster: Sequence[StaffProfile]
    ) -> None:
        self._taxonomy = taxonomy
        self._catalogue = _catalogue_for(taxonomy)
        self._matters = _Matters(matters)
        self._roster = _Roster(roster, self._matters.name_words)
        self._client_first_names = self._matters.first_names - self._roster.name_words

    def parse(self, text: str, *, now: datetime, tz: str) -> TaskDraft:
        """What `text` asks for; never raises, whatever the text."""
        try:
            return self._read(text, now, tz)
        except Exception as error:  # noqa: BLE001 - a parser bug must cost a question, not a 500
            return TaskDraft(
                task_type=None,
                confidence=0.0,
                title="Task",
                due_at=None,
                warnings=(UNREADABLE_WARNING.format(error=type(error).__name__),),
            )

    def _read(self, text: str, now: datetime, tz: str) -> TaskDraft:
        text = text if isinstance(text, str) else "" if text is None else str(text)
        text = text[:MAX_TEXT_CHARS]
        folded = fold(text)
        found = words(folded)
        assignee, hint_spans = self._roster.find(text, folded, found)
        matter = self._matters.find(text, folded, found, hint_spans, self._is_known_word)
        masked = hint_spans + matter.number_spans + matter.mask_spans
        tokens = self._tokens(folded, found, masked, _named_clients(folded, matter.name_spans))
        task_type, confidence = self._catalogue.classify(tokens, _asks(text, folded),
                                                         _asked_first_until(text, folded))
        priority, priority_spans = _priority_and_spans(
            blank(folded, hint_spans + matter.name_spans)
        )
        warnings: list[str] = []
        deadline_spans: list[Span] = []
        due_at = None
        if isinstance(now, datetime):
            warnings += zone_named(tz)[1]
            # A client called Noon or Munday is no time or day ("rogs resp Noon fri").
            names = [span for span in matter.name_spans if not _DIGIT_NEXT.match(text, span[1])]
            deadline = find_deadline(blank(text, hint_spans + matter.number_spans + names),
                                     now=now, tz=tz)
            if deadline:
                due_at = deadline.due_at
                warnings += deadline.warnings
                deadline_spans += [_deadline_span(folded, *span) for span in deadline.spans]
        else:
            warnings.append(NO_CLOCK_WARNING)
        if matter.warning:
            warnings.append(matter.warning)
        removed = hint_spans + matter.number_spans + matter.name_spans + priority_spans
        removed += deadline_spans + self._client_first_name_spans(found)
        return TaskDraft(
            task_type=task_type,
            confidence=confidence,
            title=self._title(task_type, text, removed, matter.number),
            due_at=due_at,
            priority=priority,
            matter=matter.number,
            assignee=assignee,
            warnings=tuple(dict.fromkeys(warnings)),
        )

    def _tokens(
        self, folded: str, found: list[Word], masked: list[Span], clients: list[Span]
    ) -> list[_Token]:
        hidden, named = _covered(found, masked), _covered(found, clients)
        breaks = [m.start() for m in _PHRASE_BREAK.finditer(folded)]
        next_break = 0
        tokens: list[_Token] = []
        previous_end = 0
        for index, (start, end, word) in enumerate(found):
            while next_break < len(breaks) and breaks[next_break] < previous_end:
                next_break += 1
            joined = next_break == len(breaks) or breaks[next_break] >= start
            previous_end = end
            if word in _IGNORED_WORDS:
                continue
            if named and named[index]:
                # A client named as the one spoken to reads as "client" ("call Garcia" is
                # "call client"); the rest of a full name adds nothing.
                if not (tokens and tokens[-1].canon == _CLIENT and joined):
                    tokens.append(_Token(start, end, _CLIENT, False, False, len(word), joined))
                continue
            canon, fuzzy = self._catalogue.reading(word)
            masked_word = (hidden[index] if hidden else False) or _reports_filing(found, index)
            tokens.append(_Token(start, end, canon, masked_word, fuzzy, len(word), joined))
        return tokens

    def _is_known_word(self, word: str) -> bool:
        # Task, time and priority words and staff names: not (misspelt) client names.
        return (
            word in _TIME_AND_PRIORITY_WORDS
            or self._catalogue.knows(_canonical(word))
            or word in self._roster.name_words
        )

    def _client_first_name_spans(self, found: list[Word]) -> list[Span]:
        # Titles reach channel digests, where client names must not appear (Rule 1.6(c)).
        return [(s, e) for s, e, w in found if w in self._client_first_names]

    def _title(
        self, task_type: str | None, text: str, removed: list[Span], matter: str | None
    ) -> str:
        known = self._taxonomy.get(task_type)
        if known is None:
            return _free_title(text, removed, matter)
        return f"{known.name} — {matter}" if matter else known.name


# Recently built parsers and catalogues, found by the identity of what they were built from:
# the bot reads matters and roster afresh per request, but its catalogue lives for the process.
_BUILT_KEPT = 8
_built: list[tuple[Taxonomy, Sequence[MatterRef], Sequence[StaffProfile], Parser]] = []
_catalogues: list[tuple[Taxonomy, _Catalogue]] = []


def _catalogue_for(taxonomy: Taxonomy) -> _Catalogue:
    for known, catalogue in _catalogues:
        if known is taxonomy:
            return catalogue
    catalogue = _Catalogue(taxonomy)
    _catalogues.insert(0, (taxonomy, catalogue))
    del _catalogues[_BUILT_KEPT:]
    return catalogue


def parse(
    text: str,
    *,
    now: datetime,
    tz: str,
    taxonomy: Taxonomy,
    matters: Sequence[MatterRef],
    roster: Sequence[StaffProfile],
) -> TaskDraft:
    """`Parser(taxonomy, matters, roster).parse(text, now=now, tz=tz)`, reusing the Parser
    built for the very same taxonomy, matters and roster objects."""
    for known_taxonomy, known_matters, known_roster, parser in _built:
        if known_taxonomy is taxonomy and known_matters is matters and known_roster is roster:
            return parser.parse(text, now=now, tz=tz)
    parser = Parser(taxonomy, matters, roster)
    _built.insert(0, (taxonomy, matters, roster, parser))
    del _built[_BUILT_KEPT:]
    return parser.parse(text, now=now, tz=tz)

"""A second opinion on a request's task type: normalised text, catalogue examples, the decision rule.

The rule-based parser reads a task type; a text classifier trained elsewhere (bot/request_model.py)
gives its probabilities for the same text. This module holds the pure parts both sides share:
`normalise` turns a request into the form the classifier learns from and reads (the firm's
client names, people, matter numbers, mentions, dates and numbers become placeholders; office
shorthand is spelt out), and `decide` is the rule that says when the two opinions are enough to
act, when the message delegates nothing, and when the bot asks.
`memory_key` and `remembered` let the firm's own earlier answer for the same words come first.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import chain

from matching.model import MatterRef, StaffProfile, TaskDraft, Taxonomy
from matching.parse.deadlines import NOTHING_ASKED, PASSED_WARNING
from matching.parse.idle import IDLE_ASSIGNEE, IDLE_TYPE
from matching.parse.parser import VAGUE_REASON
from matching.parse.replies import UP_THREAD_TYPE
from matching.taxonomy import phrase_elements
from matching.text import fold, words

__all__ = [
    "CHOSEN_THRESHOLDS", "CLIENT", "DATE", "MATTER", "MAX_CANDIDATES", "MONEY", "NO_NAMES",
    "NO_TASK", "NUMBER", "PERSON", "QUOTE", "NameBook", "Opinion", "Thresholds", "catalogue_examples", "decide",
    "memory_key", "normalise", "remembered", "reviewed",
]  # fmt: skip

# Placeholders. A client reads as the word "client", as the catalogue's phrases spell it
# ("call client"); the others are tokens no request contains.
CLIENT, PERSON, MATTER = "client", "xperson", "xmatter"
# A reply's quoted "> " line: someone else's words, context for the reply and never its ask,
# so the classifier learns from the reply's own words that the quote was there, not what it said.
QUOTE = "xquote"
MONEY, DATE, NUMBER = "xmoney", "xdate", "xnum"
NO_TASK = ""  # the classifier's label for a message that delegates nothing ("thanks all")
MAX_CANDIDATES = 3

# Names that are also everyday words: replaced only where they are written with a capital.
_EVERYDAY = frozenset(
    """will may mark grant bill rose hope joy faith june april august summer dawn frank major
    king young long price page lane hall park case law banks bell wood stone hill green white
    brown black gray grey rich read reed short small strong cash chase fair ford gay good
    hunt lee love miles north west south east rice ray sky star storm victor cole drew
    guy jack art don pat sue ben carol""".split()
)  # fmt: skip
_NAME_NOISE = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "mr", "mrs", "ms", "dr", "llc", "inc", "corp", "co", "ltd",
     "lp", "llp", "pllc", "pa", "pc", "company", "corporation", "the", "of", "and", "et", "al"}
)  # fmt: skip
_MIN_NAME_WORD = 3

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)?"
# Mentions and e-mail addresses go first: a name inside them is not a client.
_ADDRESSES = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|<@[a-z0-9]+(?:\|[^>]*)?>"
                        r"|(?<![\w.])@[a-z][\w.\-]*", re.IGNORECASE)
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?(?:\s?[km]\b)?"), MONEY),
    (re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"), DATE),
    (re.compile(rf"\b{_MONTH}\s+{_ORDINAL}\b(?:,?\s+\d{{4}})?|\b{_ORDINAL}\s+(?:of\s+)?{_MONTH}"),
     DATE),
    (re.compile(r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?"), NUMBER),
)
_SPACES = re.compile(r"\s+")
_QUOTED_LINES = re.compile(r"(?:^[ \t]*>[^\n]*(?:\n|$))+", re.MULTILINE)
_WORD = re.compile(r"[a-z0-9]+")
# Days named relative to today: a remembered phrasing holds whichever day it names.
_DAYS = re.compile(r"\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?|today|"
                   r"tonight|tomorrow|tmrw|eod|cob|eow|noon|(?:this|next) (?:week|month)|"
                   r"end of (?:the )?(?:day|week|month))\b")


@dataclass(frozen=True)
class NameBook:
    """What normalising a firm's requests needs: the names the classifier should not learn
    from (clients, people, matter numbers), and the office shorthand it reads spelt out, as
    the parser does ("ans" -> "answer"; the parser vocabulary's `shorthand`)."""

    clients: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    matter_numbers: frozenset[str] = frozenset()
    shorthand: Mapping[str, str] = field(default_factory=dict, hash=False)

    @classmethod
    def of_firm(cls, matters: Sequence[MatterRef], roster: Sequence[StaffProfile],
                shorthand: Mapping[str, str] | None = None) -> NameBook:
        return cls(
            clients=frozenset(chain.from_iterable(_name_keys(m.client_name) for m in matters)),
            people=frozenset(chain.from_iterable(_name_keys(p.name) for p in roster)),
            matter_numbers=frozenset(fold(m.number) for m in matters if m.number.strip()),
            shorthand=dict(shorthand or {}),
        )

    @cached_property
    def _matter_pattern(self) -> re.Pattern[str] | None:
        return _alternation(self.matter_numbers)

    @cached_property
    def _name_pattern(self) -> re.Pattern[str] | None:
        return _alternation(self.clients | self.people)


def _name_keys(name: str) -> set[str]:
    """The whole folded name and each distinctive word of it ("Robert Hale Jr." -> "hale")."""
    found = [word for _, _, word in words(fold(name))]
    keys = {word for word in found if len(word) >= _MIN_NAME_WORD and word not in _NAME_NOISE}
    if found:
        keys.add(" ".join(found))
    return keys


def _alternation(keys: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted((k for k in keys if k), key=lambda k: (-len(k), k))
    if not ordered:
        return None
    body = "|".join(re.escape(key).replace(r"\ ", r"[\s.,]+") for key in ordered)
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])")


NO_NAMES = NameBook()


def normalise(text: str, names: NameBook = NO_NAMES) -> str:
    """The request in lower case with the firm's names, matter numbers, dates and numbers replaced.

    Mentions, e-mail addresses and the firm's people become `xperson`, clients `client`,
    matter numbers `xmatter`, amounts `xmoney`, dates `xdate`, other numbers `xnum`. A name
    that is also an everyday word ("May", "Grant") is replaced only where it has a capital.
    Office shorthand in `names` is spelt out ("ans" -> "answer"). A run of quoted "> " lines
    becomes one `xquote`.
    """
    text = _QUOTED_LINES.sub(f" {QUOTE} \n", text)
    text = _ADDRESSES.sub(f" {PERSON} ", text)
    folded = fold(text)  # as long as `text`, so a name's capital can be read at its index
    if names._name_pattern is not None:
        folded = names._name_pattern.sub(lambda m: _name_or_word(m, text, names), folded)
    if names._matter_pattern is not None:
        folded = names._matter_pattern.sub(f" {MATTER} ", folded)
    for pattern, placeholder in _PATTERNS:
        folded = pattern.sub(f" {placeholder} ", folded)
    if names.shorthand:
        folded = _WORD.sub(lambda m: names.shorthand.get(m.group(), m.group()), folded)
    return _SPACES.sub(" ", folded).strip()


def _name_or_word(match: re.Match[str], original: str, names: NameBook) -> str:
    found = match.group()
    if found in _EVERYDAY and not original[match.start()].isupper():
        return found
    return f" {CLIENT if found in names.clients and found not in names.people else PERSON} "


def catalogue_examples(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """(text, task type id) for each type's name and each spelling of each of its phrases.

    A phrase's gaps are dropped ("file ... answer" -> "file answer"); each alternative of a
    `a|b` place appears once, the other places taking their first word.
    """
    examples: list[tuple[str, str]] = []
    for task_type in taxonomy.types:
        texts = [fold(task_type.name)]
        for phrase in task_type.phrases:
            texts += _spellings(phrase)
        examples += [(text, task_type.id) for text in dict.fromkeys(texts)]
    return examples


def _spellings(phrase: str) -> list[str]:
    places = [element for element in phrase_elements(phrase) if element is not None]
    first = [choices[0] for choices in places]
    spellings = [" ".join(first)]
    for index, choices in enumerate(places):
        spellings += [" ".join([*first[:index], other, *first[index + 1:]])
                      for other in choices[1:]]
    return spellings


@dataclass(frozen=True)
class Thresholds:
    """When the bot acts on a task type without asking, and when it says there is no task.

    The rules' type is acted on when the classifier ranks it among its top `agree_rank` with a
    probability of at least `agree_probability`, or when the rules alone are at least
    `rule_alone` confident (None: never). The classifier's own best type is acted on when it
    is at least `classifier_alone` probable (None: never), provided the rules read no type or
    one they are less than `rule_weak` confident of (infinite: whatever the rules read; on a
    firm nobody tuned them on the rules' confidence says little); under the same proviso, a lower
    `candidate_agree` suffices (None: never) when that type is among the rules' own candidates,
    so both opinions back it, the rules only weakly. When the rules read no type and the
    classifier gives "delegates nothing" at least `no_task` (None: never), the answer is that
    there is no task.
    """

    agree_probability: float
    agree_rank: int = 1
    rule_alone: float | None = None
    classifier_alone: float | None = None
    rule_weak: float = 1.0
    no_task: float | None = None
    candidate_agree: float | None = None

    def label(self) -> str:
        alone = "never" if self.rule_alone is None else f"{self.rule_alone:.2f}"
        text = f"p>={self.agree_probability:.2f} top{self.agree_rank} alone {alone}"
        proviso = "" if math.isinf(self.rule_weak) else f" if rules<{self.rule_weak:.2f}"
        if self.classifier_alone is not None:
            text += f" clf>={self.classifier_alone:.2f}{proviso}"
        if self.candidate_agree is not None:
            text += f" cand>={self.candidate_agree:.2f}{proviso}"
        if self.no_task is not None:
            text += f" none>={self.no_task:.2f}"
        return text


# Chosen by leave-one-firm-out cross-validation with each firm read by the rules of its first run
# (bench/second_opinion_cv.py, docs/decisions/0002-second-opinion.md, session 8: 45 firms): on a
# firm nobody tuned them on, the rules' confidence says little, so the classifier leads and the
# rules back it.
CHOSEN_THRESHOLDS = Thresholds(agree_probability=0.30, agree_rank=1, classifier_alone=0.70,
                               rule_weak=math.inf, no_task=0.30)


@dataclass(frozen=True)
class Opinion:
    """The verdict on a request's task type: the best guess, whether to ask, what to offer.

    `task_type` None and not `unsure`: the request delegates nothing (the candidates are
    still the likeliest types, should the person want one after all).
    """

    task_type: str | None
    unsure: bool
    candidates: tuple[str, ...]
    probability: float | None = None  # the classifier's, when its type is acted on alone


def decide(
    rule_type: str | None,
    rule_confidence: float,
    probabilities: Mapping[str, float],
    thresholds: Thresholds = CHOSEN_THRESHOLDS,
    *,
    vague: bool = False,
    rule_candidates: Sequence[str] = (),
) -> Opinion:
    """Act on a type both opinions back (or one is sure enough of); say "no task"; else ask.

    `probabilities` maps the classifier's labels to probabilities; `NO_TASK` is its label for
    a message that delegates nothing and is never offered as a candidate. `vague`: the rules
    read an ask for work that does not say which ("handle the Kwan thing"), so something is
    delegated after all. The candidates are the classifier's best types, the rules' type among
    them; the type acted on or the best guess comes first. `rule_candidates` are the types the
    rules considered, best first.
    """
    ranked = sorted(probabilities.items(), key=lambda item: (-item[1], item[0]))
    types = [label for label, _ in ranked if label != NO_TASK]
    if rule_type is None and not vague and _nothing_asked(probabilities, thresholds):
        return Opinion(task_type=None, unsure=False, candidates=tuple(types[:MAX_CANDIDATES]))
    confident = _confident_type(rule_type, rule_confidence, ranked, thresholds, rule_candidates)
    if confident is not None:
        return Opinion(task_type=confident, unsure=False,
                       candidates=_candidates(confident, ranked),
                       probability=probabilities[confident])
    if rule_type is None:
        return Opinion(task_type=None, unsure=True, candidates=tuple(types[:MAX_CANDIDATES]))
    rank = next((i for i, (label, _) in enumerate(ranked, 1) if label == rule_type),
                len(ranked) + 1)
    agrees = (rank <= thresholds.agree_rank
              and probabilities.get(rule_type, 0.0) >= thresholds.agree_probability)
    sure_alone = thresholds.rule_alone is not None and rule_confidence >= thresholds.rule_alone
    candidates = _candidates(rule_type, ranked)
    if agrees or sure_alone:
        return Opinion(task_type=rule_type, unsure=False, candidates=candidates)
    return Opinion(task_type=candidates[0], unsure=True, candidates=candidates)


def _nothing_asked(probabilities: Mapping[str, float], thresholds: Thresholds) -> bool:
    """Whether the classifier is sure enough that the message delegates nothing."""
    return (thresholds.no_task is not None
            and probabilities.get(NO_TASK, 0.0) >= thresholds.no_task)


def _confident_type(rule_type: str | None, rule_confidence: float,
                    ranked: list[tuple[str, float]], thresholds: Thresholds,
                    rule_candidates: Sequence[str] = ()) -> str | None:
    """The classifier's best type when it may be acted on over the rules' reading: the rules
    read no type or one they are not sure of, and the type is probable enough, or, among the
    rules' own candidates, probable enough for that; None otherwise."""
    if not ranked:
        return None
    best, probability = ranked[0]
    rules_weak = rule_type is None or rule_confidence < thresholds.rule_weak
    if best in (NO_TASK, rule_type) or not rules_weak:
        return None
    needed = [thresholds.classifier_alone]
    if best in rule_candidates:
        needed.append(thresholds.candidate_agree)
    floors = [floor for floor in needed if floor is not None]
    return best if floors and probability >= min(floors) else None


def _candidates(first: str, ranked: list[tuple[str, float]]) -> tuple[str, ...]:
    """The classifier's best types with `first` first; at most MAX_CANDIDATES."""
    others = [label for label, _ in ranked if label not in (NO_TASK, first)]
    return (first, *others[:MAX_CANDIDATES - 1])


def reviewed(draft: TaskDraft, probabilities: Mapping[str, float],
             thresholds: Thresholds = CHOSEN_THRESHOLDS) -> TaskDraft:
    """The parser's draft with the second opinion: its type, candidates, and `task_type` unsure
    if asked. A request that delegates nothing has no type and no `task_type` question; a
    type the classifier chose alone carries the classifier's probability as its confidence.

    A text that asks no one for work (`TaskDraft.asks_work` False: thanks, a greeting, a
    notice) names no one's deadline or assignee when it delegates nothing ("anyone free for
    lunch at 12:15?"); when its type is asked, they are asked too. An ask for work outside the
    catalogue ("order pizza for the meeting, here by noon") keeps them: it is still an ask.
    The type the rules read in such a text is a task it names, not one it asks for: the
    classifier alone says what it is, and of a text that reads as news (`IDLE_TYPE`: a reply,
    a report, a status question, an offer) only that it delegates nothing, else the type is
    asked; so too of a reply pointing up its thread for its task (`UP_THREAD_TYPE`)."""
    why = dict(draft.unsure_reasons).get("task_type")
    if why in (IDLE_TYPE, UP_THREAD_TYPE):
        # A reply, a report or a question, or a reply pointing up its thread ("^ by fri"): the
        # classifier may say it delegates nothing, never which task it delegates on its own word.
        thresholds = replace(thresholds, classifier_alone=None, candidate_agree=None)
    # A type read in a text that asks no work is only a task it names, not one it asks for.
    opinion = decide(draft.task_type if draft.asks_work else None, draft.confidence,
                     probabilities, thresholds, vague=why == VAGUE_REASON,
                     rule_candidates=draft.candidates)
    if opinion.unsure:
        unsure = draft.unsure if "task_type" in draft.unsure else (*draft.unsure, "task_type")
        asked = replace(draft, task_type=opinion.task_type, unsure=unsure,
                        candidates=opinion.candidates)
        return asked if draft.asks_work else _idle_asked(asked)
    settled = _settled(draft, "task_type")
    settled = replace(settled, task_type=opinion.task_type, candidates=opinion.candidates,
                      confidence=(settled.confidence if opinion.probability is None
                                  else opinion.probability))
    return settled if draft.asks_work or opinion.task_type else _nobodys(settled)


def _nobodys(draft: TaskDraft) -> TaskDraft:
    """The draft of a text that delegates nothing and asks for no work: no deadline, no
    assignee, and no question about either."""
    cleared = _settled(_settled(draft, "due_at"), "assignee")
    return replace(cleared, due_at=None, assignee=None,
                   warnings=tuple(w for w in cleared.warnings if w != PASSED_WARNING))


def _idle_asked(draft: TaskDraft) -> TaskDraft:
    """The draft of a text that asks for no work and whose type is asked: its deadline and
    assignee, if any, are asked about too (they are a task's only if there is one)."""
    added = {name: why for name, value, why in (("due_at", draft.due_at, NOTHING_ASKED),
                                                ("assignee", draft.assignee, IDLE_ASSIGNEE))
             if value is not None and name not in draft.unsure}
    return replace(draft, unsure=(*draft.unsure, *added),
                   unsure_reasons=(*draft.unsure_reasons, *added.items()))


def _settled(draft: TaskDraft, field_name: str) -> TaskDraft:
    """The draft with no question about `field_name`."""
    return replace(draft, unsure=tuple(name for name in draft.unsure if name != field_name),
                   unsure_reasons=tuple(pair for pair in draft.unsure_reasons
                                        if pair[0] != field_name))


def memory_key(normalised: str) -> str:
    """The key of a remembered answer: a normalised request with the days it names replaced
    too, so the same words with another client, person, matter or day find it."""
    return _SPACES.sub(" ", _DAYS.sub(f" {DATE} ", normalised)).strip()


def remembered(draft: TaskDraft, task_type: str) -> TaskDraft:
    """The draft with the firm's own earlier answer for these words: its type, not asked again."""
    others = [candidate for candidate in draft.candidates if candidate != task_type]
    return replace(_settled(draft, "task_type"), task_type=task_type, confidence=1.0,
                   candidates=(task_type, *others[:MAX_CANDIDATES - 1]))

"""The task catalogue compiled for reading: its phrases, matched over tokens and scored."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from matching.model import Taxonomy
from matching.parse.asks import Ask, Cues
from matching.parse.vocabulary import Vocabulary
from matching.parse.words import FUZZY_MIN_LETTERS, Token, closest_spelling, stem
from matching.taxonomy import phrase_elements
from matching.text import fold, words

__all__ = ["CLIENT", "CONFIDENCE_THRESHOLD", "MAX_CANDIDATES", "Catalogue", "Reading"]

# Below this the text is not taken to name any catalogue task (the bot asks instead).
CONFIDENCE_THRESHOLD = 0.4
# How many task types a reading offers to choose from when it is unsure.
MAX_CANDIDATES = 3
# What a client's name reads as in a catalogue phrase: "call Garcia" matches "call client".
CLIENT = "client"
_GAP_WORDS = 4
_TOPIC_WEIGHT = 1 / 3
# Words after a task's own name that show it is the object of a verb before it.
_PREPOSITIONS = frozenset({"on", "for", "in", "re", "about", "regarding", "against", "with"})
_HEAD_BONUS = 0.5
# The task asked for right after "pls", "can you", "I need": the ask itself, whatever else the
# text names. `_DIRECT_REACH` words may stand between ("pls also dkt", "can you please call").
_DIRECT_BONUS = 1.0
_DIRECT_REACH = 1
# Pronouns and names do not count against that reach: "have Ana verify his interrogatory
# answers", "pls get Ostby's paystubs".
_PRONOUNS = frozenset({"his", "her", "their", "them", "him", "me", "us", "it"})
# Verbs that say how to reach someone, not what to do: the words after them say what.
_CONTACT_VERBS = frozenset({"call", "email", "text", "phon", "ring", "contact", "reach"})
_CONTENT_REACH = 6
# How far a reading is trusted when several tasks are asked directly, or none is: chosen on
# the training firms so that a middling reading (under about 0.5) goes to the classifier or
# the person rather than being acted on.
_SEVERAL_ASKS_DOUBT = 0.8
_UNASKED_DOUBT = 0.85
# A text that calls itself news ("FYI ...", "Heads up ...") and has no words of asking: a task it
# names is what happened or will: its words are candidates, never a type acted on alone (with
# this doubt no reading reaches CONFIDENCE_THRESHOLD).
_NOTICE_DOUBT = CONFIDENCE_THRESHOLD
# Words standing for a task named before, a few words after asking words.
_BACK_REFERENCES = frozenset({"it", "them", "one"})
_BACK_REACH = 3
_ASKING = frozenset({"pls", "pleas", "plz", "kindly"})
_FUZZY_WEIGHT = 0.85
# A lone corrected word counts only when long enough that one edit is unlikely to be a word.
_FUZZY_ALONE_MIN_LETTERS = 7
# Words that open a sentence as its subject: what follows is news, not a request.
_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "it", "they", "who"})
_OPENING_WORDS = 3  # a verb and up to two words before the phrase: "draft our first rogs"
_AUXILIARIES = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "did"})
_READINGS_KEPT = 50_000
# Owners of phrases that name no task: a veto claims its words for nothing; a vague ask claims
# them too, and marks the text as asking for work without saying which; a "nothing asked"
# phrase says outright that the text delegates nothing ("no action needed").
_VETO, _VAGUE, _NOTHING = -1, -2, -3
_NO_CUES = Cues()


@dataclass(frozen=True, slots=True)
class _Phrase:
    owner: int  # index of the task type; _VETO or _VAGUE for phrases that name no task
    elements: tuple[frozenset[str] | None, ...]  # None: a gap of a few words
    weight: int  # how many words it matches; more words, more specific
    last: frozenset[str]  # its last words: a text without one of them cannot match it


class Reading(NamedTuple):
    """What the catalogue makes of a text's tokens."""

    task_type: str | None  # None when no type is sure enough, or the ask is vague
    confidence: float
    candidates: tuple[str, ...]  # task type ids, best first, at most MAX_CANDIDATES
    vague: bool  # only a vague ask ("look into the Kwan thing"): the type is a guess at best


class _Match(NamedTuple):
    owner: int
    start: int
    end: int
    weight: float
    anchors: tuple[int, ...]  # the tokens the phrase's words matched; not the words of its gaps


class Catalogue:
    """The catalogue's phrases and the vocabulary's vetoes, indexed by first word, with the
    spellings typos are fixed to. Built once per taxonomy; shared by the firm's parsers."""

    def __init__(self, taxonomy: Taxonomy, vocabulary: Vocabulary) -> None:
        self.taxonomy = taxonomy
        self._ids = taxonomy.ids
        self.ignored = vocabulary.ignored
        self._vague_phrases = bool(vocabulary.vague)
        self.shorthand = vocabulary.shorthand
        self._topic_markers = vocabulary.topic_markers
        self._by_first: dict[str, list[_Phrase]] = {}
        self._vocabulary: set[str] = set()
        self._canonical: dict[str, str] = {}
        spellings: dict[str, str] = {}
        owned = [(i, p) for i, t in enumerate(taxonomy.types) for p in t.phrases]
        owned += [(_VETO, p) for p in vocabulary.vetoes]
        owned += [(_VAGUE, p) for p in vocabulary.vague]
        owned += [(_NOTHING, p) for p in vocabulary.nothing_asked]
        for owner, text in owned:
            phrase = self._compiled(owner, text)
            if phrase is None:
                continue
            first = phrase.elements[0]
            assert first is not None
            for word in first:
                self._by_first.setdefault(word, []).append(phrase)
            for element in phrase.elements:
                self._vocabulary.update(element or ())
            for _, _, word in words(fold(text)):
                if word.isalpha() and len(word) >= FUZZY_MIN_LETTERS:
                    spellings[word] = self.canonical(word)
        self._spellings = spellings
        self._spelling_list = sorted(spellings)
        self._readings: dict[str, tuple[str, bool]] = {}

    def canonical(self, word: str) -> str:
        """A word as catalogue phrases hold it: shorthand spelt out, then stemmed."""
        known = self._canonical.get(word)
        if known is None:
            known = stem(self.shorthand.get(word, word))
            if len(self._canonical) > _READINGS_KEPT:
                self._canonical.clear()
            self._canonical[word] = known
        return known

    def knows(self, canon: str) -> bool:
        return canon in self._vocabulary

    def reading(self, word: str) -> tuple[str, bool]:
        """The catalogue form of a word of text, and whether it was a typo corrected to it."""
        known = self._readings.get(word)
        if known is not None:
            return known
        canon, fuzzy = self.canonical(word), False
        if canon not in self._vocabulary and len(word) >= FUZZY_MIN_LETTERS and word.isalpha():
            fixed = self.corrected(word)
            if fixed:
                canon, fuzzy = fixed, True
        if len(self._readings) > _READINGS_KEPT:
            self._readings.clear()
        self._readings[word] = (canon, fuzzy)
        return canon, fuzzy

    def corrected(self, word: str) -> str | None:
        """The catalogue word `word` is a typo of (one edit; two for long words), if any."""
        found = closest_spelling(word, self._spelling_list, 1 if len(word) < 9 else 2)
        # Typos keep the first letter; a word that loses it is another word ("reserve" is no
        # misspelt "eserve").
        return self._spellings[found] if found and found[0] == word[0] else None

    def classify(self, tokens: list[Token], cues: Cues = _NO_CUES) -> Reading:
        """The task type the tokens ask for, how sure that is (0..1), and the best candidates.

        `cues.asks` are where a request may begin after some news ("The judge moved the
        hearing. Please update the calendar"; "Convergent never answered. Draft a demand
        letter"). `cues.reasons_from` is where the reasons begin after a request made first.
        `cues.asides` tell the writer's own acts or purposes ("I'll appear", "so I can advise
        her"): a task named there is no ask. `cues.direct` are where a verb or deliverable is
        asked for ("pls dkt it", "I need a summary"): the first task named there is the ask.
        """
        own = self._own(tokens, cues.asides)
        winners = self._winning_matches(tokens, vague_too=True)
        scores, doubt = self._scores(winners, tokens, cues, own)
        if any(m.owner == _NOTHING for m in winners):
            # "FYI ... no action needed": whatever task words it uses, nothing is asked; its
            # words are still the candidates, should the person want a task after all.
            return self._reading(scores, vague=False)._replace(task_type=None, confidence=0.0)
        if not self._vague_phrases or any(scores) or all(m.owner != _VAGUE for m in winners):
            return self._reading(scores, vague=False, doubt=doubt)
        # Only a vague ask ("look into the Kwan thing"): what its words would read as without
        # it are the candidates, none of them sure enough to act on.
        winners = self._winning_matches(tokens, vague_too=False)
        reading = self._reading(self._scores(winners, tokens, cues, own)[0], vague=True)
        return reading._replace(task_type=None, confidence=0.0)

    def _scores(
        self,
        winners: list[_Match],
        tokens: list[Token],
        cues: Cues,
        own: frozenset[int],
    ) -> tuple[list[float], float]:
        """Each task type's score, and how far the reading's confidence is to be trusted: less
        when no words ask for the task, or several tasks are asked ("pls dkt it + send her
        the reminder"), so the classifier or the person decides."""
        reasons_from = cues.reasons_from
        scores = [0.0] * len(self.taxonomy.types)
        # The writer's own acts and purposes name tasks the ask is not: they count as topics
        # and never name the task.
        winners_asked = [m for m in winners if own.isdisjoint(m.anchors)]
        # A delegation names its task first ("client update for X: PRA answered the validation
        # request"); the rest is detail, so the head phrase breaks a tie.
        # A text that opens with its ask has no news before it, only reasons after it.
        later_asks = cues.asks if reasons_from is None else ()
        head, news_ends = self._head(winners_asked, tokens, later_asks)
        asked = _asked_directly(winners_asked, tokens, cues)
        bonus, doubt = _HEAD_BONUS, 1.0
        if asked is not None:
            head, bonus = asked, _DIRECT_BONUS
            if len(_asked_types(winners_asked, tokens, cues.direct)) > 1:
                doubt = _SEVERAL_ASKS_DOUBT
        elif head is not None and head.start == 0 and not news_ends:
            # A text that opens with its task ("redact the statements ...") asks it directly.
            later = [m for m in winners_asked if m.start > head.start]
            head, bonus = _contact_content(head, later, tokens, cues.joined), _DIRECT_BONUS
        elif (
            not news_ends
            and (head is None or head.start >= _OPENING_WORDS)
            and not _asks_back(tokens, cues.direct)
        ):
            # No words ask for a task, nor does one open the text: the first one named is
            # only a guess.
            doubt = _UNASKED_DOUBT
        if cues.notice and not cues.direct:
            doubt = min(doubt, _NOTICE_DOUBT)
        # A phrase's own words are no topic marker: the "on" of "advise her on".
        claimed = {index for match in winners for index in match.anchors}
        for match in winners:
            if match.owner >= 0:
                news = tokens[match.anchors[-1]].start < news_ends
                reason = (
                    reasons_from is not None
                    and head is not None
                    and tokens[head.start].start < reasons_from <= tokens[match.start].start
                )
                aside = (
                    news
                    or reason
                    or not own.isdisjoint(match.anchors)
                    or self._is_topic(match, head, tokens, claimed)
                )
                scores[match.owner] += match.weight * (_TOPIC_WEIGHT if aside else 1.0)
        if head is not None and head.owner >= 0:
            scores[head.owner] += bonus
        return scores, doubt

    @staticmethod
    def _own(tokens: list[Token], asides: Sequence[tuple[int, int]]) -> frozenset[int]:
        """The indexes of the tokens standing in `asides`."""
        if not asides:
            return frozenset()
        return frozenset(
            i for i, t in enumerate(tokens) if any(s <= t.start < e for s, e in asides)
        )

    def _reading(self, scores: list[float], *, vague: bool, doubt: float = 1.0) -> Reading:
        # A stable sort: between equal scores the catalogue's order decides, as it always has.
        ranked = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)[:MAX_CANDIDATES]
        ranked = [i for i in ranked if scores[i] > 0]
        if not ranked:
            return Reading(None, 0.0, (), vague)
        type_ids = self._ids
        candidates = tuple(type_ids[i] for i in ranked[:MAX_CANDIDATES])
        best = scores[ranked[0]]
        runner_up = scores[ranked[1]] if len(ranked) > 1 else 0.0
        confidence = (1 - math.exp(-best / 1.5)) * (0.5 + 0.5 * (best - runner_up) / best)
        confidence *= doubt
        if confidence < CONFIDENCE_THRESHOLD:
            return Reading(None, confidence, candidates, vague)
        return Reading(type_ids[ranked[0]], confidence, candidates, vague)

    def _compiled(self, owner: int, phrase: str) -> _Phrase | None:
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
            kept = frozenset(self.canonical(w) for w in element if w not in self.ignored)
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

    def _winning_matches(self, tokens: list[Token], *, vague_too: bool) -> list[_Match]:
        # The longest phrase wins its words: "notice of appearance" is a filing, and its
        # "appearance" is then not also a court appearance. Between equals the earlier wins, as
        # a verb comes before its object ("review ... bank statements"). The words in a gap are
        # left to other phrases: "check ... account" does not silence the "SOL" it skips over.
        # A veto or a vague ask wins a tie: it exists to veto a reading.
        found = _objects_kept(list(self._matches(tokens, vague_too)), tokens)
        found.sort(key=lambda m: (-m.weight, m.owner >= 0, m.start, m.end))
        taken: set[int] = set()
        winners = []
        for match in found:
            if taken.isdisjoint(match.anchors):
                taken.update(match.anchors)
                winners.append(match)
        return sorted(winners, key=lambda m: m.start)

    def _matches(self, tokens: list[Token], vague_too: bool) -> Iterable[_Match]:
        any_fuzzy = any(t.fuzzy for t in tokens)
        present = {t.canon for t in tokens}
        for index, token in enumerate(tokens):
            if token.masked:
                continue
            for phrase in self._by_first.get(token.canon, ()):
                if phrase.last.isdisjoint(present) or (phrase.owner == _VAGUE and not vague_too):
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

    def _head(
        self, winners: list[_Match], tokens: list[Token], asks: Sequence[Ask]
    ) -> tuple[_Match | None, int]:
        """The phrase that names the task, and where the news before the request ends."""
        for ask in asks:
            for match in winners:
                if ask.opening and self._opens(tokens, match.start, ask.at):
                    return match, ask.at
                if not ask.opening and tokens[match.anchors[-1]].start >= ask.at:
                    return match, ask.at
        # A veto names no task, so the first task phrase is the head.
        return next((match for match in winners if match.owner >= 0), None), 0

    def _opens(self, tokens: list[Token], index: int, sentence_at: int) -> bool:
        """Whether the phrase at `index` opens the sentence: as its verb ("Draft a demand
        letter"), or as the object of a task verb ("draft our first interrogatories"); not
        after a subject telling news ("They called her at 6am", "Equifax has answered")."""
        first = next((i for i, t in enumerate(tokens) if t.start >= sentence_at), None)
        if first is None or not first <= index < first + _OPENING_WORDS:
            return False
        lead = tokens[first].canon
        if lead in _SUBJECTS:
            return False
        between = {t.canon for t in tokens[first:index]}
        return index == first or (
            lead != CLIENT and self.knows(lead) and between.isdisjoint(_AUXILIARIES)
        )

    def _is_topic(
        self, match: _Match, head: _Match | None, tokens: list[Token], claimed: set[int]
    ) -> bool:
        """Whether `match` follows the head task after "for", "about", "on" or "whether" (but
        not "for Garcia": a client named there is the matter, not a purpose), the marker not
        being a word of another phrase (`claimed`)."""
        if head is None or head.owner < 0 or match is head or match.start < head.end:
            return False
        return any(
            tokens[i].canon in self._topic_markers
            and tokens[i + 1].canon != CLIENT
            and i not in claimed
            for i in range(head.end, match.start)
        )


def _asked_directly(winners: list[_Match], tokens: list[Token], cues: Cues) -> _Match | None:
    """The first task phrase standing right after asking words ("pls dkt it")."""
    for at in cues.direct:
        first = _first_after(tokens, at)
        for index, match in enumerate(winners):
            if match.owner >= 0 and _within_reach(tokens, first, match.start):
                return _contact_content(match, winners[index + 1 :], tokens, cues.joined)
    return None


def _asks_back(tokens: list[Token], direct: Sequence[int]) -> bool:
    """Whether asking words ask for "it" or "them": the task named before ("the rogs are due
    today ... could somebody pick them up?")."""
    for at in direct:
        first = _first_after(tokens, at)
        if any(t.canon in _BACK_REFERENCES for t in tokens[first : first + _BACK_REACH]):
            return True
    return False


def _asked_types(winners: list[_Match], tokens: list[Token], direct: Sequence[int]) -> set[int]:
    """The task types standing right after asking words, one per ask."""
    owners = set()
    for at in direct:
        first = _first_after(tokens, at)
        for match in winners:
            if match.owner >= 0 and _within_reach(tokens, first, match.start):
                owners.add(match.owner)
                break
    return owners


def _contact_content(
    asked: _Match, later: list[_Match], tokens: list[Token], joined: Sequence[int]
) -> _Match:
    """What a contact ask is for: "call him and go over his options" asks for advice, "call
    her and get the statements" for documents; the call is only how. The content is the next
    task phrase asked in the same clause ("and", "+"), a few words on."""
    if tokens[asked.start].canon not in _CONTACT_VERBS:
        return asked
    for match in later:
        if match.owner < 0 or match.start - asked.end > _CONTENT_REACH:
            break
        if not all(t.joined for t in tokens[asked.end : match.start + 1]):
            break
        if match.owner != asked.owner and _opens_ask(tokens, match.start, joined):
            return match
    return asked


def _opens_ask(tokens: list[Token], index: int, starts: Sequence[int]) -> bool:
    """Whether the token at `index` is among the first words after one of `starts`."""
    return any(_within_reach(tokens, _first_after(tokens, at), index) for at in starts)


def _within_reach(tokens: list[Token], first: int, index: int) -> bool:
    """Whether the phrase at `index` stands among the first words from `first` on."""
    if not first <= index:
        return False
    between = [
        t for t in tokens[first:index] if not t.masked and t.canon not in _PRONOUNS | {CLIENT}
    ]
    return len(between) <= _DIRECT_REACH


def _first_after(tokens: list[Token], at: int) -> int:
    """The index of the first token at or after `at` (len(tokens) when none)."""
    return next((i for i, t in enumerate(tokens) if t.start >= at), len(tokens))


def _objects_kept(found: list[_Match], tokens: list[Token]) -> list[_Match]:
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
    return any(left < other.start and other.end < right for left, right in pairwise(match.anchors))


def _phrase_anchors(phrase: _Phrase, tokens: list[Token], start: int) -> tuple[int, ...] | None:
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
                if token.canon in _ASKING:
                    # A gap ends where an ask begins: "the depo got moved; pls update the
                    # calendar" is no "depo ... calendar".
                    return None
                if not token.masked and token.canon in wanted:
                    anchors.append(probe)
                    position, element_index = probe + 1, element_index + 2
                    break
            else:
                return None
            continue
        if position >= count:
            return None
        token = tokens[position]
        if token.masked or not token.joined or token.canon not in element:
            return None
        anchors.append(position)
        position, element_index = position + 1, element_index + 1
    return tuple(anchors)

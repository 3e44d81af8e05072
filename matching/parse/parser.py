"""One delegation text read into a TaskDraft: type, title, deadline, priority, matter, assignee."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from matching.model import UNSURE_FIELDS, MatterRef, StaffProfile, TaskDraft, Taxonomy
from matching.parse.asks import cues
from matching.parse.catalogue import CLIENT, Catalogue
from matching.parse.deadlines import NOTHING_ASKED, read_folded_deadline, zone_named
from matching.parse.doer import handed_back
from matching.parse.forms import MATTER_FIELD, form_fields, values
from matching.parse.forwarded import quoted_spans
from matching.parse.idle import IDLE_ASSIGNEE, IDLE_TYPE, asks_no_work, reads_as_news
from matching.parse.items import other_people_items
from matching.parse.matters import Matters, named_clients
from matching.parse.people import Nicknames, Roster
from matching.parse.priority import TIME_AND_PRIORITY_WORDS, priority_and_spans
from matching.parse.replies import UP_THREAD_TYPE, answers_only, points_up_thread
from matching.parse.thanked import THANKED_ASKED
from matching.parse.titles import deadline_span, free_title, type_title
from matching.parse.transcripts import speaker_labels
from matching.parse.vocabulary import Vocabulary
from matching.parse.words import ASKING_WORDS, Span, Token, Word, covered, inside
from matching.text import blank, fold, words

__all__ = [
    "MAX_TEXT_CHARS",
    "NO_CLOCK_WARNING",
    "NO_TASK_REASON",
    "UNREADABLE_WARNING",
    "VAGUE_REASON",
    "Parser",
    "parse",
]

# Slack caps a slash command at 4,000 characters; longer input is not a delegation.
MAX_TEXT_CHARS = 4000
UNREADABLE_WARNING = "could not read the text ({error}); please pick the details"
NO_CLOCK_WARNING = "no valid `now` given; deadline not read"
NO_TASK_REASON = "I could not tell what kind of task this is"
VAGUE_REASON = "the request does not say what work is needed"

# Punctuation that ends a clause or opens an aside: the words of a phrase do not stand on
# both sides of it ("Garcia (letters, call logs)" is no client letter).
_PHRASE_BREAK = re.compile(r"[,:;!?()]|\s-|-\s")
_DIGIT_NEXT = re.compile(r"\s*\d")  # "May 5": a month after all, even for a client named May
# "filed" reports what someone did ("Midland filed suit", "who filed POCs") unless it is asked
# for a few words before ("get the Brown answer filed", "needs to be filed").
_PAST_FILED = "filed"
_ASKING_REACH = 4
_WHEN_WORDS = frozenset(
    {"by", "today", "tomorrow", "tonight", "asap", "before", "within", "eod", "cob", "no", "in"}
)


class Parser:
    """Reads delegation texts for one firm: its catalogue, matters and roster, indexed once.

    Build it once per version of the firm (the bot's firm snapshot holds one) and share the
    `Catalogue` between versions: it depends on the taxonomy and vocabulary alone. `nicknames`
    are the given names' short forms ("becca" for Rebecca; bot/nicknames.py loads them).
    """

    def __init__(
        self,
        catalogue: Catalogue,
        matters: Sequence[MatterRef],
        roster: Sequence[StaffProfile],
        nicknames: Nicknames | None = None,
    ) -> None:
        self._catalogue = catalogue
        self._matters = Matters(matters)
        self._roster = Roster(
            roster,
            self._matters.name_words,
            self._matters.party_words,
            nicknames,
            self._matters.surname_words,
        )
        self._client_first_names = self._matters.first_names - self._roster.name_words
        self._zones = {person.email: person.timezone for person in roster}

    @property
    def taxonomy(self) -> Taxonomy:
        return self._catalogue.taxonomy

    def parse(
        self, text: str, *, now: datetime, tz: str, writer: str | None = None
    ) -> TaskDraft:
        """What `text` asks for; never raises, whatever the text. `writer` is the roster e-mail
        of the one who wrote it, when known: never the assignee unless they assign themself
        (people.py)."""
        try:
            return self._read(text, now, tz, writer)
        except Exception as error:  # noqa: BLE001 - a parser bug must cost a question, not a 500
            return TaskDraft(
                task_type=None,
                confidence=0.0,
                title="Task",
                due_at=None,
                warnings=(UNREADABLE_WARNING.format(error=type(error).__name__),),
                unsure=("task_type",),
                unsure_reasons=(("task_type", NO_TASK_REASON),),
            )

    def _read(self, text: str, now: datetime, tz: str, writer: str | None) -> TaskDraft:
        text = text if isinstance(text, str) else "" if text is None else str(text)
        text = text[:MAX_TEXT_CHARS]
        folded = fold(text)
        # A list put to several people, one item each: only its main item is the request.
        others = other_people_items(folded, self._roster.name_words.__contains__)
        # (a transcript's "Speaker 1 (00:14):" is no one and no time)
        others = [*others, *speaker_labels(folded)]
        if others:
            text, folded = blank(text, others), blank(folded, others)
        found = words(folded)
        # Forwarded e-mail is someone else's: its sender, recipients and "ASAP" are no ask.
        quoted = quoted_spans(text)
        fields = form_fields(blank(folded, quoted))
        person = self._roster.find(
            blank(text, quoted), blank(folded, quoted),
            [w for w in found if not inside(w[0], quoted)] if quoted else found,
            self._is_known_word,
            writer,
            fields,
        )
        hint_spans = person.spans
        matter = self._matters.find(
            text, folded, found, hint_spans, self._is_known_word,
            values(fields, MATTER_FIELD),
        )
        masked = hint_spans + matter.number_spans + matter.mask_spans
        tokens = self._tokens(folded, found, masked, named_clients(folded, matter.name_spans))
        found_cues = cues(text, folded, quoted)
        reading = self._catalogue.classify(tokens, found_cues)
        priority, priority_spans = priority_and_spans(
            blank(folded, hint_spans + matter.name_spans + quoted), text
        )
        warnings: list[str] = []
        unsure: dict[str, str] = {}
        # "<@U1> ^ by fri", "same for Ruiz pls": a reply pointing up its thread asks for the work
        # pointed at, which its own words may not name.
        thread = points_up_thread(folded)
        if reading.task_type is None:
            unsure["task_type"] = (
                VAGUE_REASON if reading.vague else UP_THREAD_TYPE if thread else NO_TASK_REASON
            )
        said = blank(folded, quoted) if quoted else folded
        # (a vague ask, "look into the Kwan thing", asks for work all the same; work declined
        # and handed back, "I'm screened, so I can't do it … can someone else take it?", asks
        # for no new task)
        idle = not reading.vague and (
            asks_no_work(folded, found_cues) or (handed_back(folded) and reads_as_news(said))
        )
        if idle and thread and not reads_as_news(said):
            idle = False
        news = idle and reads_as_news(said)
        if news:
            # A reply, a report or a question names tasks it delegates none of ("Done, Will.
            # The trial is on the calendar"): its type is asked, not taken.
            unsure["task_type"] = IDLE_TYPE
        deadline_spans: list[Span] = []
        due_at = None
        if isinstance(now, datetime):
            warnings += zone_named(tz)[1]
            # A client called Noon or Munday is no time or day ("rogs resp Noon fri").
            names = [span for span in matter.name_spans if not _DIGIT_NEXT.match(text, span[1])]
            # (folded text blanked is the blanked text folded: folding keeps each index)
            found_deadline = read_folded_deadline(
                blank(folded, hint_spans + matter.number_spans + names + quoted), now=now, tz=tz,
                writer_zone=self._zones.get(writer) if writer else None,
            )
            deadline, doubt = found_deadline.deadline, found_deadline.doubt
            if answers_only(folded, quoted):
                # "> who can take it?\n\nI've got it, draft by 11": the writer's own promise.
                deadline, doubt = None, None
            if deadline:
                due_at = deadline.due_at
                warnings += deadline.warnings
                deadline_spans += [deadline_span(folded, *span) for span in deadline.spans]
            if doubt:
                unsure["due_at"] = doubt
        else:
            warnings.append(NO_CLOCK_WARNING)
        if matter.warning:
            warnings.append(matter.warning)
            unsure["matter"] = matter.warning
        if person.doubt:
            unsure["assignee"] = person.doubt
        elif person.thanked and unsure.get("due_at") == NOTHING_ASKED:
            # Thanks, then orders and a day but no word of asking ("@Ana perfect, thanks. The
            # index first. Friday works."): more work, and the one thanked may be meant to do it.
            unsure["assignee"] = THANKED_ASKED.format(name=person.thanked)
        if news:
            # ... and so are its day and person, a task's only if there is one.
            if due_at is not None:
                unsure.setdefault("due_at", NOTHING_ASKED)
            if person.email is not None:
                unsure.setdefault("assignee", IDLE_ASSIGNEE)
        removed = hint_spans + matter.number_spans + matter.name_spans + priority_spans
        removed += deadline_spans + self._client_first_name_spans(found)
        return TaskDraft(
            task_type=reading.task_type,
            confidence=reading.confidence,
            title=self._title(reading.task_type, text, removed, matter.number),
            due_at=due_at,
            priority=priority,
            matter=matter.number,
            assignee=person.email,
            warnings=tuple(dict.fromkeys(warnings)),
            unsure=tuple(f for f in UNSURE_FIELDS if f in unsure) if unsure else (),
            candidates=reading.candidates,
            unsure_reasons=tuple((f, unsure[f]) for f in UNSURE_FIELDS if f in unsure)
            if unsure
            else (),
            asks_work=not idle,
        )

    def _tokens(
        self, folded: str, found: list[Word], masked: list[Span], clients: list[Span]
    ) -> list[Token]:
        hidden, named = covered(found, masked), covered(found, clients)
        breaks = [m.start() for m in _PHRASE_BREAK.finditer(folded)]
        ignored, reading = self._catalogue.ignored, self._catalogue.reading
        next_break = 0
        tokens: list[Token] = []
        previous_end = 0
        for index, (start, end, word) in enumerate(found):
            while next_break < len(breaks) and breaks[next_break] < previous_end:
                next_break += 1
            joined = next_break == len(breaks) or breaks[next_break] >= start
            previous_end = end
            if word in ignored:
                continue
            if named and named[index]:
                # A client named as the one spoken to reads as "client" ("call Garcia" is
                # "call client"); the rest of a full name adds nothing.
                if not (tokens and tokens[-1].canon == CLIENT and joined):
                    tokens.append(Token(start, end, CLIENT, False, False, len(word), joined))
                continue
            canon, fuzzy = reading(word)
            masked_word = (hidden[index] if hidden else False) or (
                word == _PAST_FILED and _reports_filing(found, index)
            )
            tokens.append(Token(start, end, canon, masked_word, fuzzy, len(word), joined))
        return tokens

    def _is_known_word(self, word: str) -> bool:
        # Task, time and priority words and staff names: not (misspelt) client names.
        return (
            word in TIME_AND_PRIORITY_WORDS
            or self._catalogue.knows(self._catalogue.canonical(word))
            or word in self._roster.name_words
        )

    def _client_first_name_spans(self, found: list[Word]) -> list[Span]:
        # Titles reach channel digests, where client names must not appear (Rule 1.6(c)).
        return [(s, e) for s, e, w in found if w in self._client_first_names]

    def _title(
        self, task_type: str | None, text: str, removed: list[Span], matter: str | None
    ) -> str:
        known = self._catalogue.taxonomy.get(task_type)
        if known is None:
            return free_title(text, removed, matter)
        return type_title(known.name, matter)


def _reports_filing(found: list[Word], index: int) -> bool:
    if found[index][2] != _PAST_FILED:
        return False
    before = {w for _, _, w in found[max(0, index - _ASKING_REACH) : index]}
    after = found[index + 1][2] if index + 1 < len(found) else None
    # "... objection to the proof of claim filed", "the NOA filed by Friday": asked for.
    return before.isdisjoint(ASKING_WORDS) and after is not None and after not in _WHEN_WORDS


def parse(
    text: str,
    *,
    now: datetime,
    tz: str,
    taxonomy: Taxonomy,
    vocabulary: Vocabulary,
    matters: Sequence[MatterRef],
    roster: Sequence[StaffProfile],
    nicknames: Nicknames | None = None,
    writer: str | None = None,
) -> TaskDraft:
    """One text read with a parser built for it alone; to read many, build a `Parser` once."""
    parser = Parser(Catalogue(taxonomy, vocabulary), matters, roster, nicknames)
    return parser.parse(text, now=now, tz=tz, writer=writer)

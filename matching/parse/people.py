"""The person a delegation text names to do the task: mentions, handles and names in its grammar."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from matching.model import StaffProfile
from matching.parse.addressed import (
    ADDRESSEE,
    CLAIM,
    HANDOFF,
    OTHER,
    STRONG,
    TO,
    WEAK,
    Naming,
    namings,
)
from matching.parse.items import main_part, part_of, parts
from matching.parse.words import (
    FUZZY_MIN_LETTERS,
    Span,
    Word,
    closest_spelling,
    inside,
    name_words,
    squashed,
)
from matching.text import fold

__all__ = ["Nicknames", "PersonFinding", "Roster"]

# A given name's short forms: "rebecca" -> {"becca", "becky", ...} (bot/nicknames.py loads them).
Nicknames = Mapping[str, Collection[str]]


_SLACK_MENTION = re.compile(r"<@([A-Za-z0-9]+)(?:\|[^>]{0,80})?>")
_TEAMS_MENTION = re.compile(r"<at>([^<]{1,80})</at>", re.IGNORECASE)
# "@felix" anywhere but in an e-mail address or after "cc" (copied, not asked).
_HANDLE = re.compile(r"(?<![\w.@])(?<!\bcc )(?<!\bcc: )@(?P<handle>[a-z0-9][a-z0-9._-]*)")
_EVERYONE = frozenset({"here", "channel", "everyone", "all", "team"})
# "to mark the deadline": a lower-case name followed by these is a verb, not a person.
_NOT_AFTER_NAME = frozenset(
    {"the", "a", "an", "it", "them", "him", "her", "this", "that", "our", "their", "up", "out",
     "off", "in", "on", "with", "for", "me", "us", "all", "any", "each", "every", "his", "my"}
)  # fmt: skip
# Words addressed to a group, never a person: "Team, can you …".
_GROUPS = frozenset(
    {"team", "all", "everyone", "everybody", "folks", "guys", "y'all", "yall", "both", "there",
     "someone", "somebody", "anyone", "anybody", "whoever"}
)  # fmt: skip
_POSSESSIVE = ("'", "\u2019")
# "cc <@U123>": copied, not asked.
_COPIED = re.compile(r"\bcc:?\s*(?:<@[^>]{1,100}>\s*)*$", re.IGNORECASE)
# An ask of no one in particular: the one said to have the work is not asked to do it ("Marisol's
# got it …, can somebody e-file it").
_GROUP_ASK = re.compile(
    r"\b(?:(?:can|could|would|will)\s+(?:someone|somebody|anyone|anybody)"
    r"|(?:someone|somebody|anyone|anybody)\s+(?:pls|please|plz)|need\s+(?:someone|somebody)"
    r"|whoever)\b"
)
# People offered as alternatives: "<@A> <@B> whoever's free", "one of you".
_ALTERNATIVES = re.compile(r"\b(?:whoever|whomever|either\s+of\s+you|one\s+of\s+you)\b")
# The writer says nothing is to be done: whoever is named is told, not asked.
_NO_ACTION = re.compile(
    r"\b(?:no\s+action|no\s+ask|nothing\s+(?:is\s+)?needed|nothing\s+further"
    r"|nothing\s+to\s+do\b(?!\s+with)|just\s+(?:keep|bear)\s+(?:it|this|that)\s+in\s+mind)\b"
)
_NICKNAME_PREFIX = 3  # "Dan" for Daniel, "Chris" for Christopher
_NICKNAME_ENDING = 5  # "Becca" for Rebecca
NOT_ON_ROSTER = "nobody on the roster is called \u201c{name}\u201d"
SEVERAL_PEOPLE = "\u201c{name}\u201d could be {people}"
UNKNOWN_MENTION = "the person you mentioned is not on the roster"
NO_ACTION = "the text says nothing needs doing, so no one is assigned"
SEVERAL_ASKED = "the text asks several people; who is to do the main task?"


@dataclass(frozen=True, slots=True)
class PersonFinding:
    """Whom the text assigns, the spans of every hint and mention, and what could not be read
    about the assignee (a name that fits nobody or several people)."""

    email: str | None
    spans: list[Span]
    doubt: str | None = None


@dataclass(frozen=True, slots=True)
class _Hint:
    position: int
    email: str | None  # None: a name read as a person who cannot be told apart
    doubt: str | None = None
    role: int = OTHER  # the part the person plays: addressee, handoff, claim (addressed.py)


class Roster:
    """Roster names, handles and chat ids, indexed to recognise who a text assigns."""

    def __init__(
        self,
        roster: Sequence[StaffProfile],
        client_words: set[str],
        party_words: set[str],
        nicknames: Nicknames | None = None,
    ) -> None:
        # A client's name is never a misspelt staff name ("send it to Davis" is not David), and
        # neither a client nor a party to a case is an unknown person ("ask Midland to …").
        self._client_words = client_words
        self._not_people = client_words | party_words
        self._by_slack: dict[str, str] = {}
        self._by_full_name: dict[tuple[str, ...], set[str]] = {}
        self._by_first_name: dict[str, set[str]] = {}
        self._by_last_name: dict[str, set[str]] = {}
        self._by_handle: dict[str, set[str]] = {}
        self._names: dict[str, str] = {}
        self._first_name_of: dict[str, str] = {}
        for person in roster:
            self._index(person)
        self._by_nickname = self._nicknamed(nicknames or {})
        self.name_words = {w for key in self._by_full_name for w in key} | set(self._by_first_name)
        self._first_names = sorted(self._by_first_name)
        self._first_name_spellings = [
            n for n in self._first_names if len(n) >= FUZZY_MIN_LETTERS - 1
        ]

    def _index(self, person: StaffProfile) -> None:
        if person.slack_user_id:
            self._by_slack[person.slack_user_id.upper()] = person.email
        name = tuple(map(squashed, name_words(person.name)))
        if not name:
            return
        self._names[person.email] = person.name
        first, last = name[0], name[-1]
        self._first_name_of[person.email] = first
        self._by_first_name.setdefault(first, set()).add(person.email)
        handles = {first, fold(person.email.split("@")[0])}
        if len(name) > 1:
            self._by_last_name.setdefault(last, set()).add(person.email)
            for key in {name, (first, last), (first, last[0])}:
                self._by_full_name.setdefault(key, set()).add(person.email)
            handles |= {first + last, f"{first}.{last}", f"{first}_{last}", first[0] + last}
        for handle in handles:
            self._by_handle.setdefault(handle, set()).add(person.email)

    def _nicknamed(self, nicknames: Nicknames) -> dict[str, set[str]]:
        """Short forms of the roster's first names, to whom they may refer ("becca": Rebecca)."""
        by_nickname: dict[str, set[str]] = {}
        for first, emails in self._by_first_name.items():
            for short in nicknames.get(first, ()):
                if short not in self._by_first_name:
                    by_nickname.setdefault(fold(short), set()).update(emails)
        return by_nickname

    def find(
        self, text: str, folded: str, found: list[Word], is_known_word: Callable[[str], bool]
    ) -> PersonFinding:
        """The roster member the text assigns to, the spans of every hint and mention, and the
        doubt when a name is read as the assignee but fits nobody or several people."""
        hints: list[_Hint] = []
        spans: list[Span] = []
        self._mentions(text, folded, hints, spans)
        for naming in namings(text, folded, found):
            if not inside(naming.at, spans):
                self._named(text, found, naming, is_known_word, hints, spans)
        return self._chosen(text, folded, hints, spans)

    def _chosen(
        self, text: str, folded: str, hints: list[_Hint], spans: list[Span]
    ) -> PersonFinding:
        """The assignee among the hints: nobody when the text says nothing is to be done or
        offers people as alternatives ("<@A> <@B> whoever's free"); else the one to whom the
        addressee hands the work ("Tasha, please ask Beth to …"), the one in the item the text
        marks as its main ask, or the first named."""
        known = [h for h in hints if h.email]
        if known and _NO_ACTION.search(folded):
            return PersonFinding(None, spans, NO_ACTION)
        if _GROUP_ASK.search(folded):
            known = [h for h in known if h.role != CLAIM]
        offered = {h.email for h in known if h.role == ADDRESSEE}
        if len(offered) > 1 and _ALTERNATIVES.search(folded):
            known = [h for h in known if h.role != ADDRESSEE]
            hints = known
        if known:
            chosen = _main_hint(text, folded, known)
            if chosen is None:
                return PersonFinding(None, spans, SEVERAL_ASKED)
            return PersonFinding(chosen.email, spans)
        if hints:
            return PersonFinding(None, spans, min(hints, key=lambda h: h.position).doubt)
        return PersonFinding(None, spans)

    def _mentions(self, text: str, folded: str, hints: list[_Hint], spans: list[Span]) -> None:
        for match in _SLACK_MENTION.finditer(text) if "<@" in text else ():
            spans.append(match.span())
            if _COPIED.search(text, max(0, match.start() - 300), match.start()):
                continue
            email = self._by_slack.get(match.group(1).upper())
            hints.append(
                _Hint(match.start(), email, None if email else UNKNOWN_MENTION, ADDRESSEE)
            )
        for match in _TEAMS_MENTION.finditer(text) if "<at>" in folded else ():
            spans.append(match.span())
            said = tuple(map(squashed, name_words(match.group(1))))
            emails = self._by_full_name.get(said) or self._going_by(said) or (
                self._by_first_name.get(said[0]) if said else None
            )
            hints.append(self._hint(match.start(), emails, match.group(1).strip(), ADDRESSEE))
        for match in _HANDLE.finditer(folded) if "@" in folded else ():
            handle = match["handle"].rstrip("._-")
            if handle in _EVERYONE or inside(match.start(), spans):
                continue  # "<@U123ABC>" is a Slack mention, not a handle
            spans.append(match.span())
            emails = (self._by_handle.get(handle) or self._by_nickname.get(handle)
                      or self._nickname(handle))  # fmt: skip
            hints.append(self._hint(match.start(), emails, "@" + handle, ADDRESSEE))

    def _going_by(self, said: tuple[str, ...]) -> set[str] | None:
        """Who a full name names when its given name is a short form ("Wes Delacroix" for
        Wesley): the people of that surname whose first name it begins or shortens."""
        if len(said) < 2:
            return None
        first = said[0]
        fits = {
            email for email in self._by_last_name.get(said[-1], ())
            if self._first_name_of[email].startswith(first)
            or email in self._by_nickname.get(first, ())
        }  # fmt: skip
        return fits or None

    def _hint(
        self, position: int, emails: set[str] | None, said: str, role: int = OTHER
    ) -> _Hint:
        if emails and len(emails) == 1:
            return _Hint(position, next(iter(emails)), role=role)
        if emails:
            people = " or ".join(sorted(self._names.get(e, e) for e in emails))
            return _Hint(position, None, SEVERAL_PEOPLE.format(name=said, people=people), role)
        return _Hint(position, None, NOT_ON_ROSTER.format(name=said), role)

    def _named(
        self,
        text: str,
        found: list[Word],
        naming: Naming,
        is_known_word: Callable[[str], bool],
        hints: list[_Hint],
        spans: list[Span],
    ) -> None:
        resolved = self._name_at(text, found, naming)
        if resolved is None:
            if naming.strength == STRONG and self._unknown_person(
                text, found, naming.word, is_known_word
            ):
                start, end, _ = found[naming.word]
                hints.append(self._hint(naming.at, None, text[start:end], naming.role))
            return
        emails, end = resolved
        if naming.strength != TO and naming.role != CLAIM and text.startswith(_POSSESSIVE, end):
            return  # "have Felix's notes ready": Felix's things, not Felix
        start = found[naming.word][0]
        hints.append(self._hint(naming.at, emails, text[start:end], naming.role))
        spans.append((naming.at if naming.strength == TO else start, end))

    def _name_at(self, text: str, found: list[Word], naming: Naming) -> tuple[set[str], int] | None:
        """Who the words at `naming.word` name, and where the name ends; None if nobody."""
        index = naming.word
        for size in (3, 2):
            key = tuple(squashed(w[2]) for w in found[index : index + size])
            if len(key) == size and found[index + size - 1][0] - found[index][1] <= 3:
                emails = self._by_full_name.get(key)
                if emails:
                    return emails, found[index + size - 1][1]
        start, end, word = found[index]
        capitalised = text[start].isupper()
        following = found[index + 1][2] if index + 1 < len(found) else ""
        if not capitalised and (naming.strength == TO and following in _NOT_AFTER_NAME):
            return None
        if word in self._client_words and naming.strength != STRONG:
            # "for Garcia to sign", "Sullivan: send …": the client, unless the grammar says a
            # person is to act ("have Garcia draft …").
            if naming.strength == WEAK or word not in self._by_first_name:
                return None
        word = squashed(word)
        emails = self._by_first_name.get(word)
        if emails is None and capitalised:
            emails = self._by_last_name.get(word)
        if emails is None and (capitalised or naming.strength != TO):
            # "can becca review …": a known short form, even in lower case where the grammar
            # has someone act ("to bill the client" is no Bill).
            emails = self._by_nickname.get(word)
        if emails is None and capitalised:
            emails = self._nickname(word)
            if emails is None and word.isalpha() and word not in self._client_words:
                emails = self._misspelt_first_name(word)
        return (emails, end) if emails else None

    def _nickname(self, word: str) -> set[str] | None:
        """ "Dan" for Daniel, "Becca" for Rebecca: the people whose first name begins with the
        word, or ends with a long one."""
        if len(word) < _NICKNAME_PREFIX or not word.isalpha():
            return None
        fits = [
            n for n in self._first_names
            if len(n) > len(word) and (
                n.startswith(word) or len(word) >= _NICKNAME_ENDING and n.endswith(word))
        ]  # fmt: skip
        return set().union(*(self._by_first_name[n] for n in fits)) if fits else None

    def _misspelt_first_name(self, word: str) -> set[str] | None:
        found = closest_spelling(word, self._first_name_spellings)
        return self._by_first_name[found] if found else None

    def _unknown_person(
        self, text: str, found: list[Word], index: int, is_known_word: Callable[[str], bool]
    ) -> bool:
        """Whether the word where a person is named looks like a first name nobody on the roster
        has: capitalised and alone ("ask Zed to"); not an acronym ("ask IT to"), a client, a party
        to a case, a known word, or the start of a firm's name ("get Credit One to")."""
        start, end, spelled = found[index]
        written = text[start:end]
        following = found[index + 1] if index + 1 < len(found) else None
        return (
            written[:1].isupper()
            and spelled.isalpha()
            and not (len(written) > 1 and written.isupper())
            and not (following and following[0] - end <= 1 and text[following[0]].isupper())
            and spelled not in self._not_people
            and spelled not in _GROUPS
            and not is_known_word(spelled)
        )


def _main_hint(text: str, folded: str, known: list[_Hint]) -> _Hint | None:
    """Of hints that each name one person: the one the addressee is to hand the work to, the
    one in the item the text marks as its main ask, or the first; None when the text speaks to
    people in several items and marks none of them as the main one ("<@A> <@B> review it"
    speaks to both in one: the first is taken)."""
    first = min(known, key=lambda h: h.position)
    handed = [h for h in known if h.role == HANDOFF and h.position > first.position]
    if first.role == ADDRESSEE and handed:
        return min(handed, key=lambda h: h.position)
    if len({h.email for h in known}) > 1:
        found = parts(text, folded)
        by_part: dict[int, _Hint] = {}
        for hint in sorted(known, key=lambda h: h.position):
            by_part.setdefault(part_of(found, hint.position), hint)
        main = main_part(folded, found, by_part)
        if main is not None:
            return by_part[main]
        addressed = {h.email for h in by_part.values() if h.role == ADDRESSEE}
        if len(addressed) > 1:
            return None
    return first

"""The person a delegation text names to do the task: mentions, handles and names in its grammar."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from matching.model import StaffProfile
from matching.parse import asked_why as why
from matching.parse.addressed import (
    ADDRESSEE,
    CLAIM,
    HONORIFICS,
    OTHER,
    STRONG,
    TO,
    WEAK,
    Naming,
    excluded,
    namings,
)
from matching.parse.assignee import GIVEN_WORK, PersonFinding, chosen
from matching.parse.assigning import chosen_by_field, self_assigned, with_fields
from matching.parse.called_by import by_initials, clipped_surname, initials_named, shown_as
from matching.parse.doer import ROUTING, delivered_to
from matching.parse.forms import MATTER_FIELD, PARTY_FIELD, FormField, form_fields, values
from matching.parse.hints import Hint, told_apart, without_writer
from matching.parse.short_forms import (
    NICKNAME_PREFIX,
    SUFFIX_NAMES,
    Nicknames,
    begun_names,
    short_forms,
    without_suffix,
)
from matching.parse.sound_alike import SoundAlikes
from matching.parse.thanked import THANKED_ASKED
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

__all__ = ["ROUTING", "THANKED_ASKED", "Nicknames", "PersonFinding", "Roster"]



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
# Words addressed to a group, never a person: "Team, can you …", "LAs - please …"; and words
# that open a sentence as a name would: "Separately, …".
_GROUPS = frozenset(
    {"team", "all", "everyone", "everybody", "folks", "guys", "y'all", "yall", "both", "there",
     "someone", "somebody", "anyone", "anybody", "whoever", "las", "paralegals", "associates",
     "attorneys", "lawyers", "partners", "assistants", "staff", "separately", "additionally",
     "finally", "lastly", "meanwhile", "otherwise", "however", "anyway", "also", "alternatively",
     "ideally", "hopefully", "unfortunately", "fortunately", "honestly", "relatedly", "similarly"}
)  # fmt: skip
_POSSESSIVE = ("'", "\u2019")
_DAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
     "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
)  # fmt: skip
# "cc <@U123>", "cc <at>Marcus Tate</at>": copied, not asked.
_COPIED = re.compile(
    r"\bcc:?\s*(?:(?:<@[^>]{1,100}>|<at>[^<]{1,100}</at>)\s*(?:,|and)?\s*)*$", re.IGNORECASE
)
# A surname's initial after a handle: "@Marie L. can you …", "@kayla b draft …" (in lower
# case no "a", "i" or "u", which are words: "@kayla a c&d pls").
_HANDLE_INITIAL = re.compile(r" ([A-Z]|[b-hj-tv-z])\.?(?!\w)")
# The shortest beginning of a first name taken for it where the person is spoken to ("jo, can
# you …" for Jolene), and the words that open a clause there without being anyone's name.
_ADDRESSED_PREFIX = 2
_NOT_SHORT_FORMS = frozenset(
    {"a", "am", "an", "and", "also", "as", "at", "be", "but", "by", "do", "go", "he", "hi", "if",
     "in", "is", "it", "me", "my", "no", "now", "of", "oh", "ok", "okay", "on", "or", "so", "then",
     "to", "up", "us", "we", "ya", "yo", "ty", "um", "uh", "ah", "eh", "re", "cc", "hey", "hello",
     "pls", "please", "thanks", "thx", "just", "maybe", "still", "sorry", "actually", "anyway",
     "quick", "who", "what", "when", "where", "why", "how", "which", "she", "they", "you", "all",
     "any", "can", "could", "would", "will", "yes", "yep", "fyi", "btw", "lol", "not", "the",
     "this", "that", "these", "those", "there", "here", "his", "her", "him", "our", "your",
     "their", "them", "its", "for", "from", "with", "out", "off", "over", "about", "after",
     "again", "some", "one", "two", "least", "latest", "last", "first", "next", "once", "end",
     "home", "work", "court", "noon", "night", "lunch", "best", "most", "more", "less", "soon",
     "mr", "mrs", "ms", "dr", "jr", "sr", "st", "vs", "ch", "co", "ct", "et", "al", "ex", "pg",
     "pp", "wk", "hr", "mo", "yr", "ca", "approx", "dept", "sec", "inc", "corp"}
)  # fmt: skip


def _names_a_firm(text: str, end: int, following: str) -> bool:
    """Whether a surname ending at `end` begins a firm's name, a capitalised word other than a
    day's following it ("to Jefferson Capital", "from Hale Funding")."""
    return (
        text[end : end + 1] == " "
        and text[end + 1 : end + 2].isupper()
        and following.isalpha()
        and len(following) > 1
        and following not in _DAYS
    )


class Roster:
    """Roster names, handles and chat ids, indexed to recognise who a text assigns."""

    def __init__(
        self,
        roster: Sequence[StaffProfile],
        client_words: set[str],
        party_words: set[str],
        nicknames: Nicknames | None = None,
        client_surnames: set[str] | None = None,
    ) -> None:
        # A client's name is never a misspelt staff name ("send it to Davis" is not David), and
        # neither a client nor a party to a case is an unknown person ("ask Midland to …"). A
        # client is named by surname: "Luis —" speaks to Luis of the staff, though a client is
        # called Jose Luis.
        self._client_words = client_words
        self._client_surnames = client_words if client_surnames is None else client_surnames
        self._not_people = client_words | party_words
        self._by_slack: dict[str, str] = {}
        self._by_full_name: dict[tuple[str, ...], set[str]] = {}
        self._by_first_name: dict[str, set[str]] = {}
        self._by_last_name: dict[str, set[str]] = {}
        self._by_handle: dict[str, set[str]] = {}
        self._by_suffix_name: dict[str, set[str]] = {}
        self._names: dict[str, str] = {}
        self._first_name_of: dict[str, str] = {}
        self._last_name_of: dict[str, str] = {}
        for person in roster:
            self._index(person)
        self._by_nickname = short_forms(self._by_first_name, nicknames or {})
        self._by_initials = by_initials(
            (email, tuple(map(squashed, name_words(name)))) for email, name in self._names.items()
        )
        for called, emails in self._by_suffix_name.items():
            if called not in self._by_first_name:
                self._by_nickname.setdefault(called, set()).update(emails)
        # Given names at large: one a memo gives work to ("Zed to draft it") is someone to ask
        # about even off the roster, where a word opening a sentence ("Need to file") is not.
        self._given_names = frozenset(fold(name) for name in nicknames or {})
        self.name_words = {w for key in self._by_full_name for w in key} | set(self._by_first_name)
        self._first_names = sorted(self._by_first_name)
        self._first_name_spellings = [
            n for n in self._first_names if len(n) >= FUZZY_MIN_LETTERS - 1
        ]
        self._sound_alikes = SoundAlikes(self._first_names)

    def _index(self, person: StaffProfile) -> None:
        if person.slack_user_id:
            self._by_slack[person.slack_user_id.upper()] = person.email
        name, suffix = without_suffix(tuple(map(squashed, name_words(person.name))))
        if not name:
            return
        for called in SUFFIX_NAMES.get(suffix, ()):  # "Trey" for Thomas Kimbrough III
            self._by_suffix_name.setdefault(called, set()).add(person.email)
        self._names[person.email] = person.name
        first, last = name[0], name[-1]
        self._first_name_of[person.email] = first
        self._by_first_name.setdefault(first, set()).add(person.email)
        handles = {first, fold(person.email.split("@")[0])}
        if len(name) > 1:
            self._last_name_of[person.email] = last
            self._by_last_name.setdefault(last, set()).add(person.email)
            for key in {name, (first, last), (first, last[0])}:
                self._by_full_name.setdefault(key, set()).add(person.email)
            handles |= {first + last, f"{first}.{last}", f"{first}_{last}", first[0] + last}
        for handle in handles:
            self._by_handle.setdefault(handle, set()).add(person.email)

    def find(
        self,
        text: str,
        folded: str,
        found: list[Word],
        is_known_word: Callable[[str], bool],
        writer: str | None = None,
        fields: list[FormField] | None = None,
    ) -> PersonFinding:
        """The roster member the text assigns to, the spans of every hint and mention, and the
        doubt when a name is read as the assignee but fits nobody or several people. The
        writer's e-mail, when known, is never the assignee (hints.py) unless they take the
        work a pasted notice names them for ("assigning myself", assigning.py). A form's labelled
        `fields` (forms.py; read from the text when not given) settle it where they name the
        doer or leave it open."""
        hints: list[Hint] = []
        spans: list[Span] = []
        self._mentions(text, folded, hints, spans)
        fields = form_fields(folded) if fields is None else fields
        # "Client: Reeves", "Plaintiff: Jefferson Capital Systems": no one there is to act.
        parties = values(fields, MATTER_FIELD, PARTY_FIELD)
        for naming in with_fields(namings(text, folded, found), fields, found, folded):
            if not inside(naming.at, spans) and not inside(naming.at, parties):
                self._named(text, folded, found, naming, is_known_word, hints, spans)
        hints = told_apart(hints)
        by_field = chosen_by_field(fields, hints, writer)
        if by_field is not None:
            return PersonFinding(by_field[0], spans, by_field[1])
        if self_assigned(folded, hints, writer):
            return PersonFinding(writer, spans)
        return chosen(text, folded, without_writer(hints, writer), spans, is_known_word, writer,
                      self._names, self._is_staff_word)

    def _is_staff_word(self, word: str) -> bool:
        return word in self.name_words or word in self._by_nickname or word in self._by_initials

    def _mentions(self, text: str, folded: str, hints: list[Hint], spans: list[Span]) -> None:
        for match in _SLACK_MENTION.finditer(text) if "<@" in text else ():
            spans.append(match.span())
            if _COPIED.search(text, max(0, match.start() - 300), match.start()):
                continue
            email = self._by_slack.get(match.group(1).upper())
            hints.append(
                Hint(match.start(), email, None if email else why.UNKNOWN_MENTION, ADDRESSEE)
            )
        for match in _TEAMS_MENTION.finditer(text) if "<at>" in folded else ():
            spans.append(match.span())
            if _COPIED.search(text, max(0, match.start() - 300), match.start()):
                continue
            said = tuple(map(squashed, name_words(match.group(1))))
            emails = self._by_full_name.get(said) or self._going_by(said) or (
                self._by_first_name.get(said[0]) if said else None
            ) or shown_as(said, self._by_last_name, self._first_name_of, self._by_first_name)
            hints.append(self._hint(match.start(), emails, match.group(1).strip(), ADDRESSEE))
        for match in _HANDLE.finditer(folded) if "@" in folded else ():
            handle = match["handle"].rstrip("._-")
            if handle in _EVERYONE or inside(match.start(), spans):
                continue  # "<@U123ABC>" is a Slack mention, not a handle
            initial = _HANDLE_INITIAL.match(text, match.end())
            if initial and (told := self._by_full_name.get((handle, initial[1].lower()))):
                spans.append((match.start(), initial.end()))  # "@Marie L.", of two Maries
                hints.append(self._hint(match.start(), told, "@" + handle, ADDRESSEE))
                continue
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
    ) -> Hint:
        if emails and len(emails) == 1:
            return Hint(position, next(iter(emails)), role=role)
        if emails:
            people = " or ".join(sorted(self._names.get(e, e) for e in emails))
            doubt = why.SEVERAL_PEOPLE.format(name=said, people=people)
            return Hint(position, None, doubt, role, could_be=frozenset(emails))
        return Hint(position, None, why.NOT_ON_ROSTER.format(name=said), role)

    def _named(
        self,
        text: str,
        folded: str,
        found: list[Word],
        naming: Naming,
        is_known_word: Callable[[str], bool],
        hints: list[Hint],
        spans: list[Span],
    ) -> None:
        resolved = self._name_at(text, found, naming, is_known_word)
        if resolved is None:
            if naming.strength == STRONG and self._unknown_person(
                text, found, naming.word, is_known_word, naming.role in GIVEN_WORK
            ):
                start, end, _ = found[naming.word]
                if found[naming.word][2] in HONORIFICS and naming.word + 1 < len(found):
                    end = found[naming.word + 1][1]  # "Mr. Hale", not "Mr"
                hints.append(self._hint(naming.at, None, text[start:end], naming.role))
            return
        emails, end = resolved
        if naming.strength != TO and naming.role != CLAIM and text.startswith(_POSSESSIVE, end):
            return  # "have Felix's notes ready": Felix's things, not Felix
        start = found[naming.word][0]
        spans.append((naming.at if naming.strength == TO else start, end))
        if not excluded(folded, end, naming.role == ADDRESSEE):
            hint = self._hint(naming.at, emails, text[start:end], naming.role)
            if naming.strength == TO and delivered_to(folded, end):
                hint = replace(hint, delivered=True)
            hints.append(hint)

    def _name_at(
        self, text: str, found: list[Word], naming: Naming, is_known_word: Callable[[str], bool]
    ) -> tuple[set[str], int] | None:
        """Who the words at `naming.word` name, and where the name ends; None if nobody."""
        index = naming.word
        if found[index][2] in HONORIFICS:
            return self._titled(text, found, index, naming.role == ADDRESSEE)
        for size in (3, 2):
            key = tuple(squashed(w[2]) for w in found[index : index + size])
            if len(key) == size and found[index + size - 1][0] - found[index][1] <= 3:
                emails = self._by_full_name.get(key)
                if emails:
                    return emails, found[index + size - 1][1]
        if naming.whole:
            return self._two_word_first_name(found, index, naming.exact)
        if naming.exact and index + 1 < len(found) and found[index + 1][2] in self._client_surnames:
            return None  # "dwayne pettaway came in …": a client's full name
        told = self._short_form_with_surname(text, found, index)
        if told:
            return told
        start, end, word = found[index]
        capitalised = text[start].isupper()
        following = found[index + 1][2] if index + 1 < len(found) else ""
        if not capitalised and (naming.strength == TO and following in _NOT_AFTER_NAME):
            return None
        if word in self._client_surnames and naming.strength != STRONG:
            # "for Garcia to sign", "Sullivan: send …": the client, unless the grammar says a
            # person is to act ("have Garcia draft …").
            if naming.strength == WEAK or word not in self._by_first_name:
                return None
        word = squashed(word)
        emails = self._by_first_name.get(word)
        if (emails is None and capitalised and not _names_a_firm(text, end, following)
                and not self._client_name_next(text, found, index)):
            emails = self._by_last_name.get(word) or initials_named(text[start:end], self._by_initials)
        if emails is None:
            # (a word of the task's own is no pet form: "Copy, …" is no Copeland)
            emails = self._short_form(word, capitalised, naming, not is_known_word(word))
        # A word of the task's own vocabulary is no misspelt name: "Rush — …" is not Ruth.
        if (
            emails is None
            and capitalised
            and word.isalpha()
            and word not in self._client_words
            and not is_known_word(word)
        ):
            emails = self._misspelt_first_name(word)
            if emails is None and naming.heard and (heard := self._sound_alikes.heard_as(word)):
                emails = self._by_first_name[heard]  # "Lewis, it's Jenna" for Luis
        return (emails, end) if emails else None

    def _client_name_next(self, text: str, found: list[Word], index: int) -> bool:
        """Whether a client's name goes on after the word, family name first ("Dang Van Loi
        —" is a client, not Minh Dang): a capitalised client word no one on the staff bears."""
        if index + 1 >= len(found):
            return False
        after, _, following = found[index + 1]
        return (
            after - found[index][1] <= 1 and text[after].isupper()
            and following in self._client_words and following not in self.name_words
        )  # fmt: skip

    def _two_word_first_name(
        self, found: list[Word], index: int, dictated: bool = False
    ) -> tuple[set[str], int] | None:
        """Who two words read as one name name when they are no first name and surname: the
        bearers of a double first name ("jo ellen" for Jo Ellen Vukovich), or, `dictated`, of
        the one name dictation split in two and maybe misheard ("mary sol" for Marisol)."""
        if index + 1 >= len(found):
            return None
        first, second = squashed(found[index][2]), squashed(found[index + 1][2])
        spelt = closest_spelling(first + second, self._first_name_spellings) if dictated else None
        if spelt is not None:
            return self._by_first_name[spelt], found[index + 1][1]
        fits = {
            email for email in self._by_first_name.get(first, ())
            if second in map(squashed, name_words(self._names[email])[1:-1])
        }  # fmt: skip
        return (fits, found[index + 1][1]) if fits else None

    def _titled(
        self, text: str, found: list[Word], index: int, spoken_to: bool = False
    ) -> tuple[set[str], int] | None:
        """Whom an honorific and a name name: "Mr. Rivera" by surname, "Miss Ophelia" by given
        name as Southern offices say it, "Miss O" by an initial; never a client ("Mr. Garcia"),
        unless `spoken_to` and set off by a comma ("Ms. Garcia, would you …": a client is
        never spoken to in a delegation, where "Mr. Garcia: …" heads their matter)."""
        if index + 1 >= len(found):
            return None
        start, end, said = found[index + 1]
        if start - found[index][1] > 2 or not text[start].isupper():
            return None
        said = squashed(said)
        if said in self._client_surnames and not (spoken_to and text.startswith(",", end)):
            return None
        if len(said) == 1:
            fits = {e for e, n in self._first_name_of.items() if n[0] == said}
            fits |= {e for e, n in self._last_name_of.items() if n[0] == said}
        else:
            fits = (self._by_last_name.get(said) or self._by_first_name.get(said)
                    or self._by_nickname.get(said) or set())  # fmt: skip
        return (fits, end) if fits else None

    def _short_form_with_surname(
        self, text: str, found: list[Word], index: int
    ) -> tuple[set[str], int] | None:
        """Who a capitalised short form with a surname or its initial names: "Jess N." or "Dan
        Oyelaran" picks one of two people whose given names it shortens, as a full name would."""
        if index + 1 >= len(found):
            return None
        (start, end, short), (after, last_end, surname) = found[index], found[index + 1]
        if not text[start].isupper() or after - end > 1 or not text[after].isupper():
            return None
        short = squashed(short)
        people = (self._by_nickname.get(short) or set()) | (self._nickname(short) or set())
        fits = {
            email for email in people
            if (last := self._last_name_of.get(email)) and (
                last == squashed(surname) or len(surname) == 1 and last[0] == surname)
        }  # fmt: skip
        return (fits, last_end) if len(fits) == 1 else None

    def _short_form(
        self, word: str, capitalised: bool, naming: Naming, pet: bool = True
    ) -> set[str] | None:
        """Whom a short form names: the nickname table's people ("can becca review …", even in
        lower case where the grammar has someone act; "to bill the client" is no Bill), and
        when written as a name or spoken to ("jo, can you …"), whoever's first name it begins.
        "Jo" for Joanna by the table and the beginning of Jolene is both, so asked about."""
        known = self._by_nickname.get(word) if capitalised or naming.strength != TO else None
        addressed = naming.role == ADDRESSEE and word not in _NOT_SHORT_FORMS and not naming.exact
        if not (capitalised or addressed):
            return known
        begun = self._nickname(word, _ADDRESSED_PREFIX if addressed else NICKNAME_PREFIX, pet)
        if addressed and pet and not known and not begun:  # "wierz, …" for Wierzbicki
            begun = clipped_surname(word, self._by_last_name)
        return (known | begun if known and begun else known or begun) or None

    def _nickname(
        self, word: str, shortest: int = NICKNAME_PREFIX, pet: bool = True
    ) -> set[str] | None:
        """Whom a short form names by the letters it shares with first names (short_forms.py)."""
        fits = begun_names(word, self._first_names, shortest, pet)
        return set().union(*(self._by_first_name[n] for n in fits)) if fits else None

    def _misspelt_first_name(self, word: str) -> set[str] | None:
        found = closest_spelling(word, self._first_name_spellings)
        return self._by_first_name[found] if found else None

    def _unknown_person(
        self,
        text: str,
        found: list[Word],
        index: int,
        is_known_word: Callable[[str], bool],
        given_only: bool = False,
    ) -> bool:
        """Whether the word where a person is named looks like a first name nobody on the roster
        has: capitalised and alone ("ask Zed to"); not an acronym ("ask IT to"), a client, a party
        to a case, a known word, or the start of a firm's name ("get Credit One to"). Where only
        the word's place says it is a name ("Zed to draft it", as "Need to file it"), it must
        be a given name."""
        start, end, spelled = found[index]
        if given_only and squashed(spelled) not in self._given_names:
            return False
        written = text[start:end]
        following = found[index + 1] if index + 1 < len(found) else None
        return (
            written[:1].isupper()
            and spelled.isalpha()
            and not (len(written) > 1 and written.isupper())
            # (a capitalised word on the next line is no part of the name: "Assigned: Zed\nNotes")
            and not (following and following[0] - end <= 1 and text[end : end + 1] != "\n"
                     and text[following[0]].isupper())
            and spelled not in self._not_people
            and spelled not in _GROUPS
            and not is_known_word(spelled)
        )


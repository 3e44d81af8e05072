"""Assignees named in the grammar around them: a secretary's "Per Mr. Lee: … he asks that Theo
…", "Ms. Ruiz or Mr. Lee" offered as alternatives, "This is a task for Mr. Lee", a name before
a bare verb ("Theo amend the schedule"), a name and initial proposed ("Kayla B maybe?"), a name
that is a noun before an article ("Faith the notes are …"), a name taken back for another, the
writer's wish of someone ("Nell, I'd like Theo to …"), work said to be "yours", a surname that
begins a firm's name, a name said after the news and before the pool is asked."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from tests.matching.bundled import firm_parser, reader, sure_assignee
from tests.matching.bundled import named_person as person

DEN = "America/Denver"
NOW = datetime(2027, 5, 4, 9, 0, tzinfo=ZoneInfo(DEN))  # a Tuesday

OTTO, PRUE = "otto.vasquez@larimer.test", "prue.castellano@larimer.test"
THEO, WREN = "theo.abernathy@larimer.test", "wren.lindqvist@larimer.test"
NELL = "nell.ostrander@larimer.test"
KAYLA_B, KAYLA_M = "kayla.brightwater@larimer.test", "kayla.munro@larimer.test"
FAITH = "faith.okonkwo@larimer.test"
ROSTER = (
    person(OTTO, "Otto Vasquez", "partner"),
    person(PRUE, "Prue Castellano", "associate"),
    person(THEO, "Theo Abernathy", "paralegal"),
    person(WREN, "Wren Lindqvist", "associate"),
    person(NELL, "Nell Ostrander", "legal_assistant"),  # writes for Mr. Vasquez
    person(KAYLA_B, "Kayla Brightwater", "associate"),
    person(KAYLA_M, "Kayla Munro", "paralegal"),
    person(FAITH, "Faith Okonkwo", "legal_assistant"),
)
MATTERS = (
    MatterRef("LR-1", "Basil Fenwick", "In re Fenwick"),
    MatterRef("LR-2", "Ida Marchbanks", "Marchbanks v. Summit Auto"),
    MatterRef("LR-3", "Dov Munro", "Munro v. Jefferson Lending"),  # Kayla Munro's surname
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, DEN, NELL)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # the one the work is asked of, not the one it is relayed from
        ("Per Mr. Vasquez: the trustee wants Mr. Fenwick's pay stubs (LR-1). Mr. Vasquez asks "
         "that Theo obtain them and place them in the file by Friday. — Nell", THEO),
        ("Good morning. Per Mr. Vasquez: Ms. Marchbanks called about the dealer's letter. He "
         "asks that Ms. Castellano call her back today. — N. Ostrander for O. Vasquez", PRUE),
        ("This is a task for Ms. Lindqvist, if she is free. The reply brief in Marchbanks is "
         "signed; please file it today.", WREN),
    ],
)
def test_the_one_asked_not_the_one_relayed_from(parser: Parser, text: str, who: str) -> None:
    assert sure_assignee(read(parser, text)) == (who, False)


@pytest.mark.parametrize(
    "text",
    [
        # nobody named to act: the one relayed from is no assignee
        "Per Mr. Vasquez: he will be in court all morning and will take no calls. — Nell",
        "Per Mr. Vasquez: Mr. Fenwick's pay stubs are to be obtained by Friday. — Nell",
    ],
)
def test_the_one_relayed_from_is_not_assigned(parser: Parser, text: str) -> None:
    assert read(parser, text).assignee is None


@pytest.mark.parametrize(
    "text",
    [
        "Per Mr. Vasquez: he asks that Ms. Castellano or Ms. Lindqvist take the Marchbanks "
        "memo, whichever has the time. By Friday. — Nell",
        "Marchbanks: have Prue or Wren draft the demand letter by Friday.",
    ],
)
def test_two_people_offered_as_alternatives_are_asked_about(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text)) == (None, True)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a name, then the bare verb of the work, no comma between
        ("Fenwick schedules reviewed, three fixes marked. Theo amend the schedules, I'll "
         "re-sign. By noon tomorrow.", THEO),
        # a name and a surname's initial proposed after a question to the pool
        ("can someone cover the 2pm status call on Marchbanks? I'm in court. just ask for 21 "
         "days. Kayla B maybe?", KAYLA_B),
        # a given name that is a noun, before an article: spoken to
        ("Faith the Fenwick intake notes are in the drive — can u send him the welcome letter "
         "today?", FAITH),
        ("faith the new client's forms are scanned, can u mail them to Mr. Fenwick today?",
         FAITH),
        # a name proposed and taken back at once, then the one meant
        ("Marchbanks — research memo on the dealer's bond. Otto? no — Theo. By Friday.", THEO),
        ("Marchbanks — research memo on the dealer's bond. Wren? nah, Prue. By Friday.", PRUE),
    ],
)
def test_names_the_grammar_sets_off(parser: Parser, text: str, who: str) -> None:
    assert sure_assignee(read(parser, text, OTTO)) == (who, False)


@pytest.mark.parametrize(
    "text",
    [
        # a word name that is a verb or a month opens a sentence: no one spoken to
        "Will the Fenwick answer be filed by Friday? pls check",
        "June the 3rd hearing in Marchbanks moved; please calendar it.",
    ],
)
def test_word_names_opening_a_sentence_speak_to_no_one(parser: Parser, text: str) -> None:
    assert read(parser, text, OTTO).assignee is None


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a title and a surname a client shares, spoken to with a comma: the staff member
        ("Ms. Munro, I shall be in Denver on Monday. Would you be kind enough to cover the "
         "Marchbanks hearing in my stead?", KAYLA_M),
        # the writer's wish of someone, said to another
        ("Nell,\n\nThe dealer's documents in Marchbanks came in. I would like Theo to go through "
         "them and list every gap by Monday, please.\n\nOtto", THEO),
        ("Fenwick — the trustee called again. Theo I want the amended schedules out by Friday. "
         "this one's important.", THEO),
        ("also need a dispute letter to Summit Auto on Marchbanks by tmrw. that one's yours "
         "wren if u want it", WREN),
    ],
)
def test_whom_the_writer_asks(parser: Parser, text: str, who: str) -> None:
    assert sure_assignee(read(parser, text, OTTO)) == (who, False)


@pytest.mark.parametrize(
    "text",
    [
        # the client, heading their matter
        "Mr. Munro: his landlord called again; please call him back today.",
        # a surname beginning a firm's name is no one on the staff
        "Anybody able to draft our first discovery to Ostrander Capital in Marchbanks? By Friday.",
    ],
)
def test_no_staff_member_is_named(parser: Parser, text: str) -> None:
    assert read(parser, text, OTTO).assignee is None


def test_one_named_in_the_news_before_the_pool_is_asked_is_asked_about(parser: Parser) -> None:
    text = ("Marchbanks — Summit agreed to $4,000!! sending the terms to Prue. can someone send "
            "Ms. Marchbanks a quick update, I'll call her tonight")
    assert sure_assignee(read(parser, text, OTTO)) == (None, True)


def test_one_thanked_then_asked_in_sentences_is_asked_about(parser: Parser) -> None:
    text = ("Thanks Theo. Let's take the Fenwick case — I'll do the engagement letter. Please "
            "call Mr. Fenwick back today and get his pay stubs.")
    assert sure_assignee(read(parser, text, OTTO)) == (None, True)


def test_one_thanked_in_a_list_item_of_their_own_is_only_thanked(parser: Parser) -> None:
    text = ("Before I leave:\n- Marchbanks: draft the dispute letters, need them Monday\n"
            "- Fenwick: binder looks great, thx Theo\n- LR-3: nothing new")
    assert sure_assignee(read(parser, text, OTTO)) == (None, False)

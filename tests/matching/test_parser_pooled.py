"""Requests put to the pool and dictated (issue 13, fifth round): a name that opens a text asking
"could someone …", news-only questions, names taken back, a given name with an initial, dictated
openers; organisations named by the word before "Cooperative", everyday first words of their
names, and a guessed "the X one?" that settles no shared surname."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import AMBIGUOUS_MATTER_WARNING, Parser
from matching.parse.asked_why import NO_ACTION
from matching.parse.client_names import clipped_key, inner_organisation_keys, organisation
from matching.parse.doer import QUESTIONED, signs_in, taken_back_until
from tests.matching.bundled import (
    firm_parser,
    reader,
    sure_assignee,
    sure_matter,
)
from tests.matching.bundled import named_person as person

DEN = "America/Denver"
NOW = datetime(2027, 5, 11, 9, 40, tzinfo=ZoneInfo(DEN))  # a Tuesday

ROZ, INES, DWIGHT = "r.achebe@larch.test", "ines.marchetti@larch.test", "dwight.k@larch.test"
PAT, YUSUF, NOOR = "pat.greer@larch.test", "yusuf.amari@larch.test", "noor.haddon@larch.test"
MARTA_L, MARTA_O = "marta.lind@larch.test", "marta.okonkwo@larch.test"
ROSTER = (
    person(ROZ, "Rosalind Achebe", "partner"),
    person(INES, "Ines Marchetti", "associate", "U7INES"),
    person(DWIGHT, "Dwight Kessler", "paralegal"),
    person(PAT, "Pat Greer", "paralegal"),
    person(YUSUF, "Yusuf Amari", "paralegal"),
    person(NOOR, "Noor Haddon", "associate", "U7NOOR"),
    person(MARTA_L, "Marta Lindqvist", "associate"),
    person(MARTA_O, "Marta Okonkwo", "paralegal"),
)
LARKSPUR, OPEN_DOOR, DORA, SILAS, OKAFOR = "LT-11", "LT-12", "LT-13", "LT-14", "LT-15"
MATTERS = (
    MatterRef(LARKSPUR, "Millbrook Larkspur Cooperative, Inc.",
              "Millbrook Larkspur Cooperative / Front Range Water billing"),
    MatterRef(OPEN_DOOR, "Open Door Housing Cooperative", "Open Door / Halvorsen Properties"),
    MatterRef(DORA, "Dora Pruett", "Pruett / Northern Electric shut-off"),
    MatterRef(SILAS, "Silas Pruett", "Kestrel Credit v. Pruett (county court)"),
    MatterRef(OKAFOR, "Wilhelmina Okafor", "Okafor / security deposit"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, DEN)




# ---------------------------------------------------------------------------------------------
# Matter
# ---------------------------------------------------------------------------------------------


def test_an_organisations_name_before_its_word_of_organising_is_an_inner_key() -> None:
    core = organisation("Millbrook Larkspur Cooperative, Inc.")
    assert core is not None and ("larkspur",) in inner_organisation_keys(core)
    tenants = organisation("Suncrest Valley Tenants Association")
    assert tenants is not None and inner_organisation_keys(tenants) == set()


def test_only_an_everyday_first_word_is_clipped() -> None:
    assert clipped_key(("open", "door", "housing", "cooperative")) == ("open",)
    assert clipped_key(("larkspur", "commons")) is None
    assert clipped_key(("open",)) is None


@pytest.mark.parametrize(
    "text",
    [
        "please calendar the Larkspur co-op board meeting, 5/20 at 6",
        "Larkspur: the water company sent another notice. Research memo by Friday please.",
        "can someone pull the Larkspur coop's ledger today",
    ],
)
def test_an_organisation_named_by_the_word_before_cooperative_is_its_matter(
    parser: Parser, text: str
) -> None:
    assert sure_matter(read(parser, text)) == (LARKSPUR, False)


@pytest.mark.parametrize(
    "text",
    [
        "Out at a hearing this morning. Open again after lunch if anyone needs me.",
        "In court all day. Back tomorrow.",
    ],
)
def test_an_everyday_word_opening_a_sentence_names_no_organisation(
    parser: Parser, text: str
) -> None:
    assert sure_matter(read(parser, text)) == (None, False)


@pytest.mark.parametrize(
    "text",
    [
        "Open Door: Halvorsen's counsel called again, please draft a reply by Thursday",
        "please draft the reply in the Open Door matter by Thursday",
    ],
)
def test_an_organisation_with_an_everyday_first_word_is_still_named_where_a_name_is_meant(
    parser: Parser, text: str
) -> None:
    assert sure_matter(read(parser, text)) == (OPEN_DOOR, False)


def test_a_case_the_writer_only_guesses_leaves_a_shared_surname_asked_about(
    parser: Parser,
) -> None:
    draft = read(parser, "A Mr. Pruett called (maybe the Kestrel one?), can someone call him back")
    assert sure_matter(draft) == (None, True)
    assert dict(draft.unsure_reasons)["matter"] == AMBIGUOUS_MATTER_WARNING
    said = "A Mr. Pruett called about the Kestrel one, can someone call him back today"
    assert sure_matter(read(parser, said)) == (SILAS, False)


# ---------------------------------------------------------------------------------------------
# Assignee
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dwight. A tenant left a voicemail about her deposit. Could someone call her back today?",
        "Ines — quick one, sorry: is there anyone who could pull the lease off the portal?",
        "Yusuf — I'm conflicted out of the Okafor file after all. Could somebody else take the "
        "deposit letter? Friday is fine.",
    ],
)
def test_a_name_opening_a_text_that_asks_the_pool_is_no_assignee(
    parser: Parser, text: str
) -> None:
    assert sure_assignee(read(parser, text)) == (None, False)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Ines, could you pull the lease? If you're swamped could someone else grab it.", INES),
        ("Dwight — hand the deposit letter to whoever is free.", DWIGHT),
    ],
)
def test_a_name_opening_a_text_that_asks_them_or_has_them_hand_it_on_still_counts(
    parser: Parser, text: str, who: str
) -> None:
    assert read(parser, text).assignee == who


def test_signs_in_needs_the_text_to_open_with_the_name_and_ask_the_pool() -> None:
    assert signs_in("pat. could someone call her?", 0)
    assert not signs_in("hi. pat, could someone call her?", 5)
    assert not signs_in("pat. could you call her?", 0)
    assert not signs_in("<@u1> could someone call her?", 0)


def test_just_an_fyi_asks_nothing_of_the_one_named(parser: Parser) -> None:
    draft = read(parser, "Noor — the Okafor reply is done and in the folder. Just an FYI.")
    assert sure_assignee(draft) == (None, True)
    assert dict(draft.unsure_reasons)["assignee"] == NO_ACTION


def test_a_person_taken_back_gives_way_to_the_one_named_after(parser: Parser) -> None:
    text = "Yusuf pls draft the Okafor demand — actually scratch that, he's out. Noor, you do it."
    assert sure_assignee(read(parser, text)) == (NOOR, False)
    assert taken_back_until("a. never mind. b") == len("a. never mind")
    assert taken_back_until("no retraction here") == 0


@pytest.mark.parametrize(
    "text",
    [
        "Okafor: the hearing is 6/2. Noor, where are we on the reply? Meanwhile someone please "
        "pull the ledger from the landlord's portal by Friday.",
        "<@U7INES> random q — do you know if the county clerk still takes paper filings?",
    ],
)
def test_one_only_asked_for_news_is_asked_about(parser: Parser, text: str) -> None:
    draft = read(parser, text)
    assert "assignee" in draft.unsure
    assert dict(draft.unsure_reasons)["assignee"] == QUESTIONED


def test_a_question_leading_into_work_asked_of_them_stays_sure(parser: Parser) -> None:
    text = "Noor, any update on the Okafor reply? Please file it by Friday."
    assert sure_assignee(read(parser, text)) == (NOOR, False)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Okafor – deposit demand letter. Marta O. Friday.", MARTA_O),
        ("Okafor - reply to the landlord. Marta L.", MARTA_L),
    ],
)
def test_a_given_name_with_an_initial_alone_is_the_assignee(
    parser: Parser, text: str, who: str
) -> None:
    assert sure_assignee(read(parser, text)) == (who, False)


@pytest.mark.parametrize(
    "text",
    [
        "Marta O. wants someone to draft the Okafor deposit letter by Friday.",
        "Hi, Marta O. here. Could someone draft the Okafor deposit letter?",
    ],
)
def test_a_given_name_with_an_initial_that_goes_on_is_no_assignee(
    parser: Parser, text: str
) -> None:
    assert read(parser, text).assignee is None


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Ines its Roz period please draft the reply to Halvorsen by Friday", INES),
        ("pat for Okafor period please pull the deposit receipts from the client by Monday",
         PAT),
    ],
)
def test_dictated_openers_speak_to_the_one_named(parser: Parser, text: str, who: str) -> None:
    assert sure_assignee(read(parser, text)) == (who, False)


def test_a_task_word_heading_a_client_is_no_one_spoken_to(parser: Parser) -> None:
    text = "draft for Okafor period please get the deposit letter out by Monday"
    assert read(parser, text).assignee is None

"""Which client's matter a text means when it names others as context: the case keeping someone
busy or away, earlier work that credits someone; the words that settle one of a client's cases
(a caption's initials, "not X's"); a client's name in lower case or misheard."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from tests.matching.bundled import firm_parser, reader, sure_matter
from tests.matching.bundled import named_person as person

CHI = "America/Chicago"
NOW = datetime(2029, 3, 13, 9, 0, tzinfo=ZoneInfo(CHI))  # a Tuesday

ROSTER = (
    person("odile.brannock@firm.test", "Odile Brannock", "partner"),
    person("perpetua.vance@firm.test", "Perpetua Vance", "associate"),
    person("tobiah.crane@firm.test", "Tobiah Crane", "paralegal"),
)
QUILLAN, TREMAYNE, OSSORY = "K-01", "K-02", "K-03"
VARGO_DEBT, VARGO_FDCPA, AGNES_PELLOW, DORIAN_PELLOW = "K-04", "K-05", "K-06", "K-07"
MIREILLE_VANCE = "K-08"  # her surname is also a staff member's
MATTERS = (
    MatterRef(QUILLAN, "Hester Quillan", "Loamfield Credit v. Quillan (credit card)"),
    MatterRef(TREMAYNE, "Bartholomew Tremayne", "Tremayne - repossession (pre-suit)"),
    MatterRef(OSSORY, "Ines Ossory", "Ossory v. Kestrel Auto Sales (fraud)"),
    MatterRef(VARGO_DEBT, "Colm Vargo",
              "Marrow Ridge Acquisitions, LLC v. Vargo (County Court, collections)"),
    MatterRef(VARGO_FDCPA, "Colm Vargo", "Vargo v. Marrow Ridge Acquisitions, LLC (FDCPA)"),
    MatterRef(AGNES_PELLOW, "Agnes Pellow", "In re Agnes Pellow, Chapter 7"),
    MatterRef(DORIAN_PELLOW, "Dorian Pellow", "Brackwater Funding v. Pellow (justice court)"),
    MatterRef(MIREILLE_VANCE, "Mireille Vance", "Vance v. Drumlin Motors (auto fraud)"),
)  # fmt: skip


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, CHI)


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("Tobiah, can you cover the Quillan pretrial Thursday at 9? I'm in federal court that "
         "morning on Tremayne.", QUILLAN),
        ("I'm buried in Ossory — could you send Mr. Tremayne the hearing notice today?",
         TREMAYNE),
        ("Perpetua you've got the Quillan answer now. Tobiah is on Ossory.", QUILLAN),
        ("can u cover the tremayne hrg by phone? ill be in springfield on quillan", TREMAYNE),
        ("Odile has the Ossory conference, so Perpetua please take the Quillan call at 2.",
         QUILLAN),
        ("pls draft the Ossory demand off the same template you used for Quillan", OSSORY),
        ("Perpetua if you have room, you did the Tremayne memo: same research for Ossory by Fri",
         OSSORY),
        ("she's slammed w/ Quillan, so Tobiah pls pull the Tremayne repo notice", TREMAYNE),
    ],
)  # fmt: skip
def test_a_client_named_as_what_keeps_someone_busy_or_as_earlier_work_is_not_the_tasks(
    parser: Parser, text: str, matter: str
) -> None:
    assert sure_matter(read(parser, text)) == (matter, False)


def test_a_client_named_only_as_what_keeps_someone_busy_still_names_the_matter(
    parser: Parser,
) -> None:
    draft = read(parser, "Tobiah is on Quillan all week; can someone else take his calls?")
    assert sure_matter(draft) == (QUILLAN, False)


def test_work_handed_over_is_not_what_keeps_someone_busy(parser: Parser) -> None:
    # "you've got the Quillan answer" hands the work over; the writer is the one kept busy.
    draft = read(parser, "Perpetua, you've got the Quillan answer now; I'm buried in Ossory.")
    assert sure_matter(draft) == (QUILLAN, False)


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("pls get the answer in MRA v. Vargo filed by thurs", VARGO_DEBT),
        ("Vargo v. MRA: the 26(f) report is due Friday, can you draft it?", VARGO_FDCPA),
    ],
)
def test_a_captions_initials_settle_a_clients_case_despite_a_comma_before_llc(
    parser: Parser, text: str, matter: str
) -> None:
    assert sure_matter(read(parser, text)) == (matter, False)


def test_a_client_said_not_to_be_meant_leaves_the_one_that_is(parser: Parser) -> None:
    draft = read(parser, "Tobiah take the Pellow letters pls (Brackwater one, not Agnes's)")
    assert sure_matter(draft) == (DORIAN_PELLOW, False)


@pytest.mark.parametrize(
    "text",
    [
        "Tobiah — dealer's counsel on vance served their RFPs 11/12. pls calendar our response",
        "quick q for anyone: does the dealer have to return the trade-in? just for the vance memo",
    ],
)
def test_a_lower_case_surname_a_staff_member_shares_names_the_case_in_a_case_slot(
    parser: Parser, text: str
) -> None:
    assert read(parser, text).matter == MIREILLE_VANCE


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("hester quillon called she got a new letter can somebody send the validation request",
         QUILLAN),
        ("can you draft a demand to kestrel auto for ines osery by friday", OSSORY),
    ],
)
def test_a_clients_given_name_before_a_near_spelling_of_her_surname_names_her(
    parser: Parser, text: str, matter: str
) -> None:
    assert sure_matter(read(parser, text)) == (matter, False)


def test_a_capitalised_surname_two_letters_off_is_someone_else(parser: Parser) -> None:
    assert read(parser, "Ines Osery called about a new lease; can someone call her?").matter is None


@pytest.mark.parametrize(
    "text",
    [
        "Three things:\n1. The Tremayne file needs the repo notice pulled. This is the one I care "
        "about - by Wednesday, please.\n2. Someone should look at the Quillan SOL question.\n"
        "3. The holiday notice should go on the website.",
        "mon list\n- Quillan: call Loamfield counsel (me)\n- Tremayne: pull the repo notice, due "
        "wed\nTremayne is the one that can't slip",
    ],
)
def test_the_item_a_list_marks_as_the_one_that_matters_names_the_matter(
    parser: Parser, text: str
) -> None:
    assert sure_matter(read(parser, text)) == (TREMAYNE, False)

"""Requests relayed and queued (issue 13, fourth round): forwarded e-mail, people named by a given
name and an initial, names asked mid-sentence or taken back, work handed on or offered back,
captions that tell one client's cases apart, and priority words inside place names."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from matching.parse.asked_why import CONTEXT_GUESS_WARNING
from matching.parse.doer import DELIVERED, OFFERED, QUESTIONED, ROUTING
from matching.parse.forwarded import quoted_spans
from matching.parse.priority import priority_and_spans
from matching.text import fold
from tests.matching.bundled import (
    firm_parser,
    reader,
    sure_assignee,
    sure_matter,
)
from tests.matching.bundled import named_person as person

BOI = "America/Boise"
NOW = datetime(2027, 3, 9, 10, 5, tzinfo=ZoneInfo(BOI))  # a Tuesday

PRIYANKA, TOBIAS, WENDELL = "priyanka.dole@cedarhollow.test", "t.renner@ch.test", "wp@ch.test"
AARON_F, AARON_M = "aaron.fisk@cedarhollow.test", "aaron.moody@cedarhollow.test"
JESS_W, JESS_H = "jessica.wilde@cedarhollow.test", "jessica.hale@cedarhollow.test"
NATE, APRIL, MARGARET = "n.crowe@ch.test", "april.sandoval@ch.test", "m.oduya@ch.test"
ROSTER = (
    person(PRIYANKA, "Priyanka Dole", "partner"),
    person(TOBIAS, "Tobias Renner", "associate"),
    person(WENDELL, "Wendell Price", "associate"),
    person(AARON_F, "Aaron Fisk", "paralegal"),
    person(AARON_M, "Aaron Moody", "paralegal"),
    person(JESS_W, "Jessica Wilde", "paralegal"),
    person(JESS_H, "Jessica Hale", "paralegal"),
    person(NATE, "Nathaniel Crowe", "legal_assistant"),
    person(APRIL, "April Sandoval", "legal_assistant"),
    person(MARGARET, "Margaret Oduya", "legal_assistant"),
)
VASQUEZ_REPO, VASQUEZ_CH7 = "CH-101", "CH-102"
OAKES_FDCPA, OAKES_SUIT = "CH-103", "CH-104"
CREAMERY, MENSAH = "CH-105", "CH-106"
IBARRA_FCRA, IBARRA_SUIT = "CH-107", "CH-108"
MATTERS = (
    MatterRef(VASQUEZ_REPO, "Corinne Vasquez", "Vasquez v. Harlan Auto Finance (repossession)"),
    MatterRef(VASQUEZ_CH7, "Corinne Vasquez", "In re Corinne Vasquez (Chapter 7)"),
    MatterRef(OAKES_FDCPA, "Desmond Oakes", "Oakes v. Pellham Recovery (FDCPA)"),
    MatterRef(OAKES_SUIT, "Desmond Oakes", "Pellham Recovery v. Oakes (collection suit)"),
    MatterRef(CREAMERY, "Juniper Ridge Creamery LLC",
              "Tollgate Leasing v. Juniper Ridge Creamery LLC"),
    MatterRef(MENSAH, "Obi Mensah", "Mensah v. Equifax"),
    MatterRef(IBARRA_FCRA, "Lena Ibarra", "Ibarra v. Trans Union (FCRA)"),
    MatterRef(IBARRA_SUIT, "Lena Ibarra", "Midwest Credit v. Ibarra (small claims)"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, BOI)




# ---------------------------------------------------------------------------------------------
# Forwarded e-mail

FORWARDED_ABOVE = (
    "FW: the car\n\nCan someone call her back today and explain the redemption right?\n\n"
    "From: Corinne Vasquez <cvasquez@mail.test>\nSent: Monday, March 8, 2027 9:40 PM\n"
    "To: Tobias Renner\nSubject: the car\n\nPlease help ASAP, they took it this morning."
)
FORWARDED_BELOW = (
    "FW: Oakes offer\n\nFrom: Carla Pinto <cp@pellhamlaw.test>\nDate: March 8, 2027\n"
    "To: Priyanka Dole\nSubject: Oakes\n\nPriyanka, we need an answer urgently.\nCarla Pinto\n\n"
    "---\nWendell, please draft a short reply turning it down."
)


def test_forwarded_messages_run_from_their_header_to_a_ruled_line_or_the_end() -> None:
    above = quoted_spans(FORWARDED_ABOVE)
    assert len(above) == 1 and FORWARDED_ABOVE[slice(*above[0])].startswith("From: Corinne")
    assert above[0][1] == len(FORWARDED_ABOVE)
    below = quoted_spans(FORWARDED_BELOW)
    assert len(below) == 1 and "Wendell" not in FORWARDED_BELOW[slice(*below[0])]


@pytest.mark.parametrize(
    "text",
    [
        "From: the client's bank statements, pull every NSF fee.\nThen total them.",
        "Please draft the letter to Pellham.\nThanks",
    ],
)
def test_text_with_no_mail_header_quotes_nothing(text: str) -> None:
    assert quoted_spans(text) == []


def test_reply_quotes_and_their_lines_are_quoted() -> None:
    text = "Tobias, please look at this.\n\nOn Mon, Mar 8, 2027, Obi Mensah wrote:\n> help me"
    assert quoted_spans(text) == [(text.index("On Mon"), len(text))]
    lines = "see below\n> Wendell said to call\n> asap\nAaron M., can you call him?"
    assert len(quoted_spans(lines)) == 2


def test_people_and_urgency_inside_a_forwarded_message_are_not_the_writers(
    parser: Parser,
) -> None:
    above = read(parser, FORWARDED_ABOVE)
    assert sure_assignee(above) == (None, False)
    assert above.priority == "normal"
    below = read(parser, FORWARDED_BELOW)
    assert sure_assignee(below) == (WENDELL, False)
    assert below.priority == "normal"


# ---------------------------------------------------------------------------------------------
# Priority words inside names


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("She lives out past Rush Valley, so please call her instead of a visit.", "normal"),
        ("He was taken to Urgent Care Monday; please get the bills from him.", "normal"),
        ("Rush - the Oakes answer is due today, please draft it.", "urgent"),
        ("The Oakes answer is URGENT Please draft it.", "urgent"),
        ("Please draft it, this one is urgent.", "urgent"),
    ],
)
def test_a_priority_word_going_on_as_a_proper_name_asks_for_nothing(
    text: str, priority: str
) -> None:
    assert priority_and_spans(fold(text), text)[0] == priority


# ---------------------------------------------------------------------------------------------
# Assignee: initials, short forms with surnames, fillers, notes, names asked mid-sentence


@pytest.mark.parametrize(
    ("text", "assignee"),
    [
        ("The Mensah dispute letter is back. Aaron M., please log it and diary 30 days.", AARON_M),
        ("Aaron F.: pull the Mensah credit report by Thursday.", AARON_F),
        ("FW: statements\n\nJess H., can you scan what Mensah dropped off?", JESS_H),
        ("Jess Wilde, could you calendar the Mensah status call?", JESS_W),
        ("Mensah call went fine. Also Maggie, pls send him the retainer copy.", MARGARET),
        ("to nate: mensah still owes us his pay stubs. pls chase them today", NATE),
        ("Monday morning April please call Mr. Mensah about the hearing.", APRIL),
    ],
)
def test_a_person_named_as_their_colleagues_tell_them_apart_is_the_assignee(
    parser: Parser, text: str, assignee: str
) -> None:
    assert sure_assignee(read(parser, text)) == (assignee, False)


@pytest.mark.parametrize(
    "text",
    [
        "Aaron, please log the Mensah letter.",  # two Aarons: asked
        "Jess, can you scan what Mensah dropped off?",  # two Jessicas: asked
    ],
)
def test_a_given_name_two_people_share_is_still_asked_about(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text)) == (None, True)


def test_a_month_after_a_preposition_is_no_one_spoken_to(parser: Parser) -> None:
    draft = read(parser, "The Mensah hearing moved to April please calendar it.")
    assert sure_assignee(draft) == (None, False)


def test_a_name_put_as_a_question_and_taken_back_is_no_assignee(parser: Parser) -> None:
    text = "Can someone proof the Mensah brief? Wendell? no, he's in trial all week."
    assert sure_assignee(read(parser, text)) == (None, False)
    still = "Can someone proof the Mensah brief? Wendell? no rush on it."
    assert sure_assignee(read(parser, still)) == (WENDELL, False)


@pytest.mark.parametrize(
    ("text", "assignee", "reason"),
    [
        ("Wendell - the Mensah brief needs a cite check. Hand it to whoever is free.",
         WENDELL, ROUTING),
        ("Tobias, can you call Mr. Mensah back, or should I?", TOBIAS, OFFERED),
        ("1. Tobias - how did the Mensah deposition go?\n"
         "2. Please pull the Creamery lease file by Thursday.", TOBIAS, QUESTIONED),
        ("pls handle: a two-page chronology for Mensah, to Priyanka by noon tomorrow",
         PRIYANKA, DELIVERED),
    ],
)  # fmt: skip
def test_a_person_who_may_not_be_the_one_to_do_it_is_asked_about(
    parser: Parser, text: str, assignee: str, reason: str
) -> None:
    draft = read(parser, text)
    assert sure_assignee(draft) == (assignee, True)
    assert dict(draft.unsure_reasons)["assignee"] == reason


@pytest.mark.parametrize(
    "text",
    [
        "summarize the Mensah file to Priyanka by Friday",  # a dictated tag: no ask of the reader
        "Tobias - any news on Mensah? Please get the report to him by Friday.",
    ],
)
def test_a_tag_or_a_question_leading_into_the_ask_stays_sure(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text))[1] is False


# ---------------------------------------------------------------------------------------------
# Matters: captions, a company by its trade, a possessive without its apostrophe


@pytest.mark.parametrize(
    ("text", "matter"),
    [
        ("In re Vasquez: the trustee wants her last two tax returns, Harlan Auto too.",
         VASQUEZ_CH7),
        ("Pellham Recovery v. Oakes: please calendar the pretrial.", OAKES_SUIT),
        ("Oakes v. Pellham: please draft the initial disclosures.", OAKES_FDCPA),
        ("please e-file our appearance in Pellham Recovery versus Oakes today", OAKES_SUIT),
        ("can someone pull the lease from the creamery file?", CREAMERY),
        ("mensahs getting letters again. pls draft another dispute", MENSAH),
        ("the Ibarra Trans Union dispute needs a follow-up letter", IBARRA_FCRA),
    ],
)  # fmt: skip
def test_a_caption_or_a_name_as_firms_write_it_settles_the_matter(
    parser: Parser, text: str, matter: str
) -> None:
    assert sure_matter(read(parser, text)) == (matter, False)


def test_a_party_named_apart_from_a_client_with_two_matters_is_asked_about(
    parser: Parser,
) -> None:
    draft = read(parser, "Trans Union's lawyer called about Lena Ibarra. Can you call him back?")
    assert sure_matter(draft) == (IBARRA_FCRA, True)
    assert dict(draft.unsure_reasons)["matter"] == CONTEXT_GUESS_WARNING


def test_a_memo_the_writer_heads_is_no_forwarded_message(parser: Parser) -> None:
    text = "From: Priyanka\nTo: Wendell\nRe: Mensah\n\nPlease draft the reply to Equifax by Friday."
    assert quoted_spans(text) == []
    assert sure_assignee(read(parser, text)) == (WENDELL, False)


def test_a_day_relayed_to_a_client_named_in_full_is_no_deadline(parser: Parser) -> None:
    # the client's name is blanked out before the deadline is read: "let          know"
    draft = read(parser, "can someone let Obi Mensah know we got the Equifax file, and that "
                         "Tobias will call him Friday at 11?")
    assert draft.due_at is None and "due_at" not in draft.unsure

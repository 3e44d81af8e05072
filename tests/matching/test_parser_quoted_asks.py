"""Task type in replies that quote a question, in status questions and in notices: the ask is
the writer's own words, never the quoted ones, and asking whether work was done is no ask."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from matching.parse.asks import asides, cues
from matching.second_opinion import QUOTE, normalise
from matching.text import fold
from tests.matching.bundled import firm_parser, reader
from tests.matching.bundled import named_person as person

TZ = "America/Anchorage"
NOW = datetime(2027, 5, 11, 9, 30, tzinfo=ZoneInfo(TZ))  # a Tuesday
ROSTER = (
    person("odette.blum@spruceharbor.test", "Odette Blum", "partner"),
    person("kirill.vance@spruceharbor.test", "Kirill Vance", "associate"),
    person("maeve.tuttle@spruceharbor.test", "Maeve Tuttle", "paralegal"),
)
MATTERS = (
    MatterRef("SH-201", "Wendell Ashcroft", "Ashcroft v. Northgate Recovery (FDCPA)"),
    MatterRef("SH-202", "Priya Lindqvist", "Lindqvist v. Talon Credit (FCRA)"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER, nicknames=False)


read = reader(NOW, TZ)


@pytest.mark.parametrize(
    "text",
    [
        "> could someone send Northgate a validation request for Ashcroft\n\non it, Kirill",
        "> Maeve can you draft the Lindqvist dispute letters?\n\nSure thing, after lunch.",
        "> anyone free to file the Ashcroft complaint today\n\nNot me, I'm conflicted out.",
    ],
)
def test_a_reply_that_only_answers_a_quoted_ask_delegates_no_type(
    parser: Parser, text: str
) -> None:
    assert read(parser, text).task_type is None


def test_a_new_ask_after_a_quoted_question_is_read_from_the_reply(parser: Parser) -> None:
    text = (
        "> Kirill, can you attend the Ashcroft status conference at 2?\n\n"
        "Yes. Maeve, could you send Northgate a cease and desist letter for Mr. Ashcroft today?"
    )
    assert read(parser, text).task_type == "cease_desist_letter"


def test_quoted_lines_are_asides_and_cues_come_from_the_reply() -> None:
    text = "> pls draft the answer\n\nthanks, will do"
    folded = fold(text)
    quoted = [(0, text.index("\n"))]
    found = cues(text, folded, quoted)
    assert quoted[0] in found.asides
    assert all(at >= quoted[0][1] for at in found.direct)


@pytest.mark.parametrize(
    "text",
    [
        "Did the Ashcroft validation letter go out yet? Just checking before I reply to them.",
        "Has anyone filed the Lindqvist complaint? The clerk asked.",
        "Could someone tell me whether the Ashcroft demand letter was sent?",
    ],
)
def test_asking_whether_work_was_done_names_it_only_as_a_topic(
    parser: Parser, text: str
) -> None:
    folded = fold(text)
    assert any(start == 0 and folded[end - 1] == "?" for start, end in asides(folded))
    assert read(parser, text).task_type is None


def test_a_request_after_a_status_question_is_still_asked(parser: Parser) -> None:
    text = "Did anyone update Ms. Lindqvist? If not, can you call her today and update her."
    assert read(parser, text).task_type == "client_update"


def test_the_writer_offering_to_do_it_asks_nothing() -> None:
    folded = fold("Maeve - want me to have him mail the statements in, or bring them by?")
    assert any(folded[s:e].startswith("want me to") for s, e in asides(folded))


@pytest.mark.parametrize(
    "text",
    [
        "FYI the court's e-filing site is down this morning; anything to be filed I'll take over.",
        "Heads up: I'm out Thursday, the Lindqvist documents are already reviewed.",
    ],
)
def test_a_notice_with_no_words_of_asking_gets_no_type(parser: Parser, text: str) -> None:
    assert read(parser, text).task_type is None


def test_a_notice_that_asks_keeps_its_type(parser: Parser) -> None:
    text = "FYI Talon answered. Can someone draft our first set of interrogatories to Talon?"
    assert read(parser, text).task_type == "discovery_requests"


def test_normalise_turns_quoted_lines_into_one_placeholder() -> None:
    text = "> can you call Wendell Ashcroft\n> about the hearing\n\ndone, he's fine"
    assert normalise(text) == f"{QUOTE} done, he's fine"
    assert normalise("the balance is > 500 dollars") == "the balance is > xnum dollars"

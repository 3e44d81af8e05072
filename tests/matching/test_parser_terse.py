"""Assignee and priority as terse chat writers put them: a surname's initial before an ask,
text-speak, names standing alone in a list or closing the text, "Name verb" shares of the work,
several people spoken to at once, work offered to two people, and "whenever" in a mere report."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from matching.parse.asked_why import SIGNED_OR_ASKED
from matching.parse.assigning import SEVERAL_ASKED
from matching.parse.doer import OFFERED, OFFERED_TO_TWO
from tests.matching.bundled import firm_parser, reader, sure_assignee
from tests.matching.bundled import named_person as person

PHX = "America/Phoenix"
NOW = datetime(2027, 3, 9, 10, 5, tzinfo=ZoneInfo(PHX))  # a Tuesday

NORA_F, NORA_Q, INES = "nora.fisk@bramble.test", "nora.quell@bramble.test", "ines.marr@bramble.test"
PILAR, WES, THEODORA = "pilar.voss@bramble.test", "wes@bramble.test", "t.pike@bramble.test"
ROSTER = (
    person(NORA_F, "Nora Fisk", "paralegal"),
    person(NORA_Q, "Nora Quell", "associate"),
    person(INES, "Ines Marr", "associate"),
    person(PILAR, "Pilar Voss", "legal_assistant"),
    person(WES, "Wesley Tolliver", "paralegal"),
    person(THEODORA, "Theodora Pike", "partner"),
)
HARTWELL = "BW-31"
MATTERS = (MatterRef(HARTWELL, "Olin Hartwell", "Copperline Credit v. Hartwell"),)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, PHX)



@pytest.mark.parametrize(
    ("text", "who"),
    [
        # A surname's initial tells two Noras apart right before the ask.
        ("Hartwell ledger came in. Nora F. pls reconcile it against the complaint", NORA_F),
        ("Hartwell hearing moved to Thurs. Nora Q. can u cover?", NORA_Q),
        ("Nora Q. please? Hartwell answer, by fri", NORA_Q),
        # Text-speak for "you're".
        ("Copperline offered 30%. Ines ur closer w/ their counsel, can u counter?", INES),
        # A name standing as an item of a semicolon list.
        ("Hartwell: pull the pay history; Pilar; mon 9", PILAR),
        # A name closing an ask after a comma.
        ("Hartwell pretrial 3/30. calendar it pls, Wes", WES),
        # "Name verb": the terse share-out of the work; the reviewer does a later step.
        ("Hartwell rogs due soon. Wes draft, Ines review. fri", WES),
        ("Hartwell — the answer. Ines take over from Wes, he's swamped. by Thurs", INES),
        # Several spoken to, then one of them named for the work.
        ("Pilar, Wes: the Hartwell letters came in. Wes, please scan them to the file", WES),
    ],
)
def test_terse_writers_name_the_doer(parser: Parser, text: str, who: str) -> None:
    assert sure_assignee(read(parser, text)) == (who, False)


@pytest.mark.parametrize(
    "text",
    [
        # Offered to several at once: whoever is free takes it.
        "Pilar, Wes — whoever's free: scan the Hartwell letters",
        # A sentence's opening word is no short form of a name ("The" for Theodora).
        "Please draft the Hartwell answer. The research relates to the 2019 assignment.",
        # "Wes draft" is his draft, when it is attached.
        "Wes draft attached for the Hartwell answer, please file it today",
        # A name after the text asks the pool signs it.
        "Could someone please scan the Hartwell letters by Friday? Thanks so much. Theodora",
        "Team, the Hartwell letters came in. Please scan them by Friday. Theodora",
    ],
)
def test_nobody_in_particular_is_named(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text)) == (None, False)


def test_several_spoken_to_at_once_are_asked_about(parser: Parser) -> None:
    draft = read(parser, "Pilar and Wes, please scan the Hartwell letters by Friday")
    assert (draft.assignee, draft.reason("assignee")) == (None, SEVERAL_ASKED)


def test_a_name_closing_the_text_may_sign_it_so_it_is_asked_about(parser: Parser) -> None:
    draft = read(parser, "Hartwell: pull the dealer jacket + payment history. today. Pilar")
    assert (draft.assignee, draft.reason("assignee")) == (PILAR, SIGNED_OR_ASKED)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Ines, the Hartwell client called. Could you or Pilar call him back?", OFFERED_TO_TWO),
        (
            "Ines, I've started the Hartwell answer. Do you want the setoff pleaded as a "
            "counterclaim, or should we hold it back?",
            OFFERED,
        ),
    ],
)
def test_work_offered_to_another_or_kept_by_the_writer_is_asked_about(
    parser: Parser, text: str, reason: str
) -> None:
    draft = read(parser, text)
    assert (draft.assignee, draft.reason("assignee")) == (INES, reason)


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        (
            "Theodora, the Hartwell screen is done and the memo is in the folder whenever "
            "you'd like a look. No action needed.",
            "normal",
        ),
        ("whenever you get a chance, scan the Hartwell letters", "low"),
        ("Hartwell memo is done, no action needed. No rush on reading it.", "low"),
    ],
)
def test_whenever_in_a_report_of_no_task_sets_no_priority(
    parser: Parser, text: str, priority: str
) -> None:
    assert read(parser, text).priority == priority

"""Assignees as an office manager's tasker names them: "TASKER: SURNAME.", "ACTION: SURNAME.",
"TO: Name." headers, a surname shared with a creditor, and greetings said with a stop or two."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from tests.matching.bundled import firm_parser, reader, sure_assignee
from tests.matching.bundled import named_person as person

CHI = "America/Chicago"
NOW = datetime(2027, 3, 2, 9, 0, tzinfo=ZoneInfo(CHI))  # a Tuesday

GWEN, PAVEL = "gwen.halloran@kaskaskia.test", "pavel.okonjo@kaskaskia.test"
INES, COLETTE = "ines.marquette@kaskaskia.test", "colette.ashford@kaskaskia.test"
THEO = "theo.brandvold@kaskaskia.test"
ROSTER = (
    person(GWEN, "Gwen Halloran", "partner"),
    person(PAVEL, "Pavel Okonjo", "associate"),
    person(INES, "Ines Marquette", "paralegal"),
    person(COLETTE, "Colette Ashford", "paralegal"),  # surname = a creditor's
    person(THEO, "Theo Brandvold", "legal_assistant"),
)
MATTERS = (
    MatterRef("KK-1", "Lorna Perrin", "Ashford Capital v. Perrin"),
    MatterRef("KK-2", "Dale Hume", "Hume v. Prairie Auto"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, CHI, GWEN)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("TASKER: MARQUETTE. Hume — client rec'd a dunning ltr dated 22FEB. Send the 1692g "
         "validation request, certified. NLT 1500 THU. v/r Gwen", INES),
        # the header names the paralegal, whatever creditor shares her surname
        ("ACTION: ASHFORD. Perrin — Ashford Capital served RFAs 20FEB. Draft responses for "
         "Okonjo review. NLT 12MAR. v/r Gwen", COLETTE),
        ("TO: Pavel. Hume v. Prairie Auto — research memo on the dealer's bond. NLT 1200 tmrw.",
         PAVEL),
        # the header's one, not a name said later in another role
        ("TASKER: BRANDVOLD. 3 new intake voicemails. Intake calls today, forms to Okonjo. "
         "v/r Gwen", THEO),
    ],
)
def test_a_taskers_header_names_the_assignee(parser: Parser, text: str, who: str) -> None:
    assert sure_assignee(read(parser, text)) == (who, False)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a header whose value is no name leaves the doer to the rest of the text
        ("ACTION: Answer. Perrin was served 2/20. Pavel to draft the answer by Friday.", PAVEL),
        # a forwarded e-mail's To: line names its addressee, not the one tasked
        ("Theo, can you scan this into the Perrin file?\n\nFrom: Ines Marquette\n"
         "To: Pavel Okonjo\nSubject: Perrin docs\n\nAttached.", THEO),
    ],
)
def test_other_headers_leave_the_doer_to_the_text(parser: Parser, text: str, who: str) -> None:
    assert sure_assignee(read(parser, text)) == (who, False)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Hi Theo!! :sparkles: Could you call Ms. Perrin back and tell her the hearing is still "
         "on? Thanks!!", THEO),
        ("Hiii Ines! Could you sort the Hume letters by date so Pavel can find them?", INES),
    ],
)
def test_the_one_greeted_with_a_stop_or_two_is_asked(parser: Parser, text: str, who: str) -> None:
    assert sure_assignee(read(parser, text)) == (who, False)

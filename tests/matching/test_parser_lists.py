"""Lists addressed to several people ("1) @Ana pls draft … 2) @Ben calendar …"): the main item's
task, matter, deadline and assignee, read from that item alone; and "+1 to Ana's list"."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from matching.model import MatterRef
from matching.parse import Parser
from tests.matching.bundled import firm_parser, reader, sure_assignee, sure_matter
from tests.matching.bundled import named_person as person

CHI = "America/Chicago"
NOW = datetime(2027, 3, 4, 8, 30, tzinfo=ZoneInfo(CHI))  # a Thursday

ODA, PELL, QUIRK = "oda.reyes@fernhill.test", "pell.sato@fernhill.test", "q.ames@fernhill.test"
RUE, SOLA = "rue.baxter@fernhill.test", "sola.innis@fernhill.test"
ROSTER = (
    person(ODA, "Oda Reyes", "paralegal"),
    person(PELL, "Pell Sato", "legal_assistant"),
    person(QUIRK, "Quirk Ames", "associate"),
    person(RUE, "Rue Baxter", "partner"),
    person(SOLA, "Sola Innis", "paralegal"),
)
HALVERSEN, MOTT, TRASK, VOSS = "FH-101", "FH-102", "FH-103", "FH-104"
MATTERS = (
    MatterRef(HALVERSEN, "Ingrid Halversen", "Halversen v. Northgate Credit"),
    MatterRef(MOTT, "Darius Mott", "Bayline Funding v. Mott"),
    MatterRef(TRASK, "Lyle Trask", "In re Lyle Trask (Chapter 7)"),
    MatterRef(VOSS, "Greta Voss", "Voss v. Summit Auto"),
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return firm_parser(MATTERS, ROSTER)


read = reader(NOW, CHI, RUE)


@pytest.mark.parametrize(
    "text",
    [
        "+1 to Oda's list re Mott - <at>Pell Sato</at> can you also calendar the Mott "
        "pretrial, 3/19",
        "+1 to Oda's note on Mott. <at>Pell Sato</at> while you're in there pls update the "
        "Mott calendar too",
    ],
)
def test_the_one_whose_list_is_seconded_is_not_the_assignee(parser: Parser, text: str) -> None:
    assert sure_assignee(read(parser, text, QUIRK)) == (PELL, False)
    assert sure_matter(read(parser, text, QUIRK)) == (MOTT, False)


def test_a_number_before_to_is_no_plus_one(parser: Parser) -> None:
    text = "can you cover the Mott hearing Wed at 1? to Pell"
    assert sure_assignee(read(parser, text)) == (PELL, False)
